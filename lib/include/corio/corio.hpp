// Umbrella header of the corio runtime.
#pragma once
