#include "agent/IcmpProbeCheck.h"

#include <QTimer>

namespace hm::agent {

IcmpProbeCheck::IcmpProbeCheck(fleet::ProbeTarget probe) : m_probe(std::move(probe)) {}

IcmpProbeCheck::~IcmpProbeCheck()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

void IcmpProbeCheck::start()
{
    // Queued even for a literal address: finished is never emitted from
    // inside start().
    const QHostAddress literal(m_probe.target);
    if (!literal.isNull()) {
        QTimer::singleShot(0, this, [this, literal] { pingAddress(literal); });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_probe.target, this, &IcmpProbeCheck::onLookedUp);
}

void IcmpProbeCheck::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return complete(false, std::nullopt);
    pingAddress(info.addresses().constFirst());
}

void IcmpProbeCheck::pingAddress(const QHostAddress &address)
{
    OpenedPinger opened = openIcmpPinger(address);
    m_pinger = std::move(opened.pinger);
    m_fallbackReason = opened.fallbackReason;
    connect(m_pinger.get(), &IcmpPinger::finished, this, [this](bool up, double latencyMs) {
        complete(up, up ? std::optional(latencyMs) : std::nullopt);
    });
    m_pinger->ping(address);
}

void IcmpProbeCheck::complete(bool up, std::optional<double> latencyMs)
{
    if (std::exchange(m_done, true))
        return;
    ProbeResult result;
    result.id = m_probe.id;
    result.up = up;
    result.latencyMs = latencyMs;
    // Known once a pinger was chosen; a failed lookup chose none.
    result.fallback = m_pinger && m_pinger->isFallback();
    result.fallbackReason = m_fallbackReason;
    emit finished(result);
}

ProbeResult IcmpProbeCheck::timedOut() const
{
    ProbeResult result;
    result.id = m_probe.id;
    result.fallback = m_pinger && m_pinger->isFallback();
    result.fallbackReason = m_fallbackReason;
    return result;
}

} // namespace hm::agent
