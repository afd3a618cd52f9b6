//===- Qt.cpp - Qt 6 (QtCore, QtNetwork) ----------------------------------===//
#include "frameworks/Registry.h"

namespace clang::tidy::async::frameworks {

namespace {

// exec() runs a nested loop of the thread's event dispatcher.
constexpr LoopCall LoopRunners[] = {
    {"::QEventLoop::exec", CallForm::Function, false}};

// Their waitFor* members (and QThread::wait) block the calling thread until
// the event happens or the timeout passes; QCoro's qCoro() wrappers await
// the same events.
constexpr StringRef IoObjects[] = {"::QProcess",     "::QAbstractSocket",
                                   "::QLocalSocket", "::QTcpServer",
                                   "::QLocalServer", "::QThread"};
constexpr StringRef BlockingIoMembers[] = {
    "waitForStarted",       "waitForFinished",
    "waitForReadyRead",     "waitForBytesWritten",
    "waitForConnected",     "waitForDisconnected",
    "waitForNewConnection", "wait"};

constexpr StringRef Sleeps[] = {"::QThread::sleep", "::QThread::msleep",
                                "::QThread::usleep"};

} // namespace

const Framework Qt = {
    .Name = "Qt 6",
    .Option = "Qt",
    .Namespaces = "the global namespace (Q* classes)",
    .LoopRunners = LoopRunners,
    .IoObjects = IoObjects,
    .BlockingIoMembers = BlockingIoMembers,
    .Sleeps = Sleeps,
};

} // namespace clang::tidy::async::frameworks
