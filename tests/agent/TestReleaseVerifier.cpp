// What an agent checks before it installs a build (ReleaseVerifier.h): the
// manifest signed by the pinned release key (any change to a signed field,
// another key, no key refused), the protocol, the platform, a newer
// version; then the bytes' size and SHA-256. And the version an installed
// build reports: the sidecar's only when it matches the binary and the
// signature holds.

#include "agent/ReleaseVerifier.h"
#include "crypto/Signing.h"
#include "fleet/AgentProtocol.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestReleaseVerifier : public QObject
{
    Q_OBJECT

    crypto::SigningKeyPair m_key = crypto::generateSigningKeyPair();
    QByteArray m_bytes = QByteArray(5000, 'x') + "agent";

    fleet::ReleaseManifest manifest(const QString &version = QStringLiteral("9.1.0")) const
    {
        fleet::ReleaseManifest m;
        m.id = QStringLiteral("r1");
        m.version = version;
        m.protocol = fleet::kAgentProtocolVersion;
        m.os = fleet::currentReleaseOs();
        m.arch = fleet::currentReleaseArch();
        m.size = m_bytes.size();
        m.sha256 = QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256);
        m.signature = crypto::sign(m_key.secretKey, m.signedMessage());
        return m;
    }

    static QString reason(const Status &status)
    {
        return status ? QString()
                      : status.error().details.value(QStringLiteral("code")).toString();
    }

private slots:
    void aSignedNewerBuildPasses()
    {
        const auto m = manifest();
        QVERIFY(checkReleaseManifest(m, m_key.publicKey, QStringLiteral("9.0.9")));
        QVERIFY(checkReleaseBytes(m, m.size, m.sha256));
        // The manifest survives its JSON form.
        const auto again = fleet::ReleaseManifest::fromJson(m.toJson());
        QVERIFY(again);
        QCOMPARE(again->signedMessage(), m.signedMessage());
    }

    void everySignedFieldCounts_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : {"version", "sha256", "size", "os", "arch", "protocol"})
            QTest::newRow(field) << QString::fromLatin1(field);
    }

    void everySignedFieldCounts()
    {
        QFETCH(QString, field);
        auto m = manifest();
        if (field == u"version")
            m.version = QStringLiteral("9.2.0");
        else if (field == u"sha256")
            m.sha256[0] = char(m.sha256[0] ^ 1);
        else if (field == u"size")
            m.size += 1;
        else if (field == u"os")
            m.os = QStringLiteral("other");
        else if (field == u"arch")
            m.arch = QStringLiteral("other");
        else
            m.protocol += 1;
        QCOMPARE(reason(checkReleaseManifest(m, m_key.publicKey, QStringLiteral("1.0.0"))),
                 QStringLiteral("BAD_SIGNATURE"));
    }

    void anotherKeyOrNoKeyIsRefused()
    {
        const auto other = crypto::generateSigningKeyPair();
        QCOMPARE(reason(checkReleaseManifest(manifest(), other.publicKey, QStringLiteral("1.0"))),
                 QStringLiteral("BAD_SIGNATURE"));
        QCOMPARE(reason(checkReleaseManifest(manifest(), QByteArray(), QStringLiteral("1.0"))),
                 QStringLiteral("NO_RELEASE_KEY"));
    }

    // The rule both sides apply (docs/agent-protocol.md "Protocol
    // versions"): the release's protocol within the agent's range, ends
    // included; outside it CONFLICT / PROTOCOL_INCOMPATIBLE with the numbers.
    void protocolRangeRule_data()
    {
        QTest::addColumn<int>("release");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same") << 1 << 1 << 1 << true;
        QTest::newRow("lowest end") << 2 << 2 << 4 << true;
        QTest::newRow("inside") << 3 << 2 << 4 << true;
        QTest::newRow("highest end") << 4 << 2 << 4 << true;
        QTest::newRow("older than the range") << 1 << 2 << 4 << false;
        QTest::newRow("newer than the range") << 5 << 2 << 4 << false;
        QTest::newRow("an old agent's single protocol") << 2 << 1 << 1 << false;
    }

    void protocolRangeRule()
    {
        QFETCH(int, release);
        QFETCH(int, min);
        QFETCH(int, max);
        QFETCH(bool, accepted);
        const Status fits = fleet::checkReleaseProtocol(release, min, max);
        QCOMPARE(bool(fits), accepted);
        if (accepted)
            return;
        QCOMPARE(fits.error().code, ErrorCode::Conflict);
        QCOMPARE(reason(fits), QStringLiteral("PROTOCOL_INCOMPATIBLE"));
        QCOMPARE(fits.error().details.value("release_protocol").toInt(), release);
        QCOMPARE(fits.error().details.value("agent_protocol_min").toInt(), min);
        QCOMPARE(fits.error().details.value("agent_protocol_max").toInt(), max);
        QVERIFY(fits.error().message.contains(QString::number(release)));
    }

    // The agent applies it with its own build's range.
    void theAgentTakesItsOwnRange()
    {
        for (int protocol = fleet::kAgentProtocolMinVersion;
             protocol <= fleet::kAgentProtocolVersion; ++protocol) {
            auto m = manifest();
            m.protocol = protocol;
            m.signature = crypto::sign(m_key.secretKey, m.signedMessage());
            QVERIFY(checkReleaseManifest(m, m_key.publicKey, QStringLiteral("1.0")));
        }
    }

    void protocolPlatformAndVersionAreChecked()
    {
        auto m = manifest();
        m.protocol = fleet::kAgentProtocolVersion + 1;
        m.signature = crypto::sign(m_key.secretKey, m.signedMessage());
        QCOMPARE(reason(checkReleaseManifest(m, m_key.publicKey, QStringLiteral("1.0"))),
                 QStringLiteral("PROTOCOL_INCOMPATIBLE"));
        m = manifest();
        m.arch = QStringLiteral("sparc");
        m.signature = crypto::sign(m_key.secretKey, m.signedMessage());
        QCOMPARE(reason(checkReleaseManifest(m, m_key.publicKey, QStringLiteral("1.0"))),
                 QStringLiteral("PLATFORM_MISMATCH"));
        for (const char *running : {"9.1.0", "9.1", "9.10.0", "10.0.0"})
            QCOMPARE(reason(checkReleaseManifest(manifest(), m_key.publicKey,
                                                 QString::fromLatin1(running))),
                     QStringLiteral("NOT_NEWER"));
    }

    void truncatedOrTamperedBytesAreRefused()
    {
        const auto m = manifest();
        QCOMPARE(reason(checkReleaseBytes(m, m.size - 1, m.sha256)),
                 QStringLiteral("SIZE_MISMATCH"));
        QByteArray tampered = m_bytes;
        tampered[10] = 'y';
        QCOMPARE(reason(checkReleaseBytes(
                     m, m.size, QCryptographicHash::hash(tampered, QCryptographicHash::Sha256))),
                 QStringLiteral("CHECKSUM_MISMATCH"));
    }

    void theReportedVersionNeedsTheSignedBinary()
    {
        QTemporaryDir dir;
        const QString binary = dir.filePath(QStringLiteral("hivemind-agent"));
        QFile file(binary);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_bytes);
        file.close();
        const QString compiled = QStringLiteral("1.0.0");
        QCOMPARE(installedReleaseVersion(binary, m_key.publicKey, compiled), compiled);
        QFile sidecar(releaseSidecarPath(binary));
        QVERIFY(sidecar.open(QIODevice::WriteOnly));
        sidecar.write(QJsonDocument(manifest().toJson()).toJson());
        sidecar.close();
        QCOMPARE(installedReleaseVersion(binary, m_key.publicKey, compiled),
                 QStringLiteral("9.1.0"));
        // Another key pinned, or a binary changed since: the compiled one.
        QCOMPARE(installedReleaseVersion(binary, crypto::generateSigningKeyPair().publicKey,
                                         compiled),
                 compiled);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(3);
        file.write("z");
        file.close();
        QCOMPARE(installedReleaseVersion(binary, m_key.publicKey, compiled), compiled);
    }

    void versionsCompareAsNumbers()
    {
        QVERIFY(fleet::compareReleaseVersions(QStringLiteral("1.10.0"), QStringLiteral("1.9.2"))
                > 0);
        QCOMPARE(fleet::compareReleaseVersions(QStringLiteral("1.2"), QStringLiteral("1.2.0")), 0);
        QVERIFY(fleet::isReleaseVersion(QStringLiteral("0.1.0-dev")));
        QVERIFY(!fleet::isReleaseVersion(QStringLiteral("1..2")));
        QVERIFY(!fleet::isReleaseVersion(QStringLiteral("v1.2")));
    }
};

QTEST_GUILESS_MAIN(TestReleaseVerifier)
#include "TestReleaseVerifier.moc"
