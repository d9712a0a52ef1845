// WireGuard keys (core/crypto/WireGuardKeys.h) held against the real wg(8):
// the public key HiveMind derives must be the one `wg pubkey` prints.

#include "crypto/WireGuardKeys.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <vector>

using namespace hm;

namespace {

// wireguard-tools is a declared dependency of the VPN feature: a machine
// without it must fail here, not skip, or the comparison silently stops.
QString wgProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("wg"));
}

// Runs `wg <argument>` with `input` on stdin; the trimmed stdout, or an
// empty string with `error` set.
QByteArray runWg(const QString &argument, const QByteArray &input, QString *error)
{
    QProcess process;
    process.start(wgProgram(), {argument});
    if (!process.waitForStarted(10000)) {
        *error = QStringLiteral("wg %1 did not start: %2").arg(argument, process.errorString());
        return {};
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = QStringLiteral("wg %1 failed (exit %2): %3")
                     .arg(argument)
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return {};
    }
    return process.readAllStandardOutput().trimmed();
}

} // namespace

class TestWireGuardKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (wgProgram().isEmpty())
            QFAIL("wg (wireguard-tools) not found on PATH: install wireguard-tools "
                  "(installer/setup-deps.sh); this test compares keys with the real wg");
    }

    void generatedKeysMatchWgPubkey()
    {
        for (int i = 0; i < 8; ++i) {
            const crypto::WireGuardKeyPair pair = crypto::generateWireGuardKeyPair();
            QCOMPARE(pair.privateKey.size(), crypto::kWireGuardKeyBytes);
            QCOMPARE(pair.publicKey.size(), crypto::kWireGuardKeyBytes);
            // Clamped as wg genkey clamps.
            QCOMPARE(pair.privateKey.data()[0] & 7, 0);
            QCOMPARE(pair.privateKey.data()[31] & 0xC0, 0x40);

            QByteArray privateText = crypto::wireGuardSecretToBase64(pair.privateKey);
            QCOMPARE(privateText.size(), crypto::kWireGuardKeyBase64Chars);
            QString error;
            const QByteArray wgPublic = runWg(QStringLiteral("pubkey"), privateText + '\n', &error);
            crypto::wipe(privateText);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(QString::fromLatin1(wgPublic), crypto::wireGuardKeyToBase64(pair.publicKey));
        }
    }

    void wgGenkeyOutputGivesWgPubkey()
    {
        for (int i = 0; i < 4; ++i) {
            QString error;
            const QByteArray privateText = runWg(QStringLiteral("genkey"), {}, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QByteArray wgPublic = runWg(QStringLiteral("pubkey"), privateText + '\n', &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));

            auto privateKey = crypto::wireGuardSecretFromBase64(privateText);
            QVERIFY(privateKey.ok());
            QCOMPARE(crypto::wireGuardSecretToBase64(*privateKey), privateText);
            QCOMPARE(crypto::wireGuardKeyToBase64(crypto::publicKeyOf(*privateKey)),
                     QString::fromLatin1(wgPublic));
            QVERIFY(crypto::isValidWireGuardKey(QString::fromLatin1(wgPublic)));
        }
    }

    // Many keys against wg pubkey: generated private keys, raw random bytes
    // (unclamped) and edge patterns. The public key is computed through
    // our own field arithmetic on top of libsodium's Ed25519 base point
    // multiplication, so it is held against the real tool widely.
    void manyKeysMatchWgPubkey()
    {
        std::vector<crypto::SecureBytes> keys;
        for (int i = 0; i < 30; ++i) {
            keys.push_back(crypto::generateWireGuardPrivateKey());
            keys.push_back(crypto::generatePresharedKey());
        }
        keys.push_back(crypto::SecureBytes(32)); // all zero
        keys.push_back(crypto::SecureBytes::fromRaw(QByteArray(32, '\x01')));
        keys.push_back(crypto::SecureBytes::fromRaw(QByteArray(31, '\0') + '\x80'));
        keys.push_back(crypto::SecureBytes::fromRaw(QByteArray(1, '\x08') + QByteArray(31, '\0')));
        for (const crypto::SecureBytes &key : keys) {
            QByteArray text = crypto::wireGuardSecretToBase64(key);
            QString error;
            const QByteArray wgPublic = runWg(QStringLiteral("pubkey"), text + '\n', &error);
            crypto::wipe(text);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(crypto::wireGuardKeyToBase64(crypto::publicKeyOf(key)),
                     QString::fromLatin1(wgPublic));
        }
    }

    void unclampedKeyIsClampedLikeWg()
    {
        // All bits set: wg pubkey clamps before multiplying, so must we.
        const crypto::SecureBytes raw = crypto::SecureBytes::fromRaw(QByteArray(32, '\xff'));
        QString error;
        const QByteArray wgPublic =
            runWg(QStringLiteral("pubkey"), crypto::wireGuardSecretToBase64(raw) + '\n', &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(crypto::wireGuardKeyToBase64(crypto::publicKeyOf(raw)),
                 QString::fromLatin1(wgPublic));
    }

    void presharedKey()
    {
        const crypto::SecureBytes a = crypto::generatePresharedKey();
        const crypto::SecureBytes b = crypto::generatePresharedKey();
        QCOMPARE(a.size(), crypto::kWireGuardKeyBytes);
        QVERIFY(!(a == b));
        QByteArray text = crypto::wireGuardSecretToBase64(a);
        auto back = crypto::wireGuardSecretFromBase64(text);
        QVERIFY(back.ok());
        QVERIFY(*back == a);
        crypto::wipe(text);
        QVERIFY(text.isEmpty());
    }

    void knownVector()
    {
        // RFC 7748 section 6.1, Alice's key pair.
        const crypto::SecureBytes alice = crypto::SecureBytes::fromRaw(QByteArray::fromHex(
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        QCOMPARE(crypto::publicKeyOf(alice).toHex(),
                 QByteArray("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    }

    void badKeysRefused_data()
    {
        QTest::addColumn<QString>("text");
        const QString good =
            crypto::wireGuardKeyToBase64(crypto::generateWireGuardKeyPair().publicKey);
        QTest::newRow("empty") << QString();
        QTest::newRow("43 chars") << good.left(43);
        QTest::newRow("45 chars") << good + u'A';
        QTest::newRow("no padding") << good.left(43) + u'A';
        QTest::newRow("31 bytes") << QString::fromLatin1(QByteArray(31, 'k').toBase64());
        QTest::newRow("33 bytes") << QString::fromLatin1(QByteArray(33, 'k').toBase64());
        QTest::newRow("64 bytes") << QString::fromLatin1(QByteArray(64, 'k').toBase64());
        QTest::newRow("base64url alphabet") << QStringLiteral("-_") + good.mid(2);
        QTest::newRow("bad character") << QStringLiteral("*") + good.mid(1);
        QTest::newRow("Latin-1 letter") << QStringLiteral("\u00e9") + good.mid(1);
        QTest::newRow("non-Latin-1") << QStringLiteral("\u4e2d") + good.mid(1);
        QTest::newRow("high byte at end") << good.left(42) + QChar(0xff) + u'=';
        QTest::newRow("space inside") << good.left(20) + u' ' + good.mid(21);
        // 32 bytes leave two unused bits in the last character: "...A=" is
        // canonical, "...B=" decodes to the same bytes in lenient decoders.
        QString nonCanonical = QString::fromLatin1(QByteArray(32, '\0').toBase64());
        nonCanonical[42] = u'B';
        QTest::newRow("non-zero unused bits") << nonCanonical;
    }

    void badKeysRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!crypto::isValidWireGuardKey(text));
        const auto publicKey = crypto::wireGuardPublicKeyFromBase64(text);
        QVERIFY(!publicKey.ok());
        QCOMPARE(publicKey.error().code, ErrorCode::ValidationError);
        QVERIFY(!publicKey.error().message.isEmpty());
        QVERIFY(!crypto::wireGuardSecretFromBase64(text.toLatin1()).ok());
    }

    void surroundingWhitespaceAccepted()
    {
        const QByteArray key = crypto::generateWireGuardKeyPair().publicKey;
        const QString text = crypto::wireGuardKeyToBase64(key);
        QVERIFY(crypto::isValidWireGuardKey(text));
        const auto parsed =
            crypto::wireGuardPublicKeyFromBase64(QStringLiteral("  ") + text + u'\n');
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, key);
    }

    void wrongSizesGiveEmpty()
    {
        QVERIFY(crypto::publicKeyOf(crypto::SecureBytes(31)).isEmpty());
        QVERIFY(crypto::wireGuardKeyToBase64(QByteArray(33, 'x')).isEmpty());
        QVERIFY(crypto::wireGuardSecretToBase64(crypto::SecureBytes(16)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWireGuardKeys)
#include "TestWireGuardKeys.moc"
