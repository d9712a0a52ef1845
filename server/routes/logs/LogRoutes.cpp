#include "server/api/ApiRouter.h"
#include "server/api/CsvField.h"
#include "server/api/ExportReply.h"
#include "server/api/PagedReply.h"
#include "server/api/QueryParams.h"
#include "server/api/RouteHelpers.h"
#include "server/routes/AdminRoutes.h"
#include "server/services/auth/AuthModule.h"
#include "server/services/system/LogBuffer.h"

#include <QJsonDocument>

namespace hm::server {
namespace {

using namespace schema;

// A record id parameter: absent, or a whole number >= 0.
Result<std::optional<qint64>> parseRecordId(const QUrlQuery &query, const QString &name)
{
    const QString text = queryValue(query, name);
    if (text.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id < 0)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("%1 must be a record id (a whole number >= 0)").arg(name),
                     {{QStringLiteral("field"), name}}};
    return std::optional<qint64>(id);
}

Result<LogBuffer::Filter> parseLogFilter(const QUrlQuery &query)
{
    LogBuffer::Filter filter;
    const QString level = queryValue(query, QStringLiteral("level"));
    if (!level.isEmpty()) {
        const auto parsed = parseLevel(level);
        if (!parsed)
            return Error{ErrorCode::ValidationError,
                         QStringLiteral("level must be DEBUG, INFO, WARN, ERROR or CRITICAL"),
                         {{QStringLiteral("field"), QStringLiteral("level")}}};
        filter.minSeverity = *parsed;
    }
    auto from = parseTime(query, {QStringLiteral("from"), QStringLiteral("start_time")});
    if (!from)
        return from.error();
    auto to = parseTime(query, {QStringLiteral("to"), QStringLiteral("end_time")});
    if (!to)
        return to.error();
    filter.from = from.value();
    filter.to = to.value();
    filter.module = queryValue(query, QStringLiteral("module"));
    filter.search = queryValue(query, QStringLiteral("search"));
    filter.requestId = queryValue(query, QStringLiteral("request_id"));
    auto afterId = parseRecordId(query, QStringLiteral("after_id"));
    if (!afterId)
        return afterId.error();
    filter.afterId = afterId.value().value_or(0);
    auto beforeId = parseRecordId(query, QStringLiteral("before_id"));
    if (!beforeId)
        return beforeId.error();
    filter.beforeId = beforeId.value();
    return filter;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const BufferedLog &log)
{
    const logging::LogRecord &r = log.record;
    return {{QStringLiteral("id"), log.id},
            {QStringLiteral("level"), levelName(r.type)},
            {QStringLiteral("message"), r.message},
            {QStringLiteral("module"), r.category},
            {QStringLiteral("request_id"),
             r.requestId.isEmpty() ? QJsonValue() : QJsonValue(r.requestId)},
            {QStringLiteral("timestamp"), isoTime(r.time)}};
}

ApiReply exportLogs(const QList<BufferedLog> &logs, const QString &format)
{
    QByteArray body;
    QByteArray contentType;
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const BufferedLog &log : logs)
            array.append(toJson(log));
        body = QJsonDocument(array).toJson(QJsonDocument::Indented);
        contentType = "application/json";
    } else if (format == QLatin1String("csv")) {
        QString text = QStringLiteral("id,timestamp,level,module,request_id,message\r\n");
        for (const BufferedLog &log : logs) {
            const logging::LogRecord &r = log.record;
            text += QString::number(log.id) + u',' + isoTime(r.time) + u',' + levelName(r.type) +
                    u',' + csvField(r.category) + u',' + csvField(r.requestId) + u',' +
                    csvField(r.message) + QStringLiteral("\r\n");
        }
        body = text.toUtf8();
        contentType = "text/csv; charset=utf-8";
    } else {
        QString text;
        for (const BufferedLog &log : logs) {
            const logging::LogRecord &r = log.record;
            text +=
                isoTime(r.time) + u' ' + levelName(r.type) + u' ' + r.category +
                (r.requestId.isEmpty() ? QString() : QStringLiteral(" [") + r.requestId + u']') +
                QStringLiteral(": ") + r.message + u'\n';
        }
        body = text.toUtf8();
        contentType = "text/plain; charset=utf-8";
    }
    return exportReply(body, contentType, QStringLiteral("logs"), format);
}

QJsonArray logFilterParameters()
{
    return {query(QStringLiteral("level"),
                  enumOf({QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARN"),
                          QStringLiteral("ERROR"), QStringLiteral("CRITICAL")}),
                  QStringLiteral("minimum level")),
            query(QStringLiteral("from"), string(), QStringLiteral("ISO-8601 (alias start_time)")),
            query(QStringLiteral("to"), string(), QStringLiteral("ISO-8601 (alias end_time)")),
            query(QStringLiteral("module"), string(),
                  QStringLiteral("logging category or a parent, e.g. hivemind.server")),
            query(QStringLiteral("search"), string(), QStringLiteral("substring, any case")),
            query(QStringLiteral("request_id"), string()),
            query(QStringLiteral("after_id"), integer(),
                  QStringLiteral("only records with a greater id (poll for a live tail)")),
            query(QStringLiteral("before_id"), integer(),
                  QStringLiteral("only records with a smaller id: the next page after the "
                                 "oldest record shown, steady while new records arrive"))};
}

} // namespace

void registerLogRoutes(ApiRouter &router, auth::AuthModule &auth)
{
    RouteDoc list;
    list.tag = QStringLiteral("logs");
    list.summary = QStringLiteral("Recent server log records (in-memory, newest first, masked)");
    list.queryParameters = paging();
    for (const QJsonValue &p : logFilterParameters())
        list.queryParameters.append(p);
    list.responseSchema =
        object({{QStringLiteral("logs"),
                 arrayOf(object({{QStringLiteral("id"), integer()},
                                 {QStringLiteral("level"), string()},
                                 {QStringLiteral("message"), string()},
                                 {QStringLiteral("module"), string()},
                                 {QStringLiteral("request_id"), nullable(string())},
                                 {QStringLiteral("timestamp"), string()}}))},
                {QStringLiteral("pagination"), pagination()}});
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/logs"), auth::Role::Admin,
        [](const RequestContext &c, const auth::Principal &) {
            const QUrlQuery query = c.request.query();
            HM_TRY(paging, parsePaging(query));
            HM_TRY(filter, parseLogFilter(query));
            const QList<BufferedLog> logs = LogBuffer::instance().select(filter.value());
            QJsonArray page;
            for (qsizetype i = paging.value().offset();
                 i < logs.size() && page.size() < paging.value().size; ++i)
                page.append(toJson(logs.at(i)));
            return pagedReply(page, paging.value(), logs.size(), QStringLiteral("logs"));
        },
        list);

    RouteDoc exported;
    exported.tag = QStringLiteral("logs");
    exported.summary =
        QStringLiteral("Download the matching log records as json, csv or txt (attachment)");
    exported.queryParameters = logFilterParameters();
    exported.queryParameters.prepend(
        query(QStringLiteral("format"),
              enumOf({QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("txt")})));
    exported.contentType = "application/octet-stream";
    auth::addProtectedRoute(
        router, auth, http::Method::Get, QStringLiteral("/api/v1/logs/export"), auth::Role::Admin,
        [](const RequestContext &c, const auth::Principal &) {
            const QUrlQuery query = c.request.query();
            const QString format = queryValue(query, QStringLiteral("format")).toLower();
            if (format != QLatin1String("json") && format != QLatin1String("csv") &&
                format != QLatin1String("txt"))
                return ApiReply::failure(
                    Error{ErrorCode::ValidationError,
                          QStringLiteral("format must be json, csv or txt"),
                          {{QStringLiteral("field"), QStringLiteral("format")}}});
            HM_TRY(filter, parseLogFilter(query));
            return exportLogs(LogBuffer::instance().select(filter.value()), format);
        },
        exported);
}

} // namespace hm::server
