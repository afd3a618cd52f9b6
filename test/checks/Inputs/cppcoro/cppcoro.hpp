// Convenience umbrella for tests (cppcoro itself has one header per type).
#pragma once
#include "async_generator.hpp"
#include "async_mutex.hpp"
#include "cancellation_token.hpp"
#include "generator.hpp"
#include "operation_cancelled.hpp"
#include "shared_task.hpp"
#include "static_thread_pool.hpp"
#include "sync_wait.hpp"
#include "task.hpp"
