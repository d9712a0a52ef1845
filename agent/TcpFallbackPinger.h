#pragma once

// "Is the host there" without ICMP: a TCP connect to port 80 and to 443 at
// once. The host answered when either connects or actively refuses (a
// refusal comes from the host itself); no answer from both until the
// deadline (the runner's timeout) or an unreachable network means down.
// Latency is that of the first answer.

#include "agent/IcmpPinger.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace hm::agent {

class TcpFallbackPinger : public IcmpPinger
{
    Q_OBJECT
public:
    explicit TcpFallbackPinger(QObject *parent = nullptr);
    void ping(const QHostAddress &address) override;
    bool isFallback() const override { return true; }

private:
    void onAnswer(bool answered);

    QTcpSocket m_http;
    QTcpSocket m_https;
    QElapsedTimer m_clock;
    int m_failures = 0;
    bool m_done = false;
};

} // namespace hm::agent
