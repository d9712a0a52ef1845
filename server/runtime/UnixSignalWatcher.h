#pragma once

#include <QObject>

class QSocketNotifier;

namespace hm::server {

// Turns SIGINT/SIGTERM into a Qt signal on the main thread through a
// self-pipe, so shutdown runs as ordinary event-loop code (store flushed,
// sockets closed) instead of inside a signal handler.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace hm::server
