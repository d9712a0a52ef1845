// Importing a wg-quick server file with its peers against a real server
// (issue 36, "import an existing wg0.conf"; docs/api.md "WireGuard"): a
// hand-written file with comments, two Address lines, DNS, MTU, a PostUp
// hook and four peers becomes a server and four clients without private
// keys; a dry run stores nothing; no answer, audit entry or log line holds
// the private or a preshared key; an imported client's config is 409;
// taken interfaces, ports and subnets are 409; hostile files are 422 naming
// the section and field with nothing stored; viewers are refused; the
// config-only backend's file of the started server holds the imported
// peers.

#include "AuthTestSupport.h"
#include "crypto/SecureBytes.h"
#include "crypto/WireGuardKeys.h"
#include "vpn/WgQuickText.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kWgImpServers = QStringLiteral("/api/v1/wireguard/servers");
const QString kWgImpClients = QStringLiteral("/api/v1/wireguard/clients");
const QString kWgImpImport = QStringLiteral("/api/v1/wireguard/servers/import");

struct WgImpKeys
{
    QString privateKey;
    QString publicKey;
};

WgImpKeys wgImpKeyPair()
{
    const crypto::WireGuardKeyPair pair = crypto::generateWireGuardKeyPair();
    QByteArray secret = crypto::wireGuardSecretToBase64(pair.privateKey);
    WgImpKeys keys{QString::fromLatin1(secret), crypto::wireGuardKeyToBase64(pair.publicKey)};
    crypto::wipe(secret);
    return keys;
}

QString wgImpPresharedKey()
{
    QByteArray secret = crypto::wireGuardSecretToBase64(crypto::generatePresharedKey());
    const QString text = QString::fromLatin1(secret);
    crypto::wipe(secret);
    return text;
}

} // namespace

class TestWireGuardImport : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    WgImpKeys m_serverKeys;
    QList<WgImpKeys> m_peers;
    QString m_psk;
    QString m_config;
    qint64 m_importedId = 0;
    QJsonObject m_importAnswer; // the real import's data, for the shape check
    QJsonObject m_previewServer;

    QJsonObject importBody(const QString &config, const QString &interface, bool dryRun) const
    {
        return {{"config", config},
                {"name", "Office"},
                {"interface", interface},
                {"endpoint_host", "vpn.example.com"},
                {"dry_run", dryRun}};
    }
    Answer import(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", kWgImpImport, body, token.isEmpty() ? m_admin : token);
    }
    qint64 total(const QString &path)
    {
        return qint64(m_http->get(path, m_admin)
                          .data()
                          .value("pagination")
                          .toObject()
                          .value("total")
                          .toDouble());
    }
    void verifyNoSecret(const QByteArray &raw)
    {
        QVERIFY2(!raw.contains(m_serverKeys.privateKey.toLatin1()), "the private key leaked");
        QVERIFY2(!raw.contains(m_psk.toLatin1()), "the preshared key leaked");
    }
    // A one-peer file on its own subnet, `peerLines` as the peer's lines.
    QString smallConfig(const QString &peerLines, int port = 51990) const
    {
        return QStringLiteral("[Interface]\nPrivateKey = %1\nAddress = 10.99.0.1/24\n"
                              "ListenPort = %2\n\n[Peer]\n%3\n")
            .arg(m_serverKeys.privateKey)
            .arg(port)
            .arg(peerLines);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")})
                     .isEmpty(),
                 "server did not start");
        m_serverKeys = wgImpKeyPair();
        for (int i = 0; i < 4; ++i)
            m_peers << wgImpKeyPair();
        m_psk = wgImpPresharedKey();
        m_config = QStringLiteral("# Office VPN, written by hand\n"
                                  "[Interface]\n"
                                  "# the server's own addresses\n"
                                  "Address = 10.20.0.1/24\n"
                                  "Address = fd00:20::1/64\n"
                                  "ListenPort = 51900\n"
                                  "PrivateKey = %1\n"
                                  "DNS = 10.20.0.1, 2606:4700::1111\n"
                                  "MTU = 1400\n"
                                  "PostUp = iptables -A FORWARD -i %i -j ACCEPT\n"
                                  "\n"
                                  "# Name = laptop\n"
                                  "[Peer]\n"
                                  "PublicKey = %2\n"
                                  "AllowedIPs = 10.20.0.2/32, fd00:20::2/128\n"
                                  "PersistentKeepalive = 25\n"
                                  "\n"
                                  "[Peer]\n"
                                  "### Client phone\n"
                                  "PublicKey = %3\n"
                                  "AllowedIPs = 10.20.0.3/32\n"
                                  "\n"
                                  "[Peer]\n"
                                  "# friendly_name = tablet\n"
                                  "PublicKey = %4\n"
                                  "PresharedKey = %5\n"
                                  "AllowedIPs = 10.20.0.4/32, fd00:20::4/128\n"
                                  "\n"
                                  "[Peer]\n"
                                  "PublicKey = %6\n"
                                  "AllowedIPs = 10.20.0.5/32, 192.168.50.0/24\n"
                                  "Endpoint = [2001:db8::5]:51820\n")
                       .arg(m_serverKeys.privateKey, m_peers[0].publicKey, m_peers[1].publicKey,
                            m_peers[2].publicKey, m_psk, m_peers[3].publicKey);
    }

    void aDryRunShowsWhatWouldBeCreatedAndStoresNothing()
    {
        const Answer preview = import(importBody(m_config, "wg7", true));
        QVERIFY2(preview.status == 200, preview.raw.constData());
        verifyNoSecret(preview.raw);
        const QJsonObject server = preview.data().value("server").toObject();
        QVERIFY(!server.contains("id"));
        m_previewServer = server;
        QCOMPARE(server.value("interface").toString(), QStringLiteral("wg7"));
        QCOMPARE(server.value("public_key").toString(), m_serverKeys.publicKey);
        const QJsonArray clients = preview.data().value("clients").toArray();
        QCOMPARE(clients.size(), 4);
        QStringList names;
        QStringList families;
        for (const QJsonValue c : clients) {
            names << c["name"].toString();
            families << c["address_family"].toString();
        }
        QCOMPARE(names, (QStringList{"laptop", "phone", "tablet", "peer-4"}));
        QCOMPARE(families, (QStringList{"dual", "ipv4", "dual", "ipv4"}));
        QCOMPARE(clients[1]["ipv4_address"].toString(), QStringLiteral("10.20.0.3/32"));
        QVERIFY(clients[1]["ipv6_address"].isNull());
        QCOMPARE(clients[2]["has_preshared_key"].toBool(), true);
        QCOMPARE(clients[0]["has_preshared_key"].toBool(), false);
        const QString warnings = QJsonDocument(preview.data().value("warnings").toArray()).toJson();
        QVERIFY2(warnings.contains("PostUp"), qPrintable(warnings));
        QVERIFY2(warnings.contains("192.168.50.0/24"), qPrintable(warnings));
        QVERIFY(warnings.contains("peers[4]"));
        QVERIFY(!warnings.contains("iptables")); // the hook's command is not repeated
        // Beside the words, one detail per warning in the same order: a
        // stable code and what it names, for consoles to say in their
        // language; the same words as its message.
        const QJsonArray sentences = preview.data().value("warnings").toArray();
        const QJsonArray details = preview.data().value("warning_details").toArray();
        QCOMPARE(details.size(), sentences.size());
        QStringList codes;
        for (qsizetype i = 0; i < details.size(); ++i) {
            codes << details[i]["code"].toString();
            QCOMPARE(details[i]["message"].toString(), sentences[i].toString());
        }
        QCOMPARE(codes, (QStringList{"HOOK_NOT_IMPORTED", "PEER_ROUTES_NOT_IMPORTED",
                                     "PEER_ENDPOINT_NOT_IMPORTED"}));
        QCOMPARE(details[0]["hook"].toString(), QStringLiteral("PostUp"));
        QCOMPARE(details[1]["peer"].toInt(), 4);
        QCOMPARE(details[1]["name"].toString(), QStringLiteral("peer-4"));
        QCOMPARE(details[1]["prefixes"].toArray(), (QJsonArray{"192.168.50.0/24"}));
        QCOMPARE(details[2]["peer"].toInt(), 4);
        QVERIFY(!QJsonDocument(details).toJson().contains("iptables"));
        QCOMPARE(total(kWgImpServers), 0);
        QCOMPARE(total(kWgImpClients), 0);
    }

    void peerNamesComeFromTheirComments()
    {
        const QString peer = QStringLiteral("PublicKey = %1\nAllowedIPs = 10.99.0.%2/32\n");
        QString config = QStringLiteral("[Interface]\nPrivateKey = %1\nAddress = 10.99.0.1/24\n"
                                        "ListenPort = 51990\n")
                             .arg(m_serverKeys.privateKey);
        const QStringList headers{"# Name = dup\n[Peer]\n",
                                  "[Peer]\n# name: dup\n",
                                  "# desk\n[Peer]\n",
                                  "### begin home ###\n[Peer]\n",
                                  "# Name = bad;name\n[Peer]\n",
                                  "[Peer]\n",
                                  "# Client configs below\n# the office printer\n[Peer]\n",
                                  "[Peer]\n# PublicKey = old\n"};
        for (qsizetype i = 0; i < headers.size(); ++i)
            config += headers[i] + peer.arg(wgImpKeyPair().publicKey).arg(i + 2);
        const Answer preview = import(importBody(config, "wg8", true));
        QVERIFY2(preview.status == 200, preview.raw.constData());
        QStringList names;
        for (const QJsonValue c : preview.data().value("clients").toArray())
            names << c["name"].toString();
        QCOMPARE(names, (QStringList{"dup", "dup-2", "desk", "home", "peer-5", "peer-6", "peer-7",
                                     "peer-8"}));
        QVERIFY(QJsonDocument(preview.data().value("warnings").toArray())
                    .toJson()
                    .contains("peers[5]"));
        const QJsonArray details = preview.data().value("warning_details").toArray();
        QCOMPARE(details.size(), 1);
        QCOMPARE(details[0]["code"].toString(), QStringLiteral("PEER_NAME_UNUSABLE"));
        QCOMPARE(details[0]["peer"].toInt(), 5);
        QCOMPARE(details[0]["name"].toString(), QStringLiteral("peer-5"));
    }

    void theImportCreatesTheServerAndItsClients()
    {
        const Answer imported = import(importBody(m_config, "wg7", false));
        QVERIFY2(imported.status == 201, imported.raw.constData());
        verifyNoSecret(imported.raw);
        m_importAnswer = imported.data();
        const QJsonObject server = imported.data().value("server").toObject();
        m_importedId = qint64(server.value("id").toDouble());
        QVERIFY(m_importedId > 0);
        QCOMPARE(server.value("name").toString(), QStringLiteral("Office"));
        QCOMPARE(server.value("listen_port").toInt(), 51900);
        QCOMPARE(server.value("ipv4_address").toString(), QStringLiteral("10.20.0.1/24"));
        QCOMPARE(server.value("ipv6_address").toString(), QStringLiteral("fd00:20::1/64"));
        QCOMPARE(server.value("endpoint_host").toString(), QStringLiteral("vpn.example.com"));
        QCOMPARE(server.value("status").toString(), QStringLiteral("stopped"));
        QCOMPARE(server.value("clients_count").toInt(), 4);
        QCOMPARE(server.value("private_key").toString(), QStringLiteral("***REDACTED***"));
        // The public key is the one the file's private key gives.
        QCOMPARE(server.value("public_key").toString(), m_serverKeys.publicKey);
        const QJsonObject config = server.value("config").toObject();
        QCOMPARE(config.value("mtu").toInt(), 1400);
        QCOMPARE(config.value("dns_servers").toArray(),
                 (QJsonArray{"10.20.0.1", "2606:4700::1111"}));

        const QJsonArray clients = imported.data().value("clients").toArray();
        QCOMPARE(clients.size(), 4);
        for (qsizetype i = 0; i < clients.size(); ++i) {
            const QJsonObject c = clients[i].toObject();
            QCOMPARE(c.value("public_key").toString(), m_peers[i].publicKey);
            QCOMPARE(c.value("has_private_key").toBool(true), false);
            QCOMPARE(c.value("server_id").toDouble(), double(m_importedId));
        }
        QCOMPARE(clients[0]["ipv6_address"].toString(), QStringLiteral("fd00:20::2/128"));
        QCOMPARE(clients[0]["persistent_keepalive"].toInt(), 25);
        QCOMPARE(clients[2]["name"].toString(), QStringLiteral("tablet"));
        QCOMPARE(clients[2]["preshared_key"].toString(), QStringLiteral("***REDACTED***"));
        QVERIFY(clients[0]["preshared_key"].isNull());
        QCOMPARE(clients[3]["ipv4_address"].toString(), QStringLiteral("10.20.0.5/32"));
        QVERIFY(!imported.data().value("warnings").toArray().isEmpty());

        QCOMPARE(total(kWgImpServers), 1);
        QCOMPARE(total(kWgImpClients), 4);
        // Read back the same way.
        const Answer listed = m_http->get(kWgImpClients + QStringLiteral("?size=100"), m_admin);
        for (const QJsonValue c : listed.data().value("clients").toArray())
            QCOMPARE(c["has_private_key"].toBool(true), false);
    }

    // A console reads one shape: the import answers its server and clients
    // with the keys GET answers (the traffic fields too), the dry run's
    // server likewise without its id.
    void theImportAnswersTheShapeGetAnswers()
    {
        QVERIFY(m_importedId > 0);
        const QString serverPath = kWgImpServers + u'/' + QString::number(m_importedId);
        const QJsonObject got = m_http->get(serverPath, m_admin).data();
        const QJsonObject imported = m_importAnswer.value("server").toObject();
        QCOMPARE(imported.keys(), got.keys());
        for (const char *field : {"bytes_received", "bytes_sent", "last_handshake"})
            QCOMPARE(imported.value(field), got.value(field));
        QStringList withoutId = got.keys();
        withoutId.removeAll(QStringLiteral("id"));
        QCOMPARE(m_previewServer.keys(), withoutId);

        const QJsonArray clients = m_importAnswer.value("clients").toArray();
        QVERIFY(!clients.isEmpty());
        for (const QJsonValue c : clients) {
            const QString clientPath =
                kWgImpClients + u'/' + QString::number(qint64(c["id"].toDouble()));
            const QJsonObject gotClient = m_http->get(clientPath, m_admin).data();
            QCOMPARE(c.toObject().keys(), gotClient.keys());
            QCOMPARE(c["bytes_received"], gotClient.value("bytes_received"));
            QCOMPARE(c["last_handshake"], gotClient.value("last_handshake"));
        }
    }

    void anImportedClientsConfigIsAConflict()
    {
        const qint64 clientId = qint64(m_http->get(kWgImpClients, m_admin)
                                           .data()
                                           .value("clients")
                                           .toArray()
                                           .at(0)["id"]
                                           .toDouble());
        const Answer config = m_http->get(
            kWgImpClients + u'/' + QString::number(clientId) + QStringLiteral("/config"), m_admin);
        QCOMPARE(config.status, 409);
        QCOMPARE(config.code(), QStringLiteral("CONFLICT"));
        QVERIFY(config.raw.contains("imported without its private key"));
        // A client created afterwards has its key and its config.
        const Answer created =
            m_http->json("POST", kWgImpClients,
                         {{"server_id", double(m_importedId)}, {"name", "fresh"}}, m_admin);
        QVERIFY2(created.status == 201, created.raw.constData());
        QCOMPARE(created.data().value("has_private_key").toBool(), true);
        QCOMPARE(created.data().value("ipv4_address").toString(), QStringLiteral("10.20.0.6/32"));
        QCOMPARE(m_http
                     ->send("DELETE",
                            kWgImpClients + u'/' +
                                QString::number(qint64(created.data().value("id").toDouble())),
                            {}, Http::bearer(m_admin))
                     .status,
                 200);
    }

    void takenInterfacesPortsAndSubnetsAreConflicts()
    {
        const Answer again = import(importBody(m_config, "wg7", false));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.details().value("field").toString(), QStringLiteral("interface"));
        const Answer port = import(importBody(m_config, "wg9", true));
        QCOMPARE(port.status, 409);
        QCOMPARE(port.details().value("field").toString(), QStringLiteral("interface.listen_port"));
        QString overlapping = m_config;
        overlapping.replace("ListenPort = 51900", "ListenPort = 51901");
        overlapping.replace("Address = 10.20.0.1/24", "Address = 10.20.0.129/25");
        const Answer subnet = import(importBody(overlapping, "wg9", false));
        QCOMPARE(subnet.status, 409);
        QCOMPARE(subnet.details().value("field").toString(), QStringLiteral("interface.address"));
        QCOMPARE(total(kWgImpServers), 1);
        QCOMPARE(total(kWgImpClients), 4);
    }

    void hostileFilesAreRefusedAndNothingChanges()
    {
        const QString key = wgImpKeyPair().publicKey;
        const QString peer = QStringLiteral("PublicKey = %1\nAllowedIPs = 10.99.0.2/32").arg(key);
        const QList<std::pair<QJsonObject, QString>> cases{
            {importBody(smallConfig(QStringLiteral("PublicKey = %1\nAllowedIPs = 10.99.0.2/32; "
                                                   "rm -rf /")
                                        .arg(key)),
                        "wg9", false),
             "peers[1].allowed_ips"},
            {importBody(smallConfig(QStringLiteral("PublicKey = %1\nAllowedIPs = 10.99.0.2/32\n"
                                                   "[Peer]\nPublicKey = not-a-key\n"
                                                   "AllowedIPs = 10.99.0.3/32")
                                        .arg(key)),
                        "wg9", false),
             "peers[2].public_key"},
            {importBody(smallConfig(peer + QStringLiteral("\n[Peer]\n") + peer), "wg9", false),
             "peers[2].public_key"},
            {importBody(
                 smallConfig(QStringLiteral("PublicKey = %1\nAllowedIPs = 10.50.0.0/24").arg(key)),
                 "wg9", false),
             "peers[1].allowed_ips"},
            {importBody(
                 smallConfig(QStringLiteral("PublicKey = %1\nAllowedIPs = 10.99.0.1/32").arg(key)),
                 "wg9", false),
             "peers[1].allowed_ips"},
            {importBody(QString(smallConfig(peer)).replace(m_serverKeys.privateKey, "bad+key"),
                        "wg9", false),
             "interface.private_key"},
            {importBody(smallConfig(peer + QStringLiteral("\nPostUp = id")), "wg9", false),
             "peers[1].post_up"},
            {importBody(smallConfig(peer), "wg 9", false), "interface"},
            {QJsonObject{
                 {"config", smallConfig(peer)}, {"interface", "wg9"}, {"name", "x\n[Peer]"}},
             "name"},
            {QJsonObject{
                 {"config", smallConfig(peer)}, {"interface", "wg9"}, {"endpoint_host", "$(id)"}},
             "endpoint_host"},
            {QJsonObject{{"interface", "wg9"}}, "config"},
        };
        for (const auto &[body, field] : cases) {
            const Answer refused = import(body);
            QVERIFY2(refused.status == 422, qPrintable(field + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(refused.details().value("field").toString(), field);
            // No key is echoed.
            QVERIFY(!refused.raw.contains(key.toLatin1()));
            QVERIFY(!refused.raw.contains(m_serverKeys.privateKey.toLatin1()));
        }

        // Too large, too many peers.
        QString huge = smallConfig(peer);
        huge += QString(u'#').repeated(1024 * 1024);
        const Answer big = import(importBody(huge, "wg9", true));
        QCOMPARE(big.status, 422);
        QCOMPARE(big.details().value("field").toString(), QStringLiteral("config"));
        QString many = QStringLiteral("[Interface]\nPrivateKey = %1\nAddress = 10.99.0.1/16\n"
                                      "ListenPort = 51990\n")
                           .arg(m_serverKeys.privateKey);
        const QString manyPeer = QStringLiteral("[Peer]\nPublicKey=%1\n").arg(key);
        for (int i = 0; i < 10001; ++i)
            many += manyPeer;
        const Answer crowd = import(importBody(many, "wg9", true));
        QCOMPARE(crowd.status, 422);
        QCOMPARE(crowd.details().value("field").toString(), QStringLiteral("config"));
        QVERIFY(crowd.raw.contains("10000"));

        QCOMPARE(total(kWgImpServers), 1);
        QCOMPARE(total(kWgImpClients), 4);
    }

    void viewersCannotImport()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "wgimpviewer", "Vi3wer!Secret", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        QString other = m_config;
        other.replace("ListenPort = 51900", "ListenPort = 51950");
        const Answer refused = import(importBody(other, "wg3", false), viewer.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(import(importBody(other, "wg3", true), viewer.token).status, 403);
        QCOMPARE(total(kWgImpServers), 1);
    }

    void theStartedServersFileHoldsTheImportedPeers()
    {
        const Answer started = m_http->send(
            "POST", kWgImpServers + u'/' + QString::number(m_importedId) + QStringLiteral("/start"),
            {}, Http::bearer(m_admin));
        QVERIFY2(started.status == 200, started.raw.constData());
        const QString path = m_dir.filePath(QStringLiteral("wireguard/wg7.conf"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 10000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto parsed = vpn::wgquick::parse(QString::fromUtf8(file.readAll()));
        QVERIFY(parsed.ok());
        const vpn::WgQuickConfig &config = parsed.value().config;
        QCOMPARE(config.interface.privateKey, m_serverKeys.privateKey);
        QCOMPARE(config.interface.listenPort, std::optional<quint16>(51900));
        QVERIFY(!parsed.value().hasImportedHooks()); // the PostUp line stayed out
        QCOMPARE(config.peers.size(), 4);
        for (qsizetype i = 0; i < config.peers.size(); ++i) {
            QCOMPARE(config.peers[i].publicKey, m_peers[i].publicKey);
            QCOMPARE(config.peers[i].presharedKey, i == 2 ? m_psk : QString());
        }
        QCOMPARE(config.peers[0].allowedIps.size(), 2);
        QCOMPARE(config.peers[3].allowedIps.size(), 1); // the routed /24 was not imported
    }

    void noSecretInTheAuditOrTheLog()
    {
        const Answer audit =
            m_http->get(QStringLiteral("/api/v1/audit?size=100&category=vpn"), m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.raw.contains("WIREGUARD_SERVER_IMPORTED"));
        QByteArray everything = audit.raw;
        everything += m_http->get(kWgImpServers, m_admin).raw;
        everything += m_http->get(kWgImpClients + QStringLiteral("?size=100"), m_admin).raw;
        everything += m_server->standardOutput();
        everything += m_server->standardError();
        verifyNoSecret(everything);
    }
};

QTEST_GUILESS_MAIN(TestWireGuardImport)
#include "TestWireGuardImport.moc"
