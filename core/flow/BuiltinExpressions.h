#pragma once

// The expressions in the config of the built-in transform and condition
// (docs/engine.md, "Built-in components"): each value is a literal or reads
// the node's own inputs as "$.inputs.<path>". The engine's executors parse
// them with parseInputsExpression() when a node runs; compile() parses the
// same values with the same function, so a config that would fail every run
// with INVALID_INPUT_MAPPING is refused before it is stored or run.

#include "common/Result.h"
#include "flow/FlowProblem.h"
#include "flow/Mapping.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace hm::flow {

// The built-ins whose config holds expressions. Registered components can
// never take a built-in's name (the server refuses them), so the name alone
// says which component a node runs, as the engine's registry resolves it.
inline const QString kTransformComponent = QStringLiteral("transform");
inline const QString kConditionComponent = QStringLiteral("condition");

// One config value as an expression on the node's inputs: a literal (any
// value that is not a string starting with "$.", blob references included),
// or "$.inputs", "$.inputs.<path>", "$.inputs[...]". The mapping language
// knows $.trigger and $.nodes only, so "$.inputs" comes back rewritten as
// "$.trigger" (a Trigger mapping, evaluated with the inputs as the trigger).
// Anything else starting with "$." ("$.trigger.x", "$.nodes.a.output",
// "$.inputsX") and expressions that cannot be parsed fail with
// INVALID_INPUT_MAPPING, details {expression, ...}.
Result<Mapping> parseInputsExpression(const QJsonValue &value);

// One expression in a built-in's config: where it sits ("outputs.total",
// "left") and its value.
struct BuiltinExpression
{
    QString path;
    QJsonValue value;
};

// The expressions of a node's config, in the order its executor parses
// them: a transform's `outputs` in key order, a condition's `left` then
// `right` (the ones present; `left` defaults to "$.inputs.value"). Empty
// for other components.
QList<BuiltinExpression> builtinExpressions(const QString &component, const QJsonObject &config);

// One INVALID_BUILTIN_EXPRESSION problem on `nodeId` per expression of its
// config that parseInputsExpression() refuses, extra {path, expression}.
FlowProblems builtinExpressionProblems(const QString &nodeId, const QString &component,
                                       const QJsonObject &config);

} // namespace hm::flow
