#include "server/repositories/ListRepositories.h"

#include "common/TimeOrderedUuid.h"
#include "server/repositories/FlowsRepository.h"
#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/Like.h"
#include "store/SelectPage.h"

#include <QUuid>

namespace hm::server::repositories {

using store::optionalText;

namespace {

template <typename Row>
Result<store::Page<Row>> run(store::Database &db, store::PagedQuery query, const Paging &paging,
                             const std::function<Row(const store::Statement &)> &read)
{
    query.limit = paging.size;
    query.offset = paging.offset();
    return store::selectPageAs(db, query, read);
}

// Where the list after before_id starts: (created_at, id) of that entry.
// An entry deleted since it was shown is placed by the time its version 7
// id carries. A random (version 4) id, written before ids carried their
// time, that is gone places nothing: the list ends there (nullopt) rather
// than failing the console's next page.
struct AuditCursor
{
    qint64 createdAt = 0;
    QString id;
};

Result<std::optional<AuditCursor>> auditCursor(store::Database &db, const QString &beforeId)
{
    const QUuid uuid = QUuid::fromString(beforeId);
    if (beforeId.size() != 36 || uuid.isNull())
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("before_id must be the id of an audit entry (a UUID)"),
                     {{QStringLiteral("field"), QStringLiteral("before_id")}}};
    const QString id = uuid.toString(QUuid::WithoutBraces);
    auto anchor =
        db.selectOne(QStringLiteral("SELECT created_at FROM audit_logs WHERE id = ?"), {id});
    if (!anchor)
        return anchor.error();
    if (anchor.value())
        return std::optional<AuditCursor>(AuditCursor{anchor.value()->int64(0), id});
    if (const std::optional<qint64> createdAt = timeOfTimeOrderedUuid(id))
        return std::optional<AuditCursor>(AuditCursor{*createdAt, id});
    return std::optional<AuditCursor>();
}

} // namespace

Result<store::Page<FlowListRow>> listFlows(store::Database &db, const auth::Principal &caller,
                                           const FlowListFilter &filter, const Paging &paging)
{
    store::PagedQuery query;
    query.columns = QStringLiteral(
        "SELECT f.id, f.name, f.description, f.owner_id, f.created_at, f.updated_at, "
        "(SELECT MAX(CAST(version AS INTEGER)) FROM flow_versions v WHERE v.flow_id = f.id), "
        "(SELECT version FROM flow_versions v WHERE v.flow_id = f.id "
        "AND v.status = 'published'), "
        "(SELECT permission FROM flow_shares s WHERE s.flow_id = f.id AND s.user_id = ?), "
        "f.revision, "
        // The latest execution, three times the same row through
        // idx_executions_flow_created (SQLite 3.15 has no row values here).
        "(SELECT e.id FROM executions e WHERE e.flow_id = f.id "
        "ORDER BY e.created_at DESC, e.id DESC LIMIT 1), "
        "(SELECT e.status FROM executions e WHERE e.flow_id = f.id "
        "ORDER BY e.created_at DESC, e.id DESC LIMIT 1), "
        "(SELECT e.created_at FROM executions e WHERE e.flow_id = f.id "
        "ORDER BY e.created_at DESC, e.id DESC LIMIT 1)");
    query.columnBinds = {caller.userId};
    query.from = QStringLiteral("FROM flows f");
    query.conditions = {QStringLiteral("f.deleted_at IS NULL")};
    if (!filter.search.isEmpty()) {
        // Names stored before they were limited may be longer: only their
        // first kMaxNameLength characters are searched, because one LIKE on
        // one row cannot be interrupted by the store's query time limit.
        query.conditions.append(
            store::likeCondition(QStringLiteral("substr(f.name, 1, %1)").arg(kMaxNameLength)));
        query.binds.append(store::likePattern(filter.search));
    }
    const QString visible = viewableFlowCondition(caller, QStringLiteral("f.id"), query.binds);
    if (!visible.isEmpty())
        query.conditions.append(visible);
    if (!filter.ownerId.isEmpty()) {
        query.conditions.append(QStringLiteral("f.owner_id = ?"));
        query.binds.append(filter.ownerId);
    }
    if (filter.sharedWithMe) {
        query.conditions.append(
            QStringLiteral("f.id IN (SELECT flow_id FROM flow_shares WHERE user_id = ?)"));
        query.binds.append(caller.userId);
    }
    query.orderBy = QStringLiteral("ORDER BY f.created_at DESC, f.id");
    return run<FlowListRow>(db, std::move(query), paging, [](const store::Statement &s) {
        FlowListRow row{s.text(0),  s.text(1),          s.text(2),
                        s.text(3),  s.int64(4),         s.int64(5),
                        s.int64(6), optionalText(s, 7), s.isNull(8) ? QString() : s.text(8),
                        s.int64(9)};
        row.lastExecutionId = optionalText(s, 10);
        if (row.lastExecutionId) {
            row.lastExecutionStatus = s.text(11);
            row.lastExecutionAt = s.int64(12);
        }
        return row;
    });
}

store::PagedQuery executionListQuery(const auth::Principal &caller,
                                     const ExecutionListFilter &filter)
{
    store::PagedQuery query;
    // The flow's name by a correlated lookup (primary key), so the count
    // query and the filters stay on executions alone.
    query.columns = QStringLiteral("SELECT id, flow_id, flow_version, status, triggered_by, "
                                   "created_at, started_at, ended_at, duration_ms, error_code, "
                                   "(SELECT f.name FROM flows f WHERE f.id = executions.flow_id)");
    query.from = QStringLiteral("FROM executions");
    if (!filter.flowId.isEmpty()) {
        query.conditions.append(QStringLiteral("flow_id = ?"));
        query.binds.append(filter.flowId);
    }
    if (!filter.status.isEmpty()) {
        query.conditions.append(QStringLiteral("status = ?"));
        query.binds.append(filter.status);
    }
    // Time window on created_at: from inclusive, to exclusive.
    if (filter.fromMs) {
        query.conditions.append(QStringLiteral("created_at >= ?"));
        query.binds.append(*filter.fromMs);
    }
    if (filter.toMs) {
        query.conditions.append(QStringLiteral("created_at < ?"));
        query.binds.append(*filter.toMs);
    }
    const QString visible = viewableFlowCondition(caller, QStringLiteral("flow_id"), query.binds);
    if (!visible.isEmpty())
        query.conditions.append(visible);
    query.orderBy = QStringLiteral("ORDER BY created_at DESC, id");
    return query;
}

Result<store::Page<ExecutionListRow>> listExecutions(store::Database &db,
                                                     const auth::Principal &caller,
                                                     const ExecutionListFilter &filter,
                                                     const Paging &paging)
{
    store::PagedQuery query = executionListQuery(caller, filter);
    return run<ExecutionListRow>(db, std::move(query), paging, [](const store::Statement &s) {
        return ExecutionListRow{s.text(0),
                                s.text(1),
                                s.isNull(10) ? QString() : s.text(10),
                                s.text(2),
                                s.text(3),
                                s.text(4),
                                s.int64(5),
                                s.int64(6),
                                s.int64(7),
                                s.isNull(8) ? std::nullopt : std::optional<qint64>(s.int64(8)),
                                optionalText(s, 9)};
    });
}

Result<store::Page<SharedFlowRow>> listSharedWithUser(store::Database &db, const QString &userId,
                                                      const Paging &paging)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT f.id, f.name, f.description, f.owner_id, o.name, s.id,"
                                   " s.permission, s.shared_by, b.name, s.created_at");
    query.countFrom = QStringLiteral(
        "FROM flow_shares s JOIN flows f ON f.id = s.flow_id AND f.deleted_at IS NULL");
    query.from = query.countFrom + QStringLiteral(" LEFT JOIN users o ON o.id = f.owner_id"
                                                  " LEFT JOIN users b ON b.id = s.shared_by");
    query.conditions = {QStringLiteral("s.user_id = ?")};
    query.binds = {userId};
    query.orderBy = QStringLiteral("ORDER BY s.created_at DESC, s.id");
    return run<SharedFlowRow>(db, std::move(query), paging, [](const store::Statement &s) {
        return SharedFlowRow{s.text(0),          s.text(1), optionalText(s, 2), s.text(3),
                             optionalText(s, 4), s.text(5), s.text(6),          s.text(7),
                             optionalText(s, 8), s.int64(9)};
    });
}

// An audited resource's name as it is now, read by type: one primary-key
// lookup a row, only for the page's rows. A type without a table here (or
// a resource since deleted) has none, and the reader shows the id.
const QString kAuditResourceName = QStringLiteral(
    "CASE a.resource_type"
    " WHEN 'user' THEN (SELECT username FROM users WHERE id = a.resource_id)"
    " WHEN 'node' THEN (SELECT name FROM fleet_nodes WHERE id = a.resource_id)"
    " WHEN 'flow' THEN (SELECT name FROM flows WHERE id = a.resource_id)"
    " WHEN 'credential' THEN (SELECT name FROM credentials WHERE id = a.resource_id)"
    " WHEN 'api_key' THEN (SELECT name FROM api_keys WHERE id = a.resource_id)"
    " WHEN 'alert_rule' THEN (SELECT name FROM alert_rules WHERE id = a.resource_id)"
    " WHEN 'alert_channel' THEN (SELECT name FROM alert_channels WHERE id = a.resource_id)"
    " WHEN 'alert_maintenance' THEN (SELECT name FROM alert_maintenance WHERE id = "
    "a.resource_id)"
    " WHEN 'probe' THEN (SELECT name FROM fleet_probes WHERE id = a.resource_id)"
    " WHEN 'wireguard_server' THEN (SELECT name FROM wg_servers WHERE id = a.resource_id)"
    " WHEN 'wireguard_client' THEN (SELECT name FROM wg_clients WHERE id = a.resource_id)"
    " WHEN 'ipv6_pool' THEN (SELECT name FROM ipv6_pools WHERE id = a.resource_id)"
    " WHEN 'bgp_session' THEN (SELECT name FROM bgp_sessions WHERE id = a.resource_id)"
    " WHEN 'backup' THEN (SELECT name FROM backups WHERE id = a.resource_id)"
    " END");

Result<store::Page<AuditRow>> listAudit(store::Database &db, const AuditFilter &filter,
                                        const Paging &paging)
{
    store::PagedQuery query;
    query.columns =
        QStringLiteral("SELECT a.id, a.user_id, u.username, a.action, a.resource_type, "
                       "a.resource_id, a.ip_address, a.user_agent, a.details, a.created_at, ") +
        kAuditResourceName;
    query.countFrom = QStringLiteral("FROM audit_logs a");
    query.from = QStringLiteral("FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id");
    for (const auto &[value, column] :
         {std::pair{&filter.userId, QStringLiteral("a.user_id")},
          std::pair{&filter.resourceType, QStringLiteral("a.resource_type")},
          std::pair{&filter.resourceId, QStringLiteral("a.resource_id")}}) {
        if (value->isEmpty())
            continue;
        query.conditions.append(column + QStringLiteral(" = ?"));
        query.binds.append(*value);
    }
    QStringList action;
    for (const QString &code : filter.actions) {
        action.append(QStringLiteral("a.action = ?"));
        query.binds.append(code);
    }
    if (!filter.actionContains.isEmpty()) {
        action.append(store::likeCondition(u"a.action"));
        query.binds.append(store::likePattern(filter.actionContains));
    }
    if (!action.isEmpty())
        query.conditions.append(u'(' + action.join(QStringLiteral(" OR ")) + u')');
    // A prefix compared as it is (no LIKE: nothing in it is a wildcard).
    QStringList category;
    for (const QString &prefix : filter.actionPrefixes) {
        category.append(QStringLiteral("substr(a.action, 1, ?) = ?"));
        query.binds << prefix.size() << prefix;
    }
    if (!category.isEmpty())
        query.conditions.append(u'(' + category.join(QStringLiteral(" OR ")) + u')');
    if (filter.fromMs) {
        query.conditions.append(QStringLiteral("a.created_at >= ?"));
        query.binds.append(*filter.fromMs);
    }
    if (filter.toMs) {
        query.conditions.append(QStringLiteral("a.created_at <= ?"));
        query.binds.append(*filter.toMs);
    }
    if (!filter.beforeId.isEmpty()) {
        const auto cursor = auditCursor(db, filter.beforeId);
        if (!cursor)
            return cursor.error();
        if (!cursor.value()) {
            query.conditions.append(QStringLiteral("0"));
        } else {
            // The entries after the cursor in the list's order; created_at
            // first so idx_audit_logs_created_at bounds the scan.
            query.conditions.append(
                QStringLiteral("a.created_at <= ? AND (a.created_at < ? OR a.id < ?)"));
            query.binds << cursor.value()->createdAt << cursor.value()->createdAt
                        << cursor.value()->id;
        }
    }
    // id breaks ties: a deleted entry's id still tells where it stood.
    query.orderBy = QStringLiteral("ORDER BY a.created_at DESC, a.id DESC");
    return run<AuditRow>(db, std::move(query), paging, [](const store::Statement &s) {
        return AuditRow{s.text(0),           optionalText(s, 1), optionalText(s, 2),
                        s.text(3),           optionalText(s, 4), optionalText(s, 5),
                        optionalText(s, 10), optionalText(s, 6), optionalText(s, 7),
                        s.text(8),           s.int64(9)};
    });
}

} // namespace hm::server::repositories
