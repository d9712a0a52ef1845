#pragma once

#include "common/Result.h"
#include "server/api/Roles.h"

#include <QJsonObject>

namespace hm::store {
class Database;
}

namespace hm::server {

// GET /api/v1/executions/stats: the executions created in the last `hours`
// hours (1..168) of the flows the caller may view, counted per status and
// per hour: {hours, from, to, totals {status: n, total}, buckets [{start,
// completed, failed, running, queued, cancelled, total}]} with one bucket
// per hour, oldest first, and hours without executions present as zeros.
Result<QJsonObject> executionStats(store::Database &db, const auth::Principal &caller, int hours,
                                   qint64 nowMs);

} // namespace hm::server
