//===- NonBlockingDescriptor.h - sockets and pipes that never wait --------===//
//
// A POSIX call on a file descriptor blocks only when the descriptor is in
// blocking mode and the operation has to wait. Code that polls makes its
// sockets non-blocking where it creates them (SOCK_NONBLOCK, fcntl with
// O_NONBLOCK, ioctl FIONBIO) and handles EINPROGRESS/EAGAIN; connect on a
// datagram socket only sets the default peer; a wake-up write to a fresh
// eventfd or pipe returns at once. These facts are read from the function
// that makes the call, since that is where the idiom is written.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_NONBLOCKINGDESCRIPTOR_H
#define CORIO_CHECKS_UTILS_NONBLOCKINGDESCRIPTOR_H

#include "clang/AST/Expr.h"

namespace clang::tidy::async::helpers {

/// What the function body shows about one descriptor.
struct DescriptorFacts {
  bool NonBlocking = false; ///< created or switched to non-blocking mode
  bool Datagram = false;    ///< a SOCK_DGRAM socket
  bool WakeUp = false;      ///< an eventfd, or an end of a pipe made here
};

/// What \p Body shows about the descriptor \p Fd names (a variable, a data
/// member, or an element of an array filled by pipe()). Nothing is known of
/// a descriptor computed otherwise.
DescriptorFacts factsAbout(const Expr &Fd, const Stmt &Body,
                           ASTContext &Context);

/// Whether \p E mentions the constant \p Name: an enumerator of that name
/// (glibc's SOCK_NONBLOCK) or a macro expansion of it (O_NONBLOCK).
bool mentionsConstant(const Expr &E, StringRef Name, const ASTContext &Context);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_NONBLOCKINGDESCRIPTOR_H
