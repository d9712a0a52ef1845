// The agent's identity key on disk: made once with owner-only permissions,
// reloaded unchanged, refused (never replaced) when damaged.

#include "agent/AgentIdentity.h"
#include "agent/EnrolmentRecord.h"
#include "crypto/Signing.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestAgentIdentity : public QObject
{
    Q_OBJECT
private slots:
    void createdOwnerOnlyAndReloaded()
    {
        QTemporaryDir root;
        const QString dataDir = root.filePath(QStringLiteral("data/agent"));
        auto created = AgentIdentity::loadOrCreate(dataDir);
        QVERIFY(created.ok());
        const QString keyPath = AgentIdentity::keyFilePath(dataDir);
        QFile key(keyPath);
        QCOMPARE(key.size(), crypto::kSigningSecretKeyBytes);
        QCOMPARE(key.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(QFileInfo(dataDir).permissions() &
                     ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(created->fingerprint().startsWith(QStringLiteral("SHA256:")));

        auto reloaded = AgentIdentity::loadOrCreate(dataDir);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->fingerprint(), created->fingerprint());
        QCOMPARE(reloaded->publicKey(), created->publicKey());
    }

    void signatureVerifies()
    {
        QTemporaryDir root;
        auto identity = AgentIdentity::loadOrCreate(root.path());
        QVERIFY(identity.ok());
        const QByteArray message("hivemind-agent-auth-v1\nnode\nnonce");
        const QByteArray signature = identity->sign(message);
        QVERIFY(crypto::verifySignature(identity->publicKey(), message, signature));
        QVERIFY(!crypto::verifySignature(identity->publicKey(), message + 'x', signature));
    }

    void damagedFileRefusedNotReplaced_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("short") << QByteArray(10, 'x');
        QTest::newRow("long") << QByteArray(65, 'x');
        QTest::newRow("halves disagree") << QByteArray(64, 'x');
        QTest::newRow("empty") << QByteArray();
    }
    void damagedFileRefusedNotReplaced()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir root;
        const QString keyPath = AgentIdentity::keyFilePath(root.path());
        {
            QFile file(keyPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const auto loaded = AgentIdentity::loadOrCreate(root.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::ValidationError);
        QVERIFY(loaded.error().message.contains(QStringLiteral("damaged")));
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // left as it was
    }

    void tamperedKeyRefused()
    {
        QTemporaryDir root;
        QVERIFY(AgentIdentity::loadOrCreate(root.path()).ok());
        const QString keyPath = AgentIdentity::keyFilePath(root.path());
        QFile file(keyPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[40] = char(bytes[40] ^ 0x01); // in the public half
        file.seek(0);
        file.write(bytes);
        file.close();
        QVERIFY(!AgentIdentity::load(root.path()).ok());
    }

    void enrolmentRecordRoundTrip()
    {
        QTemporaryDir root;
        const auto none = EnrolmentRecord::load(root.path());
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        const EnrolmentRecord record{QStringLiteral("node-1"),
                                     QStringLiteral("https://hive.example"),
                                     QStringLiteral("SHA256:abc")};
        QVERIFY(record.save(root.path()).ok());
        const auto loaded = EnrolmentRecord::load(root.path());
        QVERIFY(loaded.ok() && loaded->has_value());
        QCOMPARE((*loaded)->nodeId, record.nodeId);
        QCOMPARE((*loaded)->server, record.server);
        QCOMPARE((*loaded)->fingerprint, record.fingerprint);

        QFile file(EnrolmentRecord::filePath(root.path()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{not json");
        file.close();
        QVERIFY(!EnrolmentRecord::load(root.path()).ok());
    }
};

QTEST_GUILESS_MAIN(TestAgentIdentity)
#include "TestAgentIdentity.moc"
