#include "client/PublicStatusApi.h"

#include "client/ApiClient.h"

#include <QJsonArray>

namespace hm::client {

namespace json {

PublicStatusSettings publicStatus(const QJsonObject &o)
{
    PublicStatusSettings s;
    s.enabled = o.value(QStringLiteral("enabled")).toBool();
    s.title = o.value(QStringLiteral("title")).toString();
    s.showAddresses = o.value(QStringLiteral("show_addresses")).toBool();
    for (const QJsonValue v : o.value(QStringLiteral("nodes")).toArray()) {
        // The server answers objects; a bare id is what it also accepts.
        if (v.isString()) {
            s.nodes.append({v.toString(), {}});
            continue;
        }
        const QJsonObject n = v.toObject();
        s.nodes.append({n.value(QStringLiteral("id")).toString(),
                        n.value(QStringLiteral("display_name")).toString()});
    }
    return s;
}

QJsonObject publicStatusBody(const PublicStatusSettings &settings)
{
    QJsonArray nodes;
    for (const PublicNodeChoice &n : settings.nodes)
        nodes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("display_name"), n.displayName}});
    return QJsonObject{{QStringLiteral("enabled"), settings.enabled},
                       {QStringLiteral("title"), settings.title},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("show_addresses"), settings.showAddresses}};
}

} // namespace json

namespace {

const QString kPublicStatusPath = QStringLiteral("/api/v1/public-status");

PublicStatusSettings readPublicStatus(const ApiResponse &r)
{
    return json::publicStatus(r.data.toObject());
}

} // namespace

void PublicStatusApi::fetch(Callback<PublicStatusSettings> done)
{
    m_client.call<PublicStatusSettings>(ApiRequest::get(kPublicStatusPath), readPublicStatus,
                                        std::move(done));
}

void PublicStatusApi::save(const PublicStatusSettings &settings,
                           Callback<PublicStatusSettings> done)
{
    m_client.call<PublicStatusSettings>(
        ApiRequest::put(kPublicStatusPath, json::publicStatusBody(settings)), readPublicStatus,
        std::move(done));
}

} // namespace hm::client
