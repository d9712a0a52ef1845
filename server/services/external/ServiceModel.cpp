#include "server/services/external/ServiceModel.h"

#include "server/api/AuthCommon.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hm::server::external {

namespace {

const QStringList kMethods = {QStringLiteral("GET"),     QStringLiteral("PUT"),
                              QStringLiteral("POST"),    QStringLiteral("DELETE"),
                              QStringLiteral("OPTIONS"), QStringLiteral("HEAD"),
                              QStringLiteral("PATCH"),   QStringLiteral("TRACE")};

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

// The value of `snake` or, failing that, of `camel`.
QJsonValue either(const QJsonObject &body, const QString &snake, const QString &camel)
{
    const QJsonValue value = body.value(snake);
    return value.isUndefined() ? body.value(camel) : value;
}

QString prefixed(const QString &prefix, const QString &field)
{
    return prefix.isEmpty() ? field : prefix + u'.' + field;
}

// The JSON Schema type of a parameter's schema ("string" when unsaid).
QString schemaType(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isString())
        return type.toString();
    for (const QJsonValue &t : type.toArray())
        if (t.toString() != QLatin1String("null"))
            return t.toString();
    return QStringLiteral("string");
}

// The content type a call sends: JSON first, then whatever comes first.
const openapi::MediaType *preferredContent(const openapi::RequestBody &body)
{
    for (const openapi::MediaType &m : body.content)
        if (m.contentType == QLatin1String("application/json") ||
            m.contentType.endsWith(QLatin1String("+json")))
            return &m;
    return body.content.isEmpty() ? nullptr : &body.content.first();
}

Result<QList<openapi::Parameter>> parametersFromSchema(const QJsonValue &value, const QString &in,
                                                       const QString &field)
{
    QList<openapi::Parameter> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isObject())
        return auth::fieldError(field, QStringLiteral("%1 must be a JSON Schema object with "
                                                      "properties")
                                           .arg(field));
    const QJsonObject schema = value.toObject();
    const QStringList required = stringList(schema.value(QStringLiteral("required")));
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        openapi::Parameter p;
        p.name = it.key();
        p.in = in;
        p.schema = it.value().toObject();
        p.description = p.schema.value(QStringLiteral("description")).toString();
        p.required = in == QLatin1String("path") || required.contains(it.key());
        out.append(p);
    }
    return out;
}

} // namespace

QString compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

QJsonValue parseJson(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue();
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isObject())
        return document.object();
    if (document.isArray())
        return document.array();
    return QJsonValue();
}

QJsonObject serviceJson(const ServiceRow &row)
{
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("display_name"), row.displayName},
        {QStringLiteral("description"), orNull(row.description)},
        {QStringLiteral("base_url"), row.baseUrl},
        {QStringLiteral("protocol"), row.protocol},
        {QStringLiteral("schema_url"), orNull(row.schemaUrl)},
        {QStringLiteral("schema_source"), orNull(row.schemaSource)},
        {QStringLiteral("schema"), storedSchemaInfo(row.schemaInfo)},
        {QStringLiteral("credential_id"), orNull(row.credentialId)},
        {QStringLiteral("timeout_ms"), row.timeoutMs},
        {QStringLiteral("status"), row.status},
        {QStringLiteral("endpoint_count"), row.endpointCount},
        {QStringLiteral("created_by"), row.createdBy},
        {QStringLiteral("created_by_name"), orNull(row.createdByName)},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
        {QStringLiteral("schema_refreshed_at"), auth::isoOrNull(row.schemaRefreshedAt)}};
}

QJsonObject endpointJson(const EndpointRow &row)
{
    const openapi::Endpoint endpoint = endpointOf(row);
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("service_id"), row.serviceId},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("operation_id"), orNull(row.operationId)},
        {QStringLiteral("summary"), orNull(row.summary)},
        {QStringLiteral("description"), orNull(row.description)},
        {QStringLiteral("method"), row.method},
        {QStringLiteral("path"), row.path},
        {QStringLiteral("parameters"), parseJson(row.parameters).toArray()},
        {QStringLiteral("path_params"), endpoint.parametersSchema(QStringLiteral("path"))},
        {QStringLiteral("query_params"), endpoint.parametersSchema(QStringLiteral("query"))},
        {QStringLiteral("request_body"),
         row.requestContentType.isEmpty() ? QJsonValue() : parseJson(row.requestBody)},
        {QStringLiteral("request_content_type"), orNull(row.requestContentType)},
        {QStringLiteral("responses"), parseJson(row.responses).toArray()},
        {QStringLiteral("tags"), parseJson(row.tags).toArray()},
        {QStringLiteral("source"), row.source},
        {QStringLiteral("status"), row.status},
        {QStringLiteral("enabled"), row.enabled},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
        {QStringLiteral("removed_at"), auth::isoOrNull(row.removedAt)}};
}

QJsonObject importedEndpointJson(const openapi::Endpoint &endpoint)
{
    EndpointRow row = endpointRow(endpoint, QStringLiteral("document"));
    QJsonObject out = endpointJson(row);
    for (const char *key : {"id", "service_id", "created_at", "updated_at", "removed_at"})
        out.remove(QLatin1String(key));
    return out;
}

EndpointRow endpointRow(const openapi::Endpoint &endpoint, const QString &source)
{
    EndpointRow row;
    row.name = endpoint.name();
    row.operationId = endpoint.operationId;
    row.summary = endpoint.summary;
    row.description = endpoint.description;
    row.method = endpoint.method;
    row.path = endpoint.path;
    QJsonArray parameters;
    for (const openapi::Parameter &p : endpoint.parameters)
        parameters.append(p.toJson());
    row.parameters = compactJson(parameters);
    if (endpoint.requestBody.present) {
        if (const openapi::MediaType *media = preferredContent(endpoint.requestBody)) {
            row.requestContentType = media->contentType;
            row.requestBody =
                media->schema.isObject() ? compactJson(media->schema) : QStringLiteral("{}");
        }
    }
    QJsonArray responses;
    for (const openapi::Response &r : endpoint.responses)
        responses.append(r.toJson());
    row.responses = compactJson(responses);
    row.tags = compactJson(QJsonArray::fromStringList(endpoint.tags));
    row.definition = compactJson(endpoint.toJson());
    row.source = source;
    return row;
}

openapi::Endpoint endpointFromJson(const QJsonObject &o)
{
    const auto content = [](const QJsonValue &value) {
        QList<openapi::MediaType> out;
        for (const QJsonValue &m : value.toArray()) {
            const QJsonObject media = m.toObject();
            out.append({media.value(QStringLiteral("contentType")).toString(),
                        media.value(QStringLiteral("schema"))});
        }
        return out;
    };
    openapi::Endpoint e;
    e.method = o.value(QStringLiteral("method")).toString();
    e.path = o.value(QStringLiteral("path")).toString();
    e.operationId = o.value(QStringLiteral("operationId")).toString();
    e.summary = o.value(QStringLiteral("summary")).toString();
    e.description = o.value(QStringLiteral("description")).toString();
    e.tags = stringList(o.value(QStringLiteral("tags")));
    e.deprecated = o.value(QStringLiteral("deprecated")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("parameters")).toArray()) {
        const QJsonObject p = v.toObject();
        openapi::Parameter parameter;
        parameter.name = p.value(QStringLiteral("name")).toString();
        parameter.in = p.value(QStringLiteral("in")).toString();
        parameter.required = p.value(QStringLiteral("required")).toBool();
        parameter.deprecated = p.value(QStringLiteral("deprecated")).toBool();
        parameter.description = p.value(QStringLiteral("description")).toString();
        parameter.schema = p.value(QStringLiteral("schema")).toObject();
        parameter.style = p.value(QStringLiteral("style")).toString();
        parameter.explodeSet = p.contains(QStringLiteral("explode"));
        parameter.explode = p.value(QStringLiteral("explode")).toBool();
        e.parameters.append(parameter);
    }
    if (o.contains(QStringLiteral("requestBody"))) {
        const QJsonObject body = o.value(QStringLiteral("requestBody")).toObject();
        e.requestBody.present = true;
        e.requestBody.required = body.value(QStringLiteral("required")).toBool();
        e.requestBody.description = body.value(QStringLiteral("description")).toString();
        e.requestBody.content = content(body.value(QStringLiteral("content")));
    }
    for (const QJsonValue &v : o.value(QStringLiteral("responses")).toArray()) {
        const QJsonObject r = v.toObject();
        e.responses.append({r.value(QStringLiteral("status")).toString(),
                            r.value(QStringLiteral("description")).toString(),
                            content(r.value(QStringLiteral("content"))),
                            r.value(QStringLiteral("headers")).toObject()});
    }
    e.securityDeclared = o.contains(QStringLiteral("security"));
    e.security = o.value(QStringLiteral("security")).toArray();
    e.servers = stringList(o.value(QStringLiteral("servers")));
    return e;
}

openapi::Endpoint endpointOf(const EndpointRow &row)
{
    return endpointFromJson(parseJson(row.definition).toObject());
}

Result<openapi::Endpoint> parseManualEndpoint(const QJsonObject &body, const QString &field)
{
    openapi::Endpoint e;
    const QJsonValue method = body.value(QStringLiteral("method"));
    if (!method.isString() || !kMethods.contains(method.toString().toUpper()))
        return auth::fieldError(
            prefixed(field, QStringLiteral("method")),
            QStringLiteral("method must be one of: %1").arg(kMethods.join(QStringLiteral(", "))));
    e.method = method.toString().toUpper();
    const QJsonValue path = body.value(QStringLiteral("path"));
    if (!path.isString() || !path.toString().startsWith(u'/') || path.toString().size() > 500 ||
        path.toString().contains(u'?') || path.toString().contains(u'#'))
        return auth::fieldError(prefixed(field, QStringLiteral("path")),
                                QStringLiteral("path must be a path template starting with \"/\" "
                                               "(at most 500 characters, no query)"));
    e.path = path.toString();
    const QJsonValue name = body.value(QStringLiteral("name"));
    if (!name.isUndefined() && !name.isNull() && (!name.isString() || name.toString().size() > 255))
        return auth::fieldError(prefixed(field, QStringLiteral("name")),
                                QStringLiteral("name must be a string of at most 255 characters"));
    e.operationId = name.toString().trimmed();
    const QJsonValue description = body.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isNull() && !description.isString())
        return auth::fieldError(prefixed(field, QStringLiteral("description")),
                                QStringLiteral("description must be a string"));
    e.description = description.toString();
    e.tags = stringList(body.value(QStringLiteral("tags")));

    const QJsonValue parameters = body.value(QStringLiteral("parameters"));
    if (parameters.isArray()) {
        int i = 0;
        for (const QJsonValue &v : parameters.toArray()) {
            const QJsonObject p = v.toObject();
            openapi::Parameter parameter;
            parameter.name = p.value(QStringLiteral("name")).toString();
            parameter.in = p.value(QStringLiteral("in")).toString();
            if (parameter.name.isEmpty() ||
                !QStringList{QStringLiteral("path"), QStringLiteral("query"),
                             QStringLiteral("header"), QStringLiteral("cookie")}
                     .contains(parameter.in))
                return auth::fieldError(
                    prefixed(field, QStringLiteral("parameters[%1]").arg(i)),
                    QStringLiteral("a parameter needs a name and in: path, query, header or "
                                   "cookie"));
            parameter.required = parameter.in == QLatin1String("path") ||
                                 p.value(QStringLiteral("required")).toBool();
            parameter.schema = p.value(QStringLiteral("schema")).toObject();
            parameter.description = p.value(QStringLiteral("description")).toString();
            e.parameters.append(parameter);
            ++i;
        }
    }
    const QList<QPair<QString, QPair<QString, QString>>> places = {
        {QStringLiteral("path"), {QStringLiteral("path_params"), QStringLiteral("pathParams")}},
        {QStringLiteral("query"), {QStringLiteral("query_params"), QStringLiteral("queryParams")}},
        {QStringLiteral("header"),
         {QStringLiteral("header_params"), QStringLiteral("headerParams")}}};
    for (const auto &[in, names] : places) {
        auto list = parametersFromSchema(either(body, names.first, names.second), in,
                                         prefixed(field, names.first));
        if (!list)
            return list.error();
        for (const openapi::Parameter &p : std::as_const(list.value())) {
            const bool known = std::any_of(
                e.parameters.begin(), e.parameters.end(),
                [&p](const openapi::Parameter &q) { return q.name == p.name && q.in == p.in; });
            if (!known)
                e.parameters.append(p);
        }
    }
    // Every {placeholder} of the path is a required path parameter.
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}/]+)\\}"));
    for (auto it = placeholder.globalMatch(e.path); it.hasNext();) {
        const QString parameterName = it.next().captured(1);
        const bool known =
            std::any_of(e.parameters.begin(), e.parameters.end(),
                        [&parameterName](const openapi::Parameter &q) {
                            return q.name == parameterName && q.in == QLatin1String("path");
                        });
        if (!known) {
            openapi::Parameter p;
            p.name = parameterName;
            p.in = QStringLiteral("path");
            p.required = true;
            p.schema = QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}};
            e.parameters.append(p);
        }
    }

    const QJsonValue requestBody =
        either(body, QStringLiteral("request_body"), QStringLiteral("requestBody"));
    if (!requestBody.isUndefined() && !requestBody.isNull()) {
        if (!requestBody.isObject())
            return auth::fieldError(prefixed(field, QStringLiteral("request_body")),
                                    QStringLiteral("request_body must be a JSON Schema object"));
        const QJsonValue contentType = either(body, QStringLiteral("request_content_type"),
                                              QStringLiteral("requestContentType"));
        e.requestBody.present = true;
        e.requestBody.required = true;
        e.requestBody.content.append({contentType.isString() && !contentType.toString().isEmpty()
                                          ? contentType.toString()
                                          : QStringLiteral("application/json"),
                                      requestBody});
    }
    const QJsonValue response =
        either(body, QStringLiteral("response_schema"), QStringLiteral("responseSchema"));
    if (response.isObject())
        e.responses.append({QStringLiteral("200"),
                            QString(),
                            {{QStringLiteral("application/json"), response}},
                            {}});
    return e;
}

bool isFetchable(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

Error unfetchableUrl(const QString &field)
{
    QString message =
        QStringLiteral("%1 must be an http or https URL with a host; the server reads no other "
                       "kind of URL")
            .arg(field);
    if (field == QLatin1String("schema_url"))
        message = QStringLiteral("schema_url must be a path under the base URL (starting with "
                                 "\"/\") or an http or https URL with a host; a local OpenAPI "
                                 "document is sent as its text (document)");
    return Error{
        ErrorCode::ValidationError,
        message,
        {{QStringLiteral("field"), field}, {QStringLiteral("reason"), QStringLiteral("SCHEME")}}};
}

Result<QUrl> parseBaseUrl(const QString &text, const QString &field)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!text.isEmpty() && text.size() <= 500 && !isFetchable(url))
        return unfetchableUrl(field);
    if (text.isEmpty() || text.size() > 500 || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return auth::fieldError(field, QStringLiteral("%1 must be an absolute http or https URL "
                                                      "without query, fragment or user info "
                                                      "(at most 500 characters)")
                                           .arg(field));
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

Result<QString> checkSchemaUrl(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return text;
    const QUrl url(text);
    const bool absolute = !url.scheme().isEmpty();
    if (absolute ? !isFetchable(url) : !text.startsWith(u'/'))
        return unfetchableUrl(field);
    return text;
}

Result<QString> documentField(const QJsonObject &body)
{
    const QJsonValue value = body.value(QStringLiteral("document"));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return auth::fieldError(QStringLiteral("document"),
                                QStringLiteral("document must be the text of an OpenAPI "
                                               "document (JSON or YAML)"));
    const QJsonValue schemaUrl = body.value(QStringLiteral("schema_url"));
    if (schemaUrl.isString() && !schemaUrl.toString().isEmpty())
        return auth::fieldError(QStringLiteral("document"),
                                QStringLiteral("give either schema_url or document, not both"));
    return value.toString();
}

QUrl resolveAgainst(const QUrl &base, const QString &pathOrUrl)
{
    const QUrl given(pathOrUrl);
    if (!given.scheme().isEmpty())
        return given;
    QUrl url = base;
    const qsizetype q = pathOrUrl.indexOf(u'?');
    QString path = q < 0 ? pathOrUrl : pathOrUrl.left(q);
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    url.setPath(base.path() + path);
    if (q >= 0)
        url.setQuery(pathOrUrl.mid(q + 1));
    return url;
}

engine::ServiceEndpointSpec endpointSpec(const ServiceRow &service, const EndpointRow &endpoint)
{
    engine::ServiceEndpointSpec spec;
    spec.serviceId = service.id;
    spec.endpointId = endpoint.id;
    spec.method = endpoint.method;
    spec.baseUrl = QUrl(service.baseUrl);
    spec.path = endpoint.path;
    for (const QJsonValue &v : parseJson(endpoint.parameters).toArray()) {
        const QJsonObject p = v.toObject();
        engine::ServiceParameter parameter;
        parameter.name = p.value(QStringLiteral("name")).toString();
        parameter.in = p.value(QStringLiteral("in")).toString();
        parameter.required = p.value(QStringLiteral("required")).toBool();
        parameter.schema = p.value(QStringLiteral("schema")).toObject();
        parameter.type = schemaType(parameter.schema);
        spec.parameters.append(parameter);
    }
    spec.hasBody = !endpoint.requestContentType.isEmpty();
    spec.bodyContentType = endpoint.requestContentType;
    spec.bodySchema = parseJson(endpoint.requestBody).toObject();
    spec.timeoutMs = service.timeoutMs;
    return spec;
}

QJsonObject schemaInfo(const openapi::ImportedDocument &document)
{
    return QJsonObject{{QStringLiteral("spec_version"), document.versionText},
                       {QStringLiteral("title"), document.title},
                       {QStringLiteral("version"), document.apiVersion},
                       {QStringLiteral("servers"), QJsonArray::fromStringList(document.servers)},
                       {QStringLiteral("security_schemes"), document.securitySchemes}};
}

QJsonValue storedSchemaInfo(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue();
    QJsonObject info = parseJson(text).toObject();
    // Rows written before the answers were snake_case (docs/api.md, Naming).
    for (const auto &[old, now] :
         {std::pair{QStringLiteral("specVersion"), QStringLiteral("spec_version")},
          std::pair{QStringLiteral("securitySchemes"), QStringLiteral("security_schemes")}}) {
        if (info.contains(old)) {
            info.insert(now, info.value(old));
            info.remove(old);
        }
    }
    return info;
}

} // namespace hm::server::external
