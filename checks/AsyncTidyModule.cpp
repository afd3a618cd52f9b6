//===- AsyncTidyModule.cpp - the async-* check module ---------------------===//
//
// Registers every async-* check. The same object code serves the plugin
// (loaded by clang-tidy -load), corio-tidy and corio-clangd.
//
//===----------------------------------------------------------------------===//
#include "BlockingCallCheck.h"
#include "BusyWaitCheck.h"
#include "CoroutineCallbackCheck.h"
#include "DanglingCaptureCheck.h"
#include "DanglingReferenceCheck.h"
#include "DetachedTaskCheck.h"
#include "NestedEventLoopCheck.h"
#include "SuspendInScopeCheck.h"
#include "SwallowedCancellationCheck.h"
#include "UnawaitedTaskCheck.h"
#include "UnshieldedCleanupCheck.h"
#include "UnstructuredGatherCheck.h"

#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::async {

class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<BlockingCallCheck>("async-blocking-call");
    CheckFactories.registerCheck<BusyWaitCheck>("async-busy-wait");
    CheckFactories.registerCheck<CoroutineCallbackCheck>(
        "async-coroutine-callback");
    CheckFactories.registerCheck<DanglingCaptureCheck>(
        "async-dangling-capture");
    CheckFactories.registerCheck<DanglingReferenceCheck>(
        "async-dangling-reference");
    CheckFactories.registerCheck<DetachedTaskCheck>("async-detached-task");
    CheckFactories.registerCheck<NestedEventLoopCheck>(
        "async-nested-event-loop");
    CheckFactories.registerCheck<SuspendInScopeCheck>("async-suspend-in-scope");
    CheckFactories.registerCheck<SwallowedCancellationCheck>(
        "async-swallowed-cancellation");
    CheckFactories.registerCheck<UnawaitedTaskCheck>("async-unawaited-task");
    CheckFactories.registerCheck<UnshieldedCleanupCheck>(
        "async-unshielded-cleanup");
    CheckFactories.registerCheck<UnstructuredGatherCheck>(
        "async-unstructured-gather");
  }
};

static ClangTidyModuleRegistry::Add<AsyncModule>
    Registration("corio-async-module",
                 "Checks for misuse of C++20 coroutines.");

} // namespace clang::tidy::async
