#pragma once

// A flow's own history retention (PUT /api/v1/flows/{id}/retention,
// docs/api.md "History retention"): {flow_id, max_age_days,
// max_executions}, null following the global setting (system config
// `retention`), 0 keeping without limit. HistoryRetention applies them.

#include "common/Result.h"

#include <QJsonObject>

namespace hm::store {
class Database;
}

namespace hm::server::flow_retention {

// FLOW_NOT_FOUND unless the flow is live.
Result<QJsonObject> read(store::Database &db, const QString &flowId);
// Applies `patch` (either or both keys; null = the global setting).
// Unknown keys, negative, fractional or non-number values are
// VALIDATION_ERROR with details {field, errors:[{field, message}]}, and
// nothing is stored. Returns the flow's settings as stored.
Result<QJsonObject> update(store::Database &db, const QString &flowId, const QJsonObject &patch);

} // namespace hm::server::flow_retention
