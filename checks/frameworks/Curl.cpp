//===- Curl.cpp - libcurl -------------------------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// The easy interface runs the whole transfer; the multi interface is the one
// an event loop drives.
constexpr StringRef TransferFunctions[] = {"::curl_easy_perform"};

} // namespace

const Framework Curl = {
    .Name = "libcurl",
    .Option = "Curl",
    .Namespaces = "the global namespace, extern \"C\"",
    .CLinkage = true,
    .TransferFunctions = TransferFunctions,
};

} // namespace clang::tidy::async::frameworks
