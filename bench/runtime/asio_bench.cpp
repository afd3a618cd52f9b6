// corio on Asio against Asio itself, in one binary and one run:
// - loopback TCP ping-pong, 10^5 one-byte round trips per run:
//   use_task vs use_awaitable vs plain callbacks;
// - steady_timer waits (already expired): use_task vs use_awaitable;
// - spawn+join of an empty awaitable: from_asio in a task_group vs co_spawn
//   with a completion handler.
// bench/asio_ratios.py turns the JSON output into the ratio table.
#include <benchmark/benchmark.h>

#include <corio/asio.hpp>
#include <corio/corio.hpp>

#include <boost/asio.hpp>

#include <functional>
#include <optional>

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using boost::system::error_code;

constexpr std::int64_t round_trips = 100000;

struct socket_pair {
  tcp::socket client;
  tcp::socket server;
};

socket_pair connect_pair(net::io_context& io) {
  tcp::acceptor acceptor(io, {net::ip::make_address("127.0.0.1"), 0});
  tcp::socket client(io);
  client.connect(acceptor.local_endpoint());
  tcp::socket server = acceptor.accept();
  client.set_option(tcp::no_delay(true));
  server.set_option(tcp::no_delay(true));
  return {std::move(client), std::move(server)};
}

// ---- ping-pong -------------------------------------------------------------

corio::task<void> corio_echo(tcp::socket& s) {
  char byte;
  for (;;) {
    const auto [ec, n] = co_await s.async_read_some(net::buffer(&byte, 1), net::as_tuple(corio::use_task));
    if (ec || n == 0) co_return;
    co_await net::async_write(s, net::buffer(&byte, 1), corio::use_task);
  }
}

corio::task<void> corio_ping(benchmark::State& state, socket_pair& p) {
  co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<void> {
    g.spawn(corio_echo(p.server));
    char byte = 'x';
    for (auto _ : state) {
      co_await net::async_write(p.client, net::buffer(&byte, 1), corio::use_task);
      co_await net::async_read(p.client, net::buffer(&byte, 1), corio::use_task);
    }
    p.client.shutdown(tcp::socket::shutdown_send);
  });
}

void ping_pong_use_task(benchmark::State& state) {
  net::io_context io;
  socket_pair p = connect_pair(io);
  corio::run_on(io, corio_ping(state, p));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ping_pong_use_task)->Iterations(round_trips);

net::awaitable<void> asio_echo(tcp::socket& s) {
  char byte;
  for (;;) {
    const auto [ec, n] = co_await s.async_read_some(net::buffer(&byte, 1), net::as_tuple(net::use_awaitable));
    if (ec || n == 0) co_return;
    co_await net::async_write(s, net::buffer(&byte, 1), net::use_awaitable);
  }
}

net::awaitable<void> asio_ping(benchmark::State& state, socket_pair& p) {
  char byte = 'x';
  for (auto _ : state) {
    co_await net::async_write(p.client, net::buffer(&byte, 1), net::use_awaitable);
    co_await net::async_read(p.client, net::buffer(&byte, 1), net::use_awaitable);
  }
  p.client.shutdown(tcp::socket::shutdown_send);
}

void ping_pong_use_awaitable(benchmark::State& state) {
  net::io_context io;
  socket_pair p = connect_pair(io);
  net::co_spawn(io, asio_echo(p.server), net::detached);
  net::co_spawn(io, asio_ping(state, p), net::detached);
  io.run();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ping_pong_use_awaitable)->Iterations(round_trips);

struct callback_ping {
  benchmark::State& state;
  socket_pair& p;
  char out = 'x';
  char in = 0;
  char echo = 0;

  void start() {
    echo_read();
    if (state.KeepRunning()) send();
  }
  void send() {
    net::async_write(p.client, net::buffer(&out, 1), [this](error_code ec, std::size_t) {
      if (!ec)
        net::async_read(p.client, net::buffer(&in, 1), [this](error_code e, std::size_t) {
          if (e) return;
          if (state.KeepRunning())
            send();
          else
            p.client.shutdown(tcp::socket::shutdown_send);
        });
    });
  }
  void echo_read() {
    p.server.async_read_some(net::buffer(&echo, 1), [this](error_code ec, std::size_t n) {
      if (ec || n == 0) return;
      net::async_write(p.server, net::buffer(&echo, 1), [this](error_code e, std::size_t) {
        if (!e) echo_read();
      });
    });
  }
};

void ping_pong_callbacks(benchmark::State& state) {
  net::io_context io;
  socket_pair p = connect_pair(io);
  callback_ping ping{state, p};
  ping.start();
  io.run();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ping_pong_callbacks)->Iterations(round_trips);

// ---- timers ----------------------------------------------------------------

corio::task<void> corio_timer_waits(benchmark::State& state) {
  net::steady_timer t(co_await corio::asio_executor());
  for (auto _ : state) {
    t.expires_at(net::steady_timer::time_point::min());
    co_await t.async_wait(corio::use_task);
  }
}

void timer_wait_use_task(benchmark::State& state) {
  net::io_context io;
  corio::run_on(io, corio_timer_waits(state));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(timer_wait_use_task);

net::awaitable<void> asio_timer_waits(benchmark::State& state) {
  net::steady_timer t(co_await net::this_coro::executor);
  for (auto _ : state) {
    t.expires_at(net::steady_timer::time_point::min());
    co_await t.async_wait(net::use_awaitable);
  }
}

void timer_wait_use_awaitable(benchmark::State& state) {
  net::io_context io;
  net::co_spawn(io, asio_timer_waits(state), net::detached);
  io.run();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(timer_wait_use_awaitable);

// ---- spawn + join of an empty awaitable -------------------------------------

net::awaitable<void> empty() { co_return; }

corio::task<void> corio_adopt(benchmark::State& state) {
  auto ex = co_await corio::asio_executor();
  co_await corio::with_task_group([&](corio::task_group& g) -> corio::task<void> {
    for (auto _ : state) co_await g.spawn(corio::from_asio(ex, empty()));
  });
}

void spawn_join_from_asio(benchmark::State& state) {
  net::io_context io;
  corio::run_on(io, corio_adopt(state));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(spawn_join_from_asio);

struct co_spawn_chain {
  benchmark::State& state;
  net::io_context& io;
  void next() {
    if (!state.KeepRunning()) return;
    net::co_spawn(io, empty(), [this](std::exception_ptr) { next(); });
  }
};

void spawn_join_co_spawn(benchmark::State& state) {
  net::io_context io;
  co_spawn_chain chain{state, io};
  chain.next();
  io.run();
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(spawn_join_co_spawn);

}  // namespace
