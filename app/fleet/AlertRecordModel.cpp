#include "fleet/AlertRecordModel.h"

#include "client/AlertsApi.h"
#include "client/ApiClient.h"
#include "fleet/AlertText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

AlertRecordModel::AlertRecordModel(QObject *parent) : RemoteList(ColumnCount, {}, parent)
{
    // What an operator opens the section for: what is firing now.
    m_filter.onlyActive = true;
}

void AlertRecordModel::setOnlyActive(bool onlyActive)
{
    if (m_filter.onlyActive == onlyActive)
        return;
    m_filter.onlyActive = onlyActive;
    reload();
}

void AlertRecordModel::setType(const QString &type)
{
    if (m_filter.type == type)
        return;
    m_filter.type = type;
    reload();
}

void AlertRecordModel::requestPage(client::ApiClient &client, int page, int size, PageCallback done)
{
    client::AlertRecordFilter filter = m_filter;
    filter.page = client::PageRequest{page, size};
    client::AlertsApi(client).records(filter, std::move(done));
}

bool AlertRecordModel::sortsBefore(const client::AlertRecordRow &a,
                                   const client::AlertRecordRow &b) const
{
    // The server's ORDER BY started_at DESC, id DESC.
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id > b.id;
}

bool AlertRecordModel::matches(const client::AlertRecordRow &record) const
{
    if (m_filter.onlyActive && !record.active)
        return false;
    return m_filter.type.isEmpty() || record.type == m_filter.type;
}

void AlertRecordModel::upsert(const client::AlertRecordRow &record)
{
    const int row = rowOf(record.id);
    if (row >= 0) {
        if (!matches(record))
            return removeItem(row);
        return replaceItem(row, record);
    }
    if (!matches(record))
        return;
    const int place = placeOf(record);
    // Behind the loaded rows while pages remain, its page will bring it.
    // Only a record that just fired is one more: a resolved one the model
    // has not loaded yet was counted already.
    if (place == rowCount() && hasMore()) {
        if (record.active)
            adjustTotal(1);
        return;
    }
    insertItem(place, record, true);
}

void AlertRecordModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (type != QLatin1String("alert") || state() != State::Ready)
        return; // a page on its way will have it
    const client::AlertRecordRow record = client::json::alertRecord(data);
    if (!record.id.isEmpty())
        upsert(record);
}

QVariant AlertRecordModel::cellData(const client::AlertRecordRow &r, int column, int role) const
{
    switch (role) {
    case RecordIdRole:
        return r.id;
    case ActiveRole:
        return r.active;
    case Qt::DisplayRole:
        switch (column) {
        case StateColumn:
            return AlertText::recordState(r.active);
        case RuleColumn:
            return r.ruleName;
        case NodeColumn:
            return r.nodeName;
        case TypeColumn:
            return AlertText::type(r.type);
        case ValueColumn:
            return AlertText::value(r.type, r.value);
        case ConditionColumn:
            return AlertText::condition(r.type, r.threshold);
        case StartedColumn:
            return dateTimeText(r.createdAt);
        case ResolvedColumn:
            if (r.active)
                return {};
            return tr("%1, %2").arg(dateTimeText(r.resolvedAt), AlertText::resolver(r));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == StartedColumn)
            return dateTimeTextWithSeconds(r.createdAt);
        if (column == ResolvedColumn && !r.active)
            return dateTimeTextWithSeconds(r.resolvedAt);
        if (column == RuleColumn && r.ruleId.isEmpty())
            return tr("The rule was deleted since.");
        if ((column == ValueColumn || column == TypeColumn) && !r.containers.isEmpty())
            return AlertText::containers(r.containers, r.containersMore);
        return {};
    case Qt::DecorationRole:
        // A dot beside the state word (never the colour alone).
        if (column == StateColumn)
            return AlertText::recordDot(r.active);
        return {};
    case Qt::TextAlignmentRole:
        return columnAlignment(column == ValueColumn);
    default:
        return {};
    }
}

QVariant AlertRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section == ValueColumn);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case RuleColumn:
        return tr("Rule");
    case NodeColumn:
        return tr("Node");
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Value");
    case ConditionColumn:
        return tr("Condition");
    case StartedColumn:
        return tr("Fired");
    case ResolvedColumn:
        return tr("Resolved");
    default:
        return {};
    }
}

} // namespace hm::app
