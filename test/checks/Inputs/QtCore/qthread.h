// Mock of Qt 6's qthread.h.
#pragma once
#include "qobject.h"

class QThread : public QObject {
public:
  explicit QThread(QObject *parent = nullptr);
  bool isFinished() const;
  bool isRunning() const;
  void start();
  void quit();
  bool wait(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
  bool wait(unsigned long time);
  static void sleep(unsigned long);
  static void msleep(unsigned long);
  static void usleep(unsigned long);
  static void yieldCurrentThread();
};
