// The seed's patterns as docs/runtime.md shows them, compiled and run:
//   (a) TaskGroup            -> Quick start, fetch_profile
//   (b) TaskGroup + timeout  -> Timeouts and shields, fetch_with_timeout
//   (c) Semaphore            -> semaphore, rate_limited_client
//   (d) ExceptionGroup       -> exception_group, process_batch
//   (e) Sync-to-async bridge -> to_thread, load and build_index
//   (f) Cancellation handling-> finally, cancellable_operation
//   (g) Other threads        -> portal, serve_callbacks
//   (h) Bounded blocking work-> capacity_limiter, read_config
//   (i) Stopping on signals  -> wait_for_signal, serve_until_stopped
//   (j) Movable deadline     -> cancel_scope, read_until_idle
//   (k) Channel              -> channel, sum_squares
//   (l) Another loop         -> portal::call, cached_lookup
// Only the stand-ins for the application (json, fetch_user, ...) are
// written here; the examples themselves are copied from the document.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <future>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace corio_test {
namespace docs {

using namespace std::chrono_literals;

// Stand-ins for the application.
struct json {
  json() = default;
  explicit json(int v) : value(v) {}
  int value = 0;
  std::string text;  // not trivially copyable, like a real json value
};
struct Order {};
struct Profile {
  std::string name;
  std::vector<Order> orders;
};
struct ValueError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};
struct Document {
  std::size_t size = 0;
};
struct Doc {};
struct Index {
  int docs = 0;
  void add(const Doc&) { ++docs; }
};
struct resource {
  std::string id;
  bool released = false;
};
int resources_released = 0;

corio::task<std::string> fetch_user(std::string id) {
  co_await corio::sleep_for(1s);
  co_return "user " + id;
}
corio::task<std::vector<Order>> fetch_orders(std::string) {
  co_await corio::sleep_for(2s);
  co_return std::vector<Order>(3);
}
corio::task<json> http_get_json(std::string url) {
  co_await corio::sleep_for(1s);
  co_return json{static_cast<int>(url.size())};
}
corio::task<json> fetch_url(std::string url) { return http_get_json(std::move(url)); }
corio::task<json> process_item(json item) {
  co_await corio::yield();
  if (item.value < 0) throw ValueError("negative");
  if (item.value == 0) throw std::runtime_error("zero");
  co_return json{item.value * 10};
}
corio::task<std::string> read_file(std::string path) {
  co_await corio::yield();
  co_return "contents of " + path;
}
Document cpu_intensive_parse(const std::string& bytes) { return Document{bytes.size()}; }
corio::task<resource> acquire_resource(std::string id) {
  co_await corio::yield();
  co_return resource{std::move(id)};
}
corio::task<json> process_resource(resource& r) {
  co_await corio::sleep_for(1s);
  co_return json{static_cast<int>(r.id.size())};
}
corio::task<void> release_resource(resource& r) {
  co_await corio::sleep_for(1s);  // async cleanup: it may suspend, even when cancelled
  r.released = true;
  ++resources_released;
}
corio::task<json> lookup(std::string key) {
  co_await corio::yield();
  co_return json{static_cast<int>(key.size())};
}
corio::task<void> serve_forever() { co_await corio::sleep_for(24h); }
std::string read_whole_file(const std::string& path) { return "contents of " + path; }
// A library that calls its handlers on a thread of its own.
class legacy_server {
 public:
  void set_handler(std::function<json(std::string)> handler) { handler_ = std::move(handler); }
  void set_on_stop(std::function<void()> on_stop) { on_stop_ = std::move(on_stop); }
  void start() {
    thread_ = std::thread([this] {
      for (const char* key : {"a", "bb", "ccc"}) replies.push_back(handler_(key).value);
      on_stop_();
    });
  }
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  ~legacy_server() { join(); }
  std::vector<int> replies;  // read after join()

 private:
  std::function<json(std::string)> handler_;
  std::function<void()> on_stop_;
  std::thread thread_;
};

// (a) Quick start.
corio::task<Profile> fetch_profile(std::string id) {
  // Both run concurrently; with_task_group returns when both have finished.
  // If one fails, the other is cancelled and the failure comes out as an
  // exception_group once everything has unwound.
  co_return co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<Profile> {
    auto user = g.spawn(fetch_user(id));
    auto orders = g.spawn(fetch_orders(id));
    std::string name = co_await std::move(user);
    std::vector<Order> placed = co_await std::move(orders);
    co_return Profile{std::move(name), std::move(placed)};
  });
}

// (b) TaskGroup with a timeout.
corio::task<std::vector<json>> fetch_with_timeout(std::vector<std::string> urls,
                                                  std::chrono::seconds timeout = 30s) {
  std::vector<corio::join_handle<json>> tasks;
  co_await corio::with_timeout(timeout, corio::with_task_group([&](corio::task_group& g) -> corio::task<> {
    for (const auto& url : urls) tasks.push_back(g.spawn(fetch_url(url)));
    co_return;
  }));
  std::vector<json> results;                    // every child has finished here
  results.reserve(tasks.size());
  for (auto& t : tasks) results.push_back(std::move(t.result()));
  co_return results;
}

// (c) Semaphore.
class rate_limited_client {
 public:
  explicit rate_limited_client(std::ptrdiff_t max_concurrent) : limit_(max_concurrent) {}

  corio::task<json> fetch(std::string url) {
    auto permit = co_await limit_.hold();       // at most max_concurrent requests in flight
    co_return co_await http_get_json(url);
  }

  corio::task<std::vector<json>> fetch_many(std::vector<std::string> urls) {
    std::vector<corio::join_handle<json>> requests;
    co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<> {
      for (const auto& url : urls) requests.push_back(g.spawn(fetch(url)));
      co_return;
    });
    std::vector<json> results;                  // all complete here, as after `async with`
    results.reserve(requests.size());
    for (auto& r : requests) results.push_back(std::move(r.result()));
    co_return results;
  }

 private:
  corio::semaphore limit_;
};

// (d) Exception groups.
struct batch_outcome {
  std::vector<json> results;
  std::vector<std::exception_ptr> value_errors;   // except* ValueError
  std::vector<std::exception_ptr> other_errors;   // except* Exception
};

corio::task<batch_outcome> process_batch(std::vector<json> items) {
  batch_outcome out;
  std::vector<corio::join_handle<json>> tasks;
  try {
    co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<> {
      for (const json& item : items) tasks.push_back(g.spawn(process_item(item)));
      co_return;
    });
  } catch (const corio::exception_group& eg) {
    auto [value_errors, others] = eg.split<ValueError>();
    if (value_errors) out.value_errors = value_errors->exceptions();
    if (others) out.other_errors = others->exceptions();
    co_return out;
  }
  out.results.reserve(tasks.size());             // the `else:` branch
  for (auto& t : tasks) out.results.push_back(std::move(t.result()));
  co_return out;
}

// (e) Sync-to-async bridge.
corio::task<Document> load(std::string path) {
  std::string bytes = co_await read_file(path);
  // cpu_intensive_parse blocks for a while: keep it off the event loop.
  co_return co_await corio::to_thread(cpu_intensive_parse, std::move(bytes));
}

// Cooperative cancellation for long computations:
corio::task<Index> build_index(std::vector<Doc> docs) {
  co_return co_await corio::with_timeout(10s, corio::to_thread(
      // NOLINTNEXTLINE(performance-unnecessary-value-param): as docs/runtime.md shows it
      [](std::stop_token stop, std::vector<Doc> d) {
        Index index;
        for (auto& doc : d) {
          if (stop.stop_requested()) break;   // the timeout expired: give up early
          index.add(doc);
        }
        return index;
      },
      std::move(docs)));
}

// (f) Cancellation handling.
corio::task<json> cancellable_operation(std::string resource_id) {
  resource r = co_await acquire_resource(resource_id);
  co_return co_await corio::finally(process_resource(r), [&]() -> corio::task<> {
    co_await release_resource(r);               // runs on success, failure and cancellation
  });
}

// (g) Other threads.
corio::task<void> serve_callbacks(legacy_server& server) {
  co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<> {
    corio::event stopped;
    // Both run on the server's threads.
    server.set_handler([p = g.portal()](const std::string& key) {
      return p.spawn([key] { return lookup(key); }).get();   // lookup runs on the loop, as a child of g
    });
    server.set_on_stop([p = g.portal(), &stopped] { p.post([&stopped] { stopped.set(); }); });
    server.start();
    co_await stopped.wait();
  });
}

// (h) Bounded blocking work.
corio::capacity_limiter disk(2);   // at most two blocking file reads at once  // NOLINT(bugprone-throwing-static-initialization)

corio::task<std::string> read_config(std::string path) {
  co_return co_await corio::to_thread(disk, read_whole_file, std::move(path));
}

// (l) Another loop.
corio::task<json> cached_lookup(corio::portal cache, std::string key) {
  // lookup runs on the cache's loop, as a child of its group, while this loop
  // goes on with its other tasks; the timeout cancels it over there.
  corio::task<json> looked_up = cache.call([key] { return lookup(key); });
  co_return co_await corio::with_timeout(100ms, std::move(looked_up));
}

// (i) Stopping on signals.
corio::task<void> serve_until_stopped() {
  co_await corio::with_task_group([](corio::task_group& g) -> corio::task<> {
    g.spawn(serve_forever());
    g.spawn([&g]() -> corio::task<> {
      corio::task<int> signalled = corio::wait_for_signal({SIGINT, SIGTERM});
      const int sig = co_await std::move(signalled);
      std::fprintf(stderr, "signal %d: shutting down\n", sig);
      g.cancel();
    });
    co_return;
  });
}

// A peer that sends `gaps.size()` messages, each after its gap, then goes
// quiet (closed == false) or closes.
struct message {};
struct connection {
  std::vector<std::chrono::seconds> gaps;
  bool closes_after_last = false;
  std::size_t sent = 0;
  corio::task<std::optional<message>> next() {
    if (sent == gaps.size()) {
      if (!closes_after_last) co_await corio::sleep_for(std::chrono::hours(24));
      co_return std::nullopt;
    }
    co_await corio::sleep_for(gaps[sent++]);
    co_return message{};
  }
};

// (j) Movable deadline.
corio::task<int> read_until_idle(connection& conn, std::chrono::seconds idle_limit) {
  int received = 0;
  co_await corio::with_cancel_scope([&](corio::cancel_scope& idle) -> corio::task<> {
    idle.set_deadline(corio::now() + idle_limit);
    while (std::optional<message> m = co_await conn.next()) {
      ++received;
      idle.set_deadline(corio::now() + idle_limit);  // asyncio: reschedule; Trio: deadline =
    }
  });
  co_return received;  // the peer closed, or went quiet for idle_limit
}

// (k) Channel.
corio::task<int> sum_squares(int n, int workers) {
  corio::channel<int> jobs(0);
  int total = 0;
  co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<> {
    for (int w = 0; w < workers; ++w)
      g.spawn([&]() -> corio::task<> {
        while (std::optional<int> job = co_await jobs.receive()) total += *job * *job;
      });
    for (int i = 1; i <= n; ++i) co_await jobs.send(int(i));
    jobs.close();                        // the workers' loops end
  });
  co_return total;
}

namespace {

TEST(DocsExamples, A_TaskGroup) {
  const Profile p = corio::run(fetch_profile("42"), corio::virtual_clock{});
  EXPECT_EQ(p.name, "user 42");
  EXPECT_EQ(p.orders.size(), 3u);
}

TEST(DocsExamples, B_TaskGroupWithTimeout) {
  const std::vector<json> results = corio::run(fetch_with_timeout({"a", "bb"}), corio::virtual_clock{});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].value, 2);
  EXPECT_THROW(corio::run(fetch_with_timeout({"a"}, 0s), corio::virtual_clock{}), corio::timeout_error);
}

TEST(DocsExamples, C_Semaphore) {
  rate_limited_client client(2);
  const corio::steady_time start = std::chrono::steady_clock::now();
  corio::steady_time end{};
  const std::vector<json> results = run_virtual([&]() -> task<std::vector<json>> {
    std::vector<std::string> urls{"a", "b", "c", "d"};  // g++ 12: no braced list inside co_await
    std::vector<json> r = co_await client.fetch_many(std::move(urls));
    end = corio::now();
    co_return r;
  });
  EXPECT_EQ(results.size(), 4u);
  EXPECT_GE(end - start, 2s);  // two at a time, one second each
}

TEST(DocsExamples, D_ExceptionGroups) {
  const batch_outcome failed = corio::run(process_batch({json{1}, json{-1}, json{0}, json{-2}}), corio::virtual_clock{});
  EXPECT_TRUE(failed.results.empty());
  EXPECT_EQ(failed.value_errors.size(), 2u);
  EXPECT_EQ(failed.other_errors.size(), 1u);
  const batch_outcome ok = corio::run(process_batch({json{1}, json{2}}), corio::virtual_clock{});
  ASSERT_EQ(ok.results.size(), 2u);
  EXPECT_EQ(ok.results[1].value, 20);
  EXPECT_TRUE(ok.value_errors.empty() && ok.other_errors.empty());
}

TEST(DocsExamples, E_SyncToAsyncBridge) {
  EXPECT_EQ(corio::run(load("x")).size, std::string("contents of x").size());
  EXPECT_EQ(corio::run(build_index(std::vector<Doc>(5))).docs, 5);
}

TEST(DocsExamples, F_CancellationHandling) {
  resources_released = 0;
  run_virtual([&]() -> task<void> {
    EXPECT_EQ((co_await cancellable_operation("abc")).value, 3);
    EXPECT_EQ(resources_released, 1);
    // Cancelled half-way through process_resource: the release still runs
    // (and may sleep), then the timeout fires.
    EXPECT_THROW(co_await corio::with_timeout(500ms, cancellable_operation("x")), corio::timeout_error);
    EXPECT_EQ(resources_released, 2);
  });
}

TEST(DocsExamples, G_OtherThreads) {
  legacy_server server;
  corio::run(serve_callbacks(server));
  server.join();
  EXPECT_EQ(server.replies, (std::vector<int>{1, 2, 3}));
}

TEST(DocsExamples, H_BoundedBlockingWork) {
  EXPECT_EQ(corio::run(read_config("app.toml")), "contents of app.toml");
  EXPECT_EQ(disk.borrowed_tokens(), 0u);
}

// SIGTERM is ignored around the example, so a signal sent before the
// example waits is dropped (the sender repeats it) instead of killing the test.
TEST(DocsExamples, I_StoppingOnSignals) {
  ::signal(SIGTERM, SIG_IGN);
  std::atomic<bool> stopped{false};
  std::thread sender([&] {
    while (!stopped.load()) {
      ::kill(::getpid(), SIGTERM);
      std::this_thread::sleep_for(5ms);
    }
  });
  corio::run(serve_until_stopped());
  stopped = true;
  sender.join();
  ::signal(SIGTERM, SIG_DFL);
}

// Gaps of 8 s never reach the 10 s limit; the silence after the last does.
TEST(DocsExamples, J_CancelScopeIdleTimeout) {
  connection quiet{{8s, 8s, 8s}, false};
  std::chrono::nanoseconds took{};
  EXPECT_EQ(run_virtual([&]() -> task<int> {
              const corio::steady_time start = corio::now();
              const int received = co_await read_until_idle(quiet, 10s);
              took = since(start);
              co_return received;
            }),
            3);
  EXPECT_EQ(took, 34s);
  connection closing{{8s, 8s}, true};
  EXPECT_EQ(run_virtual([&]() -> task<int> { co_return co_await read_until_idle(closing, 10s); }), 2);
  connection slow{{8s, 12s}, true};
  EXPECT_EQ(run_virtual([&]() -> task<int> { co_return co_await read_until_idle(slow, 10s); }), 1);
}

TEST(DocsExamples, K_ChannelWorkerPool) {
  EXPECT_EQ(corio::run(sum_squares(10, 3)), 385);
  EXPECT_EQ(corio::run(sum_squares(0, 2)), 0);
}

// The cache's loop on its own thread, its group open until the lookup is done.
TEST(DocsExamples, L_AnotherLoop) {
  std::promise<corio::portal> cache_portal;
  std::promise<void> finished;
  std::thread cache_loop([&] {
    corio::run(corio::with_task_group([&](corio::task_group& g) -> task<void> {
      cache_portal.set_value(g.portal());
      co_await corio::to_thread([&] { finished.get_future().wait(); });
    }));
  });
  const corio::portal cache = cache_portal.get_future().get();
  EXPECT_EQ(corio::run(cached_lookup(cache, "abcd")).value, 4);
  finished.set_value();
  cache_loop.join();
}

}  // namespace
}  // namespace docs
}  // namespace corio_test
