#include "server/repositories/AuditRepository.h"

#include "common/TimeOrderedUuid.h"
#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/WriteBehindQueue.h"

#include <QVariant>
#include <algorithm>

namespace hm::server::repositories {

using store::textOrNull;

namespace {

const QString kInsertAuditEntry = QStringLiteral(
    "INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, ip_address, "
    "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kInsertAuditEntryIfMissing = QStringLiteral(
    "INSERT OR IGNORE INTO audit_logs (id, user_id, action, resource_type, resource_id, "
    "ip_address, user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariantList auditEntryParams(const QString &id, const AuditEntry &entry)
{
    return {id,
            textOrNull(entry.userId),
            entry.action,
            textOrNull(entry.resourceType),
            textOrNull(entry.resourceId),
            textOrNull(entry.ip),
            textOrNull(entry.userAgent),
            entry.details,
            entry.createdAt};
}

const QString kInsertOutboxEntry = QStringLiteral(
    "INSERT INTO audit_outbox (id, user_id, action, resource_type, resource_id, ip_address, "
    "user_agent, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
// The rowid of the last of the first ?1 rows (the move's end).
const QString kOutboxBound =
    QStringLiteral("SELECT rowid FROM audit_outbox ORDER BY rowid LIMIT 1 OFFSET ?1");
const QString kOutboxLast = QStringLiteral("SELECT ifnull(max(rowid), 0) FROM audit_outbox");
const QString kOutboxAny = QStringLiteral("SELECT EXISTS (SELECT 1 FROM audit_outbox)");
// A row whose id is there already (a batch retried directly) stays as it is.
const QString kMoveOutbox = QStringLiteral(
    "INSERT OR IGNORE INTO audit_logs (id, user_id, action, resource_type, resource_id, "
    "ip_address, user_agent, details, created_at) SELECT id, user_id, action, resource_type, "
    "resource_id, ip_address, user_agent, details, created_at FROM audit_outbox "
    "WHERE rowid <= ?1 ORDER BY rowid");
const QString kDeleteMoved = QStringLiteral("DELETE FROM audit_outbox WHERE rowid <= ?1");

Status moveOp(store::Database &db, const store::WriteOp &op)
{
    auto moved = moveAuditOutbox(db, op.params.value(0).toInt());
    if (!moved)
        return moved.error();
    if (op.result) // read by the producer after the commit
        op.result->store(moved.value());
    return {};
}

} // namespace

Result<QString> insertAuditEntry(store::Database &db, const AuditEntry &entry)
{
    const QString id = timeOrderedUuid(entry.createdAt);
    const Status written = db.execute(kInsertAuditEntry, auditEntryParams(id, entry));
    if (!written)
        return written.error();
    return id;
}

Status insertAuditEntryIfMissing(store::Database &db, const QString &id, const AuditEntry &entry)
{
    return db.execute(kInsertAuditEntryIfMissing, auditEntryParams(id, entry));
}

store::WriteOp auditOutboxWrite(const AuditEntry &entry, QString *id)
{
    *id = timeOrderedUuid(entry.createdAt);
    store::WriteOp op;
    op.sql = kInsertOutboxEntry;
    op.params = auditEntryParams(*id, entry);
    return op;
}

Result<int> moveAuditOutbox(store::Database &db, int limit)
{
    auto bound = store::selectOneAs(db, kOutboxBound, {std::max(limit, 1) - 1},
                                    [](const store::Statement &s) { return s.int64(0); });
    if (!bound)
        return bound.error();
    qint64 upTo = 0;
    if (bound.value()) {
        upTo = *bound.value();
    } else {
        auto last = db.queryInt(kOutboxLast);
        if (!last)
            return last.error();
        upTo = last.value();
    }
    if (upTo <= 0)
        return 0;
    if (Status moved = db.execute(kMoveOutbox, {upTo}); !moved)
        return moved.error();
    if (Status deleted = db.execute(kDeleteMoved, {upTo}); !deleted)
        return deleted.error();
    return db.changes();
}

store::WriteOp moveAuditOutboxWrite(int limit, std::shared_ptr<std::atomic<int>> moved)
{
    store::WriteOp op;
    op.sql = QStringLiteral("-- move audit_outbox rows into audit_logs");
    op.params = {limit};
    op.run = moveOp;
    op.result = std::move(moved);
    return op;
}

Result<int> flushAuditOutbox(store::Database &db, int chunk)
{
    int total = 0;
    for (;;) {
        auto any = db.queryInt(kOutboxAny);
        if (!any)
            return any.error();
        if (any.value() == 0)
            return total;
        auto txn = db.begin();
        if (!txn)
            return txn.error();
        auto moved = moveAuditOutbox(db, chunk);
        if (!moved)
            return moved.error();
        if (Status committed = txn.value().commit(); !committed)
            return committed.error();
        total += moved.value();
    }
}

} // namespace hm::server::repositories
