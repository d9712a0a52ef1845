#include "server/routes/auth/AuthRoutes.h"

namespace hm::server::auth {

void registerAuthRoutes(ApiRouter &router, AuthModule &auth)
{
    registerLoginRoutes(router, auth);
    registerTwoFactorRoutes(router, auth);
    registerApiKeyRoutes(router, auth);
    registerAccountRoutes(router, auth);
    registerUserAdminRoutes(router, auth);
    describeAuthRoutes(router);
}

} // namespace hm::server::auth
