#pragma once

// The built-in "service" component: a node that calls one endpoint of an
// external REST service imported from its OpenAPI document (seed 003 §15).
// The endpoint's description and the call's authentication come from a
// ServiceResolver (the server's, over its services table and the vault).
// docs/component-protocol.md ("Built-in service") describes the node.

#include "engine/ExecutorRegistry.h"
#include "engine/NodeExecutor.h"
#include "engine/services/ServicePorts.h"
#include "engine/services/ServiceResolver.h"

#include <QPointer>
#include <memory>

class QNetworkAccessManager;

namespace hm::engine {

// Largest response body read; larger answers fail with PAYLOAD_TOO_LARGE.
inline constexpr qint64 kServiceMaxResponseBytes = 16 * 1024 * 1024;

// config {"serviceId", "endpointId"}; inputs per serviceEndpointInterface();
// outputs {status, headers, body} of a 2xx answer. Other answers fail: 5xx,
// 408, 429, timeouts and connection errors retryably (the node's retry
// policy repeats them), other 4xx and 3xx not. A 401 makes it ask the
// resolver for fresh authentication once and repeat the call once, within
// the same attempt. The secrets of ServiceAuth never reach outputs, logs or
// errors: every occurrence is replaced by "****".
class ServiceCallExecutor final : public NodeExecutor
{
public:
    // Neither is owned. `resolver` must outlive the executor (it is called
    // on the engine thread); `network` must live on the engine thread.
    ServiceCallExecutor(ServiceResolver *resolver, QNetworkAccessManager *network);

    // Runs are cancellable: cancel() aborts the call and reports Cancelled
    // from the event loop.
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return true; }

private:
    ServiceResolver *m_resolver;
    QPointer<QNetworkAccessManager> m_network;
};

// Adds the "service" component (serviceInterface(), a ServiceCallExecutor)
// to `registry`, with per-node ports from the endpoint each node's config
// names (serviceNodeInterface() over `resolver`), so flow validation checks
// a service node's input mappings against its endpoint's parameters.
void registerServiceNode(ExecutorRegistry &registry, ServiceResolver *resolver,
                         QNetworkAccessManager *network);

} // namespace hm::engine
