#include "fleet/ProbeModel.h"

#include "client/ApiClient.h"
#include "client/ProbesApi.h"
#include "fleet/AlertText.h"
#include "fleet/ProbeText.h"

#include <algorithm>

namespace hm::app {

namespace {

// NamedListModel's order: by name (case ignored), then id.
bool probeSortsBefore(const client::ProbeRow &a, const client::ProbeRow &b)
{
    const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
    return byName != 0 ? byName < 0 : a.id < b.id;
}

} // namespace

ProbeModel::ProbeModel(QObject *parent)
    : NamedListModel(ColumnCount,
                     {QLatin1String("probe_"), QStringLiteral("probe_id"), QStringLiteral("probe"),
                      &client::json::probe},
                     parent)
{}

void ProbeModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    // The server sends them by id; the list shows them by name.
    client::ProbesApi(client).list(
        [whole = asWholePage(std::move(done))](Result<QList<client::ProbeRow>> r) {
            if (r)
                std::sort(r->begin(), r->end(), probeSortsBefore);
            whole(std::move(r));
        });
}

void ProbeModel::setNodeNames(const QHash<QString, QString> &names)
{
    m_nodeNames = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, ScopeColumn), index(rowCount() - 1, ScopeColumn));
}

QVariant ProbeModel::cellData(const client::ProbeRow &p, int column, int role) const
{
    switch (role) {
    case ProbeIdRole:
        return p.id;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return p.name;
        case StateColumn:
            return ProbeText::state(p.enabled);
        case KindColumn:
            return ProbeText::kind(p.kind);
        case TargetColumn:
            return p.target;
        case IntervalColumn:
            return ProbeText::interval(p.intervalSeconds);
        case ScopeColumn:
            return ProbeText::scope(p, m_nodeNames.value(p.scopeValue));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return tr("Id: %1 (its metrics: probe.%1.*)").arg(p.id);
        return {};
    case Qt::DecorationRole:
        if (column == StateColumn)
            return AlertText::ruleDot(p.enabled);
        return {};
    default:
        return {};
    }
}

QVariant ProbeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case KindColumn:
        return tr("Kind");
    case TargetColumn:
        return tr("Target");
    case IntervalColumn:
        return tr("Interval");
    case ScopeColumn:
        return tr("Runs on");
    default:
        return {};
    }
}

} // namespace hm::app
