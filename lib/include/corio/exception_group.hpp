// exception_group: every failure of a task group, in completion order.
#pragma once

#include <cstddef>
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace corio {

class exception_group : public std::exception {
 public:
  explicit exception_group(std::vector<std::exception_ptr> exceptions)
      : exceptions_(std::move(exceptions)), message_(describe(exceptions_)) {}

  const std::vector<std::exception_ptr>& exceptions() const noexcept { return exceptions_; }

  // True if any member is an E, searching nested groups too.
  template <class E>
  bool contains() const {
    for (const std::exception_ptr& e : exceptions_) {
      if (holds<E>(e)) return true;
      const exception_group* nested = as_group(e);
      if (nested != nullptr && nested->contains<E>()) return true;
    }
    return false;
  }

  const char* what() const noexcept override { return message_.c_str(); }

 private:
  template <class E>
  static bool holds(const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const E&) {
      return true;
    } catch (...) {
      return false;
    }
  }

  // `e` keeps the exception object alive, so the pointer stays valid.
  static const exception_group* as_group(const std::exception_ptr& e) noexcept {
    try {
      std::rethrow_exception(e);
    } catch (const exception_group& group) {
      return &group;
    } catch (...) {
      return nullptr;
    }
  }

  static std::string describe(const std::vector<std::exception_ptr>& exceptions) {
    std::string text = "corio::exception_group: " + std::to_string(exceptions.size()) +
                       (exceptions.size() == 1 ? " exception" : " exceptions");
    if (exceptions.empty()) return text;
    text += "; first: ";
    try {
      std::rethrow_exception(exceptions.front());
    } catch (const std::exception& e) {
      text += '"';
      text += e.what();
      text += '"';
    } catch (...) {
      text += "(an exception not derived from std::exception)";
    }
    return text;
  }

  std::vector<std::exception_ptr> exceptions_;
  std::string message_;
};

}  // namespace corio
