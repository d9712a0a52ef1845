#include "openapi/ProbePaths.h"

namespace hm::openapi {

QStringList probePaths()
{
    return {
        QStringLiteral("/openapi.json"),
        QStringLiteral("/v3/api-docs"),
        QStringLiteral("/swagger.json"),
        QStringLiteral("/openapi.yaml"),
        QStringLiteral("/openapi.yml"),
        QStringLiteral("/swagger.yaml"),
        QStringLiteral("/swagger.yml"),
        QStringLiteral("/api-docs"),
        QStringLiteral("/v2/api-docs"),
        QStringLiteral("/v3/api-docs.yaml"),
        QStringLiteral("/swagger/v1/swagger.json"),
        QStringLiteral("/api/openapi.json"),
        QStringLiteral("/api/swagger.json"),
        QStringLiteral("/api-docs.json"),
        QStringLiteral("/docs/openapi.json"),
        QStringLiteral("/.well-known/openapi.json"),
    };
}

} // namespace hm::openapi
