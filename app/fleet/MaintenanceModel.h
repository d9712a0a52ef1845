#pragma once

#include "client/AlertTypes.h"
#include "widgets/RemoteListModel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <functional>

namespace hm::app {

// The maintenance windows not over yet (GET /alerts/maintenance is not
// paged), the soonest first as the server orders them. /ws/events'
// alert_maintenance_created and _deleted (any console's change) change the
// rows in place; prune() drops the windows that ended meanwhile and
// restates which are in progress (the page calls it every half minute).
class MaintenanceModel final : public RemoteList<client::MaintenanceWindowRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ScopeColumn,
        StartsColumn,
        EndsColumn,
        ColumnCount
    };

    explicit MaintenanceModel(QObject *parent = nullptr);

    const client::MaintenanceWindowRow *window(int row) const { return item(row); }
    // A window as the server now has it: a row of its own, in its place.
    void upsert(const client::MaintenanceWindowRow &window);
    void remove(const QString &id);
    // A /ws/events message; anything but alert_maintenance_* is ignored.
    void applyEvent(const QString &type, const QJsonObject &data);
    // Drops the windows over by now; in-progress states follow the clock.
    void prune();
    // Windows in progress now.
    int currentCount() const;
    // Node id -> name, for the "Covers" column.
    void setNodeNames(const QHash<QString, QString> &names);
    // The time the model goes by (tests set it); the system clock if unset.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::MaintenanceWindowRow &window) const override { return window.id; }
    QVariant cellData(const client::MaintenanceWindowRow &window, int column,
                      int role) const override;
    bool sortsBefore(const client::MaintenanceWindowRow &a,
                     const client::MaintenanceWindowRow &b) const override;

    QHash<QString, QString> m_nodeNames;
    std::function<QDateTime()> m_clock;
};

} // namespace hm::app
