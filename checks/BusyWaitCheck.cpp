//===- BusyWaitCheck.cpp - async-busy-wait ===//
//
// A coroutine that polls a flag with a short sleep or a yield between the
// checks wakes up on every round whether or not anything changed, and sees
// the change up to one interval late. Only the plain shape is reported: a
// loop whose body does nothing but pause (and set its timer), so a retry
// loop doing real work, a backoff that grows and a periodic loop without a
// condition are left alone.
//
//===----------------------------------------------------------------------===//
#include "BusyWaitCheck.h"
#include "frameworks/Registry.h"
#include "utils/CoroutineMatchers.h"
#include "utils/SuspensionPoints.h"
#include "utils/TemplateOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

constexpr StringRef DefaultMaxPollInterval = "1s";

/// E without the implicit nodes and parentheses around what was written.
const Expr *bare(const Expr *E) {
  for (;;) {
    const Expr *Inner = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Inner))
      Inner = Cast->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
}

/// "10ms", "1.5s", "2min" as seconds.
std::optional<long double> parseInterval(StringRef Text) {
  Text = Text.trim();
  const size_t UnitAt = Text.find_first_not_of("0123456789.");
  if (UnitAt == 0 || UnitAt == StringRef::npos)
    return std::nullopt;
  const std::optional<long double> Unit =
      llvm::StringSwitch<std::optional<long double>>(Text.substr(UnitAt).trim())
          .Case("ns", 1e-9L)
          .Case("us", 1e-6L)
          .Case("ms", 1e-3L)
          .Case("s", 1.0L)
          .Case("min", 60.0L)
          .Case("h", 3600.0L)
          .Default(std::nullopt);
  double Count = 0;
  if (!Unit || Text.substr(0, UnitAt).getAsDouble(Count))
    return std::nullopt;
  return Count * *Unit;
}

/// The interval as a chrono literal: the largest unit that divides it.
std::string formatInterval(long double Seconds) {
  const long double Nanoseconds = std::round(Seconds * 1e9L);
  for (auto [Unit, Factor] : {std::pair{"h", 3600e9L},
                              {"min", 60e9L},
                              {"s", 1e9L},
                              {"ms", 1e6L},
                              {"us", 1e3L}})
    if (std::fmod(Nanoseconds, Factor) == 0)
      return std::to_string(static_cast<long long>(Nanoseconds / Factor)) +
             Unit;
  return std::to_string(static_cast<long long>(Nanoseconds)) + "ns";
}

/// For std::chrono::duration<Rep, Period>: Period as a number of seconds.
std::optional<long double> secondsPerTick(QualType Type) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getQualifiedNameAsString() != "std::chrono::duration" ||
      Spec->getTemplateArgs().size() < 2 ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Spec->getTemplateArgs()[1].getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() < 2)
    return std::nullopt;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0];
  const TemplateArgument &Den = Ratio->getTemplateArgs()[1];
  if (Num.getKind() != TemplateArgument::Integral ||
      Den.getKind() != TemplateArgument::Integral || Den.getAsIntegral() == 0)
    return std::nullopt;
  return static_cast<long double>(Num.getAsIntegral().getSExtValue()) /
         static_cast<long double>(Den.getAsIntegral().getSExtValue());
}

/// The value of a duration expression known at compile time, in seconds.
std::optional<long double> durationSeconds(const Expr &Duration,
                                           ASTContext &Context) {
  const std::optional<long double> Tick = secondsPerTick(Duration.getType());
  Expr::EvalResult Value;
  if (!Tick || Duration.isValueDependent() ||
      !Duration.EvaluateAsRValue(Value, Context) || !Value.Val.isStruct() ||
      Value.Val.getStructNumFields() < 1)
    return std::nullopt;
  const APValue &Count = Value.Val.getStructField(0);
  if (Count.isInt())
    return static_cast<long double>(Count.getInt().getSExtValue()) * *Tick;
  if (Count.isFloat())
    return static_cast<long double>(Count.getFloat().convertToDouble()) * *Tick;
  return std::nullopt;
}

/// The first argument of a call or construction that is a duration.
template <typename CallOrConstruct>
const Expr *durationArgument(const CallOrConstruct &Call) {
  for (const Expr *Arg : Call.arguments())
    if (secondsPerTick(Arg->getType()))
      return Arg;
  return nullptr;
}

/// The variable or member a timer expression names.
const ValueDecl *namedObject(const Expr &E) {
  const Expr *Object = bare(&E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(Object))
    return Member->getMemberDecl();
  return nullptr;
}

llvm::SmallVector<const Stmt *, 8> statementsOf(const Stmt &Body) {
  if (const auto *Block = dyn_cast<CompoundStmt>(&Body))
    return {Block->body_begin(), Block->body_end()};
  return {&Body};
}

bool leavesLoop(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S);
      Block && Block->size() == 1)
    S = Block->body_front();
  return isa_and_nonnull<BreakStmt, ReturnStmt, CoreturnStmt>(S);
}

/// `if (condition) break;` (or return): the poll of a loop without one.
const Expr *pollExit(const Stmt &S) {
  const auto *If = dyn_cast<IfStmt>(&S);
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
      !leavesLoop(If->getThen()))
    return nullptr;
  return If->getCond();
}

bool hasSuspension(const Stmt *S) {
  llvm::SmallVector<const Expr *, 2> Found;
  helpers::collectSuspensionPoints(S, Found);
  return !Found.empty();
}

/// Whether the loop condition is absent or always true (for (;;)), always
/// false (do ... while (false)), or neither.
std::optional<bool> constantCondition(const Expr *Condition,
                                      ASTContext &Context) {
  if (!Condition)
    return true;
  bool Value = false;
  if (!Condition->isValueDependent() &&
      Condition->EvaluateAsBooleanCondition(Value, Context))
    return Value;
  return std::nullopt;
}

} // namespace

BusyWaitCheck::BusyWaitCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MaxPollIntervalText(
          Options.get("MaxPollInterval", DefaultMaxPollInterval)),
      SleepFunctions(
          Options, "SleepFunctions",
          frameworks::collect(frameworks::all(),
                              &frameworks::Framework::SleepFunctions),
          frameworks::collect(frameworks::all(),
                              &frameworks::Framework::SleepFunctions)),
      Timers(frameworks::collect(frameworks::all(),
                                 &frameworks::Framework::Timers)),
      TimerWaits(frameworks::collect(frameworks::all(),
                                     &frameworks::Framework::TimerWaits)),
      TimerIntervals(frameworks::collect(
          frameworks::all(), &frameworks::Framework::TimerIntervals)) {
  if (std::optional<long double> Seconds = parseInterval(MaxPollIntervalText))
    MaxPollSeconds = *Seconds;
  else
    configurationDiag("invalid MaxPollInterval '%0': expected a count and a "
                      "unit (ns, us, ms, s, "
                      "min, h) such as '1s'; using '%1'")
        << MaxPollIntervalText << DefaultMaxPollInterval;
  // Catalogue names and the user's alike: every sleep or yield is matched
  // by name, whatever its framework.
  for (StringRef Name : SleepFunctions.kept(frameworks::collect(
           frameworks::all(), &frameworks::Framework::SleepFunctions)))
    SleepMatchers.emplace_back(Name);
  for (StringRef Name : SleepFunctions.userNames())
    SleepMatchers.emplace_back(Name);
}

void BusyWaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxPollInterval", MaxPollIntervalText);
  SleepFunctions.store(Options, Opts);
}

void BusyWaitCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      functionDecl(matchers::isCoroutine(),
                   matchers::forEachStmtInBody(
                       stmt(anyOf(whileStmt(), doStmt(),
                                  forStmt(unless(hasIncrement(expr())))))
                           .bind("loop")))
          .bind("coroutine"),
      this);
}

bool BusyWaitCheck::isSleepFunction(const FunctionDecl &Callee) const {
  return llvm::any_of(SleepMatchers, [&](const auto &Matcher) {
    return Matcher.match(Callee);
  });
}

bool BusyWaitCheck::isTimer(const CXXRecordDecl *Class) const {
  if (!Class)
    return false;
  const std::string Qualified =
      "::" + helpers::classOrTemplate(*Class).getQualifiedNameAsString();
  return llvm::is_contained(Timers, Qualified);
}

std::optional<long double>
BusyWaitCheck::timerInterval(const Expr &Timer, const Stmt &LoopBody,
                             ASTContext &Context) const {
  // A temporary timer, constructed for this wait.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(bare(&Timer))) {
    const Expr *Duration = durationArgument(*Construct);
    return Duration ? durationSeconds(*Duration, Context) : std::nullopt;
  }
  const ValueDecl *Object = namedObject(Timer);
  if (!Object)
    return std::nullopt;
  for (const Stmt *S : statementsOf(LoopBody)) {
    const Expr *Duration = nullptr;
    if (const auto *Decl = dyn_cast<DeclStmt>(S);
        Decl && Decl->isSingleDecl() && Decl->getSingleDecl() == Object) {
      if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
              cast<VarDecl>(Object)->getInit()
                  ? bare(cast<VarDecl>(Object)->getInit())
                  : nullptr))
        Duration = durationArgument(*Construct);
    } else if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
                   isa<Expr>(S) ? bare(cast<Expr>(S)) : nullptr);
               Call && Call->getMethodDecl() &&
               Call->getMethodDecl()->getIdentifier() &&
               llvm::is_contained(TimerIntervals,
                                  Call->getMethodDecl()->getName()) &&
               namedObject(*Call->getImplicitObjectArgument()) == Object) {
      Duration = durationArgument(*Call);
    }
    if (Duration)
      return durationSeconds(*Duration, Context);
  }
  return std::nullopt;
}

std::optional<BusyWaitCheck::Pause>
BusyWaitCheck::pauseOf(const Expr &Suspension, const Stmt &LoopBody,
                       ASTContext &Context) const {
  const auto *Await = dyn_cast<CoawaitExpr>(&Suspension);
  const auto *Call =
      Await ? dyn_cast<CallExpr>(bare(Await->getOperand())) : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return std::nullopt;
  if (isSleepFunction(*Callee)) {
    const Expr *Duration = durationArgument(*Call);
    if (!Duration)
      return Pause{true, 0};
    std::optional<long double> Seconds = durationSeconds(*Duration, Context);
    return Pause{Seconds && *Seconds <= 0, Seconds};
  }
  const auto *Wait = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Method = Wait ? Wait->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !llvm::is_contained(TimerWaits, Method->getName()) ||
      !isTimer(Method->getParent()))
    return std::nullopt;
  return Pause{false, timerInterval(*Wait->getImplicitObjectArgument(),
                                    LoopBody, Context)};
}

void BusyWaitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto &Coroutine = *Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const auto &Loop = *Result.Nodes.getNodeAs<Stmt>("loop");
  // Instantiations are analysed, with their calls resolved; patterns are not.
  if (Coroutine.isDependentContext() || Coroutine.isInvalidDecl())
    return;
  ASTContext &Context = *Result.Context;
  const Expr *Condition = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (While->getConditionVariable())
      return;
    Condition = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Condition = Do->getCond();
    Body = Do->getBody();
  } else {
    const auto *For = cast<ForStmt>(&Loop);
    if (For->getConditionVariable())
      return;
    Condition = For->getCond();
    Body = For->getBody();
  }
  const std::optional<bool> Constant = constantCondition(Condition, Context);
  if ((Constant && !*Constant) || hasSuspension(Condition))
    return;

  // The body only pauses, sets its timer and tests its exit condition.
  const Expr *Polled = Constant ? nullptr : Condition;
  for (const Stmt *S : statementsOf(*Body)) {
    if (isa<NullStmt>(S))
      continue;
    if (const Expr *Exit = pollExit(*S); Exit && !hasSuspension(Exit)) {
      Polled = Polled ? Polled : Exit;
      continue;
    }
    const Expr *E = isa<Expr>(S) ? bare(cast<Expr>(S)) : nullptr;
    if (const auto *Decl = dyn_cast<DeclStmt>(S); Decl && Decl->isSingleDecl())
      if (const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl())) {
        if (isTimer(Var->getType()->getAsCXXRecordDecl()) &&
            !hasSuspension(Var->getInit()))
          continue;
        E = Var->getInit() ? bare(Var->getInit()) : nullptr;
      }
    if (E && isa<CoawaitExpr>(E))
      continue;
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() &&
        llvm::is_contained(TimerIntervals, Method->getName()) &&
        isTimer(Method->getParent()) && !hasSuspension(Call))
      continue;
    return;
  }
  if (!Polled)
    return;

  llvm::SmallVector<const Expr *, 4> Suspensions;
  helpers::collectSuspensionPoints(Body, Suspensions);
  if (Suspensions.empty())
    return;
  std::optional<Pause> First;
  for (const Expr *Suspension : Suspensions) {
    const std::optional<Pause> P = pauseOf(*Suspension, *Body, Context);
    // Real work, an interval only known at run time, or a deliberate period.
    if (!P || !P->Seconds || *P->Seconds > MaxPollSeconds)
      return;
    First = First ? First : P;
  }
  if (!Reported.insert(Loop.getBeginLoc()).second)
    return;

  diag(Loop.getBeginLoc(), "this loop busy-waits on a condition, waking the "
                           "coroutine %select{every %1|at each "
                           "yield}0 whether or not anything changed")
      << First->IsYield << formatInterval(*First->Seconds);
  diag(Polled->getBeginLoc(),
       "wait for the change instead: have the code that makes this true signal "
       "the coroutine "
       "(a 'corio::event', a channel, or a condition the producer signals)",
       DiagnosticIDs::Note);
}

} // namespace clang::tidy::async
