// Standard headers the Asio mock body needs.
#pragma once
#include "mock_coroutine_support.h"
#include <chrono>
#include <cstddef>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>
