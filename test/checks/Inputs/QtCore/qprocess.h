// Mock of Qt 6's qprocess.h.
#pragma once
#include "qobject.h"

class QProcess : public QIODevice {
public:
  explicit QProcess(QObject *parent = nullptr);
  void start(const QString &program, const QStringList &arguments = {}, OpenMode mode = ReadWrite);
  bool startDetached(long long *pid = nullptr);
  bool waitForStarted(int msecs = 30000);
  bool waitForReadyRead(int msecs = 30000) override;
  bool waitForBytesWritten(int msecs = 30000) override;
  bool waitForFinished(int msecs = 30000);
  int exitCode() const;
  void kill();
};
