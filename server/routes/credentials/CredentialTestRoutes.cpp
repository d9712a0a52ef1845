// POST /api/v1/credentials/{id}/test (seed 003 §13.4): only the owner or an
// administrator may test a credential, since the test sends its secret to a
// URL of the caller's choosing. The answer says how the check went and
// never carries a secret (CredentialTester).

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/credentials/CredentialRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/credentials/CredentialTester.h"
#include "server/services/credentials/CredentialVault.h"

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using credentials::CredentialTester;
using credentials::CredentialVault;
using Method = http::Method;

namespace {

ApiReply testCredential(auth::AuthModule &auth, CredentialVault &vault, CredentialTester &tester,
                        const RequestContext &c, const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(url, auth::optionalString(body.value(), QStringLiteral("url")));
    HM_TRY(row, vault.getForChange(p, c.pathArgs.at(0)));
    HM_TRY(data, vault.open(row.value()));
    const DeferredReply reply = c.defer();
    const auth::ClientInfo client = auth::clientInfo(c);
    const credentials::CredentialRow credential = row.value();
    tester.test(credential.type, data.value(), url.value(),
                [reply, &auth, p, client, credential](Result<QJsonObject> outcome) {
                    if (!outcome)
                        return reply.send(ApiReply::failure(outcome.error()));
                    QJsonObject details{{QStringLiteral("name"), credential.name},
                                        {QStringLiteral("type"), credential.type},
                                        {QStringLiteral("success"),
                                         outcome.value().value(QStringLiteral("success"))}};
                    if (outcome.value().contains(QStringLiteral("http_status")))
                        details.insert(QStringLiteral("http_status"),
                                       outcome.value().value(QStringLiteral("http_status")));
                    auth::auditAction(auth.db, client, p.userId,
                                      QStringLiteral("CREDENTIAL_TESTED"),
                                      QStringLiteral("credential"), credential.id, details);
                    reply.send(ApiReply::ok(outcome.value()));
                });
    return ApiReply::deferred();
}

} // namespace

void registerCredentialTestRoutes(ApiRouter &router, auth::AuthModule &auth, CredentialVault &vault)
{
    auto *tester = new CredentialTester(&router);
    tester->setOutboundPolicy(outbound::OutboundPolicy(&auth.db));
    RouteDoc doc;
    doc.summary = QStringLiteral(
        "Test a credential: basic, bearer and api_key against the URL given, oauth2 by "
        "fetching a token (the answer never holds a secret)");
    doc.tag = QStringLiteral("Credentials");
    doc.errors = {ErrorCode::CredentialNotFound, ErrorCode::CredentialAccessDenied,
                  ErrorCode::InvalidCredentialType, ErrorCode::DecryptionError,
                  ErrorCode::ServiceUnavailable};
    doc.requestSchema = object(
        {{QStringLiteral("url"), string(QStringLiteral("http or https URL the credential is sent "
                                                       "to (basic, bearer, api_key)"))}});
    doc.responseSchema =
        object({{QStringLiteral("success"), boolean()},
                {QStringLiteral("message"), string()},
                {QStringLiteral("http_status"), integer()},
                {QStringLiteral("error"),
                 string(QStringLiteral("database: why the sign-in failed, when the driver says: "
                                       "SERVICE_AUTH_FAILED or NETWORK_ERROR"))},
                {QStringLiteral("duration_ms"), integer()}},
               {QStringLiteral("success"), QStringLiteral("message")});
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/credentials/{id}/test"), Role::User,
        [&auth, &vault, tester](const RequestContext &c, const Principal &p) {
            return testCredential(auth, vault, *tester, c, p);
        },
        std::move(doc));
}

} // namespace hm::server
