#include "widgets/AdminText.h"

#include "widgets/DateTimeText.h"
#include "widgets/SeparatedList.h"
#include "widgets/ServerErrorText.h"

#include <QJsonArray>
#include <QLocale>

namespace hm::app {

QString AdminText::role(const QString &role)
{
    const QString r = role.toLower();
    if (r == QLatin1String("admin"))
        return tr("Administrator");
    if (r == QLatin1String("user"))
        return tr("User");
    if (r == QLatin1String("viewer"))
        return tr("Viewer");
    return role;
}

QString AdminText::userStatus(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("suspended"))
        return tr("Suspended");
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("deleted"))
        return tr("Deleted");
    return status;
}

QString AdminText::accessLevel(const QString &level)
{
    if (level == QLatin1String("read"))
        return tr("Read only");
    if (level == QLatin1String("write"))
        return tr("Read and write");
    if (level == QLatin1String("admin"))
        return tr("Administration");
    return level;
}

QString AdminText::errorField(const hm::Error &error)
{
    return error.details.value(QStringLiteral("field")).toString();
}

QString AdminText::error(const hm::Error &error, const QString &signedInRole)
{
    using hm::ErrorCode;
    if (error.details.value(QStringLiteral("reason")).toString() ==
        QLatin1String("PRIVATE_ADDRESS"))
        return describeApiError(error);
    switch (error.code) {
    case ErrorCode::Forbidden:
    case ErrorCode::InsufficientPermissions:
        if (error.message.contains(QLatin1String("admin keys")))
            return tr("Only administrators may create keys with administration access.");
        if (!signedInRole.isEmpty())
            return tr("The server refused this: your role (%1) may not do it. Ask an "
                      "administrator.")
                .arg(role(signedInRole));
        return tr("The server refused this: your role may not do it. Ask an administrator.");
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
    case ErrorCode::RefreshTokenExpired:
        return tr("You are not signed in to this server, or your session has ended.");
    case ErrorCode::InvalidCredentials:
    case ErrorCode::CurrentPasswordWrong:
        return tr("The password is wrong.");
    case ErrorCode::InvalidPassword: {
        const QJsonObject policy = error.details.value(QStringLiteral("policy")).toObject();
        QStringList broken;
        for (const QJsonValue &rule : error.details.value(QStringLiteral("failed_rules")).toArray())
            broken << passwordRule(rule.toString(), policy);
        if (broken.isEmpty())
            return tr("The new password does not meet the server's password policy.");
        return tr("The new password does not meet the server's password policy: %1")
            .arg(separatedList(broken));
    }
    case ErrorCode::EmailExists:
        return tr("This e-mail address is already registered.");
    case ErrorCode::ResourceAlreadyExists:
        return tr("This username or e-mail address is already taken.");
    case ErrorCode::UserNotFound:
    case ErrorCode::ResourceNotFound:
        return tr("It no longer exists on the server.");
    case ErrorCode::RateLimitExceeded:
        return tr("Too many attempts. Wait a moment and try again.");
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
    case ErrorCode::ServiceUnavailable:
        return tr("The server cannot be reached. Check the connection and try again.");
    case ErrorCode::ValidationError: {
        const QString field = errorField(error);
        if (error.message.contains(QLatin1String("two-factor code")))
            return tr("The code is wrong or has expired. Enter the code your authenticator app "
                      "shows now.");
        if (error.message.contains(QLatin1String("already")))
            return tr("This username or e-mail address is already taken.");
        if (error.message.contains(QLatin1String("without an active administrator")))
            return tr("This would leave the server without an active administrator.");
        if (!field.isEmpty())
            return tr("The server refused the value of \"%1\": %2").arg(field, error.message);
        return tr("The server refused the request: %1").arg(error.message);
    }
    default:
        break;
    }
    return error.message.isEmpty() ? error.codeName() : error.message;
}

QString AdminText::passwordRule(const QString &rule, const QJsonObject &policy)
{
    if (rule == QLatin1String("min_length"))
        return tr("at least %n characters", "",
                  policy.value(QStringLiteral("min_length")).toInt(8));
    if (rule == QLatin1String("max_length"))
        return tr("at most 256 characters");
    if (rule == QLatin1String("require_uppercase") || rule == QLatin1String("uppercase"))
        return tr("an upper-case letter");
    if (rule == QLatin1String("require_lowercase") || rule == QLatin1String("lowercase"))
        return tr("a lower-case letter");
    if (rule == QLatin1String("require_numbers") || rule == QLatin1String("numbers") ||
        rule == QLatin1String("number"))
        return tr("a digit");
    if (rule == QLatin1String("require_symbols") || rule == QLatin1String("symbols") ||
        rule == QLatin1String("symbol"))
        return tr("a symbol such as ! or #");
    return rule;
}

QStringList AdminText::passwordPolicy(const QJsonObject &policy)
{
    QStringList rules{passwordRule(QStringLiteral("min_length"), policy)};
    for (const char *rule :
         {"require_uppercase", "require_lowercase", "require_numbers", "require_symbols"}) {
        if (policy.value(QLatin1String(rule)).toBool(true))
            rules << passwordRule(QLatin1String(rule), policy);
    }
    return rules;
}

QString AdminText::dateTime(const QDateTime &time, const QString &never)
{
    return dateTimeText(time, QLocale::ShortFormat, TimeDetail::Minutes, never);
}

QString AdminText::adminsOnly(const QString &signedInRole)
{
    return tr("Only administrators may do this; you are signed in as %1.").arg(role(signedInRole));
}

QString AdminText::notForViewers(const QString &signedInRole)
{
    return tr("Viewers may only look; you are signed in as %1.").arg(role(signedInRole));
}

} // namespace hm::app
