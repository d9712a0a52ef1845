#pragma once

// Every SQL string of wg_share_links (schema 29; docs/api.md "WireGuard
// share links"). Tokens arrive here hashed: the repository never sees one.

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct WgShareLinkRow
{
    qint64 id = 0;
    qint64 clientId = 0;
    QString tokenHash;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    std::optional<qint64> usedAt;
    QString usedFrom;
};

// The new id.
Result<qint64> insertWgShareLink(store::Database &db, const WgShareLinkRow &row);
// Spends the link with this token hash if it is unused and unexpired at
// `nowMs`, in one statement: its client id, or nullopt (unknown, used or
// expired — the caller does not learn which).
Result<std::optional<qint64>> spendWgShareLink(store::Database &db, const QString &tokenHash,
                                               qint64 nowMs, const QString &usedFrom);
// A client's links, newest first.
Result<QList<WgShareLinkRow>> wgShareLinksOf(store::Database &db, qint64 clientId);
// Deletes a client's unused links; how many.
Result<int> revokeWgShareLinks(store::Database &db, qint64 clientId);

} // namespace hm::server::repositories
