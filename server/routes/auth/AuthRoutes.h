#pragma once

namespace hm::server {
class ApiRouter;
}

namespace hm::server::auth {

struct AuthModule;

// /api/v1/auth/*, /api/v1/users/me*, /api/v1/users* (admin). The "me" routes
// win over /users/{id} as literal paths (in any order of registration).
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
