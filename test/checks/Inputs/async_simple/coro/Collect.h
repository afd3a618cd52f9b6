// Mock of async_simple/coro/Collect.h: collectAll* wait for all and return a
// Try per Lazy; collectAny returns the first to finish, the rest run on.
#pragma once
#include "Lazy.h"
#include <cstddef>
#include <tuple>
#include <variant>
#include <vector>

namespace async_simple::coro {
template <class T> struct CollectAnyResult {
  std::size_t _idx;
  Try<T> _value;
  std::size_t index() const;
};

template <template <class> class LazyType = Lazy, class... Ts>
auto collectAll(LazyType<Ts> &&...awaitables) -> Lazy<std::tuple<Try<Ts>...>>;
template <class T, template <class> class LazyType = Lazy>
auto collectAll(std::vector<LazyType<T>> &&input) -> Lazy<std::vector<Try<T>>>;
template <template <class> class LazyType = Lazy, class... Ts>
auto collectAllPara(LazyType<Ts> &&...awaitables) -> Lazy<std::tuple<Try<Ts>...>>;
template <class T, template <class> class LazyType = Lazy>
auto collectAllPara(std::vector<LazyType<T>> &&input) -> Lazy<std::vector<Try<T>>>;
template <class T, template <class> class LazyType = Lazy>
auto collectAllWindowed(std::size_t maxConcurrency, bool yield, std::vector<LazyType<T>> &&input)
    -> Lazy<std::vector<Try<T>>>;
template <class T, template <class> class LazyType = Lazy>
auto collectAny(std::vector<LazyType<T>> &&input) -> Lazy<CollectAnyResult<T>>;
template <template <class> class LazyType = Lazy, class... Ts>
auto collectAny(LazyType<Ts> &&...awaitables) -> Lazy<std::variant<Try<Ts>...>>;
} // namespace async_simple::coro
