#include "server/routes/AdminRoutes.h"
#include "server/api/ApiRouter.h"
#include "server/api/QueryParams.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuthModule.h"
#include "server/api/RouteHelpers.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QVariant>

namespace hm::server {
namespace {

using namespace schema;

struct AuditQuery
{
    QString where; // " WHERE …" or empty
    QVariantList binds;
};

Result<AuditQuery> buildQuery(const QUrlQuery &query)
{
    QStringList conditions;
    AuditQuery result;
    for (const auto &[param, column] :
         {std::pair{QStringLiteral("user_id"), QStringLiteral("a.user_id")},
          std::pair{QStringLiteral("action"), QStringLiteral("a.action")},
          std::pair{QStringLiteral("resource_type"), QStringLiteral("a.resource_type")}}) {
        QString value = queryValue(query, param);
        if (value.isEmpty())
            continue;
        if (param == QLatin1String("action"))
            value = value.toUpper();
        conditions.append(column + QStringLiteral(" = ?"));
        result.binds.append(value);
    }
    auto from = parseTime(query, {QStringLiteral("from"), QStringLiteral("start_time")});
    if (!from)
        return from.error();
    auto to = parseTime(query, {QStringLiteral("to"), QStringLiteral("end_time")});
    if (!to)
        return to.error();
    if (from.value().isValid()) {
        conditions.append(QStringLiteral("a.created_at >= ?"));
        result.binds.append(from.value().toMSecsSinceEpoch());
    }
    if (to.value().isValid()) {
        conditions.append(QStringLiteral("a.created_at <= ?"));
        result.binds.append(to.value().toMSecsSinceEpoch());
    }
    if (!conditions.isEmpty())
        result.where = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return result;
}

QJsonValue nullable(const store::Statement &s, int column)
{
    return s.isNull(column) ? QJsonValue() : QJsonValue(s.text(column));
}

ApiReply listAudit(store::Database &database, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(filter, buildQuery(query));

    HM_TRY(count, database.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_logs a") +
                                   filter.value().where));
    for (int i = 0; i < filter.value().binds.size(); ++i)
        count.value().bind(i + 1, filter.value().binds.at(i));
    HM_TRY(counted, count.value().step());
    const qint64 total = counted.value() ? count.value().int64(0) : 0;
    count.value().reset();

    HM_TRY(select,
           database.prepare(
               QStringLiteral("SELECT a.id, a.user_id, u.username, a.action, a.resource_type, "
                              "a.resource_id, a.ip_address, a.user_agent, a.details, a.created_at "
                              "FROM audit_logs a LEFT JOIN users u ON u.id = a.user_id") +
               filter.value().where +
               QStringLiteral(" ORDER BY a.created_at DESC, a.rowid DESC LIMIT ? OFFSET ?")));
    store::Statement &s = select.value();
    const int n = static_cast<int>(filter.value().binds.size());
    for (int i = 0; i < n; ++i)
        s.bind(i + 1, filter.value().binds.at(i));
    s.bind(n + 1, paging.value().size).bind(n + 2, paging.value().offset());
    QJsonArray rows;
    while (true) {
        HM_TRY(row, s.step());
        if (!row.value())
            break;
        rows.append(QJsonObject{
            {QStringLiteral("id"), s.text(0)},
            {QStringLiteral("user_id"), nullable(s, 1)},
            {QStringLiteral("username"), nullable(s, 2)},
            {QStringLiteral("action"), s.text(3)},
            {QStringLiteral("resource_type"), nullable(s, 4)},
            {QStringLiteral("resource_id"), nullable(s, 5)},
            {QStringLiteral("ip_address"), nullable(s, 6)},
            {QStringLiteral("user_agent"), nullable(s, 7)},
            {QStringLiteral("details"), QJsonDocument::fromJson(s.text(8).toUtf8()).object()},
            {QStringLiteral("created_at"), auth::isoOrNull(s.int64(9))}});
    }
    s.reset();
    return ApiReply::ok(
        QJsonObject{{QStringLiteral("audit_logs"), rows},
                    {QStringLiteral("pagination"), paginationJson(paging.value(), total)}});
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
    doc.responseSchema = object({{QStringLiteral("audit_logs"),
                                  arrayOf(object({{QStringLiteral("id"), string()},
                                                  {QStringLiteral("user_id"), string()},
                                                  {QStringLiteral("username"), string()},
                                                  {QStringLiteral("action"), string()},
                                                  {QStringLiteral("resource_type"), string()},
                                                  {QStringLiteral("resource_id"), string()},
                                                  {QStringLiteral("ip_address"), string()},
                                                  {QStringLiteral("user_agent"), string()},
                                                  {QStringLiteral("details"), object({})},
                                                  {QStringLiteral("created_at"), string()}}))},
                                 {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/audit"),
        auth::Role::Admin,
        [&database](const RequestContext &c, const auth::Principal &) {
            return listAudit(database, c);
        },
        doc);
}

} // namespace hm::server
