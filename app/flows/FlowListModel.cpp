#include "flows/FlowListModel.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/FlowsApi.h"
#include "client/Within.h"
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
    : RemoteList(ColumnCount, {}, parent)
{
    setClient(client);
}

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

void FlowListModel::requestPage(client::ApiClient &client, int page, int size, PageCallback done)
{
    client::FlowListFilter filter;
    filter.search = m_search;
    if (m_scope == Scope::Mine)
        filter.owner = QStringLiteral("me");
    filter.sharedWithMe = m_scope == Scope::SharedWithMe;
    filter.page = client::PageRequest{page, size};
    client::FlowsApi(client).list(
        filter, [done = std::move(done)](Result<client::Page<FlowSummary>> result) {
            if (!result)
                qCWarning(lcApp).noquote() << "flow list:" << result.error().toString();
            done(std::move(result));
        });
}

bool FlowListModel::sortsBefore(const FlowSummary &a, const FlowSummary &b) const
{
    return before(a, b);
}

QVariant FlowListModel::cellData(const FlowSummary &f, int column, int role) const
{
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
        switch (column) {
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
        switch (column) {
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
    if (role == Qt::AccessibleTextRole && column == NameColumn)
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

void FlowListModel::upsertFlow(const FlowSummary &incoming)
{
    if (incoming.id.isEmpty() || state() == State::Idle)
        return;
    const int row = rowOf(incoming.id);
    if (row >= 0) {
        if (!matchesFilters(incoming)) {
            removeFlow(incoming.id);
            return;
        }
        FlowSummary merged = incoming;
        const FlowSummary &old = *item(row);
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
        replaceItem(row, merged);
        return;
    }
    if (!matchesFilters(incoming))
        return;
    // Its place in the server's order. Behind the last loaded row while
    // pages remain: that page will bring it.
    const int position = placeOf(incoming);
    if (position == rowCount() && hasMore()) {
        adjustTotal(1);
        return;
    }
    insertItem(position, incoming, true);
    if (state() == State::Failed)
        setState(State::Ready);
}

void FlowListModel::removeFlow(const QString &flowId)
{
    const int row = rowOf(flowId);
    if (row < 0)
        return;
    removeItem(row);
}

void FlowListModel::refreshFlow(const QString &flowId)
{
    if (!client() || m_refreshing.contains(flowId))
        return;
    m_refreshing.insert(flowId);
    client::FlowsApi(*client()).get(
        flowId, client::within(this, [this, flowId](Result<client::FlowDetail> result) {
            m_refreshing.remove(flowId);
            if (result) {
                upsertFlow(summaryOf(result.value()));
            } else if (result.error().code == ErrorCode::FlowNotFound) {
                removeFlow(flowId); // deleted, or no longer shared with us
            } else {
                qCWarning(lcApp).noquote()
                    << "flow list: reading flow" << flowId << result.error().toString();
            }
        }));
}

void FlowListModel::applyEvent(const QString &type, const QJsonObject &data)
{
    if (state() == State::Idle)
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
    FlowSummary patched = *item(row);
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
    FlowSummary f = *item(row);
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
    replaceItem(row, f, LastExecutionColumn);
}

} // namespace hm::app
