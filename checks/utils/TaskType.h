//===- TaskType.h - which classes are lazy, awaitable coroutine tasks -----===//
//
// A "task type" is recognised from declarations alone, with no list of names:
// the class is a coroutine return type (it has a nested promise_type, or a
// std::coroutine_traits specialisation names one), its promise starts the
// coroutine suspended (lazy), and co_await can consume it. The class does
// not have to be the return type of a coroutine defined in this translation
// unit: a declared-only function or an Asio operation with use_awaitable
// returns one too, so uninstantiated templates are read from their pattern.
//
//===----------------------------------------------------------------------===//
#ifndef CORIO_CHECKS_UTILS_TASKTYPE_H
#define CORIO_CHECKS_UTILS_TASKTYPE_H

#include "utils/TemplateOf.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::helpers {

class TaskTypes {
public:
  /// A class whose coroutines start suspended and that co_await accepts:
  /// dropping an object of it means its coroutine body never runs.
  bool isLazyAwaitableTask(const CXXRecordDecl &Class, ASTContext &Context);

  /// A class that coroutines return (lazy or eager): its promise makes it.
  bool isCoroutineType(const CXXRecordDecl &Class, ASTContext &Context);

  /// A coroutine type, or a class with an awaiter of its own (a task bound to
  /// an executor, a future some frameworks can await).
  bool isAwaitableClass(const CXXRecordDecl &Class, ASTContext &Context);

  /// Whether a coroutine whose promise is Promise may `co_await` an object of
  /// Task: through an await_transform overload made for it, or, when the
  /// promise transforms nothing or everything, through Task's own awaiter.
  bool canAwait(const CXXRecordDecl &Promise, const CXXRecordDecl &Task,
                ASTContext &Context);

private:
  /// The cache and std::coroutine_traits belong to one translation unit.
  void setContext(ASTContext &Context);

  DeclarationName name(StringRef Identifier) const;

  /// The definition of a class, or for a template specialisation nobody
  /// instantiated yet, the definition of its template.
  static const CXXRecordDecl *definitionOrPattern(const CXXRecordDecl *Class);

  /// The class template Type names, canonical, to compare.
  static const ClassTemplateDecl *templateOf(QualType Type);

  /// The class a (possibly dependent) type names, read as definitionOrPattern.
  static const CXXRecordDecl *classOf(QualType Type);

  /// Whether Type names Task itself or another specialisation of its template
  /// (an await_transform written for `awaitable<U, Executor>`).
  static bool namesTaskClass(QualType Type, const CXXRecordDecl &Task);

  /// Members named Name of Class or, as name lookup goes, of its bases.
  static SmallVector<const NamedDecl *, 4>
  lookupMember(const CXXRecordDecl *Class, DeclarationName Name,
               unsigned Depth = 0);

  static const ClassTemplateDecl *findCoroutineTraitsIn(const DeclContext &DC,
                                                        ASTContext &Ctx);

  const ClassTemplateDecl *findCoroutineTraits() const;

  const CXXRecordDecl *promiseTypeMemberOf(const CXXRecordDecl *Class) const;

  /// The promise of coroutines returning Class: its promise_type member, or
  /// the one of the std::coroutine_traits specialisation for it.
  const CXXRecordDecl *promiseOf(const CXXRecordDecl &Class) const;

  /// Whether the promise's get_return_object makes a Class: a class that only
  /// names a promise_type for other uses (a join handle reusing its task's
  /// promise) is not the return type of any coroutine. A return type that is
  /// still a template parameter or `auto` is given the benefit of the doubt.
  bool makesObjectsOf(const CXXRecordDecl &Promise,
                      const CXXRecordDecl &Class) const;

  /// The type initial_suspend returns, read from its body when declared auto.
  static QualType initialSuspendType(const FunctionDecl &InitialSuspend);

  /// std::suspend_never, or an awaiter whose await_ready is `return true;`.
  bool startsEagerly(const CXXRecordDecl &Promise) const;

  /// An operator co_await (member, or free in the class's namespace) or the
  /// awaiter members themselves.
  bool hasOwnAwaiter(const CXXRecordDecl &Task) const;

  /// One await_transform overload: written for Task's class (template), or an
  /// unconstrained catch-all that forwards Task to its own awaiter.
  bool transformAccepts(const NamedDecl &Transform,
                        const CXXRecordDecl &Task) const;

  ASTContext *Ctx = nullptr;
  const ClassTemplateDecl *CoroutineTraits = nullptr;
  llvm::DenseMap<const CXXRecordDecl *, bool> Cache;
};

} // namespace clang::tidy::async::helpers

#endif // CORIO_CHECKS_UTILS_TASKTYPE_H
