#pragma once

#include "common/Result.h"
#include "server/api/Roles.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::auth {

struct UserRecord
{
    QString id;
    QString username;
    QString email;
    QString name;
    QString passwordHash;
    QString status; // pending, active, suspended, deleted
    bool twoFactorEnabled = false;
    QString totpSecretEnc;
    qint64 lastLoginAt = 0;
    // The stored lockout columns; the lockout itself is counted per account
    // and address in memory (AuthModule::lockoutJson shows it).
    int loginAttempts = 0;
    qint64 lockedUntil = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    Role role = Role::Viewer;
    // Signs in with a password somebody else chose: only the account's
    // own routes answer until it is changed (PASSWORD_CHANGE_REQUIRED).
    bool passwordChangeRequired = false;

    // The public shape (seed 001): never the hash or the TOTP secret.
    QJsonObject toJson(bool withAdminFields = false) const;
};

struct NewUser
{
    QString username;
    QString email;
    QString name;
    QString password;
    // Its Argon2 hash when already made (on the password worker); else
    // create() hashes `password` itself.
    QString passwordHash;
    QString status = QStringLiteral("active");
    Role role = Role::User;
    // The administrator chose the password: the user must change it at
    // the first sign-in.
    bool passwordChangeRequired = false;
};

// users + user_roles. A user has one effective role: the highest of its rows.
// Writes that authentication reads (status, role, password, profile, 2FA)
// call authDataChanged() (WriteGenerations.h); the login bookkeeping
// (attempts, lockout, last login) is not read by it and does not.
class UserRepository
{
public:
    explicit UserRepository(store::Database &database) : m_db(database) {}

    Result<std::optional<UserRecord>> findById(const QString &id);
    // findById for a user that must exist: USER_NOT_FOUND otherwise.
    Result<UserRecord> requireById(const QString &id);
    // Username (compared by usernameKey(): NFC, Unicode case folding) or
    // email (case-insensitive in ASCII, the column is NOCASE).
    Result<std::optional<UserRecord>> findByLogin(const QString &login);
    // RESOURCE_ALREADY_EXISTS / EMAIL_EXISTS for taken names. Stores the
    // username in NFC; taken means the same usernameKey() as any row's.
    Result<UserRecord> create(const NewUser &user);

    // Clears the columns login_attempts and locked_until, which held the
    // lockout before it was counted per account and address (in memory,
    // AttemptTracker); an administrator's unlock clears what may be left.
    Status clearStoredLockout(const QString &id);
    Status recordSuccessfulLogin(const QString &id, qint64 nowMs);
    // `changeRequired`: the password was chosen by somebody else (an
    // administrator's reset) and must be changed at the next sign-in.
    Status setPasswordHash(const QString &id, const QString &hash, bool changeRequired = false);
    Status setRole(const QString &id, Role role);
    // Also clears a lockout when the new status is "active".
    Status setStatus(const QString &id, const QString &status);
    Status setProfile(const QString &id, const QString &email, const QString &name);
    Status setTotp(const QString &id, const QString &secretEnc, bool enabled);
    // Two-factor recovery codes, by their hashes (RecoveryCodes.h makes
    // them). Replaces every code of the user with `hashes` in one
    // transaction; an empty list deletes them all.
    Status replaceRecoveryCodes(const QString &id, const QStringList &hashes);
    // Deletes one code: true when it was there. The DELETE's row count
    // decides, so two requests can never both use the same code.
    Result<bool> consumeRecoveryCode(const QString &id, const QString &hash);
    Result<qint64> countRecoveryCodes(const QString &id);
    // Active admins other than exceptId.
    Result<qint64> countActiveAdmins(const QString &exceptId = {});
    // Every row, deleted accounts included (none on a first start).
    Result<qint64> countAll();
    // The first administrator (AdminBootstrap): an active, verified account
    // and its ADMIN role, written inside the caller's transaction.
    Status insertAdministrator(const QString &id, const QString &username, const QString &email,
                               const QString &passwordHash, const QString &name, qint64 nowMs,
                               bool changeRequired);

    struct ListQuery
    {
        int page = 1;
        int size = 20;
        QString search;
        QString role;   // ADMIN/USER/VIEWER or empty
        QString status; // empty = all but deleted
        QString sort = QStringLiteral("created_at");
        bool descending = false;
    };
    struct Page
    {
        QList<UserRecord> users;
        qint64 total = 0;
    };
    Result<Page> list(const ListQuery &query);

private:
    // The id of the (oldest) row whose username has this usernameKey(),
    // or empty. A name in ASCII is only compared with the names outside
    // ASCII (among ASCII names the NOCASE column decides).
    Result<QString> idOfUsernameKey(const QString &key, bool nameIsAscii, bool skipDeleted);
    Result<std::optional<UserRecord>> findOne(const QString &where, const QString &value);
    Status update(const QString &sql, const QString &id, const QVariantList &values);

    store::Database &m_db;
};

} // namespace hm::server::auth
