#pragma once

#include "server/api/RouteDoc.h"

#include <QJsonObject>

namespace hm::server {

// The OpenAPI 3.0.3 document of the given route table: envelope and error
// schemas as components, bearer JWT and X-API-Key security schemes, one
// operation per route with its path parameters, body, success envelope and
// error responses. serverUrl is the base URL clients reach (may be "/").
QJsonObject buildOpenApiDocument(const QList<RouteInfo> &routes, const QString &serverUrl);

} // namespace hm::server
