// The credential vault (seed 003 §13.4): /api/v1/credentials*. Write-only:
// no answer, log line or audit entry of these routes carries a secret
// value; lists and details show the non-secret fields and which secret
// fields are set (CredentialVault::credentialJson).

#include "server/routes/credentials/CredentialRoutes.h"

#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteAudit.h"
#include "server/api/RouteHelpers.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/credentials/CredentialVault.h"

#include <QJsonArray>

namespace hm::server {

using namespace schema;
using auth::Principal;
using auth::Role;
using credentials::CredentialVault;
using Method = http::Method;

namespace {

const QString kCredentialResource = QStringLiteral("credential");

// Every audit row of a credential names it and its type (never a secret).
QJsonObject credentialDetails(const credentials::CredentialRow &row, QJsonObject details = {})
{
    details.insert(QStringLiteral("name"), row.name);
    details.insert(QStringLiteral("type"), row.type);
    return details;
}

// After the commit: the consoles' Credentials lists follow (docs/vault.md).
// Only the id goes out; each console reads the credential again as its user.
void publishCredential(auth::AuthModule &auth, const QString &type,
                       const credentials::CredentialRow &row, bool wasShared = false)
{
    auth.events.publish({type,
                         {{QStringLiteral("credential_id"), row.id}},
                         true,
                         row.ownerId,
                         wasShared || credentials::visibleToEveryone(row.visibility)});
}

ApiReply createCredential(auth::AuthModule &auth, CredentialVault &vault, const RequestContext &c,
                          const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    HM_TRY(row, vault.create(p, body.value()));
    auth::auditAction(
        auth.db, c, p.userId, QStringLiteral("CREDENTIAL_CREATED"), kCredentialResource,
        row.value().id,
        credentialDetails(row.value(), {{QStringLiteral("visibility"), row.value().visibility}}));
    publishCredential(auth, QStringLiteral("credential_created"), row.value());
    return ApiReply::ok(credentials::credentialJson(row.value()), 201);
}

ApiReply listCredentials(auth::AuthModule &auth, const RequestContext &c, const Principal &p)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(search, parseSearch(query));
    repositories::CredentialListFilter filter{queryValue(query, QStringLiteral("type")),
                                              search.value()};
    if (!filter.type.isEmpty() && !credentials::fieldsOf(filter.type))
        return ApiReply::failure(
            Error{ErrorCode::InvalidCredentialType,
                  QStringLiteral("type must be one of: %1")
                      .arg(credentials::credentialTypes().join(QStringLiteral(", "))),
                  {{QStringLiteral("field"), QStringLiteral("type")}}});
    HM_TRY(page, repositories::listCredentials(auth.db, p.userId, p.role == Role::Admin, filter,
                                               paging.value()));
    QJsonArray items;
    for (const credentials::CredentialRow &row : std::as_const(page.value().items))
        items.append(credentials::credentialJson(row));
    return pagedReply(items, paging.value(), page.value().total);
}

ApiReply getCredential(CredentialVault &vault, const RequestContext &c, const Principal &p)
{
    HM_TRY(row, vault.get(p, c.pathArgs.at(0)));
    return ApiReply::ok(credentials::credentialJson(row.value()));
}

ApiReply updateCredential(auth::AuthModule &auth, CredentialVault &vault, const RequestContext &c,
                          const Principal &p)
{
    HM_TRY(body, c.jsonObject());
    QStringList changed;
    // Who saw it before the change hears of it too (shared -> private).
    HM_TRY(before, vault.get(p, c.pathArgs.at(0)));
    HM_TRY(row, vault.update(p, c.pathArgs.at(0), body.value(), &changed));
    if (!changed.isEmpty()) {
        auth::auditAction(auth.db, c, p.userId, QStringLiteral("CREDENTIAL_UPDATED"),
                          kCredentialResource, row.value().id,
                          credentialDetails(row.value(), {{QStringLiteral("changed"),
                                                           QJsonArray::fromStringList(changed)}}));
        publishCredential(auth, QStringLiteral("credential_updated"), row.value(),
                          credentials::visibleToEveryone(before.value().visibility));
    }
    return ApiReply::ok(credentials::credentialJson(row.value()));
}

ApiReply deleteCredential(auth::AuthModule &auth, CredentialVault &vault, const RequestContext &c,
                          const Principal &p)
{
    HM_TRY(row, vault.remove(p, c.pathArgs.at(0)));
    auth::auditAction(auth.db, c, p.userId, QStringLiteral("CREDENTIAL_DELETED"),
                      kCredentialResource, row.value().id, credentialDetails(row.value()));
    publishCredential(auth, QStringLiteral("credential_deleted"), row.value());
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("id"), row.value().id}, {QStringLiteral("deleted"), true}});
}

// Who uses a credential the caller may see (credential_usages): services
// linking it, paged like the other lists.
ApiReply credentialUsagesReply(auth::AuthModule &auth, CredentialVault &vault,
                               const RequestContext &c, const Principal &p)
{
    HM_TRY(paging, parsePaging(c.request.query()));
    HM_TRY(row, vault.get(p, c.pathArgs.at(0)));
    HM_TRY(page, repositories::listCredentialUsages(auth.db, row.value().id, paging.value()));
    QJsonArray items;
    for (const repositories::CredentialUsage &usage : std::as_const(page.value().items))
        items.append(
            QJsonObject{{QStringLiteral("type"), usage.userType},
                        {QStringLiteral("id"), usage.userId},
                        {QStringLiteral("name"),
                         usage.userName.isEmpty() ? QJsonValue() : QJsonValue(usage.userName)},
                        {QStringLiteral("created_at"), auth::isoOrNull(usage.createdAt)}});
    return pagedReply(items, paging.value(), page.value().total);
}

const QString kCredentialsTag = QStringLiteral("Credentials");

QJsonObject typeSchema()
{
    return enumOf(credentials::credentialTypes());
}

// The non-secret fields of every type, and which secret fields are set.
QJsonObject credentialSchema()
{
    return object(
        {{QStringLiteral("id"), string()},
         {QStringLiteral("name"), string()},
         {QStringLiteral("description"), nullable(string())},
         {QStringLiteral("type"), typeSchema()},
         {QStringLiteral("visibility"), enumOf(credentials::credentialVisibilities())},
         {QStringLiteral("owner_id"), string()},
         {QStringLiteral("owner_name"), nullable(string())},
         {QStringLiteral("data"), object({{QStringLiteral("username"), string()},
                                          {QStringLiteral("in"), enumOf({QStringLiteral("header"),
                                                                         QStringLiteral("query")})},
                                          {QStringLiteral("name"), string()},
                                          {QStringLiteral("prefix"), string()},
                                          {QStringLiteral("clientId"), string()},
                                          {QStringLiteral("tokenUrl"), string()},
                                          {QStringLiteral("scopes"), arrayOf(string())},
                                          {QStringLiteral("host"), string()},
                                          {QStringLiteral("port"), integer()},
                                          {QStringLiteral("database"), string()},
                                          {QStringLiteral("driver"), string()},
                                          {QStringLiteral("hostKey"), string()}})},
         {QStringLiteral("secret_fields"), object({{QStringLiteral("password"), boolean()},
                                                   {QStringLiteral("token"), boolean()},
                                                   {QStringLiteral("key"), boolean()},
                                                   {QStringLiteral("clientSecret"), boolean()},
                                                   {QStringLiteral("privateKey"), boolean()},
                                                   {QStringLiteral("passphrase"), boolean()}})},
         {QStringLiteral("created_at"), string()},
         {QStringLiteral("updated_at"), string()}},
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("type"),
         QStringLiteral("visibility"), QStringLiteral("data"), QStringLiteral("secret_fields")});
}

// The type's fields, secret ones included (they go in, never out).
QJsonObject dataSchema()
{
    return object({});
}

} // namespace

void registerCredentialRoutes(ApiRouter &router, auth::AuthModule &auth, CredentialVault &vault)
{
    const QString dataNote = QStringLiteral(
        "The type's fields (docs/vault.md): http_basic {username, password}; http_bearer "
        "{token}; api_key {key, in: header|query, name, prefix}; oauth2 {clientId, "
        "clientSecret, tokenUrl, scopes}; database {host, port, database, username, password, "
        "driver: postgresql|mysql}; ssh {host, port, username, privateKey, passphrase, hostKey: "
        "SHA256:… fingerprint to pin}");
    QJsonObject data = dataSchema();
    data.insert(QStringLiteral("description"), dataNote);

    RouteDoc createDoc =
        routeDoc(kCredentialsTag,
                 QStringLiteral("Store a credential (secret fields are write-only)"),
                 {ErrorCode::InvalidCredentialType})
            .status(201);
    createDoc.requestSchema =
        object({{QStringLiteral("name"), string()},
                {QStringLiteral("description"), nullable(string())},
                {QStringLiteral("type"), typeSchema()},
                {QStringLiteral("visibility"), enumOf(credentials::credentialVisibilities())},
                {QStringLiteral("data"), data}},
               {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("data")});
    createDoc.responseSchema = credentialSchema();
    auth::addProtectedRoute(
        router, auth, Method::Post, QStringLiteral("/api/v1/credentials"), Role::User,
        [&auth, &vault](const RequestContext &c, const Principal &p) {
            return createCredential(auth, vault, c, p);
        },
        std::move(createDoc));

    RouteDoc listDoc =
        routeDoc(kCredentialsTag,
                 QStringLiteral("Credentials the caller may see (own, shared and workspace; "
                                "administrators: all)"),
                 {ErrorCode::InvalidCredentialType});
    listDoc.queryParameters = paging();
    listDoc.queryParameters.append(query(QStringLiteral("type"), typeSchema()));
    listDoc.queryParameters.append(
        query(QStringLiteral("search"), string(), QStringLiteral("Part of the name, any case")));
    listDoc.responseSchema = object({{QStringLiteral("items"), arrayOf(credentialSchema())},
                                     {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/credentials"), Role::Viewer,
        [&auth](const RequestContext &c, const Principal &p) {
            return listCredentials(auth, c, p);
        },
        std::move(listDoc));

    RouteDoc getDoc =
        routeDoc(kCredentialsTag, QStringLiteral("One credential, without its secrets"),
                 {ErrorCode::CredentialNotFound});
    getDoc.responseSchema = credentialSchema();
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/credentials/{id}"), Role::Viewer,
        [&vault](const RequestContext &c, const Principal &p) {
            return getCredential(vault, c, p);
        },
        std::move(getDoc));

    RouteDoc usagesDoc =
        routeDoc(kCredentialsTag,
                 QStringLiteral("What uses a credential (services linking it), the same list "
                                "CREDENTIAL_IN_USE names when a delete is refused"),
                 {ErrorCode::CredentialNotFound});
    usagesDoc.queryParameters = paging();
    usagesDoc.responseSchema =
        object({{QStringLiteral("items"),
                 arrayOf(object({{QStringLiteral("type"),
                                  string(QStringLiteral("what uses it: service, ..."))},
                                 {QStringLiteral("id"), string()},
                                 {QStringLiteral("name"), nullable(string())},
                                 {QStringLiteral("created_at"), nullable(string())}},
                                {QStringLiteral("type"), QStringLiteral("id")}))},
                {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, Method::Get, QStringLiteral("/api/v1/credentials/{id}/usages"), Role::Viewer,
        [&auth, &vault](const RequestContext &c, const Principal &p) {
            return credentialUsagesReply(auth, vault, c, p);
        },
        std::move(usagesDoc));

    RouteDoc updateDoc = routeDoc(
        kCredentialsTag,
        QStringLiteral("Change a credential: each data field given replaces the stored one, "
                       "null clears it, absent fields are kept"),
        {ErrorCode::CredentialNotFound, ErrorCode::CredentialAccessDenied,
         ErrorCode::DecryptionError});
    updateDoc.requestSchema =
        object({{QStringLiteral("name"), string()},
                {QStringLiteral("description"), nullable(string())},
                {QStringLiteral("visibility"), enumOf(credentials::credentialVisibilities())},
                {QStringLiteral("data"), data}});
    updateDoc.responseSchema = credentialSchema();
    auth::addProtectedRoute(
        router, auth, Method::Put, QStringLiteral("/api/v1/credentials/{id}"), Role::User,
        [&auth, &vault](const RequestContext &c, const Principal &p) {
            return updateCredential(auth, vault, c, p);
        },
        std::move(updateDoc));

    RouteDoc deleteDoc =
        routeDoc(kCredentialsTag,
                 QStringLiteral("Delete a credential (CREDENTIAL_IN_USE lists what still uses it)"),
                 {ErrorCode::CredentialNotFound, ErrorCode::CredentialAccessDenied,
                  ErrorCode::CredentialInUse});
    deleteDoc.responseSchema =
        object({{QStringLiteral("id"), string()}, {QStringLiteral("deleted"), boolean()}});
    auth::addProtectedRoute(
        router, auth, Method::Delete, QStringLiteral("/api/v1/credentials/{id}"), Role::User,
        [&auth, &vault](const RequestContext &c, const Principal &p) {
            return deleteCredential(auth, vault, c, p);
        },
        std::move(deleteDoc));
}

} // namespace hm::server
