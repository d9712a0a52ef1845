#pragma once

namespace hm::server {
class ApiRouter;
}

namespace hm::server::auth {

struct AuthModule;

// /api/v1/auth/*, /api/v1/users/me*, /api/v1/users* (admin). "me" routes are
// registered before /users/{id} so the literal path wins.
void registerAuthRoutes(ApiRouter &router, AuthModule &auth);

// The parts, one file each.
void registerLoginRoutes(ApiRouter &router, AuthModule &auth);
void registerAccountRoutes(ApiRouter &router, AuthModule &auth);
void registerTwoFactorRoutes(ApiRouter &router, AuthModule &auth);
void registerApiKeyRoutes(ApiRouter &router, AuthModule &auth);
void registerUserAdminRoutes(ApiRouter &router, AuthModule &auth);
// Summaries and schemas of all of the above (AuthRouteDocs.cpp).
void describeAuthRoutes(ApiRouter &router);

} // namespace hm::server::auth
