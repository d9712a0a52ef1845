#pragma once

// A tcp probe: connect to host:port (IPv6 in brackets) and close again.
// Up when the connection is established; latency is the connect time
// (including the name lookup).

#include "agent/ProbeCheck.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace hm::agent {

// "host:port", "[v6]:port" → host and port; nullopt when it is neither.
std::optional<std::pair<QString, quint16>> splitProbeHostPort(const QString &target);

class TcpProbeCheck : public ProbeCheck
{
    Q_OBJECT
public:
    explicit TcpProbeCheck(fleet::ProbeTarget probe);
    void start() override;
    ProbeResult timedOut() const override;

private:
    void complete(bool up);

    fleet::ProbeTarget m_probe;
    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace hm::agent
