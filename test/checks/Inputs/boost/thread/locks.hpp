// Mock of boost/thread/locks.hpp: every Boost.Thread lock type.
#pragma once
#include <boost/thread/lock_guard.hpp>
#include <boost/thread/lock_types.hpp>
