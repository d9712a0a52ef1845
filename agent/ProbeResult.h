#pragma once

// One run of one probe (issue 35, "Probes") and the metric values it is
// reported as (docs/agent-protocol.md, "settings.probes"): probe.<id>.up,
// .latency_ms, .status, .cert_days, .fallback.

#include "fleet/AgentProtocol.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::agent {

struct ProbeResult
{
    QString id;
    bool up = false;
    std::optional<double> latencyMs; // absent when nothing answered
    std::optional<int> status;       // http: the final response's status code
    std::optional<double> certDays;  // https: fractional days until the leaf's notAfter
    bool fallback = false;           // icmp: measured by a TCP connect instead
    QString fallbackReason;          // why (for the agent's log, not reported)
};

// The values in name order of the list above; `fallback` only for a probe
// that fell back (an ICMP probe that pinged reports no fallback value).
QList<fleet::MetricValue> probeResultMetrics(const ProbeResult &result);

} // namespace hm::agent
