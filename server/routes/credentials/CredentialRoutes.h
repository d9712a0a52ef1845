#pragma once

namespace hm::server {

class ApiRouter;
namespace auth {
struct AuthModule;
}
namespace credentials {
class CredentialVault;
class CredentialRotation;
} // namespace credentials

// The credential vault's routes (docs/vault.md), one file each:
// /api/v1/credentials and /api/v1/credentials/{id} (CredentialRoutes.cpp);
void registerCredentialRoutes(ApiRouter &router, auth::AuthModule &auth,
                              credentials::CredentialVault &vault);
// /api/v1/credentials/rotate-key and /api/v1/credentials/key-status, admin
// only (CredentialKeyRoutes.cpp);
void registerCredentialKeyRoutes(ApiRouter &router, auth::AuthModule &auth,
                                 credentials::CredentialRotation &rotation);
// POST /api/v1/credentials/{id}/test (CredentialTestRoutes.cpp).
void registerCredentialTestRoutes(ApiRouter &router, auth::AuthModule &auth,
                                  credentials::CredentialVault &vault);

} // namespace hm::server
