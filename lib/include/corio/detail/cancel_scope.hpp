// The tree of cancel scopes that makes cancellation level-triggered.
#pragma once

#include <cstdint>

namespace corio::detail {

// A scope is cancelled either by request (task_group::cancel, a deadline)
// or because an enclosing scope is cancelled and no shield stands between.
// A request is never undone; only raising a shield (corio::cancel_scope::
// set_shield) lifts an inherited cancellation. So the effective state is
// computed when it changes and pushed down the tree: checking it at a
// suspension point is a single load.
class cancel_scope {
 public:
  cancel_scope() = default;
  cancel_scope(const cancel_scope&) = delete;
  cancel_scope& operator=(const cancel_scope&) = delete;

  // Whether code running in this scope must not suspend any more.
  bool cancelled() const noexcept { return effective_ != 0; }
  bool shielded() const noexcept { return shield_ != 0; }
  // Whether cancel() was called on this scope itself (not inherited).
  bool cancel_requested() const noexcept { return requested_ != 0; }
  cancel_scope* parent() const noexcept { return parent_; }
  // A fiber's root scope is the fiber itself; other scopes name their fiber.
  bool is_fiber_root() const noexcept { return fiber_root_ != 0; }

  // Links this scope as a child of `parent` (nullptr for a tree root) and
  // inherits its cancellation unless this scope is a shield.
  void attach(cancel_scope* parent, bool shield) noexcept {
    parent_ = parent;
    shield_ = shield ? 1 : 0;
    effective_ = (!shield && parent != nullptr && parent->cancelled()) ? 1 : 0;
    if (parent == nullptr) return;
    next_sibling_ = parent->first_child_;
    if (next_sibling_ != nullptr) next_sibling_->prev_sibling_ = this;
    parent->first_child_ = this;
  }

  void detach() noexcept {
    if (parent_ == nullptr) return;
    if (prev_sibling_ != nullptr)
      prev_sibling_->next_sibling_ = next_sibling_;
    else
      parent_->first_child_ = next_sibling_;
    if (next_sibling_ != nullptr) next_sibling_->prev_sibling_ = prev_sibling_;
    parent_ = next_sibling_ = prev_sibling_ = nullptr;
  }

  // Cancels this scope and every scope below it that is not behind a shield.
  // `on_cancelled(scope)` runs for each newly cancelled scope after its whole
  // subtree is marked, so whoever it wakes sees a consistent tree. The walk is
  // iterative: nesting depth costs no stack.
  template <class OnCancelled>
  void cancel(OnCancelled on_cancelled) noexcept {
    requested_ = 1;
    propagate_cancellation(on_cancelled);
  }

  // Raises or lowers this scope's shield. Lowering it under a cancelled
  // parent cancels the subtree (as cancel() does, without a request);
  // raising it lifts the cancellation the subtree only inherited through
  // this scope.
  template <class OnCancelled>
  void set_shield(bool shield, OnCancelled on_cancelled) noexcept {
    shield_ = shield ? 1 : 0;
    const bool inherited = !shield && parent_ != nullptr && parent_->cancelled();
    if (requested_ != 0 || inherited)
      propagate_cancellation(on_cancelled);
    else
      lift_inherited_cancellation();
  }

 protected:
  void mark_fiber_root() noexcept { fiber_root_ = 1; }

 private:
  template <class OnCancelled>
  void propagate_cancellation(OnCancelled on_cancelled) noexcept {
    if (effective_ != 0) return;
    effective_ = 1;
    cancel_scope* scope = this;
    for (;;) {
      if (cancel_scope* child = first_uncancelled(scope->first_child_)) {
        child->effective_ = 1;
        scope = child;
        continue;
      }
      on_cancelled(*scope);
      if (scope == this) return;
      if (cancel_scope* sibling = first_uncancelled(scope->next_sibling_)) {
        sibling->effective_ = 1;
        scope = sibling;
        continue;
      }
      // All siblings done: the parent's children are now all cancelled, so the
      // next iteration finishes the parent.
      scope = scope->parent_;
    }
  }

  // The walk of cancel(), reversed: uncancels this scope and every scope
  // below it whose cancellation came only from above (no request, no shield).
  void lift_inherited_cancellation() noexcept {
    if (effective_ == 0) return;
    effective_ = 0;
    cancel_scope* scope = this;
    for (;;) {
      if (cancel_scope* child = first_inheriting(scope->first_child_)) {
        child->effective_ = 0;
        scope = child;
        continue;
      }
      for (;;) {
        if (scope == this) return;
        if (cancel_scope* sibling = first_inheriting(scope->next_sibling_)) {
          sibling->effective_ = 0;
          scope = sibling;
          break;
        }
        scope = scope->parent_;
      }
    }
  }

  static cancel_scope* first_inheriting(cancel_scope* scope) noexcept {
    while (scope != nullptr && (scope->effective_ == 0 || scope->requested_ != 0 || scope->shield_ != 0))
      scope = scope->next_sibling_;
    return scope;
  }

  static cancel_scope* first_uncancelled(cancel_scope* scope) noexcept {
    while (scope != nullptr && (scope->effective_ != 0 || scope->shield_ != 0)) scope = scope->next_sibling_;
    return scope;
  }

  cancel_scope* parent_ = nullptr;
  cancel_scope* first_child_ = nullptr;
  cancel_scope* next_sibling_ = nullptr;
  cancel_scope* prev_sibling_ = nullptr;
  std::uint8_t effective_ = 0;
  std::uint8_t shield_ = 0;
  std::uint8_t requested_ = 0;
  std::uint8_t fiber_root_ = 0;
};

}  // namespace corio::detail
