//===- Std.cpp - the C++ standard library ---------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// std::execution (C++26) and its early std::this_thread spelling.
constexpr LoopCall BlockingWaits[] = {
    {"::std::this_thread::sync_wait", CallForm::FunctionObject, false},
    {"::std::this_thread::sync_wait_with_variant", CallForm::FunctionObject,
     false},
    {"::std::execution::sync_wait", CallForm::FunctionObject, false},
};

constexpr StringRef UncancellableAwaitables[] = {"::std::suspend_never"};
constexpr StringRef ExceptionKeepers[] = {"::std::current_exception",
                                          "::std::make_exception_ptr"};

constexpr StringRef Threads[] = {"::std::thread", "::std::jthread"};
constexpr StringRef Sleeps[] = {"::std::this_thread::sleep_for",
                                "::std::this_thread::sleep_until"};
constexpr StringRef ConditionVariables[] = {"::std::condition_variable",
                                            "::std::condition_variable_any"};
constexpr StringRef WaitFunctions[] = {
    "::std::atomic_wait", "::std::atomic_wait_explicit",
    "::std::atomic_flag_wait", "::std::atomic_flag_wait_explicit"};
constexpr StringRef PathFunctions[] = {
    "::std::filesystem::exists",
    "::std::filesystem::status",
    "::std::filesystem::symlink_status",
    "::std::filesystem::is_directory",
    "::std::filesystem::is_regular_file",
    "::std::filesystem::is_symlink",
    "::std::filesystem::is_empty",
    "::std::filesystem::is_other",
    "::std::filesystem::is_fifo",
    "::std::filesystem::is_socket",
    "::std::filesystem::is_block_file",
    "::std::filesystem::is_character_file",
    "::std::filesystem::file_size",
    "::std::filesystem::hard_link_count",
    "::std::filesystem::last_write_time",
    "::std::filesystem::permissions",
    "::std::filesystem::space",
    "::std::filesystem::canonical",
    "::std::filesystem::weakly_canonical",
    "::std::filesystem::equivalent",
    "::std::filesystem::read_symlink",
    "::std::filesystem::create_directory",
    "::std::filesystem::create_directories",
    "::std::filesystem::create_hard_link",
    "::std::filesystem::create_symlink",
    "::std::filesystem::create_directory_symlink",
    "::std::filesystem::copy",
    "::std::filesystem::copy_file",
    "::std::filesystem::copy_symlink",
    "::std::filesystem::remove",
    "::std::filesystem::remove_all",
    "::std::filesystem::rename",
    "::std::filesystem::resize_file"};
constexpr StringRef Futures[] = {"::std::future", "::std::shared_future"};
constexpr StringRef Semaphores[] = {"::std::counting_semaphore"};
constexpr StringRef Latches[] = {"::std::latch", "::std::barrier"};
constexpr StringRef Atomics[] = {"::std::atomic", "::std::atomic_ref",
                                 "::std::atomic_flag"};
// basic_filebuf only opens in open(): its constructors make a closed buffer.
constexpr StringRef FileStreams[] = {
    "::std::basic_ifstream", "::std::basic_ofstream", "::std::basic_fstream",
    "::std::basic_filebuf"};
constexpr StringRef DirectoryIterators[] = {
    "::std::filesystem::directory_iterator",
    "::std::filesystem::recursive_directory_iterator"};
constexpr StringRef ConsoleStreams[] = {"::std::cin", "::std::wcin"};
// An exception escaping a thread's function calls std::terminate.
constexpr DetachingCall DetachingCalls[] = {
    {DetachKind::ThreadDetach,
     "detach",
     {},
     Threads,
     DetachedFailure::Terminates},
};

constexpr StringRef Mutexes[] = {
    "::std::mutex",           "::std::timed_mutex",
    "::std::recursive_mutex", "::std::recursive_timed_mutex",
    "::std::shared_mutex",    "::std::shared_timed_mutex"};
constexpr StringRef LockGuards[] = {"::std::lock_guard", "::std::scoped_lock",
                                    "::std::unique_lock", "::std::shared_lock"};

constexpr StringRef CallbackWrappers[] = {
    "::std::function", "::std::move_only_function", "::std::copyable_function",
    "::std::function_ref"};
// A thread's function and an algorithm's per-element function: results dropped.
constexpr StringRef CallbackTakers[] = {"::std::thread", "::std::jthread",
                                        "::std::for_each", "::std::for_each_n",
                                        "::std::call_once"};

} // namespace

const Framework Std = {
    .Name = "C++ standard library",
    .Option = "Std",
    .Namespaces = "std",
    .UncancellableAwaitables = UncancellableAwaitables,
    .ExceptionKeepers = ExceptionKeepers,
    .BlockingWaits = BlockingWaits,
    .DetachingCalls = DetachingCalls,
    .Threads = Threads,
    .Mutexes = Mutexes,
    .LockGuards = LockGuards,
    .CallbackWrappers = CallbackWrappers,
    .CallbackTakers = CallbackTakers,
    .PathFunctions = PathFunctions,
    .Sleeps = Sleeps,
    .ConditionVariables = ConditionVariables,
    .WaitFunctions = WaitFunctions,
    .Futures = Futures,
    .Semaphores = Semaphores,
    .Latches = Latches,
    .Atomics = Atomics,
    .FileStreams = FileStreams,
    .DirectoryIterators = DirectoryIterators,
    .ConsoleStreams = ConsoleStreams,
};

} // namespace clang::tidy::async::frameworks
