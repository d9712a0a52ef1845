#pragma once

#include <QJsonObject>
#include <QString>

namespace hm::store {
class Database;
}

namespace hm::server {

// GET /api/v1/system/info (seed 001 shape, HiveMind fields): "system" (host,
// OS, kernel, CPU, memory, load, uptime), "application" (version, Qt,
// process uptime), "storage" (disk of the data directory) and "database"
// (engine, file size, schema version). Linux values come from /proc; on
// other systems those fields are null.
QJsonObject collectSystemInfo(store::Database &database, const QString &dataDir,
                              qint64 serverUptimeMs);

} // namespace hm::server
