// WireGuard servers and clients against a real server (issue 36, points 1
// to 4 and 8; docs/api.md "WireGuard"): a dual-stack server, clients of
// each address family getting the lowest free addresses, explicit
// addresses checked, 50 parallel creates getting 50 distinct addresses,
// addresses freed on delete and reused, hostile fields refused with nothing
// stored changed, client configs that parse and hold the right keys,
// addresses and endpoint, no private key in any list, get, audit entry or
// log line, viewers kept from writing, and start/stop with the config-only
// backend (the file written 0600).

#include "AuthTestSupport.h"
#include "crypto/WireGuardKeys.h"
#include "vpn/WgQuickText.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

const QString kWgServers = QStringLiteral("/api/v1/wireguard/servers");
const QString kWgClients = QStringLiteral("/api/v1/wireguard/clients");

QString wgPath(const QString &base, qint64 id, const QString &tail = {})
{
    return base + u'/' + QString::number(id) + tail;
}

qint64 idOf(const Answer &answer)
{
    return qint64(answer.data().value("id").toDouble());
}

} // namespace

class TestWireGuardApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    qint64 m_serverId = 0;
    QString m_serverPublicKey;
    // Every client private key the tests saw (from configs): none may show
    // up anywhere else.
    QStringList m_secrets;
    QStringList m_shareTokens;
    // /ws/events as the administrator: the wireguard_status messages.
    QWebSocket m_events;
    QList<QJsonObject> m_statuses;
    // The status of our server in the last wireguard_status message.
    QString lastPushedStatus() const
    {
        if (m_statuses.isEmpty())
            return {};
        for (const QJsonValue server : m_statuses.last().value("servers").toArray())
            if (qint64(server.toObject().value("id").toDouble()) == m_serverId)
                return server.toObject().value("status").toString();
        return {};
    }

    Answer createClient(const QJsonObject &body, const QString &token = {})
    {
        QJsonObject full = body;
        if (!full.contains("server_id"))
            full.insert("server_id", double(m_serverId));
        return m_http->json("POST", kWgClients, full, token.isEmpty() ? m_admin : token);
    }
    Answer removeClient(qint64 id)
    {
        return m_http->send("DELETE", wgPath(kWgClients, id), {}, Http::bearer(m_admin));
    }
    qint64 clientCount()
    {
        return qint64(
            m_http
                ->get(kWgClients + QStringLiteral("?server_id=") + QString::number(m_serverId),
                      m_admin)
                .data()
                .value("pagination")
                .toObject()
                .value("total")
                .toDouble());
    }
    // The config's interface private key, remembered as a secret.
    void rememberSecrets(const QString &config)
    {
        auto parsed = vpn::wgquick::parse(config);
        if (!parsed)
            return;
        m_secrets << parsed.value().config.interface.privateKey;
        for (const auto &peer : parsed.value().config.peers)
            if (!peer.presharedKey.isEmpty())
                m_secrets << peer.presharedKey;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")})
                     .isEmpty(),
                 "server did not start");
        connect(&m_events, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value("type") == QLatin1String("wireguard_status"))
                m_statuses.append(message.value("data").toObject());
        });
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        QNetworkRequest request(events);
        request.setRawHeader("Authorization", "Bearer " + m_admin.toUtf8());
        m_events.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(m_events.state(), QAbstractSocket::ConnectedState, 15000);
    }

    void administratorsCreateADualStackServer()
    {
        const Answer created =
            m_http->json("POST", kWgServers,
                         {{"name", "Office"},
                          {"interface", "wg0"},
                          {"listen_port", 51820},
                          {"ipv4_address", "10.8.0.1/24"},
                          {"ipv6_address", "fd00:8::1/64"},
                          {"dns_servers", QJsonArray{"1.1.1.1", "2606:4700::1111"}},
                          {"mtu", 1420},
                          {"persistent_keepalive", 25},
                          {"endpoint_host", "vpn.example.com"},
                          {"description", "Main office"}},
                         m_admin);
        QCOMPARE(created.status, 201);
        const QJsonObject server = created.data();
        m_serverId = idOf(created);
        QVERIFY(m_serverId > 0);
        QCOMPARE(server.value("interface").toString(), QStringLiteral("wg0"));
        QCOMPARE(server.value("ipv4_address").toString(), QStringLiteral("10.8.0.1/24"));
        QCOMPARE(server.value("ipv6_address").toString(), QStringLiteral("fd00:8::1/64"));
        QCOMPARE(server.value("private_key").toString(), QStringLiteral("***REDACTED***"));
        QCOMPARE(server.value("status").toString(), QStringLiteral("stopped"));
        m_serverPublicKey = server.value("public_key").toString();
        QVERIFY(crypto::isValidWireGuardKey(m_serverPublicKey));
        const QJsonObject config = server.value("config").toObject();
        QCOMPARE(config.value("mtu").toInt(), 1420);
        QCOMPARE(config.value("allowed_ips").toArray(), (QJsonArray{"0.0.0.0/0", "::/0"}));

        // Listed in seed 001's shape.
        const Answer list = m_http->get(kWgServers + QStringLiteral("?page=1&size=20"), m_admin);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.data().value("servers").toArray().size(), 1);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 1);
        QCOMPARE(
            list.data().value("servers").toArray().at(0).toObject().value("private_key").toString(),
            QStringLiteral("***REDACTED***"));

        // The same interface twice: CONFLICT naming it.
        const Answer again = m_http->json("POST", kWgServers,
                                          {{"name", "Again"},
                                           {"interface", "wg0"},
                                           {"listen_port", 51821},
                                           {"ipv4_address", "10.9.0.1/24"}},
                                          m_admin);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.details().value("field").toString(), QStringLiteral("interface"));
    }

    void serverFieldsAreChecked()
    {
        const QList<std::pair<QJsonObject, QString>> cases{
            {{{"interface", "wg 1"}}, "interface"},
            {{{"interface", "a-very-long-interface-name"}}, "interface"},
            {{{"listen_port", 0}}, "listen_port"},
            {{{"listen_port", 70000}}, "listen_port"},
            {{{"ipv4_address", QJsonValue::Null}, {"ipv6_address", QJsonValue::Null}},
             "ipv4_address"},
            {{{"ipv4_address", "10.9.0.1"}}, "ipv4_address"},
            {{{"ipv4_address", "fd00::1/64"}}, "ipv4_address"},
            {{{"mtu", 1000}, {"ipv6_address", "fd00:9::1/64"}}, "mtu"},
            {{{"mtu", 9001}}, "mtu"},
            {{{"persistent_keepalive", 70000}}, "persistent_keepalive"},
            {{{"dns_servers", QJsonArray{"1.1.1.1\n[Peer]"}}}, "dns_servers"},
            {{{"allowed_ips", QJsonArray{"0.0.0.0/0\nPostUp = id"}}}, "allowed_ips"},
            {{{"endpoint_host", "$(id)"}}, "endpoint_host"},
            {{{"name", "x\n[Peer]"}}, "name"},
            {{{"description", "PostUp = rm -rf /"}}, "description"},
            // Subnets a host cannot use, or with no room for a client.
            {{{"ipv4_address", "0.0.0.1/0"}}, "ipv4_address"},
            {{{"ipv4_address", "127.0.0.1/8"}}, "ipv4_address"},
            {{{"ipv4_address", "224.0.0.1/24"}}, "ipv4_address"},
            {{{"ipv4_address", "169.254.9.1/24"}}, "ipv4_address"},
            {{{"ipv4_address", "10.9.0.1/32"}}, "ipv4_address"},
            {{{"ipv6_address", "ff02::1/64"}}, "ipv6_address"},
            {{{"ipv6_address", "fe80::1/64"}}, "ipv6_address"},
            {{{"ipv6_address", "::1/64"}}, "ipv6_address"},
            {{{"ipv6_address", "fd00:9::1/128"}}, "ipv6_address"},
        };
        for (const auto &[override, field] : cases) {
            QJsonObject body{{"name", "Other"},
                             {"interface", "wg1"},
                             {"listen_port", 51821},
                             {"ipv4_address", "10.9.0.1/24"}};
            for (auto it = override.begin(); it != override.end(); ++it)
                body.insert(it.key(), it.value());
            const Answer refused = m_http->json("POST", kWgServers, body, m_admin);
            QVERIFY2(refused.status == 422, qPrintable(field + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        // IPv4-only servers may go down to 576.
        const Answer small = m_http->json("POST", kWgServers,
                                          {{"name", "Small"},
                                           {"interface", "wg9"},
                                           {"listen_port", 51829},
                                           {"ipv4_address", "10.99.0.1/24"},
                                           {"mtu", 576}},
                                          m_admin);
        QCOMPARE(small.status, 201);
        QCOMPARE(m_http->send("DELETE", wgPath(kWgServers, idOf(small)), {}, Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get(kWgServers, m_admin)
                     .data()
                     .value("pagination")
                     .toObject()
                     .value("total")
                     .toInt(),
                 1);
    }

    // Two servers sharing addresses would give one address to two clients:
    // a subnet overlapping another server's is a conflict on create and on
    // change, and nothing is stored.
    void subnetsOfTwoServersDoNotOverlap()
    {
        const Answer first = m_http->get(kWgServers, m_admin);
        const QJsonObject existing = first.data().value("servers").toArray().first().toObject();
        const QString v4 = existing.value("ipv4_address").toString();
        const QString v6 = existing.value("ipv6_address").toString();
        QVERIFY(!v4.isEmpty() && !v6.isEmpty());
        const QByteArray before = m_http->get(kWgServers, m_admin).raw;
        for (const auto &[field, value] :
             {std::pair{QStringLiteral("ipv4_address"), v4},
              std::pair{QStringLiteral("ipv6_address"), v6},
              std::pair{QStringLiteral("ipv4_address"), QStringLiteral("10.0.0.1/8")}}) {
            QJsonObject body{{"name", "Twin"}, {"interface", "wgtwin"}, {"listen_port", 51877}};
            body.insert(field, value);
            const Answer refused = m_http->json("POST", kWgServers, body, m_admin);
            QVERIFY2(refused.status == 409, qPrintable(value + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.details().value("field").toString(), field);
            QCOMPARE(refused.details().value("reason").toString(), QStringLiteral("overlapping"));
        }
        // Another server moved onto the first one's subnet: refused too.
        const Answer other = m_http->json("POST", kWgServers,
                                          {{"name", "Apart"},
                                           {"interface", "wgapart"},
                                           {"listen_port", 51878},
                                           {"ipv4_address", "10.123.0.1/24"}},
                                          m_admin);
        QVERIFY2(other.status == 201, other.raw.constData());
        const Answer moved =
            m_http->json("PUT", wgPath(kWgServers, idOf(other)), {{"ipv4_address", v4}}, m_admin);
        QCOMPARE(moved.status, 409);
        QCOMPARE(m_http->get(wgPath(kWgServers, idOf(other)), m_admin)
                     .data()
                     .value("ipv4_address")
                     .toString(),
                 QStringLiteral("10.123.0.1/24"));
        QCOMPARE(m_http->send("DELETE", wgPath(kWgServers, idOf(other)), {}, Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get(kWgServers, m_admin).data(),
                 QJsonDocument::fromJson(before).object().value("data").toObject());
    }

    void clientsOfEachFamilyGetTheLowestFreeAddresses()
    {
        const Answer dual = createClient({{"name", "laptop"}});
        QCOMPARE(dual.status, 201);
        QCOMPARE(dual.data().value("address_family").toString(), QStringLiteral("dual"));
        QCOMPARE(dual.data().value("ipv4_address").toString(), QStringLiteral("10.8.0.2/32"));
        QCOMPARE(dual.data().value("ipv6_address").toString(), QStringLiteral("fd00:8::2/128"));
        QCOMPARE(dual.data().value("private_key").toString(), QStringLiteral("***REDACTED***"));

        const Answer v4 = createClient({{"name", "printer"}, {"address_family", "ipv4"}});
        QCOMPARE(v4.status, 201);
        QCOMPARE(v4.data().value("ipv4_address").toString(), QStringLiteral("10.8.0.3/32"));
        QVERIFY(v4.data().value("ipv6_address").isNull());

        const Answer v6 = createClient({{"name", "phone"}, {"address_family", "ipv6"}});
        QCOMPARE(v6.status, 201);
        QVERIFY(v6.data().value("ipv4_address").isNull());
        QCOMPARE(v6.data().value("ipv6_address").toString(), QStringLiteral("fd00:8::3/128"));

        // Explicit ones are used as given.
        const Answer explicitOne = createClient(
            {{"name", "nas"}, {"ipv4_address", "10.8.0.50/32"}, {"ipv6_address", "fd00:8::50"}});
        QCOMPARE(explicitOne.status, 201);
        QCOMPARE(explicitOne.data().value("ipv4_address").toString(),
                 QStringLiteral("10.8.0.50/32"));
        QCOMPARE(explicitOne.data().value("ipv6_address").toString(),
                 QStringLiteral("fd00:8::50/128"));

        // The dual-stack client's config.
        const QString config = dual.data().value("config").toString();
        rememberSecrets(config);
        auto parsed = vpn::wgquick::parse(config);
        QVERIFY2(parsed.ok(), qPrintable(config));
        const vpn::WgQuickConfig &c = parsed.value().config;
        QVERIFY(crypto::isValidWireGuardKey(c.interface.privateKey));
        auto opened = crypto::wireGuardSecretFromBase64(c.interface.privateKey.toLatin1());
        QVERIFY(opened.ok());
        QCOMPARE(crypto::wireGuardKeyToBase64(crypto::publicKeyOf(opened.value())),
                 dual.data().value("public_key").toString());
        QCOMPARE(c.interface.addresses.size(), 2);
        QCOMPARE(c.interface.addresses.at(0).toString(), QStringLiteral("10.8.0.2/32"));
        QCOMPARE(c.interface.addresses.at(1).toString(), QStringLiteral("fd00:8::2/128"));
        QCOMPARE(c.interface.dns.size(), 2);
        QCOMPARE(c.peers.size(), 1);
        QCOMPARE(c.peers.at(0).publicKey, m_serverPublicKey);
        QVERIFY(!c.peers.at(0).presharedKey.isEmpty());
        QCOMPARE(c.peers.at(0).endpointHost, QStringLiteral("vpn.example.com"));
        QCOMPARE(c.peers.at(0).endpointPort, quint16(51820));
        QCOMPARE(c.peers.at(0).persistentKeepalive, std::optional<quint16>(25));
        QCOMPARE(c.peers.at(0).allowedIps.size(), 2);
        QVERIFY(dual.data().value("qr_code").toString().startsWith(
            QStringLiteral("data:image/png;base64,iVBOR")));

        // The download holds the same config (the same keys).
        const Answer download =
            m_http->get(wgPath(kWgClients, idOf(dual), QStringLiteral("/config")), m_admin);
        QCOMPARE(download.status, 200);
        QVERIFY(download.headers.value("content-type").startsWith("text/plain"));
        QCOMPARE(QString::fromUtf8(download.raw), config);

        // An IPv4-only client's config holds only its IPv4 address.
        const QString v4Config = v4.data().value("config").toString();
        rememberSecrets(v4Config);
        rememberSecrets(v6.data().value("config").toString());
        rememberSecrets(explicitOne.data().value("config").toString());
        auto v4Parsed = vpn::wgquick::parse(v4Config);
        QVERIFY(v4Parsed.ok());
        QCOMPARE(v4Parsed.value().config.interface.addresses.size(), 1);
        QCOMPARE(v4Parsed.value().config.interface.addresses.at(0).toString(),
                 QStringLiteral("10.8.0.3/32"));
    }

    void explicitAddressesAreChecked()
    {
        const qint64 before = clientCount();
        const QList<std::tuple<QJsonObject, int, QString>> cases{
            {{{"ipv4_address", "10.9.0.5"}}, 422, "ipv4_address"},   // outside
            {{{"ipv4_address", "10.8.0.0"}}, 422, "ipv4_address"},   // network
            {{{"ipv4_address", "10.8.0.255"}}, 422, "ipv4_address"}, // broadcast
            {{{"ipv4_address", "10.8.0.1"}}, 422, "ipv4_address"},   // the server's
            {{{"ipv4_address", "10.8.0.2"}}, 409, "ipv4_address"},   // taken
            {{{"ipv6_address", "fd00:8::2"}}, 409, "ipv6_address"},  // taken
            {{{"ipv6_address", "fd00:9::2"}}, 422, "ipv6_address"},  // outside
            {{{"ipv4_address", "fd00:8::9"}}, 422, "ipv4_address"},  // wrong family
            {{{"address_family", "ipx"}}, 422, "address_family"},
            {{{"server_id", 999999}}, 422, "server_id"},  // no such server
            {{{"server_id", "abc"}}, 422, "server_id"},   // not an id
            {{{"server_id", QJsonValue::Null}}, 422, "server_id"},
        };
        for (const auto &[fields, status, field] : cases) {
            QJsonObject body{{"name", "probe-client"}};
            for (auto it = fields.begin(); it != fields.end(); ++it)
                body.insert(it.key(), it.value());
            const Answer refused = createClient(body);
            QVERIFY2(refused.status == status, qPrintable(QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        // A name taken on the server.
        const Answer sameName = createClient({{"name", "laptop"}});
        QCOMPARE(sameName.status, 409);
        QCOMPARE(sameName.details().value("field").toString(), QStringLiteral("name"));
        QCOMPARE(clientCount(), before);

        // The server's subnets must keep every client's addresses.
        const Answer server = m_http->get(wgPath(kWgServers, m_serverId), m_admin);
        const Answer shrink = m_http->json("PUT", wgPath(kWgServers, m_serverId),
                                           {{"ipv4_address", "10.8.0.1/30"}}, m_admin);
        QCOMPARE(shrink.status, 422);
        QCOMPARE(shrink.details().value("field").toString(), QStringLiteral("ipv4_address"));
        const Answer dropV6 = m_http->json("PUT", wgPath(kWgServers, m_serverId),
                                           {{"ipv6_address", QJsonValue::Null}}, m_admin);
        QCOMPARE(dropV6.status, 422);
        QCOMPARE(dropV6.details().value("field").toString(), QStringLiteral("ipv6_address"));
        QCOMPARE(m_http->get(wgPath(kWgServers, m_serverId), m_admin).data(), server.data());
        // A change that fits is taken.
        const Answer renamed = m_http->json("PUT", wgPath(kWgServers, m_serverId),
                                            {{"description", "Head office"}}, m_admin);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.data().value("description").toString(), QStringLiteral("Head office"));
    }

    void hostileFieldsAreRefusedAndNothingChanges()
    {
        const qint64 before = clientCount();
        const Answer server = m_http->get(wgPath(kWgServers, m_serverId), m_admin);
        for (const QString &bad :
             {QStringLiteral("x\n[Peer]"), QStringLiteral("PostUp = id"), QStringLiteral("$(id)"),
              QStringLiteral("a;b"), QStringLiteral("`id`")}) {
            for (const QString &field : {QStringLiteral("name"), QStringLiteral("description")}) {
                QJsonObject body{{"name", "ok-name"}};
                body.insert(field, bad);
                const Answer refused = createClient(body);
                QVERIFY2(refused.status == 422, qPrintable(QString::fromUtf8(refused.raw)));
                QCOMPARE(refused.details().value("field").toString(), field);
                // The refused value is never echoed.
                QVERIFY(!QString::fromUtf8(refused.raw).contains(bad));
            }
            for (const QString &field :
                 {QStringLiteral("allowed_ips"), QStringLiteral("dns_servers")}) {
                QJsonObject body{{"name", "ok-name"}};
                body.insert(field, QJsonArray{bad});
                const Answer refused = createClient(body);
                QCOMPARE(refused.status, 422);
                QCOMPARE(refused.details().value("field").toString(), field);
            }
            const Answer put = m_http->json("PUT", wgPath(kWgServers, m_serverId),
                                            {{"endpoint_host", bad}}, m_admin);
            QCOMPARE(put.status, 422);
            const Answer rename =
                m_http->json("PUT", wgPath(kWgServers, m_serverId), {{"name", bad}}, m_admin);
            QCOMPARE(rename.status, 422);
        }
        QCOMPARE(clientCount(), before);
        QCOMPARE(m_http->get(wgPath(kWgServers, m_serverId), m_admin).data(), server.data());
    }

    void fiftyParallelCreatesGetDistinctAddresses()
    {
        QList<QByteArray> bodies;
        for (int i = 0; i < 50; ++i)
            bodies << QJsonDocument(QJsonObject{{"server_id", double(m_serverId)},
                                                {"name", QStringLiteral("bulk-%1").arg(i)},
                                                {"preshared_key", false}})
                          .toJson(QJsonDocument::Compact);
        const QList<Answer> answers = m_http->sendAtOnce("POST", kWgClients, bodies, m_admin);
        QSet<QString> v4;
        QSet<QString> v6;
        for (const Answer &answer : answers) {
            QVERIFY2(answer.status == 201, qPrintable(QString::fromUtf8(answer.raw)));
            v4.insert(answer.data().value("ipv4_address").toString());
            v6.insert(answer.data().value("ipv6_address").toString());
        }
        QCOMPARE(v4.size(), 50);
        QCOMPARE(v6.size(), 50);
        QVERIFY(!v4.contains(QStringLiteral("10.8.0.50/32"))); // the explicit one stays its own
    }

    void deletedAddressesAreReused()
    {
        const Answer made = createClient({{"name", "short-lived"}});
        QCOMPARE(made.status, 201);
        const QString address = made.data().value("ipv4_address").toString();
        const QString address6 = made.data().value("ipv6_address").toString();
        // Free a lower one: the printer's 10.8.0.3.
        const Answer list = m_http->get(kWgClients + QStringLiteral("?search=printer"), m_admin);
        QCOMPARE(list.data().value("clients").toArray().size(), 1);
        const qint64 printer =
            qint64(list.data().value("clients").toArray().at(0).toObject().value("id").toDouble());
        QCOMPARE(removeClient(printer).status, 200);
        QCOMPARE(m_http->get(wgPath(kWgClients, printer), m_admin).status, 404);
        const Answer next = createClient({{"name", "reuser"}, {"address_family", "ipv4"}});
        QCOMPARE(next.status, 201);
        QCOMPARE(next.data().value("ipv4_address").toString(), QStringLiteral("10.8.0.3/32"));
        // And the one just deleted comes back too.
        QCOMPARE(removeClient(idOf(made)).status, 200);
        const Answer again = createClient({{"name", "reuser-2"}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.data().value("ipv4_address").toString(), address);
        QCOMPARE(again.data().value("ipv6_address").toString(), address6);
    }

    void enableDisableAndFilters()
    {
        const Answer made = createClient({{"name", "toggle"}});
        QCOMPARE(made.status, 201);
        const qint64 id = idOf(made);
        const Answer disabled =
            m_http->send("POST", wgPath(kWgClients, id, "/disable"), {}, Http::bearer(m_admin));
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.data().value("status").toString(), QStringLiteral("disabled"));
        const Answer listed =
            m_http->get(kWgClients + QStringLiteral("?status=disabled&server_id=") +
                            QString::number(m_serverId),
                        m_admin);
        QCOMPARE(listed.data().value("clients").toArray().size(), 1);
        const Answer enabled =
            m_http->send("POST", wgPath(kWgClients, id, "/enable"), {}, Http::bearer(m_admin));
        QCOMPARE(enabled.data().value("status").toString(), QStringLiteral("active"));
        const Answer updated = m_http->json(
            "PUT", wgPath(kWgClients, id),
            {{"description", "Updated"}, {"expires_at", "2099-01-01T00:00:00Z"}}, m_admin);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.data().value("description").toString(), QStringLiteral("Updated"));
        QVERIFY(!updated.data().value("expires_at").isNull());
        QCOMPARE(updated.data().value("ipv4_address"), made.data().value("ipv4_address"));
    }

    // Seed 001's statuses: a client whose expiry passed (here: made so) is
    // "expired" in its answer and in the filters; servers filter on
    // running, stopped and error. Seed 001's traffic and handshake fields
    // are in every answer.
    void statusesAndFiltersFollowTheSeed()
    {
        const Answer expired =
            createClient({{"name", "born-expired"}, {"expires_at", "2020-01-01T00:00:00Z"}});
        QCOMPARE(expired.status, 201);
        const qint64 id = idOf(expired);
        QCOMPARE(expired.data().value("status").toString(), QStringLiteral("expired"));
        QCOMPARE(expired.data().value("bytes_received").toInteger(-1), 0);
        QCOMPARE(expired.data().value("bytes_sent").toInteger(-1), 0);
        QVERIFY(expired.data().contains("last_handshake"));
        QVERIFY(expired.data().value("last_handshake").isNull());
        const auto listedIds = [this](const QString &status) {
            QList<qint64> ids;
            const Answer listed =
                m_http->get(kWgClients + QStringLiteral("?size=100&status=") + status +
                                QStringLiteral("&server_id=") + QString::number(m_serverId),
                            m_admin);
            if (listed.status != 200)
                return QList<qint64>{-1};
            for (const QJsonValue client : listed.data().value("clients").toArray()) {
                if (client.toObject().value("status").toString() != status)
                    return QList<qint64>{-2};
                ids << qint64(client.toObject().value("id").toDouble());
            }
            return ids;
        };
        QVERIFY(listedIds(QStringLiteral("expired")).contains(id));
        QVERIFY(!listedIds(QStringLiteral("active")).contains(id));
        QVERIFY(!listedIds(QStringLiteral("active")).isEmpty());
        QVERIFY(!listedIds(QStringLiteral("disabled")).contains(id));
        const Answer bad = m_http->get(kWgClients + QStringLiteral("?status=gone"), m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.details().value("field").toString(), QStringLiteral("status"));
        QCOMPARE(removeClient(id).status, 200);

        // "error": meant to run, interface not up; none here (config-only).
        const Answer errors = m_http->get(kWgServers + QStringLiteral("?status=error"), m_admin);
        QCOMPARE(errors.status, 200);
        QCOMPARE(errors.data().value("servers").toArray().size(), 0);
        QCOMPARE(m_http->get(kWgServers + QStringLiteral("?status=broken"), m_admin).status, 422);
        const Answer server = m_http->get(wgPath(kWgServers, m_serverId), m_admin);
        QCOMPARE(server.status, 200);
        for (const char *field : {"bytes_received", "bytes_sent"})
            QVERIFY2(server.data().value(QLatin1String(field)).isDouble(), field);
        QVERIFY(server.data().contains("last_handshake"));
    }

    void seed000AliasesCreateOnTheOnlyServer()
    {
        const Answer created = m_http->json("POST", QStringLiteral("/api/vpn/clients"),
                                            {{"client_name", "seed-zero"}}, m_admin);
        QVERIFY2(created.status == 201, created.raw.constData());
        QCOMPARE(qint64(created.data().value("server_id").toDouble()), m_serverId);
        QVERIFY(created.data().value("config").toString().contains(QStringLiteral("[Peer]")));
        rememberSecrets(created.data().value("config").toString());
        const Answer listed =
            m_http->get(QStringLiteral("/api/vpn/clients?search=seed-zero"), m_admin);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.data().value("clients").toArray().size(), 1);
    }

    void viewersReadButCannotWrite()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "wgviewer", "Vi3wer!Secret", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        QCOMPARE(m_http->get(kWgServers, viewer.token).status, 200);
        QCOMPARE(m_http->get(kWgClients, viewer.token).status, 200);
        QCOMPARE(createClient({{"name", "sneaky"}}, viewer.token).status, 403);
        QCOMPARE(m_http
                     ->json("POST", kWgServers,
                            {{"name", "V"},
                             {"interface", "wg5"},
                             {"listen_port", 51825},
                             {"ipv4_address", "10.5.0.1/24"}},
                            viewer.token)
                     .status,
                 403);
        const qint64 anyClient = qint64(m_http->get(kWgClients, m_admin)
                                            .data()
                                            .value("clients")
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value("id")
                                            .toDouble());
        QCOMPARE(m_http->get(wgPath(kWgClients, anyClient, "/config"), viewer.token).status, 403);
        // A client's private key is for administrators only: a USER reads
        // the lists but downloads no config.
        const ApiUser user = createApiUser(*m_http, m_admin, "wguser", "Us3r!Secret99", "user");
        QVERIFY(!user.token.isEmpty());
        QCOMPARE(m_http->get(kWgClients, user.token).status, 200);
        QCOMPARE(m_http->get(wgPath(kWgClients, anyClient, "/config"), user.token).status, 403);
        QCOMPARE(m_http
                     ->send("POST", wgPath(kWgServers, m_serverId, "/start"), {},
                            Http::bearer(viewer.token))
                     .status,
                 403);
    }

    void startStopWithTheConfigOnlyBackend()
    {
        const Answer started = m_http->send("POST", wgPath(kWgServers, m_serverId, "/start"), {},
                                            Http::bearer(m_admin));
        QVERIFY2(started.status == 200, qPrintable(QString::fromUtf8(started.raw)));
        QCOMPARE(started.data().value("status").toString(), QStringLiteral("running"));
        QCOMPARE(started.data().value("backend").toString(), QStringLiteral("config-only"));
        // Everyone signed in hears it on /ws/events (seed 001's wireguard_status).
        QTRY_COMPARE_WITH_TIMEOUT(lastPushedStatus(), QStringLiteral("running"), 15000);
        const QString path = m_dir.filePath(QStringLiteral("wireguard/wg0.conf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const QString text = QString::fromUtf8(file.readAll());
        auto parsed = vpn::wgquick::parse(text);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().config.interface.listenPort, std::optional<quint16>(51820));
        const qint64 clients = clientCount();
        QCOMPARE(parsed.value().config.peers.size(), clients);

        // A new client re-syncs the running server's file.
        const Answer added = createClient({{"name", "after-start"}});
        QCOMPARE(added.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QFile again(path);
                return again.open(QIODevice::ReadOnly) &&
                       QString::fromUtf8(again.readAll())
                           .contains(added.data().value("public_key").toString());
            }(),
            10000);

        // A client that expires soon is in the file, then taken out on time.
        const Answer expiring = createClient(
            {{"name", "expiring"},
             {"expires_at", QDateTime::currentDateTimeUtc().addSecs(3).toString(Qt::ISODate)}});
        QCOMPARE(expiring.status, 201);
        const QString expiringKey = expiring.data().value("public_key").toString();
        const auto fileHolds = [&path](const QString &key) {
            QFile again(path);
            return again.open(QIODevice::ReadOnly) &&
                   QString::fromUtf8(again.readAll()).contains(key);
        };
        QTRY_VERIFY_WITH_TIMEOUT(fileHolds(expiringKey), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!fileHolds(expiringKey), 20000);
        QVERIFY(fileHolds(added.data().value("public_key").toString()));
        QCOMPARE(m_http->get(wgPath(kWgClients, idOf(expiring)), m_admin)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("expired"));

        const Answer status = m_http->get(wgPath(kWgServers, m_serverId, "/status"), m_admin);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.data().value("status").toString(), QStringLiteral("running"));
        QCOMPARE(status.data().value("backend").toString(), QStringLiteral("config-only"));

        const Answer stopped = m_http->send("POST", wgPath(kWgServers, m_serverId, "/stop"), {},
                                            Http::bearer(m_admin));
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.data().value("status").toString(), QStringLiteral("stopped"));
        QTRY_COMPARE_WITH_TIMEOUT(lastPushedStatus(), QStringLiteral("stopped"), 15000);
        QVERIFY(m_statuses.last().value("servers").toArray().at(0).toObject().contains(
            "bytes_received"));
        QCOMPARE(
            m_http->get(wgPath(kWgServers, m_serverId), m_admin).data().value("status").toString(),
            QStringLiteral("stopped"));
    }

    // A share link opens the config once without signing in; the token is
    // never in the list, the audit or the log; tries are limited per
    // address (docs/api.md "WireGuard share links").
    void aShareLinkOpensOnceWithoutSigningIn()
    {
        const Answer client = createClient({{"name", "shared-phone"}});
        QCOMPARE(client.status, 201);
        const qint64 id = idOf(client);
        const Answer made = m_http->json("POST", wgPath(kWgClients, id, "/share-links"),
                                         {{"expires_in_seconds", 600}}, m_admin);
        QVERIFY2(made.status == 201, made.raw.constData());
        const QString token = made.data().value("token").toString();
        const QString path = made.data().value("path").toString();
        QCOMPARE(token.size(), 43);
        QCOMPARE(path, QStringLiteral("/api/v1/wireguard/shared/") + token);
        m_shareTokens << token;

        const Answer download = m_http->get(wgPath(kWgClients, id, "/config"), m_admin);
        QCOMPARE(download.status, 200);
        rememberSecrets(QString::fromUtf8(download.raw));
        const Answer opened = m_http->get(path); // no token
        QCOMPARE(opened.status, 200);
        QCOMPARE(opened.raw, download.raw);
        const Answer again = m_http->get(path);
        QCOMPARE(again.status, 404);
        QVERIFY(!again.raw.contains("PrivateKey"));

        // JSON form with the QR code, once as well.
        const Answer second = m_http->json("POST", wgPath(kWgClients, id, "/share-links"), {},
                                           m_admin);
        QCOMPARE(second.status, 201);
        m_shareTokens << second.data().value("token").toString();
        const Answer asJson =
            m_http->get(second.data().value("path").toString() + QStringLiteral("?format=json"));
        QCOMPARE(asJson.status, 200);
        QCOMPARE(asJson.data().value("config").toString().toUtf8(), download.raw);
        QVERIFY(asJson.data().value("qr_code").toString().startsWith(
            QStringLiteral("data:image/png;base64,")));

        const Answer listed = m_http->get(wgPath(kWgClients, id, "/share-links"), m_admin);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.data().value("items").toArray().size(), 2);
        QVERIFY(!listed.raw.contains(token.toLatin1()));
        // Viewers and users do not make links.
        const ApiUser user = createApiUser(*m_http, m_admin, "sharer", "Us3r!Secret99", "user");
        QCOMPARE(m_http->json("POST", wgPath(kWgClients, id, "/share-links"), {}, user.token).status,
                 403);
        QCOMPARE(m_http->json("POST", wgPath(kWgClients, id, "/share-links"),
                              {{"expires_in_seconds", 5}}, m_admin)
                     .status,
                 422);

        // Guessing: ten tries a minute per address, then 429.
        int refused = 0;
        for (int i = 0; i < 12; ++i) {
            const Answer guess = m_http->get(QStringLiteral("/api/v1/wireguard/shared/") +
                                             QString(43, QChar(u'A' + i % 26)));
            QVERIFY(guess.status == 404 || guess.status == 429);
            refused += guess.status == 429 ? 1 : 0;
        }
        QVERIFY(refused > 0);
    }

    void noPrivateKeyInAnswersTheAuditOrTheLog()
    {
        QVERIFY(m_secrets.size() >= 4);
        QByteArray everything;
        everything += m_http->get(kWgServers + QStringLiteral("?size=100"), m_admin).raw;
        everything += m_http->get(kWgClients + QStringLiteral("?size=100"), m_admin).raw;
        everything += m_http->get(wgPath(kWgServers, m_serverId), m_admin).raw;
        const Answer audit = m_http->get(QStringLiteral("/api/v1/audit?size=100"), m_admin);
        QCOMPARE(audit.status, 200);
        everything += audit.raw;
        // Config downloads are audited.
        QVERIFY(audit.raw.contains("WIREGUARD_CLIENT_CONFIG_DOWNLOADED"));
        QVERIFY(audit.raw.contains("WIREGUARD_CLIENT_CREATED"));
        QVERIFY(audit.raw.contains("WIREGUARD_SERVER_CREATED"));
        // Filed under "vpn", and only WireGuard's codes there so far.
        const Answer vpn =
            m_http->get(QStringLiteral("/api/v1/audit?size=100&category=vpn"), m_admin);
        QCOMPARE(vpn.status, 200);
        const QJsonArray vpnEntries = vpn.data().value("audit_logs").toArray();
        QVERIFY(!vpnEntries.isEmpty());
        for (const QJsonValue entry : vpnEntries) {
            QVERIFY(entry["action"].toString().startsWith(QLatin1String("WIREGUARD_")));
            QCOMPARE(entry["category"].toString(), QStringLiteral("vpn"));
        }
        everything += m_server->standardOutput();
        everything += m_server->standardError();
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(!everything.contains(secret.toLatin1()), "a secret leaked");
        for (const QString &token : std::as_const(m_shareTokens))
            QVERIFY2(!everything.contains(token.toLatin1()), "a share link's token leaked");
        QVERIFY(!everything.contains("PrivateKey"));
    }

    void aStartedServerComesBackAfterARestart()
    {
        QCOMPARE(
            m_http
                ->send("POST", wgPath(kWgServers, m_serverId, "/start"), {}, Http::bearer(m_admin))
                .status,
            200);
        const QString path = m_dir.filePath(QStringLiteral("wireguard/wg0.conf"));
        QVERIFY(QFile::exists(path));
        m_events.abort();
        QVERIFY(stopServer());
        QVERIFY(QFile::remove(path));
        // Back as "auto" (the default) on a host without `ip` and
        // wireguard-go (an empty PATH for the server): it chooses the
        // config-only backend itself, and whatever the server asks of it
        // reaches that backend (deleting the server below removes the file
        // through it).
        QTemporaryDir noTools;
        QVERIFY(noTools.isValid());
        const QByteArray path0 = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(noTools.path()));
        const QString restarted =
            restartServer({QStringLiteral("--wireguard-backend"), QStringLiteral("auto")});
        qputenv("PATH", path0);
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 15000);
        QCOMPARE(m_http->get(wgPath(kWgServers, m_serverId, "/status"), m_admin)
                     .data()
                     .value("backend")
                     .toString(),
                 QStringLiteral("config-only"));
        QCOMPARE(
            m_http->get(wgPath(kWgServers, m_serverId), m_admin).data().value("status").toString(),
            QStringLiteral("running"));
    }

    void deletingTheServerTakesItsClients()
    {
        // Its config file (which holds the keys) goes with it.
        const QString path = m_dir.filePath(QStringLiteral("wireguard/wg0.conf"));
        QVERIFY(QFile::exists(path));
        QCOMPARE(m_http->send("DELETE", wgPath(kWgServers, m_serverId), {}, Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get(wgPath(kWgServers, m_serverId), m_admin).status, 404);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(path), 15000);
        // Its id takes no client any more.
        const Answer orphan = createClient({{"name", "orphan"}});
        QCOMPARE(orphan.status, 422);
        QCOMPARE(orphan.details().value("field").toString(), QStringLiteral("server_id"));
        QCOMPARE(m_http->get(kWgClients, m_admin)
                     .data()
                     .value("pagination")
                     .toObject()
                     .value("total")
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestWireGuardApi)
#include "TestWireGuardApi.moc"
