#include "client/UsersApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

namespace hm::client {
namespace {

const QString kUsers = QStringLiteral("/api/v1/users");

UserInfo readUser(const ApiResponse &r)
{
    return json::user(r.data.toObject());
}

} // namespace

void UsersApi::list(const UserFilter &filter, Callback<Page<UserInfo>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("search"), filter.search);
    addIfSet(query, QStringLiteral("role"), filter.role);
    addIfSet(query, QStringLiteral("status"), filter.status);
    addIfSet(query, QStringLiteral("sort"), filter.sort);
    if (filter.descending)
        query.addQueryItem(QStringLiteral("order"), QStringLiteral("desc"));
    m_client.call<Page<UserInfo>>(
        ApiRequest::get(kUsers, query),
        [](const ApiResponse &r) {
            return json::page<UserInfo>(r.data.toObject(), QStringLiteral("users"), json::user);
        },
        std::move(done));
}

void UsersApi::get(const QString &id, Callback<UserInfo> done)
{
    m_client.call<UserInfo>(ApiRequest::get(kUsers + u'/' + id), readUser, std::move(done));
}

void UsersApi::create(const NewUser &user, Callback<UserInfo> done)
{
    QJsonObject body{{QStringLiteral("username"), user.username},
                     {QStringLiteral("email"), user.email},
                     {QStringLiteral("password"), user.password}};
    if (!user.fullName.isEmpty())
        body.insert(QStringLiteral("full_name"), user.fullName);
    if (!user.role.isEmpty())
        body.insert(QStringLiteral("role"), user.role);
    if (!user.status.isEmpty())
        body.insert(QStringLiteral("status"), user.status);
    if (user.passwordChangeRequired)
        body.insert(QStringLiteral("password_change_required"), true);
    m_client.call<UserInfo>(ApiRequest::post(kUsers, body), readUser, std::move(done));
}

void UsersApi::update(const QString &id, const QJsonObject &changes, Callback<UserInfo> done)
{
    m_client.call<UserInfo>(ApiRequest::put(kUsers + u'/' + id, changes), readUser,
                            std::move(done));
}

void UsersApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kUsers + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void UsersApi::resetPassword(const QString &id, const QString &newPassword, bool changeRequired,
                             Callback<void> done)
{
    QJsonObject body{{QStringLiteral("new_password"), newPassword}};
    if (changeRequired)
        body.insert(QStringLiteral("password_change_required"), true);
    m_client.call<void>(
        ApiRequest::post(kUsers + u'/' + id + QStringLiteral("/reset-password"), body),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

void UsersApi::unlock(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::post(kUsers + u'/' + id + QStringLiteral("/unlock")),
        [](const ApiResponse &) { return Status(); }, std::move(done));
}

} // namespace hm::client
