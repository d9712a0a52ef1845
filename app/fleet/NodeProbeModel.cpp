#include "fleet/NodeProbeModel.h"

#include "client/NodeTypes.h"
#include "fleet/NodeText.h"
#include "fleet/ProbeText.h"
#include "widgets/ColumnAlignment.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

// `probe.<id>.<field>` -> {id, field}; empty id when it is not a probe's.
std::pair<QString, QString> probeMetric(const QString &name)
{
    if (!name.startsWith(QLatin1String("probe.")))
        return {};
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 6)
        return {};
    return {name.mid(6, dot - 6), name.mid(dot + 1)};
}

} // namespace

NodeProbeModel::NodeProbeModel(QObject *parent) : QAbstractTableModel(parent) {}

bool NodeProbeModel::covers(const client::ProbeRow &probe, const client::NodeRow &node)
{
    if (!probe.enabled)
        return false;
    if (probe.scopeType == QLatin1String("node"))
        return probe.scopeValue == node.id;
    if (probe.scopeType == QLatin1String("label"))
        return node.labels.contains(probe.scopeValue);
    return true;
}

void NodeProbeModel::setProbes(const QList<client::ProbeRow> &probes, const client::NodeRow &node)
{
    beginResetModel();
    m_probes.clear();
    for (const client::ProbeRow &probe : probes)
        if (covers(probe, node))
            m_probes.append(probe);
    std::sort(m_probes.begin(), m_probes.end(), [](const auto &a, const auto &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    m_results = QList<Result>(m_probes.size());
    m_rowOf.clear();
    for (int row = 0; row < m_probes.size(); ++row)
        m_rowOf.insert(m_probes.at(row).id, row);
    endResetModel();
}

void NodeProbeModel::clear()
{
    beginResetModel();
    m_probes.clear();
    m_results.clear();
    m_rowOf.clear();
    endResetModel();
}

QStringList NodeProbeModel::metricNames(int from, int to) const
{
    QStringList names;
    for (int row = std::max(0, from); row < std::min(to, int(m_probes.size())); ++row) {
        const QString prefix = QStringLiteral("probe.") + m_probes.at(row).id + u'.';
        for (const char *field : {"up", "latency_ms", "status", "cert_days", "fallback"})
            names.append(prefix + QLatin1String(field));
    }
    return names;
}

void NodeProbeModel::addResults(const client::NodeMetrics &history)
{
    // Newest first: the first value met of each metric is its latest. A
    // probe's fields are read from the report that carried its `up`, so a
    // latency never belongs to an older check than the result shown.
    QHash<int, QDateTime> readAt;
    for (auto it = history.items.crbegin(); it != history.items.crend(); ++it) {
        for (auto m = it->metrics.constBegin(); m != it->metrics.constEnd(); ++m) {
            const auto [id, field] = probeMetric(m.key());
            const int row = m_rowOf.value(id, -1);
            if (row < 0 || field != QLatin1String("up"))
                continue;
            Result &r = m_results[row];
            if (readAt.contains(row) || (r.checkedAt.isValid() && r.checkedAt >= it->time))
                continue;
            readAt.insert(row, it->time);
            const QString prefix = QStringLiteral("probe.") + id + u'.';
            const auto number = [&](const char *name) -> std::optional<double> {
                const QJsonValue v = it->metrics.value(prefix + QLatin1String(name));
                return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
            };
            r.up = m.value().toDouble() >= 0.5;
            r.latencyMs = number("latency_ms");
            const auto status = number("status");
            r.httpStatus = status ? std::optional<int>(int(*status)) : std::nullopt;
            r.certificateDays = number("cert_days");
            r.fallback = number("fallback").value_or(0) >= 0.5;
            r.checkedAt = it->time;
        }
    }
    for (auto it = readAt.constBegin(); it != readAt.constEnd(); ++it)
        emit dataChanged(index(it.key(), ResultColumn), index(it.key(), CheckedColumn));
}

void NodeProbeModel::refreshTimes()
{
    if (!m_probes.isEmpty())
        emit dataChanged(index(0, CheckedColumn), index(rowCount() - 1, CheckedColumn),
                         {Qt::DisplayRole});
}

const client::ProbeRow *NodeProbeModel::probe(int row) const
{
    return row >= 0 && row < m_probes.size() ? &m_probes.at(row) : nullptr;
}

const NodeProbeModel::Result *NodeProbeModel::result(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results.at(row) : nullptr;
}

int NodeProbeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_probes.size());
}

int NodeProbeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeProbeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ProbeRow &p = m_probes.at(index.row());
    const Result &r = m_results.at(index.row());
    if (role == ProbeIdRole)
        return p.id;
    if (role == Qt::DecorationRole && index.column() == ResultColumn)
        return NodeText::statusDot(!r.up   ? QStringLiteral("pending")
                                   : *r.up ? QStringLiteral("online")
                                           : QStringLiteral("offline"));
    if (role == Qt::TextAlignmentRole)
        return columnAlignment(index.column() == LatencyColumn);
    if (role == Qt::ToolTipRole && index.column() == ResultColumn && r.fallback)
        return tr("This host refuses unprivileged ICMP echo, so the agent checked a TCP "
                  "connection instead.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case KindColumn:
        return ProbeText::kind(p.kind);
    case TargetColumn:
        return p.target;
    case ResultColumn: {
        if (!r.up)
            return tr("No result yet");
        QString text = *r.up ? tr("Up") : tr("Down");
        if (r.httpStatus && *r.httpStatus > 0)
            text = tr("%1 (HTTP %2)").arg(text).arg(*r.httpStatus);
        if (r.fallback)
            text = tr("%1, via TCP").arg(text);
        return text;
    }
    case LatencyColumn:
        return r.latencyMs && r.up.value_or(false)
                   ? tr("%1 ms").arg(QLocale().toString(*r.latencyMs, 'f', 1))
                   : QString();
    case CertificateColumn:
        // Whole days left, rounded down: 0.6 days is "0 days left".
        return r.certificateDays
                   ? tr("%n day(s) left", "", int(std::floor(std::max(0.0, *r.certificateDays))))
                   : QString();
    case CheckedColumn:
        return NodeText::ago(r.checkedAt, m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(),
                             tr("Not yet"));
    default:
        return {};
    }
}

QVariant NodeProbeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == LatencyColumn);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Probe");
    case KindColumn:
        return tr("Kind");
    case TargetColumn:
        return tr("Target");
    case ResultColumn:
        return tr("Last result");
    case LatencyColumn:
        return tr("Latency");
    case CertificateColumn:
        return tr("Certificate");
    case CheckedColumn:
        return tr("Checked");
    default:
        return {};
    }
}

} // namespace hm::app
