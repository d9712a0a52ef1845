#pragma once

namespace hm::server {
class ApiRouter;
}

namespace hm::server::auth {

struct AuthModule;
class AccountMailer;

// /api/v1/auth/*, /api/v1/users/me*, /api/v1/users* (admin). The "me" routes
// win over /users/{id} as literal paths (in any order of registration).
void registerAuthRoutes(ApiRouter &router, AuthModule &auth);

// The parts, one file each.
void registerLoginRoutes(ApiRouter &router, AuthModule &auth);
void registerAccountRoutes(ApiRouter &router, AuthModule &auth);
void registerTwoFactorRoutes(ApiRouter &router, AuthModule &auth);
void registerApiKeyRoutes(ApiRouter &router, AuthModule &auth);
void registerUserAdminRoutes(ApiRouter &router, AuthModule &auth);
// Account e-mail: forgot/reset password, e-mail verification, public
// settings, the SMTP settings (AccountMailRoutes.cpp, described there).
void registerAccountMailRoutes(ApiRouter &router, AuthModule &auth, AccountMailer &mailer);
// Summaries and schemas of all of the above (AuthRouteDocs.cpp).
void describeAuthRoutes(ApiRouter &router);

} // namespace hm::server::auth
