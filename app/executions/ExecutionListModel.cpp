#include "executions/ExecutionListModel.h"

#include "client/ApiClient.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
#include "common/Logging.h"
#include "executions/ExecutionFormat.h"
#include "executions/ExecutionState.h"
#include "widgets/RunStatus.h"
#include "widgets/ServerErrorText.h"

#include <QJsonObject>

namespace hm::app {

namespace {

bool isActive(const QString &status)
{
    return status == QLatin1String("running") || status == QLatin1String("cancelling");
}

QDateTime timeOf(const QJsonObject &data, const char *key)
{
    const qint64 ms = isoToMs(data.value(QLatin1String(key)));
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace

ExecutionListModel::ExecutionListModel(QObject *parent)
    : RemoteList(ColumnCount, {.reloadOnNewClient = true}, parent)
{}

ExecutionListModel::~ExecutionListModel() = default;

void ExecutionListModel::setFilter(const Filter &filter)
{
    if (filter == m_filter && state() != State::Idle)
        return;
    m_filter = filter;
    reload();
}

void ExecutionListModel::requestPage(client::ApiClient &client, int page, int size,
                                     PageCallback done)
{
    // "Within the last hour" counts from when the list is asked for anew
    // (a new filter, Retry), not from each refresh.
    if (page == 1 && state() == State::Loading)
        m_since = m_filter.withinMs > 0
                      ? QDateTime::currentDateTimeUtc().addMSecs(-m_filter.withinMs)
                      : QDateTime();
    hm::client::ExecutionFilter f;
    f.flowId = m_filter.flowId;
    f.status = m_filter.status;
    f.from = m_since;
    f.page = page;
    f.size = size;
    // Not within(): done() must run whether or not the model still lives
    // (the paging base counts on it); only the names need the model.
    const QPointer<ExecutionListModel> self(this);
    hm::client::ExecutionsApi(client).list(
        f, [self, page, done = std::move(done)](Result<hm::client::Page<ExecutionSummary>> answer) {
            if (!answer)
                qCWarning(lcApp) << "executions page" << page
                                 << "failed:" << answer.error().toString();
            else if (self) {
                for (const ExecutionSummary &row : answer->items) {
                    if (!row.flowName.isEmpty())
                        self->m_flowNames.insert(row.flowId, row.flowName);
                }
            }
            done(std::move(answer));
        });
}

bool ExecutionListModel::matches(const ExecutionSummary &row) const
{
    if (!m_filter.flowId.isEmpty() && row.flowId != m_filter.flowId)
        return false;
    if (!m_filter.status.isEmpty() && row.status != m_filter.status)
        return false;
    if (m_since.isValid() && row.createdAt.isValid() && row.createdAt < m_since)
        return false;
    return true;
}

void ExecutionListModel::updateFromPage(int row, const ExecutionSummary &summary)
{
    ExecutionSummary r = *item(row);
    r.status = summary.status;
    if (summary.startedAt.isValid())
        r.startedAt = summary.startedAt;
    if (summary.endedAt.isValid())
        r.endedAt = summary.endedAt;
    if (summary.durationMs >= 0)
        r.durationMs = summary.durationMs;
    if (!summary.errorCode.isEmpty())
        r.errorCode = summary.errorCode;
    if (!summary.flowName.isEmpty())
        r.flowName = summary.flowName;
    if (!summary.triggeredBy.isEmpty())
        r.triggeredBy = summary.triggeredBy;
    replaceItem(row, r);
}

void ExecutionListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!type.startsWith(QLatin1String("execution_")) || state() != State::Ready)
        return;
    ExecutionSummary s;
    s.executionId = data.value(QStringLiteral("execution_id")).toString();
    if (s.executionId.isEmpty())
        return;
    s.flowId = data.value(QStringLiteral("flow_id")).toString();
    s.flowVersion = data.value(QStringLiteral("flow_version")).toString();
    s.status = data.value(QStringLiteral("status")).toString();
    s.startedAt = timeOf(data, "started_at");
    s.endedAt = timeOf(data, "ended_at");
    const QJsonValue duration = data.value(QStringLiteral("duration_ms"));
    s.durationMs = duration.isDouble() ? duration.toInteger() : -1;
    s.errorCode =
        data.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    if (const int row = rowOf(s.executionId); row >= 0) {
        updateFromPage(row, s);
        return;
    }
    // A new execution: on top (the newest), when the filter lets it in.
    s.createdAt = timeOf(data, "queued_at");
    if (!s.createdAt.isValid())
        s.createdAt = s.startedAt.isValid() ? s.startedAt : QDateTime::currentDateTimeUtc();
    s.flowName = m_flowNames.value(s.flowId);
    if (!matches(s))
        return;
    insertItem(0, s, true);
    if (!m_flowNames.contains(s.flowId))
        lookUpFlowName(s.flowId);
}

void ExecutionListModel::lookUpFlowName(const QString &flowId)
{
    if (!client() || flowId.isEmpty() || m_flowNamesAsked.contains(flowId))
        return;
    m_flowNamesAsked.insert(flowId);
    hm::client::FlowsApi(*client()).get(
        flowId, hm::client::within(this, [this, flowId](Result<hm::client::FlowDetail> answer) {
            if (!answer)
                return;
            m_flowNames.insert(flowId, answer->name);
            for (int i = 0; i < rowCount(); ++i) {
                if (item(i)->flowId != flowId)
                    continue;
                ExecutionSummary named = *item(i);
                named.flowName = answer->name;
                replaceItem(i, named, FlowColumn);
            }
        }));
}

void ExecutionListModel::tick()
{
    for (int i = 0; i < rowCount(); ++i) {
        if (isActive(item(i)->status)) {
            const QModelIndex at = index(i, DurationColumn);
            emit dataChanged(at, at, {Qt::DisplayRole});
        }
    }
}

QVariant ExecutionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return int((section == DurationColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case FlowColumn:
        return tr("Flow");
    case VersionColumn:
        return tr("Version");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case TriggeredByColumn:
        return tr("Triggered by");
    case IdColumn:
        return tr("Execution");
    default:
        return {};
    }
}

QVariant ExecutionListModel::cellData(const ExecutionSummary &r, int column, int role) const
{
    switch (role) {
    case ExecutionIdRole:
        return r.executionId;
    case FlowIdRole:
        return r.flowId;
    case StatusRole:
        return int(runStatusFromName(r.status));
    case Qt::TextAlignmentRole:
        if (column == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == IdColumn)
            return r.executionId;
        if (column == StatusColumn && !r.errorCode.isEmpty())
            return tr("%1: %2").arg(runStatusLabel(runStatusFromName(r.status)), r.errorCode);
        if (column == FlowColumn)
            return r.flowId;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case StatusColumn:
        return runStatusLabel(runStatusFromName(r.status));
    case FlowColumn:
        return r.flowName.isEmpty() ? m_flowNames.value(r.flowId, r.flowId) : r.flowName;
    case VersionColumn:
        return r.flowVersion;
    case StartedColumn:
        return formatDateTime(
            (r.startedAt.isValid() ? r.startedAt : r.createdAt).toMSecsSinceEpoch());
    case DurationColumn:
        if (r.durationMs >= 0)
            return formatDuration(r.durationMs);
        if (isActive(r.status) && r.startedAt.isValid())
            return formatDuration(r.startedAt.msecsTo(QDateTime::currentDateTimeUtc()));
        return QString();
    case TriggeredByColumn:
        return r.triggeredBy == QLatin1String("webhook") ? tr("Webhook") : r.triggeredBy;
    case IdColumn:
        // Time-ordered ids share their first digits: the random end tells
        // them apart.
        return tr("…%1").arg(r.executionId.right(12));
    default:
        return {};
    }
}

} // namespace hm::app
