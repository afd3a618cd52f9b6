// RUN: %check_async %s async-dangling-reference %t -- -isystem %inputs -I %corio_include
// RUN: %check_async --check-suffix=OPT --config="{CheckOptions: {async-dangling-reference.ViewTypes: '::app::text_ref', async-dangling-reference.CheckPointers: true}}" %s async-dangling-reference %t -- -isystem %inputs -I %corio_include

// ViewTypes replaces the built-in list (here: std::string_view is no longer
// a view, app::text_ref is); CheckPointers follows pointers to locals.

#include <corio/corio.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace app {
// A project's own non-owning view.
class text_ref {
public:
  text_ref(const std::string &s) : data_(s.data()), size_(s.size()) {}
  const char *data_;
  std::size_t size_;
};
} // namespace app

corio::task<int> count(std::string_view s);
corio::task<int> count_ref(app::text_ref s);
corio::task<int> count_ptr(const std::string *s);

corio::task<int> defaults() {
  auto a = count(std::string("view"));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a temporary bound to view parameter 's' of coroutine 'count'
  // CHECK-MESSAGES: :[[@LINE-2]]:37: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES: :23:41: note: take the parameter by value
  auto b = count_ref(std::string("own view"));
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:22: warning: a temporary bound to view parameter 's' of coroutine 'count_ref'
  // CHECK-MESSAGES-OPT: :[[@LINE-2]]:45: note: the temporary is destroyed here, but the task is stored
  // CHECK-MESSAGES-OPT: :24:42: note: take the parameter by value
  co_return co_await std::move(a) + co_await std::move(b);
}

corio::task<int> pointed() {
  std::string local = "pointed to";
  return count_ptr(&local);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:20: warning: local variable 'local' bound to pointer parameter 's' of coroutine 'count_ptr'
  // CHECK-MESSAGES-OPT: :[[@LINE+2]]:1: note: 'local' is destroyed here, but the task is returned
  // CHECK-MESSAGES-OPT: :25:47: note: take the parameter by value
}
