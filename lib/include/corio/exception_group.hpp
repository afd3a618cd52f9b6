// exception_group: every failure of a task group, in completion order.
#pragma once

#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>
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

  // Python's ExceptionGroup.split(E): the members that are an E, and the
  // rest, each as a group of the same shape (nested groups stay nested, and
  // keep only their own matching or other members), or nullopt if empty.
  // Leaves are the same exception objects, not copies. If the group itself
  // is an E (E is exception_group or one of its bases), all of it matches.
  template <class E>
  std::pair<std::optional<exception_group>, std::optional<exception_group>> split() const {
    if constexpr (std::is_base_of_v<E, exception_group>) {
      return {*this, std::nullopt};
    } else {
      std::vector<std::exception_ptr> match, rest;
      for (const std::exception_ptr& e : exceptions_) {
        if (const exception_group* nested = as_group(e)) {
          auto [nested_match, nested_rest] = nested->split<E>();
          // A nested group entirely on one side is kept as it is.
          if (!nested_rest)
            match.push_back(e);
          else if (!nested_match)
            rest.push_back(e);
          else {
            match.push_back(std::make_exception_ptr(std::move(*nested_match)));
            rest.push_back(std::make_exception_ptr(std::move(*nested_rest)));
          }
        } else if (holds<E>(e)) {
          match.push_back(e);
        } else {
          rest.push_back(e);
        }
      }
      return {part(std::move(match)), part(std::move(rest))};
    }
  }

  // The members that are an E, in the same shape; split<E>().first.
  template <class E>
  std::optional<exception_group> subgroup() const {
    return split<E>().first;
  }

  const char* what() const noexcept override { return message_.c_str(); }

 private:
  static std::optional<exception_group> part(std::vector<std::exception_ptr> members) {
    if (members.empty()) return std::nullopt;
    return exception_group(std::move(members));
  }

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
