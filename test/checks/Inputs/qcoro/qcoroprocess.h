// Mock of QCoro's qcoroprocess.h and qcoroabstractsocket.h: qCoro() wraps a
// QProcess or a socket in an object whose waitFor* members are coroutines.
#pragma once
#include "../QtCore/qprocess.h"
#include "../QtNetwork/qabstractsocket.h"
#include "qcorotask.h"

namespace QCoro::detail {
class QCoroProcess {
public:
  explicit QCoroProcess(QProcess *process);
  QCoro::Task<bool> waitForStarted(int timeout_msecs = 30'000);
  QCoro::Task<bool> waitForFinished(int timeout_msecs = 30'000);
};
class QCoroAbstractSocket {
public:
  explicit QCoroAbstractSocket(QAbstractSocket *socket);
  QCoro::Task<bool> waitForConnected(int timeout_msecs = 30'000);
  QCoro::Task<bool> waitForDisconnected(int timeout_msecs = 30'000);
};
} // namespace QCoro::detail

inline auto qCoro(QProcess &p) noexcept { return QCoro::detail::QCoroProcess{&p}; }
inline auto qCoro(QProcess *p) noexcept { return QCoro::detail::QCoroProcess{p}; }
inline auto qCoro(QAbstractSocket &s) noexcept { return QCoro::detail::QCoroAbstractSocket{&s}; }
