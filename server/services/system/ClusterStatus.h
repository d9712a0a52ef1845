#pragma once

#include <QJsonObject>
#include <QUrl>

namespace hm::server {

// Seed 001's GET /api/v1/cluster/status answered honestly for one
// hivemind-server: there is no cluster, so this server is the only node,
// the leader, and the one instance of the one service (docs/api.md
// "Cluster status"). `ownUrl` is where it is reached (--public-url, else
// the listen URL); `uptimeMs` how long it has been running.
QJsonObject clusterStatus(const QUrl &ownUrl, qint64 uptimeMs);

// The host's one-minute load average per logical CPU (Linux /proc); null
// where the system does not tell.
QJsonValue loadPerCore();

} // namespace hm::server
