#pragma once

// Built-ins that finish inside start(): they compute and call `done` at
// once and return no run handle.

#include "engine/NodeExecutor.h"

namespace hm::engine::builtins {

// outputs = inputs.
class NoopExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return false; } // runs inside the server only
};

// Writes its inputs, masked, to the execution log; outputs = inputs.
class LogExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return false; } // runs inside the server only
};

// config {"outputs": {"<name>": <mapping>}}; mappings read the node's inputs
// as "$.inputs.<path>"; other values are literals.
// The config is parsed once per node (prepare()), not per run.
class TransformExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return false; } // runs inside the server only
    std::shared_ptr<const PreparedNode> prepare(const QJsonObject &config) const override;
};

// config {"left": <mapping>, "op": "==", "right": <mapping>}; takes handle
// "true" or "false" and passes its inputs through plus {"result": bool}.
class ConditionExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return false; } // runs inside the server only
    std::shared_ptr<const PreparedNode> prepare(const QJsonObject &config) const override;
};

} // namespace hm::engine::builtins
