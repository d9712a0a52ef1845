#include "server/services/auth/Validation.h"

#include "server/api/AuthCommon.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace hm::server::auth {

Status checkPassword(const PasswordPolicy &policy, const QString &password)
{
    const QStringList failed = policy.failedRules(password);
    if (failed.isEmpty())
        return {};
    return Error{ErrorCode::InvalidPassword,
                 QStringLiteral("password does not meet the password policy"),
                 {{QStringLiteral("failed_rules"), QJsonArray::fromStringList(failed)},
                  {QStringLiteral("policy"), policy.toJson()}}};
}

bool plausibleEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+$"));
    return email.size() <= 254 && shape.match(email).hasMatch();
}

Result<bool> validateNewUser(const AuthSettings &settings, const QString &username,
                             const QString &email, const QString &password)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.-]{3,64}$"));
    if (!name.match(username).hasMatch())
        return fieldError(QStringLiteral("username"),
                          QStringLiteral("username must be 3-64 letters, digits, '_', '.' or '-'"));
    if (!plausibleEmail(email))
        return fieldError(QStringLiteral("email"), QStringLiteral("email is not a valid address"));
    if (Status s = checkPassword(settings.passwordPolicy, password); !s)
        return s.error();
    return true;
}

} // namespace hm::server::auth
