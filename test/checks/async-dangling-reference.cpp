// RUN: %check_async %s async-dangling-reference %t -- -isystem %inputs -I %corio_include

// Reference and view parameters of corio coroutines bound to objects that
// die before the task finishes; and the safe idioms that stay silent.

#include <corio/corio.hpp>

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using corio::task;

task<int> length(const std::string &s) { co_return static_cast<int>(s.size()); }
task<int> count(std::string_view s) { co_return static_cast<int>(s.size()); }
task<int> sum(std::span<const int> values);
task<void> consume(std::string &&s);
task<int> by_value(std::string s) { co_return static_cast<int>(s.size()); }
task<int> by_pointer(const std::string *s);

struct session {
  explicit session(int id) : id(id) {}
  int id;
  task<void> serve() { static_cast<void>(id); co_return; }
};

// Temporaries: safe only if the task finishes in their full-expression.
task<int> temporaries() {
  auto stored = length(std::string("x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a temporary bound to reference parameter 's' of coroutine 'length' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :16:37: note: take the parameter by value, or keep the argument alive until the task finishes
  auto from_literal = length("a std::string made for the call");
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: a temporary bound to reference parameter 's' of coroutine 'length'
  // CHECK-MESSAGES: :[[@LINE-2]]:63: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
  auto viewed = count(std::string("y"));
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: a temporary bound to view parameter 's' of coroutine 'count'
  // CHECK-MESSAGES: :[[@LINE-2]]:39: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :17:34: note: take the parameter by value
  auto spanned = sum(std::vector<int>{1, 2, 3});
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a temporary bound to view parameter 'values' of coroutine 'sum'
  // CHECK-MESSAGES: :[[@LINE-2]]:47: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :18:36: note: take the parameter by value
  std::vector<task<int>> pending;
  pending.push_back(length(std::string("z")));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a temporary bound to reference parameter 's' of coroutine 'length'
  // CHECK-MESSAGES: :[[@LINE-2]]:45: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
    g.spawn(length(std::string("spawned")));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: a temporary bound to reference parameter 's' of coroutine 'length'
    // CHECK-MESSAGES: :[[@LINE-2]]:43: note: the temporary is destroyed here, but the task is spawned into a task group
    // CHECK-MESSAGES: :16:37: note: take the parameter by value
    g.spawn(session(9).serve());
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a temporary bound to the object of coroutine 'serve' is destroyed before the coroutine finishes [async-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-2]]:31: note: the temporary is destroyed here, but the task is spawned into a task group
    // CHECK-MESSAGES: :26:14: note: keep the object alive until the task finishes, or make the coroutine a free function that takes what it needs by value
    co_return;
  });
  co_return co_await std::move(stored) + co_await std::move(from_literal) +
            co_await std::move(viewed) + co_await std::move(spanned);
}

task<int> returns_temporary() {
  return length(std::string("gone"));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a temporary bound to reference parameter 's' of coroutine 'length'
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: the temporary is destroyed here, but the task is returned
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
}

// Locals of the caller: a bug when the task outlives their scope.
task<int> returns_local() {
  std::string name = "local";
  return length(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: local variable 'name' bound to reference parameter 's' of coroutine 'length' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'name' is destroyed here, but the task is returned
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
}

task<int> returns_parameter(std::string copy) {
  return count(copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: parameter 'copy' bound to view parameter 's' of coroutine 'count' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE+2]]:1: note: 'copy' is destroyed here, but the task is returned
  // CHECK-MESSAGES: :17:34: note: take the parameter by value
}

task<void> spawns_body_locals(std::vector<std::string> names) {
  std::string outer = "outlives the group";
  co_await corio::with_task_group([&](corio::task_group &g) -> task<void> {
    std::string prefix = "body";
    g.spawn(length(prefix));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: local variable 'prefix' bound to reference parameter 's' of coroutine 'length'
    // CHECK-MESSAGES: :[[@LINE+12]]:3: note: 'prefix' is destroyed here, but the task runs on in the task group
    // CHECK-MESSAGES: :16:37: note: take the parameter by value
    for (const std::string &n : names) {
      std::string line = n + "\n";
      g.spawn(consume(std::move(line)));
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: local variable 'line' bound to reference parameter 's' of coroutine 'consume'
      // CHECK-MESSAGES: :[[@LINE+3]]:5: note: 'line' is destroyed here, but the task runs on in the task group
      // CHECK-MESSAGES: :19:34: note: take the parameter by value
      g.spawn(length(n)); // a reference: the caller's caller owns it
    }
    g.spawn(length(outer));
    co_return;
  });
}

// Negatives: the task finishes while the object lives.
task<int> safe(const std::string &caller_owned, std::string copy) {
  int a = co_await length(std::string("awaited at once"));
  int b = co_await corio::with_timeout(std::chrono::seconds(1), length(std::string("wrapped")));
  std::string local = "awaited in its scope";
  auto later = length(local);
  int c = co_await std::move(later);
  int d = co_await count("a literal lives forever");
  int e = co_await by_value(std::string("copied into the frame"));
  int f = co_await by_pointer(&local);
  auto g = length(caller_owned);
  int h = co_await std::move(g);
  co_await corio::with_task_group([&](corio::task_group &group) -> task<void> {
    co_await group.spawn(length(std::string("joined at once")));
    group.spawn(length(copy)); // a local of the enclosing coroutine: outlives the group
    co_return;
  });
  // with_task_group keeps its body, and so the body's init-captures, alive
  // until the group has joined.
  co_await corio::with_task_group([owned = std::string("captured")](corio::task_group &group) -> task<void> {
    group.spawn(length(owned));
    co_return;
  });
  co_return a + b + c + d + e + f + h;
}

int blocking() { return corio::run(length(std::string("run to completion"))); }

// A function that returns a task without being a coroutine keeps nothing.
task<int> forwards(const std::string &s) { return by_value(s); }
task<int> forwarded() {
  auto t = forwards(std::string("copied by forwards"));
  co_return co_await std::move(t);
}

// Templates: once per location, whatever the instantiations.
template <class T> task<T> echo(const T &value) { co_return value; }
template <class T> task<T> store_echo() {
  auto t = echo(T());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: a temporary bound to reference parameter 'value' of coroutine 'echo'
  // CHECK-MESSAGES: :[[@LINE-2]]:20: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :[[@LINE-5]]:42: note: take the parameter by value
  co_return co_await std::move(t);
}
template task<int> store_echo<int>();
template task<std::string> store_echo<std::string>();

// Macros: reported at the expansion.
#define STORE(name, expr) auto name = expr
task<int> in_macro() {
  STORE(t, length(std::string("m")));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: a temporary bound to reference parameter 's' of coroutine 'length'
  // CHECK-MESSAGES: :[[@LINE-2]]:35: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :16:37: note: take the parameter by value
  co_return co_await std::move(t);
}

// A lambda coroutine with reference parameters: named as such.
task<int> lambda_parameters() {
  auto count_of = [](const std::string &s) -> task<int> { co_return static_cast<int>(s.size()); };
  auto t = count_of(std::string("lambda"));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary bound to reference parameter 's' of a lambda coroutine is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :[[@LINE-4]]:41: note: take the parameter by value
  co_return co_await std::move(t);
}

// The object of a member coroutine: it dangles only if the coroutine may
// read it, that is when its body has a `this`, written or implied, or is
// not visible.
struct stateless {
  task<int> operator()() { co_return 1; }
  task<int> answer() { co_return 42; }
};
struct reader {
  int id = 0;
  task<int> implicit() { co_return id; }
  task<int> in_lambda() {
    auto get = [this] { return id; };
    co_return get();
  }
  task<int> elsewhere();
};
template <class T> struct holder {
  T value{};
  task<T> get() { co_return value; }
};

task<int> member_objects() {
  std::vector<task<int>> pending;
  pending.push_back(stateless()());
  pending.push_back(stateless().answer());
  pending.push_back(reader().implicit());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary bound to the object of coroutine 'implicit' is destroyed before the coroutine finishes [async-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :187:13: note: keep the object alive until the task finishes
  pending.push_back(reader().in_lambda());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary bound to the object of coroutine 'in_lambda'
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :188:13: note: keep the object alive until the task finishes
  pending.push_back(reader().elsewhere());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary bound to the object of coroutine 'elsewhere'
  // CHECK-MESSAGES: :[[@LINE-2]]:41: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :192:13: note: keep the object alive until the task finishes
  pending.push_back(holder<int>().get());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a temporary bound to the object of coroutine 'get'
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :196:11: note: keep the object alive until the task finishes
  int s = 0;
  for (auto &t : pending)
    s += co_await std::move(t);
  co_return s;
}

task<int> returns_local_object() {
  stateless unread;
  return unread.answer();
}
