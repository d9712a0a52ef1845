// Ed25519 signatures (core/crypto/Signing.h), the agent's identity.

#include "crypto/Signing.h"

#include <QTest>

using namespace hm;

class TestSigning : public QObject
{
    Q_OBJECT
private slots:
    void signAndVerify()
    {
        const crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
        QCOMPARE(pair.publicKey.size(), crypto::kSigningPublicKeyBytes);
        QCOMPARE(pair.secretKey.size(), crypto::kSigningSecretKeyBytes);
        const QByteArray message("challenge bytes");
        const QByteArray signature = crypto::sign(pair.secretKey, message);
        QCOMPARE(signature.size(), crypto::kSignatureBytes);
        QVERIFY(crypto::verifySignature(pair.publicKey, message, signature));
    }

    void wrongMessageKeyOrSignatureRefused()
    {
        const crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
        const crypto::SigningKeyPair other = crypto::generateSigningKeyPair();
        const QByteArray message("challenge bytes");
        QByteArray signature = crypto::sign(pair.secretKey, message);
        QVERIFY(!crypto::verifySignature(pair.publicKey, "challenge byteS", signature));
        QVERIFY(!crypto::verifySignature(other.publicKey, message, signature));
        QVERIFY(!crypto::verifySignature(pair.publicKey.left(31), message, signature));
        QVERIFY(!crypto::verifySignature(pair.publicKey, message, signature.left(63)));
        signature[0] = char(signature[0] ^ 1);
        QVERIFY(!crypto::verifySignature(pair.publicKey, message, signature));
        QVERIFY(crypto::sign(crypto::SecureBytes(10), message).isEmpty());
    }

    void keyPairFromSecret()
    {
        const crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
        const crypto::SigningKeyPair back = crypto::signingKeyPairFromSecret(pair.secretKey.view());
        QCOMPARE(back.publicKey, pair.publicKey);
        QVERIFY(back.secretKey == pair.secretKey);
        const QByteArray message("m");
        QVERIFY(crypto::verifySignature(pair.publicKey, message,
                                        crypto::sign(back.secretKey, message)));

        QByteArray tampered = pair.secretKey.view().toByteArray();
        tampered[50] = char(tampered[50] ^ 0x40); // the public half
        QVERIFY(crypto::signingKeyPairFromSecret(tampered).publicKey.isEmpty());
        tampered = pair.secretKey.view().toByteArray();
        tampered[3] = char(tampered[3] ^ 0x40); // the seed: halves disagree
        QVERIFY(crypto::signingKeyPairFromSecret(tampered).publicKey.isEmpty());
        QVERIFY(crypto::signingKeyPairFromSecret(QByteArray(63, 'x')).publicKey.isEmpty());
    }

    void fingerprintFormat()
    {
        const crypto::SigningKeyPair pair = crypto::generateSigningKeyPair();
        const QString fingerprint = crypto::publicKeyFingerprint(pair.publicKey);
        QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));
        QCOMPARE(fingerprint.size(), 7 + 43); // unpadded base64 of 32 bytes
        QVERIFY(!fingerprint.endsWith(u'='));
        QCOMPARE(crypto::publicKeyFingerprint(pair.publicKey), fingerprint);
        QVERIFY(crypto::publicKeyFingerprint(crypto::generateSigningKeyPair().publicKey) !=
                fingerprint);
    }
};

QTEST_GUILESS_MAIN(TestSigning)
#include "TestSigning.moc"
