//===- UninstrumentedLLVM.h - ASan checks next to uninstrumented LLVM -----===//
//
// Force-included (-include) into the ASan+UBSan build of the checks
// (corio_async_checks_asan, checks/CMakeLists.txt), which links with Debian's
// LLVM, Clang and clangd libraries, built without ASan.
//
// Under ASan, LLVM's headers poison the unused part of every
// BumpPtrAllocator slab (and Recycler entries) and unpoison each allocation
// from it. Those are inline functions: the linker keeps one copy of each, and
// in corio-clangd-asan the copy it keeps for slab allocation can be ours
// (instrumented, poisoning) while clangd's static libraries allocate from the
// slab with their own uninstrumented inline code (no unpoisoning). ASan then
// reports a use-after-poison in clangd's own code (FileSymbols::buildIndex
// on the 50,404-line generated TU) that is no bug. Keeping LLVM's headers
// from poisoning anything in our objects makes every copy agree; ASan still
// checks our own heap, stack and globals.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_TEST_FUZZ_UNINSTRUMENTEDLLVM_H
#define CORIO_TEST_FUZZ_UNINSTRUMENTEDLLVM_H

#include <sanitizer/asan_interface.h>

#define __asan_poison_memory_region(addr, size) ((void)(addr), (void)(size))
#define __asan_unpoison_memory_region(addr, size) ((void)(addr), (void)(size))

#endif
