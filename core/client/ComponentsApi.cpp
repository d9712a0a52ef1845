#include "client/ComponentsApi.h"

#include "client/ApiClient.h"

#include <QUrl>

namespace hm::client {
namespace {

const QString kComponents = QStringLiteral("/api/v1/components");

QString versionPath(const QString &name, const QString &version)
{
    return kComponents + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(version));
}

Result<QList<ComponentInfo>> readItems(const ApiResponse &r)
{
    QList<ComponentInfo> items;
    for (const QJsonValue item : r.data.toObject().value(QStringLiteral("items")).toArray())
        items.append(ComponentInfo::fromJson(item.toObject()));
    return items;
}

} // namespace

ComponentInfo ComponentInfo::fromJson(const QJsonObject &json)
{
    ComponentInfo c;
    c.json = json;
    c.name = json.value(QStringLiteral("name")).toString();
    c.version = json.value(QStringLiteral("version")).toString();
    c.displayName = json.value(QStringLiteral("display_name")).toString();
    c.description = json.value(QStringLiteral("description")).toString();
    c.category = json.value(QStringLiteral("category")).toString();
    c.icon = json.value(QStringLiteral("icon")).toString();
    c.status = json.value(QStringLiteral("status")).toString();
    c.health = json.value(QStringLiteral("health")).toString();
    c.healthMessage = json.value(QStringLiteral("health_message")).toString();
    c.builtin = json.value(QStringLiteral("builtin")).toBool();
    c.deprecated = json.value(QStringLiteral("deprecated")).toBool() ||
                   c.status == QLatin1String("deprecated");
    for (const QJsonValue e : json.value(QStringLiteral("endpoints")).toArray())
        c.endpoints.append({e[QStringLiteral("url")].toString(),
                            e[QStringLiteral("health")].toString(),
                            e[QStringLiteral("health_message")].toString()});
    c.inputs = json.value(QStringLiteral("inputs")).toArray();
    c.outputs = json.value(QStringLiteral("outputs")).toArray();
    c.configSchema = json.value(QStringLiteral("configSchema")).toObject();
    return c;
}

void ComponentsApi::list(Callback<QList<ComponentInfo>> done)
{
    m_client.call<QList<ComponentInfo>>(ApiRequest::get(kComponents), readItems, std::move(done));
}

QJsonObject ComponentDetails::toJson() const
{
    QJsonObject json;
    const auto put = [&json](const char *key, const std::optional<QString> &value) {
        if (value)
            json.insert(QLatin1String(key), *value);
    };
    put("display_name", displayName);
    put("description", description);
    put("category", category);
    put("icon", icon);
    return json;
}

void ComponentsApi::versions(const QString &name, Callback<QList<ComponentInfo>> done)
{
    m_client.call<QList<ComponentInfo>>(
        ApiRequest::get(kComponents + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name))),
        readItems, std::move(done));
}

void ComponentsApi::registerEndpoint(const QString &endpoint, const QString &name,
                                     Callback<QList<ComponentInfo>> done)
{
    registerEndpoint(endpoint, name, {}, std::move(done));
}

void ComponentsApi::registerEndpoint(const QString &endpoint, const QString &name,
                                     const ComponentDetails &details,
                                     Callback<QList<ComponentInfo>> done)
{
    QJsonObject body{{QStringLiteral("endpoint"), endpoint}};
    if (!name.isEmpty()) {
        body.insert(QStringLiteral("name"), name);
        const QJsonObject fields = details.toJson();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            body.insert(it.key(), it.value());
    }
    m_client.call<QList<ComponentInfo>>(ApiRequest::post(kComponents, body), readItems,
                                        std::move(done));
}

void ComponentsApi::updateDetails(const QString &name, const ComponentDetails &details,
                                  Callback<QList<ComponentInfo>> done)
{
    m_client.call<QList<ComponentInfo>>(
        ApiRequest::withBody(
            "PATCH", kComponents + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name)),
            details.toJson()),
        readItems, std::move(done));
}

void ComponentsApi::setDeprecated(const QString &name, const QString &version, bool deprecated,
                                  Callback<ComponentInfo> done)
{
    m_client.call<ComponentInfo>(
        ApiRequest::post(versionPath(name, version) + (deprecated
                                                           ? QStringLiteral("/deprecate")
                                                           : QStringLiteral("/undeprecate"))),
        [](const ApiResponse &r) -> Result<ComponentInfo> {
            return ComponentInfo::fromJson(r.data.toObject());
        },
        std::move(done));
}

void ComponentsApi::usage(const QString &name, const QString &version, Callback<QJsonArray> done)
{
    m_client.call<QJsonArray>(
        ApiRequest::get(versionPath(name, version) + QStringLiteral("/usage")),
        [](const ApiResponse &r) -> Result<QJsonArray> {
            return r.data.toObject().value(QStringLiteral("items")).toArray();
        },
        std::move(done));
}

} // namespace hm::client
