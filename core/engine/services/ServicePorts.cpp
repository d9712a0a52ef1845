#include "engine/services/ServicePorts.h"

#include <QHash>
#include <QJsonArray>

namespace hm::engine {

namespace {

flow::PortDef port(const QString &name, flow::PortType type, bool required,
                   const QString &description)
{
    return flow::PortDef{name, type, required, std::nullopt, description};
}

flow::PortType portTypeOf(const ServiceParameter &parameter)
{
    // The schema's own type when the import left `type` empty.
    QString type = parameter.type;
    if (type.isEmpty())
        type = parameter.schema.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("string"))
        return flow::PortType::String;
    if (type == QLatin1String("integer"))
        return flow::PortType::Integer;
    if (type == QLatin1String("number"))
        return flow::PortType::Number;
    if (type == QLatin1String("boolean"))
        return flow::PortType::Boolean;
    if (type == QLatin1String("array"))
        return flow::PortType::Array;
    if (type == QLatin1String("object"))
        return flow::PortType::Object;
    return flow::PortType::Any;
}

} // namespace

flow::ComponentInterface serviceInterface()
{
    using flow::PortType;
    flow::ComponentInterface iface;
    iface.name = QString::fromLatin1(kServiceComponent);
    iface.version = QString::fromLatin1(kServiceVersion);
    iface.outputs = {
        port(QStringLiteral("status"), PortType::Integer, false,
             QStringLiteral("HTTP status code")),
        port(QStringLiteral("headers"), PortType::Object, false,
             QStringLiteral("response headers, lower-case")),
        port(QStringLiteral("body"), PortType::Any, false,
             QStringLiteral("JSON value, text or base64")),
    };
    const QJsonObject id{{QStringLiteral("type"), QStringLiteral("string")},
                         {QStringLiteral("minLength"), 1}};
    iface.configSchema = QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"),
         QJsonArray{QStringLiteral("serviceId"), QStringLiteral("endpointId")}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("serviceId"), id}, {QStringLiteral("endpointId"), id}}},
    };
    return iface;
}

QStringList serviceInputPortNames(const ServiceEndpointSpec &spec)
{
    QHash<QString, int> uses;
    for (const ServiceParameter &p : spec.parameters)
        ++uses[p.name];
    QStringList names;
    names.reserve(spec.parameters.size());
    for (const ServiceParameter &p : spec.parameters) {
        const bool clash =
            uses.value(p.name) > 1 || (spec.hasBody && p.name == QLatin1String("body"));
        names.append(clash ? p.in + QLatin1Char('.') + p.name : p.name);
    }
    return names;
}

flow::ComponentInterface serviceEndpointInterface(const ServiceEndpointSpec &spec)
{
    flow::ComponentInterface iface = serviceInterface();
    const QStringList names = serviceInputPortNames(spec);
    for (qsizetype i = 0; i < spec.parameters.size(); ++i) {
        const ServiceParameter &p = spec.parameters[i];
        QString description = QStringLiteral("%1 parameter \"%2\"").arg(p.in, p.name);
        const QString summary = p.schema.value(QStringLiteral("description")).toString();
        if (!summary.isEmpty())
            description += QStringLiteral(": ") + summary;
        iface.inputs.append(port(names[i], portTypeOf(p), p.required, description));
    }
    if (spec.hasBody) {
        const QString type = spec.bodyContentType.isEmpty() ? QStringLiteral("application/json")
                                                            : spec.bodyContentType;
        iface.inputs.append(port(QStringLiteral("body"), flow::PortType::Any, false,
                                 QStringLiteral("request body (%1)").arg(type)));
    }
    return iface;
}

Result<flow::ComponentInterface> serviceNodeInterface(const ServiceResolver &resolver,
                                                      const QJsonObject &config)
{
    const QJsonValue serviceId = config.value(QStringLiteral("serviceId"));
    const QJsonValue endpointId = config.value(QStringLiteral("endpointId"));
    if (!serviceId.isString() || !endpointId.isString() || serviceId.toString().isEmpty() ||
        endpointId.toString().isEmpty())
        return serviceInterface();
    Result<ServiceEndpointSpec> spec =
        resolver.endpoint(serviceId.toString(), endpointId.toString());
    if (!spec)
        return spec.error();
    return serviceEndpointInterface(*spec);
}

} // namespace hm::engine
