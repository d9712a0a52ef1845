#include "executions/ExecutionListModel.h"

#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "common/Logging.h"
#include "executions/ExecutionFormat.h"
#include "executions/ExecutionState.h"
#include "widgets/RunStatus.h"
#include "widgets/ServerErrorText.h"

#include <QJsonObject>

namespace hm::app {

using hm::client::ExecutionSummary;

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

ExecutionListModel::ExecutionListModel(QObject *parent) : QAbstractTableModel(parent) {}

ExecutionListModel::~ExecutionListModel() = default;

void ExecutionListModel::setClient(hm::client::ApiClient *client)
{
    m_client = client;
    reload();
}

void ExecutionListModel::setFilter(const Filter &filter)
{
    if (filter == m_filter && m_state != State::Idle)
        return;
    m_filter = filter;
    reload();
}

hm::client::ExecutionFilter ExecutionListModel::serverFilter(int page) const
{
    hm::client::ExecutionFilter f;
    f.flowId = m_filter.flowId;
    f.status = m_filter.status;
    f.from = m_since;
    f.page = page;
    f.size = kPageSize;
    return f;
}

void ExecutionListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_pagesLoaded = 0;
    m_hasMore = false;
    m_fetching = false;
    m_total = 0;
    endResetModel();
    m_since = m_filter.withinMs > 0 ? QDateTime::currentDateTimeUtc().addMSecs(-m_filter.withinMs)
                                    : QDateTime();
    if (!m_client) {
        setState(State::Idle);
        return;
    }
    setState(State::Loading);
    fetchPage(1, false);
}

void ExecutionListModel::refresh()
{
    if (!m_client)
        return;
    if (m_state != State::Ready) {
        reload();
        return;
    }
    fetchPage(1, true);
}

void ExecutionListModel::fetchPage(int page, bool merge)
{
    if (!merge)
        m_fetching = true;
    const quint64 generation = m_generation;
    const QPointer<ExecutionListModel> self(this);
    hm::client::ExecutionsApi(*m_client).list(
        serverFilter(page), [self, generation, page,
                             merge](Result<hm::client::Page<hm::client::ExecutionSummary>> answer) {
            if (!self || self->m_generation != generation)
                return;
            if (!merge)
                self->m_fetching = false;
            if (!answer) {
                qCWarning(lcApp) << "executions page" << page
                                 << "failed:" << answer.error().toString();
                if (self->m_state == State::Loading) {
                    self->m_error = answer.error();
                    self->setState(State::Error);
                } else if (!merge) {
                    self->m_hasMore = false; // the next refresh tries again
                }
                return;
            }
            self->onPage(page, merge, answer.value());
        });
}

void ExecutionListModel::onPage(int page, bool merge,
                                const hm::client::Page<ExecutionSummary> &answer)
{
    for (const ExecutionSummary &row : answer.items) {
        if (!row.flowName.isEmpty())
            m_flowNames.insert(row.flowId, row.flowName);
    }
    if (merge) {
        // Newer rows than the loaded ones go on top (they are first in the
        // answer); known rows take the server's values.
        QList<ExecutionSummary> fresh;
        for (const ExecutionSummary &row : answer.items) {
            const int at = rowOf(row.executionId);
            if (at >= 0)
                updateRow(at, row);
            else if (m_rows.isEmpty() || row.createdAt >= m_rows.first().createdAt)
                fresh.append(row);
        }
        insertTop(fresh);
        m_total = std::max<qint64>(answer.total, m_rows.size());
        return;
    }
    QList<ExecutionSummary> added;
    for (const ExecutionSummary &row : answer.items) {
        const int at = rowOf(row.executionId);
        if (at >= 0)
            updateRow(at, row);
        else
            added.append(row);
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_rows.append(added);
        reindex(first);
        endInsertRows();
    }
    m_pagesLoaded = std::max(m_pagesLoaded, page);
    m_hasMore = answer.hasNext;
    m_total = std::max<qint64>(answer.total, m_rows.size());
    if (m_state != State::Ready)
        setState(State::Ready);
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

void ExecutionListModel::insertTop(const QList<ExecutionSummary> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows = rows + m_rows;
    reindex(0);
    endInsertRows();
    for (const ExecutionSummary &row : rows) {
        if (!m_flowNames.contains(row.flowId))
            lookUpFlowName(row.flowId);
    }
}

void ExecutionListModel::updateRow(int row, const ExecutionSummary &summary)
{
    ExecutionSummary &r = m_rows[row];
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
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ExecutionListModel::reindex(int from)
{
    if (from == 0)
        m_rowById.clear();
    for (int i = from; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].executionId, i);
}

void ExecutionListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!type.startsWith(QLatin1String("execution_")) || m_state != State::Ready)
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
        updateRow(row, s);
        return;
    }
    // A new execution: on top, when the filter lets it in.
    s.createdAt = timeOf(data, "queued_at");
    if (!s.createdAt.isValid())
        s.createdAt = s.startedAt.isValid() ? s.startedAt : QDateTime::currentDateTimeUtc();
    s.flowName = m_flowNames.value(s.flowId);
    if (!matches(s))
        return;
    insertTop({s});
    ++m_total;
}

void ExecutionListModel::lookUpFlowName(const QString &flowId)
{
    if (!m_client || flowId.isEmpty() || m_flowNamesAsked.contains(flowId))
        return;
    m_flowNamesAsked.insert(flowId);
    const QPointer<ExecutionListModel> self(this);
    hm::client::FlowsApi(*m_client).get(flowId,
                                        [self, flowId](Result<hm::client::FlowDetail> answer) {
                                            if (!self || !answer)
                                                return;
                                            self->m_flowNames.insert(flowId, answer->name);
                                            for (int i = 0; i < self->m_rows.size(); ++i) {
                                                if (self->m_rows[i].flowId != flowId)
                                                    continue;
                                                self->m_rows[i].flowName = answer->name;
                                                const QModelIndex at = self->index(i, FlowColumn);
                                                emit self->dataChanged(at, at);
                                            }
                                        });
}

void ExecutionListModel::tick()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (isActive(m_rows[i].status)) {
            const QModelIndex at = index(i, DurationColumn);
            emit dataChanged(at, at, {Qt::DisplayRole});
        }
    }
}

void ExecutionListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

int ExecutionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExecutionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ExecutionListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && m_state == State::Ready && m_hasMore && !m_fetching;
}

void ExecutionListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    fetchPage(m_pagesLoaded + 1, false);
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

QVariant ExecutionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ExecutionSummary &r = m_rows.at(index.row());
    switch (role) {
    case ExecutionIdRole:
        return r.executionId;
    case FlowIdRole:
        return r.flowId;
    case StatusRole:
        return int(runStatusFromName(r.status));
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return r.executionId;
        if (index.column() == StatusColumn && !r.errorCode.isEmpty())
            return tr("%1: %2").arg(runStatusLabel(runStatusFromName(r.status)), r.errorCode);
        if (index.column() == FlowColumn)
            return r.flowId;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
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
