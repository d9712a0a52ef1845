#pragma once

// User administration (/api/v1/users*, ADMIN only): what the routes call
// after parsing and authorising. Every change is audited and published to
// the administrators' consoles (/ws/events user_created, user_updated,
// user_deleted) after its commit.
//
// The last-admin rule lives here, once: no change may leave the system
// without an active administrator. It is checked inside the transaction
// that makes the change (BEGIN IMMEDIATE), so two administrators demoting
// each other at the same moment cannot both succeed.

#include "common/Result.h"
#include "server/api/Roles.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AttemptTracker.h"
#include "server/services/auth/TokenService.h"

#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace hm::server::auth {

struct AuthModule;

// What PUT /api/v1/users/{id} changes; an empty field stays as it is.
struct UserUpdate
{
    std::optional<QString> email;
    std::optional<QString> name;
    std::optional<Role> role;
    // Given (even unchanged): "active" also lifts the account's lockouts.
    std::optional<QString> status;
    QStringList fields; // the request's field names, for the audit
};

class UserAdminService
{
public:
    using Created = std::function<void(Result<QJsonObject>)>;

    explicit UserAdminService(AuthModule &auth) : m_auth(auth) {}

    // The administrator's view of a user: the stored fields plus the
    // lockout counted in memory (login_attempts, locked_until).
    QJsonObject adminJson(const UserRecord &user);
    // The same with the lockout policy read once for a whole list.
    QJsonObject adminJson(const UserRecord &user, const AttemptTracker::Policy &policy);

    // Hashes `password` on the password worker, then stores the account.
    // `done` gets the administrator's view (or the error) on this thread;
    // false, and `done` is never called, when the worker is full.
    [[nodiscard]] bool create(NewUser account, const QString &password, const Principal &admin,
                              const ClientInfo &client, Created done);

    // USER_NOT_FOUND, VALIDATION_ERROR (the last active administrator),
    // EMAIL_EXISTS; the administrator's view after the change.
    Result<QJsonObject> update(const QString &userId, const UserUpdate &update,
                               const Principal &admin, const ClientInfo &client);

    // Marks the account deleted and ends its sessions and API keys.
    // USER_NOT_FOUND (also for a deleted one), VALIDATION_ERROR (the last
    // active administrator).
    Status remove(const QString &userId, const Principal &admin, const ClientInfo &client);

    // Hashes the new password on the worker, stores it and ends every
    // session of the account. `changeRequired`: the user must choose a new
    // one at the next sign-in. Same contract as create().
    [[nodiscard]] bool resetPassword(const QString &userId, const QString &password,
                                     bool changeRequired, const Principal &admin,
                                     const ClientInfo &client, std::function<void(Status)> done);

    // Lifts every lockout of the account, whatever the address; how many
    // addresses were locked.
    Result<int> unlock(const QString &userId, const Principal &admin, const ClientInfo &client);

    static Error lastAdminError();

private:
    // The last-admin rule for `user` becoming `role` with `status`; call
    // inside the transaction that writes the change.
    Status keepsAnActiveAdmin(UserRepository &users, const UserRecord &user, Role role,
                              const QString &status);
    void publish(const QString &type, const QJsonObject &user);

    AuthModule &m_auth;
};

} // namespace hm::server::auth
