// Mock of Qt 6's QtCore: QObject, QIODevice, QDeadlineTimer and QString, the
// bases and argument types of the classes the checks know. Declarations as
// Qt 6.4 (Debian's qt6-base-dev) ships them, without the moc macros.
#pragma once

class QString {
public:
  QString();
  QString(const char *);
};
class QStringList {
public:
  QStringList();
};

class QObject {
public:
  explicit QObject(QObject *parent = nullptr);
  virtual ~QObject();
};

class QIODevice : public QObject {
public:
  enum OpenModeFlag { NotOpen = 0, ReadOnly = 1, WriteOnly = 2, ReadWrite = ReadOnly | WriteOnly };
  using OpenMode = OpenModeFlag;
  virtual bool waitForReadyRead(int msecs);
  virtual bool waitForBytesWritten(int msecs);
  long long bytesAvailable() const;
};

class QDeadlineTimer {
public:
  enum ForeverConstant { Forever };
  constexpr QDeadlineTimer(ForeverConstant) noexcept {}
  explicit QDeadlineTimer(long long msecs) noexcept;
};
