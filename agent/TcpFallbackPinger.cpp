#include "agent/TcpFallbackPinger.h"

namespace hm::agent {

TcpFallbackPinger::TcpFallbackPinger(QObject *parent) : IcmpPinger(parent)
{
    for (QTcpSocket *socket : {&m_http, &m_https}) {
        connect(socket, &QTcpSocket::connected, this, [this] { onAnswer(true); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError error) {
                    onAnswer(error == QAbstractSocket::ConnectionRefusedError);
                });
    }
}

void TcpFallbackPinger::ping(const QHostAddress &address)
{
    m_clock.start();
    m_http.connectToHost(address, 80);
    m_https.connectToHost(address, 443);
}

void TcpFallbackPinger::onAnswer(bool answered)
{
    if (m_done)
        return;
    // One port silent or unreachable: the other may still answer.
    if (!answered && ++m_failures < 2)
        return;
    m_done = true;
    const double latencyMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_http.abort();
    m_https.abort();
    emit finished(answered, latencyMs);
}

} // namespace hm::agent
