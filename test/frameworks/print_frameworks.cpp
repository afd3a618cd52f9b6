//===- print_frameworks.cpp - the catalogue as docs/checks/frameworks.md --===//
//
// Prints one Markdown table per framework of checks/frameworks/, the part of
// docs/checks/frameworks.md between its "generated" markers;
// check_frameworks_doc.py compares the two so the page cannot drift.
//
//===----------------------------------------------------------------------===//
#include "frameworks/Registry.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

using namespace clang::tidy::async::frameworks;

namespace {

std::string code(StringRef Name) { return ("`" + spelled(Name) + "`").str(); }

/// Entries described one by one, separated by Separator.
template <typename Entry, typename Describe>
std::string joined(ArrayRef<Entry> Entries, Describe Describer, StringRef Separator = ", ") {
  std::string Text;
  for (const Entry &E : Entries) {
    const std::string Described = Describer(E);
    if (!Described.empty())
      Text += (Text.empty() ? "" : Separator.str()) + Described;
  }
  return Text;
}

std::string codes(ArrayRef<StringRef> Names) { return joined(Names, code); }

StringRef formOf(CallForm Form) {
  switch (Form) {
  case CallForm::Function:
    return "";
  case CallForm::FunctionObject:
    return " (function object)";
  case CallForm::Both:
    return " (function or function object)";
  }
  return "";
}

std::string loopCall(const LoopCall &Call) {
  return code(Call.Name) + formOf(Call.Form).str() +
         (Call.AwaitsFrameworkTask ? " (co_await replaces it on a lazy task)" : "");
}

std::string tasks(ArrayRef<TaskType> Tasks, Start Starts) {
  return joined(Tasks, [Starts](const TaskType &Task) {
    return Task.Starts == Starts ? code(Task.Template) : std::string();
  });
}

std::string cancellation(const Cancellation &C) {
  return "in " + code(C.Namespace) + ": " + code(C.Exception) +
         (C.ErrorCode.empty() ? "" : " carrying " + code(C.ErrorCode)) +
         (C.EquivalentCodes.empty() ? "" : " (equal to " + codes(C.EquivalentCodes) + ")");
}

std::string detachingCall(const DetachingCall &Call) {
  const std::string Callee = Call.Callee.str();
  const std::string Objects = codes(Call.Classes);
  std::string What;
  switch (Call.Kind) {
  case DetachKind::SpawnWithDetachedToken:
    What = codes(Call.Functions) + " with a token of " + Objects;
    break;
  case DetachKind::DetachMember:
  case DetachKind::ThreadDetach:
    What = "`" + Callee + "()` on " + Objects;
    break;
  case DetachKind::DroppedStartFuture:
    What = "`" + Callee + "()` on " + Objects + ", its future dropped";
    break;
  case DetachKind::IgnoredStartCallback:
    What = "`" + Callee + "(callback)` on " + Objects + ", the callback ignoring its argument";
    break;
  }
  switch (Call.Failure) {
  case DetachedFailure::Dropped:
    return What + ": a failure is dropped";
  case DetachedFailure::Terminates:
    return What + ": a failure terminates the program";
  case DetachedFailure::PrintedAndRethrown:
    return What + ": a failure is printed to stderr, then rethrown into the resuming thread";
  }
  return What;
}

StringRef failuresOf(Failures What) {
  switch (What) {
  case Failures::Collected:
    return "cancels none; each failure stays in its task's result";
  case Failures::FirstRethrown:
    return "cancels none; rethrows the first failure, drops the others";
  case Failures::WinnerOnly:
    return "returns with the first to finish; the others run on, detached";
  case Failures::CancelsOthers:
    return "cancels the others when one fails";
  }
  return "";
}

std::string combinator(const Combinator &Entry) {
  std::string Name = Entry.Name.starts_with("::") ? code(Entry.Name) : ("`" + Entry.Name + "`").str();
  return Name + ": " + failuresOf(Entry.What).str() +
         (Entry.Structured.empty() ? "" : " (structured: " + Entry.Structured.str() + ")");
}

std::string shield(const CancellationShield &Shield) {
  const std::string Name = code(Shield.Name);
  switch (Shield.Form) {
  case ShieldForm::Wrapper:
    return Name + " (wraps the awaitable)";
  case ShieldForm::EmptyTokenWrapper:
    return Name + " with an empty token";
  case ShieldForm::PathReset:
    return Name + " (clears it for the awaits after it)";
  case ShieldForm::CoroutineOptOut:
    return "`" + spelled(Shield.Name).str() + "(false)` (for the whole coroutine)";
  }
  return Name;
}

void row(llvm::raw_ostream &OS, StringRef What, const std::string &Entries) {
  if (!Entries.empty())
    OS << "| " << What << " | " << Entries << " |\n";
}

} // namespace

int main() {
  llvm::raw_ostream &OS = llvm::outs();
  for (const Framework *F : all()) {
    OS << "### " << F->Name << "\n\n";
    OS << "Namespaces: " << F->Namespaces << ". Catalogue: `checks/frameworks/" << F->Option
       << ".cpp`.\n\n";
    if (F->CLinkage)
      OS << "Its functions match only where declared `extern \"C\"`, so a function of "
            "your own with the same name never does.\n\n";
    OS << "| Kind | Entries |\n|---|---|\n";
    row(OS, "Lazy tasks", tasks(F->Tasks, Start::Lazy));
    row(OS, "Eager tasks", tasks(F->Tasks, Start::Eager));
    row(OS, "Other awaitables", codes(F->Awaitables));
    row(OS, "Synchronous generators", codes(F->Generators));
    row(OS, "Cancellation", joined(F->Cancellations, cancellation, "; "));
    row(OS, "Awaiting after a caught cancellation", joined(F->CancellationShields, shield));
    row(OS, "Awaitables cancellation does not interrupt", codes(F->UncancellableAwaitables));
    row(OS, "Awaitables that never throw", codes(F->NonThrowingAwaitables));
    row(OS, "Completion tokens giving errors as values", codes(F->ErrorAsValueTokens));
    row(OS, "Keeping the handled exception", codes(F->ExceptionKeepers));
    row(OS, "Event-loop runners", joined(F->LoopRunners, loopCall));
    row(OS, "Blocking waits", joined(F->BlockingWaits, loopCall));
    row(OS, "Execution contexts", codes(F->ExecutionContexts));
    row(OS, "Detaching calls", joined(F->DetachingCalls, detachingCall, "<br>"));
    row(OS, "Combinators", joined(F->Combinators, combinator, "<br>"));
    row(OS, "Task groups", codes(F->TaskGroups));
    row(OS, "Thread classes", codes(F->Threads));
    row(OS, "Scope guards", codes(F->ScopeGuards));
    row(OS, "Thread-affine guards", codes(F->ThreadAffineGuards));
    row(OS, "Mutexes", codes(F->Mutexes));
    row(OS, "Lock guards", codes(F->LockGuards));
    row(OS, "Synchronous I/O objects", codes(F->IoObjects));
    row(OS, "Their blocking members", codes(F->BlockingIoMembers));
    row(OS, "Blocking I/O functions", codes(F->BlockingIoFunctions));
    row(OS, "Sleeps and yields", codes(F->SleepFunctions));
    row(OS, "Timers", codes(F->Timers));
    row(OS, "Their awaited waits", codes(F->TimerWaits));
    row(OS, "Their interval setters", codes(F->TimerIntervals));
    row(OS, "Callback wrappers", codes(F->CallbackWrappers));
    row(OS, "Callback takers", codes(F->CallbackTakers));
    row(OS, "Synchronous file functions", codes(F->FileIoFunctions));
    row(OS, "Filesystem functions taking a path", codes(F->PathFunctions));
    row(OS, "Sleeps", codes(F->Sleeps));
    row(OS, "Condition variables", codes(F->ConditionVariables));
    row(OS, "Blocking wait functions", codes(F->WaitFunctions));
    row(OS, "Futures", codes(F->Futures));
    row(OS, "Counting semaphores", codes(F->Semaphores));
    row(OS, "Latches and barriers", codes(F->Latches));
    row(OS, "Atomics", codes(F->Atomics));
    row(OS, "File streams", codes(F->FileStreams));
    row(OS, "Directory iterators", codes(F->DirectoryIterators));
    row(OS, "Console input streams", codes(F->ConsoleStreams));
    row(OS, "Console and child-process functions", codes(F->ConsoleFunctions));
    row(OS, "Synchronous socket functions", codes(F->SocketFunctions));
    row(OS, "Name resolution functions", codes(F->NameResolutionFunctions));
    row(OS, "Whole-transfer functions", codes(F->TransferFunctions));
    OS << "\n";
  }
  return 0;
}
