// Mock of folly/coro/Collect.h: collectAll* cancel the rest and rethrow the
// first failure; collectAllTry* wait for all and return a Try per task.
#pragma once
#include "../Try.h"
#include "Task.h"
#include <tuple>
#include <vector>

namespace folly::coro {
namespace detail {
template <class SemiAwaitable>
using semi_await_result_t =
    decltype(std::declval<SemiAwaitable>().operator co_await().await_resume());
} // namespace detail

template <class... SemiAwaitables>
auto collectAll(SemiAwaitables &&...awaitables)
    -> Task<std::tuple<detail::semi_await_result_t<SemiAwaitables>...>>;
template <class... SemiAwaitables>
auto collectAllTry(SemiAwaitables &&...awaitables)
    -> Task<std::tuple<Try<detail::semi_await_result_t<SemiAwaitables>>...>>;
template <class InputRange>
auto collectAllRange(InputRange awaitables)
    -> Task<std::vector<detail::semi_await_result_t<typename InputRange::value_type>>>;
template <class InputRange>
auto collectAllTryRange(InputRange awaitables)
    -> Task<std::vector<Try<detail::semi_await_result_t<typename InputRange::value_type>>>>;
template <class InputRange>
auto collectAllWindowed(InputRange awaitables, std::size_t maxConcurrency)
    -> Task<std::vector<detail::semi_await_result_t<typename InputRange::value_type>>>;
template <class InputRange>
auto collectAllTryWindowed(InputRange awaitables, std::size_t maxConcurrency)
    -> Task<std::vector<Try<detail::semi_await_result_t<typename InputRange::value_type>>>>;
} // namespace folly::coro
