//===- Posix.cpp - the C library and POSIX --------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

constexpr StringRef Sleeps[] = {"::sleep", "::usleep", "::nanosleep",
                                "::clock_nanosleep"};
// fflush(stdout) and fflush(stderr) belong with console output, which the
// checks leave alone; fflush of a file, or of every stream, writes files out.
constexpr StringRef FileIoFunctions[] = {
    "::fopen", "::fread",     "::fwrite", "::fgets", "::fscanf",
    "::open",  "::read",      "::write",  "::pread", "::pwrite",
    "::fsync", "::fdatasync", "::fflush"};
// A child process is waited for: system() and pclose() until it exits.
constexpr StringRef ConsoleFunctions[] = {"::scanf", "::getchar", "::system",
                                          "::popen", "::pclose",  "::waitpid",
                                          "::wait"};
constexpr StringRef SocketFunctions[] = {"::connect", "::accept",   "::recv",
                                         "::send",    "::recvfrom", "::sendto"};
constexpr StringRef NameResolutionFunctions[] = {"::getaddrinfo",
                                                 "::gethostbyname"};

} // namespace

const Framework Posix = {
    .Name = "C library and POSIX",
    .Option = "Posix",
    .Namespaces = "the global namespace, extern \"C\"",
    .CLinkage = true,
    .FileIoFunctions = FileIoFunctions,
    .Sleeps = Sleeps,
    .ConsoleFunctions = ConsoleFunctions,
    .SocketFunctions = SocketFunctions,
    .NameResolutionFunctions = NameResolutionFunctions,
};

} // namespace clang::tidy::async::frameworks
