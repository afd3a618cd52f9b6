//===- Framework.h - what the checks know about one coroutine framework ---===//
//
// The checks recognise a framework's code by names: its task types, the
// calls that run an event loop or block on a task, the calls that start work
// nobody joins, its combinators. Each framework describes them once, as data
// (frameworks/<Framework>.cpp); the checks select frameworks by their
// Check<Framework> options and read the entries they need.
//
// Every name is fully qualified with a leading "::", as hasAnyName takes it;
// spelled() gives the form diagnostics and getQualifiedNameAsString() use.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_FRAMEWORKS_FRAMEWORK_H
#define CORIO_CHECKS_FRAMEWORKS_FRAMEWORK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy::async::frameworks {

using llvm::ArrayRef;
using llvm::StringRef;

/// A catalogue name as users write it: without the leading "::".
inline StringRef spelled(StringRef Qualified) { return Qualified.ltrim(':'); }

/// Whether a coroutine of the type runs before anyone awaits it.
enum class Start { Lazy, Eager };

/// A coroutine return type (class template) and how its coroutines start.
struct TaskType {
  StringRef Template;
  Start Starts;
};

/// How cancellation reaches coroutine code of one namespace: as an exception
/// of its own type, or as a generic error (system_error) that only carries
/// ErrorCode when it is a cancellation.
struct Cancellation {
  StringRef Namespace; ///< "::corio::": code whose types are declared in it
  StringRef Exception;
  StringRef ErrorCode; ///< empty when the exception type itself means it
  /// Portable codes that ErrorCode compares equal to through the generic
  /// category (std::errc::operation_canceled for operation_aborted).
  ArrayRef<StringRef> EquivalentCodes = {};
};

/// How a coroutine that caught a cancellation can still await its cleanup.
enum class ShieldForm {
  Wrapper, ///< co_await Name(awaitable, ...) runs it out of the cancellation's reach
  EmptyTokenWrapper, ///< co_await Name({}, awaitable) awaits it without a cancellation token
  PathReset, ///< co_await Name(...) clears the cancellation for the awaits after it
  CoroutineOptOut, ///< co_await Name(false) in the coroutine: its awaits stop throwing on it
};

struct CancellationShield {
  StringRef Name;
  ShieldForm Form;
  /// The header a fix-it that wraps an await in it includes; empty: no fix-it.
  StringRef Header = "";
};

/// How a loop runner or blocking wait is called.
enum class CallForm {
  Function,       ///< a function or member function
  FunctionObject, ///< a variable whose operator() is called (CPOs)
  Both,           ///< the name is one or the other, depending on the release
};

/// A call that runs an event loop, or blocks until a task is done, on the
/// calling thread.
struct LoopCall {
  StringRef Name;
  CallForm Form;
  /// A coroutine of the framework can co_await its argument instead when
  /// both are lazy tasks of the framework (cppcoro::sync_wait(task)).
  bool AwaitsFrameworkTask;
};

/// The ways of starting work that nobody joins.
enum class DetachKind {
  SpawnWithDetachedToken, ///< Functions(..., token of one of Classes)
  DetachMember,           ///< object.detach() on one of Classes
  ThreadDetach,           ///< a thread's detach()
  DroppedStartFuture, ///< object.start() on one of Classes, its future dropped
  IgnoredStartCallback, ///< object.start(callback) whose callback ignores the outcome
};

/// What becomes of a failure (an exception) of detached work.
enum class DetachedFailure {
  Dropped,            ///< nobody sees it
  Terminates,         ///< it ends the program (std::terminate)
  PrintedAndRethrown, ///< printed to stderr, then rethrown into whoever resumes it
};

struct DetachingCall {
  DetachKind Kind;
  /// The unqualified name of the function or member function called.
  StringRef Callee;
  /// For SpawnWithDetachedToken: the spawning functions.
  ArrayRef<StringRef> Functions;
  /// The detached token's classes, or the classes whose member is called.
  ArrayRef<StringRef> Classes;
  DetachedFailure Failure;
};

/// What a combinator of several tasks does with their failures.
enum class Failures {
  Collected,     ///< kept in the results (a Try, an error code, a task)
  FirstRethrown, ///< the first is rethrown, the others are dropped
  WinnerOnly,    ///< the first to finish wins; the others run on, detached
  CancelsOthers, ///< the first failure cancels the other tasks (structured)
};

struct Combinator {
  /// A function, or for Asio's parallel group a description of the call.
  StringRef Name;
  Failures What;
  /// The framework's own combinators that cancel the rest, quoted, if any.
  StringRef Structured;
};

/// Everything the checks know about one framework. Lists a framework has no
/// entry for are empty.
struct Framework {
  StringRef Name;       ///< as its documentation names it ("Boost.Cobalt")
  StringRef Option;     ///< the check option selecting it is "Check" + Option
  StringRef Namespaces; ///< for the docs: where its declarations live
  /// Its functions are C functions: the checks match only their extern "C"
  /// declarations in the global namespace, so a user's own ::read never
  /// matches.
  bool CLinkage = false;
  ArrayRef<TaskType> Tasks;
  /// Types co_await accepts that are not coroutine return types.
  ArrayRef<StringRef> Awaitables;
  /// Coroutine types in its namespace that nothing is ever thrown into at a
  /// suspension (synchronous generators).
  ArrayRef<StringRef> Generators;
  ArrayRef<Cancellation> Cancellations;
  /// What lets a coroutine await after it caught a cancellation. For each
  /// cancellation namespace, the first shield in it is the one to suggest.
  ArrayRef<CancellationShield> CancellationShields;
  /// Awaitables that cancellation does not interrupt: they complete at
  /// once without looking at it, or wait on regardless. Classes, or
  /// namespaces ending in "::".
  ArrayRef<StringRef> UncancellableAwaitables;
  /// Awaitables (class templates) whose co_await never throws into the
  /// awaiting coroutine: the error becomes a value, or bypasses its body.
  ArrayRef<StringRef> NonThrowingAwaitables;
  /// Completion tokens (class templates) that hand an operation's error,
  /// cancellation included, to the coroutine as a value.
  ArrayRef<StringRef> ErrorAsValueTokens;
  /// Functions whose call, and classes whose construction, in a handler
  /// keeps the exception being handled (as std::current_exception does).
  ArrayRef<StringRef> ExceptionKeepers;
  ArrayRef<LoopCall> LoopRunners;
  ArrayRef<LoopCall> BlockingWaits;
  /// Execution contexts whose run, run_for, run_until, join or wait member
  /// runs their work to completion on the calling thread.
  ArrayRef<StringRef> ExecutionContexts;
  ArrayRef<DetachingCall> DetachingCalls;
  ArrayRef<Combinator> Combinators;
  /// Structured scopes that join the work spawned on them.
  ArrayRef<StringRef> TaskGroups;
  /// Thread classes: a loop run on one of them is not nested in the caller,
  /// and their join() blocks it.
  ArrayRef<StringRef> Threads;
  /// Guards whose scope must not span a suspension: a timeout scope, a
  /// thread-affine guard (the GIL), a lock and the mutexes it locks.
  ArrayRef<StringRef> ScopeGuards;
  ArrayRef<StringRef> ThreadAffineGuards;
  ArrayRef<StringRef> Mutexes;
  ArrayRef<StringRef> LockGuards;
  /// Synchronous I/O: the I/O object classes with their blocking members,
  /// and free functions that block on one.
  ArrayRef<StringRef> IoObjects;
  ArrayRef<StringRef> BlockingIoMembers;
  ArrayRef<StringRef> BlockingIoFunctions;
  /// Awaitable calls that only wait: a sleep (its duration argument is the
  /// interval) or a yield (no duration argument) when co_awaited.
  ArrayRef<StringRef> SleepFunctions;
  /// Timer classes, the members a coroutine awaits on them, and the members
  /// (besides the constructors) that set a relative expiry.
  ArrayRef<StringRef> Timers;
  ArrayRef<StringRef> TimerWaits;
  ArrayRef<StringRef> TimerIntervals;
  /// Type-erased callables whose signature is the first template argument:
  /// with a void result, they discard what the callable returns.
  ArrayRef<StringRef> CallbackWrappers;
  /// Functions and classes (their constructors) that call a callable
  /// argument and discard its result.
  ArrayRef<StringRef> CallbackTakers;
  /// Functions that open or touch a file synchronously (file-io).
  ArrayRef<StringRef> FileIoFunctions;
  /// Filesystem operations that touch the disk in their overloads taking a
  /// path first (is_directory(file_status) only inspects a value).
  ArrayRef<StringRef> PathFunctions;
  /// Functions that put the calling thread to sleep.
  ArrayRef<StringRef> Sleeps;
  /// Condition variables, whose wait members block the calling thread.
  ArrayRef<StringRef> ConditionVariables;
  /// Free functions that block until another thread notifies.
  ArrayRef<StringRef> WaitFunctions;
  /// Classes whose members block until another thread acts: futures (get,
  /// wait, wait_for, wait_until), counting semaphores (acquire), latches and
  /// barriers (wait, arrive_and_wait), atomics (wait).
  ArrayRef<StringRef> Futures;
  ArrayRef<StringRef> Semaphores;
  ArrayRef<StringRef> Latches;
  ArrayRef<StringRef> Atomics;
  /// File streams, which open a file in their constructors and open(), and
  /// directory iterators, which read one in their constructors from a path.
  ArrayRef<StringRef> FileStreams;
  ArrayRef<StringRef> DirectoryIterators;
  /// Standard input streams: extracting from one waits for the console.
  ArrayRef<StringRef> ConsoleStreams;
  /// Functions that read the console or wait for a child process.
  ArrayRef<StringRef> ConsoleFunctions;
  /// Synchronous socket calls, and name resolution.
  ArrayRef<StringRef> SocketFunctions;
  ArrayRef<StringRef> NameResolutionFunctions;
  /// Functions that perform a whole network transfer before they return.
  ArrayRef<StringRef> TransferFunctions;

  /// Whether QualifiedName (no leading "::", "corio::task") is one of its
  /// task templates.
  bool hasTask(StringRef QualifiedName) const {
    return llvm::any_of(Tasks, [&](const TaskType &T) {
      return spelled(T.Template) == QualifiedName;
    });
  }
  /// Whether QualifiedName is one of its lazy task templates.
  bool hasLazyTask(StringRef QualifiedName) const {
    return llvm::any_of(Tasks, [&](const TaskType &T) {
      return T.Starts == Start::Lazy && spelled(T.Template) == QualifiedName;
    });
  }
};

} // namespace clang::tidy::async::frameworks

#endif // CORIO_CHECKS_FRAMEWORKS_FRAMEWORK_H
