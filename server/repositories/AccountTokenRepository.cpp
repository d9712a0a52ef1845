#include "server/repositories/AccountTokenRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/Transaction.h"

#include <QDateTime>

namespace hm::server::repositories {

Status replaceAccountToken(store::Database &db, const AccountTokenRow &r)
{
    auto transaction = db.begin();
    if (!transaction)
        return transaction.error();
    if (Status s = db.execute(QStringLiteral("UPDATE account_tokens SET used_at = ? WHERE "
                                             "user_id = ? AND purpose = ? AND used_at IS NULL"),
                              {r.createdAt, r.userId, r.purpose});
        !s)
        return s;
    if (Status s = db.execute(
            QStringLiteral("INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, "
                           "expires_at) VALUES (?, ?, ?, ?, ?)"),
            {r.userId, r.purpose, r.tokenHash, r.createdAt, r.expiresAt});
        !s)
        return s;
    return transaction.value().commit();
}

Result<std::optional<AccountTokenRow>>
findAccountToken(store::Database &db, const QString &tokenHash, const QString &purpose)
{
    std::optional<AccountTokenRow> found;
    const Status s = db.forEachRow(
        QStringLiteral("SELECT id, user_id, purpose, token_hash, created_at, expires_at, used_at "
                       "FROM account_tokens WHERE token_hash = ? AND purpose = ?"),
        {tokenHash, purpose}, [&found](const store::Statement &st) {
            AccountTokenRow r;
            r.id = st.int64(0);
            r.userId = st.text(1);
            r.purpose = st.text(2);
            r.tokenHash = st.text(3);
            r.createdAt = st.int64(4);
            r.expiresAt = st.int64(5);
            if (!st.isNull(6))
                r.usedAt = st.int64(6);
            found = r;
        });
    if (!s)
        return s.error();
    return found;
}

Result<bool> spendAccountToken(store::Database &db, qint64 id, qint64 nowMs)
{
    if (Status s = db.execute(QStringLiteral("UPDATE account_tokens SET used_at = ? WHERE id = ? "
                                             "AND used_at IS NULL AND expires_at > ?"),
                              {nowMs, id, nowMs});
        !s)
        return s.error();
    return db.changes() == 1;
}

Status retireAccountTokens(store::Database &db, const QString &userId, const QString &purpose)
{
    return db.execute(QStringLiteral("UPDATE account_tokens SET used_at = ? WHERE user_id = ? "
                                     "AND purpose = ? AND used_at IS NULL"),
                      {QDateTime::currentMSecsSinceEpoch(), userId, purpose});
}

Result<QString> userLanguage(store::Database &db, const QString &userId)
{
    auto found = store::selectOneAs(
        db, QStringLiteral("SELECT language FROM users WHERE id = ?"), {userId},
        [](const store::Statement &st) { return st.isNull(0) ? QString() : st.text(0); });
    if (!found)
        return found.error();
    return found.value().value_or(QString());
}

Status setUserLanguage(store::Database &db, const QString &userId, const QString &language)
{
    return db.execute(QStringLiteral("UPDATE users SET language = ?, updated_at = ? WHERE id = ?"),
                      {language, QDateTime::currentMSecsSinceEpoch(), userId});
}

Result<bool> emailVerified(store::Database &db, const QString &userId)
{
    auto found =
        store::selectOneAs(db, QStringLiteral("SELECT email_verified FROM users WHERE id = ?"),
                           {userId}, [](const store::Statement &st) { return st.int64(0) != 0; });
    if (!found)
        return found.error();
    return found.value().value_or(false);
}

Status setEmailVerified(store::Database &db, const QString &userId)
{
    return db.execute(
        QStringLiteral("UPDATE users SET email_verified = 1, updated_at = ? WHERE id = ?"),
        {QDateTime::currentMSecsSinceEpoch(), userId});
}

} // namespace hm::server::repositories
