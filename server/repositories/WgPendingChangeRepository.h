#pragma once

// Every SQL string of wg_pending_changes (schema 30; docs/api.md
// "Commit-confirm"). What a change means and how it is undone is
// server/services/vpn/WgConfirmations.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct WgPendingChangeRow
{
    QString kind; // "server" or "client"
    qint64 objectId = 0;
    qint64 serverId = 0;
    QString previous; // the row before the change, JSON
    qint64 appliedAt = 0;
    qint64 deadline = 0;
    std::optional<qint64> handshakeClientId;
    std::optional<qint64> baselineHandshake; // unix seconds; unset until sampled
    QString createdBy;
};

Status insertWgPendingChange(store::Database &db, const WgPendingChangeRow &row);
Result<std::optional<WgPendingChangeRow>> wgPendingChange(store::Database &db, const QString &kind,
                                                          qint64 objectId);
// Every pending change, by deadline.
Result<QList<WgPendingChangeRow>> wgPendingChanges(store::Database &db);
Status setWgPendingBaseline(store::Database &db, const QString &kind, qint64 objectId,
                            qint64 handshake);
// 0 when there was none.
Result<int> deleteWgPendingChange(store::Database &db, const QString &kind, qint64 objectId);

} // namespace hm::server::repositories
