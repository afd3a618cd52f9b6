#!/usr/bin/env python3
"""Writes a generated translation unit of BLOCKS blocks of 7 lines each (plus
4 header lines): an asio coroutine and a plain function per block; every
tenth coroutine makes a blocking call, so there are ceil(BLOCKS / 10)."""
import sys

blocks = int(sys.argv[1])
out = ["#include <boost/asio.hpp>", "#include <chrono>", "#include <thread>",
       "namespace net = boost::asio;"]
for i in range(blocks):
    first = ("  std::this_thread::sleep_for(std::chrono::milliseconds(1));" if i % 10 == 0
             else "  n += 1;")
    out += [f"net::awaitable<void> coroutine_{i}(int n) {{", first, "  n *= 2;", "  (void)n;",
            "  co_return;", "}", f"int plain_{i}(int a) {{ return a * {i}; }}"]
print("\n".join(out))
