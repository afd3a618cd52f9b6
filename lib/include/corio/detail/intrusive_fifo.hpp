// intrusive_fifo: a singly linked queue threaded through its elements.
#pragma once

namespace corio::detail {

// Node must offer `Node*& queue_next()`. Pushing and popping never
// allocate; an element is in at most one queue at a time.
template <class Node>
class intrusive_fifo {
 public:
  bool empty() const noexcept { return head_ == nullptr; }

  void push(Node& node) noexcept {
    node.queue_next() = nullptr;
    if (tail_ == nullptr)
      head_ = &node;
    else
      tail_->queue_next() = &node;
    tail_ = &node;
  }

  Node* pop() noexcept {
    Node* node = head_;
    if (node == nullptr) return nullptr;
    head_ = node->queue_next();
    if (head_ == nullptr) tail_ = nullptr;
    return node;
  }

  // Moves every element out at once (a batch that later pushes cannot grow).
  intrusive_fifo take_all() noexcept {
    intrusive_fifo batch;
    batch.head_ = head_;
    batch.tail_ = tail_;
    head_ = tail_ = nullptr;
    return batch;
  }

 private:
  Node* head_ = nullptr;
  Node* tail_ = nullptr;
};

}  // namespace corio::detail
