#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

// refresh_tokens: the refresh tokens of login sessions (TokenService). A
// session is a family of tokens; only hashes of the tokens are stored.
namespace hm::server::repositories {

struct NewRefreshToken
{
    QString id;
    QString userId;
    QString tokenHash;
    QString familyId;
    QString deviceInfo;
    QString ip;
    qint64 expiresAt = 0;
    qint64 createdAt = 0;
};
Status insertRefreshToken(store::Database &db, const NewRefreshToken &token);

struct StoredRefreshToken
{
    QString id;
    QString userId;
    QString familyId;
    bool replaced = false; // rotated: replaced_by is set
    bool revoked = false;
    qint64 expiresAt = 0;
    qint64 createdAt = 0;
};
// The token with this hash, revoked and rotated ones included.
Result<std::optional<StoredRefreshToken>> refreshTokenByHash(store::Database &db,
                                                             const QString &tokenHash);
// Marks a rotated token as replaced by `replacedBy` (and revoked, used now).
Status retireRefreshToken(store::Database &db, const QString &id, const QString &replacedBy,
                          qint64 nowMs);
// The family of the unrevoked token with this hash; nullopt when none.
Result<std::optional<QString>> unrevokedTokenFamily(store::Database &db, const QString &tokenHash);

// Revokes the family's unrevoked tokens.
Status revokeTokenFamily(store::Database &db, const QString &userId, const QString &familyId,
                         qint64 nowMs);
// Revokes the user's unrevoked tokens of every family but keepFamily.
Status revokeOtherTokenFamilies(store::Database &db, const QString &userId,
                                const QString &keepFamily, qint64 nowMs);
// The latest expiry of the family's live (unrevoked, unexpired) tokens; 0
// when it has none.
Result<qint64> tokenFamilyAliveUntil(store::Database &db, const QString &familyId, qint64 nowMs);

// The live token of each of a user's sessions, newest first.
struct LiveSessionToken
{
    QString familyId;
    QString deviceInfo;
    QString ip;
    std::optional<qint64> lastUsedAt;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    qint64 familyStartedAt = 0; // the family's first token
};
Result<QList<LiveSessionToken>> liveSessionTokens(store::Database &db, const QString &userId,
                                                  qint64 nowMs);

} // namespace hm::server::repositories
