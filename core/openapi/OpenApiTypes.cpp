#include "openapi/OpenApiTypes.h"

namespace hm::openapi {

namespace {

QJsonArray contentJson(const QList<MediaType> &content)
{
    QJsonArray out;
    for (const MediaType &m : content)
        out.append(m.toJson());
    return out;
}

} // namespace

QString specVersionName(SpecVersion version)
{
    switch (version) {
    case SpecVersion::Swagger20:
        return QStringLiteral("2.0");
    case SpecVersion::OpenApi30:
        return QStringLiteral("3.0");
    case SpecVersion::OpenApi31:
        return QStringLiteral("3.1");
    }
    return {};
}

QJsonObject Parameter::toJson() const
{
    QJsonObject out{{QStringLiteral("name"), name},
                    {QStringLiteral("in"), in},
                    {QStringLiteral("required"), required},
                    {QStringLiteral("schema"), schema}};
    if (deprecated)
        out.insert(QStringLiteral("deprecated"), true);
    if (!description.isEmpty())
        out.insert(QStringLiteral("description"), description);
    if (!style.isEmpty())
        out.insert(QStringLiteral("style"), style);
    if (explodeSet)
        out.insert(QStringLiteral("explode"), explode);
    return out;
}

QJsonObject MediaType::toJson() const
{
    QJsonObject out{{QStringLiteral("contentType"), contentType}};
    if (!schema.isUndefined())
        out.insert(QStringLiteral("schema"), schema);
    return out;
}

QJsonObject RequestBody::toJson() const
{
    QJsonObject out{{QStringLiteral("required"), required},
                    {QStringLiteral("content"), contentJson(content)}};
    if (!description.isEmpty())
        out.insert(QStringLiteral("description"), description);
    return out;
}

QJsonObject Response::toJson() const
{
    QJsonObject out{{QStringLiteral("status"), status},
                    {QStringLiteral("description"), description},
                    {QStringLiteral("content"), contentJson(content)}};
    if (!headers.isEmpty())
        out.insert(QStringLiteral("headers"), headers);
    return out;
}

QString Endpoint::name() const
{
    if (!operationId.isEmpty())
        return operationId;
    if (!summary.isEmpty())
        return summary;
    return key();
}

QJsonObject Endpoint::parametersSchema(const QString &in) const
{
    QJsonObject properties;
    QJsonArray required;
    for (const Parameter &p : parameters) {
        if (p.in != in)
            continue;
        QJsonObject schema = p.schema;
        if (!p.description.isEmpty() && !schema.contains(QStringLiteral("description")))
            schema.insert(QStringLiteral("description"), p.description);
        properties.insert(p.name, schema);
        if (p.required)
            required.append(p.name);
    }
    QJsonObject out{{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        out.insert(QStringLiteral("required"), required);
    return out;
}

QJsonObject Endpoint::toJson() const
{
    QJsonArray params;
    for (const Parameter &p : parameters)
        params.append(p.toJson());
    QJsonArray responsesJson;
    for (const Response &r : responses)
        responsesJson.append(r.toJson());
    QJsonObject out{{QStringLiteral("method"), method},
                    {QStringLiteral("path"), path},
                    {QStringLiteral("name"), name()},
                    {QStringLiteral("parameters"), params},
                    {QStringLiteral("responses"), responsesJson},
                    {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}};
    if (!operationId.isEmpty())
        out.insert(QStringLiteral("operationId"), operationId);
    if (!summary.isEmpty())
        out.insert(QStringLiteral("summary"), summary);
    if (!description.isEmpty())
        out.insert(QStringLiteral("description"), description);
    if (deprecated)
        out.insert(QStringLiteral("deprecated"), true);
    if (requestBody.present)
        out.insert(QStringLiteral("requestBody"), requestBody.toJson());
    if (securityDeclared)
        out.insert(QStringLiteral("security"), security);
    if (!servers.isEmpty())
        out.insert(QStringLiteral("servers"), QJsonArray::fromStringList(servers));
    return out;
}

QJsonObject ImportedDocument::toJson() const
{
    QJsonArray list;
    for (const Endpoint &e : endpoints)
        list.append(e.toJson());
    return QJsonObject{{QStringLiteral("specVersion"), versionText},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("version"), apiVersion},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("servers"), QJsonArray::fromStringList(servers)},
                       {QStringLiteral("securitySchemes"), securitySchemes},
                       {QStringLiteral("endpoints"), list}};
}

} // namespace hm::openapi
