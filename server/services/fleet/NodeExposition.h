#pragma once

// The fleet's latest node metrics in the Prometheus text format 0.0.4
// (GET /api/v1/nodes/metrics/prometheus, docs/observability.md
// "Federation"), so an existing Prometheus scrapes every node through
// HiveMind instead of one exporter per machine. One series set per
// enrolled node: hivemind_node_up (its agent connected now) and each value
// of its latest report FleetSummary keeps (CPU, memory, disk, load,
// network, uptime, report time), labelled node_id, node (the name) and one
// label per node label. Values come from memory; nothing is read from the
// metric history.

#include "server/repositories/NodeRepository.h"
#include "server/services/fleet/FleetSummary.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace hm::server::fleet {

struct ExposedNode
{
    repositories::NodeRow row;
    bool online = false;
    std::optional<FleetSummary::Latest> latest;
};

// The exposition of these nodes (pending ones, without an agent, are left
// out by the caller). Families in a fixed order, nodes in the given order
// within each; a family no node has a value for is left out.
QByteArray renderNodeExposition(const QList<ExposedNode> &nodes);

// A node label as Prometheus labels: "key:value" → label_key="value", a
// bare "gpu" → label_gpu="true". Names keep [a-zA-Z0-9_] and turn anything
// else into "_" (the "label_" prefix keeps them off digits and the
// reserved "__").
QString prometheusLabelName(const QString &key);
// A label value escaped as the text format asks: \ → \\, " → \", newline → \n.
QByteArray escapeLabelValue(const QString &value);

} // namespace hm::server::fleet
