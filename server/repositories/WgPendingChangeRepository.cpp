#include "server/repositories/WgPendingChangeRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

namespace hm::server::repositories {

namespace {

const QString kWgPendingColumns = QStringLiteral(
    "kind, object_id, server_id, previous, applied_at, deadline, handshake_client_id, "
    "created_by, baseline_handshake");

WgPendingChangeRow readWgPending(const store::Statement &s)
{
    WgPendingChangeRow r;
    r.kind = s.text(0);
    r.objectId = s.int64(1);
    r.serverId = s.int64(2);
    r.previous = s.text(3);
    r.appliedAt = s.int64(4);
    r.deadline = s.int64(5);
    if (!s.isNull(6))
        r.handshakeClientId = s.int64(6);
    r.createdBy = s.text(7);
    if (!s.isNull(8))
        r.baselineHandshake = s.int64(8);
    return r;
}

} // namespace

Status insertWgPendingChange(store::Database &db, const WgPendingChangeRow &r)
{
    return db.execute(QStringLiteral("INSERT INTO wg_pending_changes (") + kWgPendingColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {r.kind, r.objectId, r.serverId, r.previous, r.appliedAt, r.deadline,
                       r.handshakeClientId ? QVariant(*r.handshakeClientId) : QVariant(),
                       r.createdBy,
                       r.baselineHandshake ? QVariant(*r.baselineHandshake) : QVariant()});
}

Result<std::optional<WgPendingChangeRow>> wgPendingChange(store::Database &db, const QString &kind,
                                                          qint64 objectId)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kWgPendingColumns +
                                  QStringLiteral(" FROM wg_pending_changes WHERE kind = ? AND "
                                                 "object_id = ?"),
                              {kind, objectId}, readWgPending);
}

Result<QList<WgPendingChangeRow>> wgPendingChanges(store::Database &db)
{
    QList<WgPendingChangeRow> rows;
    const Status s = db.forEachRow(QStringLiteral("SELECT ") + kWgPendingColumns +
                                       QStringLiteral(" FROM wg_pending_changes ORDER BY deadline"),
                                   {}, [&rows](const store::Statement &st) {
                                       rows.append(readWgPending(st));
                                   });
    if (!s)
        return s.error();
    return rows;
}

Status setWgPendingBaseline(store::Database &db, const QString &kind, qint64 objectId,
                            qint64 handshake)
{
    return db.execute(QStringLiteral("UPDATE wg_pending_changes SET baseline_handshake = ? "
                                     "WHERE kind = ? AND object_id = ?"),
                      {handshake, kind, objectId});
}

Result<int> deleteWgPendingChange(store::Database &db, const QString &kind, qint64 objectId)
{
    if (Status s = db.execute(
            QStringLiteral("DELETE FROM wg_pending_changes WHERE kind = ? AND object_id = ?"),
            {kind, objectId});
        !s)
        return s.error();
    return db.changes();
}

} // namespace hm::server::repositories
