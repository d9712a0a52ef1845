#include "inspector/MappingText.h"

#include "flow/Mapping.h"
#include "flowgraph/FlowGraphModel.h"
#include "inspector/InspectorStyle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace hm::app {

namespace {

bool isPlainName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const bool ok = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('_') ||
                        c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    return true;
}

QString segment(const QString &name)
{
    if (isPlainName(name))
        return QLatin1Char('.') + name;
    QString escaped = name;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    escaped.replace(QLatin1String("\""), QLatin1String("\\\""));
    return QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString mappingCompactJson(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

// Text read as one JSON value, or nothing.
std::optional<QJsonValue> mappingParseJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray('[' + text.toUtf8() + ']'), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().first();
}

std::optional<flow::PortType> literalType(const QJsonValue &value)
{
    using flow::PortType;
    switch (value.type()) {
    case QJsonValue::String:
        return PortType::String;
    case QJsonValue::Bool:
        return PortType::Boolean;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? PortType::Integer
                                                                : PortType::Number;
    }
    case QJsonValue::Object:
        return PortType::Object;
    case QJsonValue::Array:
        return PortType::Array;
    default:
        return std::nullopt;
    }
}

} // namespace

QString MappingText::toText(const QJsonValue &mapping)
{
    if (mapping.isUndefined())
        return {};
    if (mapping.isString()) {
        const QString s = mapping.toString();
        if (s.startsWith(QLatin1String("$.")))
            return s;
        // Plain text stays plain unless it would read back as JSON (or as
        // refused JSON-looking text).
        const QString trimmed = s.trimmed();
        const bool looksJson = trimmed.startsWith(QLatin1Char('{')) ||
                               trimmed.startsWith(QLatin1Char('[')) ||
                               trimmed.startsWith(QLatin1Char('"'));
        if (s.isEmpty() || s != trimmed || looksJson || mappingParseJson(s))
            return mappingCompactJson(mapping);
        return s;
    }
    return mappingCompactJson(mapping);
}

MappingText::Parsed MappingText::fromText(const QString &text)
{
    Parsed out;
    if (text.isEmpty())
        return out;
    if (text.startsWith(QLatin1String("$."))) {
        out.value = text;
        auto parsed = flow::parseMapping(out.value);
        if (!parsed) {
            const int position = parsed.error().details.value(QStringLiteral("position")).toInt();
            out.error = tr("This expression cannot be read at character %1.").arg(position + 1);
        }
        return out;
    }
    if (const auto json = mappingParseJson(text)) {
        out.value = *json;
        auto parsed = flow::parseMapping(out.value);
        if (!parsed)
            out.error = tr("This reference cannot be read: %1").arg(parsed.error().message);
        return out;
    }
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('{')) || trimmed.startsWith(QLatin1Char('[')) ||
        trimmed.startsWith(QLatin1Char('"'))) {
        out.value = text;
        out.error = tr("This is not valid JSON. Write text without { [ or \" at the start, or "
                       "complete the JSON.");
        return out;
    }
    out.value = text;
    return out;
}

QString MappingText::outputExpression(const QString &nodeId, const QString &output)
{
    QString e = QStringLiteral("$.nodes") + segment(nodeId) + QStringLiteral(".output");
    if (!output.isEmpty())
        e += segment(output);
    return e;
}

QStringList MappingText::upstreamNodes(const FlowGraphModel &model, const QString &nodeId)
{
    QSet<QString> seen;
    QStringList stack{nodeId};
    while (!stack.isEmpty()) {
        const QString current = stack.takeLast();
        for (const QString &edgeId : model.edgesOf(current, PortDirection::In)) {
            const QString parent = model.edge(edgeId)->source;
            if (parent == nodeId || seen.contains(parent) || !model.hasNode(parent))
                continue;
            seen.insert(parent);
            stack.append(parent);
        }
    }
    QStringList ordered;
    for (const QString &id : model.nodeIds()) {
        if (seen.contains(id))
            ordered.append(id);
    }
    return ordered;
}

QStringList MappingText::completions(const FlowGraphModel &model, const QString &nodeId,
                                     const QString &input)
{
    QSet<QString> trigger;
    for (const QString &id : model.nodeIds()) {
        const FlowNode *node = model.node(id);
        for (auto it = node->inputMappings.begin(); it != node->inputMappings.end(); ++it) {
            if (id == nodeId && it.key() == input)
                continue;
            const QString text = it.value().toString();
            if (text == QLatin1String("$.trigger") ||
                text.startsWith(QLatin1String("$.trigger.")) ||
                text.startsWith(QLatin1String("$.trigger[")))
                trigger.insert(text);
        }
    }
    QStringList out(trigger.cbegin(), trigger.cend());
    std::sort(out.begin(), out.end());

    for (const QString &id : upstreamNodes(model, nodeId)) {
        const FlowNode *node = model.node(id);
        const flow::ComponentInterface *iface =
            model.catalogue().forNode(node->component, node->version, node->config);
        if (iface && !iface->outputs.isEmpty()) {
            for (const flow::PortDef &output : iface->outputs)
                out.append(outputExpression(id, output.name));
        } else {
            out.append(outputExpression(id));
        }
    }
    return out;
}

MappingText::Source MappingText::describe(const FlowGraphModel &model, const QJsonValue &mapping,
                                          const FlowPort &port)
{
    Source s;
    auto parsed = flow::parseMapping(mapping);
    if (!parsed)
        return s;
    const flow::Mapping &m = *parsed;
    switch (m.kind) {
    case flow::Mapping::Kind::Literal:
        s.literal = true;
        s.type = literalType(m.literal);
        if (s.type)
            s.text = tr("A fixed value (%1).").arg(portTypeText(*s.type));
        else
            s.text = tr("A fixed value (null).");
        // What the engine will accept at run time (resolveInputs).
        s.mismatch = !flow::valueMatchesPortType(m.literal, port.type);
        return s;
    case flow::Mapping::Kind::BlobRef:
        s.type = flow::PortType::Bytes;
        s.text = tr("A stored blob (bytes).");
        s.mismatch = !flow::valueMatchesPortType(m.literal, port.type);
        return s;
    case flow::Mapping::Kind::Trigger:
        s.text = tr("Reads the trigger input; its type is known when the flow runs.");
        return s;
    case flow::Mapping::Kind::NodeOutput:
        break;
    }
    const FlowNode *source = model.node(m.nodeId);
    const flow::ComponentInterface *iface =
        source ? model.catalogue().forNode(source->component, source->version, source->config)
               : nullptr;
    if (m.output.isEmpty()) {
        s.type = flow::PortType::Object;
        s.text = tr("Reads all outputs of node “%1” (object).").arg(m.nodeId);
    } else if (const flow::PortDef *output = iface ? iface->output(m.output) : nullptr;
               output && m.path.isEmpty()) {
        s.type = output->type;
        s.text = tr("Reads output “%2” of node “%1” (%3).")
                     .arg(m.nodeId, m.output, portTypeText(output->type));
    } else {
        s.text = tr("Reads output “%2” of node “%1”; its type is known when the flow runs.")
                     .arg(m.nodeId, m.output);
    }
    if (s.type)
        s.mismatch = !portTypeFeeds(*s.type, port.type);
    return s;
}

} // namespace hm::app
