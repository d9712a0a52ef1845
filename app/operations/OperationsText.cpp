#include "operations/OperationsText.h"

#include "common/Error.h"

#include <QCoreApplication>

namespace hm::app {

bool isForbidden(const hm::Error &error)
{
    return error.code == ErrorCode::Forbidden || error.code == ErrorCode::InsufficientPermissions;
}

QString describeOperationsError(const hm::Error &error, const QString &what)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("OperationsText", text);
    };
    if (isForbidden(error))
        return tr("The server refused: only administrators may %1. Ask an administrator, or "
                  "sign in with an administrator account.")
            .arg(what);
    switch (error.code) {
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
    case ErrorCode::RefreshTokenExpired:
        return tr("You are not signed in to this server, or your session has ended. Sign in "
                  "again to %1.")
            .arg(what);
    case ErrorCode::NetworkError:
    case ErrorCode::ServiceUnavailable:
        return tr("The server cannot be reached, so the console could not %1. Check the "
                  "connection and try again.")
            .arg(what);
    case ErrorCode::Timeout:
        return tr("The server did not answer in time, so the console could not %1. Try again.")
            .arg(what);
    case ErrorCode::RateLimitExceeded:
        return tr("Too many requests; wait a moment and try again.");
    default:
        break;
    }
    const QString detail = error.message.isEmpty() ? error.codeName() : error.message;
    return tr("Could not %1: %2").arg(what, detail);
}

} // namespace hm::app
