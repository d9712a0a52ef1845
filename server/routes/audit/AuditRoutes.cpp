#include "common/LogFormatter.h"
#include "common/SensitiveDataMasker.h"
#include "server/api/ApiRouter.h"
#include "server/api/AuthCommon.h"
#include "server/api/CsvField.h"
#include "server/api/ExportReply.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/repositories/ListRepositories.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/auth/AuditActions.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/engine/TriggerAudit.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QVariant>
#include <algorithm>

namespace hm::server {
namespace {

using namespace schema;

// Most codes one `action` names (the console sends the codes whose
// translated name matches what was typed), and the longest code.
constexpr int kMaxActionCodes = 100;
constexpr int kMaxActionLength = 64;
// Most entries one export holds: the newest that match.
constexpr int kMaxExportEntries = 10000;

Result<repositories::AuditFilter> parseAuditFilter(const QUrlQuery &query)
{
    repositories::AuditFilter filter;
    filter.userId = queryValue(query, QStringLiteral("user_id"));
    const QStringList codes =
        queryValue(query, QStringLiteral("action")).toUpper().split(u',', Qt::SkipEmptyParts);
    for (const QString &code : codes) {
        if (!code.trimmed().isEmpty())
            filter.actions.append(code.trimmed());
    }
    if (filter.actions.size() > kMaxActionCodes ||
        std::any_of(filter.actions.cbegin(), filter.actions.cend(),
                    [](const QString &code) { return code.size() > kMaxActionLength; }))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("action must be at most %1 action codes of at most %2 "
                                    "characters, separated by commas")
                         .arg(kMaxActionCodes)
                         .arg(kMaxActionLength),
                     {{QStringLiteral("field"), QStringLiteral("action")}}};
    const Result<QString> contains = parseSearch(query, QStringLiteral("action_contains"));
    if (!contains)
        return contains.error();
    filter.actionContains = contains.value().trimmed();
    const QString category = queryValue(query, QStringLiteral("category")).toLower();
    if (!category.isEmpty()) {
        const std::optional<QStringList> prefixes = auth::auditCategoryPrefixes(category);
        if (!prefixes)
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("category must be one of %1")
                             .arg(auth::auditCategories().join(QStringLiteral(", "))),
                         {{QStringLiteral("field"), QStringLiteral("category")}}};
        filter.actionPrefixes = *prefixes;
    }
    filter.resourceType = queryValue(query, QStringLiteral("resource_type"));
    filter.resourceId = queryValue(query, QStringLiteral("resource_id"));
    // A node's entries (issue 38 item 11: remote actions, terminals, its
    // enrolment): the resource "node" with that id.
    const QString nodeId = queryValue(query, QStringLiteral("node_id"));
    if (!nodeId.isEmpty()) {
        if ((!filter.resourceType.isEmpty() && filter.resourceType != u"node") ||
            (!filter.resourceId.isEmpty() && filter.resourceId != nodeId))
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("node_id names the resource: leave resource_type and "
                                        "resource_id out, or give node and the same id"),
                         {{QStringLiteral("field"), QStringLiteral("node_id")}}};
        filter.resourceType = QStringLiteral("node");
        filter.resourceId = nodeId;
    }
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

// The entry's details as stored, with any value under a sensitive key
// masked: callers never put secrets there, and should one slip in it
// still never leaves the server.
QJsonObject detailsOf(const repositories::AuditRow &row)
{
    return SensitiveDataMasker::mask(QJsonDocument::fromJson(row.details.toUtf8()).object());
}

QJsonObject toJson(const repositories::AuditRow &row)
{
    return {{QStringLiteral("id"), row.id},
            {QStringLiteral("user_id"), nullable(row.userId)},
            {QStringLiteral("username"), nullable(row.username)},
            {QStringLiteral("action"), row.action},
            {QStringLiteral("category"), auth::auditCategoryOf(row.action)},
            {QStringLiteral("resource_type"), nullable(row.resourceType)},
            {QStringLiteral("resource_id"), nullable(row.resourceId)},
            {QStringLiteral("resource_name"), nullable(row.resourceName)},
            {QStringLiteral("ip_address"), nullable(row.ipAddress)},
            {QStringLiteral("user_agent"), nullable(row.userAgent)},
            {QStringLiteral("details"), detailsOf(row)},
            {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)}};
}

// The entries still in the audit outbox (the triggers': TriggerAuditLog) go
// into audit_logs before a reader looks: the list is never behind. The
// moves run on the history's writer, so the reply waits for them without
// holding the server's thread.
ApiReply afterCatchUp(TriggerAuditLog *outbox, const RequestContext &c,
                      std::function<ApiReply()> answer)
{
    if (!outbox)
        return answer();
    const DeferredReply reply = c.defer();
    outbox->catchUp(outbox, [reply, answer = std::move(answer)] { reply.send(answer()); });
    return ApiReply::deferred();
}

ApiReply listAudit(store::Database &database, TriggerAuditLog *outbox, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    HM_TRY(paging, parsePaging(query));
    HM_TRY(filter, parseAuditFilter(query));
    return afterCatchUp(
        outbox, c, [&database, paging = paging.value(), filter = filter.value()]() -> ApiReply {
            HM_TRY(page, repositories::listAudit(database, filter, paging));
            QJsonArray rows;
            for (const repositories::AuditRow &row : std::as_const(page.value().items))
                rows.append(toJson(row));
            return pagedReply(rows, paging, page.value().total, QStringLiteral("audit_logs"));
        });
}

QString text(const std::optional<QString> &value)
{
    return value.value_or(QString());
}

QString compact(const QJsonObject &object)
{
    return object.isEmpty()
               ? QString()
               : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray exportBody(const QList<repositories::AuditRow> &rows, const QString &format,
                      QByteArray *contentType)
{
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const repositories::AuditRow &row : rows)
            array.append(toJson(row));
        *contentType = "application/json";
        return QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    QString out;
    if (format == QLatin1String("csv")) {
        out = QStringLiteral("id,created_at,user_id,username,action,category,resource_type,"
                             "resource_id,ip_address,user_agent,details,resource_name\r\n");
        for (const repositories::AuditRow &row : rows) {
            const QStringList cells{row.id,
                                    auth::isoOrNull(row.createdAt).toString(),
                                    csvField(text(row.userId)),
                                    csvField(text(row.username)),
                                    csvField(row.action),
                                    auth::auditCategoryOf(row.action),
                                    csvField(text(row.resourceType)),
                                    csvField(text(row.resourceId)),
                                    csvField(text(row.ipAddress)),
                                    csvField(text(row.userAgent)),
                                    csvField(compact(detailsOf(row))),
                                    csvField(text(row.resourceName))};
            out += cells.join(u',') + QStringLiteral("\r\n");
        }
        *contentType = "text/csv; charset=utf-8";
        return out.toUtf8();
    }
    // One line an entry: "<time> <ACTION> user=<name or id> resource=<type>
    // <id> ip=<address> <details>", control characters written out so an
    // audited string cannot forge a line.
    for (const repositories::AuditRow &row : rows) {
        QString line = auth::isoOrNull(row.createdAt).toString() + u' ' + row.action;
        const QString user = row.username ? *row.username : text(row.userId);
        if (!user.isEmpty())
            line += QStringLiteral(" user=") + user;
        if (row.resourceType)
            line += QStringLiteral(" resource=") + *row.resourceType +
                    (row.resourceId ? u' ' + *row.resourceId : QString());
        if (row.ipAddress)
            line += QStringLiteral(" ip=") + *row.ipAddress;
        if (const QString details = compact(detailsOf(row)); !details.isEmpty())
            line += u' ' + details;
        out += logging::escapeControls(line) + u'\n';
    }
    *contentType = "text/plain; charset=utf-8";
    return out.toUtf8();
}

ApiReply exportAudit(store::Database &database, TriggerAuditLog *outbox, const RequestContext &c)
{
    const QUrlQuery query = c.request.query();
    const QString format = queryValue(query, QStringLiteral("format")).toLower();
    if (format != QLatin1String("json") && format != QLatin1String("csv") &&
        format != QLatin1String("txt"))
        return ApiReply::failure(Error{ErrorCode::ValidationError,
                                       QStringLiteral("format must be json, csv or txt"),
                                       {{QStringLiteral("field"), QStringLiteral("format")}}});
    HM_TRY(filter, parseAuditFilter(query));
    return afterCatchUp(outbox, c, [&database, format, filter = filter.value()]() -> ApiReply {
        HM_TRY(page, repositories::listAudit(database, filter, Paging{1, kMaxExportEntries}));
        QByteArray contentType;
        const QByteArray body = exportBody(page.value().items, format, &contentType);
        ApiReply reply = exportReply(body, contentType, QStringLiteral("audit"), format);
        // More matched than one export holds: the client can tell.
        reply.headers.append(
            {QByteArrayLiteral("X-Total-Count"), QByteArray::number(page.value().total)});
        return reply;
    });
}

QJsonArray auditFilterParameters()
{
    return {
        query(QStringLiteral("user_id"), string()),
        query(QStringLiteral("action"), string(),
              QStringLiteral("action codes, any case, separated by commas (any of them), e.g. "
                             "LOGIN,LOGIN_FAILED")),
        query(QStringLiteral("action_contains"), string(),
              QStringLiteral("part of the action code, any case (e.g. credential); with action, "
                             "an entry matching either")),
        query(QStringLiteral("category"), enumOf(auth::auditCategories()),
              QStringLiteral("the action's category (by its code's prefix)")),
        query(QStringLiteral("resource_type"), string()),
        query(QStringLiteral("resource_id"), string(),
              QStringLiteral("the resource's id (with resource_type for one object)")),
        query(QStringLiteral("node_id"), string(),
              QStringLiteral("a node's entries: short for resource_type=node&resource_id=…")),
        query(QStringLiteral("from"), string(),
              QStringLiteral("ISO-8601, inclusive (alias start_time)")),
        query(QStringLiteral("to"), string(),
              QStringLiteral("ISO-8601, inclusive (alias end_time)"))};
}

} // namespace

void registerAuditRoutes(ApiRouter &router, auth::AuthModule &auth, store::Database &database,
                         TriggerAuditLog *outbox)
{
    RouteDoc doc;
    doc.tag = QStringLiteral("audit");
    doc.summary = QStringLiteral("Audit trail, newest first (filters combine with AND)");
    doc.queryParameters = paging();
    for (const QJsonValue &p : auditFilterParameters())
        doc.queryParameters.append(p);
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
                                 {QStringLiteral("category"), string()},
                                 {QStringLiteral("resource_type"), schema::nullable(string())},
                                 {QStringLiteral("resource_id"), schema::nullable(string())},
                                 {QStringLiteral("resource_name"), schema::nullable(string())},
                                 {QStringLiteral("ip_address"), schema::nullable(string())},
                                 {QStringLiteral("user_agent"), schema::nullable(string())},
                                 {QStringLiteral("details"), object({})},
                                 {QStringLiteral("created_at"), string()}}))},
                {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/audit"), auth::Role::Admin,
        [&database, outbox](const RequestContext &c, const auth::Principal &) {
            return listAudit(database, outbox, c);
        },
        doc);

    RouteDoc exported;
    exported.tag = QStringLiteral("audit");
    exported.summary = QStringLiteral(
        "Download the matching audit entries (newest first, at most 10000; X-Total-Count says "
        "how many matched) as json, csv or txt (attachment)");
    exported.queryParameters = auditFilterParameters();
    exported.queryParameters.prepend(
        query(QStringLiteral("format"),
              enumOf({QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("txt")})));
    exported.contentType = "application/octet-stream";
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/audit/export"), auth::Role::Admin,
        [&database, outbox](const RequestContext &c, const auth::Principal &) {
            return exportAudit(database, outbox, c);
        },
        exported);
}

} // namespace hm::server
