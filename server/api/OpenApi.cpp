#include "server/api/OpenApi.h"

#include "hivemind/Version.h"

#include <QMap>
#include <QRegularExpression>
#include <set>

namespace hm::server {
namespace {

using namespace schema;

QJsonObject ref(const QString &name)
{
    return {{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

QJsonObject components()
{
    const QJsonObject error = object(
        {{QStringLiteral("code"), string(QStringLiteral("catalogue code, e.g. VALIDATION_ERROR"))},
         {QStringLiteral("message"), string()},
         {QStringLiteral("details"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}},
         {QStringLiteral("request_id"), string()},
         {QStringLiteral("timestamp"), string(QStringLiteral("ISO-8601 UTC"))}},
        {QStringLiteral("code"), QStringLiteral("message"), QStringLiteral("request_id"),
         QStringLiteral("timestamp")});
    const QJsonObject schemas{
        {QStringLiteral("Envelope"), object({{QStringLiteral("success"), boolean()},
                                             {QStringLiteral("data"), QJsonObject{}},
                                             {QStringLiteral("message"), string()}},
                                            {QStringLiteral("success"), QStringLiteral("data")})},
        {QStringLiteral("Error"), error},
        {QStringLiteral("ErrorEnvelope"),
         object({{QStringLiteral("success"), boolean()},
                 {QStringLiteral("error"), ref(QStringLiteral("Error"))}},
                {QStringLiteral("success"), QStringLiteral("error")})},
        {QStringLiteral("Pagination"), object({{QStringLiteral("page"), integer()},
                                               {QStringLiteral("size"), integer()},
                                               {QStringLiteral("total"), integer()},
                                               {QStringLiteral("pages"), integer()},
                                               {QStringLiteral("has_next"), boolean()},
                                               {QStringLiteral("has_prev"), boolean()}})}};
    const QJsonObject security{
        {QStringLiteral("bearerAuth"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("http")},
                     {QStringLiteral("scheme"), QStringLiteral("bearer")},
                     {QStringLiteral("bearerFormat"), QStringLiteral("JWT")}}},
        {QStringLiteral("apiKeyAuth"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                     {QStringLiteral("in"), QStringLiteral("header")},
                     {QStringLiteral("name"), QStringLiteral("X-API-Key")}}}};
    return {{QStringLiteral("schemas"), schemas}, {QStringLiteral("securitySchemes"), security}};
}

QString operationId(const RouteInfo &route)
{
    QString id = methodName(route.method).toLower();
    const QStringList parts = route.path.split(u'/', Qt::SkipEmptyParts);
    for (QString part : parts) {
        if (part == QLatin1String("api") || part == QLatin1String("v1"))
            continue;
        const bool placeholder = part.startsWith(u'{');
        part.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")));
        if (part.isEmpty())
            continue;
        id += (placeholder ? QStringLiteral("By") : QString()) + part.at(0).toUpper() + part.mid(1);
    }
    return id;
}

QJsonObject jsonContent(const QJsonObject &schemaObject)
{
    return {{QStringLiteral("application/json"),
             QJsonObject{{QStringLiteral("schema"), schemaObject}}}};
}

QJsonObject successResponse(const RouteDoc &doc)
{
    QJsonObject response{{QStringLiteral("description"), QStringLiteral("Success")}};
    if (!doc.responseHeaders.isEmpty())
        response.insert(QStringLiteral("headers"), doc.responseHeaders);
    if (!doc.contentType.isEmpty()) {
        response.insert(QStringLiteral("content"),
                        QJsonObject{{QString::fromLatin1(doc.contentType.split(';').first()),
                                     QJsonObject{{QStringLiteral("schema"), string()}}}});
        return response;
    }
    const QJsonObject data = doc.responseSchema.isEmpty() ? QJsonObject{} : doc.responseSchema;
    response.insert(
        QStringLiteral("content"),
        jsonContent(QJsonObject{
            {QStringLiteral("allOf"), QJsonArray{ref(QStringLiteral("Envelope")),
                                                 object({{QStringLiteral("data"), data}})}}}));
    return response;
}

QJsonObject operation(const RouteInfo &route)
{
    const RouteDoc &doc = route.doc;
    QJsonObject op{{QStringLiteral("operationId"), operationId(route)},
                   {QStringLiteral("summary"), doc.summary}};
    if (!doc.tag.isEmpty())
        op.insert(QStringLiteral("tags"), QJsonArray{doc.tag});

    QJsonArray parameters;
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    for (auto it = placeholder.globalMatch(route.path); it.hasNext();) {
        const auto match = it.next();
        parameters.append(QJsonObject{{QStringLiteral("name"), match.captured(1)},
                                      {QStringLiteral("in"), QStringLiteral("path")},
                                      {QStringLiteral("required"), true},
                                      {QStringLiteral("schema"), string()}});
    }
    for (const QJsonValue &q : doc.queryParameters)
        parameters.append(q);
    for (const QJsonValue &h : doc.headerParameters)
        parameters.append(h);
    if (!parameters.isEmpty())
        op.insert(QStringLiteral("parameters"), parameters);

    if (!doc.requestSchema.isEmpty())
        op.insert(QStringLiteral("requestBody"),
                  QJsonObject{{QStringLiteral("required"), true},
                              {QStringLiteral("content"), jsonContent(doc.requestSchema)}});

    if (doc.auth.isEmpty()) {
        op.insert(QStringLiteral("security"), QJsonArray{});
    } else {
        op.insert(QStringLiteral("security"),
                  QJsonArray{QJsonObject{{QStringLiteral("bearerAuth"), QJsonArray{}}},
                             QJsonObject{{QStringLiteral("apiKeyAuth"), QJsonArray{}}}});
        op.insert(QStringLiteral("x-required-role"), doc.auth);
    }

    // Error responses grouped by status; the description names the codes.
    QList<ErrorCode> errors = doc.errors;
    if (!doc.requestSchema.isEmpty() || !doc.queryParameters.isEmpty() ||
        !doc.headerParameters.isEmpty())
        errors += {ErrorCode::ValidationError};
    if (!doc.requestSchema.isEmpty())
        errors += {ErrorCode::PayloadTooLarge};
    if (doc.rateLimited)
        errors += {ErrorCode::RateLimitExceeded};
    errors += {ErrorCode::InternalError};
    QMap<int, QStringList> byStatus;
    for (const ErrorCode code : std::as_const(errors)) {
        QStringList &names = byStatus[errorCodeHttpStatus(code)];
        if (!names.contains(errorCodeName(code)))
            names.append(errorCodeName(code));
    }
    QJsonObject responses{{QString::number(doc.successStatus), successResponse(doc)}};
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        QJsonObject response{
            {QStringLiteral("description"), it.value().join(QStringLiteral(", "))},
            {QStringLiteral("content"), jsonContent(ref(QStringLiteral("ErrorEnvelope")))}};
        if (it.key() == 429)
            response.insert(QStringLiteral("headers"),
                            QJsonObject{{QStringLiteral("Retry-After"),
                                         QJsonObject{{QStringLiteral("schema"), integer()}}}});
        responses.insert(QString::number(it.key()), response);
    }
    if (doc.refusedOnFullDisk)
        responses.insert(
            QStringLiteral("507"),
            QJsonObject{
                {QStringLiteral("description"),
                 QStringLiteral("SERVICE_UNAVAILABLE with details.code STORAGE_FULL: the "
                                "data directory's disk is below its reserve")},
                {QStringLiteral("content"), jsonContent(ref(QStringLiteral("ErrorEnvelope")))}});
    op.insert(QStringLiteral("responses"), responses);
    return op;
}

} // namespace

QJsonObject buildOpenApiDocument(const QList<RouteInfo> &routes, const QString &serverUrl)
{
    QJsonObject paths;
    std::set<QString> tags;
    for (const RouteInfo &route : routes) {
        QJsonObject item = paths.value(route.path).toObject();
        item.insert(methodName(route.method).toLower(), operation(route));
        paths.insert(route.path, item);
        if (!route.doc.tag.isEmpty())
            tags.insert(route.doc.tag);
    }
    QJsonArray tagList;
    for (const QString &tag : tags)
        tagList.append(QJsonObject{{QStringLiteral("name"), tag}});
    return {
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("HiveMind")},
                     {QStringLiteral("version"), QString::fromLatin1(version::kVersion)},
                     {QStringLiteral("description"),
                      QStringLiteral("HiveMind server REST API. Every JSON answer is the "
                                     "envelope {success, data, message} or {success: false, "
                                     "error}; every response carries X-Request-Id.")}}},
        {QStringLiteral("servers"), QJsonArray{QJsonObject{{QStringLiteral("url"), serverUrl}}}},
        {QStringLiteral("tags"), tagList},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), components()}};
}

} // namespace hm::server
