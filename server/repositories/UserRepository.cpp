#include "server/repositories/UserRepository.h"

#include "common/Username.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/ShareRepository.h"
#include "server/repositories/WriteGenerations.h"
#include "store/Database.h"
#include "store/Like.h"

namespace hm::server::auth {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT u.id, u.username, u.email, u.name, u.password_hash, u.status, u.two_factor_enabled, "
    "u.totp_secret_enc, u.last_login_at, u.login_attempts, u.locked_until, u.created_at, "
    "u.updated_at, u.password_change_required, (SELECT CASE WHEN SUM(r.role = 'ADMIN') > 0 THEN "
    "'ADMIN' "
    "WHEN SUM(r.role = 'USER') > 0 THEN 'USER' ELSE 'VIEWER' END "
    "FROM user_roles r WHERE r.user_id = u.id) AS role FROM users u ");

// After a write that authentication may read (status, role, credentials):
// cached principals must be looked up again (AuthCache.h).
Status changed(Status written)
{
    authDataChanged();
    return written;
}

UserRecord readUser(const store::Statement &s)
{
    UserRecord user;
    user.id = s.text(0);
    user.username = s.text(1);
    user.email = s.text(2);
    user.name = s.text(3);
    user.passwordHash = s.text(4);
    user.status = s.text(5);
    user.twoFactorEnabled = s.int64(6) != 0;
    user.totpSecretEnc = s.isNull(7) ? QString() : s.text(7);
    user.lastLoginAt = s.isNull(8) ? 0 : s.int64(8);
    user.loginAttempts = static_cast<int>(s.int64(9));
    user.lockedUntil = s.isNull(10) ? 0 : s.int64(10);
    user.createdAt = s.int64(11);
    user.updatedAt = s.int64(12);
    user.passwordChangeRequired = s.int64(13) != 0;
    user.role = parseRole(s.text(14)).value_or(Role::Viewer);
    return user;
}

bool isAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() > 0x7e || c.unicode() < 0x20)
            return false;
    return true;
}

} // namespace

QJsonObject UserRecord::toJson(bool withAdminFields) const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("username"), username},
                     {QStringLiteral("email"), email},
                     {QStringLiteral("full_name"), name},
                     {QStringLiteral("role"), roleApiName(role)},
                     {QStringLiteral("permissions"), rolePermissions(role)},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("two_factor_enabled"), twoFactorEnabled},
                     {QStringLiteral("password_change_required"), passwordChangeRequired},
                     {QStringLiteral("last_login"), isoOrNull(lastLoginAt)},
                     {QStringLiteral("created_at"), isoOrNull(createdAt)},
                     {QStringLiteral("updated_at"), isoOrNull(updatedAt)}};
    if (withAdminFields) {
        json.insert(QStringLiteral("login_attempts"), loginAttempts);
        json.insert(QStringLiteral("locked_until"), isoOrNull(lockedUntil));
    }
    return json;
}

Result<std::optional<UserRecord>> UserRepository::findOne(const QString &where,
                                                          const QString &value)
{
    QVariantList binds{value};
    if (where.count(QLatin1Char('?')) > 1)
        binds << value;
    auto row = m_db.selectOne(kSelect + where, binds);
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<UserRecord>();
    return std::optional<UserRecord>(readUser(*row.value()));
}

Result<UserRecord> UserRepository::requireById(const QString &id)
{
    Result<std::optional<UserRecord>> user = findById(id);
    if (!user)
        return user.error();
    if (!user.value())
        return Error{ErrorCode::UserNotFound, QStringLiteral("user not found")};
    return *user.value();
}

Result<std::optional<UserRecord>> UserRepository::findById(const QString &id)
{
    return findOne(QStringLiteral("WHERE u.id = ?"), id);
}

Result<std::optional<UserRecord>> UserRepository::findByLogin(const QString &login)
{
    // A deleted account keeps its row (audit trail) but can never log in.
    // Usernames are stored in NFC: a decomposed spelling finds the same
    // account. NOCASE folds ASCII only; other letters' case is folded by
    // usernameKey() over the names outside ASCII (and, for a login outside
    // ASCII, over all names: the Kelvin sign folds to "k").
    const QString name = normalizedUsername(login);
    auto row = m_db.selectOne(kSelect + QStringLiteral("WHERE (u.username = ? OR u.email = ?) AND "
                                                       "u.status != 'deleted' "
                                                       "ORDER BY u.created_at LIMIT 1"),
                              {name, login});
    if (!row)
        return row.error();
    if (row.value())
        return std::optional<UserRecord>(readUser(*row.value()));
    Result<QString> id = idOfUsernameKey(usernameKey(login), isAscii(name), true);
    if (!id)
        return id.error();
    if (id.value().isEmpty())
        return std::optional<UserRecord>();
    return findById(id.value());
}

Result<QString> UserRepository::idOfUsernameKey(const QString &key, bool nameIsAscii,
                                                bool skipDeleted)
{
    QString found;
    const Status scanned = m_db.forEachRow(
        QStringLiteral("SELECT id, username FROM users WHERE (? OR username GLOB '*[^ -~]*')") +
            (skipDeleted ? QStringLiteral(" AND status != 'deleted' ORDER BY created_at")
                         : QString()),
        {nameIsAscii ? 0 : 1}, [&found, &key](const store::Statement &s) {
            if (found.isEmpty() && usernameKey(s.text(1)) == key)
                found = s.text(0);
        });
    if (!scanned)
        return scanned.error();
    return found;
}

Result<UserRecord> UserRepository::create(const NewUser &given)
{
    NewUser user = given;
    user.username = normalizedUsername(given.username);
    for (const auto &[column, value] : {std::pair{QStringLiteral("username"), user.username},
                                        std::pair{QStringLiteral("email"), user.email}}) {
        auto row =
            m_db.selectOne(QStringLiteral("SELECT 1 FROM users WHERE %1 = ?").arg(column), {value});
        if (!row)
            return row.error();
        bool taken = row.value().has_value();
        if (!taken && column == QLatin1String("username")) {
            // Case beyond ASCII, which the NOCASE column does not fold.
            Result<QString> id = idOfUsernameKey(usernameKey(value), isAscii(value), false);
            if (!id)
                return id.error();
            taken = !id.value().isEmpty();
        }
        if (taken) {
            if (column == QLatin1String("email"))
                return Error{ErrorCode::EmailExists,
                             QStringLiteral("email is already registered"),
                             {{QStringLiteral("field"), column}}};
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("username is taken"),
                         {{QStringLiteral("field"), column}}};
        }
    }
    const Result<QString> hash = user.passwordHash.isEmpty() ? crypto::hashPassword(user.password)
                                                             : Result<QString>(user.passwordHash);
    if (!hash)
        return hash.error();

    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    const qint64 now = nowMs();
    const QString id = crypto::uuid();
    if (Status s = m_db.execute(
            QStringLiteral("INSERT INTO users (id, username, email, password_hash, name, status, "
                           "email_verified, password_change_required, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"),
            {id, user.username, user.email, hash.value(), user.name, user.status,
             user.passwordChangeRequired ? 1 : 0, now, now});
        !s)
        return s.error();
    if (Status s = setRole(id, user.role); !s)
        return s.error();
    // Flow invitations of this address become shares (seed 003 §14), in
    // the same transaction: every way of creating an account comes here.
    if (Status s = acceptPendingShares(m_db, id, user.email); !s)
        return s.error();
    if (Status s = transaction.value().commit(); !s)
        return s.error();
    auto created = findById(id);
    if (!created)
        return created.error();
    return *created.value();
}

Status UserRepository::update(const QString &sql, const QString &id, const QVariantList &values)
{
    return m_db.execute(sql, QVariantList(values) << id);
}

Status UserRepository::clearStoredLockout(const QString &id)
{
    return update(
        QStringLiteral("UPDATE users SET login_attempts = 0, locked_until = NULL WHERE id = ?"), id,
        {});
}

Status UserRepository::recordSuccessfulLogin(const QString &id, qint64 now)
{
    return update(QStringLiteral("UPDATE users SET login_attempts = 0, locked_until = NULL, "
                                 "last_login_at = ? WHERE id = ?"),
                  id, {now});
}

Status UserRepository::setPasswordHash(const QString &id, const QString &hash, bool changeRequired)
{
    return changed(update(QStringLiteral("UPDATE users SET password_hash = ?, "
                                         "password_change_required = ?, updated_at = ? "
                                         "WHERE id = ?"),
                          id, {hash, changeRequired ? 1 : 0, nowMs()}));
}

Status UserRepository::setRole(const QString &id, Role role)
{
    if (Status s =
            changed(update(QStringLiteral("DELETE FROM user_roles WHERE user_id = ?"), id, {}));
        !s)
        return s;
    return changed(m_db.execute(
        QStringLiteral(
            "INSERT INTO user_roles (id, user_id, role, created_at) VALUES (?, ?, ?, ?)"),
        {crypto::uuid(), id, roleDbName(role), nowMs()}));
}

Status UserRepository::setStatus(const QString &id, const QString &status)
{
    if (status == QLatin1String("active"))
        return changed(update(QStringLiteral("UPDATE users SET status = ?, login_attempts = 0, "
                                             "locked_until = NULL, updated_at = ? WHERE id = ?"),
                              id, {status, nowMs()}));
    return changed(
        update(QStringLiteral("UPDATE users SET status = ?, updated_at = ? WHERE id = ?"), id,
               {status, nowMs()}));
}

Status UserRepository::setProfile(const QString &id, const QString &email, const QString &name)
{
    return changed(
        update(QStringLiteral("UPDATE users SET email = ?, name = ?, updated_at = ? WHERE id = ?"),
               id, {email, name, nowMs()}));
}

Status UserRepository::setTotp(const QString &id, const QString &secretEnc, bool enabled)
{
    return changed(update(
        QStringLiteral("UPDATE users SET totp_secret_enc = ?, two_factor_enabled = ?, "
                       "updated_at = ? WHERE id = ?"),
        id, {secretEnc.isEmpty() ? QVariant() : QVariant(secretEnc), enabled ? 1 : 0, nowMs()}));
}

Status UserRepository::replaceRecoveryCodes(const QString &id, const QStringList &hashes)
{
    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    if (Status s = m_db.execute(
            QStringLiteral("DELETE FROM two_factor_recovery_codes WHERE user_id = ?"), {id});
        !s)
        return s;
    const qint64 now = nowMs();
    for (const QString &hash : hashes) {
        if (Status s = m_db.execute(QStringLiteral("INSERT INTO two_factor_recovery_codes "
                                                   "(user_id, code_hash, created_at) "
                                                   "VALUES (?, ?, ?)"),
                                    {id, hash, now});
            !s)
            return s;
    }
    return transaction.value().commit();
}

Result<bool> UserRepository::consumeRecoveryCode(const QString &id, const QString &hash)
{
    if (Status s = m_db.execute(
            QStringLiteral(
                "DELETE FROM two_factor_recovery_codes WHERE user_id = ? AND code_hash = ?"),
            {id, hash});
        !s)
        return s.error();
    return m_db.changes() == 1;
}

Result<qint64> UserRepository::countRecoveryCodes(const QString &id)
{
    auto row = m_db.selectOne(
        QStringLiteral("SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = ?"), {id});
    if (!row)
        return row.error();
    return row.value() ? row.value()->int64(0) : 0;
}

Result<qint64> UserRepository::countActiveAdmins(const QString &exceptId)
{
    auto row = m_db.selectOne(
        QStringLiteral(
            "SELECT count(DISTINCT u.id) FROM users u JOIN user_roles r ON r.user_id = u.id "
            "WHERE r.role = 'ADMIN' AND u.status = 'active' AND u.id != ?"),
        {exceptId});
    if (!row)
        return row.error();
    return row.value() ? row.value()->int64(0) : 0;
}

Result<qint64> UserRepository::countAll()
{
    return m_db.queryInt(QStringLiteral("SELECT count(*) FROM users"));
}

Status UserRepository::insertAdministrator(const QString &id, const QString &username,
                                           const QString &email, const QString &passwordHash,
                                           const QString &name, qint64 now, bool changeRequired)
{
    if (Status s = m_db.execute(
            QStringLiteral("INSERT INTO users (id, username, email, password_hash, name, status, "
                           "email_verified, password_change_required, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, 'active', 1, ?, ?, ?)"),
            {id, normalizedUsername(username), email, passwordHash, name, changeRequired ? 1 : 0,
             now, now});
        !s)
        return s;
    return m_db.execute(
        QStringLiteral(
            "INSERT INTO user_roles (id, user_id, role, created_at) VALUES (?, ?, 'ADMIN', ?)"),
        {crypto::uuid(), id, now});
}

Result<UserRepository::Page> UserRepository::list(const ListQuery &query)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    QVariantList values;
    if (!query.search.isEmpty()) {
        where += QStringLiteral(" AND ") +
                 store::likeAnyCondition({u"u.username", u"u.email"}, query.search, values);
    }
    if (query.status.isEmpty()) {
        where += QStringLiteral(" AND u.status != 'deleted'");
    } else {
        where += QStringLiteral(" AND u.status = ?");
        values << query.status;
    }
    if (!query.role.isEmpty()) {
        where += QStringLiteral(" AND u.role = ?");
        values << query.role;
    }
    // Only whitelisted columns reach the SQL text.
    QString sortColumn = QStringLiteral("u.created_at");
    if (query.sort == QLatin1String("username"))
        sortColumn = QStringLiteral("u.username");
    else if (query.sort == QLatin1String("email"))
        sortColumn = QStringLiteral("u.email");
    else if (query.sort == QLatin1String("last_login"))
        sortColumn = QStringLiteral("u.last_login_at");
    // The role is computed in kSelect, so filters run on it as a derived table.
    const QString from = QStringLiteral("FROM (") + kSelect + QStringLiteral(") u ") + where;

    Page page;
    auto count = m_db.selectOne(QStringLiteral("SELECT count(*) ") + from, values);
    if (!count)
        return count.error();
    page.total = count.value() ? count.value()->int64(0) : 0;

    const Status read = m_db.forEachRow(
        QStringLiteral("SELECT * ") + from + QStringLiteral(" ORDER BY ") + sortColumn +
            (query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC")) +
            QStringLiteral(" LIMIT ? OFFSET ?"),
        QVariantList(values) << query.size << qint64(query.page - 1) * query.size,
        [&page](const store::Statement &s) { page.users << readUser(s); });
    if (!read)
        return read.error();
    return page;
}

} // namespace hm::server::auth
