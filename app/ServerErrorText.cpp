#include "ServerErrorText.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <QDir>

namespace {

bool is(const QString &code, hm::ErrorCode known)
{
    return code == hm::errorCodeName(known);
}

} // namespace

QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir)
{
    const QString dir = QDir::toNativeSeparators(dataDir);
    using hm::ErrorCode;
    if (is(code, ErrorCode::DataDirInUse))
        return QCoreApplication::translate("ServerErrorText", "another HiveMind server is using the data directory %1").arg(dir);
    if (is(code, ErrorCode::PortInUse))
        return QCoreApplication::translate("ServerErrorText", "the port to listen on is taken by another program");
    if (is(code, ErrorCode::DbKeyInvalid))
        return QCoreApplication::translate("ServerErrorText", "the master key does not open the database in %1").arg(dir);
    if (is(code, ErrorCode::DbCorrupt))
        return QCoreApplication::translate("ServerErrorText", "the database in %1 is damaged; restore it from a backup").arg(dir);
    if (is(code, ErrorCode::MasterKeyNotConfigured))
        return QCoreApplication::translate("ServerErrorText", "no master key is configured");
    if (is(code, ErrorCode::NetworkError))
        return QCoreApplication::translate("ServerErrorText", "the server cannot be reached");
    if (is(code, ErrorCode::Timeout))
        return QCoreApplication::translate("ServerErrorText", "the server did not answer in time");
    if (is(code, ErrorCode::ServiceUnavailable))
        return QCoreApplication::translate("ServerErrorText", "the server is not available right now");
    return serverMessage.isEmpty() ? code : serverMessage;
}

QString describeApiError(const hm::Error &error)
{
    using hm::ErrorCode;
    switch (error.code) {
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenExpired:
    case ErrorCode::TokenInvalid:
    case ErrorCode::InvalidToken:
    case ErrorCode::RefreshTokenExpired:
        return QCoreApplication::translate(
            "ServerErrorText", "you are not signed in to this server, or your session has ended");
    case ErrorCode::Forbidden:
    case ErrorCode::InsufficientPermissions:
        return QCoreApplication::translate("ServerErrorText",
                                           "you are not allowed to do this with this flow");
    case ErrorCode::ExecutionNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the execution does not exist, or you may not see it");
    case ErrorCode::FlowNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the flow does not exist, or you may not see it");
    case ErrorCode::FlowVersionNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "that version of the flow does not exist");
    case ErrorCode::ExecutionAlreadyCompleted:
        return QCoreApplication::translate("ServerErrorText", "the execution has already ended");
    case ErrorCode::ExecutionAlreadyCancelled:
        return QCoreApplication::translate("ServerErrorText",
                                           "the execution is already being cancelled");
    case ErrorCode::ConcurrentDenied:
        return QCoreApplication::translate(
            "ServerErrorText",
            "the flow is already running and its settings allow no second run at the same "
            "time");
    case ErrorCode::RateLimitExceeded:
        return QCoreApplication::translate("ServerErrorText",
                                           "too many requests; try again in a moment");
    case ErrorCode::ValidationError:
        if (error.details.value(QStringLiteral("field")).toString() == QLatin1String("from"))
            return QCoreApplication::translate(
                "ServerErrorText",
                "only the history still holds this execution, so it can only be re-run "
                "from the start");
        break;
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
    case ErrorCode::ServiceUnavailable:
        return describeServerError(hm::errorCodeName(error.code), error.message, {});
    default:
        break;
    }
    return error.message.isEmpty() ? error.codeName() : error.message;
}
