#pragma once

#include "client/ProbeTypes.h"
#include "fleet/NamedListModel.h"

#include <QHash>
#include <QJsonObject>

namespace hm::app {

// The probes: every one at once (all pages of GET /probes), by name.
// /ws/events' probe_created, _updated and _deleted (any console's change)
// change the rows in place. A probe on one node names it by the names the
// page hands in (setNodeNames).
class ProbeModel final : public NamedListModel<client::ProbeRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        KindColumn,
        TargetColumn,
        IntervalColumn,
        ScopeColumn,
        ColumnCount
    };
    enum Role
    {
        ProbeIdRole = Qt::UserRole + 1,
    };

    explicit ProbeModel(QObject *parent = nullptr);

    const client::ProbeRow *probe(int row) const { return item(row); }
    // A /ws/events message; anything but probe_* is ignored.
    void applyEvent(const QString &type, const QJsonObject &data) { applyNamedEvent(type, data); }
    // Node id -> name, for the "Runs on" column.
    void setNodeNames(const QHash<QString, QString> &names);
    QString nodeName(const QString &nodeId) const { return m_nodeNames.value(nodeId); }

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cellData(const client::ProbeRow &probe, int column, int role) const override;

    QHash<QString, QString> m_nodeNames;
};

} // namespace hm::app
