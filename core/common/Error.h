#pragma once

#include <QJsonObject>
#include <QString>

namespace hm {

// The error catalogue: the union of seed 001's table and seed 003's appendix A,
// plus the codes HiveMind adds for its own store and start-up. Each code has
// one HTTP status; the API layer never invents its own.
enum class ErrorCode
{
    // seed 001
    InvalidCredentials,
    TokenExpired,
    TokenInvalid,
    InsufficientPermissions,
    ResourceNotFound,
    ResourceAlreadyExists,
    ValidationError,
    RateLimitExceeded,
    InternalError,
    ServiceUnavailable,
    MaintenanceMode,
    // seed 003, authentication
    InvalidToken,
    RefreshTokenExpired,
    EmailNotVerified,
    AccountLocked,
    AccountSuspended,
    EmailExists,
    InvalidPassword,
    PasswordMismatch,
    CurrentPasswordWrong,
    VerificationTokenExpired,
    UserNotFound,
    Unauthorized,
    Forbidden,
    // seed 003, flows
    FlowNotFound,
    FlowVersionNotFound,
    ExecutionNotFound,
    ComponentNotFound,
    ConcurrentDenied,
    ExecutionAlreadyCancelled,
    ExecutionAlreadyCompleted,
    InvalidFlowDefinition,
    InvalidInputMapping,
    ComponentUnavailable,
    ExecutionTimeout,
    // seed 003, credentials
    CredentialNotFound,
    CredentialAccessDenied,
    InvalidCredentialType,
    CredentialInUse,
    DecryptionError,
    MasterKeyNotConfigured,
    // seed 003, sharing
    ShareNotFound,
    ShareAccessDenied,
    CannotShareToSelf,
    AlreadyShared,
    InvalidPermission,
    // seed 003, external services
    ServiceNotFound,
    EndpointNotFound,
    SchemaParseError,
    ServiceAuthFailed,
    // HiveMind
    PayloadTooLarge,
    DbKeyInvalid,
    DbCorrupt,
    DbError,
    DbBusy,
    CryptoSelfTestFailed,
    EncryptionError,
    KeyNotFound,
    PortInUse,
    // Another server process holds the data directory's lock.
    DataDirInUse,
    MethodNotAllowed,
    IoError,
    NetworkError,
    // An HTTP request the server cannot read: malformed request line or
    // header, head above 64 KiB, unsupported transfer coding or version.
    BadRequest,
    // A request or connection that did not finish in time (seed 003's node
    // error code TIMEOUT; the API client's per-request timeout).
    Timeout,
    // Optimistic concurrency: a write based on a flow revision or version
    // that is no longer the current one (another client changed the flow
    // since); nothing was stored. details name the current state.
    Conflict,
    // The account signs in with a password somebody else chose (the
    // generated first administrator's, an administrator's reset): until
    // it is changed, only the caller's own account routes answer.
    PasswordChangeRequired,
    // Remote operations (issue 38): the agent's own config does not grant
    // the capability a request needs (refused by the agent, or by the
    // server from what the agent reported).
    CapabilityDisabled,
    // The node's agent is not connected: nothing was asked of it.
    NodeOffline,
    // A dangerous action (opening a terminal) needs the password or a TOTP
    // code entered within the last few minutes.
    ReauthenticationRequired,
    // A download's Range (or offset) starts past the end (RFC 9110's 416).
    RangeNotSatisfiable,
};

// "INVALID_CREDENTIALS", "DB_KEY_INVALID", ...
QString errorCodeName(ErrorCode code);
// HTTP status of the code in the catalogue.
int errorCodeHttpStatus(ErrorCode code);
// Parses a wire name back into a code; InternalError for unknown names.
ErrorCode errorCodeFromName(const QString &name, bool *known = nullptr);

// A fallible call's failure: a catalogue code, a message for people (already
// translated where it reaches a UI) and optional machine-readable details.
struct Error
{
    ErrorCode code = ErrorCode::InternalError;
    QString message;
    QJsonObject details;

    QString codeName() const { return errorCodeName(code); }
    int httpStatus() const { return errorCodeHttpStatus(code); }
    // "CODE: message", for logs and test diagnostics.
    QString toString() const;
};

} // namespace hm
