#include "flows/FlowListModel.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/FlowsApi.h"
#include "common/Logging.h"
#include "flows/FlowErrorText.h"

#include <QLocale>
#include <algorithm>

namespace hm::app {

namespace {

using client::FlowSummary;

// Newest first, as the server orders the list (created_at DESC, id).
bool before(const FlowSummary &a, const FlowSummary &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id < b.id;
}

QString flowIdOf(const QJsonObject &data)
{
    for (const char *key : {"flow_id", "flowId", "id"}) {
        const QString id = data.value(QLatin1String(key)).toString();
        if (!id.isEmpty())
            return id;
    }
    return data.value(QStringLiteral("flow")).toObject().value(QStringLiteral("id")).toString();
}

FlowSummary summaryOf(const client::FlowDetail &d)
{
    FlowSummary f;
    f.id = d.id;
    f.name = d.name;
    f.description = d.description;
    f.ownerId = d.ownerId;
    f.createdAt = d.createdAt;
    f.updatedAt = d.updatedAt;
    f.latestVersion = d.latestVersion.version;
    f.publishedVersion = d.publishedVersion ? d.publishedVersion->version : QString();
    f.myPermission = d.myPermission;
    return f;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? dateTimeText(time) : QString();
}

} // namespace

FlowListModel::FlowListModel(client::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{}

FlowListModel::~FlowListModel() = default;

void FlowListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    reload();
}

void FlowListModel::setScope(Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    reload();
}

void FlowListModel::setPageSize(int size)
{
    m_pageSize = size > 0 ? size : kDefaultPageSize;
}

void FlowListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void FlowListModel::reload()
{
    ++m_generation;
    // Loading before the reset: whoever looks at the empty model on
    // modelReset must not take it for an empty answer.
    const bool changed = m_state != State::Loading;
    m_state = State::Loading;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_total = 0;
    m_serverOffset = 0;
    m_hasMore = false;
    m_fetching = false;
    m_shiftedWhileFetching = false;
    endResetModel();
    m_error = {};
    if (changed)
        emit stateChanged(m_state);
    requestPage(1);
}

void FlowListModel::setClient(client::ApiClient *client)
{
    m_client = client;
}

void FlowListModel::reset()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_total = 0;
    m_serverOffset = 0;
    m_hasMore = false;
    m_fetching = false;
    m_shiftedWhileFetching = false;
    endResetModel();
    m_refreshing.clear();
    setState(State::Idle);
}

void FlowListModel::requestPage(int page)
{
    if (!m_client) {
        m_error = Error{ErrorCode::NetworkError, QStringLiteral("no connection to a server")};
        setState(State::Failed);
        return;
    }
    m_fetching = true;
    client::FlowListFilter filter;
    filter.search = m_search;
    if (m_scope == Scope::Mine)
        filter.owner = QStringLiteral("me");
    filter.sharedWithMe = m_scope == Scope::SharedWithMe;
    filter.page = client::PageRequest{page, m_pageSize};
    const QPointer<FlowListModel> self(this);
    const quint64 generation = m_generation;
    client::FlowsApi(*m_client).list(filter,
                                     [self, generation](Result<client::Page<FlowSummary>> result) {
                                         if (self)
                                             self->receivePage(generation, std::move(result));
                                     });
}

void FlowListModel::receivePage(quint64 generation, Result<client::Page<FlowSummary>> result)
{
    if (generation != m_generation)
        return; // an answer for filters no longer shown
    m_fetching = false;
    if (!result) {
        m_error = result.error();
        m_hasMore = false;
        qCWarning(lcApp).noquote() << "flow list:" << m_error.toString();
        if (m_state == State::Loading)
            setState(State::Failed);
        else
            emit fetchFailed(m_error);
        return;
    }
    const client::Page<FlowSummary> &page = result.value();
    // Where the next page starts, before the rows go in: a view asks for
    // more as soon as it sees them.
    const int size = page.size > 0 ? page.size : m_pageSize;
    const qint64 answered = qint64(std::max(page.page, 1) - 1) * size + page.items.size();
    // A row that left while the page was on its way may have moved an
    // unseen one in front of the page: ask again from where this model
    // knew to be (rows seen twice are skipped, none is missed).
    m_serverOffset = m_shiftedWhileFetching ? std::min(m_serverOffset, answered) : answered;
    m_shiftedWhileFetching = false;
    m_total = page.total;
    m_hasMore = m_serverOffset < m_total && !page.items.isEmpty();
    QList<FlowSummary> fresh;
    for (const FlowSummary &flow : page.items) {
        if (!m_index.contains(flow.id))
            fresh.append(flow);
    }
    // Mostly a page goes at the end; a row a re-asked page brings back
    // from before the end goes to its place in the server's order.
    QList<FlowSummary> tail;
    for (const FlowSummary &flow : std::as_const(fresh)) {
        if (!m_rows.isEmpty() && before(flow, m_rows.constLast())) {
            const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), flow, before);
            insertRow(static_cast<int>(at - m_rows.cbegin()), flow);
        } else {
            tail.append(flow);
        }
    }
    if (!tail.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(tail.size()) - 1);
        for (const FlowSummary &flow : std::as_const(tail)) {
            m_index.insert(flow.id, static_cast<int>(m_rows.size()));
            m_rows.append(flow);
        }
        endInsertRows();
    }
    setState(State::Ready);
}

int FlowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FlowListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool FlowListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready && m_hasMore && !m_fetching;
}

void FlowListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(static_cast<int>(m_serverOffset / m_pageSize) + 1);
}

const FlowSummary *FlowListModel::flow(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int FlowListModel::rowOf(const QString &flowId) const
{
    return m_index.value(flowId, -1);
}

QVariant FlowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlowSummary &f = m_rows.at(index.row());
    switch (role) {
    case FlowIdRole:
        return f.id;
    case PermissionRole:
        return f.myPermission;
    case LatestVersionRole:
        return f.latestVersion;
    case PublishedVersionRole:
        return f.publishedVersion;
    case LastExecutionIdRole:
        return f.lastExecutionId;
    case LastExecutionStatusRole:
        return f.lastExecutionStatus;
    default:
        break;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return f.name;
        case StatusColumn:
            if (f.latestVersion.isEmpty())
                return QString();
            if (f.publishedVersion == f.latestVersion)
                return tr("Published · version %1").arg(f.latestVersion);
            if (!f.publishedVersion.isEmpty())
                return tr("Draft · version %1 (version %2 published)")
                    .arg(f.latestVersion, f.publishedVersion);
            return tr("Draft · version %1").arg(f.latestVersion);
        case LastExecutionColumn:
            if (f.lastExecutionId.isEmpty())
                return tr("Never run");
            return tr("%1 · %2").arg(executionStatusText(f.lastExecutionStatus),
                                     when(f.lastExecutionAt));
        case UpdatedColumn:
            return when(f.updatedAt);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case NameColumn:
            return f.description.isEmpty() ? f.name : tr("%1\n%2").arg(f.name, f.description);
        case LastExecutionColumn:
            return f.lastExecutionId.isEmpty() ? QVariant()
                                               : tr("Execution %1").arg(f.lastExecutionId);
        case UpdatedColumn:
            return f.updatedAt.isValid() ? dateTimeText(f.updatedAt, QLocale::LongFormat)
                                         : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::AccessibleTextRole && index.column() == NameColumn)
        return f.name;
    return {};
}

QVariant FlowListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case LastExecutionColumn:
        return tr("Last execution");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

bool FlowListModel::matchesFilters(const FlowSummary &flow) const
{
    if (!m_search.isEmpty() && !flow.name.contains(m_search, Qt::CaseInsensitive))
        return false;
    switch (m_scope) {
    case Scope::All:
        return true;
    case Scope::Mine:
        return m_userId.isEmpty() || flow.ownerId == m_userId;
    case Scope::SharedWithMe:
        return flow.ownerId != m_userId && flow.myPermission != QLatin1String("owner");
    }
    return true;
}

void FlowListModel::reindexFrom(int row)
{
    for (int r = row; r < m_rows.size(); ++r)
        m_index.insert(m_rows.at(r).id, r);
}

void FlowListModel::insertRow(int row, const FlowSummary &flow)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, flow);
    reindexFrom(row);
    endInsertRows();
}

void FlowListModel::upsertFlow(const FlowSummary &incoming)
{
    if (incoming.id.isEmpty() || m_state == State::Idle)
        return;
    const int row = rowOf(incoming.id);
    if (row >= 0) {
        if (!matchesFilters(incoming)) {
            removeFlow(incoming.id);
            return;
        }
        FlowSummary merged = incoming;
        const FlowSummary &old = m_rows.at(row);
        // Answers other than the list's carry no last execution, and some
        // no permission: keep what the row knew.
        if (merged.lastExecutionId.isEmpty()) {
            merged.lastExecutionId = old.lastExecutionId;
            merged.lastExecutionStatus = old.lastExecutionStatus;
            merged.lastExecutionAt = old.lastExecutionAt;
        }
        if (merged.myPermission.isEmpty())
            merged.myPermission = old.myPermission;
        if (!merged.createdAt.isValid())
            merged.createdAt = old.createdAt;
        m_rows[row] = merged;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (!matchesFilters(incoming))
        return;
    // Its place in the server's order. Behind the last loaded row while
    // pages remain: that page will bring it.
    int position = 0;
    while (position < m_rows.size() && before(m_rows.at(position), incoming))
        ++position;
    ++m_total;
    if (position == m_rows.size() && m_hasMore)
        return;
    ++m_serverOffset;
    insertRow(position, incoming);
    if (m_state == State::Failed)
        setState(State::Ready);
}

void FlowListModel::removeFlow(const QString &flowId)
{
    const int row = rowOf(flowId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_index.remove(flowId);
    reindexFrom(row);
    endRemoveRows();
    m_serverOffset = std::max<qint64>(0, m_serverOffset - 1);
    m_total = std::max<qint64>(0, m_total - 1);
    if (m_fetching)
        m_shiftedWhileFetching = true;
}

void FlowListModel::refreshFlow(const QString &flowId)
{
    if (!m_client || m_refreshing.contains(flowId))
        return;
    m_refreshing.insert(flowId);
    const QPointer<FlowListModel> self(this);
    client::FlowsApi(*m_client).get(flowId, [self, flowId](Result<client::FlowDetail> result) {
        if (!self)
            return;
        self->m_refreshing.remove(flowId);
        if (result) {
            self->upsertFlow(summaryOf(result.value()));
        } else if (result.error().code == ErrorCode::FlowNotFound) {
            self->removeFlow(flowId); // deleted, or no longer shared with us
        } else {
            qCWarning(lcApp).noquote()
                << "flow list: reading flow" << flowId << result.error().toString();
        }
    });
}

void FlowListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (m_state == State::Idle)
        return;
    if (type.startsWith(QLatin1String("execution_"))) {
        applyExecutionEvent(type, data);
        return;
    }
    // The flow messages of /ws/events (docs/api.md; server FlowEvents.h)
    // carry the changed fields: they are applied as they come, and the
    // server is asked only when they cannot say enough (share changes move
    // the caller's permission, an update of a flow this list does not hold
    // may bring it into the filter).
    const QString flowId = flowIdOf(data);
    if (flowId.isEmpty() || !type.startsWith(QLatin1String("flow_")))
        return;
    if (type == QLatin1String("flow_deleted")) {
        removeFlow(flowId);
        return;
    }
    if (type == QLatin1String("flow_created") && data.contains(QLatin1String("created_at"))) {
        QJsonObject row = data;
        row.insert(QStringLiteral("id"), flowId);
        upsertFlow(client::json::flowSummary(row));
        return;
    }
    const int row = rowOf(flowId);
    const bool patchable = type == QLatin1String("flow_updated") ||
                           type == QLatin1String("flow_version_added") ||
                           type == QLatin1String("flow_published");
    if (!patchable || row < 0) {
        refreshFlow(flowId);
        return;
    }
    FlowSummary patched = m_rows.at(row);
    const auto text = [&data](const char *key, QString &field) {
        const QJsonValue value = data.value(QLatin1String(key));
        if (value.isString())
            field = value.toString();
    };
    text("name", patched.name);
    text("description", patched.description);
    text("latest_version", patched.latestVersion);
    text("published_version", patched.publishedVersion);
    text("my_permission", patched.myPermission);
    if (const QDateTime updated = client::json::time(data.value(QStringLiteral("updated_at")));
        updated.isValid())
        patched.updatedAt = updated;
    // Events of one flow may arrive after a newer answer was applied: an
    // older revision changes nothing.
    const qint64 revision = data.value(QStringLiteral("revision")).toInteger();
    if (revision > 0) {
        if (revision < patched.revision)
            return;
        patched.revision = revision;
    }
    upsertFlow(patched);
}

void FlowListModel::applyExecutionEvent(const QString &type, const QJsonObject &data)
{
    const int row = rowOf(data.value(QStringLiteral("flow_id")).toString());
    const QString executionId = data.value(QStringLiteral("execution_id")).toString();
    if (row < 0 || executionId.isEmpty())
        return;
    FlowSummary &f = m_rows[row];
    const QString status = data.value(QStringLiteral("status")).toString();
    if (f.lastExecutionId == executionId) {
        if (status.isEmpty() || status == f.lastExecutionStatus)
            return;
        f.lastExecutionStatus = status;
    } else {
        // Another execution: only a new one becomes the row's last.
        const bool isNew =
            type == QLatin1String("execution_started") || type == QLatin1String("execution_queued");
        if (!isNew)
            return;
        QDateTime at = client::json::time(data.value(QStringLiteral("started_at")));
        if (!at.isValid())
            at = client::json::time(data.value(QStringLiteral("queued_at")));
        if (!at.isValid())
            at = QDateTime::currentDateTimeUtc();
        if (f.lastExecutionAt.isValid() && at < f.lastExecutionAt)
            return;
        f.lastExecutionId = executionId;
        f.lastExecutionStatus = status.isEmpty() ? QStringLiteral("running") : status;
        f.lastExecutionAt = at;
    }
    const QModelIndex cell = index(row, LastExecutionColumn);
    emit dataChanged(cell, cell);
}

} // namespace hm::app
