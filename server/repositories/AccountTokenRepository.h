#pragma once

// Every SQL string of account e-mail (schema 35; docs/api.md "Account
// e-mail"): the single-use tokens of password resets and e-mail
// verification, the language a user's mails are written in and the
// verified flag. Tokens arrive here hashed: the repository never sees one.

#include "common/Result.h"

#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct AccountTokenRow
{
    qint64 id = 0;
    QString userId;
    QString purpose; // "reset" or "verify"
    QString tokenHash;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    std::optional<qint64> usedAt;
};

// Stores a new token and retires the user's earlier unused ones of the same
// purpose (only the latest mail works), in one transaction.
Status replaceAccountToken(store::Database &db, const AccountTokenRow &row);
// The token with this hash and purpose, used or not; nullopt when unknown.
Result<std::optional<AccountTokenRow>>
findAccountToken(store::Database &db, const QString &tokenHash, const QString &purpose);
// Marks the token used if it still is unused and unexpired at `nowMs`, in
// one statement: false when another request spent it first or it expired.
Result<bool> spendAccountToken(store::Database &db, qint64 id, qint64 nowMs);
// Retires every unused token of the user (a password changed otherwise).
Status retireAccountTokens(store::Database &db, const QString &userId, const QString &purpose);

// users.language: "en", "zh-TW", "zh-CN"; empty when never chosen.
Result<QString> userLanguage(store::Database &db, const QString &userId);
Status setUserLanguage(store::Database &db, const QString &userId, const QString &language);
// users.email_verified.
Result<bool> emailVerified(store::Database &db, const QString &userId);
Status setEmailVerified(store::Database &db, const QString &userId);

} // namespace hm::server::repositories
