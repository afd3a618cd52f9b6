// intrusive_list: a FIFO of waiters that can also leave from the middle.
#pragma once

namespace corio::detail {

// Waiters embed a list_node in their (frame-resident) awaiter; a cancelled
// waiter unlinks itself in O(1).
struct list_node {
  list_node* prev = nullptr;
  list_node* next = nullptr;
  bool linked() const noexcept { return prev != nullptr; }
};

template <class Node>
class intrusive_list {
 public:
  intrusive_list() noexcept { head_.prev = head_.next = &head_; }
  intrusive_list(const intrusive_list&) = delete;
  intrusive_list& operator=(const intrusive_list&) = delete;

  bool empty() const noexcept { return head_.next == &head_; }

  void push_back(Node& node) noexcept {
    list_node& n = node;
    n.prev = head_.prev;
    n.next = &head_;
    head_.prev->next = &n;
    head_.prev = &n;
  }

  static void erase(Node& node) noexcept {
    list_node& n = node;
    n.prev->next = n.next;
    n.next->prev = n.prev;
    n.prev = n.next = nullptr;
  }

  Node& front() const noexcept { return static_cast<Node&>(*head_.next); }

  Node& pop_front() noexcept {
    Node& node = static_cast<Node&>(*head_.next);
    erase(node);
    return node;
  }

 private:
  list_node head_;
};

}  // namespace corio::detail
