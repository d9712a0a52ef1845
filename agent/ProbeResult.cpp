#include "agent/ProbeResult.h"

namespace hm::agent {

QList<fleet::MetricValue> probeResultMetrics(const ProbeResult &result)
{
    QList<fleet::MetricValue> values;
    const auto add = [&](QStringView value, double number) {
        values.append({fleet::probeMetricName(result.id, value), number});
    };
    add(u"up", result.up ? 1 : 0);
    if (result.latencyMs)
        add(u"latency_ms", *result.latencyMs);
    if (result.status)
        add(u"status", *result.status);
    if (result.certDays)
        add(u"cert_days", *result.certDays);
    if (result.fallback)
        add(u"fallback", 1);
    return values;
}

} // namespace hm::agent
