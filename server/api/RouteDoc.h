#pragma once

#include "common/Error.h"
#include "server/http/HttpMethod.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::server {

// What the route table says about one route. The OpenAPI document and
// GET /api/v1/system/routes are generated from it, so a route without a
// summary shows up as a failing test rather than a silent gap in the docs.
struct RouteDoc
{
    QString summary;
    QString tag;
    // Empty: public. Otherwise the minimum role ("viewer", "user", "admin");
    // auth::addProtectedRoute fills it in.
    QString auth;
    // JSON Schema of the request body; empty = the route takes no body.
    QJsonObject requestSchema;
    // JSON Schema of the envelope's "data"; empty = not described.
    QJsonObject responseSchema;
    // OpenAPI parameter objects for the query string ("in": "query").
    QJsonArray queryParameters;
    // OpenAPI parameter objects for request headers ("in": "header"), e.g.
    // If-Match (schema::header).
    QJsonArray headerParameters;
    // OpenAPI header objects of the success answer by name, e.g. ETag.
    QJsonObject responseHeaders;
    // Error codes the route answers besides the ones every route of its kind
    // can give (auth, rate limit, validation of the body), which the
    // generator adds itself.
    QList<ErrorCode> errors;
    int successStatus = 200;
    // The route starts or stores work that a full disk refuses: 507
    // (SERVICE_UNAVAILABLE, details.code STORAGE_FULL; StorageGuard).
    bool refusedOnFullDisk = false;
    // Counted against the general per-IP / per-principal request limits.
    bool rateLimited = true;
    // The path carries a credential (webhook token): logs show the route's
    // pattern instead of the path.
    bool secretInPath = false;
    // Non-JSON success body (metrics, exports); empty = the JSON envelope.
    QByteArray contentType;
};

// The one way a route file describes a route: the tag of its group, what
// it does and the errors it answers, then only the parts it has, chained:
//
//   routeDoc(kThingsTag, QStringLiteral("Delete a thing"), {ErrorCode::ResourceNotFound})
//       .request(thingSchema())
//       .response(thingSchema())
//       .status(201)
//
// It converts to the RouteDoc a route is added with; the rarer parts (query
// parameters, headers) are set on that RouteDoc.
class RouteDocBuilder
{
public:
    RouteDocBuilder(const QString &tag, const QString &summary, QList<ErrorCode> errors = {});

    // JSON Schema of the request body.
    RouteDocBuilder &request(QJsonObject schema);
    // JSON Schema of the envelope's "data".
    RouteDocBuilder &response(QJsonObject schema);
    // The success status when it is not 200.
    RouteDocBuilder &status(int successStatus);
    // Answers 507 STORAGE_FULL while the data directory's disk is full.
    RouteDocBuilder &refusedOnFullDisk();

    operator RouteDoc() const { return m_doc; }

private:
    RouteDoc m_doc;
};

inline RouteDocBuilder routeDoc(const QString &tag, const QString &summary,
                                QList<ErrorCode> errors = {})
{
    return RouteDocBuilder(tag, summary, std::move(errors));
}

struct RouteInfo
{
    http::Method method;
    QString path; // with {placeholders}
    RouteDoc doc;
};

QString methodName(http::Method method);

// Small JSON Schema builders so route descriptions stay readable.
namespace schema {
QJsonObject string(const QString &description = {});
QJsonObject integer(const QString &description = {});
QJsonObject boolean(const QString &description = {});
QJsonObject enumOf(const QStringList &values);
QJsonObject arrayOf(const QJsonObject &items);
// `schema` that may also be null (OpenAPI 3.0 "nullable": true).
QJsonObject nullable(QJsonObject schema);
// An object with the given properties; `required` lists mandatory names.
// additionalProperties stays open unless `closed`.
QJsonObject object(const QJsonObject &properties, const QStringList &required = {},
                   bool closed = false);
// A query parameter for RouteDoc::queryParameters.
QJsonObject query(const QString &name, const QJsonObject &valueSchema,
                  const QString &description = {});
// A request header parameter for RouteDoc::headerParameters (optional).
QJsonObject header(const QString &name, const QJsonObject &valueSchema,
                   const QString &description = {});
// page/size query parameters and the pagination object of list answers.
QJsonArray paging();
QJsonObject pagination();
} // namespace schema

} // namespace hm::server
