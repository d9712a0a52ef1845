#include "widgets/ServerErrorText.h"

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
                            const QString &dataDir, const QJsonObject &details)
{
    if (is(code, hm::ErrorCode::NetworkError)) {
        const QString tls = details.value(QStringLiteral("tls")).toString();
        // Short: the fingerprints are in the server's message (the details
        // line or tooltip under it).
        if (tls == QLatin1String("fingerprint_mismatch"))
            return QCoreApplication::translate(
                "ServerErrorText", "the server's certificate is not the one pinned for it");
        if (tls == QLatin1String("untrusted"))
            return QCoreApplication::translate("ServerErrorText",
                                               "the server's TLS certificate is not trusted");
    }
    return describeServerError(code, serverMessage, dataDir);
}

QString describeServerError(const QString &code, const QString &serverMessage,
                            const QString &dataDir)
{
    const QString dir = QDir::toNativeSeparators(dataDir);
    using hm::ErrorCode;
    if (dataDir.isEmpty()) {
        if (is(code, ErrorCode::DataDirInUse))
            return QCoreApplication::translate(
                "ServerErrorText", "another HiveMind server is using the server's data directory");
        if (is(code, ErrorCode::DbKeyInvalid))
            return QCoreApplication::translate(
                "ServerErrorText", "the master key does not open the server's database");
        if (is(code, ErrorCode::DbCorrupt))
            return QCoreApplication::translate(
                "ServerErrorText", "the server's database is damaged; restore it from a backup");
    }
    if (is(code, ErrorCode::DataDirInUse))
        return QCoreApplication::translate("ServerErrorText",
                                           "another HiveMind server is using the data directory %1")
            .arg(dir);
    if (is(code, ErrorCode::PortInUse))
        return QCoreApplication::translate("ServerErrorText",
                                           "the port to listen on is taken by another program");
    if (is(code, ErrorCode::DbKeyInvalid))
        return QCoreApplication::translate("ServerErrorText",
                                           "the master key does not open the database in %1")
            .arg(dir);
    if (is(code, ErrorCode::DbCorrupt))
        return QCoreApplication::translate(
                   "ServerErrorText", "the database in %1 is damaged; restore it from a backup")
            .arg(dir);
    if (is(code, ErrorCode::MasterKeyNotConfigured))
        return QCoreApplication::translate("ServerErrorText", "no master key is configured");
    if (is(code, ErrorCode::NetworkError))
        return QCoreApplication::translate("ServerErrorText", "the server cannot be reached");
    if (is(code, ErrorCode::Timeout))
        return QCoreApplication::translate("ServerErrorText", "the server did not answer in time");
    if (is(code, ErrorCode::ServiceUnavailable))
        return QCoreApplication::translate("ServerErrorText",
                                           "the server is not available right now");
    // Any other code of the catalogue has its sentence too.
    bool known = false;
    const ErrorCode parsed = hm::errorCodeFromName(code, &known);
    if (known)
        return describeApiError(hm::Error{parsed, serverMessage, {}});
    return serverMessage.isEmpty() ? code : serverMessage;
}

QString describeApiError(const hm::Error &error)
{
    using hm::ErrorCode;
    if (error.code == ErrorCode::ValidationError &&
        error.details.value(QStringLiteral("reason")).toString() ==
            QLatin1String("PRIVATE_ADDRESS"))
        return QCoreApplication::translate(
                   "ServerErrorText",
                   "%1 is on a private network (%2), which the server may not reach for "
                   "users; an administrator can allow it under Settings, \"Requests the "
                   "server makes\"")
            .arg(error.details.value(QStringLiteral("host")).toString(),
                 error.details.value(QStringLiteral("address")).toString());
    // A node's agent refused a remote operation: its reason is details.code.
    const QString agentReason = error.details.value(QStringLiteral("code")).toString();
    if (agentReason == QLatin1String("PROTECTED_PROCESS"))
        return QCoreApplication::translate("ServerErrorText",
                                           "this process is protected (pid 1 or the agent itself)");
    if (agentReason == QLatin1String("PERMISSION_DENIED"))
        return QCoreApplication::translate(
            "ServerErrorText", "the agent's user is not allowed to signal this process");
    if (agentReason == QLatin1String("PROCESS_NOT_FOUND"))
        return QCoreApplication::translate("ServerErrorText", "the process has already ended");
    // A node's files (docs/api.md "Node files"), and FileTransfer's own.
    static const struct
    {
        const char *reason;
        const char *text;
    } kFileReasons[] = {
        {"PATH_INVALID", QT_TRANSLATE_NOOP("ServerErrorText", "the path is not valid")},
        {"PATH_OUTSIDE_ROOT",
         QT_TRANSLATE_NOOP("ServerErrorText", "the path leads outside the shared folder")},
        {"SYMLINK_REFUSED",
         QT_TRANSLATE_NOOP("ServerErrorText", "the path goes through a symbolic link")},
        {"HARD_LINK_REFUSED",
         QT_TRANSLATE_NOOP("ServerErrorText",
                           "the file has other hard links, so the agent leaves it alone")},
        {"READ_ONLY_ROOT",
         QT_TRANSLATE_NOOP("ServerErrorText", "this folder is read only on the node")},
        {"NO_FILE_ROOTS",
         QT_TRANSLATE_NOOP("ServerErrorText", "the node's agent shares no folders")},
        {"UNKNOWN_ROOT",
         QT_TRANSLATE_NOOP("ServerErrorText", "the node's agent no longer shares this folder")},
        {"NOT_FOUND",
         QT_TRANSLATE_NOOP("ServerErrorText", "the file or folder does not exist (any more)")},
        {"ALREADY_EXISTS",
         QT_TRANSLATE_NOOP("ServerErrorText", "a file or folder of that name already exists")},
        {"NOT_TEXT",
         QT_TRANSLATE_NOOP("ServerErrorText",
                           "the file is not UTF-8 text; download it instead")},
        {"TOO_LARGE", QT_TRANSLATE_NOOP("ServerErrorText", "the file is too large for this")},
        {"NOT_A_DIRECTORY", QT_TRANSLATE_NOOP("ServerErrorText", "that is not a folder")},
        {"IS_A_DIRECTORY", QT_TRANSLATE_NOOP("ServerErrorText", "that is a folder")},
        {"NOT_A_FILE", QT_TRANSLATE_NOOP("ServerErrorText", "only files can be downloaded")},
        {"CHECKSUM_MISMATCH",
         QT_TRANSLATE_NOOP("ServerErrorText",
                           "the bytes that arrived do not match the file (checksum); nothing "
                           "was written")},
        {"UPLOAD_NOT_FOUND",
         QT_TRANSLATE_NOOP("ServerErrorText", "the node no longer knows this upload")},
        {"LOCAL_READ_FAILED",
         QT_TRANSLATE_NOOP("ServerErrorText", "the file on this computer could not be read")},
        {"LOCAL_WRITE_FAILED",
         QT_TRANSLATE_NOOP("ServerErrorText", "the file on this computer could not be written")},
        {"LOCAL_FILE_CHANGED",
         QT_TRANSLATE_NOOP("ServerErrorText", "the file on this computer changed while it was read")},
        {"INCOMPLETE",
         QT_TRANSLATE_NOOP("ServerErrorText", "the download ended before its last byte")},
    };
    for (const auto &file : kFileReasons)
        if (agentReason == QLatin1String(file.reason))
            return QCoreApplication::translate("ServerErrorText", file.text);
    if (error.code == ErrorCode::Forbidden &&
        error.details.contains(QStringLiteral("capability")))
        return QCoreApplication::translate(
            "ServerErrorText", "you have no grant for this on the node; ask an administrator");
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
    case ErrorCode::InvalidCredentials:
        return QCoreApplication::translate("ServerErrorText",
                                           "the user name, e-mail address or password is wrong");
    case ErrorCode::ResourceNotFound:
        return QCoreApplication::translate(
            "ServerErrorText", "what was asked for does not exist, or you may not see it");
    case ErrorCode::ResourceAlreadyExists:
        return QCoreApplication::translate("ServerErrorText",
                                           "an item with this name already exists");
    case ErrorCode::InternalError:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server met an internal error; try again, and read "
                                           "the server log if it happens again");
    case ErrorCode::MaintenanceMode:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server is in maintenance mode; try again later");
    case ErrorCode::EmailNotVerified:
        return QCoreApplication::translate("ServerErrorText",
                                           "the account's e-mail address is not verified yet");
    case ErrorCode::AccountLocked:
        return QCoreApplication::translate(
            "ServerErrorText",
            "the account is locked after too many failed sign-ins; try again later");
    case ErrorCode::AccountSuspended:
        return QCoreApplication::translate("ServerErrorText",
                                           "the account is suspended; ask an administrator");
    case ErrorCode::EmailExists:
        return QCoreApplication::translate("ServerErrorText",
                                           "an account with this e-mail address already exists");
    case ErrorCode::InvalidPassword:
        return QCoreApplication::translate(
            "ServerErrorText", "the password does not meet the server's password policy");
    case ErrorCode::PasswordMismatch:
        return QCoreApplication::translate("ServerErrorText", "the two passwords do not match");
    case ErrorCode::CurrentPasswordWrong:
        return QCoreApplication::translate("ServerErrorText", "the current password is wrong");
    case ErrorCode::PasswordChangeRequired:
        return QCoreApplication::translate(
            "ServerErrorText", "your password must be changed first: sign out and sign in again");
    case ErrorCode::CapabilityDisabled:
        return QCoreApplication::translate(
            "ServerErrorText", "the node's agent does not allow this (its own config decides)");
    case ErrorCode::NodeOffline:
        return QCoreApplication::translate("ServerErrorText",
                                           "the node's agent is not connected right now");
    case ErrorCode::ReauthenticationRequired:
        return QCoreApplication::translate(
            "ServerErrorText", "confirm your password or a 2FA code first, then try again");
    case ErrorCode::VerificationTokenExpired:
        return QCoreApplication::translate("ServerErrorText",
                                           "the verification link has expired; ask for a new one");
    case ErrorCode::UserNotFound:
        return QCoreApplication::translate("ServerErrorText", "the user does not exist");
    case ErrorCode::ComponentNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the component is not installed on the server");
    case ErrorCode::InvalidFlowDefinition:
        return QCoreApplication::translate("ServerErrorText",
                                           "the flow definition is not valid; see its problems");
    case ErrorCode::InvalidInputMapping:
        return QCoreApplication::translate("ServerErrorText",
                                           "an input mapping of the flow is not valid");
    case ErrorCode::ComponentUnavailable:
        return QCoreApplication::translate(
            "ServerErrorText", "the component is installed but cannot be used right now");
    case ErrorCode::ExecutionTimeout:
        return QCoreApplication::translate("ServerErrorText",
                                           "the execution ran longer than its time limit");
    case ErrorCode::CredentialNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the credential does not exist, or you may not see it");
    case ErrorCode::CredentialAccessDenied:
        return QCoreApplication::translate("ServerErrorText", "you may not use this credential");
    case ErrorCode::InvalidCredentialType:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server does not know this type of credential");
    case ErrorCode::CredentialInUse:
        return QCoreApplication::translate(
            "ServerErrorText", "the credential is still used by flows; remove it from them first");
    case ErrorCode::DecryptionError:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server could not decrypt the stored data");
    case ErrorCode::MasterKeyNotConfigured:
        return QCoreApplication::translate("ServerErrorText", "no master key is configured");
    case ErrorCode::ShareNotFound:
        return QCoreApplication::translate("ServerErrorText", "the share does not exist");
    case ErrorCode::ShareAccessDenied:
        return QCoreApplication::translate("ServerErrorText",
                                           "you may not change how this is shared");
    case ErrorCode::CannotShareToSelf:
        return QCoreApplication::translate("ServerErrorText", "you cannot share with yourself");
    case ErrorCode::AlreadyShared:
        return QCoreApplication::translate("ServerErrorText",
                                           "this is already shared with that user");
    case ErrorCode::InvalidPermission:
        return QCoreApplication::translate("ServerErrorText", "the permission is not valid");
    case ErrorCode::ServiceNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the external service does not exist");
    case ErrorCode::EndpointNotFound:
        return QCoreApplication::translate("ServerErrorText",
                                           "the external service has no such endpoint");
    case ErrorCode::SchemaParseError:
        return QCoreApplication::translate(
            "ServerErrorText", "the external service's API description could not be read");
    case ErrorCode::ServiceAuthFailed:
        return QCoreApplication::translate("ServerErrorText",
                                           "the external service refused the credentials");
    case ErrorCode::PayloadTooLarge:
        return QCoreApplication::translate("ServerErrorText",
                                           "the request is larger than the server accepts");
    case ErrorCode::DbError:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server's database reported an error");
    case ErrorCode::DbBusy:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server's database is busy; try again in a moment");
    case ErrorCode::CryptoSelfTestFailed:
        return QCoreApplication::translate(
            "ServerErrorText", "the server's encryption self-test failed, so it does not run");
    case ErrorCode::EncryptionError:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server could not encrypt the data");
    case ErrorCode::KeyNotFound:
        return QCoreApplication::translate(
            "ServerErrorText", "the encryption key of this data is missing on the server");
    case ErrorCode::MethodNotAllowed:
        return QCoreApplication::translate(
            "ServerErrorText",
            "the server does not support this request; it may be older than the console");
    case ErrorCode::IoError:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server could not read or write a file");
    case ErrorCode::BadRequest:
        return QCoreApplication::translate("ServerErrorText",
                                           "the server could not read the request");
    case ErrorCode::Conflict:
        return QCoreApplication::translate(
            "ServerErrorText", "someone else changed this meanwhile; reload it and try again");
    // Servers before RANGE_NOT_SATISFIABLE sent these as VALIDATION_ERROR:
    // the same words as before.
    case ErrorCode::RangeNotSatisfiable:
    case ErrorCode::ValidationError:
        if (error.details.value(QStringLiteral("field")).toString() == QLatin1String("from"))
            return QCoreApplication::translate(
                "ServerErrorText",
                "only the history still holds this execution, so it can only be re-run "
                "from the start");
        return QCoreApplication::translate(
            "ServerErrorText", "the server refused the values entered; check them and try again");
    case ErrorCode::DataDirInUse:
    case ErrorCode::PortInUse:
    case ErrorCode::DbKeyInvalid:
    case ErrorCode::DbCorrupt:
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
    case ErrorCode::ServiceUnavailable:
        return describeServerError(hm::errorCodeName(error.code), error.message, {}, error.details);
    }
    return error.message.isEmpty() ? error.codeName() : error.message;
}

QString describeApiErrorSentence(const hm::Error &error)
{
    QString text = describeApiError(error).trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text.at(0).toUpper();
    // A CJK translation ends with its own full stop (。) or none; Latin
    // text gets the ASCII one.
    const QChar last = text.back();
    if (!last.isPunct())
        text += last.unicode() >= 0x2E80 ? QChar(0x3002) : QChar(u'.');
    return text;
}

QString serverErrorDetail(const QString &code, const QString &serverMessage)
{
    if (code.isEmpty())
        return serverMessage;
    if (serverMessage.isEmpty() || serverMessage == code)
        return code;
    return code + QStringLiteral(": ") + serverMessage;
}

bool isRetryableError(const QString &code)
{
    using hm::ErrorCode;
    for (const ErrorCode retryable :
         {ErrorCode::NetworkError, ErrorCode::Timeout, ErrorCode::ServiceUnavailable,
          ErrorCode::MaintenanceMode, ErrorCode::DbBusy, ErrorCode::RateLimitExceeded,
          ErrorCode::InternalError, ErrorCode::PortInUse, ErrorCode::DataDirInUse,
          ErrorCode::IoError}) {
        if (is(code, retryable))
            return true;
    }
    return false;
}
