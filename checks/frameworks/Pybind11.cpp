//===- Pybind11.cpp - pybind11's GIL guards -------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// The GIL belongs to a thread; a coroutine may resume on another.
constexpr StringRef ThreadAffineGuards[] = {"::pybind11::gil_scoped_acquire",
                                            "::pybind11::gil_scoped_release"};

} // namespace

const Framework Pybind11 = {
    .Name = "pybind11",
    .Option = "Pybind11",
    .Namespaces = "pybind11",
    .ThreadAffineGuards = ThreadAffineGuards,
};

} // namespace clang::tidy::async::frameworks
