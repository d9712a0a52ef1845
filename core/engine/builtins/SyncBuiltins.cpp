#include "engine/builtins/SyncBuiltins.h"

#include "common/Logging.h"
#include "common/SensitiveDataMasker.h"
#include "flow/BuiltinExpressions.h"
#include "flow/JsonObjectTemplate.h"
#include "flow/Mapping.h"
#include "flow/MappingEvaluator.h"

#include <QJsonDocument>
#include <QVarLengthArray>
#include <optional>

namespace hm::engine::builtins {

namespace {

// A built-in config value that reads the node's own inputs as
// "$.inputs.<path>", parsed (flow::parseInputsExpression, the parse
// compile() checks these values with): the mapping, or the error every run
// reports.
struct InputsExpression
{
    std::optional<flow::Mapping> mapping;
    Error error; // when there is no mapping
};

InputsExpression parseOnInputs(const QJsonValue &expression)
{
    Result<flow::Mapping> mapping = flow::parseInputsExpression(expression);
    if (!mapping)
        return {std::nullopt, mapping.error()};
    return {std::move(mapping).value(), {}};
}

Result<QJsonValue> evaluateOnInputs(const InputsExpression &expression, const QJsonObject &inputs)
{
    if (!expression.mapping)
        return expression.error;
    flow::EvaluationContext context;
    context.trigger = inputs;
    return flow::evaluate(*expression.mapping, context);
}

// Whether evaluateOnInputs() gives the same answer whatever the inputs:
// literals (blob references included) give themselves, and node references
// are always missing (a built-in config sees no other node).
bool isConstant(const InputsExpression &expression)
{
    return expression.mapping && expression.mapping->kind != flow::Mapping::Kind::Trigger;
}

// A transform's config, parsed: the outputs that do not depend on the
// inputs are already in the object template; the others, in key order
// (the order runs report errors in), fill its slots.
struct PreparedTransform final : PreparedNode
{
    struct Output
    {
        InputsExpression expression;
        int slot = -1; // in `object`; -1 for expressions that cannot be parsed
    };
    flow::JsonObjectTemplate object;
    std::vector<Output> computed;
};

std::unique_ptr<PreparedTransform> prepareTransform(const QJsonObject &config)
{
    auto prepared = std::make_unique<PreparedTransform>();
    const QJsonObject spec = config.value(QStringLiteral("outputs")).toObject();
    QJsonObject constants;
    std::vector<QString> slotKeys;
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        InputsExpression expression = parseOnInputs(it.value());
        if (isConstant(expression)) {
            Result<QJsonValue> value = evaluateOnInputs(expression, {});
            if (value && !value.value().isUndefined())
                constants.insert(it.key(), value.value());
            continue;
        }
        int slot = -1;
        if (expression.mapping) {
            slot = static_cast<int>(slotKeys.size());
            slotKeys.push_back(it.key());
        }
        prepared->computed.push_back({std::move(expression), slot});
    }
    prepared->object = flow::JsonObjectTemplate(constants, slotKeys);
    return prepared;
}

void runTransform(const PreparedTransform &prepared, const NodeTask &task, const NodeDone &done)
{
    QVarLengthArray<QJsonValue, 8> values(prepared.object.slotCount());
    for (const PreparedTransform::Output &output : prepared.computed) {
        Result<QJsonValue> value = evaluateOnInputs(output.expression, task.inputs);
        if (!value) {
            done(NodeOutcome::failed(value.error(), false));
            return;
        }
        values[output.slot] = std::move(value).value();
    }
    done(NodeOutcome::completed(prepared.object.fill(values)));
}

// A condition's config, parsed.
struct PreparedCondition final : PreparedNode
{
    InputsExpression left;
    QString op;
    std::optional<InputsExpression> right; // none: compared with "missing"
};

std::unique_ptr<PreparedCondition> prepareCondition(const QJsonObject &config)
{
    auto prepared = std::make_unique<PreparedCondition>();
    const QJsonValue leftSpec = config.contains(QStringLiteral("left"))
                                    ? config.value(QStringLiteral("left"))
                                    : QJsonValue(QStringLiteral("$.inputs.value"));
    prepared->left = parseOnInputs(leftSpec);
    prepared->op = config.value(QStringLiteral("op")).toString(QStringLiteral("truthy"));
    const QJsonValue rightSpec = config.value(QStringLiteral("right"));
    if (!rightSpec.isUndefined())
        prepared->right = parseOnInputs(rightSpec);
    return prepared;
}

bool truthy(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        return v.toDouble() != 0.0;
    case QJsonValue::String:
        return !v.toString().isEmpty();
    case QJsonValue::Array:
        return !v.toArray().isEmpty();
    case QJsonValue::Object:
        return true;
    default:
        return false; // null, missing
    }
}

Result<bool> compare(const QJsonValue &left, const QString &op, const QJsonValue &right)
{
    if (op == u"exists")
        return !left.isUndefined();
    if (op == u"truthy")
        return truthy(left);
    if (op == u"==")
        return left == right;
    if (op == u"!=")
        return left != right;
    int order = 0;
    if (left.isDouble() && right.isDouble())
        order = left.toDouble() < right.toDouble() ? -1 : (left.toDouble() > right.toDouble());
    else if (left.isString() && right.isString())
        order = left.toString().compare(right.toString());
    else if (op == u"<" || op == u"<=" || op == u">" || op == u">=")
        return false; // unordered types: no ordering holds
    if (op == u"<")
        return order < 0;
    if (op == u"<=")
        return order <= 0;
    if (op == u">")
        return order > 0;
    if (op == u">=")
        return order >= 0;
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("unknown condition op %1").arg(op),
                 {{QStringLiteral("op"), op}}};
}

} // namespace

std::unique_ptr<NodeRun> NoopExecutor::start(const NodeTask &task, NodeDone done)
{
    done(NodeOutcome::completed(task.inputs));
    return nullptr;
}

std::unique_ptr<NodeRun> LogExecutor::start(const NodeTask &task, NodeDone done)
{
    const QJsonObject masked = SensitiveDataMasker::mask(task.inputs);
    QString line = QString::fromUtf8(QJsonDocument(masked).toJson(QJsonDocument::Compact));
    const QString prefix = task.config.value(QStringLiteral("message")).toString();
    if (!prefix.isEmpty())
        line = prefix + u' ' + line;
    qCInfo(lcEngine).noquote() << "log" << task.executionId << task.nodeId << line;
    NodeOutcome outcome = NodeOutcome::completed(task.inputs);
    outcome.logs.append(line);
    done(std::move(outcome));
    return nullptr;
}

std::unique_ptr<NodeRun> TransformExecutor::start(const NodeTask &task, NodeDone done)
{
    if (task.prepared)
        runTransform(static_cast<const PreparedTransform &>(*task.prepared), task, done);
    else
        runTransform(*prepareTransform(task.config), task, done);
    return nullptr;
}

std::shared_ptr<const PreparedNode> TransformExecutor::prepare(const QJsonObject &config) const
{
    return prepareTransform(config);
}

std::unique_ptr<NodeRun> ConditionExecutor::start(const NodeTask &task, NodeDone done)
{
    std::unique_ptr<PreparedCondition> unprepared;
    if (!task.prepared)
        unprepared = prepareCondition(task.config);
    const PreparedCondition &condition =
        task.prepared ? static_cast<const PreparedCondition &>(*task.prepared) : *unprepared;
    Result<QJsonValue> left = evaluateOnInputs(condition.left, task.inputs);
    Result<QJsonValue> right = condition.right
                                   ? evaluateOnInputs(*condition.right, task.inputs)
                                   : Result<QJsonValue>(QJsonValue(QJsonValue::Undefined));
    if (!left || !right) {
        done(NodeOutcome::failed(!left ? left.error() : right.error(), false));
        return nullptr;
    }
    Result<bool> result = compare(left.value(), condition.op, right.value());
    if (!result) {
        done(NodeOutcome::failed(result.error(), false));
        return nullptr;
    }
    QJsonObject outputs = task.inputs;
    outputs.insert(QStringLiteral("result"), result.value());
    done(NodeOutcome::completed(outputs,
                                result.value() ? QStringLiteral("true") : QStringLiteral("false")));
    return nullptr;
}

std::shared_ptr<const PreparedNode> ConditionExecutor::prepare(const QJsonObject &config) const
{
    return prepareCondition(config);
}

} // namespace hm::engine::builtins
