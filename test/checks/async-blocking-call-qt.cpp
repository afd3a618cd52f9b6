// RUN: %check_async %s async-blocking-call %t -- -isystem %inputs
// RUN: %check_async --check-suffix=OFF --config="{CheckOptions: {async-blocking-call.CheckQt: false}}" %s async-blocking-call %t -- -isystem %inputs

// Qt 6 (CheckQt, on by default): the waitFor* members of QProcess, the
// sockets and servers, QThread::wait and QThread's sleeps block the thread
// whose event loop runs the QCoro::Task. QCoro's qCoro() wrappers await the
// same events and stay silent. With CheckQt off, nothing of Qt is reported.

#include <QtCore/qprocess.h>
#include <QtCore/qthread.h>
#include <QtNetwork/qabstractsocket.h>
#include <QtNetwork/qlocalsocket.h>
#include <qcoro/qcoroprocess.h>

QCoro::Task<int> runs_a_process(QProcess &process) {
  process.start("ls");
  process.waitForStarted();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QProcess::waitForStarted' blocks the event loop's thread (sync-wait), stalling every other task on it [async-blocking-call]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: co_await the same event with QCoro instead (qCoro(object).waitForFinished(), qCoro(socket).waitForConnected(), qCoro(thread).waitForFinished())
  process.waitForReadyRead(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QProcess::waitForReadyRead' blocks the event loop's thread
  if (!process.waitForFinished(-1))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'QProcess::waitForFinished' blocks the event loop's thread
    co_return -1;
  co_return process.exitCode();
}

QCoro::Task<void> talks(QTcpSocket &socket, QTcpServer &server, QLocalSocket &local,
                        QLocalServer &localServer, QThread *worker) {
  socket.connectToHost("example.org", 80);
  socket.waitForConnected();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QAbstractSocket::waitForConnected' blocks the event loop's thread
  socket.waitForBytesWritten();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QAbstractSocket::waitForBytesWritten' blocks the event loop's thread
  server.waitForNewConnection(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QTcpServer::waitForNewConnection' blocks the event loop's thread
  local.waitForDisconnected();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QLocalSocket::waitForDisconnected' blocks the event loop's thread
  localServer.waitForNewConnection();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QLocalServer::waitForNewConnection' blocks the event loop's thread
  worker->quit();
  worker->wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::wait' blocks the event loop's thread
  QThread::msleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'QThread::msleep' blocks the event loop's thread (sleep)
  co_return;
}

// The QCoro way, and the calls that do not wait.
QCoro::Task<bool> awaits(QProcess &process, QTcpSocket &socket, QThread &worker) {
  process.start("ls");
  co_await qCoro(process).waitForStarted();
  co_await qCoro(socket).waitForConnected();
  bool running = worker.isRunning() && !worker.isFinished();
  QThread::yieldCurrentThread();
  co_return running && co_await qCoro(process).waitForFinished() && socket.bytesAvailable() > 0;
}

// A class of the user's with the same member names is not Qt's.
struct Job {
  bool waitForFinished(int msecs = 0);
  bool wait();
};
QCoro::Task<void> user_job(Job &job) {
  job.waitForFinished();
  job.wait();
  co_return;
}

// Outside a coroutine Qt's waits are the synchronous API.
bool sync_run(QProcess &process) { return process.waitForFinished(); }
