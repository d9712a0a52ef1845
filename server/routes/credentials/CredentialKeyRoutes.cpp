// Rotation of the CREDENTIAL data key (docs/vault.md "Key rotation"),
// administrators only: POST /api/v1/credentials/rotate-key starts it and
// answers once the new version is committed; the re-encryption runs in the
// background and GET /api/v1/credentials/key-status shows its progress.

#include "server/api/ApiRouter.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/credentials/CredentialRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/credentials/CredentialRotation.h"

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using credentials::CredentialRotation;
using Method = http::Method;

namespace {

ApiReply rotateKey(auth::AuthModule &auth, CredentialRotation &rotation, const RequestContext &c,
                   const Principal &p)
{
    int previous = 0;
    HM_TRY(version, rotation.rotate(&previous));
    auth::auditAction(auth.db, c, p.userId, QStringLiteral("CREDENTIAL_KEY_ROTATED"),
                      QStringLiteral("data_encryption_key"), QStringLiteral("CREDENTIAL"),
                      {{QStringLiteral("previous_version"), previous},
                       {QStringLiteral("version"), version.value()}});
    HM_TRY(status, rotation.status());
    return ApiReply::ok(status.value(), 202);
}

ApiReply keyStatus(CredentialRotation &rotation)
{
    HM_TRY(status, rotation.status());
    return ApiReply::ok(status.value());
}

QJsonObject statusSchema()
{
    const QStringList states{QStringLiteral("idle"), QStringLiteral("running"),
                             QStringLiteral("unfinished")};
    return object(
        {{QStringLiteral("purpose"), string()},
         {QStringLiteral("active_version"), integer()},
         {QStringLiteral("keys"),
          arrayOf(object({{QStringLiteral("version"), integer()},
                          {QStringLiteral("status"),
                           enumOf({QStringLiteral("ACTIVE"), QStringLiteral("DECRYPT_ONLY"),
                                   QStringLiteral("RETIRED")})},
                          {QStringLiteral("created_at"), nullable(string())},
                          {QStringLiteral("retired_at"), nullable(string())},
                          {QStringLiteral("credentials"),
                           integer(QStringLiteral("credentials sealed under this version"))}}))},
         {QStringLiteral("rotation"),
          object({{QStringLiteral("state"), enumOf(states)},
                  {QStringLiteral("total"), integer()},
                  {QStringLiteral("reencrypted"), integer()},
                  {QStringLiteral("failed"), integer()},
                  {QStringLiteral("remaining"),
                   integer(QStringLiteral("credentials not yet under the active version"))},
                  {QStringLiteral("batch_size"), integer()},
                  {QStringLiteral("started_at"), nullable(string())},
                  {QStringLiteral("finished_at"), nullable(string())},
                  {QStringLiteral("error"), nullable(string())}})}});
}

} // namespace

void registerCredentialKeyRoutes(ApiRouter &router, auth::AuthModule &auth,
                                 CredentialRotation &rotation)
{
    RouteDoc rotateDoc;
    rotateDoc.summary =
        QStringLiteral("Rotate the credential data key: a new ACTIVE version now, every credential "
                       "re-encrypted in the background, then the old versions RETIRED");
    rotateDoc.tag = QStringLiteral("Credentials");
    rotateDoc.errors = {ErrorCode::Conflict};
    rotateDoc.successStatus = 202;
    rotateDoc.responseSchema = statusSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/credentials/rotate-key"), Role::Admin,
        [&auth, &rotation](const RequestContext &c, const Principal &p) {
            return rotateKey(auth, rotation, c, p);
        },
        std::move(rotateDoc));

    RouteDoc statusDoc;
    statusDoc.summary =
        QStringLiteral("The credential data key's versions and the rotation's progress");
    statusDoc.tag = QStringLiteral("Credentials");
    statusDoc.responseSchema = statusSchema();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/credentials/key-status"), Role::Admin,
        [&rotation](const RequestContext &, const Principal &) { return keyStatus(rotation); },
        std::move(statusDoc));
}

} // namespace hm::server
