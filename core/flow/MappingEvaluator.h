#pragma once

#include "common/Result.h"
#include "flow/CompiledFlow.h"
#include "flow/JsonObjectTemplate.h"
#include "flow/Mapping.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace hm::flow {

// What a mapping can read while an execution runs. The engine fills it from
// its in-memory execution state; tests fill it by hand.
struct EvaluationContext
{
    // The execution's trigger input ($.trigger).
    QJsonObject trigger;
    // Outputs of a node of this execution, or nullopt when it has none
    // (not run, skipped, failed): reading from it yields "missing".
    std::function<std::optional<QJsonObject>(const QString &nodeId)> nodeOutputs;
    // The JSON value a blob stands for. May be left empty when no blob can
    // occur; a blob that must then be read fails the evaluation.
    std::function<Result<QJsonValue>(const QString &blobId)> resolveBlob;
};

// Evaluates one mapping. A path that leads nowhere (absent member, index
// out of range, stepping into a scalar or null, a node without outputs)
// yields QJsonValue::Undefined, "missing", which is not null: defaults apply
// to missing values only. Blob references met half-way down a path are
// resolved so the path can go on; a blob reference that is the result is
// returned as it is (resolveInputs() decides by port type). Fails only when
// such a blob cannot be resolved.
Result<QJsonValue> evaluate(const Mapping &mapping, const EvaluationContext &context);

// The inputs of one node, ready to send to its component: every mapping
// evaluated, defaults filled in for missing values, blob references resolved
// except for bytes and any ports (which receive the reference, and the
// component fetches the data through the blob endpoint, so large payloads
// are not copied into every request), and every value checked against its
// port type. Fails with INVALID_INPUT_MAPPING whose details name the node
// and port, and give expected and actual types (or reason "missing" for a
// required input without value). Inputs the component does not declare pass
// through unchecked (components that declare none accept any).
Result<QJsonObject> resolveInputs(const CompiledFlow &flow, int nodeIndex,
                                  const EvaluationContext &context);

// What resolveInputs() works out from a node's definition alone: the keys
// its inputs object can have (every mapped input, every declared input with
// a default) as a template, which slot of it each binding and each declared
// input fills, and the declared input each binding feeds. Depends on the
// CompiledFlow only, which must outlive it; the engine keeps one per node
// for as long as it runs the flow.
struct InputsShape
{
    JsonObjectTemplate object;
    std::vector<int> bindingSlots;             // per flow.inputs(node)
    std::vector<const PortDef *> bindingPorts; // per flow.inputs(node); null = undeclared
    std::vector<int> portSlots;                // per declared input; -1 = no slot
};
InputsShape inputsShape(const CompiledFlow &flow, int nodeIndex);

// resolveInputs() with the node's shape already worked out: the same
// result, without inserting a key per input and run.
Result<QJsonObject> resolveInputs(const CompiledFlow &flow, int nodeIndex,
                                  const EvaluationContext &context, const InputsShape &shape);

} // namespace hm::flow
