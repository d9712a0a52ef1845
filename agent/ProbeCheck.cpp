#include "agent/ProbeCheck.h"

#include "agent/HttpProbeCheck.h"
#include "agent/IcmpProbeCheck.h"
#include "agent/TcpProbeCheck.h"

namespace hm::agent {

std::unique_ptr<ProbeCheck> createProbeCheck(const fleet::ProbeTarget &probe,
                                             QNetworkAccessManager &network)
{
    switch (probe.kind) {
    case fleet::ProbeKind::Tcp:
        return std::make_unique<TcpProbeCheck>(probe);
    case fleet::ProbeKind::Icmp:
        return std::make_unique<IcmpProbeCheck>(probe);
    case fleet::ProbeKind::Http:
        break;
    }
    return std::make_unique<HttpProbeCheck>(probe, network);
}

} // namespace hm::agent
