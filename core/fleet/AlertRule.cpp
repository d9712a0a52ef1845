#include "fleet/AlertRule.h"

#include "fleet/ProbeTarget.h"

#include <algorithm>
#include <cmath>

namespace hm::fleet {

namespace {

struct TypeName
{
    AlertType type;
    const char *name;
};
constexpr TypeName kTypeNames[] = {
    {AlertType::Cpu, "cpu"},         {AlertType::Memory, "memory"},
    {AlertType::Disk, "disk"},       {AlertType::Load, "load"},
    {AlertType::Network, "network"}, {AlertType::Offline, "offline"},
    {AlertType::Probe, "probe"},     {AlertType::Certificate, "certificate"},
    {AlertType::ContainerDown, "container_down"},
    {AlertType::ContainerUnhealthy, "container_unhealthy"}};

bool isTargetChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'_' || u == u'.' || u == u'-' || u == u'*' || u == u'?';
}

// Glob match, * any run of characters, ? one; iterative with one
// backtrack point, so a pattern of many stars costs no more than
// length × length.
bool globMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starP = -1;
    qsizetype starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

std::optional<double> percentOf(const QHash<QString, double> &metrics, const QString &used,
                                const QString &total)
{
    const auto u = metrics.constFind(used);
    const auto t = metrics.constFind(total);
    if (u == metrics.constEnd() || t == metrics.constEnd() || *t <= 0)
        return std::nullopt;
    return 100.0 * *u / *t;
}

} // namespace

QString alertTypeName(AlertType type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type)
            return QLatin1String(t.name);
    }
    return {};
}

std::optional<AlertType> alertTypeFromName(QStringView name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

bool AlertRule::covers(const QString &node, const QStringList &labels) const
{
    if (!nodeId.isEmpty())
        return nodeId == node;
    if (!label.isEmpty())
        return labels.contains(label);
    return true;
}

std::optional<double> alertValue(AlertType type, const QHash<QString, double> &metrics)
{
    const auto one = [&metrics](const char *name) -> std::optional<double> {
        const auto it = metrics.constFind(QLatin1String(name));
        return it == metrics.constEnd() ? std::nullopt : std::optional<double>(*it);
    };
    switch (type) {
    case AlertType::Cpu:
        return one("cpu_usage");
    case AlertType::Memory:
        return percentOf(metrics, QStringLiteral("memory_used"), QStringLiteral("memory_total"));
    case AlertType::Disk:
        return percentOf(metrics, QStringLiteral("disk_used"), QStringLiteral("disk_total"));
    case AlertType::Load:
        return one("load_avg_1");
    case AlertType::Network: {
        const auto in = one("network_in");
        const auto out = one("network_out");
        if (!in && !out)
            return std::nullopt;
        return in.value_or(0) + out.value_or(0);
    }
    case AlertType::Offline:
    case AlertType::Probe:
    case AlertType::Certificate:
    case AlertType::ContainerDown:
    case AlertType::ContainerUnhealthy:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> alertValue(const AlertRule &rule, const QHash<QString, double> &metrics)
{
    if (rule.type != AlertType::Probe && rule.type != AlertType::Certificate)
        return alertValue(rule.type, metrics);
    if (rule.probeId.isEmpty())
        return std::nullopt;
    const auto it = metrics.constFind(
        probeMetricName(rule.probeId, rule.type == AlertType::Probe ? u"up" : u"cert_days"));
    return it == metrics.constEnd() ? std::nullopt : std::optional<double>(*it);
}

bool isContainerAlert(AlertType type)
{
    return type == AlertType::ContainerDown || type == AlertType::ContainerUnhealthy;
}

bool isContainerTarget(const QString &target)
{
    if (target == QLatin1String("any"))
        return true;
    return !target.isEmpty() && target.size() <= 128 &&
           std::all_of(target.begin(), target.end(), isTargetChar);
}

bool containerTargetMatches(const QString &target, const QString &name)
{
    if (target == QLatin1String("any"))
        return true;
    return globMatches(target, name);
}

std::optional<double> containerAlertValue(const AlertRule &rule,
                                          const QList<ContainerState> &containers,
                                          const QSet<QString> &seen)
{
    if (!isContainerAlert(rule.type) || !isContainerTarget(rule.container))
        return std::nullopt;
    bool watched = false;
    int count = 0;
    QSet<QString> present;
    for (const ContainerState &c : containers) {
        present.insert(c.name);
        if (!containerTargetMatches(rule.container, c.name))
            continue;
        watched = true;
        if (rule.type == AlertType::ContainerDown ? !c.running
                                                  : c.health == ContainerState::Health::Unhealthy)
            ++count;
    }
    for (const QString &name : seen) {
        if (present.contains(name) || !containerTargetMatches(rule.container, name))
            continue;
        watched = true;
        // Gone after having been seen: down, and no longer unhealthy.
        if (rule.type == AlertType::ContainerDown)
            ++count;
    }
    if (!watched)
        return std::nullopt;
    return double(count);
}

bool alertFiresBelow(AlertType type)
{
    return type == AlertType::Probe || type == AlertType::Certificate;
}

double alertClearLevel(AlertType type, double threshold)
{
    if (type == AlertType::Probe || isContainerAlert(type))
        return threshold; // counts and up/down: no band
    const double band = std::max(std::abs(threshold) * 0.05, 1.0);
    return alertFiresBelow(type) ? threshold + band : threshold - band;
}

double alertClearLevel(double threshold)
{
    return alertClearLevel(AlertType::Cpu, threshold);
}

void AlertState::restoreFiring(qint64 sinceMs, double value)
{
    m_phase = Phase::Firing;
    m_sinceMs = sinceMs;
    m_lastMs = sinceMs;
    m_value = value;
}

AlertState::Change AlertState::observe(const AlertRule &rule, qint64 timeMs, double value)
{
    if (timeMs < m_lastMs)
        return Change::None; // replayed from before what was seen
    m_lastMs = timeMs;
    const qint64 durationMs = std::max<qint64>(0, rule.durationSeconds) * 1000;
    const bool below = alertFiresBelow(rule.type);
    const double clearLevel = alertClearLevel(rule.type, rule.threshold);
    // "over": past the threshold in the direction that fires.
    const bool over = below ? value < rule.threshold : value > rule.threshold;
    const bool clear = below ? value > clearLevel : value < clearLevel;
    switch (m_phase) {
    case Phase::Ok:
        if (!over)
            return Change::None;
        m_phase = Phase::Pending;
        m_sinceMs = timeMs;
        [[fallthrough]];
    case Phase::Pending:
        if (!over) {
            m_phase = Phase::Ok;
            return Change::None;
        }
        if (timeMs - m_sinceMs < durationMs)
            return Change::None;
        m_phase = Phase::Firing;
        m_sinceMs = timeMs;
        m_value = value;
        return Change::Fire;
    case Phase::Firing:
        m_value = value;
        if (!clear)
            return Change::None;
        m_phase = Phase::Clearing;
        m_sinceMs = timeMs;
        [[fallthrough]];
    case Phase::Clearing:
        m_value = value;
        if (!clear) {
            // Back in the band or over: still firing, the wait starts again.
            m_phase = Phase::Firing;
            return Change::None;
        }
        if (timeMs - m_sinceMs < durationMs)
            return Change::None;
        m_phase = Phase::Ok;
        m_sinceMs = timeMs;
        return Change::Resolve;
    }
    return Change::None;
}

} // namespace hm::fleet
