// corio: structured concurrency for C++20 coroutines. One include for all.
#pragma once

#include "corio/cancel_scope.hpp"
#include "corio/channel.hpp"
#include "corio/clock.hpp"
#include "corio/event.hpp"
#include "corio/exception_group.hpp"
#include "corio/exceptions.hpp"
#include "corio/finally.hpp"
#include "corio/run.hpp"
#include "corio/semaphore.hpp"
#include "corio/shielded.hpp"
#include "corio/sleep.hpp"
#include "corio/task.hpp"
#include "corio/task_group.hpp"
#include "corio/timeouts.hpp"
#include "corio/to_thread.hpp"
