#include "StoreTestSupport.h"
#include "crypto/Envelope.h"
#include "store/Database.h"
#include "store/DekRepository.h"
#include "store/Migrations.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::store;
using namespace hm::store::test;

class TestDekRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    crypto::SecureBytes m_dbKey;

    std::unique_ptr<Database> openDb()
    {
        Result<std::unique_ptr<Database>> db =
            Database::open(m_dir->filePath(QStringLiteral("dek.db")), m_dbKey);
        if (!db.ok() || !migrate(*db.value()).ok())
            return nullptr;
        return std::move(db.value());
    }

    static crypto::DekRecord record(const QString &purpose, int version)
    {
        crypto::DekRecord r;
        r.id = crypto::uuid();
        r.version = version;
        r.purpose = purpose;
        r.encryptedKey = crypto::randomBytes(48);
        r.encryptedKey[0] = '\0'; // binary-safe
        r.nonce = crypto::randomBytes(24);
        r.createdAtMs = 1'700'000'000'123 + version;
        return r;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_dbKey = randomKey();
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void recordsRoundTrip()
    {
        std::unique_ptr<Database> db = openDb();
        QVERIFY(db);
        DekRepository repo(*db);
        const crypto::DekRecord one = record(QStringLiteral("CREDENTIAL"), 1);
        crypto::DekRecord two = record(QStringLiteral("CREDENTIAL"), 2);
        two.status = crypto::DekStatus::DecryptOnly;
        const crypto::DekRecord general = record(QStringLiteral("GENERAL"), 1);
        QVERIFY(repo.insert(one).ok());
        QVERIFY(repo.insert(two).ok());
        QVERIFY(repo.insert(general).ok());

        const Status duplicate = repo.insert(record(QStringLiteral("CREDENTIAL"), 2));
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, ErrorCode::ResourceAlreadyExists);

        QVERIFY(
            repo.updateStatus(QStringLiteral("CREDENTIAL"), 1, crypto::DekStatus::DecryptOnly, 111)
                .ok());
        QVERIFY(repo.updateStatus(QStringLiteral("CREDENTIAL"), 2, crypto::DekStatus::Retired, 222)
                    .ok());
        const Status missing =
            repo.updateStatus(QStringLiteral("BACKUP"), 9, crypto::DekStatus::Retired, 1);
        QCOMPARE(missing.error().code, ErrorCode::KeyNotFound);

        Result<QList<crypto::DekRecord>> all = repo.loadAll();
        QVERIFY2(all.ok(), why(all));
        QCOMPARE(all.value().size(), 3);
        const crypto::DekRecord &a = all.value()[0];
        QCOMPARE(a.id, one.id);
        QCOMPARE(a.version, 1);
        QCOMPARE(a.purpose, QStringLiteral("CREDENTIAL"));
        QCOMPARE(a.encryptedKey, one.encryptedKey);
        QCOMPARE(a.nonce, one.nonce);
        QCOMPARE(a.status, crypto::DekStatus::DecryptOnly);
        QCOMPARE(a.createdAtMs, one.createdAtMs);
        QVERIFY(!a.retiredAtMs); // only Retired records a retirement time
        const crypto::DekRecord &b = all.value()[1];
        QCOMPARE(b.status, crypto::DekStatus::Retired);
        QCOMPARE(b.retiredAtMs.value_or(0), 222);
        QCOMPARE(all.value()[2].purpose, QStringLiteral("GENERAL"));
    }

    void envelopeSurvivesReopen()
    {
        const crypto::SecureBytes wrapping = randomKey();
        const QByteArray secret("api-token \0 with a zero byte", 28);
        QString sealedV1;
        QString sealedV2;
        QString general;
        {
            std::unique_ptr<Database> db = openDb();
            QVERIFY(db);
            DekRepository repo(*db);
            crypto::EnvelopeCipher cipher(copyOf(wrapping), repo);
            QVERIFY(cipher.load().ok());
            Result<QString> v1 = cipher.encrypt(secret, crypto::DekPurpose::Credential, "rec-1");
            QVERIFY2(v1.ok(), why(v1));
            sealedV1 = v1.value();
            const Result<int> rotated = cipher.rotate(crypto::DekPurpose::Credential);
            QVERIFY2(rotated.ok(), why(rotated));
            QCOMPARE(rotated.value(), 2);
            Result<QString> v2 = cipher.encrypt(secret, crypto::DekPurpose::Credential, "rec-2");
            QVERIFY(v2.ok());
            sealedV2 = v2.value();
            Result<QString> g = cipher.encrypt("general", crypto::DekPurpose::General, "g");
            QVERIFY(g.ok());
            general = g.value();
        } // database closed

        std::unique_ptr<Database> db = openDb();
        QVERIFY(db);
        DekRepository repo(*db);
        crypto::EnvelopeCipher cipher(copyOf(wrapping), repo);
        const Status loaded = cipher.load();
        QVERIFY2(loaded.ok(), why(loaded));
        QCOMPARE(cipher.activeVersion(crypto::DekPurpose::Credential), 2);
        Result<QByteArray> one = cipher.decrypt(sealedV1, crypto::DekPurpose::Credential, "rec-1");
        QVERIFY2(one.ok(), why(one));
        QCOMPARE(one.value(), secret);
        QCOMPARE(cipher.decrypt(sealedV2, crypto::DekPurpose::Credential, "rec-2").valueOr({}),
                 secret);
        QCOMPARE(cipher.decrypt(general, crypto::DekPurpose::General, "g").valueOr({}),
                 QByteArray("general"));

        // Retirement persists too.
        QVERIFY(cipher.retire(crypto::DekPurpose::Credential, 1).ok());
        db.reset();
        db = openDb();
        QVERIFY(db);
        DekRepository again(*db);
        crypto::EnvelopeCipher reloaded(copyOf(wrapping), again);
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.decrypt(sealedV1, crypto::DekPurpose::Credential, "rec-1").error().code,
                 ErrorCode::KeyNotFound);
        QVERIFY(reloaded.decrypt(sealedV2, crypto::DekPurpose::Credential, "rec-2").ok());

        // A different wrapping key cannot unwrap the stored DEKs.
        crypto::EnvelopeCipher wrong(randomKey(), again);
        const Status refused = wrong.load();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DecryptionError);
    }

    // The pieces of master-key rotation: an encrypted copy under another
    // database key (exportTo), its DEKs re-wrapped (rewrapDek,
    // updateWrapping); the copy then opens and decrypts with the new keys
    // only, and the original is untouched.
    void exportAndRewrap()
    {
        const crypto::SecureBytes wrapping = randomKey();
        const crypto::SecureBytes newWrapping = randomKey();
        const crypto::SecureBytes newDbKey = randomKey();
        const QString copyPath = m_dir->filePath(QStringLiteral("copy.db"));
        QString sealed;
        std::unique_ptr<Database> db = openDb();
        QVERIFY(db);
        {
            DekRepository repo(*db);
            crypto::EnvelopeCipher cipher(copyOf(wrapping), repo);
            Result<QString> v1 = cipher.encrypt("secret", crypto::DekPurpose::Credential, "r");
            QVERIFY(v1.ok());
            sealed = v1.value();
            QVERIFY(cipher.rotate(crypto::DekPurpose::Credential).ok());
        }
        const Status exported = db->exportTo(copyPath, newDbKey);
        QVERIFY2(exported.ok(), why(exported));
        QCOMPARE(db->exportTo(copyPath, newDbKey).error().code, ErrorCode::IoError); // exists
        QCOMPARE(QFileInfo(copyPath).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QCOMPARE(Database::open(copyPath, m_dbKey, {.createIfMissing = false}).error().code,
                 ErrorCode::DbKeyInvalid);
        Result<std::unique_ptr<Database>> copy =
            Database::open(copyPath, newDbKey, {.createIfMissing = false});
        QVERIFY2(copy.ok(), why(copy));
        DekRepository copyRepo(*copy.value());
        Result<QList<crypto::DekRecord>> records = copyRepo.loadAll();
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 2);
        for (const crypto::DekRecord &record : std::as_const(records.value())) {
            QCOMPARE(crypto::rewrapDek(record, newWrapping, wrapping).error().code,
                     ErrorCode::DecryptionError); // the wrong "from" key
            Result<crypto::DekRecord> moved = crypto::rewrapDek(record, wrapping, newWrapping);
            QVERIFY2(moved.ok(), why(moved));
            QCOMPARE(moved.value().version, record.version);
            QVERIFY(moved.value().nonce != record.nonce);
            QVERIFY(copyRepo.updateWrapping(moved.value()).ok());
        }
        crypto::DekRecord missing = records.value().first();
        missing.version = 99;
        QCOMPARE(copyRepo.updateWrapping(missing).error().code, ErrorCode::KeyNotFound);

        crypto::EnvelopeCipher moved(copyOf(newWrapping), copyRepo);
        QVERIFY(moved.load().ok());
        QCOMPARE(moved.decrypt(sealed, crypto::DekPurpose::Credential, "r").valueOr({}),
                 QByteArray("secret"));
        QCOMPARE(crypto::EnvelopeCipher(copyOf(wrapping), copyRepo).load().error().code,
                 ErrorCode::DecryptionError);
        // The original still works with the old keys.
        DekRepository original(*db);
        crypto::EnvelopeCipher old(copyOf(wrapping), original);
        QVERIFY(old.load().ok());
        QCOMPARE(old.decrypt(sealed, crypto::DekPurpose::Credential, "r").valueOr({}),
                 QByteArray("secret"));
    }
};

QTEST_GUILESS_MAIN(TestDekRepository)
#include "TestDekRepository.moc"
