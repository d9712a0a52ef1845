// Systems without an unprivileged ICMP socket the agent knows how to use:
// every ICMP probe is measured by the TCP fallback.

#include "agent/IcmpPinger.h"
#include "agent/TcpFallbackPinger.h"

namespace hm::agent {

OpenedPinger openIcmpPinger(const QHostAddress &)
{
    return {std::make_unique<TcpFallbackPinger>(),
            QStringLiteral("this system has no unprivileged ICMP socket the agent uses")};
}

} // namespace hm::agent
