//===- DanglingReferenceCheck.cpp - async-dangling-reference --------------===//
//
// A coroutine frame keeps its reference parameters as references: the
// caller's objects must outlive the frame, not only the call. C++ does not
// help here (a temporary bound to `const std::string&` dies at the end of
// the full-expression whether or not a coroutine frame still refers to it),
// and flagging every reference parameter drowns the real bugs in the safe
// `co_await f(tmp)` idiom. So the check follows the task: a temporary is a
// bug when the task outlives its full-expression, a local when the task
// outlives the local's scope.
//
//===----------------------------------------------------------------------===//
#include "DanglingReferenceCheck.h"
#include "frameworks/Registry.h"
#include "utils/AncestorInCallable.h"
#include "utils/TemplateOf.h"

#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

using helpers::TaskFate;

constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span";

/// A variable of the caller's frame that the reference may point into.
const VarDecl *frameLocal(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  // An init-capture lives in the closure, as long as the lambda object.
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      isa<ImplicitParamDecl>(Var) || Var->isInitCapture())
    return nullptr;
  return Var;
}

bool declaredIn(const VarDecl &Var, const FunctionDecl *Callable) {
  return Callable && Var.getParentFunctionOrMethod() == Callable;
}

/// std::move(x) and std::forward<T>(x) refer to x.
const Expr *throughMove(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (Callee && Call->getNumArgs() == 1 && Callee->isInStdNamespace() &&
      Callee->getIdentifier() &&
      (Callee->getName() == "move" || Callee->getName() == "forward"))
    return Call->getArg(0)->IgnoreParens();
  return E;
}

/// Whether a member coroutine may read its object: its visible body has a
/// `this` anywhere, written or implied by a member access, lambdas included.
/// Without a visible body it may.
bool mayUseObject(const CXXMethodDecl &Method) {
  const FunctionDecl *Definition = Method.getDefinition();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  if (!Body)
    return true;
  llvm::SmallVector<const Stmt *, 32> Pending{Body};
  while (!Pending.empty()) {
    const Stmt *S = Pending.pop_back_val();
    if (isa<CXXThisExpr>(S))
      return true;
    for (const Stmt *Child : S->children())
      if (Child)
        Pending.push_back(Child);
  }
  return false;
}

/// The statement whose end is the end of Var's scope.
const Stmt *scopeOf(const VarDecl &Var, helpers::ParentIndex &Parents) {
  if (const auto *Param = dyn_cast<ParmVarDecl>(&Var)) {
    const auto *Function =
        dyn_cast_or_null<FunctionDecl>(Param->getDeclContext());
    return Function ? Function->getBody() : nullptr;
  }
  DynTypedNode Current = DynTypedNode::create(Var);
  for (unsigned Step = 0; Step < 64; ++Step) {
    const DynTypedNodeList Ups = Parents.get(Current);
    if (Ups.empty())
      return nullptr;
    if (const auto *S = Ups[0].get<Stmt>();
        S && isa<CompoundStmt, ForStmt, CXXForRangeStmt, IfStmt, WhileStmt,
                 SwitchStmt>(S))
      return S;
    Current = Ups[0];
  }
  return nullptr;
}

/// Whether Scope runs an event loop to completion after After: a
/// detached task started before `io.run()` in the same scope finishes (or
/// is abandoned with its loop) before the scope's locals die, the idiom of
/// every Asio example's main().
bool runsLoopAfter(const Stmt &Scope, SourceLocation After, ASTContext &Ctx) {
  auto Loop = cxxRecordDecl(hasAnyName(frameworks::collect(
      frameworks::all(), &frameworks::Framework::ExecutionContexts)));
  // Through any sugar: `using asio::io_context;` makes a UsingType.
  auto OfLoop = hasUnqualifiedDesugaredType(recordType(hasDeclaration(Loop)));
  auto RunsLoop =
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(
                            "run", "run_for", "run_until", "join", "wait"))),
                        on(anyOf(hasType(OfLoop), hasType(pointsTo(OfLoop)))));
  const SourceManager &SM = Ctx.getSourceManager();
  for (const BoundNodes &Found :
       match(findAll(RunsLoop.bind("run")), Scope, Ctx))
    if (SM.isBeforeInTranslationUnit(
            After, Found.getNodeAs<Stmt>("run")->getBeginLoc()))
      return true;
  return false;
}

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ViewTypesOption(Options.get("ViewTypes", DefaultViewTypes)),
      ViewTypes(utils::options::parseStringList(ViewTypesOption)),
      CheckPointers(Options.get("CheckPointers", false)) {}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ViewTypes", ViewTypesOption);
  Options.store(Opts, "CheckPointers", CheckPointers);
}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  // Only calls that return a class can return a task; which classes are
  // coroutine types is decided (and cached) in check().
  Finder->addMatcher(callExpr(callee(functionDecl(returns(
                                  hasUnqualifiedDesugaredType(recordType())))),
                              unless(isExpansionInSystemHeader()))
                         .bind("call"),
                     this);
}

bool DanglingReferenceCheck::isView(QualType Type) const {
  const auto *Class = Type.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class)
    return false;
  const std::string Name =
      helpers::classOrTemplate(*Class).getQualifiedNameAsString();
  return llvm::any_of(ViewTypes, [&](StringRef Listed) {
    return Listed.ltrim(':') == StringRef(Name);
  });
}

DanglingReferenceCheck::Referent
DanglingReferenceCheck::bindArgument(const Expr &Argument,
                                     const ParmVarDecl &Parameter) const {
  Referent R{&Argument, &Parameter};
  const QualType Type = Parameter.getType();
  const Expr *E = &Argument;
  if (Type->isReferenceType()) {
    // Down to the object the reference binds to: a materialized temporary,
    // or a variable (through derived-to-base and no-op casts, std::move).
    for (unsigned Step = 0; Step < 16; ++Step) {
      E = throughMove(E->IgnoreParens());
      if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
        R.Temporary = Temporary;
        return R;
      }
      const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
      if (!Cast)
        break;
      E = Cast->getSubExpr();
    }
    R.Local = frameLocal(E);
    return R;
  }
  if (Type->isPointerType()) {
    R.How = Binding::Pointer;
    if (!CheckPointers)
      return R;
    E = E->IgnoreParenImpCasts();
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      E = AddressOf->getSubExpr()->IgnoreParens();
    else if (!E->getType()->isArrayType())
      return R;
    R.Local = frameLocal(E);
    return R;
  }
  if (!isView(Type))
    return R;
  // Down from the view to the object it was made from: through the view's
  // constructor, an owner's conversion operator, and casts.
  R.How = Binding::View;
  for (unsigned Step = 0; Step < 16 && E; ++Step) {
    E = E->IgnoreParens();
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      if (!isView(Temporary->getType())) {
        R.Temporary = Temporary;
        return R;
      }
      E = Temporary->getSubExpr();
    } else if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      E = Cast->getSubExpr();
    } else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *Full = dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      E = Construct->getNumArgs() > 0 ? Construct->getArg(0) : nullptr;
    } else if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E);
               Conversion && isa_and_nonnull<CXXConversionDecl>(
                                 Conversion->getMethodDecl())) {
      E = Conversion->getImplicitObjectArgument();
    } else {
      break;
    }
  }
  const VarDecl *Local = frameLocal(E);
  if (Local && !isView(Local->getType()) &&
      (Local->getType()->isRecordType() || Local->getType()->isArrayType()))
    R.Local = Local;
  return R;
}

std::vector<DanglingReferenceCheck::Referent>
DanglingReferenceCheck::referentsOf(const CallExpr &Call) const {
  std::vector<Referent> Found;
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (Method && Method->isExplicitObjectMemberFunction())
    return Found;
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  // A member operator's first argument is its object.
  const unsigned FirstArgument = Operator && Method ? 1 : 0;
  for (unsigned I = FirstArgument; I < Call.getNumArgs(); ++I) {
    const unsigned ParamIndex = I - FirstArgument;
    if (ParamIndex >= Callee->getNumParams())
      break;
    Referent R =
        bindArgument(*Call.getArg(I), *Callee->getParamDecl(ParamIndex));
    if (R.Temporary || R.Local)
      Found.push_back(R);
  }
  // The object of a member coroutine, unless it is a lambda's closure
  // (async-dangling-capture's case), reached through a pointer, or never
  // read by the coroutine (an empty functor's operator()).
  if (!Method || Method->isStatic() || Method->getParent()->isLambda() ||
      !mayUseObject(*Method))
    return Found;
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *Callee =
        dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    if (Callee && !Callee->isArrow())
      Object = Member->getImplicitObjectArgument();
  } else if (Operator) {
    Object = Call.getArg(0);
  }
  if (!Object)
    return Found;
  Referent R{Object, nullptr, Binding::Object};
  const Expr *E = Object->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreParens();
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    R.Temporary = Temporary;
  else
    R.Local = frameLocal(E);
  if (R.Temporary || R.Local)
    Found.push_back(R);
  return Found;
}

bool DanglingReferenceCheck::outlivesLocal(
    const VarDecl &Local, const helpers::TaskDestination &Destination,
    const FunctionDecl *Callable) {
  switch (Destination.Fate) {
  case TaskFate::Returned:
    // A coroutine's co_return hands the task to the frame's own consumer.
    return declaredIn(Local, Callable) && !helpers::hasCoroutineBody(Callable);
  case TaskFate::Detached: {
    if (Destination.ResultKept)
      return false;
    const Stmt *Scope = scopeOf(Local, Parents);
    return !(Scope && Destination.Sink &&
             runsLoopAfter(*Scope, Destination.Sink->getEndLoc(),
                           Parents.context()));
  }
  case TaskFate::Spawned: {
    // The group joins its children after the body that spawned them ends:
    // a group reached through a reference or from outside the function
    // outlives the function's locals.
    if (!declaredIn(Local, Callable) || !Destination.Group)
      return false;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Destination.Group->IgnoreParenImpCasts());
    const auto *Group = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return !Group || Group->getType()->isReferenceType() ||
           !declaredIn(*Group, Callable);
  }
  default:
    return false;
  }
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const FunctionDecl *Callee = Call->getDirectCallee();
  const CXXRecordDecl *Returned = Call->getType()->getAsCXXRecordDecl();
  if (!Callee || !Returned ||
      !Types.isCoroutineType(*Returned, *Result.Context))
    return;
  // A function that returns a task without being a coroutine itself keeps
  // nothing in a frame of its own.
  if (const FunctionDecl *Definition = Callee->getDefinition();
      Definition && Definition->getBody() &&
      !helpers::hasCoroutineBody(Definition) &&
      !Definition->isTemplateInstantiation())
    return;
  if (const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
      Pattern && Pattern->getBody() && !helpers::hasCoroutineBody(Pattern))
    return;
  std::vector<Referent> Referents = referentsOf(*Call);
  if (Referents.empty())
    return;
  helpers::ParentIndex &Index = Parents.forContext(*Result.Context);
  const FunctionDecl *Callable = helpers::enclosingCallable(*Call, Index);
  // Templates are checked through their instantiations, once per location.
  if (Callable && Callable->isDependentContext())
    return;
  const helpers::TaskDestination Destination =
      helpers::destinationOf(*Call, Index, Types);
  for (const Referent &R : Referents)
    if ((R.Temporary && helpers::outlivingFateIndex(Destination) >= 0) ||
        (R.Local && outlivesLocal(*R.Local, Destination, Callable)))
      report(*Call, *Callee, R, Destination);
}

void DanglingReferenceCheck::report(
    const CallExpr &Call, const FunctionDecl &Coroutine, const Referent &R,
    const helpers::TaskDestination &Destination) {
  if (!Reported.insert(R.Argument->getBeginLoc()).second)
    return;
  const int What = R.Temporary ? 0 : isa<ParmVarDecl>(R.Local) ? 2 : 1;
  // One report serves every instantiation: name the template, not one of them.
  const FunctionTemplateDecl *Template = Coroutine.getPrimaryTemplate();
  const FunctionDecl &Named =
      Template ? *Template->getTemplatedDecl() : Coroutine;
  // %1 and %2 are formatted only in the branches that name them, so they
  // may be null in the others.
  diag(R.Argument->getBeginLoc(),
       "%select{a temporary|local variable %1|parameter %1}0 bound to "
       "%select{reference parameter %2|view parameter %2|the object|pointer "
       "parameter %2}3 of "
       "%select{coroutine %4|a lambda coroutine}5 is destroyed before the "
       "coroutine finishes")
      << What << R.Local << R.Parameter << static_cast<int>(R.How) << &Named
      << isLambdaCallOperator(&Coroutine) << R.Argument->getSourceRange();

  helpers::ParentIndex &Index = Parents;
  if (R.Temporary) {
    diag(helpers::fullExpressionOf(Call, Index).getEndLoc(),
         "the temporary is destroyed here, but the task is "
         "%select{stored|returned|spawned "
         "into a task group|started detached|started with its future kept for "
         "later}0",
         DiagnosticIDs::Note)
        << helpers::outlivingFateIndex(Destination);
  } else if (const Stmt *Scope = scopeOf(*R.Local, Index)) {
    const int How = Destination.Fate == TaskFate::Returned   ? 0
                    : Destination.Fate == TaskFate::Detached ? 1
                                                             : 2;
    diag(Scope->getEndLoc(),
         "%0 is destroyed here, but the task %select{is returned|runs on "
         "detached|runs on in "
         "the task group}1",
         DiagnosticIDs::Note)
        << R.Local << How;
  }
  diag(R.Parameter ? R.Parameter->getLocation() : Coroutine.getLocation(),
       R.Parameter ? "take the parameter by value, or keep the argument alive "
                     "until the task "
                     "finishes"
                   : "keep the object alive until the task finishes, or make "
                     "the coroutine a "
                     "free function that takes what it needs by value",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async
