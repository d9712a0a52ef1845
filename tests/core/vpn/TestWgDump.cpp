// `wg show dump` parsing (core/vpn/WgDump): output captured from wg 1.0
// over a wireguard-go interface ((none), off, an IPv6 endpoint, a fwmark,
// a preshared key), the `all` form, malformed lines; the interface's
// private key and the preshared key appear nowhere in the result, its
// debug text or its JSON.

#include "vpn/WgDump.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace hm;
using namespace hm::vpn;

namespace {

const QByteArray kPrivateKey = "2NELxbt6BzkGDBIR90gksUnu3jw8/qbfj4RTCcpTy2I=";
const QByteArray kPresharedKey = "/2iKPwjbGp/bo43J46RHmpTF0led07y7G+vL6CHJ5BM=";

// `wg show hmwgcap dump`, captured.
const QByteArray kShowDump =
    "2NELxbt6BzkGDBIR90gksUnu3jw8/qbfj4RTCcpTy2I=\tKXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=\t"
    "51820\t0x1234\n"
    "hvuN+I1B8i7bJDCTC1LxdGi1Z0vDacRgdEvHvthQkxs=\t(none)\t192.0.2.7:4500\t10.9.0.0/16\t0\t0\t"
    "148\toff\n"
    "fRmhoU5YkHaK+UF9l/liHFIUi3Td++l9fz/BCeE0lDk=\t/2iKPwjbGp/bo43J46RHmpTF0led07y7G+vL6CHJ5BM=\t"
    "[fd00::1]:51820\t10.8.0.2/32,fd00:8::2/128\t0\t0\t148\t25\n"
    "N8ACCfsX6pfj7fXAXlGGiYCKvR26OP6NE8qTstJf+3o=\t(none)\t(none)\t(none)\t0\t0\t0\toff\n";

// `wg show all dump`, captured, plus a second interface with traffic.
const QByteArray kShowAllDump =
    "hmwgcap\t2NELxbt6BzkGDBIR90gksUnu3jw8/qbfj4RTCcpTy2I=\t"
    "KXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=\t51820\t0x1234\n"
    "hmwgcap\tfRmhoU5YkHaK+UF9l/liHFIUi3Td++l9fz/BCeE0lDk=\t"
    "/2iKPwjbGp/bo43J46RHmpTF0led07y7G+vL6CHJ5BM=\t[fd00::1]:51820\t10.8.0.2/32,fd00:8::2/128\t0\t"
    "0\t148\t25\n"
    "hmwgcap\tN8ACCfsX6pfj7fXAXlGGiYCKvR26OP6NE8qTstJf+3o=\t(none)\t(none)\t(none)\t0\t0\t0\toff\n"
    "wg1\teKD7y523xpEvbkcvfh7crf7ZbR+nSPNIRodbA2lVQl0=\t(none)\t0\toff\n"
    "wg1\tKXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=\t(none)\t[2001:db8::7]:51821\t0.0.0.0/0,::/"
    "0\t"
    "1764201600\t18446744073709551615\t123456789012\t15\n";

QString debugText(const WgDump &dump)
{
    QString text;
    QDebug(&text) << dump;
    return text;
}

void verifyNoSecrets(const WgDump &dump, const QByteArray &secret)
{
    const QString key = QString::fromLatin1(secret);
    QVERIFY(!debugText(dump).contains(key));
    QVERIFY(!QJsonDocument(wgDumpToJson(dump)).toJson().contains(secret));
    for (const WgDumpInterface &in : dump.interfaces)
        QVERIFY(in.publicKey != key && in.name != key);
    for (const WgDumpPeer &peer : dump.peers)
        QVERIFY(peer.publicKey != key && peer.endpointHost != key);
}

} // namespace

class TestWgDump : public QObject
{
    Q_OBJECT

private slots:
    void showDump()
    {
        const auto parsed = parseWgDump(kShowDump, QStringLiteral("hmwgcap"));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        const WgDump &dump = *parsed;
        QCOMPARE(dump.interfaces.size(), 1);
        QCOMPARE(dump.interfaces[0].name, QStringLiteral("hmwgcap"));
        QCOMPARE(dump.interfaces[0].publicKey,
                 QStringLiteral("KXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4="));
        QCOMPARE(dump.interfaces[0].listenPort, quint16(51820));
        QCOMPARE(dump.interfaces[0].fwMark, quint32(0x1234));
        QCOMPARE(dump.peers.size(), 3);
        const WgDumpPeer &a = dump.peers[0];
        QCOMPARE(a.interfaceName, QStringLiteral("hmwgcap"));
        QVERIFY(!a.hasPresharedKey);
        QCOMPARE(a.endpointHost, QStringLiteral("192.0.2.7"));
        QCOMPARE(a.endpointPort, quint16(4500));
        QCOMPARE(a.allowedIps.size(), 1);
        QCOMPARE(a.allowedIps[0].toString(), QStringLiteral("10.9.0.0/16"));
        QCOMPARE(a.transferTx, quint64(148));
        QCOMPARE(a.persistentKeepalive, quint16(0));
        const WgDumpPeer &b = dump.peers[1];
        QVERIFY(b.hasPresharedKey);
        QCOMPARE(b.endpointHost, QStringLiteral("fd00::1"));
        QCOMPARE(b.endpointPort, quint16(51820));
        QCOMPARE(b.allowedIps.size(), 2);
        QCOMPARE(b.allowedIps[1].address, QHostAddress(QStringLiteral("fd00:8::2")));
        QCOMPARE(b.allowedIps[1].prefixLength, 128);
        QCOMPARE(b.persistentKeepalive, quint16(25));
        const WgDumpPeer &c = dump.peers[2];
        QVERIFY(c.endpointHost.isEmpty());
        QCOMPARE(c.endpointPort, quint16(0));
        QVERIFY(c.allowedIps.isEmpty());
        QCOMPARE(c.latestHandshake, qint64(0));
        verifyNoSecrets(dump, kPrivateKey);
        verifyNoSecrets(dump, kPresharedKey);
    }

    void showAllDump()
    {
        const auto parsed = parseWgDumpAll(kShowAllDump);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().toString()));
        const WgDump &dump = *parsed;
        QCOMPARE(dump.interfaces.size(), 2);
        QCOMPARE(dump.interfaces[1].name, QStringLiteral("wg1"));
        QVERIFY(dump.interfaces[1].publicKey.isEmpty()); // "(none)"
        QCOMPARE(dump.interfaces[1].fwMark, quint32(0));
        QCOMPARE(dump.peers.size(), 3);
        QCOMPARE(dump.peers[0].interfaceName, QStringLiteral("hmwgcap"));
        const WgDumpPeer &last = dump.peers[2];
        QCOMPARE(last.interfaceName, QStringLiteral("wg1"));
        QCOMPARE(last.endpointHost, QStringLiteral("2001:db8::7"));
        QCOMPARE(last.latestHandshake, qint64(1764201600));
        QCOMPARE(last.transferRx, std::numeric_limits<quint64>::max());
        QCOMPARE(last.transferTx, quint64(123456789012));
        QCOMPARE(last.allowedIps.size(), 2);
        QCOMPARE(last.allowedIps[0].toString(), QStringLiteral("0.0.0.0/0"));
        QCOMPARE(last.allowedIps[1].toString(), QStringLiteral("::/0"));
        verifyNoSecrets(dump, kPrivateKey);
        verifyNoSecrets(dump, "eKD7y523xpEvbkcvfh7crf7ZbR+nSPNIRodbA2lVQl0=");
        verifyNoSecrets(dump, kPresharedKey);
        // JSON keeps what a status page needs.
        const QJsonObject json = wgDumpToJson(dump);
        QCOMPARE(json.value(QStringLiteral("peers")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("peers"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("has_preshared_key"))
                     .toBool(),
                 true);
    }

    void crlfAndEmpty()
    {
        QByteArray text = kShowDump;
        QVERIFY(!parseWgDump(QByteArray(), QStringLiteral("wg0")).ok());
        QVERIFY(parseWgDumpAll(QByteArray()).ok()); // no interfaces at all
        text.replace('\n', "\r\n");
        QVERIFY(!parseWgDump(text, QStringLiteral("wg0")).ok()); // wg never writes CR
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("all");
        QTest::addColumn<int>("line");
        const QByteArray ifLine = kShowDump.left(kShowDump.indexOf('\n') + 1);
        const QByteArray peer =
            "KXwcSkobzDTjZlXfXMQywkdXbAfy0MHH0pffVXCw5S4=\t(none)\t(none)\t(none)"
            "\t0\t0\t0\toff\n";
        QTest::newRow("bad port") << QByteArray(kPrivateKey + "\t(none)\t70000\toff\n") << false
                                  << 1;
        QTest::newRow("bad fwmark")
            << QByteArray(kPrivateKey + "\t(none)\t1\t0xzz\n") << false << 1;
        QTest::newRow("three columns") << QByteArray(kPrivateKey + "\t(none)\t1\n") << false << 1;
        QTest::newRow("peer keepalive")
            << QByteArray(ifLine + QByteArray(peer).replace("off", "never")) << false << 2;
        QTest::newRow("peer endpoint")
            << QByteArray(ifLine +
                          QByteArray(peer).replace("\t(none)\t(none)\t0", "\t(none)\tx\t0"))
            << false << 2;
        QTest::newRow("peer allowed ip")
            << QByteArray(ifLine +
                          QByteArray(peer).replace("(none)\t0\t0\t0", "10.0.0.0/33\t0\t0\t0"))
            << false << 2;
        QTest::newRow("peer key") << QByteArray(ifLine + peer.mid(1)) << false << 2;
        QTest::newRow("negative rx")
            << QByteArray(ifLine + QByteArray(peer).replace("\t0\t0\t0", "\t0\t-1\t0")) << false
            << 2;
        QTest::newRow("rx overflow")
            << QByteArray(ifLine +
                          QByteArray(peer).replace("\t0\t0\t0", "\t0\t18446744073709551616\t0"))
            << false << 2;
        QTest::newRow("all: peer before interface") << QByteArray("wg0\t" + peer) << true << 1;
        QTest::newRow("all: peer of another interface")
            << QByteArray("wg0\t" + ifLine + "wg1\t" + peer) << true << 2;
        QTest::newRow("all: bad name") << QByteArray("wg;0\t" + ifLine) << true << 1;
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, all);
        QFETCH(int, line);
        const auto parsed = all ? parseWgDumpAll(text) : parseWgDump(text, QStringLiteral("wg0"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::ValidationError);
        QCOMPARE(parsed.error().details.value(QStringLiteral("line")).toInt(), line);
        QVERIFY(!parsed.error().toString().contains(QString::fromLatin1(kPrivateKey)));
        QVERIFY(!parsed.error().toString().contains(QString::fromLatin1(kPrivateKey.left(10))));
    }

    // The budget is 200 ms for 10,000 peers' status including the
    // history write; the parse must be a small part of it
    // (tests/bench/BenchWgDump measures it properly).
    // Every one of 10,000 peers read (how fast: BenchWgDump, not a test).
    void tenThousandPeers()
    {
        QByteArray text = kShowDump.left(kShowDump.indexOf('\n') + 1);
        for (int i = 0; i < 10000; ++i) {
            QByteArray key = QByteArray::number(i).rightJustified(32, 'k').toBase64();
            text += key + "\t(none)\t198.51.100." + QByteArray::number(i % 250) + ":51820\t10." +
                    QByteArray::number(i / 250) + '.' + QByteArray::number(i % 250) +
                    ".2/32,fd00::" + QByteArray::number(i, 16) + "/128\t1764201600\t" +
                    QByteArray::number(i * 1000) + '\t' + QByteArray::number(i * 77) + "\t25\n";
        }
        const auto parsed = parseWgDump(text, QStringLiteral("wg0"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->peers.size(), 10000);
        QCOMPARE(parsed->peers[9999].allowedIps[0].toString(), QStringLiteral("10.39.249.2/32"));
        QCOMPARE(parsed->peers[9999].allowedIps[1].toString(), QStringLiteral("fd00::270f/128"));
    }

    // The fast path a change that removes a few peers takes
    // (parseWgDumpPeers) against the reference: the whole parse, filtered
    // by key. Generated dumps of 0 to 300 peers of every shape (endpoints
    // IPv4, IPv6 and none, a preshared key or not, allowed-ips none to
    // three), asked for keys the dump has (first, last, any) and keys it
    // has not.
    void somePeersMatchTheWholeParse()
    {
        QRandomGenerator random(20261129);
        const auto keyOf = [](quint32 n) {
            return QByteArray::number(n).rightJustified(32, 'p').toBase64();
        };
        for (int round = 0; round < 200; ++round) {
            const int count = round < 3 ? round : int(random.bounded(300));
            QByteArray text = kShowDump.left(kShowDump.indexOf('\n') + 1);
            QList<QByteArray> keys;
            for (int i = 0; i < count; ++i) {
                const QByteArray key = keyOf(quint32(round * 1000 + i));
                keys << key;
                QByteArray endpoint;
                switch (random.bounded(3)) {
                case 0:
                    endpoint = "(none)";
                    break;
                case 1:
                    endpoint = "198.51.100." + QByteArray::number(i % 250) + ":51820";
                    break;
                default:
                    endpoint = "[2001:db8::" + QByteArray::number(i, 16) + "]:4500";
                }
                QByteArray allowed;
                const int prefixes = int(random.bounded(4));
                for (int a = 0; a < prefixes; ++a)
                    allowed += (a ? "," : "") + QByteArray("10.") + QByteArray::number(a) + '.' +
                               QByteArray::number(i % 250) + ".0/24";
                text += key + '\t' + (random.bounded(2) ? kPresharedKey : QByteArray("(none)")) +
                        '\t' + endpoint + '\t' + (allowed.isEmpty() ? "(none)" : allowed) + '\t' +
                        QByteArray::number(random.bounded(1764201600)) + '\t' +
                        QByteArray::number(random.generate64() >> 1) + '\t' +
                        QByteArray::number(random.bounded(1u << 30)) + '\t' +
                        (random.bounded(2) ? QByteArray("off") : QByteArray("25")) + '\n';
            }
            if (random.bounded(2))
                text.chop(1); // the last line without its newline
            QStringList wanted;
            if (count > 0) {
                wanted << QString::fromLatin1(keys.last()) << QString::fromLatin1(keys.first());
                for (int w = int(random.bounded(5)); w > 0; --w)
                    wanted << QString::fromLatin1(keys[random.bounded(count)]);
            }
            wanted << QString::fromLatin1(keyOf(999'999'999)); // absent
            const auto whole = parseWgDump(text, QStringLiteral("wg0"));
            QVERIFY(whole.ok());
            WgDump expected = whole.value();
            expected.peers.removeIf(
                [&](const WgDumpPeer &peer) { return !wanted.contains(peer.publicKey); });
            const auto some = parseWgDumpPeers(text, QStringLiteral("wg0"), wanted);
            QVERIFY2(some.ok(), qPrintable(some.ok() ? QString() : some.error().message));
            QCOMPARE(some.value(), expected);
        }
        // A wanted line that is malformed is refused as the whole parse
        // refuses it (same line number); one that is not wanted is not read.
        const QByteArray broken = kShowDump + "N8ACCfsX6pfj7fXAXlGGiYCKvR26OP6NE8qTstJf+3o=\tx\n";
        const auto wholeBroken = parseWgDump(broken, QStringLiteral("wg0"));
        QVERIFY(!wholeBroken.ok());
        QVERIFY(parseWgDumpPeers(broken, QStringLiteral("wg0"),
                                 {QStringLiteral("hvuN+I1B8i7bJDCTC1LxdGi1Z0vDacRgdEvHvthQkxs=")})
                    .ok());
        const QByteArray badLine =
            kShowDump + "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm8=\t(none)\tnot-an-endpoint\t"
                        "(none)\t0\t0\t0\toff\n";
        const auto wholeBad = parseWgDump(badLine, QStringLiteral("wg0"));
        const auto someBad =
            parseWgDumpPeers(badLine, QStringLiteral("wg0"),
                             {QStringLiteral("Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm8=")});
        QVERIFY(!wholeBad.ok());
        QVERIFY(!someBad.ok());
        QCOMPARE(someBad.error().message, wholeBad.error().message);
        // A peer printed twice (wg never does) is read twice, as the whole
        // parse reads it.
        const QByteArray twice = kShowDump + kShowDump.mid(kShowDump.indexOf('\n') + 1);
        const QStringList oneKey{QStringLiteral("hvuN+I1B8i7bJDCTC1LxdGi1Z0vDacRgdEvHvthQkxs=")};
        WgDump expectedTwice = parseWgDump(twice, QStringLiteral("wg0")).value();
        expectedTwice.peers.removeIf(
            [&](const WgDumpPeer &peer) { return !oneKey.contains(peer.publicKey); });
        QCOMPARE(expectedTwice.peers.size(), 2);
        QCOMPARE(parseWgDumpPeers(twice, QStringLiteral("wg0"), oneKey).value(), expectedTwice);
        // The interface line is checked as the whole parse checks it.
        QVERIFY(!parseWgDumpPeers("x\ty\n", QStringLiteral("wg0"), {}).ok());
        QVERIFY(!parseWgDumpPeers("", QStringLiteral("wg0"), {}).ok());
        QVERIFY(!parseWgDumpPeers(kShowDump, QStringLiteral("bad name!"), {}).ok());
        verifyNoSecrets(
            parseWgDumpPeers(kShowDump, QStringLiteral("wg0"),
                             {QStringLiteral("fRmhoU5YkHaK+UF9l/liHFIUi3Td++l9fz/BCeE0lDk=")})
                .value(),
            kPrivateKey);
    }
};

QTEST_GUILESS_MAIN(TestWgDump)
#include "TestWgDump.moc"
