// corio/asio.hpp: run_on, use_task, from_asio on a real io_context, real
// loopback sockets (127.0.0.1, ephemeral ports), timers and signals.
#include <corio/asio.hpp>

#include <atomic>
#include <csignal>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "test_support.hpp"

namespace corio_test {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using boost::system::error_code;
using corio::task_group;
using corio::with_task_group;

template <class F>
auto run_io(net::io_context& io, F f) {
  return corio::run_on(io, f());
}

// A connected pair of loopback sockets on io.
struct socket_pair {
  tcp::socket client;
  tcp::socket server;
};

task<socket_pair> connect_pair() {
  auto ex = co_await corio::asio_executor();
  tcp::acceptor acceptor(ex, {net::ip::make_address("127.0.0.1"), 0});
  tcp::socket client(ex);
  std::optional<tcp::socket> server;
  co_await with_task_group([&](task_group& g) -> task<void> {
    g.spawn([](tcp::acceptor& a, std::optional<tcp::socket>& s) -> task<void> {
      s.emplace(co_await a.async_accept(corio::use_task));
    }(acceptor, server));
    co_await client.async_connect(acceptor.local_endpoint(), corio::use_task);
  });
  co_return socket_pair{std::move(client), std::move(*server)};
}

// ---- run_on ----------------------------------------------------------------

TEST(RunOn, ReturnsTheValueAndRethrows) {
  net::io_context io;
  EXPECT_EQ(run_io(io, []() -> task<int> { co_return 42; }), 42);
  io.restart();
  EXPECT_THROW(run_io(io, []() -> task<void> {
                 co_await corio::yield();
                 throw failure(1);
               }),
               failure);
}

TEST(RunOn, CorioTimersSleepAndToThreadArriveThroughIo) {
  net::io_context io;
  const std::thread::id loop_thread = std::this_thread::get_id();
  const int v = run_io(io, [&]() -> task<int> {
    const auto start = corio::now();
    co_await corio::sleep_for(20ms);
    EXPECT_GE(since(start), 20ms);
    const int r = co_await corio::to_thread([] {
      std::this_thread::sleep_for(10ms);
      return 6;
    });
    EXPECT_EQ(std::this_thread::get_id(), loop_thread);
    EXPECT_THROW(co_await corio::with_timeout(5ms, corio::sleep_for(1h)), corio::timeout_error);
    co_return r * 7;
  });
  EXPECT_EQ(v, 42);
}

// Plain Asio work on the same io runs while corio tasks wait, on this thread.
TEST(RunOn, OtherAsioWorkKeepsRunningInBetween) {
  net::io_context io;
  int ticks = 0;
  net::steady_timer plain(io);
  std::function<void(error_code)> tick = [&](error_code ec) {
    if (ec || ++ticks == 5) return;
    plain.expires_after(2ms);
    plain.async_wait(tick);
  };
  plain.expires_after(2ms);
  plain.async_wait(tick);
  run_io(io, []() -> task<void> { co_await corio::sleep_for(60ms); });
  EXPECT_EQ(ticks, 5);
}

// Fibers that are always ready do not starve io.
TEST(RunOn, BusyTasksDoNotStarveIo) {
  net::io_context io;
  bool ran = false;
  net::post(io, [&] { ran = true; });
  run_io(io, [&]() -> task<void> {
    // NOLINTNEXTLINE(async-busy-wait): the poll is what this test is about
    while (!ran) co_await corio::yield();
  });
  EXPECT_TRUE(ran);
}

TEST(RunOn, ReturnsWhenMainFinishesEvenIfIoHasOtherWork) {
  net::io_context io;
  net::steady_timer forever(io, std::chrono::hours(1));
  forever.async_wait([](error_code) {});
  EXPECT_EQ(run_io(io, []() -> task<int> { co_return 1; }), 1);
  EXPECT_FALSE(io.stopped());
}

TEST(RunOn, NestedInACorioLoopIsALogicError) {
  net::io_context io;
  try {
    corio::run([](net::io_context& ctx) -> task<void> {
      corio::run_on(ctx, []() -> task<void> { co_return; }());  // NOLINT(async-nested-event-loop): the error tested
      co_return;
    }(io));
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("corio::run_on: called while a corio event loop is already running"),
              std::string::npos);
  }
  io.restart();
  try {
    run_io(io, [&]() -> task<void> {
      corio::run_on(io, []() -> task<void> { co_return; }());  // NOLINT(async-nested-event-loop): the error tested
      co_return;
    });
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("already running"), std::string::npos);
  }
}

TEST(RunOn, InsideAHandlerOfTheSameIoIsALogicError) {
  net::io_context io;
  std::string message;
  net::post(io, [&] {
    try {
      corio::run_on(io, []() -> task<void> { co_return; }());
    } catch (const std::logic_error& e) {
      message = e.what();
    }
  });
  io.run();
  EXPECT_NE(message.find("corio::run_on: called from a handler that this io_context is running"), std::string::npos);
}

TEST(RunOn, AStoppedIoContextIsALogicError) {
  net::io_context io;
  io.stop();
  EXPECT_THROW(run_io(io, []() -> task<void> { co_return; }), std::logic_error);
  io.restart();
  EXPECT_NO_THROW(run_io(io, []() -> task<void> { co_return; }));
}

TEST(RunOn, DeadlockIsReported) {
  net::io_context io;
  corio::event never;
  try {
    run_io(io, [&]() -> task<void> { co_await never.wait(); });
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("corio::run_on: deadlock"), std::string::npos);
  }
}

TEST(RunOn, AsioExecutorIsTheIoContexts) {
  net::io_context io;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    EXPECT_TRUE(ex == io.get_executor());
  });
}

// corio's ticks run as handlers inside io: in a task, io's executor is
// running in this thread (so dispatch and co_spawn start inline), and a
// handler dispatched from a task runs before the task goes on.
TEST(RunOn, TasksRunInsideIo) {
  net::io_context io;
  run_io(io, [&]() -> task<void> {
    EXPECT_TRUE(io.get_executor().running_in_this_thread());
    co_await corio::sleep_for(1ms);
    EXPECT_TRUE(io.get_executor().running_in_this_thread());
    bool ran = false;
    net::dispatch(io, [&] { ran = true; });
    EXPECT_TRUE(ran);
    co_await net::post(io, corio::use_task);
    EXPECT_TRUE(io.get_executor().running_in_this_thread());
  });
}

// Handlers that run_on posted and that are still queued when it returns do
// nothing when io runs them later, whatever ran in between.
TEST(RunOn, IoKeepsWorkingAfterRunOnReturns) {
  net::io_context io;
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(run_io(io, [round]() -> task<int> {
                co_await corio::yield();
                co_await corio::to_thread([] {});
                co_return round;
              }),
              round);
    io.restart();  // run_on ran io out of work, which stops it, as io.run() does
    bool plain = false;
    net::post(io, [&] { plain = true; });
    io.run();
    io.restart();
    EXPECT_TRUE(plain);
  }
}

TEST(RunOn, AsioExecutorUnderPlainRunNamesRunOn) {
  try {
    corio::run([]() -> task<void> { (void)co_await corio::asio_executor(); }());
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("corio::asio_executor: this corio loop has no io_context"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("corio::run_on"), std::string::npos);
  }
}

// An exception escaping an unrelated handler leaves run_on as it would
// leave io.run(), after the corio tasks were cancelled and unwound.
TEST(RunOn, AnExceptionFromAnotherHandlerCancelsTheTasksAndIsRethrown) {
  net::io_context io;
  tracked::reset();
  net::steady_timer t(io, 5ms);
  t.async_wait([](error_code) { throw failure(7); });
  try {
    run_io(io, []() -> task<void> {
      tracked local;
      co_await corio::sleep_for(1h);
    });
    FAIL();
  } catch (const failure& f) {
    EXPECT_EQ(f.id, 7);
  }
  EXPECT_EQ(tracked::live, 0);
}

// ---- use_task --------------------------------------------------------------

TEST(UseTask, TimersAndPost) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    auto ex = co_await corio::asio_executor();
    net::steady_timer t(ex, 10ms);
    const auto start = corio::now();
    co_await t.async_wait(corio::use_task);
    EXPECT_GE(since(start), 10ms);
    co_await net::post(ex, corio::use_task);
    co_await net::post(corio::use_task);  // no executor: the handler's, run_on's io
    co_await net::dispatch(ex, corio::use_task);
  });
}

TEST(UseTask, SocketsReadWriteAcceptConnectResolve) {
  net::io_context io;
  const std::string got = run_io(io, []() -> task<std::string> {
    auto ex = co_await corio::asio_executor();
    tcp::resolver resolver(ex);
    const auto results = co_await resolver.async_resolve("127.0.0.1", "0", corio::use_task);
    EXPECT_FALSE(results.empty());
    socket_pair p = co_await connect_pair();
    const std::string message = "hello over loopback\n";
    const std::size_t written = co_await net::async_write(p.client, net::buffer(message), corio::use_task);
    EXPECT_EQ(written, message.size());
    std::string buffer;
    const std::size_t n = co_await net::async_read_until(p.server, net::dynamic_buffer(buffer), '\n', corio::use_task);
    EXPECT_EQ(n, message.size());
    char byte = 0;
    co_await p.server.async_write_some(net::buffer("x", 1), corio::use_task);
    EXPECT_EQ(co_await p.client.async_read_some(net::buffer(&byte, 1), corio::use_task), 1u);
    EXPECT_EQ(byte, 'x');
    // Connecting to a range: (error_code, endpoint) returns the endpoint.
    tcp::acceptor acceptor(ex, {net::ip::make_address("127.0.0.1"), 0});
    tcp::socket other(ex);
    tcp::resolver::results_type where = co_await resolver.async_resolve(
        "127.0.0.1", std::to_string(acceptor.local_endpoint().port()), corio::use_task);
    const tcp::endpoint connected = co_await net::async_connect(other, where, corio::use_task);
    EXPECT_EQ(connected.port(), acceptor.local_endpoint().port());
    co_return buffer;
  });
  EXPECT_EQ(got, "hello over loopback\n");
}

TEST(UseTask, ErrorsThrowSystemError) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    auto ex = co_await corio::asio_executor();
    tcp::endpoint closed;
    {
      tcp::acceptor a(ex, {net::ip::make_address("127.0.0.1"), 0});
      closed = a.local_endpoint();
    }  // nobody listens there any more
    tcp::socket s(ex);
    try {
      co_await s.async_connect(closed, corio::use_task);
      ADD_FAILURE() << "connected to a closed port";
    } catch (const boost::system::system_error& e) {
      EXPECT_EQ(e.code(), net::error::connection_refused);
    }
    // End of stream.
    socket_pair p = co_await connect_pair();
    p.client.close();
    char byte;
    try {
      co_await p.server.async_read_some(net::buffer(&byte, 1), corio::use_task);
      ADD_FAILURE();
    } catch (const boost::system::system_error& e) {
      EXPECT_EQ(e.code(), net::error::eof);
    }
  });
}

TEST(UseTask, AsTupleAndRedirectError) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    socket_pair p = co_await connect_pair();
    p.client.close();
    char byte;
    auto [ec, n] = co_await p.server.async_read_some(net::buffer(&byte, 1), net::as_tuple(corio::use_task));
    EXPECT_EQ(ec, net::error::eof);
    EXPECT_EQ(n, 0u);
    error_code redirected;
    const std::size_t m =
        co_await p.server.async_read_some(net::buffer(&byte, 1), net::redirect_error(corio::use_task, redirected));
    EXPECT_EQ(redirected, net::error::eof);
    EXPECT_EQ(m, 0u);
    auto ex = co_await corio::asio_executor();
    net::steady_timer t(ex, 1ms);
    auto [timer_ec] = co_await t.async_wait(net::as_tuple(corio::use_task));
    EXPECT_FALSE(timer_ec);
  });
}

TEST(UseTask, ConvertsToATaskForTimeouts) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    auto ex = co_await corio::asio_executor();
    net::steady_timer t(ex, 1ms);
    task<void> wait = t.async_wait(corio::use_task);  // lazy: nothing started yet
    co_await std::move(wait);
    t.expires_after(1ms);
    EXPECT_TRUE(co_await corio::move_on_after(1s, t.async_wait(corio::use_task)));
  });
}

TEST(UseTask, SignalSet) {
  net::io_context io;
  const int signal = run_io(io, []() -> task<int> {
    auto ex = co_await corio::asio_executor();
    net::signal_set signals(ex, SIGUSR1);
    int got = 0;
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](net::signal_set& s, int& out) -> task<void> { out = co_await s.async_wait(corio::use_task); }(signals, got));
      co_await corio::sleep_for(5ms);
      std::raise(SIGUSR1);
    });
    co_return got;
  });
  EXPECT_EQ(signal, SIGUSR1);
}

// Cancellation reaches the pending operation through its slot, the await
// throws cancelled_error, and the group completes normally.
TEST(UseTask, GroupCancelCancelsAPendingRead) {
  net::io_context io;
  bool read_cancelled = false;
  run_io(io, [&]() -> task<void> {
    socket_pair p = co_await connect_pair();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](tcp::socket& s, bool& cancelled) -> task<void> {
        char byte;
        try {
          co_await s.async_read_some(net::buffer(&byte, 1), corio::use_task);
        } catch (const corio::cancelled_error&) {
          cancelled = true;
          throw;
        }
      }(p.server, read_cancelled));
      co_await corio::sleep_for(5ms);
      g.cancel();
    });
    // The socket is still usable: only the operation was cancelled.
    co_await net::async_write(p.client, net::buffer("y", 1), corio::use_task);
    char byte = 0;
    co_await p.server.async_read_some(net::buffer(&byte, 1), corio::use_task);
    EXPECT_EQ(byte, 'y');
  });
  EXPECT_TRUE(read_cancelled);
}

TEST(UseTask, TimeoutsCancelTheOperation) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    auto ex = co_await corio::asio_executor();
    net::steady_timer t(ex, std::chrono::hours(1));
    const auto start = corio::now();
    EXPECT_THROW(co_await corio::with_timeout(10ms, t.async_wait(corio::use_task)), corio::timeout_error);
    EXPECT_LT(since(start), 1s);
    socket_pair p = co_await connect_pair();
    char byte;
    auto read = [](tcp::socket& s, char& b) -> task<std::size_t> {
      co_return co_await s.async_read_some(net::buffer(&b, 1), corio::use_task);
    };
    const std::optional<std::size_t> n = co_await corio::move_on_after(10ms, read(p.server, byte));
    EXPECT_FALSE(n.has_value());
  });
}

TEST(UseTask, AFailingSiblingCancelsTheOperation) {
  net::io_context io;
  try {
    run_io(io, []() -> task<void> {
      auto ex = co_await corio::asio_executor();
      net::steady_timer t(ex, std::chrono::hours(1));
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn([](net::steady_timer& timer) -> task<void> { co_await timer.async_wait(corio::use_task); }(t));
        g.spawn([]() -> task<void> {
          co_await corio::sleep_for(5ms);
          throw failure(3);
        }());
        co_return;
      });
    });
    FAIL();
  } catch (const corio::exception_group& eg) {
    EXPECT_EQ(failure_ids(eg), std::vector<int>{3});  // no operation_aborted in there
  }
}

TEST(UseTask, AnAlreadyCancelledTaskDoesNotStartTheOperation) {
  net::io_context io;
  bool started = false;
  run_io(io, [&]() -> task<void> {
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      try {
        co_await net::async_initiate<const corio::use_task_t&, void(error_code)>(
            [&started](auto handler) {
              started = true;
              auto ex = net::get_associated_executor(handler);
              net::post(ex, [h = std::move(handler)]() mutable { std::move(h)(error_code()); });
            },
            corio::use_task);
      } catch (const corio::cancelled_error&) {
        throw;
      }
    });
  });
  EXPECT_FALSE(started);
}

TEST(UseTask, ShieldedProtectsTheOperation) {
  net::io_context io;
  bool finished = false;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    net::steady_timer t(ex, 20ms);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](net::steady_timer& timer, bool& done) -> task<void> {
        co_await corio::shielded(timer.async_wait(corio::use_task));
        done = true;
      }(t, finished));
      co_await corio::sleep_for(2ms);
      g.cancel();
    });
  });
  EXPECT_TRUE(finished);
}

// An abort that corio did not cause (the socket was closed) stays an error.
TEST(UseTask, AnAbortCorioDidNotCauseStaysASystemError) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    socket_pair p = co_await connect_pair();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([](tcp::socket& s) -> task<void> {
        char byte;
        try {
          co_await s.async_read_some(net::buffer(&byte, 1), corio::use_task);
          ADD_FAILURE();
        } catch (const boost::system::system_error& e) {
          EXPECT_EQ(e.code(), net::error::operation_aborted);
        }
      }(p.server));
      co_await corio::sleep_for(2ms);
      p.server.close();
    });
  });
}

TEST(UseTask, UnderPlainRunIsALogicErrorNamingRunOn) {
  net::io_context io;
  net::steady_timer t(io, 1ms);
  try {
    corio::run([](net::steady_timer& timer) -> task<void> { co_await timer.async_wait(corio::use_task); }(t));
    FAIL();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("corio::use_task: this corio loop has no io_context"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("corio::run_on(io, main)"), std::string::npos);
  }
}

// A loop on another thread (here a plain corio::run there) has no
// io_context: the same clear error, never a hang.
TEST(UseTask, FromAThreadThatIsNotTheCorioLoopsIsALogicError) {
  net::io_context io;
  std::string message;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    co_await corio::to_thread([ex, &message] {
      try {
        corio::run([](net::io_context::executor_type e) -> task<void> { co_await net::post(e, corio::use_task); }(ex));
      } catch (const std::logic_error& e) {
        message = e.what();
      }
    });
  });
  EXPECT_NE(message.find("corio::use_task: this corio loop has no io_context"), std::string::npos);
}

// A corio loop on another thread, with an io_context of its own, awaiting
// an I/O object of this loop's io: refused, never a hang.
TEST(UseTask, AnIoObjectOfTheLoopOnAnotherThreadIsRefused) {
  net::io_context io;
  net::steady_timer t(io, 1ms);
  std::string message;
  std::thread other([&] {
    net::io_context own;
    try {
      corio::run_on(own, [](net::steady_timer& timer) -> task<void> { co_await timer.async_wait(corio::use_task); }(t));
    } catch (const std::logic_error& e) {
      message = e.what();
    }
  });
  other.join();
  EXPECT_NE(message.find("corio::use_task: the I/O object or executor belongs to another io_context"),
            std::string::npos);
}

TEST(UseTask, AnIoObjectOfAnotherIoContextIsRefused) {
  net::io_context io;
  net::io_context other;
  net::steady_timer t(other, 1ms);
  run_io(io, [&]() -> task<void> {
    try {
      co_await t.async_wait(corio::use_task);
      ADD_FAILURE();
    } catch (const std::logic_error& e) {
      EXPECT_NE(std::string(e.what()).find("corio::use_task: the I/O object or executor belongs to another io_context"),
                std::string::npos);
    }
  });
}

// io.stop() from outside while tasks wait: they are cancelled and unwound,
// then run_on says what happened.
TEST(UseTask, IoStopFromOutsideIsReportedAfterTheTasksUnwound) {
  net::io_context io;
  tracked::reset();
  bool unwound = false;
  std::thread stopper([&io] {
    std::this_thread::sleep_for(20ms);
    io.stop();
  });
  try {
    run_io(io, [&]() -> task<void> {
      auto ex = co_await corio::asio_executor();
      net::steady_timer t(ex, std::chrono::hours(1));
      tracked local;
      try {
        co_await t.async_wait(corio::use_task);
      } catch (const corio::cancelled_error&) {
        unwound = true;
        throw;
      }
    });
    ADD_FAILURE();
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("corio::run_on: io_context::stop() was called"), std::string::npos);
  }
  stopper.join();
  EXPECT_TRUE(unwound);
  EXPECT_EQ(tracked::live, 0);
  EXPECT_TRUE(io.stopped());
}

// Another thread running io takes corio completions: refused, clearly.
TEST(UseTask, AnotherThreadRunningIoIsRefused) {
  net::io_context io;
  auto guard = net::make_work_guard(io);
  std::thread intruder([&io] { io.run(); });
  tracked::reset();
  try {
    run_io(io, []() -> task<void> {
      tracked local;
      auto ex = co_await corio::asio_executor();
      // One child posts and suspends; its sibling, in the same tick, keeps
      // this thread out of io for a while, so the other thread runs the
      // completion.
      for (int attempt = 0; attempt < 20; ++attempt)
        co_await with_task_group([&](task_group& g) -> task<void> {
          g.spawn([](net::io_context::executor_type e) -> task<void> { co_await net::post(e, corio::use_task); }(ex));
          g.spawn([]() -> task<void> {
            std::this_thread::sleep_for(20ms);  // NOLINT(async-blocking-call): blocking on purpose, see above
            co_return;
          }());
          co_return;
        });
    });
    ADD_FAILURE() << "no completion landed on the other thread in 20 attempts";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("ran on another thread that also runs the io_context"), std::string::npos);
  }
  guard.reset();
  io.stop();
  intruder.join();
  EXPECT_EQ(tracked::live, 0);
}

// ---- from_asio -------------------------------------------------------------

net::awaitable<int> answer() {
  auto ex = co_await net::this_coro::executor;
  net::steady_timer t(ex, 2ms);
  co_await t.async_wait(net::use_awaitable);
  co_return 42;
}

TEST(FromAsio, ReturnsTheAwaitablesResult) {
  net::io_context io;
  EXPECT_EQ(run_io(io, []() -> task<int> {
              auto ex = co_await corio::asio_executor();
              co_return co_await corio::from_asio(ex, answer());
            }),
            42);
}

TEST(FromAsio, ItsExceptionReachesTheGroup) {
  net::io_context io;
  try {
    run_io(io, []() -> task<void> {
      auto ex = co_await corio::asio_executor();
      co_await with_task_group([&](task_group& g) -> task<void> {
        g.spawn(corio::from_asio(ex, []() -> net::awaitable<void> {
          co_await net::post(net::use_awaitable);
          throw failure(5);
        }()));
        co_return;
      });
    });
    FAIL();
  } catch (const corio::exception_group& eg) {
    EXPECT_EQ(failure_ids(eg), std::vector<int>{5});
  }
}

// Cancelling emits terminal cancellation into the awaitable and waits for
// it; its operation_aborted comes out as cancelled_error, so g.cancel()
// over adopted awaitables completes normally.
TEST(FromAsio, CancellationReachesTheAwaitableAndIsWaitedFor) {
  net::io_context io;
  int finished = 0;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 3; ++i)
        g.spawn(corio::from_asio(ex, [](int& done) -> net::awaitable<void> {
          net::steady_timer t(co_await net::this_coro::executor, std::chrono::hours(1));
          try {
            co_await t.async_wait(net::use_awaitable);
          } catch (const boost::system::system_error& e) {
            EXPECT_EQ(e.code(), net::error::operation_aborted);
            ++done;
            throw;
          }
        }(finished)));
      co_await corio::sleep_for(5ms);
      g.cancel();
    });
    EXPECT_EQ(finished, 3);  // every awaitable finished before the group did
  });
}

// The cancellation the awaitable sees is terminal, as issue 19 specifies.
TEST(FromAsio, TheCancellationIsTerminal) {
  net::io_context io;
  net::cancellation_type seen = net::cancellation_type::none;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn(corio::from_asio(ex, [](net::cancellation_type& out) -> net::awaitable<void> {
        net::steady_timer t(co_await net::this_coro::executor, std::chrono::hours(1));
        auto [ec] = co_await t.async_wait(net::as_tuple(net::use_awaitable));
        out = (co_await net::this_coro::cancellation_state).cancelled();
        EXPECT_EQ(ec, net::error::operation_aborted);
      }(seen)));
      co_await corio::sleep_for(2ms);
      g.cancel();
    });
  });
  EXPECT_TRUE((seen & net::cancellation_type::terminal) != net::cancellation_type::none);
}

TEST(FromAsio, TimeoutOverAnAwaitable) {
  net::io_context io;
  run_io(io, []() -> task<void> {
    auto ex = co_await corio::asio_executor();
    auto slow = []() -> net::awaitable<void> {
      net::steady_timer t(co_await net::this_coro::executor, std::chrono::hours(1));
      co_await t.async_wait(net::use_awaitable);
    };
    EXPECT_THROW(co_await corio::with_timeout(5ms, corio::from_asio(ex, slow())), corio::timeout_error);
  });
}

// The callable overload keeps the callable (and its captures) alive.
TEST(FromAsio, CallableIsKeptAlive) {
  net::io_context io;
  const std::string got = run_io(io, []() -> task<std::string> {
    auto ex = co_await corio::asio_executor();
    std::string text = "kept alive";
    // Named, not a prvalue in the co_await expression: g++ 12 copies such a
    // temporary bytewise (see docs/runtime.md, Lifetimes).
    auto make = [text]() -> net::awaitable<std::string> {
      co_await net::post(net::use_awaitable);
      co_return text;  // a capture of the callable, read after a suspension
    };
    co_return co_await corio::from_asio(ex, std::move(make));
  });
  EXPECT_EQ(got, "kept alive");
}

TEST(FromAsio, AnAlreadyCancelledTaskDoesNotSpawn) {
  net::io_context io;
  bool ran = false;
  run_io(io, [&]() -> task<void> {
    auto ex = co_await corio::asio_executor();
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.cancel();
      co_await corio::from_asio(ex, [](bool& r) -> net::awaitable<void> {
        r = true;
        co_return;
      }(ran));
    });
  });
  EXPECT_FALSE(ran);
}

TEST(FromAsio, AnExecutorOfAnotherIoContextIsRefused) {
  net::io_context io;
  net::io_context other;
  run_io(io, [&]() -> task<void> {
    try {
      co_await corio::from_asio(other.get_executor(), answer());
      ADD_FAILURE();
    } catch (const std::logic_error& e) {
      EXPECT_NE(std::string(e.what()).find("corio::from_asio: the I/O object or executor belongs to another io_context"),
                std::string::npos);
    }
  });
}

TEST(FromAsio, UnderPlainRunNamesRunOn) {
  net::io_context io;
  EXPECT_THROW(corio::run(corio::from_asio(io.get_executor(), answer())), std::logic_error);
}

}  // namespace
}  // namespace corio_test
