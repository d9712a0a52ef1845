#pragma once

// Fine-grained API key permissions (seed 001: "wireguard.view",
// "bgp.view", …): "<area>.<action>" where the area is the first path
// segment under /api/v1 (or under /api for the seeds' own paths, with
// /api/servers in nodes, /api/vpn in wireguard, /api/settings in system)
// and the action is view (GET), execute (starting and
// stopping executions) or edit (any other change); "<area>.*" and "*" are
// wildcards. edit includes execute, execute includes view. A key without
// permissions is limited by its access level only.

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace hm::server::auth {

// The permission a request needs, e.g. "flows.view", "executions.execute".
// WebSocket paths need view on their area (/ws/events, /ws/connect:
// system.view). Empty for paths outside /api/ and /ws/.
QString requiredPermission(const QString &method, const QString &path);

// Whether `granted` (a key's list) covers `required`.
bool permits(const QStringList &granted, const QString &required);

// VALIDATION_ERROR naming the first malformed or unknown entry.
Status validatePermissions(const QStringList &permissions);

// Areas a permission may name: today's API plus the modules the seeds
// announce, so keys for them can be made ahead of the module.
const QStringList &permissionAreas();

} // namespace hm::server::auth
