#include "server/services/auth/Validation.h"

#include "common/Username.h"
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

QString usernameRule()
{
    return QStringLiteral(
        "username must be 3-64 characters (Unicode code points, after NFC normalisation): "
        "letters of any script, digits, '_', '.' or '-'; combining marks only right after a "
        "letter of a script other than Latin, Greek and Cyrillic; no spaces, control or "
        "invisible format characters; Latin, Greek and Cyrillic letters may not be mixed");
}

Result<bool> validateNewUser(const AuthSettings &settings, const QString &username,
                             const QString &email, const QString &password)
{
    if (const UsernameProblem problem = usernameProblem(normalizedUsername(username));
        problem != UsernameProblem::None) {
        const char *reason = problem == UsernameProblem::Length         ? "length"
                             : problem == UsernameProblem::MixedScripts ? "mixed_scripts"
                                                                        : "character";
        return Error{ErrorCode::ValidationError,
                     usernameRule(),
                     {{QStringLiteral("field"), QStringLiteral("username")},
                      {QStringLiteral("reason"), QString::fromLatin1(reason)}}};
    }
    if (!plausibleEmail(email))
        return fieldError(QStringLiteral("email"), QStringLiteral("email is not a valid address"));
    if (Status s = checkPassword(settings.passwordPolicy, password); !s)
        return s.error();
    return true;
}

} // namespace hm::server::auth
