#include "crypto/Envelope.h"
#include "crypto/KeyDerivation.h"
#include "crypto/Random.h"

#include <QTest>
#include <QThread>
#include <atomic>

using namespace hm;
using namespace hm::crypto;

// QVERIFY2 evaluates its message even on success, so never call error() there.
template <typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

Q_DECLARE_METATYPE(hm::crypto::DekPurpose)

namespace {

SecureBytes newKey()
{
    return SecureBytes::fromRaw(randomBytes(32));
}

SecureBytes copyOf(const SecureBytes &key)
{
    return SecureBytes::fromRaw(key.view());
}

// Flips one bit of the byte at `index` of the base64 field `field` (1 = nonce,
// 2 = ciphertext) and re-encodes, so the result is well-formed but altered.
QString tamper(const QString &ciphertext, int field, qsizetype index)
{
    QStringList parts = ciphertext.split(QLatin1Char(':'));
    QByteArray bytes = QByteArray::fromBase64(parts[field].toLatin1());
    bytes[index] = char(bytes[index] ^ 0x01);
    parts[field] = QString::fromLatin1(bytes.toBase64());
    return parts.join(QLatin1Char(':'));
}

// Golden vectors of the stored formats, made outside HiveMind by
// tests/core/crypto/golden/envelope_vectors.py (Python: hashlib's BLAKE2b for
// libsodium's crypto_kdf, HChaCha20 written out and the cryptography
// package's ChaCha20-Poly1305 for XChaCha20-Poly1305). If one fails, data
// already stored (the SQLCipher key, the wrapped data keys, the sealed
// records) can no longer be read: change the code, not the vector.
namespace golden {

// Master key 00 01 02 .. 1f.
SecureBytes masterKey()
{
    QByteArray bytes(32, '\0');
    for (int i = 0; i < 32; ++i)
        bytes[i] = char(i);
    return SecureBytes::fromRaw(bytes);
}

// crypto_kdf_derive_from_key(id, "HiveMind", masterKey()).
const char *const kDatabaseSubkey =
    "4e8ca2e13a63a74543016e3d28423f7b39935620f4bbbfb98fa579feffc821e1";
const char *const kDekWrappingSubkey =
    "2f5b214fed2c20ca9bf53f72b5fd577a167e97ae40d8eea280c78274130a227f";
const char *const kTokenSigningSubkey =
    "25614fd668807f59b7e55e77acca0a4361d7bd2b344bd23fa257511aa47a3825";

// CREDENTIAL version 1: the data key 40 41 .. 5f wrapped under the
// DEK-wrapping subkey with the nonce a0 .. b7 and the associated data
// "hivemind-dek:CREDENTIAL:1"; version 2: the key 60 .. 7f, nonce b8 .. cf,
// "hivemind-dek:CREDENTIAL:2".
const char *const kWrapNonce1 = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7";
const char *const kWrapped1 = "b21be5962009b8822792f15ac01ec7fb6651c62395a7c987ae6bdfcd79698b2a"
                              "0cd5f7d0ac4a485054609ed88ca7ba78";
const char *const kWrapNonce2 = "b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf";
const char *const kWrapped2 = "fdd78d5144eadfa257e55368de962d61a5683dafec411086a62242405ce9a217"
                              "7f5c4744ab7e50d0dc1827bc7c7c4de4";

// kPlaintext sealed under version 1 (nonce d0 .. e7, associated data
// "record-1") and version 2 (nonce e8 .. ff, "record-2").
const QByteArray kPlaintext = QByteArray::fromHex("70c3a4737377c3b672643a2068756e74657232");
const char *const kSealed1 = "v1:0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn:"
                             "74i59/IHzpXHB1BY6ZAQSpYmu6dcP7Z0ukxb+Rumai5Txz4=";
const char *const kSealed2 = "v2:6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/:"
                             "pQ1jSNGbeVdEEUUBF6IShzUBR08LvQhNfhP+kiEDp5GR1Oo=";

DekRecord record(int version, const char *nonce, const char *wrapped)
{
    DekRecord r;
    r.id = QStringLiteral("00000000-0000-0000-0000-00000000000%1").arg(version);
    r.version = version;
    r.purpose = QStringLiteral("CREDENTIAL");
    r.nonce = QByteArray::fromHex(nonce);
    r.encryptedKey = QByteArray::fromHex(wrapped);
    r.status = version == 2 ? DekStatus::Active : DekStatus::DecryptOnly;
    r.createdAtMs = 1700000000000;
    return r;
}

} // namespace golden

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<DekPurpose>("purpose");
        QTest::addColumn<qsizetype>("size");
        const std::pair<DekPurpose, const char *> purposes[] = {
            {DekPurpose::Credential, "credential"},
            {DekPurpose::Backup, "backup"},
            {DekPurpose::General, "general"}};
        for (const auto &[purpose, name] : purposes) {
            for (qsizetype size :
                 {qsizetype(0), qsizetype(1), qsizetype(1024), qsizetype(1024 * 1024)})
                QTest::addRow("%s-%lld", name, static_cast<long long>(size)) << purpose << size;
        }
    }

    void roundTrip()
    {
        QFETCH(DekPurpose, purpose);
        QFETCH(qsizetype, size);
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        QVERIFY(cipher.load().ok());
        QCOMPARE(cipher.activeVersion(purpose), 0);

        const QByteArray plaintext = randomBytes(size);
        const Result<QString> sealed = cipher.encrypt(plaintext, purpose, "record-1");
        QVERIFY2(sealed.ok(), why(sealed).constData());
        QVERIFY(sealed.value().startsWith(QLatin1String("v1:")));
        QCOMPARE(cipher.activeVersion(purpose), 1);

        const Result<QByteArray> opened = cipher.decrypt(sealed.value(), purpose, "record-1");
        QVERIFY2(opened.ok(), why(opened).constData());
        QCOMPARE(opened.value(), plaintext);
    }

    void formatAndStoredRecord()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        const Result<QString> sealed = cipher.encrypt("secret", DekPurpose::Credential, "id");
        QVERIFY(sealed.ok());
        const QStringList parts = sealed.value().split(QLatin1Char(':'));
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts[0], QStringLiteral("v1"));
        QCOMPARE(QByteArray::fromBase64(parts[1].toLatin1()).size(), 24);
        QCOMPARE(QByteArray::fromBase64(parts[2].toLatin1()).size(), 6 + 16);
        QVERIFY(!sealed.value().contains(QLatin1String("secret")));

        const QList<DekRecord> records = storage.loadAll().value();
        QCOMPARE(records.size(), 1);
        const DekRecord &record = records.first();
        QCOMPARE(record.purpose, QStringLiteral("CREDENTIAL"));
        QCOMPARE(record.version, 1);
        QCOMPARE(record.status, DekStatus::Active);
        QCOMPARE(record.nonce.size(), 24);
        QCOMPARE(record.encryptedKey.size(), 32 + 16);
        QCOMPARE(record.id.size(), 36);
        QVERIFY(!record.id.startsWith(QLatin1Char('{')));
        QVERIFY(record.createdAtMs > 0);
        QVERIFY(!record.retiredAtMs.has_value());

        // Same plaintext twice: fresh nonce, different ciphertext.
        QVERIFY(cipher.encrypt("secret", DekPurpose::Credential, "id").value() != sealed.value());
    }

    void purposesUseSeparateKeys()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        const QString sealed = cipher.encrypt("x", DekPurpose::Credential, "ad").value();
        QVERIFY(cipher.encrypt("y", DekPurpose::Backup, "ad").ok());
        QCOMPARE(storage.loadAll().value().size(), 2);
        const Result<QByteArray> crossed = cipher.decrypt(sealed, DekPurpose::Backup, "ad");
        QVERIFY(!crossed.ok());
        QCOMPARE(crossed.error().code, ErrorCode::DecryptionError);
    }

    void tamperingFails_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("index");
        QTest::newRow("nonce first byte") << 1 << 0;
        QTest::newRow("nonce last byte") << 1 << 23;
        QTest::newRow("ciphertext first byte") << 2 << 0;
        QTest::newRow("tag last byte") << 2 << (5 + 16 - 1);
    }

    void tamperingFails()
    {
        QFETCH(int, field);
        QFETCH(int, index);
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        const QString sealed = cipher.encrypt("hello", DekPurpose::General, "ad").value();
        const Result<QByteArray> opened =
            cipher.decrypt(tamper(sealed, field, index), DekPurpose::General, "ad");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::DecryptionError);
        QVERIFY(!opened.error().message.contains(QLatin1String("hello")));
    }

    void wrongAssociatedDataFails()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        const QString sealed = cipher.encrypt("hello", DekPurpose::Credential, "record-1").value();
        for (const QByteArray &ad :
             {QByteArray("record-2"), QByteArray(), QByteArray("record-1 ")}) {
            const Result<QByteArray> opened = cipher.decrypt(sealed, DekPurpose::Credential, ad);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code, ErrorCode::DecryptionError);
        }
    }

    void wrongWrappingKeyFailsToLoad()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher first(newKey(), storage);
        QVERIFY(first.encrypt("hello", DekPurpose::Credential, "ad").ok());

        EnvelopeCipher second(newKey(), storage);
        const Status loaded = second.load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::DecryptionError);
        QCOMPARE(loaded.error().message,
                 QStringLiteral("master key does not match the stored data keys"));
        // Without a successful load nothing is written with the wrong key.
        QVERIFY(!second.encrypt("x", DekPurpose::Credential, "ad").ok());
        QCOMPARE(storage.loadAll().value().size(), 1);
    }

    void goldenSubkeys()
    {
        const SecureBytes master = golden::masterKey();
        QCOMPARE(deriveSubkey(master, Subkey::Database).view().toByteArray().toHex(),
                 QByteArray(golden::kDatabaseSubkey));
        QCOMPARE(deriveSubkey(master, Subkey::DekWrapping).view().toByteArray().toHex(),
                 QByteArray(golden::kDekWrappingSubkey));
        QCOMPARE(deriveSubkey(master, Subkey::TokenSigning).view().toByteArray().toHex(),
                 QByteArray(golden::kTokenSigningSubkey));
    }

    void goldenCiphertextsDecrypt()
    {
        InMemoryDekStorage storage;
        QVERIFY(storage.insert(golden::record(1, golden::kWrapNonce1, golden::kWrapped1)).ok());
        QVERIFY(storage.insert(golden::record(2, golden::kWrapNonce2, golden::kWrapped2)).ok());
        EnvelopeCipher cipher(deriveSubkey(golden::masterKey(), Subkey::DekWrapping), storage);
        const Status loaded = cipher.load();
        QVERIFY2(loaded.ok(), why(loaded).constData());
        QCOMPARE(cipher.activeVersion(DekPurpose::Credential), 2);
        const Result<QByteArray> first = cipher.decrypt(QString::fromLatin1(golden::kSealed1),
                                                        DekPurpose::Credential, "record-1");
        QVERIFY2(first.ok(), why(first).constData());
        QCOMPARE(first.value(), golden::kPlaintext);
        const Result<QByteArray> second = cipher.decrypt(QString::fromLatin1(golden::kSealed2),
                                                         DekPurpose::Credential, "record-2");
        QVERIFY2(second.ok(), why(second).constData());
        QCOMPARE(second.value(), golden::kPlaintext);
        // The record's associated data is part of the vector too.
        QCOMPARE(
            cipher
                .decrypt(QString::fromLatin1(golden::kSealed1), DekPurpose::Credential, "record-2")
                .error()
                .code,
            ErrorCode::DecryptionError);
    }

    // The version is part of the wrapping's associated data: the wrapped
    // key of version 1 stored as version 3 does not unwrap.
    void goldenWrappedKeyBoundToItsVersion()
    {
        DekRecord renumbered = golden::record(1, golden::kWrapNonce1, golden::kWrapped1);
        renumbered.version = 3;
        InMemoryDekStorage storage;
        QVERIFY(storage.insert(renumbered).ok());
        EnvelopeCipher cipher(deriveSubkey(golden::masterKey(), Subkey::DekWrapping), storage);
        QCOMPARE(cipher.load().error().code, ErrorCode::DecryptionError);
    }

    void wrappedKeyBoundToPurposeAndVersion()
    {
        // A wrapped DEK moved to another purpose must not unwrap.
        const SecureBytes key = newKey();
        InMemoryDekStorage storage;
        EnvelopeCipher first(copyOf(key), storage);
        QVERIFY(first.encrypt("hello", DekPurpose::Credential, "ad").ok());
        DekRecord moved = storage.loadAll().value().first();
        moved.purpose = QStringLiteral("GENERAL");
        InMemoryDekStorage forged;
        QVERIFY(forged.insert(moved).ok());
        EnvelopeCipher second(copyOf(key), forged);
        QCOMPARE(second.load().error().code, ErrorCode::DecryptionError);
    }

    void wrongWrappingKeySize()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(SecureBytes(16), storage);
        QVERIFY(!cipher.load().ok());
        QVERIFY(!cipher.encrypt("x", DekPurpose::General, {}).ok());
    }

    void malformedCiphertext_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("v1") << QStringLiteral("v1");
        QTest::newRow("v1:") << QStringLiteral("v1:");
        QTest::newRow("vX:a:b") << QStringLiteral("vX:a:b");
        QTest::newRow("v:a:b") << QStringLiteral("v:a:b");
        QTest::newRow("v0") << QStringLiteral("v0:%1:%2").arg(nonceB64(), sealedB64());
        QTest::newRow("v-1") << QStringLiteral("v-1:%1:%2").arg(nonceB64(), sealedB64());
        QTest::newRow("huge version")
            << QStringLiteral("v99999999999:%1:%2").arg(nonceB64(), sealedB64());
        QTest::newRow("no v") << QStringLiteral("1:%1:%2").arg(nonceB64(), sealedB64());
        QTest::newRow("bad base64 nonce") << QStringLiteral("v1:!!!!:%1").arg(sealedB64());
        QTest::newRow("bad base64 ciphertext") << QStringLiteral("v1:%1:@@@@").arg(nonceB64());
        QTest::newRow("short nonce")
            << QStringLiteral("v1:%1:%2")
                   .arg(QString::fromLatin1(QByteArray(12, 'n').toBase64()), sealedB64());
        QTest::newRow("short ciphertext")
            << QStringLiteral("v1:%1:%2")
                   .arg(nonceB64(), QString::fromLatin1(QByteArray(15, 'c').toBase64()));
        QTest::newRow("extra field") << QStringLiteral("v1:%1:%2:x").arg(nonceB64(), sealedB64());
        QTest::newRow("non-latin1") << QStringLiteral("v1:%1:密%2").arg(nonceB64(), sealedB64());
    }

    void malformedCiphertext()
    {
        QFETCH(QString, text);
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        QVERIFY(cipher.encrypt("hello", DekPurpose::General, {}).ok());
        const Result<QByteArray> opened = cipher.decrypt(text, DekPurpose::General, {});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::DecryptionError);
        QCOMPARE(opened.error().message, QStringLiteral("malformed ciphertext"));
    }

    void unknownVersionIsKeyNotFound()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        QVERIFY(cipher.encrypt("hello", DekPurpose::General, {}).ok());
        const Result<QByteArray> opened = cipher.decrypt(
            QStringLiteral("v7:%1:%2").arg(nonceB64(), sealedB64()), DekPurpose::General, {});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::KeyNotFound);

        // A purpose that has no key at all.
        const Result<QByteArray> none = cipher.decrypt(
            QStringLiteral("v1:%1:%2").arg(nonceB64(), sealedB64()), DekPurpose::Backup, {});
        QCOMPARE(none.error().code, ErrorCode::KeyNotFound);
    }

    void rotationAndRetirement()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        const QString old = cipher.encrypt("old secret", DekPurpose::Credential, "r").value();
        QCOMPARE(cipher.activeVersion(DekPurpose::Credential), 1);

        const Result<int> rotated = cipher.rotate(DekPurpose::Credential);
        QVERIFY(rotated.ok());
        QCOMPARE(rotated.value(), 2);
        QCOMPARE(cipher.activeVersion(DekPurpose::Credential), 2);
        QCOMPARE(cipher.decrypt(old, DekPurpose::Credential, "r").value(),
                 QByteArray("old secret"));
        const QString fresh = cipher.encrypt("new secret", DekPurpose::Credential, "r").value();
        QVERIFY(fresh.startsWith(QLatin1String("v2:")));

        QCOMPARE(statusOf(storage, QStringLiteral("CREDENTIAL"), 1), DekStatus::DecryptOnly);
        QCOMPARE(statusOf(storage, QStringLiteral("CREDENTIAL"), 2), DekStatus::Active);

        const Status refused = cipher.retire(DekPurpose::Credential, 2);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::EncryptionError);
        QCOMPARE(cipher.retire(DekPurpose::Credential, 9).error().code, ErrorCode::KeyNotFound);

        QVERIFY(cipher.retire(DekPurpose::Credential, 1).ok());
        QVERIFY(cipher.retire(DekPurpose::Credential, 1).ok()); // idempotent
        const Result<QByteArray> gone = cipher.decrypt(old, DekPurpose::Credential, "r");
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::KeyNotFound);
        QCOMPARE(cipher.decrypt(fresh, DekPurpose::Credential, "r").value(),
                 QByteArray("new secret"));

        const QList<DekRecord> records = storage.loadAll().value();
        for (const DekRecord &record : records) {
            if (record.version == 1) {
                QCOMPARE(record.status, DekStatus::Retired);
                QVERIFY(record.retiredAtMs.has_value());
            }
        }

        // Version numbers keep counting past retired keys.
        QCOMPARE(cipher.rotate(DekPurpose::Credential).value(), 3);
        QCOMPARE(cipher.decrypt(fresh, DekPurpose::Credential, "r").value(),
                 QByteArray("new secret"));
    }

    void rotateBeforeFirstUseCreatesVersionOne()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        QCOMPARE(cipher.rotate(DekPurpose::Backup).value(), 1);
        QCOMPARE(cipher.activeVersion(DekPurpose::Backup), 1);
    }

    void secondCipherReadsWhatTheFirstWrote()
    {
        const SecureBytes key = newKey();
        InMemoryDekStorage storage;
        EnvelopeCipher first(copyOf(key), storage);
        const QString v1 = first.encrypt("one", DekPurpose::Credential, "a").value();
        QVERIFY(first.rotate(DekPurpose::Credential).ok());
        const QString v2 = first.encrypt("two", DekPurpose::Credential, "b").value();

        EnvelopeCipher second(copyOf(key), storage);
        QVERIFY(second.load().ok());
        QCOMPARE(second.activeVersion(DekPurpose::Credential), 2);
        QCOMPARE(second.decrypt(v1, DekPurpose::Credential, "a").value(), QByteArray("one"));
        QCOMPARE(second.decrypt(v2, DekPurpose::Credential, "b").value(), QByteArray("two"));
        // The second one reuses the stored ACTIVE key rather than making one.
        QVERIFY(second.encrypt("three", DekPurpose::Credential, "c")
                    .value()
                    .startsWith(QLatin1String("v2:")));
        QCOMPARE(storage.loadAll().value().size(), 2);

        // A version created by the first after the second loaded is picked up.
        QVERIFY(first.rotate(DekPurpose::Credential).ok());
        const QString v3 = first.encrypt("four", DekPurpose::Credential, "d").value();
        QCOMPARE(second.decrypt(v3, DekPurpose::Credential, "d").value(), QByteArray("four"));
    }

    void loadsLazily()
    {
        const SecureBytes key = newKey();
        InMemoryDekStorage storage;
        EnvelopeCipher first(copyOf(key), storage);
        const QString sealed = first.encrypt("lazy", DekPurpose::General, {}).value();
        EnvelopeCipher second(copyOf(key), storage); // no load()
        QCOMPARE(second.decrypt(sealed, DekPurpose::General, {}).value(), QByteArray("lazy"));
        QVERIFY(
            second.encrypt("x", DekPurpose::General, {}).value().startsWith(QLatin1String("v1:")));
        QCOMPARE(storage.loadAll().value().size(), 1);
    }

    void names()
    {
        QCOMPARE(purposeName(DekPurpose::Credential), QStringLiteral("CREDENTIAL"));
        QCOMPARE(purposeName(DekPurpose::Backup), QStringLiteral("BACKUP"));
        QCOMPARE(purposeName(DekPurpose::General), QStringLiteral("GENERAL"));
        for (DekStatus status : {DekStatus::Active, DekStatus::DecryptOnly, DekStatus::Retired})
            QCOMPARE(statusFromName(statusName(status)), std::optional(status));
        QCOMPARE(statusName(DekStatus::DecryptOnly), QStringLiteral("DECRYPT_ONLY"));
        QVERIFY(!statusFromName(u"active").has_value());
        QVERIFY(!statusFromName(u"").has_value());
    }

    void inMemoryStorageRejectsDuplicates()
    {
        InMemoryDekStorage storage;
        DekRecord record;
        record.purpose = QStringLiteral("GENERAL");
        record.version = 1;
        QVERIFY(storage.insert(record).ok());
        QVERIFY(!storage.insert(record).ok());
        QCOMPARE(
            storage.updateStatus(QStringLiteral("GENERAL"), 2, DekStatus::Retired, 1).error().code,
            ErrorCode::KeyNotFound);
    }

    void concurrentUse()
    {
        InMemoryDekStorage storage;
        EnvelopeCipher cipher(newKey(), storage);
        std::atomic<int> failures = 0;
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&cipher, &failures, t] {
                for (int i = 0; i < 200; ++i) {
                    const QByteArray plaintext = QByteArray::number(t * 1000 + i);
                    const Result<QString> sealed =
                        cipher.encrypt(plaintext, DekPurpose::General, "ad");
                    if (!sealed.ok() ||
                        cipher.decrypt(sealed.value(), DekPurpose::General, "ad").valueOr({}) !=
                            plaintext)
                        ++failures;
                    if (t == 0 && i % 50 == 0 && !cipher.rotate(DekPurpose::General).ok())
                        ++failures;
                }
            }));
        }
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            thread->wait();
            delete thread;
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(cipher.activeVersion(DekPurpose::General), 5);
    }

private:
    static QString nonceB64() { return QString::fromLatin1(QByteArray(24, 'n').toBase64()); }
    static QString sealedB64() { return QString::fromLatin1(QByteArray(20, 'c').toBase64()); }
    static DekStatus statusOf(DekStorage &storage, const QString &purpose, int version)
    {
        for (const DekRecord &record : storage.loadAll().value()) {
            if (record.purpose == purpose && record.version == version)
                return record.status;
        }
        return DekStatus::Retired;
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "TestEnvelope.moc"
