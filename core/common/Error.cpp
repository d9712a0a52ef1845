#include "common/Error.h"

#include <array>

namespace hm {
namespace {

struct CatalogueEntry
{
    ErrorCode code;
    const char *name;
    int httpStatus;
};

// Order follows the enum; checked at start of lookups by index.
constexpr CatalogueEntry kCatalogue[] = {
    {ErrorCode::InvalidCredentials, "INVALID_CREDENTIALS", 401},
    {ErrorCode::TokenExpired, "TOKEN_EXPIRED", 401},
    {ErrorCode::TokenInvalid, "TOKEN_INVALID", 401},
    {ErrorCode::InsufficientPermissions, "INSUFFICIENT_PERMISSIONS", 403},
    {ErrorCode::ResourceNotFound, "RESOURCE_NOT_FOUND", 404},
    {ErrorCode::ResourceAlreadyExists, "RESOURCE_ALREADY_EXISTS", 409},
    {ErrorCode::ValidationError, "VALIDATION_ERROR", 422},
    {ErrorCode::RateLimitExceeded, "RATE_LIMIT_EXCEEDED", 429},
    {ErrorCode::InternalError, "INTERNAL_ERROR", 500},
    {ErrorCode::ServiceUnavailable, "SERVICE_UNAVAILABLE", 503},
    {ErrorCode::MaintenanceMode, "MAINTENANCE_MODE", 503},
    {ErrorCode::InvalidToken, "INVALID_TOKEN", 401},
    {ErrorCode::RefreshTokenExpired, "REFRESH_TOKEN_EXPIRED", 401},
    {ErrorCode::EmailNotVerified, "EMAIL_NOT_VERIFIED", 403},
    {ErrorCode::AccountLocked, "ACCOUNT_LOCKED", 403},
    {ErrorCode::AccountSuspended, "ACCOUNT_SUSPENDED", 403},
    {ErrorCode::EmailExists, "EMAIL_EXISTS", 409},
    {ErrorCode::InvalidPassword, "INVALID_PASSWORD", 400},
    {ErrorCode::PasswordMismatch, "PASSWORD_MISMATCH", 400},
    {ErrorCode::CurrentPasswordWrong, "CURRENT_PASSWORD_WRONG", 400},
    {ErrorCode::VerificationTokenExpired, "VERIFICATION_TOKEN_EXPIRED", 400},
    {ErrorCode::UserNotFound, "USER_NOT_FOUND", 404},
    {ErrorCode::Unauthorized, "UNAUTHORIZED", 401},
    {ErrorCode::Forbidden, "FORBIDDEN", 403},
    {ErrorCode::FlowNotFound, "FLOW_NOT_FOUND", 404},
    {ErrorCode::FlowVersionNotFound, "FLOW_VERSION_NOT_FOUND", 404},
    {ErrorCode::ExecutionNotFound, "EXECUTION_NOT_FOUND", 404},
    {ErrorCode::ComponentNotFound, "COMPONENT_NOT_FOUND", 404},
    {ErrorCode::ConcurrentDenied, "CONCURRENT_DENIED", 409},
    {ErrorCode::ExecutionAlreadyCancelled, "EXECUTION_ALREADY_CANCELLED", 409},
    {ErrorCode::ExecutionAlreadyCompleted, "EXECUTION_ALREADY_COMPLETED", 409},
    {ErrorCode::InvalidFlowDefinition, "INVALID_FLOW_DEFINITION", 400},
    {ErrorCode::InvalidInputMapping, "INVALID_INPUT_MAPPING", 400},
    {ErrorCode::ComponentUnavailable, "COMPONENT_UNAVAILABLE", 503},
    {ErrorCode::ExecutionTimeout, "EXECUTION_TIMEOUT", 408},
    {ErrorCode::CredentialNotFound, "CREDENTIAL_NOT_FOUND", 404},
    {ErrorCode::CredentialAccessDenied, "CREDENTIAL_ACCESS_DENIED", 403},
    {ErrorCode::InvalidCredentialType, "INVALID_CREDENTIAL_TYPE", 400},
    {ErrorCode::CredentialInUse, "CREDENTIAL_IN_USE", 409},
    {ErrorCode::DecryptionError, "DECRYPTION_ERROR", 500},
    {ErrorCode::MasterKeyNotConfigured, "MASTER_KEY_NOT_CONFIGURED", 500},
    {ErrorCode::ShareNotFound, "SHARE_NOT_FOUND", 404},
    {ErrorCode::ShareAccessDenied, "SHARE_ACCESS_DENIED", 403},
    {ErrorCode::CannotShareToSelf, "CANNOT_SHARE_TO_SELF", 400},
    {ErrorCode::AlreadyShared, "ALREADY_SHARED", 409},
    {ErrorCode::InvalidPermission, "INVALID_PERMISSION", 400},
    {ErrorCode::ServiceNotFound, "SERVICE_NOT_FOUND", 404},
    {ErrorCode::EndpointNotFound, "ENDPOINT_NOT_FOUND", 404},
    {ErrorCode::SchemaParseError, "SCHEMA_PARSE_ERROR", 400},
    {ErrorCode::ServiceAuthFailed, "SERVICE_AUTH_FAILED", 401},
    {ErrorCode::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413},
    {ErrorCode::DbKeyInvalid, "DB_KEY_INVALID", 500},
    {ErrorCode::DbCorrupt, "DB_CORRUPT", 500},
    {ErrorCode::DbError, "DB_ERROR", 500},
    {ErrorCode::DbBusy, "DB_BUSY", 503},
    {ErrorCode::CryptoSelfTestFailed, "CRYPTO_SELF_TEST_FAILED", 500},
    {ErrorCode::EncryptionError, "ENCRYPTION_ERROR", 500},
    {ErrorCode::KeyNotFound, "KEY_NOT_FOUND", 404},
    {ErrorCode::PortInUse, "PORT_IN_USE", 500},
    {ErrorCode::DataDirInUse, "DATA_DIR_IN_USE", 409},
    {ErrorCode::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405},
    {ErrorCode::IoError, "IO_ERROR", 500},
    {ErrorCode::NetworkError, "NETWORK_ERROR", 502},
    {ErrorCode::BadRequest, "BAD_REQUEST", 400},
    {ErrorCode::Timeout, "TIMEOUT", 504},
    {ErrorCode::Conflict, "CONFLICT", 409},
    {ErrorCode::PasswordChangeRequired, "PASSWORD_CHANGE_REQUIRED", 403},
    {ErrorCode::CapabilityDisabled, "CAPABILITY_DISABLED", 403},
    {ErrorCode::NodeOffline, "NODE_OFFLINE", 409},
    {ErrorCode::ReauthenticationRequired, "REAUTHENTICATION_REQUIRED", 401},
    {ErrorCode::RangeNotSatisfiable, "RANGE_NOT_SATISFIABLE", 416},
};

const CatalogueEntry &entryFor(ErrorCode code)
{
    const auto index = static_cast<std::size_t>(code);
    if (index < std::size(kCatalogue) && kCatalogue[index].code == code)
        return kCatalogue[index];
    for (const auto &entry : kCatalogue) {
        if (entry.code == code)
            return entry;
    }
    return kCatalogue[static_cast<std::size_t>(ErrorCode::InternalError)];
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(entryFor(code).name);
}

int errorCodeHttpStatus(ErrorCode code)
{
    return entryFor(code).httpStatus;
}

ErrorCode errorCodeFromName(const QString &name, bool *known)
{
    for (const auto &entry : kCatalogue) {
        if (name == QLatin1String(entry.name)) {
            if (known)
                *known = true;
            return entry.code;
        }
    }
    if (known)
        *known = false;
    return ErrorCode::InternalError;
}

QString Error::toString() const
{
    return codeName() + QStringLiteral(": ") + message;
}

} // namespace hm
