#pragma once

// An icmp probe: resolve the host (a literal address needs no lookup),
// then one echo through openIcmpPinger's pinger. Up when the host
// answered; latency is the echo's round trip (the fallback's connect time).

#include "agent/IcmpPinger.h"
#include "agent/ProbeCheck.h"

#include <QHostInfo>

namespace hm::agent {

class IcmpProbeCheck : public ProbeCheck
{
    Q_OBJECT
public:
    explicit IcmpProbeCheck(fleet::ProbeTarget probe);
    ~IcmpProbeCheck() override;
    void start() override;
    ProbeResult timedOut() const override;

private:
    void onLookedUp(const QHostInfo &info);
    void pingAddress(const QHostAddress &address);
    void complete(bool up, std::optional<double> latencyMs);

    fleet::ProbeTarget m_probe;
    std::unique_ptr<IcmpPinger> m_pinger;
    QString m_fallbackReason;
    int m_lookupId = -1;
    bool m_done = false;
};

} // namespace hm::agent
