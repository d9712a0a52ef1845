#include "flow/MappingEvaluator.h"

#include "flow/BlobRef.h"
#include "flow/JsonRead.h"
#include "flow/PortType.h"

#include <QCborMap>
#include <QJsonArray>
#include <QVarLengthArray>
#include <algorithm>

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

// isBlobRef() with the cheap tests first: a reference is an object with
// one member, "$ref", a string. Most objects on a path fail the size test;
// a one-member object's member is looked up through a QCborMap view of it
// (shares the data), which costs about half of QJsonObject::value().
bool isBlobRefFast(const QJsonValue &value)
{
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    return object.size() == 1 &&
           QCborMap::fromJsonObject(object).value(QLatin1StringView("$ref")).isString() &&
           isBlobRef(value);
}

Result<QJsonValue> walk(QJsonValue value, const QList<PathSegment> &path,
                        const EvaluationContext &context)
{
    for (const PathSegment &step : path) {
        if (isBlobRefFast(value)) {
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
                             const Mapping &mapping, const EvaluationContext &context)
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
        // Spelt out only here: printing a mapping costs more than checking.
        const QString text = mapping.toString();
        if (!text.isEmpty())
            details.insert(QStringLiteral("mapping"), text);
        return inputError(node, port.name,
                          QStringLiteral("expected %1, got %2").arg(expected, actual), details);
    }
    return value;
}

Error noNodeError(int nodeIndex)
{
    return Error{
        ErrorCode::InternalError, QStringLiteral("no node with index %1").arg(nodeIndex), {}};
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
        return noNodeError(nodeIndex);
    return resolveInputs(flow, nodeIndex, context, inputsShape(flow, nodeIndex));
}

InputsShape inputsShape(const CompiledFlow &flow, int nodeIndex)
{
    InputsShape shape;
    if (nodeIndex < 0 || nodeIndex >= flow.nodeCount())
        return shape;
    const ComponentInterface *iface = flow.node(nodeIndex).interface.get();
    const std::span<const InputBinding> bindings = flow.inputs(nodeIndex);
    if (bindings.empty() && (!iface || iface->inputs.isEmpty()))
        return shape; // nothing to fill: an empty object
    std::vector<QString> keys;
    // Few keys per node: a linear search, once per node and flow.
    auto slotOf = [&keys](const QString &name) {
        const auto found = std::find(keys.begin(), keys.end(), name);
        return static_cast<int>(found - keys.begin());
    };
    auto addSlot = [&keys, &slotOf](const QString &name) {
        const int slot = slotOf(name);
        if (slot == static_cast<int>(keys.size()))
            keys.push_back(name);
        return slot;
    };
    shape.bindingSlots.reserve(bindings.size());
    shape.bindingPorts.reserve(bindings.size());
    for (const InputBinding &binding : bindings) {
        shape.bindingSlots.push_back(addSlot(binding.input));
        shape.bindingPorts.push_back(iface ? iface->input(binding.input) : nullptr);
    }
    if (iface) {
        // A declared input without a default has a slot only when mapped
        // (or when an earlier input of the same name has a default).
        shape.portSlots.reserve(static_cast<size_t>(iface->inputs.size()));
        for (const PortDef &port : iface->inputs) {
            const int slot = slotOf(port.name);
            if (slot < static_cast<int>(keys.size()))
                shape.portSlots.push_back(slot);
            else
                shape.portSlots.push_back(port.defaultValue ? addSlot(port.name) : -1);
        }
    }
    shape.object = JsonObjectTemplate({}, keys);
    return shape;
}

Result<QJsonObject> resolveInputs(const CompiledFlow &flow, int nodeIndex,
                                  const EvaluationContext &context, const InputsShape &shape)
{
    if (nodeIndex < 0 || nodeIndex >= flow.nodeCount())
        return noNodeError(nodeIndex);
    const CompiledNode &node = flow.node(nodeIndex);
    const ComponentInterface *iface = node.interface.get();
    const std::span<const InputBinding> bindings = flow.inputs(nodeIndex);
    Q_ASSERT(shape.bindingSlots.size() == bindings.size());
    // Per slot: its value, Undefined while it has none.
    QVarLengthArray<QJsonValue, 8> values(shape.object.slotCount());
    for (QJsonValue &value : values)
        value = QJsonValue(QJsonValue::Undefined);
    for (size_t k = 0; k < bindings.size(); ++k) {
        const InputBinding &binding = bindings[k];
        Result<QJsonValue> value = evaluate(binding.mapping, context);
        if (!value)
            return inputError(node, binding.input, value.error().message, value.error().details);
        if (value.value().isUndefined())
            continue; // a default, or the required check below, takes over
        QJsonValue &slot = values[shape.bindingSlots[k]];
        const PortDef *port = shape.bindingPorts[k];
        if (!port) {
            slot = std::move(value).value();
            continue;
        }
        Result<QJsonValue> fitted =
            fitToPort(std::move(value).value(), *port, node, binding.mapping, context);
        if (!fitted)
            return fitted.error();
        slot = std::move(fitted).value();
    }
    if (iface) {
        for (qsizetype p = 0; p < iface->inputs.size(); ++p) {
            const PortDef &port = iface->inputs[p];
            const int slot = shape.portSlots[static_cast<size_t>(p)];
            if (slot >= 0 && !values[slot].isUndefined())
                continue;
            if (port.defaultValue) {
                values[slot] = *port.defaultValue;
            } else if (port.required) {
                return inputError(node, port.name, QStringLiteral("required input has no value"),
                                  {{QStringLiteral("reason"), QStringLiteral("missing")},
                                   {QStringLiteral("expected"), portTypeName(port.type)},
                                   {QStringLiteral("actual"), QStringLiteral("missing")}});
            }
        }
    }
    if (values.isEmpty())
        return QJsonObject();
    return shape.object.fill(values);
}

} // namespace hm::flow
