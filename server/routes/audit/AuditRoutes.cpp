#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QVariant>

namespace hm::server {
namespace {

using namespace schema;

Result<repositories::AuditFilter> parseAuditFilter(const QUrlQuery &query)
{
    repositories::AuditFilter filter;
    filter.userId = queryValue(query, QStringLiteral("user_id"));
    filter.action = queryValue(query, QStringLiteral("action")).toUpper();
    filter.resourceType = queryValue(query, QStringLiteral("resource_type"));
    filter.beforeId = queryValue(query, QStringLiteral("before_id"));
    auto from = parseTime(query, {QStringLiteral("from"), QStringLiteral("start_time")});
    if (!from)
        return from.error();
    auto to = parseTime(query, {QStringLiteral("to"), QStringLiteral("end_time")});
    if (!to)
        return to.error();
    if (from.value().isValid())
        filter.fromMs = from.value().toMSecsSinceEpoch();
    if (to.value().isValid())
        filter.toMs = to.value().toMSecsSinceEpoch();
    return filter;
}

QJsonValue nullable(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

ApiReply listAudit(store::Database &database, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(filter, parseAuditFilter(query));
    HM_TRY(page, repositories::listAudit(database, filter.value(), paging.value()));
    QJsonArray rows;
    for (const repositories::AuditRow &row : std::as_const(page.value().items))
        rows.append(QJsonObject{
            {QStringLiteral("id"), row.id},
            {QStringLiteral("user_id"), nullable(row.userId)},
            {QStringLiteral("username"), nullable(row.username)},
            {QStringLiteral("action"), row.action},
            {QStringLiteral("resource_type"), nullable(row.resourceType)},
            {QStringLiteral("resource_id"), nullable(row.resourceId)},
            {QStringLiteral("ip_address"), nullable(row.ipAddress)},
            {QStringLiteral("user_agent"), nullable(row.userAgent)},
            {QStringLiteral("details"), QJsonDocument::fromJson(row.details.toUtf8()).object()},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)}});
    return ApiReply::ok(QJsonObject{
        {QStringLiteral("audit_logs"), rows},
        {QStringLiteral("pagination"), paginationJson(paging.value(), page.value().total)}});
}

} // namespace

void registerAuditRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &database)
{
    RouteDoc doc;
    doc.tag = QStringLiteral("audit");
    doc.summary = QStringLiteral("Audit trail, newest first (filters combine with AND)");
    doc.queryParameters = paging();
    doc.queryParameters.append(query(QStringLiteral("user_id"), string()));
    doc.queryParameters.append(
        query(QStringLiteral("action"), string(), QStringLiteral("e.g. LOGIN, LOGIN_FAILED")));
    doc.queryParameters.append(query(QStringLiteral("resource_type"), string()));
    doc.queryParameters.append(query(QStringLiteral("from"), string(),
                                     QStringLiteral("ISO-8601, inclusive (alias start_time)")));
    doc.queryParameters.append(query(QStringLiteral("to"), string(),
                                     QStringLiteral("ISO-8601, inclusive (alias end_time)")));
    doc.queryParameters.append(
        query(QStringLiteral("before_id"), string(),
              QStringLiteral("only entries listed after this one (id of the last entry shown, "
                             "also once deleted): the next page, steady while new entries are "
                             "written")));
    doc.responseSchema =
        object({{QStringLiteral("audit_logs"),
                 arrayOf(object({{QStringLiteral("id"), string()},
                                 {QStringLiteral("user_id"), schema::nullable(string())},
                                 {QStringLiteral("username"), schema::nullable(string())},
                                 {QStringLiteral("action"), string()},
                                 {QStringLiteral("resource_type"), schema::nullable(string())},
                                 {QStringLiteral("resource_id"), schema::nullable(string())},
                                 {QStringLiteral("ip_address"), schema::nullable(string())},
                                 {QStringLiteral("user_agent"), schema::nullable(string())},
                                 {QStringLiteral("details"), object({})},
                                 {QStringLiteral("created_at"), string()}}))},
                {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/audit"), auth::Role::Admin,
        [&database](const RequestContext &c, const auth::Principal &) {
            return listAudit(database, c);
        },
        doc);
}

} // namespace hm::server
