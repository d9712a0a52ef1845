#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hm::app {

// Words of the account, API key and user panels (app/admin): roles,
// statuses, access levels, the password policy, and the server's refusals
// in the user's language. A 403 says which role may do it and which role the
// user has, so it is never a silent failure.
class AdminText
{
    Q_DECLARE_TR_FUNCTIONS(AdminText)

public:
    // "admin" / "user" / "viewer" (any case) in words.
    static QString role(const QString &role);
    // "active" / "suspended" / "pending" / "deleted" in words.
    static QString userStatus(const QString &status);
    // An API key's "read" / "write" / "admin".
    static QString accessLevel(const QString &level);
    // A refused or failed call; `role` is the signed-in user's role.
    static QString error(const hm::Error &error, const QString &role = {});
    // The field a VALIDATION_ERROR names (details.field), else empty.
    static QString errorField(const hm::Error &error);
    // The rules of a password_policy object, one line each.
    static QStringList passwordPolicy(const QJsonObject &policy);
    // A policy rule name ("min_length", ...) the password broke.
    static QString passwordRule(const QString &rule, const QJsonObject &policy);
    // A date and time in the user's locale; `never` for an invalid time.
    static QString dateTime(const QDateTime &time, const QString &never = {});
    // Why an action is off for `role` (tooltips): administrators only, or
    // not for viewers.
    static QString adminsOnly(const QString &role);
    static QString notForViewers(const QString &role);
};

} // namespace hm::app
