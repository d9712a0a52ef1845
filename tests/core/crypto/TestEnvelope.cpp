#include "crypto/Envelope.h"
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
