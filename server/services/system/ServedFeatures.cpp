#include "server/services/system/ServedFeatures.h"

namespace hm::server {

const QStringList &servedFeatures()
{
    static const QStringList features{
        QStringLiteral("encrypted_store"), QStringLiteral("envelope_encryption"),
        QStringLiteral("flows"), QStringLiteral("executions"), QStringLiteral("components"),
        QStringLiteral("services"), QStringLiteral("credentials"), QStringLiteral("users"),
        QStringLiteral("audit"), QStringLiteral("fleet"), QStringLiteral("alerts"),
        // seed 001's names for what is served too
        QStringLiteral("wireguard_management"), QStringLiteral("bgp_routing"),
        QStringLiteral("ipv6_management"), QStringLiteral("monitoring"),
        QStringLiteral("backup_restore")};
    return features;
}

} // namespace hm::server
