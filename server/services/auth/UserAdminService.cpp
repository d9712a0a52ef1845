#include "server/services/auth/UserAdminService.h"

#include "server/api/AuthCommon.h"
#include "server/repositories/WriteGenerations.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/auth/InitialPassword.h"
#include "store/Database.h"

#include <QJsonArray>

namespace hm::server::auth {

Error UserAdminService::lastAdminError()
{
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("this would leave the system without an active administrator")};
}

QJsonObject UserAdminService::adminJson(const UserRecord &user)
{
    return adminJson(user, m_auth.loginPolicy());
}

QJsonObject UserAdminService::adminJson(const UserRecord &user,
                                        const AttemptTracker::Policy &policy)
{
    QJsonObject json = user.toJson(true);
    const QJsonObject lockout = m_auth.lockoutJson(user.id, policy);
    for (auto it = lockout.begin(); it != lockout.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

void UserAdminService::publish(const QString &type, const QJsonObject &user)
{
    m_auth.events.publish({type,
                           {{QStringLiteral("user_id"), user.value(QStringLiteral("id"))},
                            {QStringLiteral("user"), user}},
                           true,
                           {}});
}

Status UserAdminService::keepsAnActiveAdmin(UserRepository &users, const UserRecord &user,
                                            Role role, const QString &status)
{
    const bool losesAdmin =
        user.role == Role::Admin && (role != Role::Admin || status != QLatin1String("active"));
    if (!losesAdmin)
        return {};
    auto others = users.countActiveAdmins(user.id);
    if (!others)
        return others.error();
    if (others.value() == 0)
        return lastAdminError();
    return {};
}

bool UserAdminService::create(NewUser account, const QString &password, const Principal &admin,
                              const ClientInfo &client, Created done)
{
    AuthModule &auth = m_auth;
    const QString adminId = admin.userId;
    // Argon2 on the password worker; the account is written back here.
    return m_auth.passwords.hash(
        password, [&auth, account, client, adminId, done](Result<QString> hash) mutable {
            if (!hash)
                return done(hash.error());
            account.passwordHash = hash.value();
            // Creating an account accepts the invitations sent to its address.
            auto created = UserRepository(auth.db).create(account);
            if (!created)
                return done(created.error());
            invalidateFlowCaches(); // the invitations accepted are shares now
            audit(auth.db, QStringLiteral("USER_CREATED"), adminId, QStringLiteral("user"),
                  created.value().id, client.ip, client.userAgent,
                  {{QStringLiteral("username"), created.value().username},
                   {QStringLiteral("role"), roleApiName(account.role)}});
            UserAdminService service(auth);
            const QJsonObject user = service.adminJson(created.value());
            service.publish(QStringLiteral("user_created"), user);
            done(user);
        });
}

Result<QJsonObject> UserAdminService::update(const QString &userId, const UserUpdate &update,
                                             const Principal &admin, const ClientInfo &client)
{
    UserRepository users(m_auth.db);
    auto transaction = m_auth.db.begin();
    if (!transaction)
        return transaction.error();
    auto found = users.requireById(userId);
    if (!found)
        return found.error();
    const UserRecord user = found.value();
    const QString email = update.email.value_or(user.email);
    const QString name = update.name.value_or(user.name);
    const Role role = update.role.value_or(user.role);
    const QString status = update.status.value_or(user.status);
    if (Status kept = keepsAnActiveAdmin(users, user, role, status); !kept)
        return kept.error();
    if (email != user.email || name != user.name) {
        if (Status s = users.setProfile(user.id, email, name); !s) {
            if (s.error().code == ErrorCode::DbError ||
                s.error().code == ErrorCode::ResourceAlreadyExists)
                return Error{ErrorCode::EmailExists, QStringLiteral("email is already registered")};
            return s.error();
        }
    }
    if (role != user.role) {
        if (Status s = users.setRole(user.id, role); !s)
            return s.error();
    }
    // Setting "active" again also lifts a stored lockout.
    if (update.status) {
        if (Status s = users.setStatus(user.id, status); !s)
            return s.error();
    }
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();

    if (update.status && status == QLatin1String("active"))
        m_auth.clearLockouts(user.id);
    if (status != QLatin1String("active")) {
        if (Status s = m_auth.tokens.revokeAllFamilies(user.id); !s)
            return s.error();
    }
    if (role != user.role)
        audit(m_auth.db, QStringLiteral("ROLE_CHANGED"), admin.userId, QStringLiteral("user"),
              user.id, client.ip, client.userAgent,
              {{QStringLiteral("from"), roleApiName(user.role)},
               {QStringLiteral("to"), roleApiName(role)}});
    audit(m_auth.db, QStringLiteral("USER_UPDATED"), admin.userId, QStringLiteral("user"), user.id,
          client.ip, client.userAgent,
          {{QStringLiteral("fields"), QJsonArray::fromStringList(update.fields)}});
    auto updated = users.requireById(user.id);
    if (!updated)
        return updated.error();
    const QJsonObject json = adminJson(updated.value());
    publish(QStringLiteral("user_updated"), json);
    return json;
}

Status UserAdminService::remove(const QString &userId, const Principal &admin,
                                const ClientInfo &client)
{
    UserRepository users(m_auth.db);
    auto transaction = m_auth.db.begin();
    if (!transaction)
        return transaction.error();
    auto found = users.requireById(userId);
    if (!found)
        return found.error();
    const UserRecord &user = found.value();
    if (user.status == QLatin1String("deleted"))
        return Error{ErrorCode::UserNotFound, QStringLiteral("user not found")};
    if (Status kept = keepsAnActiveAdmin(users, user, user.role, QStringLiteral("deleted")); !kept)
        return kept;
    if (Status s = users.setStatus(user.id, QStringLiteral("deleted")); !s)
        return s;
    if (Status committed = transaction.value().commit(); !committed)
        return committed;
    if (Status s = m_auth.tokens.revokeAllFamilies(user.id); !s)
        return s;
    if (Status s = m_auth.apiKeys.revokeAllOf(user.id); !s)
        return s;
    audit(m_auth.db, QStringLiteral("USER_DELETED"), admin.userId, QStringLiteral("user"), user.id,
          client.ip, client.userAgent);
    m_auth.events.publish(
        {QStringLiteral("user_deleted"), {{QStringLiteral("user_id"), user.id}}, true, {}});
    return {};
}

bool UserAdminService::resetPassword(const QString &userId, const QString &password,
                                     bool changeRequired, const Principal &admin,
                                     const ClientInfo &client, std::function<void(Status)> done)
{
    AuthModule &auth = m_auth;
    const QString adminId = admin.userId;
    return m_auth.passwords.hash(
        password, [&auth, client, adminId, userId, changeRequired, done](Result<QString> hash) {
            if (!hash)
                return done(hash.error());
            if (Status s =
                    UserRepository(auth.db).setPasswordHash(userId, hash.value(), changeRequired);
                !s)
                return done(s);
            if (Status s = auth.tokens.revokeAllFamilies(userId); !s)
                return done(s);
            retireInitialPassword(auth.db, auth.initialPasswordFile, userId);
            audit(auth.db, QStringLiteral("PASSWORD_RESET"), adminId, QStringLiteral("user"),
                  userId, client.ip, client.userAgent,
                  {{QStringLiteral("password_change_required"), changeRequired}});
            done(Status{});
        });
}

Result<int> UserAdminService::unlock(const QString &userId, const Principal &admin,
                                     const ClientInfo &client)
{
    UserRepository users(m_auth.db);
    auto user = users.requireById(userId);
    if (!user)
        return user.error();
    const int locked = m_auth.clearLockouts(userId);
    if (Status s = users.clearStoredLockout(userId); !s)
        return s.error();
    audit(m_auth.db, QStringLiteral("ACCOUNT_UNLOCKED"), admin.userId, QStringLiteral("user"),
          userId, client.ip, client.userAgent, {{QStringLiteral("locked_addresses"), locked}});
    if (auto unlocked = users.requireById(userId))
        publish(QStringLiteral("user_updated"), adminJson(unlocked.value()));
    return locked;
}

} // namespace hm::server::auth
