// Mock of pybind11's GIL guards (pybind11/gil.h): each saves or restores the
// calling thread's Python thread state, so it must be destroyed on the thread
// that created it.
#pragma once
namespace pybind11 {
class gil_scoped_acquire {
public:
  gil_scoped_acquire();
  gil_scoped_acquire(const gil_scoped_acquire &) = delete;
  ~gil_scoped_acquire();
  void disarm();
};
class gil_scoped_release {
public:
  explicit gil_scoped_release(bool disassoc = false);
  gil_scoped_release(const gil_scoped_release &) = delete;
  ~gil_scoped_release();
  void disarm();
};
} // namespace pybind11
