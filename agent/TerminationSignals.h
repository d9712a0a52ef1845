#pragma once

// SIGTERM and SIGINT as a Qt signal (the self-pipe trick: the handler only
// writes a byte), so that `systemctl stop` ends the agent through the event
// loop: the WebSocket is closed with 1001 and the server marks the node
// offline at once instead of when the TCP connection times out. POSIX only.

#include <QObject>

class QSocketNotifier;

namespace hm::agent {

class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    // Once per process.
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace hm::agent
