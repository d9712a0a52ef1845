#include "fleet/AlertRule.h"

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
    {AlertType::Cpu, "cpu"},   {AlertType::Memory, "memory"},   {AlertType::Disk, "disk"},
    {AlertType::Load, "load"}, {AlertType::Network, "network"}, {AlertType::Offline, "offline"}};

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
        return std::nullopt;
    }
    return std::nullopt;
}

double alertClearLevel(double threshold)
{
    return threshold - std::max(std::abs(threshold) * 0.05, 1.0);
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
    const bool over = value > rule.threshold;
    const bool clear = value < alertClearLevel(rule.threshold);
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
