#include "fleet/AlertRuleModel.h"

#include "client/AlertsApi.h"
#include "client/ApiClient.h"
#include "fleet/AlertText.h"

namespace hm::app {

AlertRuleModel::AlertRuleModel(QObject *parent)
    : NamedListModel(ColumnCount,
                     {QLatin1String("alert_rule_"), QStringLiteral("rule_id"),
                      QStringLiteral("rule"), &client::json::alertRule},
                     parent)
{}

void AlertRuleModel::requestPage(client::ApiClient &client, int, int, PageCallback done)
{
    client::AlertsApi(client).rules(asWholePage(std::move(done)));
}

void AlertRuleModel::setNodeNames(const QHash<QString, QString> &names)
{
    m_nodeNames = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, ScopeColumn), index(rowCount() - 1, ScopeColumn));
}

void AlertRuleModel::setProbeNames(const QHash<QString, QString> &names)
{
    if (names == m_probeNames)
        return;
    m_probeNames = names;
    if (rowCount() > 0)
        emit dataChanged(index(0, ConditionColumn), index(rowCount() - 1, ConditionColumn));
}

QVariant AlertRuleModel::cellData(const client::AlertRuleRow &r, int column, int role) const
{
    switch (role) {
    case RuleIdRole:
        return r.id;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return r.name;
        case StateColumn:
            return AlertText::ruleState(r.enabled);
        case TypeColumn:
            return AlertText::type(r.type);
        case ConditionColumn:
            return AlertText::ruleCondition(r, m_probeNames.value(r.probeId));
        case DurationColumn:
            return AlertText::duration(r.durationSeconds);
        case RenotifyColumn:
            return AlertText::renotify(r.renotifySeconds);
        case ScopeColumn:
            return AlertText::scope(r, m_nodeNames.value(r.nodeId));
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return AlertText::ruleDot(r.enabled);
        return {};
    default:
        return {};
    }
}

QVariant AlertRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    case ConditionColumn:
        return tr("Condition");
    case DurationColumn:
        return tr("For");
    case RenotifyColumn:
        return tr("Reminders");
    case ScopeColumn:
        return tr("Applies to");
    default:
        return {};
    }
}

} // namespace hm::app
