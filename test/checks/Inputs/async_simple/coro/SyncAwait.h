#pragma once
#include "Lazy.h"
