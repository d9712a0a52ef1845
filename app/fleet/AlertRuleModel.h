#pragma once

#include "client/AlertTypes.h"
#include "fleet/NamedListModel.h"

#include <QHash>
#include <QJsonObject>

namespace hm::app {

// The alert rules: every rule at once (GET /alerts/rules is not paged), by
// name as the server orders them. /ws/events' alert_rule_created, _updated
// and _deleted (any console's change) change the rows in place. A rule on
// one node names it by the names the page hands in (setNodeNames), a probe
// or certificate rule its probe (setProbeNames).
class AlertRuleModel final : public NamedListModel<client::AlertRuleRow>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        TypeColumn,
        ConditionColumn,
        DurationColumn,
        RenotifyColumn,
        ScopeColumn,
        ColumnCount
    };
    enum Role
    {
        RuleIdRole = Qt::UserRole + 1,
    };

    explicit AlertRuleModel(QObject *parent = nullptr);

    const client::AlertRuleRow *rule(int row) const { return item(row); }
    // A /ws/events message; anything but alert_rule_* is ignored.
    void applyEvent(const QString &type, const QJsonObject &data) { applyNamedEvent(type, data); }
    // Node id -> name, for the "Applies to" column.
    void setNodeNames(const QHash<QString, QString> &names);
    QString nodeName(const QString &nodeId) const { return m_nodeNames.value(nodeId); }
    // Probe id -> name, for the condition of probe and certificate rules.
    void setProbeNames(const QHash<QString, QString> &names);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cellData(const client::AlertRuleRow &rule, int column, int role) const override;

    QHash<QString, QString> m_nodeNames;
    QHash<QString, QString> m_probeNames;
};

} // namespace hm::app
