#include "fleet/ProbeText.h"

#include "client/ProbeTypes.h"
#include "fleet/AlertText.h"

namespace hm::app {

QStringList ProbeText::kinds()
{
    return {QStringLiteral("http"), QStringLiteral("tcp"), QStringLiteral("icmp")};
}

QString ProbeText::kind(const QString &kind)
{
    if (kind == QLatin1String("http"))
        return tr("HTTP(S)");
    if (kind == QLatin1String("tcp"))
        return tr("TCP port");
    if (kind == QLatin1String("icmp"))
        return tr("Ping (ICMP)");
    return kind;
}

QString ProbeText::targetPlaceholder(const QString &kind)
{
    if (kind == QLatin1String("tcp"))
        return tr("host:port, e.g. db.example.com:5432");
    if (kind == QLatin1String("icmp"))
        return tr("A host, e.g. gateway.example.com");
    return tr("A URL, e.g. https://example.com/health");
}

QString ProbeText::scope(const client::ProbeRow &probe, const QString &nodeName)
{
    if (probe.scopeType == QLatin1String("node"))
        return nodeName.isEmpty() ? tr("One node") : nodeName;
    if (probe.scopeType == QLatin1String("label"))
        return tr("Label: %1").arg(probe.scopeValue);
    return tr("All nodes");
}

QString ProbeText::interval(int seconds)
{
    return tr("Every %1").arg(AlertText::duration(seconds));
}

QString ProbeText::state(bool enabled)
{
    return enabled ? tr("Enabled") : tr("Disabled");
}

} // namespace hm::app
