#pragma once

// A fleet probe's definition (issue 35, "Probes"): what an agent checks and
// how often. Shared by the server (admin input, storage) and the agent
// (settings pushed on /ws/agent), so both apply the same bounds. Pure
// logic, no I/O: validateProbeTarget says what is wrong with a definition
// before anything stores or runs it. TestProbeTarget holds it.

#include "common/Result.h"

#include <QString>
#include <optional>

namespace hm::fleet {

enum class ProbeKind
{
    Http, // http/https URL; optional keyword in the body, optional status
    Tcp,  // host:port connect
    Icmp, // echo, with a TCP fallback where the kernel forbids it
};

// "http", "tcp", "icmp".
QString probeKindName(ProbeKind kind);
std::optional<ProbeKind> probeKindFromName(QStringView name);

// Probe ids become part of metric names ("probe.<id>.latency_ms"), which
// isValidMetricName bounds at 64 characters: ids are [a-z0-9_-], at most
// kMaxProbeIdLength, so the longest suffix (".latency_ms") still fits.
inline constexpr qsizetype kMaxProbeIdLength = 32;
inline constexpr qsizetype kMaxProbeNameLength = 128;
inline constexpr qsizetype kMaxProbeTargetLength = 2048;
inline constexpr qsizetype kMaxProbeKeywordLength = 256;
inline constexpr int kMinProbeIntervalSeconds = 10;
inline constexpr int kMaxProbeIntervalSeconds = 3600;
inline constexpr int kMinProbeTimeoutSeconds = 1;
inline constexpr int kMaxProbeTimeoutSeconds = 60;

struct ProbeTarget
{
    QString id;
    QString name;
    ProbeKind kind = ProbeKind::Http;
    QString target;         // URL (http), host:port (tcp, IPv6 in brackets), host (icmp)
    QString keyword;        // http only; empty: none
    int expectedStatus = 0; // http only; 0: any 2xx/3xx is up
    bool tlsVerify = true;  // http only
    int intervalSeconds = 60;
    int timeoutSeconds = 10;
    bool enabled = true;
    bool operator==(const ProbeTarget &) const = default;
};

bool isValidProbeId(QStringView id);

// The metric name a probe result is reported under, e.g.
// probeMetricName("web", "up") == "probe.web.up".
QString probeMetricName(QStringView probeId, QStringView value);

// ValidationError with "field" in the details for the first thing wrong:
// id, name, target (scheme http/https only, no credentials, no control
// characters, host syntax, port 1…65535), keyword, expected_status,
// interval_seconds, timeout_seconds (less than the interval).
Result<void> validateProbeTarget(const ProbeTarget &probe);

} // namespace hm::fleet
