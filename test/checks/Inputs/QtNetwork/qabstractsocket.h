// Mock of Qt 6's qabstractsocket.h, qtcpsocket.h and qtcpserver.h.
#pragma once
#include "../QtCore/qobject.h"

class QAbstractSocket : public QIODevice {
public:
  virtual void connectToHost(const QString &hostName, unsigned short port,
                             OpenMode mode = ReadWrite);
  virtual void disconnectFromHost();
  virtual bool waitForConnected(int msecs = 30000);
  bool waitForReadyRead(int msecs = 30000) override;
  bool waitForBytesWritten(int msecs = 30000) override;
  virtual bool waitForDisconnected(int msecs = 30000);
};

class QTcpSocket : public QAbstractSocket {
public:
  explicit QTcpSocket(QObject *parent = nullptr);
};

class QTcpServer : public QObject {
public:
  explicit QTcpServer(QObject *parent = nullptr);
  bool listen(unsigned short port = 0);
  bool hasPendingConnections() const;
  virtual QTcpSocket *nextPendingConnection();
  bool waitForNewConnection(int msec = 0, bool *timedOut = nullptr);
};
