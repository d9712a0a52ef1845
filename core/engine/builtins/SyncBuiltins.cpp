#include "engine/builtins/SyncBuiltins.h"

#include "common/Logging.h"
#include "common/SensitiveDataMasker.h"
#include "flow/Mapping.h"
#include "flow/MappingEvaluator.h"

#include <QJsonDocument>

namespace hm::engine::builtins {

namespace {

const QString kInputsPrefix = QStringLiteral("$.inputs");

// Built-in configs read the node's own inputs as "$.inputs.<path>". The
// mapping language knows $.trigger and $.nodes only, so "$.inputs" is
// rewritten to "$.trigger" and evaluated with the inputs as the trigger.
Result<QJsonValue> evaluateOnInputs(const QJsonValue &expression, const QJsonObject &inputs)
{
    QJsonValue value = expression;
    if (expression.isString() && expression.toString().startsWith(QStringLiteral("$."))) {
        const QString text = expression.toString();
        if (!text.startsWith(kInputsPrefix) ||
            (text.size() > kInputsPrefix.size() && text[kInputsPrefix.size()] != u'.' &&
             text[kInputsPrefix.size()] != u'['))
            return Error{
                ErrorCode::InvalidInputMapping,
                QStringLiteral("built-in expressions read \"$.inputs...\", not %1").arg(text),
                {{QStringLiteral("expression"), text}}};
        value = QString(QStringLiteral("$.trigger") + text.mid(kInputsPrefix.size()));
    }
    Result<flow::Mapping> mapping = flow::parseMapping(value);
    if (!mapping)
        return mapping.error();
    flow::EvaluationContext context;
    context.trigger = inputs;
    return flow::evaluate(mapping.value(), context);
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
    const QJsonObject spec = task.config.value(QStringLiteral("outputs")).toObject();
    QJsonObject outputs;
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        Result<QJsonValue> value = evaluateOnInputs(it.value(), task.inputs);
        if (!value) {
            done(NodeOutcome::failed(value.error(), false));
            return nullptr;
        }
        if (!value.value().isUndefined())
            outputs.insert(it.key(), value.value());
    }
    done(NodeOutcome::completed(outputs));
    return nullptr;
}

std::unique_ptr<NodeRun> ConditionExecutor::start(const NodeTask &task, NodeDone done)
{
    const QJsonValue leftSpec = task.config.contains(QStringLiteral("left"))
                                    ? task.config.value(QStringLiteral("left"))
                                    : QJsonValue(QStringLiteral("$.inputs.value"));
    const QString op = task.config.value(QStringLiteral("op")).toString(QStringLiteral("truthy"));
    Result<QJsonValue> left = evaluateOnInputs(leftSpec, task.inputs);
    const QJsonValue rightSpec = task.config.value(QStringLiteral("right"));
    Result<QJsonValue> right = rightSpec.isUndefined()
                                   ? Result<QJsonValue>(QJsonValue(QJsonValue::Undefined))
                                   : evaluateOnInputs(rightSpec, task.inputs);
    if (!left || !right) {
        done(NodeOutcome::failed(!left ? left.error() : right.error(), false));
        return nullptr;
    }
    Result<bool> result = compare(left.value(), op, right.value());
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

} // namespace hm::engine::builtins
