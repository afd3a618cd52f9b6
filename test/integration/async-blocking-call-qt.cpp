// REQUIRES: qt6
// RUN: %check_async %s async-blocking-call %t -- %qt_flags

// async-blocking-call on the real Qt 6 and QCoro headers (qt6-base-dev,
// qcoro-qt6-dev): the waitFor* members of QProcess, of the sockets and
// servers, QThread::wait and QThread's sleeps block the thread whose event
// loop runs the QCoro::Task. QCoro's qCoro() wrappers await the same events
// and stay silent, as do Qt's calls that do not wait.

#include <QCoroAbstractSocket>
#include <QCoroProcess>
#include <QCoroTask>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

QCoro::Task<int> runs_a_process(QProcess &process) {
  process.start(QStringLiteral("ls"));
  process.waitForStarted();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QProcess::waitForStarted{{.*}} [async-blocking-call]
  process.waitForReadyRead(100);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QProcess::waitForReadyRead{{.*}} [async-blocking-call]
  if (!process.waitForFinished(-1))
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: {{.*}}QProcess::waitForFinished{{.*}} [async-blocking-call]
    co_return -1;
  co_return process.exitCode();
}

QCoro::Task<void> talks(QTcpSocket &socket, QTcpServer &server, QLocalSocket &local,
                        QLocalServer &localServer, QThread *worker) {
  socket.connectToHost(QStringLiteral("example.org"), 80);
  socket.waitForConnected();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QAbstractSocket::waitForConnected{{.*}} [async-blocking-call]
  socket.waitForBytesWritten();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QAbstractSocket::waitForBytesWritten{{.*}} [async-blocking-call]
  server.waitForNewConnection(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QTcpServer::waitForNewConnection{{.*}} [async-blocking-call]
  local.waitForDisconnected();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QLocalSocket::waitForDisconnected{{.*}} [async-blocking-call]
  localServer.waitForNewConnection();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QLocalServer::waitForNewConnection{{.*}} [async-blocking-call]
  worker->quit();
  worker->wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QThread::wait{{.*}} [async-blocking-call]
  QThread::msleep(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: {{.*}}QThread::msleep{{.*}} [async-blocking-call]
  co_return;
}

// The QCoro way, and the calls that do not wait.
QCoro::Task<bool> awaits(QProcess &process, QTcpSocket &socket, QThread &worker) {
  process.start(QStringLiteral("ls"));
  co_await qCoro(process).waitForStarted();
  co_await qCoro(socket).waitForConnected();
  bool running = worker.isRunning() && !worker.isFinished();
  QThread::yieldCurrentThread();
  co_return running && co_await qCoro(process).waitForFinished() && socket.bytesAvailable() > 0;
}

// A class of the user's with the same member names is not Qt's.
struct Job {
  bool waitForFinished(int msecs = 0) { return msecs == 0; }
  bool wait() { return true; }
};
QCoro::Task<void> user_job(Job &job) {
  job.waitForFinished();
  job.wait();
  co_return;
}

// Outside a coroutine Qt's waits are the synchronous API.
bool sync_run(QProcess &process) { return process.waitForFinished(); }
