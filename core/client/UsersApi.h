#pragma once

#include "client/ApiTypes.h"

#include <QJsonObject>

namespace hm::client {

class ApiClient;

struct UserFilter
{
    QString search;
    QString role;
    QString status;
    QString sort; // username / email / created_at / last_login
    bool descending = false;
    PageRequest page;
};

// User administration (/users, ADMIN only).
class UsersApi
{
public:
    explicit UsersApi(ApiClient &client) : m_client(client) {}

    void list(const UserFilter &filter, Callback<Page<UserInfo>> done);
    void get(const QString &id, Callback<UserInfo> done);
    void create(const NewUser &user, Callback<UserInfo> done);
    // Any of email, full_name, role, status.
    void update(const QString &id, const QJsonObject &changes, Callback<UserInfo> done);
    // Marks the user deleted and revokes their sessions and keys.
    void remove(const QString &id, Callback<void> done);
    // `changeRequired`: the user must choose a new one at the next sign-in.
    void resetPassword(const QString &id, const QString &newPassword, bool changeRequired,
                       Callback<void> done);
    // Clears the failed-login lockout of the user.
    void unlock(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
