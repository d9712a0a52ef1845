#pragma once

// The set-up TestWireGuardTunnel's tunnels share: a WireGuard server and
// one client made through the API, the server started, the client's config
// downloaded and brought up in the client's namespace as a user would (its
// addresses, and routes for its AllowedIPs). Each step's failure is named in
// `error`; the caller checks it with QVERIFY2 (QVERIFY cannot leave a
// helper's caller).

#include "AuthTestSupport.h"
#include "vpn/WgQuickText.h"
#include "vpn/backend/LinuxWireGuardBackend.h"

#include <QJsonObject>

namespace hm::test {

// The client side of a tunnel from the config …/config answered.
inline Status wgTunnelBringUp(vpn::LinuxWireGuardBackend &backend, const QString &interfaceName,
                              const QByteArray &config)
{
    auto parsed = vpn::wgquick::parse(QString::fromUtf8(config));
    if (!parsed)
        return parsed.error();
    vpn::InterfaceSpec spec;
    spec.name = interfaceName;
    auto stripped = vpn::wgquick::renderStripped(parsed.value().config);
    if (!stripped)
        return stripped.error();
    spec.setconf = stripped.value().toUtf8();
    for (const vpn::WgCidr &address : parsed.value().config.interface.addresses)
        spec.addresses << address.toString();
    for (const vpn::WgCidr &allowed : parsed.value().config.peers.value(0).allowedIps)
        spec.routes << allowed.toString();
    return backend.up(spec);
}

struct WgTunnel
{
    QString error; // empty: every step succeeded
    QJsonObject server;
    QJsonObject client;
    QString serverPath; // /api/v1/wireguard/servers/{id}
    QString clientPath; // /api/v1/wireguard/clients/{id}
    qint64 clientId = 0;
    QString clientPublicKey;
    QString backend;   // as the start answered
    QByteArray config; // the client's downloaded config
};

// POST the server (`serverBody`), POST its client (`clientBody` without
// server_id), start the server, download the client's config and bring it
// up as `clientInterface` through `clientSide`.
inline WgTunnel openWgTunnel(Http &http, const QString &admin, const QJsonObject &serverBody,
                             QJsonObject clientBody, vpn::LinuxWireGuardBackend &clientSide,
                             const QString &clientInterface)
{
    WgTunnel t;
    const Answer created =
        http.json("POST", QStringLiteral("/api/v1/wireguard/servers"), serverBody, admin);
    if (created.status != 201) {
        t.error = QStringLiteral("server not created: ") + QString::fromUtf8(created.raw);
        return t;
    }
    t.server = created.data();
    t.serverPath = QStringLiteral("/api/v1/wireguard/servers/") +
                   QString::number(t.server.value(QStringLiteral("id")).toInteger());
    clientBody.insert(QStringLiteral("server_id"), t.server.value(QStringLiteral("id")));
    const Answer client =
        http.json("POST", QStringLiteral("/api/v1/wireguard/clients"), clientBody, admin);
    if (client.status != 201) {
        t.error = QStringLiteral("client not created: ") + QString::fromUtf8(client.raw);
        return t;
    }
    t.client = client.data();
    t.clientId = t.client.value(QStringLiteral("id")).toInteger();
    t.clientPath = QStringLiteral("/api/v1/wireguard/clients/") + QString::number(t.clientId);
    t.clientPublicKey = t.client.value(QStringLiteral("public_key")).toString();
    const Answer started =
        http.send("POST", t.serverPath + QStringLiteral("/start"), {}, Http::bearer(admin));
    if (started.status != 200) {
        t.error = QStringLiteral("server not started: ") + QString::fromUtf8(started.raw);
        return t;
    }
    t.backend = started.data().value(QStringLiteral("backend")).toString();
    const Answer download = http.get(t.clientPath + QStringLiteral("/config"), admin);
    if (download.status != 200) {
        t.error = QStringLiteral("config not downloaded: ") + QString::fromUtf8(download.raw);
        return t;
    }
    t.config = download.raw;
    if (const Status up = wgTunnelBringUp(clientSide, clientInterface, t.config); !up)
        t.error = QStringLiteral("client not brought up: ") + up.error().message;
    return t;
}

} // namespace hm::test
