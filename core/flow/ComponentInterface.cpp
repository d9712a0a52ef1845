#include "flow/ComponentInterface.h"

#include "flow/FlowProblem.h"
#include "flow/JsonRead.h"

#include <QJsonArray>
#include <QSet>

namespace hm::flow {

namespace {

const PortDef *findPort(const QList<PortDef> &ports, const QString &name)
{
    for (const PortDef &p : ports) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QList<PortDef> readPorts(JsonReader &reader, const QJsonObject &json, const QString &key,
                         bool isInput)
{
    QList<PortDef> ports;
    QSet<QString> seen;
    const QJsonArray array = reader.array(json, key, {}, false);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = key + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!array.at(i).isObject()) {
            reader.report(path, QStringLiteral("expected an object"));
            continue;
        }
        const QJsonObject obj = array.at(i).toObject();
        PortDef port;
        port.name = reader.string(obj, QStringLiteral("name"), path, true);
        const QString typeName =
            reader.string(obj, QStringLiteral("type"), path, false, QStringLiteral("any"));
        if (const auto type = portTypeFromName(typeName))
            port.type = *type;
        else
            reader.report(JsonReader::join(path, QStringLiteral("type")),
                          QStringLiteral("unknown port type \"%1\"").arg(typeName));
        port.description = reader.string(obj, QStringLiteral("description"), path, false);
        port.schema = reader.object(obj, QStringLiteral("schema"), path);
        if (isInput) {
            port.required = reader.boolean(obj, QStringLiteral("required"), path, false);
            if (obj.contains(QStringLiteral("default"))) {
                port.defaultValue = obj.value(QStringLiteral("default"));
                // null is an explicit "no value" default, allowed for any type.
                if (!port.defaultValue->isNull() &&
                    !valueMatchesPortType(*port.defaultValue, port.type))
                    reader.report(
                        JsonReader::join(path, QStringLiteral("default")),
                        QStringLiteral("default is %1, not %2")
                            .arg(jsonTypeName(*port.defaultValue), portTypeName(port.type)));
            }
        }
        if (!port.name.isEmpty() && seen.contains(port.name))
            reader.report(path, QStringLiteral("duplicate port \"%1\"").arg(port.name));
        seen.insert(port.name);
        ports.append(port);
    }
    return ports;
}

QJsonArray writePorts(const QList<PortDef> &ports, bool isInput)
{
    QJsonArray array;
    for (const PortDef &p : ports) {
        QJsonObject obj;
        obj.insert(QStringLiteral("name"), p.name);
        obj.insert(QStringLiteral("type"), portTypeName(p.type));
        if (isInput) {
            obj.insert(QStringLiteral("required"), p.required);
            if (p.defaultValue)
                obj.insert(QStringLiteral("default"), *p.defaultValue);
        }
        if (!p.description.isEmpty())
            obj.insert(QStringLiteral("description"), p.description);
        if (!p.schema.isEmpty())
            obj.insert(QStringLiteral("schema"), p.schema);
        array.append(obj);
    }
    return array;
}

} // namespace

const PortDef *ComponentInterface::input(const QString &portName) const
{
    return findPort(inputs, portName);
}

const PortDef *ComponentInterface::output(const QString &portName) const
{
    return findPort(outputs, portName);
}

Result<ComponentInterface> ComponentInterface::fromJson(const QJsonObject &json,
                                                        const QString &name, const QString &version)
{
    FlowProblems problems;
    JsonReader reader(&problems, problem::InvalidShape, QLatin1StringView("path"));
    ComponentInterface iface;
    iface.name = name.isEmpty() ? reader.string(json, QStringLiteral("name"), {}, true) : name;
    iface.version =
        version.isEmpty() ? reader.string(json, QStringLiteral("version"), {}, true) : version;
    iface.inputs = readPorts(reader, json, QStringLiteral("inputs"), true);
    iface.outputs = readPorts(reader, json, QStringLiteral("outputs"), false);
    iface.configSchema = reader.object(json, QStringLiteral("configSchema"), {});
    if (json.contains(QStringLiteral("outputHandles"))) {
        iface.outputHandles.clear();
        const QJsonArray handles = reader.array(json, QStringLiteral("outputHandles"), {}, false);
        for (const QJsonValue &h : handles) {
            if (h.isString() && !h.toString().isEmpty())
                iface.outputHandles.append(h.toString());
            else
                reader.report(QStringLiteral("outputHandles"),
                              QStringLiteral("handles must be non-empty strings"));
        }
        if (iface.outputHandles.isEmpty() && !reader.failed())
            reader.report(QStringLiteral("outputHandles"),
                          QStringLiteral("a component needs at least one output handle"));
    }
    if (!problems.isEmpty()) {
        QStringList messages;
        for (const FlowProblem &p : std::as_const(problems))
            messages.append(p.message);
        Error error = problemsError(problems);
        error.code = ErrorCode::ValidationError;
        error.message = QStringLiteral("invalid interface of component %1 %2: %3")
                            .arg(iface.name, iface.version, messages.join(QStringLiteral("; ")));
        return error;
    }
    return iface;
}

QJsonObject ComponentInterface::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("name"), name);
    json.insert(QStringLiteral("version"), version);
    json.insert(QStringLiteral("inputs"), writePorts(inputs, true));
    json.insert(QStringLiteral("outputs"), writePorts(outputs, false));
    if (!configSchema.isEmpty())
        json.insert(QStringLiteral("configSchema"), configSchema);
    json.insert(QStringLiteral("outputHandles"), QJsonArray::fromStringList(outputHandles));
    return json;
}

} // namespace hm::flow
