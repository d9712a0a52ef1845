#pragma once

#include <QStringList>

namespace hm::openapi {

// Where services usually publish their OpenAPI / Swagger document, relative
// to the service's base URL, most likely first (springdoc, FastAPI,
// Swashbuckle, swagger-node, NestJS, ...). The server tries them in this
// order when a service is registered without a schema URL.
QStringList probePaths();

} // namespace hm::openapi
