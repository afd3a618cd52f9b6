//===- TaskDestination.h - where a task goes after the expression that made it ===//
//
// A coroutine frame that refers to a temporary is safe while the temporary's
// full-expression lasts: `co_await f(std::string("x"))` and
// `sync_wait(f(tmp))` finish the coroutine before the temporary dies. It is
// unsafe once the task outlives that full-expression: stored, returned,
// spawned into a group, or detached. This follows a task's value upwards
// through what carries it (temporaries, adapters such as `scheduleOn` or
// `when_all`, `co_spawn` awaited at once) and says where it ends up.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_TASKDESTINATION_H
#define CORIO_CHECKS_UTILS_TASKDESTINATION_H

#include "ParentIndex.h"
#include "TaskType.h"

#include "clang/AST/Expr.h"

namespace clang::tidy::async::helpers {

enum class TaskFate {
  Awaited, ///< co_awaited within the full-expression that made it
  Waited,  ///< consumed before its temporaries die: a blocking wait (sync_wait,
           ///< run, future::get), or a C++23 range-for that extends them
  Discarded, ///< dropped at the end of its statement
  Stored,    ///< kept in a variable, a member or a container
  Returned,  ///< returned (or co_returned) from the function
  Spawned,   ///< given to corio::task_group::spawn
  Detached,  ///< started with nobody joining it (co_spawn, start(), detach())
  Unknown,   ///< passed to a function whose use of it is not known
};

struct TaskDestination {
  TaskFate Fate = TaskFate::Unknown;
  /// For Spawned and Detached: the call that took the task.
  const CallExpr *Sink = nullptr;
  /// For Spawned: the group the child was spawned into.
  const Expr *Group = nullptr;
  /// For Detached: whether the starting call's result (a future) is kept,
  /// so that the caller may still wait for the task later.
  bool ResultKept = false;
};

/// Where the task that Task evaluates to ends up.
TaskDestination destinationOf(const Expr &Task, ParentIndex &Parents,
                              TaskTypes &Types);

/// For a task that outlives the full-expression that made it, its fate's
/// position in the diagnostics' %select{stored|returned|spawned into a task
/// group|started detached|started with its future kept for later}; -1 for
/// the fates that end within the full-expression (or are not known).
int outlivingFateIndex(const TaskDestination &Destination);

/// Whether F's body is a coroutine's (Sema made it a CoroutineBodyStmt).
bool hasCoroutineBody(const FunctionDecl *F);

/// The outermost expression of the full-expression holding E: where E's
/// temporaries are destroyed.
const Expr &fullExpressionOf(const Expr &E, ParentIndex &Parents);

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TASKDESTINATION_H
