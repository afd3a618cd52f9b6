// Mock of Qt 6's qlocalsocket.h and qlocalserver.h.
#pragma once
#include "../QtCore/qobject.h"

class QLocalSocket : public QIODevice {
public:
  explicit QLocalSocket(QObject *parent = nullptr);
  void connectToServer(OpenMode openMode = ReadWrite);
  bool waitForConnected(int msecs = 30000);
  bool waitForDisconnected(int msecs = 30000);
  bool waitForBytesWritten(int msecs = 30000) override;
  bool waitForReadyRead(int msecs = 30000) override;
};

class QLocalServer : public QObject {
public:
  explicit QLocalServer(QObject *parent = nullptr);
  bool waitForNewConnection(int msec = 0, bool *timedOut = nullptr);
};
