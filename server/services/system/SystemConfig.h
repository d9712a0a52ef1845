#pragma once

#include "common/Result.h"
#include "server/api/RequestRateLimits.h"

#include <QJsonObject>

namespace hm::store {
class Database;
}

namespace hm::server {

// The validated system configuration document of GET/PUT
// /api/v1/system/config (seed 001 field names where it has them):
//   site_name, timezone (IANA id), log_level (DEBUG|INFO|WARN|ERROR),
//   api_rate_limit (requests/minute per user or API key),
//   anonymous_rate_limit (requests/minute per IP without credentials),
//   security {enable_rate_limiting, allow_private_networks (requests the
//             server makes for users may reach private and reserved
//             addresses: OutboundPolicy; default false), max_login_attempts,
//             lockout_duration (s)},
//   password_policy {min_length, require_uppercase, require_lowercase,
//                    require_numbers|require_digits, require_symbols|require_special,
//                    max_age_days (seed 001; kept, not enforced yet)},
//   retention {max_age_days, max_executions_per_flow, max_database_mib}
//             (history retention, HistoryRetention; 0 = no limit).
// Stored in the settings table: the server's own fields under
// "system.config"; security.max_login_attempts / lockout_duration and
// password_policy live in the auth module's keys ("auth.lockout",
// "password_policy") so there is one source of truth for each.
namespace system_config {

QJsonObject load(store::Database &database);
// Applies a partial document to the current one. Unknown keys and wrong
// types or ranges are VALIDATION_ERROR with details {field, errors:[{field,
// message}]}; the result is the complete new document.
Result<QJsonObject> merge(const QJsonObject &current, const QJsonObject &patch);
// Writes a merged document in one transaction: all keys or none.
Status save(store::Database &database, const QJsonObject &document, const QString &updatedBy);

RequestRateLimits::Limits rateLimits(const QJsonObject &document);
// The retention section with its defaults filled in (a loaded document
// has them; this also reads a stored one).
QJsonObject retention(const QJsonObject &document);
// security.allow_private_networks (OutboundPolicy).
bool allowPrivateNetworks(const QJsonObject &document);
// Logging filter rules for log_level ("INFO" is the categories' default).
// QT_LOGGING_RULES from the environment still wins.
void applyLogLevel(const QJsonObject &document);
// The JSON Schema of the document, for the OpenAPI description.
QJsonObject jsonSchema();

} // namespace system_config
} // namespace hm::server
