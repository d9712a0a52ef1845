#include "server/api/RouteDoc.h"

namespace hm::server {

QString methodName(http::Method method)
{
    switch (method) {
    case http::Method::Get:
        return QStringLiteral("GET");
    case http::Method::Head:
        return QStringLiteral("HEAD");
    case http::Method::Post:
        return QStringLiteral("POST");
    case http::Method::Put:
        return QStringLiteral("PUT");
    case http::Method::Delete:
        return QStringLiteral("DELETE");
    case http::Method::Patch:
        return QStringLiteral("PATCH");
    case http::Method::Options:
        return QStringLiteral("OPTIONS");
    default:
        return QStringLiteral("OTHER");
    }
}

RouteDocBuilder::RouteDocBuilder(const QString &tag, const QString &summary,
                                 QList<ErrorCode> errors)
{
    m_doc.tag = tag;
    m_doc.summary = summary;
    m_doc.errors = std::move(errors);
}

RouteDocBuilder &RouteDocBuilder::request(QJsonObject schema)
{
    m_doc.requestSchema = std::move(schema);
    return *this;
}

RouteDocBuilder &RouteDocBuilder::response(QJsonObject schema)
{
    m_doc.responseSchema = std::move(schema);
    return *this;
}

RouteDocBuilder &RouteDocBuilder::status(int successStatus)
{
    m_doc.successStatus = successStatus;
    return *this;
}

RouteDocBuilder &RouteDocBuilder::refusedOnFullDisk()
{
    m_doc.refusedOnFullDisk = true;
    return *this;
}

namespace schema {
namespace {

QJsonObject typed(const QString &type, const QString &description)
{
    QJsonObject result{{QStringLiteral("type"), type}};
    if (!description.isEmpty())
        result.insert(QStringLiteral("description"), description);
    return result;
}

} // namespace

QJsonObject string(const QString &description)
{
    return typed(QStringLiteral("string"), description);
}

QJsonObject integer(const QString &description)
{
    return typed(QStringLiteral("integer"), description);
}

QJsonObject boolean(const QString &description)
{
    return typed(QStringLiteral("boolean"), description);
}

QJsonObject enumOf(const QStringList &values)
{
    return {{QStringLiteral("type"), QStringLiteral("string")},
            {QStringLiteral("enum"), QJsonArray::fromStringList(values)}};
}

QJsonObject arrayOf(const QJsonObject &items)
{
    return {{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), items}};
}

QJsonObject object(const QJsonObject &properties, const QStringList &required, bool closed)
{
    QJsonObject result{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        result.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    if (closed)
        result.insert(QStringLiteral("additionalProperties"), false);
    return result;
}

QJsonObject query(const QString &name, const QJsonObject &valueSchema, const QString &description)
{
    QJsonObject parameter{{QStringLiteral("name"), name},
                          {QStringLiteral("in"), QStringLiteral("query")},
                          {QStringLiteral("required"), false},
                          {QStringLiteral("schema"), valueSchema}};
    if (!description.isEmpty())
        parameter.insert(QStringLiteral("description"), description);
    return parameter;
}

QJsonObject header(const QString &name, const QJsonObject &valueSchema, const QString &description)
{
    QJsonObject parameter = query(name, valueSchema, description);
    parameter.insert(QStringLiteral("in"), QStringLiteral("header"));
    return parameter;
}

QJsonArray paging()
{
    return {query(QStringLiteral("page"), integer(), QStringLiteral("1-based page number")),
            query(QStringLiteral("size"), integer(), QStringLiteral("items per page (max 100)"))};
}

QJsonObject nullable(QJsonObject schema)
{
    schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

QJsonObject pagination()
{
    return {{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Pagination")}};
}

} // namespace schema
} // namespace hm::server
