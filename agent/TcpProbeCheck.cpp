#include "agent/TcpProbeCheck.h"

#include <QTimer>
#include <QUrl>

namespace hm::agent {

std::optional<std::pair<QString, quint16>> splitProbeHostPort(const QString &target)
{
    // QUrl knows the bracket syntax; validateProbeTarget already checked
    // the host and the port range.
    const QUrl url(QStringLiteral("tcp://") + target, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.port() < 1 || url.port() > 65535)
        return std::nullopt;
    return std::pair{url.host(), quint16(url.port())};
}

TcpProbeCheck::TcpProbeCheck(fleet::ProbeTarget probe) : m_probe(std::move(probe))
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] { complete(true); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] { complete(false); });
}

void TcpProbeCheck::start()
{
    const auto hostPort = splitProbeHostPort(m_probe.target);
    if (!hostPort) {
        // Queued: finished is never emitted from inside start().
        QTimer::singleShot(0, this, [this] { complete(false); });
        return;
    }
    m_clock.start();
    m_socket.connectToHost(hostPort->first, hostPort->second);
}

void TcpProbeCheck::complete(bool up)
{
    if (std::exchange(m_done, true))
        return;
    ProbeResult result;
    result.id = m_probe.id;
    result.up = up;
    if (up)
        result.latencyMs = double(m_clock.nsecsElapsed()) / 1e6;
    m_socket.abort();
    emit finished(result);
}

ProbeResult TcpProbeCheck::timedOut() const
{
    ProbeResult result;
    result.id = m_probe.id;
    return result;
}

} // namespace hm::agent
