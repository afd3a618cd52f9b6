// Mock of Qt 6's qeventloop.h.
#pragma once
#include "qobject.h"

class QEventLoop : public QObject {
public:
  explicit QEventLoop(QObject *parent = nullptr);
  enum ProcessEventsFlag { AllEvents = 0x00, ExcludeUserInputEvents = 0x01, WaitForMoreEvents = 0x04 };
  using ProcessEventsFlags = ProcessEventsFlag; // Q_DECLARE_FLAGS
  bool processEvents(ProcessEventsFlags flags = AllEvents);
  void processEvents(ProcessEventsFlags flags, int maximumTime);
  int exec(ProcessEventsFlags flags = AllEvents);
  bool isRunning() const;
  void exit(int returnCode = 0);
  void quit();
};
