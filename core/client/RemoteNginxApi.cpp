// RemoteApi's nginx calls (docs/api.md "Node Nginx"): /api/v1/nodes/{id}/nginx/*.

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/RemoteApi.h"

#include <QJsonArray>
#include <QUrl>

namespace hm::client {

namespace json {

NginxSite nginxSite(const QJsonObject &o)
{
    NginxSite s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.enabled = o.value(QStringLiteral("enabled")).toBool();
    s.serverNames = strings(o.value(QStringLiteral("server_name")));
    s.listen = strings(o.value(QStringLiteral("listen")));
    s.size = o.value(QStringLiteral("size")).toInteger();
    s.modified = time(o.value(QStringLiteral("modified")));
    s.content = o.value(QStringLiteral("content")).toString();
    s.sha256 = o.value(QStringLiteral("sha256")).toString();
    return s;
}

NginxCertificate nginxCertificate(const QJsonObject &o)
{
    NginxCertificate c;
    c.domain = o.value(QStringLiteral("domain")).toString();
    c.site = o.value(QStringLiteral("site")).toString();
    c.path = o.value(QStringLiteral("certificate_path")).toString();
    c.subject = o.value(QStringLiteral("subject")).toString();
    c.issuer = o.value(QStringLiteral("issuer")).toString();
    c.sans = strings(o.value(QStringLiteral("sans")));
    c.notBefore = time(o.value(QStringLiteral("not_before")));
    c.notAfter = time(o.value(QStringLiteral("not_after")));
    c.daysLeft = o.value(QStringLiteral("days_left")).toInt();
    c.expired = o.value(QStringLiteral("expired")).toBool();
    c.selfSigned = o.value(QStringLiteral("self_signed")).toBool();
    c.fingerprintSha256 = o.value(QStringLiteral("fingerprint_sha256")).toString();
    return c;
}

} // namespace json

namespace {

QString nginxPath(const QString &nodeId, const QString &suffix)
{
    return QStringLiteral("/api/v1/nodes/") + nodeId + QStringLiteral("/nginx") + suffix;
}

// A site name or domain as one path segment.
QString nginxSegment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

NginxStatus nginxStatusOf(const ApiResponse &r)
{
    const QJsonObject o = r.data.toObject();
    return NginxStatus{o.value(QStringLiteral("running")).toBool(),
                       o.value(QStringLiteral("pid")).toInteger(),
                       o.value(QStringLiteral("version")).toString(),
                       o.value(QStringLiteral("config_ok")).toBool(),
                       o.value(QStringLiteral("config_test")).toString()};
}

Status nginxNothing(const ApiResponse &)
{
    return Status();
}

} // namespace

void RemoteApi::nginxStatus(const QString &nodeId, Callback<NginxStatus> done)
{
    m_client.call<NginxStatus>(ApiRequest::get(nginxPath(nodeId, QStringLiteral("/status"))),
                               nginxStatusOf, std::move(done));
}

void RemoteApi::nginxControl(const QString &nodeId, const QString &verb, Callback<NginxStatus> done)
{
    m_client.call<NginxStatus>(ApiRequest::post(nginxPath(nodeId, u'/' + verb)), nginxStatusOf,
                               std::move(done));
}

void RemoteApi::nginxConfig(const QString &nodeId, Callback<NginxConfig> done)
{
    m_client.call<NginxConfig>(
        ApiRequest::get(nginxPath(nodeId, QStringLiteral("/config"))),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            return NginxConfig{o.value(QStringLiteral("path")).toString(),
                               o.value(QStringLiteral("content")).toString(),
                               o.value(QStringLiteral("sha256")).toString()};
        },
        std::move(done));
}

void RemoteApi::saveNginxConfig(const QString &nodeId, const QString &content,
                                const QString &expectedSha256, Callback<void> done)
{
    QJsonObject body{{QStringLiteral("config"), content}};
    if (!expectedSha256.isEmpty())
        body.insert(QStringLiteral("expected_sha256"), expectedSha256);
    m_client.call<void>(ApiRequest::put(nginxPath(nodeId, QStringLiteral("/config")), body),
                        nginxNothing, std::move(done));
}

void RemoteApi::nginxSites(const QString &nodeId, Callback<QList<NginxSite>> done)
{
    m_client.call<QList<NginxSite>>(
        ApiRequest::get(nginxPath(nodeId, QStringLiteral("/sites"))),
        [](const ApiResponse &r) {
            QList<NginxSite> out;
            for (const QJsonValue item : r.data.toObject().value(QStringLiteral("sites")).toArray())
                out.append(json::nginxSite(item.toObject()));
            return out;
        },
        std::move(done));
}

void RemoteApi::nginxSite(const QString &nodeId, const QString &name, Callback<NginxSite> done)
{
    m_client.call<NginxSite>(
        ApiRequest::get(nginxPath(nodeId, QStringLiteral("/sites/") + nginxSegment(name))),
        [](const ApiResponse &r) { return json::nginxSite(r.data.toObject()); }, std::move(done));
}

void RemoteApi::createNginxSite(const QString &nodeId, const QString &name, const QString &content,
                                Callback<void> done)
{
    m_client.call<void>(ApiRequest::post(nginxPath(nodeId, QStringLiteral("/sites")),
                                         QJsonObject{{QStringLiteral("name"), name},
                                                     {QStringLiteral("config"), content}}),
                        nginxNothing, std::move(done));
}

void RemoteApi::saveNginxSite(const QString &nodeId, const QString &name, const QString &content,
                              const QString &expectedSha256, Callback<void> done)
{
    QJsonObject body{{QStringLiteral("config"), content}};
    if (!expectedSha256.isEmpty())
        body.insert(QStringLiteral("expected_sha256"), expectedSha256);
    m_client.call<void>(
        ApiRequest::put(nginxPath(nodeId, QStringLiteral("/sites/") + nginxSegment(name)), body),
        nginxNothing, std::move(done));
}

void RemoteApi::deleteNginxSite(const QString &nodeId, const QString &name, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(nginxPath(nodeId, QStringLiteral("/sites/") + nginxSegment(name))),
        nginxNothing, std::move(done));
}

void RemoteApi::setNginxSiteEnabled(const QString &nodeId, const QString &name, bool enabled,
                                    Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::post(nginxPath(
            nodeId, QStringLiteral("/sites/") + nginxSegment(name) +
                        (enabled ? QStringLiteral("/enable") : QStringLiteral("/disable")))),
        nginxNothing, std::move(done));
}

void RemoteApi::nginxCertificate(const QString &nodeId, const QString &domain,
                                 Callback<NginxCertificate> done)
{
    m_client.call<NginxCertificate>(
        ApiRequest::get(nginxPath(nodeId, QStringLiteral("/ssl/") + nginxSegment(domain))),
        [](const ApiResponse &r) { return json::nginxCertificate(r.data.toObject()); },
        std::move(done));
}

void RemoteApi::generateNginxCertificate(const QString &nodeId, const QString &domain,
                                         bool overwrite, Callback<NginxCertificate> done)
{
    m_client.call<NginxCertificate>(
        ApiRequest::post(nginxPath(nodeId, QStringLiteral("/ssl/") + nginxSegment(domain)),
                         QJsonObject{{QStringLiteral("overwrite"), overwrite}}),
        [](const ApiResponse &r) { return json::nginxCertificate(r.data.toObject()); },
        std::move(done));
}

} // namespace hm::client
