#include "server/ws/CloseCodes.h"

namespace hm::server::ws {

CloseCode closeCodeFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Unauthorized:
    case ErrorCode::TokenInvalid:
    case ErrorCode::TokenExpired:
        return kCloseUnauthorized;
    case ErrorCode::Forbidden:
    case ErrorCode::AccountSuspended:
    case ErrorCode::InsufficientPermissions:
    case ErrorCode::PasswordChangeRequired:
    case ErrorCode::CapabilityDisabled:
    case ErrorCode::ReauthenticationRequired:
        return kCloseForbidden;
    case ErrorCode::ExecutionNotFound:
    case ErrorCode::FlowNotFound:
    case ErrorCode::ResourceNotFound:
        return kCloseNotFound;
    case ErrorCode::RateLimitExceeded:
        return kCloseRateLimited;
    default:
        return kCloseInternal;
    }
}

QString closeReason(const QString &text)
{
    constexpr qsizetype kMaxBytes = 123;
    QString reason = text;
    while (reason.toUtf8().size() > kMaxBytes)
        reason.chop(reason.size() > 1 && reason.at(reason.size() - 1).isLowSurrogate() ? 2 : 1);
    return reason;
}

} // namespace hm::server::ws
