//===- DanglingReferenceCheck.h - async-dangling-reference ------*- C++ -*-===//
#ifndef CORIO_CHECKS_DANGLINGREFERENCECHECK_H
#define CORIO_CHECKS_DANGLINGREFERENCECHECK_H

#include "utils/ParentIndex.h"
#include "utils/TaskDestination.h"
#include "utils/TaskType.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

namespace clang::tidy::async {

/// Flags a coroutine call that binds a reference or view parameter (or the
/// object of a member coroutine) to an object that dies before the coroutine
/// frame may finish: a temporary, when the task outlives its
/// full-expression; a local of the caller, when the task outlives the
/// local's scope (returned, detached, spawned into a group that joins later).
///
/// Docs: docs/checks/async-dangling-reference.md
class DanglingReferenceCheck : public ClangTidyCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override {
    Reported.clear();
    Parents = helpers::ParentIndex();
    Types = helpers::TaskTypes();
  }

  /// How a parameter refers to its argument.
  enum class Binding { Reference, View, Object, Pointer };

  /// An object whose lifetime a parameter depends on.
  struct Referent {
    const Expr *Argument = nullptr;         ///< as written at the call
    const ParmVarDecl *Parameter = nullptr; ///< null for the object parameter
    Binding How = Binding::Reference;
    const Expr *Temporary = nullptr; ///< the temporary it refers to, or
    const VarDecl *Local = nullptr;  ///< the local variable it refers to
  };

private:
  std::vector<Referent> referentsOf(const CallExpr &Call) const;
  Referent bindArgument(const Expr &Argument,
                        const ParmVarDecl &Parameter) const;
  bool isView(QualType Type) const;
  /// Whether the task outlives Local's scope.
  bool outlivesLocal(const VarDecl &Local,
                     const helpers::TaskDestination &Destination,
                     const FunctionDecl *Callable);
  void report(const CallExpr &Call, const FunctionDecl &Coroutine,
              const Referent &R, const helpers::TaskDestination &Destination);

  const std::string ViewTypesOption;
  std::vector<StringRef> ViewTypes;
  const bool CheckPointers;
  llvm::DenseSet<SourceLocation> Reported;
  helpers::ParentIndex Parents;
  helpers::TaskTypes Types;
};

} // namespace clang::tidy::async

#endif // CORIO_CHECKS_DANGLINGREFERENCECHECK_H
