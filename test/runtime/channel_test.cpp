// corio::channel<T>: buffered and rendezvous hand-off, FIFO fairness, close,
// and cancellation that takes nothing and loses nothing.
#include "test_support.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corio_test {
namespace {

using corio::channel;
using corio::task_group;
using corio::with_task_group;

TEST(Channel, BufferedValuesComeOutInOrderWithoutWaiting) {
  const std::vector<int> got = run_virtual([]() -> task<std::vector<int>> {
    channel<int> ch(3);
    for (int i = 1; i <= 3; ++i) co_await ch.send(int(i));
    EXPECT_EQ(ch.size(), 3u);
    std::vector<int> out;
    out.reserve(3);
    for (int i = 0; i < 3; ++i) out.push_back(*co_await ch.receive());
    co_return out;
  });
  EXPECT_EQ(got, (std::vector<int>{1, 2, 3}));
}

TEST(Channel, ASendBeyondTheCapacityWaitsForRoom) {
  std::chrono::nanoseconds third_sent_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    channel<int> ch(2);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        for (int i = 0; i < 3; ++i) co_await ch.send(int(i));
        third_sent_at = since(start);
      });
      co_await corio::sleep_for(5s);
      EXPECT_EQ(*co_await ch.receive(), 0);
    });
  });
  EXPECT_EQ(third_sent_at, 5s);
}

TEST(Channel, RendezvousSendWaitsForItsReceiver) {
  std::chrono::nanoseconds sent_at{};
  int received = 0;
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        co_await ch.send(42);
        sent_at = since(start);
      });
      co_await corio::sleep_for(3s);
      EXPECT_EQ(ch.size(), 0u);  // a rendezvous holds nothing: the sender keeps the value
      received = *co_await ch.receive();
    });
  });
  EXPECT_EQ(received, 42);
  EXPECT_EQ(sent_at, 3s);
}

TEST(Channel, RendezvousReceiveWaitsForItsSender) {
  std::chrono::nanoseconds received_at{};
  run_virtual([&]() -> task<void> {
    const corio::steady_time start = corio::now();
    channel<std::string> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> {
        EXPECT_EQ(co_await ch.receive(), "hello");
        received_at = since(start);
      });
      co_await corio::sleep_for(2s);
      co_await ch.send(std::string("hello"));
    });
  });
  EXPECT_EQ(received_at, 2s);
}

TEST(Channel, WaitingSendersAreServedInArrivalOrder) {
  std::vector<int> got;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 4; ++i)
        g.spawn([&ch](int v) -> task<void> {
          co_await corio::sleep_for(std::chrono::seconds(v));  // arrive in order 0, 1, 2, 3
          co_await ch.send(int(v));
        }, i);
      co_await corio::sleep_for(10s);
      for (int i = 0; i < 4; ++i) got.push_back(*co_await ch.receive());
    });
  });
  EXPECT_EQ(got, (std::vector<int>{0, 1, 2, 3}));
}

TEST(Channel, WaitingReceiversAreServedInArrivalOrder) {
  std::vector<int> got(4, -1);
  run_virtual([&]() -> task<void> {
    channel<int> ch(2);
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 4; ++i)
        g.spawn([&](int receiver) -> task<void> {
          co_await corio::sleep_for(std::chrono::seconds(receiver));
          got[receiver] = *co_await ch.receive();
        }, i);
      co_await corio::sleep_for(10s);
      for (int v = 100; v < 104; ++v) co_await ch.send(int(v));
    });
  });
  EXPECT_EQ(got, (std::vector<int>{100, 101, 102, 103}));
}

// Buffered senders that waited refill the buffer in their order too.
TEST(Channel, WaitingSendersRefillTheBufferInOrder) {
  std::vector<int> got;
  run_virtual([&]() -> task<void> {
    channel<int> ch(1);
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 4; ++i)
        g.spawn([&ch](int v) -> task<void> {
          co_await corio::sleep_for(std::chrono::seconds(v));
          co_await ch.send(int(v));
        }, i);
      co_await corio::sleep_for(10s);
      EXPECT_EQ(ch.size(), 1u);
      for (int i = 0; i < 4; ++i) got.push_back(*co_await ch.receive());
    });
  });
  EXPECT_EQ(got, (std::vector<int>{0, 1, 2, 3}));
}

TEST(Channel, CloseDrainsTheBufferThenGivesNullopt) {
  const std::vector<std::optional<int>> got = run_virtual([]() -> task<std::vector<std::optional<int>>> {
    channel<int> ch(4);
    co_await ch.send(1);
    co_await ch.send(2);
    ch.close();
    ch.close();  // harmless
    EXPECT_TRUE(ch.closed());
    std::vector<std::optional<int>> out;
    out.reserve(4);
    for (int i = 0; i < 4; ++i) out.push_back(co_await ch.receive());
    co_return out;
  });
  EXPECT_EQ(got, (std::vector<std::optional<int>>{1, 2, std::nullopt, std::nullopt}));
}

TEST(Channel, ClosedWhileReceiversWaitGivesThemNullopt) {
  int nullopts = 0;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 3; ++i)
        g.spawn([&]() -> task<void> {
          if (!co_await ch.receive()) ++nullopts;
        });
      co_await corio::sleep_for(1s);
      ch.close();
    });
  });
  EXPECT_EQ(nullopts, 3);
}

TEST(Channel, ClosedWhileSendersWaitThrowsChannelClosedAndKeepsTheirValues) {
  std::vector<std::string> kept;
  run_virtual([&]() -> task<void> {
    channel<std::string> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      for (int i = 0; i < 2; ++i)
        g.spawn([&](int id) -> task<void> {
          std::string value = "value " + std::to_string(id);
          try {
            co_await ch.send(std::move(value));
          } catch (const corio::channel_closed&) {
            kept.push_back(value);  // not moved from: it never left
          }
        }, i);
      co_await corio::sleep_for(1s);
      ch.close();
    });
  });
  EXPECT_EQ(kept, (std::vector<std::string>{"value 0", "value 1"}));
}

TEST(Channel, SendAfterCloseThrows) {
  run_virtual([]() -> task<void> {
    channel<int> ch(1);
    ch.close();
    EXPECT_THROW(co_await ch.send(1), corio::channel_closed);
    EXPECT_THROW(ch.try_send(1), corio::channel_closed);
    EXPECT_EQ(ch.size(), 0u);
  });
}

TEST(Channel, ACancelledSendLeavesTheValueWithTheCaller) {
  std::unique_ptr<int> kept;
  std::optional<std::unique_ptr<int>> later;
  run_virtual([&]() -> task<void> {
    channel<std::unique_ptr<int>> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto sender = g.spawn([&]() -> task<void> {
        auto value = std::make_unique<int>(7);
        try {
          co_await ch.send(std::move(value));
        } catch (const corio::cancelled_error&) {
          kept = std::move(value);
          throw;
        }
      });
      co_await corio::sleep_for(1s);
      sender.cancel();
      co_await corio::sleep_for(1s);
      EXPECT_TRUE(ch.try_send(std::make_unique<int>(8)) == false);  // nobody waits; the cancelled send is gone
      g.spawn([&]() -> task<void> { later = co_await ch.receive(); });
      co_await corio::sleep_for(1s);
      co_await ch.send(std::make_unique<int>(9));
    });
  });
  ASSERT_TRUE(kept);
  EXPECT_EQ(*kept, 7);
  ASSERT_TRUE(later && *later);
  EXPECT_EQ(**later, 9);
}

TEST(Channel, ACancelledReceiveTakesNothing) {
  std::optional<int> second;
  bool first_cancelled = false;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto first = g.spawn([&]() -> task<void> {
        try {
          co_await ch.receive();
        } catch (const corio::cancelled_error&) {
          first_cancelled = true;
          throw;
        }
      });
      g.spawn([&]() -> task<void> {
        co_await corio::sleep_for(1s);
        second = co_await ch.receive();
      });
      co_await corio::sleep_for(2s);
      first.cancel();
      co_await corio::sleep_for(1s);
      co_await ch.send(5);
    });
  });
  EXPECT_TRUE(first_cancelled);
  EXPECT_EQ(second, 5);
}

// Handed a value while parked, cancelled before it ran: the value is not
// delivered to it, and not lost either.
TEST(Channel, AReceiverCancelledAfterTheHandOverGivesTheValueBack) {
  bool receiver_cancelled = false;
  std::optional<int> received;
  std::vector<int> rest;
  run_virtual([&]() -> task<void> {
    channel<int> ch(1);
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto receiver = g.spawn([&]() -> task<void> {
        try {
          received = co_await ch.receive();
        } catch (const corio::cancelled_error&) {
          receiver_cancelled = true;
          throw;
        }
      });
      co_await corio::sleep_for(1s);
      co_await ch.send(1);  // straight into the parked receiver
      receiver.cancel();    // before it runs
      co_await ch.send(2);  // the buffer
      co_await corio::sleep_for(1s);
      EXPECT_EQ(ch.size(), 2u);  // 1 is back at the head, past the capacity
      rest.push_back(*co_await ch.receive());
      rest.push_back(*co_await ch.receive());
    });
  });
  EXPECT_TRUE(receiver_cancelled);
  EXPECT_FALSE(received);
  EXPECT_EQ(rest, (std::vector<int>{1, 2}));
}

TEST(Channel, AValueGivenBackGoesToTheNextWaitingReceiver) {
  std::optional<int> second;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto first = g.spawn([&]() -> task<void> { co_await ch.receive(); });
      g.spawn([&]() -> task<void> {
        co_await corio::sleep_for(1s);
        second = co_await ch.receive();
      });
      co_await corio::sleep_for(2s);
      co_await ch.send(3);  // to the first receiver
      first.cancel();
    });
  });
  EXPECT_EQ(second, 3);
}

// A sender whose value was taken has finished its send, whatever comes next.
TEST(Channel, ASenderCancelledAfterTheHandOverCompletes) {
  bool send_returned = false;
  std::optional<int> received;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      auto sender = g.spawn([&]() -> task<void> {
        co_await ch.send(11);
        send_returned = true;
      });
      co_await corio::sleep_for(1s);
      received = co_await ch.receive();  // takes the value from the parked sender
      sender.cancel();                   // before the sender runs again
    });
  });
  EXPECT_EQ(received, 11);
  EXPECT_TRUE(send_returned);
}

TEST(Channel, InACancelledScopeSendAndReceiveTakeNothing) {
  run_virtual([]() -> task<void> {
    channel<std::string> ch(2);
    co_await ch.send(std::string("in"));
    EXPECT_FALSE(co_await corio::with_cancel_scope([&](corio::cancel_scope& scope) -> task<void> {
      scope.cancel();
      std::string value = "out";
      EXPECT_THROW(co_await ch.send(std::move(value)), corio::cancelled_error);
      EXPECT_EQ(value, "out");  // NOLINT(bugprone-use-after-move): the cancelled send left it
      EXPECT_THROW(co_await ch.receive(), corio::cancelled_error);
      EXPECT_EQ(ch.size(), 1u);
      co_await corio::yield();
    }));
    EXPECT_EQ(co_await ch.receive(), "in");
  });
}

TEST(Channel, TrySendAndTryReceiveNeverWait) {
  run_virtual([]() -> task<void> {
    channel<std::string> ch(1);
    EXPECT_EQ(ch.try_receive(), std::nullopt);
    EXPECT_TRUE(ch.try_send(std::string("a")));
    std::string b = "b";
    EXPECT_FALSE(ch.try_send(std::move(b)));  // full: b stays
    EXPECT_EQ(b, "b");  // NOLINT(bugprone-use-after-move): the refused send left it
    EXPECT_EQ(ch.try_receive(), "a");
    EXPECT_EQ(ch.try_receive(), std::nullopt);
    co_return;
  });
}

TEST(Channel, TryOperationsMeetWaitingPartners) {
  std::optional<int> received;
  std::optional<int> taken;
  run_virtual([&]() -> task<void> {
    channel<int> ch(0);
    co_await with_task_group([&](task_group& g) -> task<void> {
      g.spawn([&]() -> task<void> { received = co_await ch.receive(); });
      g.spawn([&]() -> task<void> {
        co_await corio::sleep_for(2s);
        co_await ch.send(2);
      });
      co_await corio::sleep_for(1s);
      EXPECT_TRUE(ch.try_send(1));  // the waiting receiver
      EXPECT_FALSE(ch.try_send(9));  // rendezvous, nobody waits
      co_await corio::sleep_for(2s);
      taken = ch.try_receive();  // the waiting sender
    });
  });
  EXPECT_EQ(received, 1);
  EXPECT_EQ(taken, 2);
}

TEST(Channel, CopiesAnLvalueOfACopyableType) {
  run_virtual([]() -> task<void> {
    channel<std::string> ch(2);
    const std::string original = "same";
    co_await ch.send(original);
    std::string copy = original;  // NOLINT(performance-unnecessary-copy-initialization): try_send takes an lvalue
    EXPECT_TRUE(ch.try_send(copy));
    EXPECT_EQ(copy, "same");
    EXPECT_EQ(co_await ch.receive(), "same");
    EXPECT_EQ(co_await ch.receive(), "same");
  });
}

// Many producers and consumers through one channel shared by reference: each
// value arrives exactly once.
TEST(Channel, ManyProducersAndConsumersDeliverEveryValueOnce) {
  constexpr int producers = 4, consumers = 3, per_producer = 250;
  std::vector<int> seen(std::size_t{producers} * per_producer, 0);
  run_virtual([&]() -> task<void> {
    channel<int> ch(3);
    co_await with_task_group([&](task_group& outer) -> task<void> {
      for (int c = 0; c < consumers; ++c)
        outer.spawn([&]() -> task<void> {
          while (std::optional<int> v = co_await ch.receive()) {
            ++seen[*v];
            if (*v % 7 == 0) co_await corio::yield();
          }
        });
      co_await with_task_group([&](task_group& g) -> task<void> {
        for (int p = 0; p < producers; ++p)
          g.spawn([&](int id) -> task<void> {
            for (int i = 0; i < per_producer; ++i) {
              co_await ch.send(id * per_producer + i);
              if (i % 5 == 0) co_await corio::yield();
            }
          }, p);
        co_return;
      });
      ch.close();
    });
  });
  for (int count : seen) ASSERT_EQ(count, 1);
}

}  // namespace
}  // namespace corio_test
