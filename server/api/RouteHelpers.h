#pragma once

#include "server/api/ApiRouter.h"
#include "server/services/auth/TokenService.h"

// Tiny helpers shared by the auth route files.
namespace hm::server::auth {

inline ClientInfo clientInfo(const RequestContext &context)
{
    return {context.clientIp(), QString::fromUtf8(context.header("User-Agent"))};
}

// Unwraps a Result inside a route handler: on failure answer its error.
#define HM_TRY(var, expr)                                                                          \
    auto var = (expr);                                                                             \
    if (!var)                                                                                      \
        return ::hm::server::ApiReply::failure(var.error());

#define HM_TRY_STATUS(expr)                                                                        \
    if (::hm::Status hmStatus_ = (expr); !hmStatus_)                                               \
        return ::hm::server::ApiReply::failure(hmStatus_.error());

} // namespace hm::server::auth
