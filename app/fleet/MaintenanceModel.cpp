#include "fleet/MaintenanceModel.h"

#include "client/AlertsApi.h"
#include "client/ApiClient.h"
#include "fleet/AlertText.h"
#include "fleet/NodeText.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

MaintenanceModel::MaintenanceModel(QObject *parent)
    : RemoteList(ColumnCount, {.wholeList = true, .keepRowsWhileReloading = true}, parent)
{}

void MaintenanceModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    client::AlertsApi(client).maintenanceWindows(asWholePage(std::move(done)));
}

QDateTime MaintenanceModel::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool MaintenanceModel::sortsBefore(const client::MaintenanceWindowRow &a,
                                   const client::MaintenanceWindowRow &b) const
{
    // The server's order: the soonest first.
    if (a.startsAt != b.startsAt)
        return a.startsAt < b.startsAt;
    return a.id < b.id;
}

void MaintenanceModel::upsert(const client::MaintenanceWindowRow &window)
{
    if (window.endsAt <= now())
        return remove(window.id); // over already
    if (const int row = rowOf(window.id); row >= 0) {
        if (item(row)->startsAt == window.startsAt)
            return replaceItem(row, window);
        removeItem(row); // a new start moves it to its place
    }
    insertItem(placeOf(window), window);
}

void MaintenanceModel::remove(const QString &id)
{
    if (const int row = rowOf(id); row >= 0)
        removeItem(row);
}

void MaintenanceModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!type.startsWith(QLatin1String("alert_maintenance_")) || state() != State::Ready)
        return;
    const QString id = data.value(QStringLiteral("window_id")).toString();
    if (id.isEmpty())
        return;
    if (type == QLatin1String("alert_maintenance_deleted"))
        return remove(id);
    const client::MaintenanceWindowRow window =
        client::json::maintenanceWindow(data.value(QStringLiteral("window")).toObject());
    if (window.id == id)
        upsert(window);
}

void MaintenanceModel::prune()
{
    const QDateTime at = now();
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (item(row)->endsAt <= at)
            removeItem(row);
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

int MaintenanceModel::currentCount() const
{
    const QDateTime at = now();
    int count = 0;
    for (const client::MaintenanceWindowRow &window : items())
        count += window.isCurrent(at) ? 1 : 0;
    return count;
}

void MaintenanceModel::setNodeNames(const QHash<QString, QString> &names)
{
    m_nodeNames = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, ScopeColumn), index(rowCount() - 1, ScopeColumn));
}

QVariant MaintenanceModel::cellData(const client::MaintenanceWindowRow &w, int column,
                                    int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return w.name;
        case StateColumn:
            return w.isCurrent(now()) ? tr("In progress") : tr("Planned");
        case ScopeColumn:
            return AlertText::scope(w.nodeId, w.label, m_nodeNames.value(w.nodeId));
        case StartsColumn:
            return dateTimeText(w.startsAt);
        case EndsColumn:
            return dateTimeText(w.endsAt);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == StartsColumn)
            return dateTimeTextWithSeconds(w.startsAt);
        if (column == EndsColumn)
            return dateTimeTextWithSeconds(w.endsAt);
        if (column == StateColumn)
            return w.isCurrent(now()) ? tr("The nodes it covers raise no alert until it ends.")
                                      : tr("Alerts are held back from its start.");
        return {};
    case Qt::DecorationRole:
        // A dot beside the state word: amber while alerts are held back.
        if (column == StateColumn)
            return NodeText::statusDot(w.isCurrent(now()) ? QStringLiteral("maintenance")
                                                          : QStringLiteral("pending"));
        return {};
    default:
        return {};
    }
}

QVariant MaintenanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ScopeColumn:
        return tr("Covers");
    case StartsColumn:
        return tr("Starts");
    case EndsColumn:
        return tr("Ends");
    default:
        return {};
    }
}

} // namespace hm::app
