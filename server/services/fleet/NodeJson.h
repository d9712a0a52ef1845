#pragma once

#include "server/repositories/NodeRepository.h"

#include <QJsonObject>

namespace hm::server::fleet {

// A node as the API shows it (docs/api.md "Nodes"), in seed 002's field
// names plus HiveMind's: status "pending" (not enrolled yet), "online" or
// "offline"; labels as a list and, for seed 002 clients, as comma-joined
// `tags`. Never the public key itself: its fingerprint.
QJsonObject nodeJson(const repositories::NodeRow &row, bool online);

// The node's labels (stored as a JSON array of strings).
QStringList nodeLabelList(const repositories::NodeRow &row);

} // namespace hm::server::fleet
