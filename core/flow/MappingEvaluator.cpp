#include "flow/MappingEvaluator.h"

#include "flow/BlobRef.h"
#include "flow/JsonRead.h"
#include "flow/PortType.h"

#include <QJsonArray>

namespace hm::flow {

namespace {

const QJsonValue kMissing(QJsonValue::Undefined);

Result<QJsonValue> resolveBlob(const QString &blobId, const EvaluationContext &context)
{
    if (!context.resolveBlob)
        return Error{ErrorCode::InvalidInputMapping,
                     QStringLiteral("blob %1 cannot be read here").arg(blobId),
                     {{QStringLiteral("blob"), blobId}}};
    return context.resolveBlob(blobId);
}

Result<QJsonValue> walk(QJsonValue value, const QList<PathSegment> &path,
                        const EvaluationContext &context)
{
    for (const PathSegment &step : path) {
        if (isBlobRef(value)) {
            Result<QJsonValue> resolved = resolveBlob(blobRefId(value), context);
            if (!resolved)
                return resolved;
            value = std::move(resolved).value();
        }
        if (step.kind == PathSegment::Kind::Key) {
            if (!value.isObject())
                return kMissing;
            value = value.toObject().value(step.key);
        } else {
            if (!value.isArray())
                return kMissing;
            const QJsonArray array = value.toArray();
            if (step.index >= array.size())
                return kMissing;
            value = array.at(step.index);
        }
        if (value.isUndefined())
            return kMissing;
    }
    return value;
}

Error inputError(const CompiledNode &node, const QString &port, const QString &message,
                 QJsonObject details)
{
    details.insert(QStringLiteral("node"), node.id);
    details.insert(QStringLiteral("port"), port);
    return Error{ErrorCode::InvalidInputMapping,
                 QStringLiteral("node \"%1\" input \"%2\": %3").arg(node.id, port, message),
                 details};
}

// Resolves a blob the port cannot take as a reference, then checks the type.
Result<QJsonValue> fitToPort(QJsonValue value, const PortDef &port, const CompiledNode &node,
                             const QString &mapping, const EvaluationContext &context)
{
    if (isBlobRef(value) && port.type != PortType::Bytes && port.type != PortType::Any) {
        Result<QJsonValue> resolved = resolveBlob(blobRefId(value), context);
        if (!resolved)
            return inputError(node, port.name, resolved.error().message,
                              {{QStringLiteral("blob"), blobRefId(value)}});
        value = std::move(resolved).value();
    }
    if (!valueMatchesPortType(value, port.type)) {
        const QString expected = portTypeName(port.type);
        const QString actual = jsonTypeName(value);
        QJsonObject details{{QStringLiteral("expected"), expected},
                            {QStringLiteral("actual"), actual}};
        if (!mapping.isEmpty())
            details.insert(QStringLiteral("mapping"), mapping);
        return inputError(node, port.name,
                          QStringLiteral("expected %1, got %2").arg(expected, actual), details);
    }
    return value;
}

} // namespace

Result<QJsonValue> evaluate(const Mapping &mapping, const EvaluationContext &context)
{
    switch (mapping.kind) {
    case Mapping::Kind::Literal:
    case Mapping::Kind::BlobRef:
        return mapping.literal;
    case Mapping::Kind::Trigger:
        return walk(context.trigger, mapping.path, context);
    case Mapping::Kind::NodeOutput: {
        const std::optional<QJsonObject> outputs =
            context.nodeOutputs ? context.nodeOutputs(mapping.nodeId) : std::nullopt;
        if (!outputs)
            return kMissing;
        const QJsonValue root =
            mapping.output.isEmpty() ? QJsonValue(*outputs) : outputs->value(mapping.output);
        if (root.isUndefined())
            return kMissing;
        return walk(root, mapping.path, context);
    }
    }
    return kMissing;
}

Result<QJsonObject> resolveInputs(const CompiledFlow &flow, int nodeIndex,
                                  const EvaluationContext &context)
{
    if (nodeIndex < 0 || nodeIndex >= flow.nodeCount())
        return Error{
            ErrorCode::InternalError, QStringLiteral("no node with index %1").arg(nodeIndex), {}};
    const CompiledNode &node = flow.node(nodeIndex);
    const ComponentInterface *iface = node.interface.get();
    QJsonObject inputs;
    for (const InputBinding &binding : flow.inputs(nodeIndex)) {
        Result<QJsonValue> value = evaluate(binding.mapping, context);
        if (!value)
            return inputError(node, binding.input, value.error().message, value.error().details);
        if (value.value().isUndefined())
            continue; // a default, or the required check below, takes over
        const PortDef *port = iface ? iface->input(binding.input) : nullptr;
        if (!port) {
            inputs.insert(binding.input, value.value());
            continue;
        }
        Result<QJsonValue> fitted =
            fitToPort(std::move(value).value(), *port, node, binding.mapping.toString(), context);
        if (!fitted)
            return fitted.error();
        inputs.insert(binding.input, fitted.value());
    }
    if (!iface)
        return inputs;
    for (const PortDef &port : iface->inputs) {
        if (inputs.contains(port.name))
            continue;
        if (port.defaultValue) {
            inputs.insert(port.name, *port.defaultValue);
        } else if (port.required) {
            return inputError(node, port.name, QStringLiteral("required input has no value"),
                              {{QStringLiteral("reason"), QStringLiteral("missing")},
                               {QStringLiteral("expected"), portTypeName(port.type)},
                               {QStringLiteral("actual"), QStringLiteral("missing")}});
        }
    }
    return inputs;
}

} // namespace hm::flow
