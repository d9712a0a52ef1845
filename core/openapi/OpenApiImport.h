#pragma once

#include "common/Result.h"
#include "openapi/DocumentText.h"
#include "openapi/OpenApiTypes.h"

#include <QByteArray>
#include <QJsonValue>

namespace hm::openapi {

// Bounds on the work one document may cause (docs/openapi-import.md).
struct ImportLimits
{
    TextLimits text;
    // Schema nodes inlined over all endpoints, every use of a shared schema
    // counted again: bounds what the caller stores for the endpoints.
    qint64 maxInlinedNodes = 20'000'000;
    // One $ref that expands to more nodes than this is not inlined but cut
    // with a marker {"x-hivemind-ref": ref, "x-hivemind-cut": "size"}.
    qint64 maxRefNodes = 50'000;
    // $refs resolved inside one another deeper than this are cut with
    // "x-hivemind-cut": "depth" (bounds the stack).
    int maxRefDepth = 64;
    int maxEndpoints = 100'000;
};

// Parses an OpenAPI 3.0 / 3.1 or Swagger 2.0 document, JSON or YAML, into its
// endpoints (the rules: docs/openapi-import.md). Every failure is
// SCHEMA_PARSE_ERROR with details:
//   reason   SYNTAX, TOO_LARGE, TOO_DEEP, TOO_COMPLEX, NOT_OPENAPI,
//            UNSUPPORTED_VERSION, INVALID_DOCUMENT, REF_NOT_FOUND,
//            EXTERNAL_REF_UNSUPPORTED
//   pointer  JSON pointer of the value where it failed (after parsing)
//   line, column  1-based, for syntax errors
//   ref      the $ref text, for the two ref reasons
Result<ImportedDocument> importOpenApi(const QByteArray &text, TextFormat format = TextFormat::Auto,
                                       const ImportLimits &limits = {});
Result<ImportedDocument> importOpenApi(const QJsonValue &document, const ImportLimits &limits = {});

// details.reason of an import error ("" when absent).
QString importErrorReason(const Error &error);

} // namespace hm::openapi
