// Input of the golden SARIF and GitLab reports (test/ci/golden/). Each
// finding exercises one part of the report: a header location, a column
// after non-ASCII text, a fix-it, and notes that carry their own fix-its.
#include "sleepy.hpp"

task nap() {
  /* ½ */ std::this_thread::sleep_for(std::chrono::milliseconds(1));
  co_return;
}

int *no_pointer() { return 0; }

bool same(int a, int b) {
  if (a = b)
    return true;
  return false;
}
