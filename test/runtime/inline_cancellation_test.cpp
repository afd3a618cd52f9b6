// detail::inline_cancellation_signal: the cancellation slot that corio's
// Asio operations hand out (use_task, from_asio), checked as Asio uses it.
#include <corio/detail/inline_cancellation.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace corio_test {
namespace {

namespace net = boost::asio;
using corio::detail::inline_cancellation_signal;
using log_type = std::vector<std::string>;

// Records its calls and its destruction (constructed in place: never copied).
struct recording_handler {
  recording_handler(log_type& log, std::string name) : log_(log), name_(std::move(name)) {}
  recording_handler(const recording_handler&) = delete;
  recording_handler& operator=(const recording_handler&) = delete;
  ~recording_handler() { log_.push_back(name_ + " destroyed"); }
  void operator()(net::cancellation_type_t type) {
    log_.push_back(name_ + (type == net::cancellation_type::terminal ? " terminal" : " other"));
  }

 private:
  log_type& log_;
  std::string name_;
};

// Larger than the signal's inline storage: lives on the heap instead.
struct large_handler : recording_handler {
  using recording_handler::recording_handler;
  char padding[256] = {};
};

TEST(InlineCancellationSignal, AConnectedSlotWithoutAHandlerIgnoresEmit) {
  inline_cancellation_signal signal;
  EXPECT_FALSE(inline_cancellation_signal::slot_type().is_connected());
  auto slot = signal.slot();
  EXPECT_TRUE(slot.is_connected());
  EXPECT_FALSE(slot.has_handler());
  signal.emit(net::cancellation_type::terminal);  // nothing to call
}

TEST(InlineCancellationSignal, EmitCallsTheEmplacedHandlerWhichTheSignalDestroys) {
  log_type log;
  {
    inline_cancellation_signal signal;
    signal.slot().emplace<recording_handler>(log, "small");
    EXPECT_TRUE(signal.slot().has_handler());
    signal.emit(net::cancellation_type::terminal);
    signal.emit(net::cancellation_type::partial);
  }
  EXPECT_EQ(log, (log_type{"small terminal", "small other", "small destroyed"}));
}

TEST(InlineCancellationSignal, EmplaceReplacesAndClearDestroys) {
  log_type log;
  inline_cancellation_signal signal;
  auto slot = signal.slot();
  slot.emplace<recording_handler>(log, "first");
  slot.emplace<recording_handler>(log, "second");
  signal.emit(net::cancellation_type::terminal);
  slot.clear();
  EXPECT_FALSE(slot.has_handler());
  signal.emit(net::cancellation_type::terminal);
  EXPECT_EQ(log, (log_type{"first destroyed", "second terminal", "second destroyed"}));
}

TEST(InlineCancellationSignal, AHandlerTooLargeForTheSignalWorksTheSame) {
  log_type log;
  {
    inline_cancellation_signal signal;
    signal.slot().emplace<large_handler>(log, "large");
    signal.emit(net::cancellation_type::terminal);
    signal.slot().emplace<recording_handler>(log, "small");  // frees the large one
    signal.slot().emplace<large_handler>(log, "large again");
  }
  EXPECT_EQ(log, (log_type{"large terminal", "large destroyed", "small destroyed", "large again destroyed"}));
}

TEST(InlineCancellationSignal, AsioCancellationStateAndOperationsTakeTheSlot) {
  inline_cancellation_signal signal;
  net::cancellation_state state(signal.slot());
  signal.emit(net::cancellation_type::terminal);
  EXPECT_EQ(state.cancelled(), net::cancellation_type::terminal);

  // A timer wait bound to the slot is cancelled through it.
  net::io_context io;
  net::steady_timer timer(io, std::chrono::hours(1));
  inline_cancellation_signal timer_signal;
  boost::system::error_code result;
  timer.async_wait(net::bind_cancellation_slot(timer_signal.slot(), [&](boost::system::error_code ec) { result = ec; }));
  net::post(io, [&] { timer_signal.emit(net::cancellation_type::terminal); });
  io.run();
  EXPECT_EQ(result, net::error::operation_aborted);
}

}  // namespace
}  // namespace corio_test
