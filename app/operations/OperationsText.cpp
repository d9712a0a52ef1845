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
    if (isForbidden(error))
        return QCoreApplication::translate(
                   "OperationsText",
                   "The server refused: only administrators may %1. Ask an administrator, or "
                   "sign in with an administrator account.")
            .arg(what);
    switch (error.code) {
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
    case ErrorCode::RefreshTokenExpired:
        return QCoreApplication::translate(
                   "OperationsText",
                   "You are not signed in to this server, or your session has ended. Sign in "
                   "again to %1.")
            .arg(what);
    case ErrorCode::NetworkError:
    case ErrorCode::ServiceUnavailable:
        return QCoreApplication::translate(
                   "OperationsText",
                   "The server cannot be reached, so the console could not %1. Check the "
                   "connection and try again.")
            .arg(what);
    case ErrorCode::Timeout:
        return QCoreApplication::translate(
                   "OperationsText",
                   "The server did not answer in time, so the console could not %1. Try again.")
            .arg(what);
    case ErrorCode::RateLimitExceeded:
        return QCoreApplication::translate("OperationsText",
                                           "Too many requests; wait a moment and try again.");
    default:
        break;
    }
    const QString detail = error.message.isEmpty() ? error.codeName() : error.message;
    return QCoreApplication::translate("OperationsText", "Could not %1: %2").arg(what, detail);
}

} // namespace hm::app
