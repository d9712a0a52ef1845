#pragma once

// External services (seed 003 §15, docs/services.md): how rows of
// external_services / service_endpoints become API answers and engine
// endpoint specs, and how imported (core/openapi) or hand-written endpoints
// become rows. No I/O.

#include "common/Result.h"
#include "engine/services/ServiceResolver.h"
#include "openapi/OpenApiTypes.h"
#include "server/repositories/ServiceRepository.h"

#include <QJsonObject>
#include <QUrl>

namespace hm::server::external {

using repositories::EndpointRow;
using repositories::ServiceRow;

// {id, name, display_name, description, base_url, protocol, schema_url,
//  schema_source, schema, credential_id, timeout_ms, status, endpoint_count,
//  created_by, created_by_name, created_at, updated_at, schema_refreshed_at}
QJsonObject serviceJson(const ServiceRow &row);
// {id, service_id, name, operation_id, summary, description, method, path,
//  parameters, path_params, query_params, request_body,
//  request_content_type, responses, tags, source, status, enabled,
//  created_at, updated_at, removed_at}
QJsonObject endpointJson(const EndpointRow &row);
// An imported endpoint as the preview shows it (no id).
QJsonObject importedEndpointJson(const openapi::Endpoint &endpoint);

// The stored form of an endpoint (its definition and the columns flows use).
EndpointRow endpointRow(const openapi::Endpoint &endpoint, const QString &source);
// The endpoint a row holds (from its definition): what refresh-schema diffs.
openapi::Endpoint endpointOf(const EndpointRow &row);
openapi::Endpoint endpointFromJson(const QJsonObject &definition);

// A hand-written endpoint (POST /services/{id}/endpoints, or "endpoints" of
// a registration): {name?, description?, method, path, parameters? (stored
// form), path_params? / pathParams?, query_params? / queryParams?,
// header_params? / headerParams? (JSON Schema objects), request_body? /
// requestBody? (JSON Schema), request_content_type?, response_schema? /
// responseSchema?, tags?}. `field` prefixes error fields ("endpoints[2]").
Result<openapi::Endpoint> parseManualEndpoint(const QJsonObject &body, const QString &field = {});

// The only URLs the server fetches or calls for services (base URL, schema
// URL, probe paths, redirects): http or https with a host. Anything else
// (file:, data:, ftp:, qrc:, no host) is refused before any request, so the
// server's own files are never read and an existing file answers exactly as
// a missing one.
bool isFetchable(const QUrl &url);
// That refusal: VALIDATION_ERROR, details {field, reason: "SCHEME"}. A local
// document is imported as its text ("document"), never by a URL.
Error unfetchableUrl(const QString &field);

// The service's base URL: an absolute http or https URL with a host, no
// query or fragment; a trailing "/" dropped. Another scheme or no host is
// unfetchableUrl(field).
Result<QUrl> parseBaseUrl(const QString &text, const QString &field);
// A schema URL as given (empty: probe): a path under the base URL
// (starting with "/") or an absolute http or https URL with a host; else
// unfetchableUrl(field).
Result<QString> checkSchemaUrl(const QString &text, const QString &field);
// "document": the text of an OpenAPI document (JSON or YAML) the caller
// read from a local file; empty when not given. Not with schema_url.
Result<QString> documentField(const QJsonObject &body);

// `pathOrUrl` (an absolute http/https URL, or a path relative to the base
// URL's own path) as one URL.
QUrl resolveAgainst(const QUrl &base, const QString &pathOrUrl);

// What the engine's service node calls.
engine::ServiceEndpointSpec endpointSpec(const ServiceRow &service, const EndpointRow &endpoint);

// {spec_version, title, version, servers, security_schemes} of a document.
QJsonObject schemaInfo(const openapi::ImportedDocument &document);
// The same from a stored row (older rows said specVersion and
// securitySchemes); null for none.
QJsonValue storedSchemaInfo(const QString &text);

QString compactJson(const QJsonValue &value);
QJsonValue parseJson(const QString &text);

} // namespace hm::server::external
