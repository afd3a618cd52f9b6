// corio::generator<T>: lazy values pulled with next() and for_each, awaits
// inside the body, exceptions at next(), cancellation and destruction of the
// consumer, and misuse.
#include "test_support.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace corio_test {
namespace {

using corio::generator;
using corio::task_group;
using corio::with_task_group;

generator<int> count_to(int n) {
  for (int i = 1; i <= n; ++i) co_yield i;
}

// Sleeps `gap` before each value, so values arrive on the consumer's clock.
generator<int> ticks(int n, std::chrono::nanoseconds gap) {
  for (int i = 0; i < n; ++i) {
    co_await corio::sleep_for(gap);
    co_yield i;
  }
}

// The message of the logic_error `co_await gen.next()` throws, or "" if it
// throws none.
task<std::string> next_refusal(generator<int>& gen) {
  try {
    co_await gen.next();
  } catch (const std::logic_error& e) {
    co_return e.what();
  }
  co_return "";
}

bool mentions(const std::string& message, const char* part) { return message.find(part) != std::string::npos; }

TEST(Generator, NextGivesEachValueThenNullopt) {
  const std::vector<int> got = run_virtual([]() -> task<std::vector<int>> {
    generator<int> gen = count_to(3);
    std::vector<int> out;
    while (std::optional<int> v = co_await gen.next()) out.push_back(*v);
    co_return out;
  });
  EXPECT_EQ(got, (std::vector<int>{1, 2, 3}));
}

TEST(Generator, IsLazyTheBodyStartsAtTheFirstNextAndStopsAtEachYield) {
  std::vector<std::string> events;
  run_virtual([&]() -> task<void> {
    auto body = [&]() -> generator<int> {
      events.emplace_back("body started");
      co_yield 1;
      events.emplace_back("resumed after 1");
      co_yield 2;
      events.emplace_back("resumed after 2");
    };
    generator<int> gen = body();
    events.emplace_back("created");
    EXPECT_EQ(*co_await gen.next(), 1);
    events.emplace_back("got 1");
    EXPECT_EQ(*co_await gen.next(), 2);
    events.emplace_back("got 2");
  });
  EXPECT_EQ(events, (std::vector<std::string>{"created", "body started", "got 1", "resumed after 1", "got 2"}));
}

TEST(Generator, TheBodyAwaitsOnTheConsumersClock) {
  std::vector<std::chrono::nanoseconds> arrivals;
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    generator<int> gen = ticks(3, 2s);
    while (co_await gen.next()) arrivals.push_back(since(start));
  });
  EXPECT_EQ(arrivals, (std::vector<std::chrono::nanoseconds>{2s, 4s, 6s}));
}

TEST(Generator, YieldedValuesAreMovedNotCopied) {
  struct move_only {
    explicit move_only(int v) : value(std::make_unique<int>(v)) {}
    std::unique_ptr<int> value;
  };
  const int got = run_virtual([]() -> task<int> {
    auto body = []() -> generator<move_only> { co_yield move_only(5); };
    generator<move_only> gen = body();
    std::optional<move_only> v = co_await gen.next();
    co_return *v->value;
  });
  EXPECT_EQ(got, 5);
}

TEST(Generator, AnExceptionInTheBodyReachesTheConsumerAtNext) {
  std::vector<int> got;
  run_virtual([&]() -> task<void> {
    auto body = []() -> generator<int> {
      co_yield 1;
      throw failure(2);
    };
    generator<int> gen = body();
    got.push_back(*co_await gen.next());
    try {
      co_await gen.next();
      ADD_FAILURE() << "next() did not rethrow";
    } catch (const failure& f) {
      got.push_back(f.id);
    }
    const std::string refusal = co_await next_refusal(gen);  // the end was delivered
    EXPECT_TRUE(mentions(refusal, "the generator has ended")) << refusal;
  });
  EXPECT_EQ(got, (std::vector<int>{1, 2}));
}

TEST(Generator, NextAfterTheEndIsALogicError) {
  run_virtual([]() -> task<void> {
    generator<int> gen = count_to(1);
    EXPECT_EQ(co_await gen.next(), 1);
    EXPECT_EQ(co_await gen.next(), std::nullopt);
    const std::string refusal = co_await next_refusal(gen);
    EXPECT_TRUE(mentions(refusal, "corio::generator::next: the generator has ended")) << refusal;
  });
}

TEST(Generator, NextOnAnEmptyGeneratorIsALogicError) {
  run_virtual([]() -> task<void> {
    generator<int> gen = count_to(1);
    generator<int> taken = std::move(gen);
    const std::string refusal = co_await next_refusal(gen);  // NOLINT(bugprone-use-after-move): the misuse under test
    EXPECT_TRUE(mentions(refusal, "empty generator")) << refusal;
    EXPECT_EQ(co_await taken.next(), 1);
  });
}

TEST(Generator, ASecondNextWhileOneIsInProgressIsALogicError) {
  bool second_refused = false;
  run_virtual([&]() -> task<void> {
    generator<int> gen = ticks(1, 5s);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> { EXPECT_EQ(co_await gen.next(), 0); });
      co_await corio::sleep_for(1s);  // the first next() is parked in the body's sleep
      second_refused = mentions(co_await next_refusal(gen), "still in progress");
    });
  });
  EXPECT_TRUE(second_refused);
}

// An awaiter made before the end is checked when awaited.
TEST(Generator, AnAwaiterKeptAsideIsCheckedWhenAwaited) {
  run_virtual([]() -> task<void> {
    generator<int> gen = count_to(1);
    auto first = gen.next();
    auto kept = gen.next();
    EXPECT_EQ(co_await first, 1);
    EXPECT_EQ(co_await gen.next(), std::nullopt);
    bool refused = false;
    try {
      co_await kept;
    } catch (const std::logic_error&) {
      refused = true;
    }
    EXPECT_TRUE(refused);
  });
}

// Destroying the generator at a co_yield ends the body there: its locals
// are destroyed and nothing after the yield runs.
TEST(Generator, DestroyedAtAYieldRunsTheBodysCleanup) {
  tracked::reset();
  bool ran_past_yield = false;
  run_virtual([&]() -> task<void> {
    auto body = [&]() -> generator<int> {
      const tracked resource;
      co_yield 1;
      ran_past_yield = true;
    };
    {
      generator<int> gen = body();
      EXPECT_EQ(co_await gen.next(), 1);
      EXPECT_EQ(tracked::live, 1);
    }
    EXPECT_EQ(tracked::live, 0);
    co_return;
  });
  EXPECT_EQ(tracked::destroyed, 1);
  EXPECT_FALSE(ran_past_yield);
}

TEST(Generator, DestroyedBeforeItStartedNeverRunsTheBody) {
  bool started = false;
  run_virtual([&]() -> task<void> {
    auto body = [&]() -> generator<int> {
      started = true;
      co_yield 1;
    };
    { const generator<int> gen = body(); }
    co_return;
  });
  EXPECT_FALSE(started);
}

// The body runs in the consumer's scopes: cancelling the consumer while it
// waits in next() cancels the body at its co_await; the body's cleanup runs
// and next() rethrows the cancellation.
TEST(Generator, CancellingTheConsumerCancelsTheBodyAtItsSuspensionPoint) {
  tracked::reset();
  bool body_saw_cancel = false;
  bool next_threw_cancel = false;
  std::chrono::nanoseconds took{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    auto body = [&]() -> generator<int> {
      const tracked resource;
      try {
        co_await corio::sleep_for(1h);
      } catch (const corio::cancelled_error&) {
        body_saw_cancel = true;
        throw;
      }
      co_yield 1;
    };
    generator<int> gen = body();
    const bool completed = co_await corio::move_on_after(3s, [&]() -> task<void> {
      try {
        co_await gen.next();
      } catch (const corio::cancelled_error&) {
        next_threw_cancel = true;
        throw;
      }
    }());
    took = since(start);
    EXPECT_FALSE(completed);
    EXPECT_EQ(tracked::live, 0);  // unwound before the consumer went on
    const std::string refusal = co_await next_refusal(gen);  // its end (the cancellation) was delivered
    EXPECT_TRUE(mentions(refusal, "the generator has ended")) << refusal;
  });
  EXPECT_TRUE(body_saw_cancel);
  EXPECT_TRUE(next_threw_cancel);
  EXPECT_EQ(took, 3s);
  EXPECT_EQ(tracked::destroyed, 1);
}

// A consumer cancelled between two next() calls unwinds at its own
// suspension point and destroys the parked generator on the way out.
TEST(Generator, AConsumerCancelledBetweenValuesDestroysTheParkedGenerator) {
  tracked::reset();
  int received = 0;
  run_virtual([&]() -> task<void> {
    auto body = []() -> generator<int> {
      const tracked resource;
      for (int i = 0;; ++i) co_yield i;
    };
    co_await corio::move_on_after(5s, [&]() -> task<void> {
      generator<int> gen = body();
      for (;;) {
        co_await gen.next();
        ++received;
        co_await corio::sleep_for(2s);
      }
    }());
    EXPECT_EQ(tracked::live, 0);
  });
  EXPECT_EQ(received, 3);  // at 0s, 2s and 4s
  EXPECT_EQ(tracked::destroyed, 1);
}

TEST(Generator, ForEachCallsAPlainFunctionForEachValue) {
  std::vector<int> got;
  run_virtual([&]() -> task<void> {
    generator<int> gen = count_to(4);
    co_await corio::for_each(gen, [&](int v) { got.push_back(v); });
  });
  EXPECT_EQ(got, (std::vector<int>{1, 2, 3, 4}));
}

TEST(ForEach, AwaitsATaskFunctionBeforePullingTheNextValue) {
  std::vector<std::chrono::nanoseconds> handled_at;
  std::vector<std::chrono::nanoseconds> produced_at;
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    auto body = [&]() -> generator<int> {
      for (int i = 0; i < 2; ++i) {
        produced_at.push_back(since(start));
        co_yield i;
      }
    };
    co_await corio::for_each(body(), [&](int) -> task<void> {
      co_await corio::sleep_for(3s);
      handled_at.push_back(since(start));
    });
  });
  EXPECT_EQ(produced_at, (std::vector<std::chrono::nanoseconds>{0s, 3s}));
  EXPECT_EQ(handled_at, (std::vector<std::chrono::nanoseconds>{3s, 6s}));
}

TEST(ForEach, TheGeneratorsExceptionComesOut) {
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 auto body = []() -> generator<int> {
                   co_yield 1;
                   throw failure(1);
                 };
                 co_await corio::for_each(body(), [](int) {});
               }),
               failure);
}

TEST(ForEach, TheFunctionsExceptionDestroysTheGenerator) {
  tracked::reset();
  EXPECT_THROW(run_virtual([]() -> task<void> {
                 auto body = []() -> generator<int> {
                   const tracked resource;
                   for (int i = 0;; ++i) co_yield i;
                 };
                 co_await corio::for_each(body(), [](int v) {
                   if (v == 2) throw failure(v);
                 });
               }),
               failure);
  EXPECT_EQ(tracked::live, 0);
  EXPECT_EQ(tracked::destroyed, 1);
}

// docs/runtime.md, generator: lines and count_lines, as the document shows
// them; a connection delivers chunks of text, one per second.
using line = std::string;
using chunk = std::string;

struct connection {
  std::vector<chunk> pending;
  task<std::optional<chunk>> read() {
    co_await corio::sleep_for(1s);
    if (pending.empty()) co_return std::nullopt;
    chunk c = std::move(pending.front());
    pending.erase(pending.begin());
    co_return c;
  }
};

// The complete lines in buffer + c; the rest stays in buffer.
std::vector<line> split(std::string& buffer, const chunk& c) {
  buffer += c;
  std::vector<line> complete;
  for (std::size_t end = buffer.find('\n'); end != std::string::npos; end = buffer.find('\n')) {
    complete.push_back(buffer.substr(0, end));
    buffer.erase(0, end + 1);
  }
  return complete;
}

corio::generator<line> lines(connection& conn) {
  std::string buffer;                             // destroyed however the generator ends
  while (std::optional<chunk> c = co_await conn.read())
    for (line l : split(buffer, *c)) co_yield std::move(l);
}

corio::task<int> count_lines(connection& conn) {
  int n = 0;
  corio::generator<line> gen = lines(conn);
  while (std::optional<line> l = co_await gen.next()) ++n;
  co_return n;
}

TEST(Generator, TheDocumentsCountLines) {
  connection conn{{"a\nb", "c\n", "\nd\n"}};
  EXPECT_EQ(run_virtual([&]() { return count_lines(conn); }), 4);
  connection again{{"x\ny\n"}};
  int n = 0;
  run_virtual([&]() -> task<void> { co_await corio::for_each(lines(again), [&](const line&) { ++n; }); });
  EXPECT_EQ(n, 2);
}

// Values that never suspend must not grow the stack (g++ -O0 has no tail
// calls: the runtime's trampoline carries the transfers).
TEST(Generator, AMillionYieldsWithoutSuspendingUseConstantStack) {
  const long long sum = run_virtual([]() -> task<long long> {
    generator<int> gen = count_to(1'000'000);
    long long total = 0;
    while (std::optional<int> v = co_await gen.next()) total += *v;
    co_return total;
  });
  EXPECT_EQ(sum, 500'000'500'000LL);
}

}  // namespace
}  // namespace corio_test
