// K&R-style C and a 50,000-line generated file: the async-* checks neither
// crash nor lose findings.
//
// A C translation unit with K&R definitions: the checks are C++20-only and
// must stay out of the way without failing.
// RUN: %corio_tidy --config={} --checks='-*,async-*' %inputs/kr_style.c -- -x c -std=c89 2>&1 \
// RUN:   | %FileCheck --allow-empty --check-prefix=C %s
// C-NOT: {{warning|error}}:
//
// The same header included into C++ coroutine code.
// RUN: %check_async %s 'async-*' %t -- -isystem %inputs
//
// 50,404 generated lines (7,200 blocks): one finding per blocking coroutine, 720.
// RUN: python3 %inputs/generate_large_tu.py 7200 > %t.large.cpp
// RUN: %corio_tidy --config={} --checks='-*,async-*' %t.large.cpp -- -std=c++20 -isystem %inputs 2>/dev/null \
// RUN:   | grep -c 'warning: .*\[async-blocking-call\]' | %FileCheck --check-prefix=LARGE %s
// LARGE: {{^}}720{{$}}

#include <boost/asio.hpp>
#include <kr_style.h>

boost::asio::awaitable<int> reads_legacy(char *buffer) {
  co_return legacy_read(0, buffer, 16);
}
