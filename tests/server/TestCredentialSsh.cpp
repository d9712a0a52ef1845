// Testing an ssh credential (issue 13, item 3): the real hivemind-server
// signs in with libssh to a real sshd that the test starts on a loopback
// port, with a host key and a client key (passphrase-protected) generated
// by ssh-keygen into a temporary directory; keys that do not parse are
// refused when they are saved (issue 34, item 11).

#include "PeerCredentialSupport.h"
#include "SshTestKeys.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <pwd.h>
#include <unistd.h>

using namespace hm::test;

namespace {

QString keygen(const QString &path, const QString &passphrase)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start("ssh-keygen", {"-q", "-t", "ed25519", "-N", passphrase, "-f", path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString::fromUtf8(process.readAll());
    return {};
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestCredentialSsh : public QObject, private PeerCredentialFixture
{
    Q_OBJECT
private:
    QTemporaryDir m_ssh;
    QProcess m_sshd;
    quint16 m_port = 0;
    QString m_user;
    const QString m_passphrase = QStringLiteral("phrase-%1").arg(quint32(::getpid()));

    QString create(const QString &key, const QString &passphrase, quint16 port,
                   const QString &hostKey = {})
    {
        QJsonObject data{
            {"host", "127.0.0.1"}, {"port", port}, {"username", m_user}, {"privateKey", key}};
        if (!passphrase.isEmpty())
            data.insert("passphrase", passphrase);
        if (!hostKey.isEmpty())
            data.insert("hostKey", hostKey);
        return createCredential(QStringLiteral("sshd"), QStringLiteral("ssh"), data);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists("/usr/sbin/sshd"));
        QVERIFY(m_ssh.isValid());
        m_user = QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name);
        QString failure = keygen(m_ssh.filePath("host_key"), {});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        failure = keygen(m_ssh.filePath("client_key"), m_passphrase);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        failure = keygen(m_ssh.filePath("other_key"), {});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QFile::copy(m_ssh.filePath("client_key.pub"), m_ssh.filePath("authorized_keys"));
        m_port = freeLoopbackPort();
        QFile config(m_ssh.filePath("sshd_config"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\n"
                                    "AuthorizedKeysFile %3\nPasswordAuthentication no\n"
                                    "KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
                                    "PermitRootLogin prohibit-password\nStrictModes no\n"
                                    "UsePAM no\nPidFile %4\n")
                         .arg(m_port)
                         .arg(m_ssh.filePath("host_key"), m_ssh.filePath("authorized_keys"),
                              m_ssh.filePath("sshd.pid"))
                         .toUtf8());
        config.close();
        // sshd's privilege separation directory (normally made at boot).
        if (::geteuid() == 0)
            QDir().mkpath("/run/sshd");
        m_sshd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sshd.start("/usr/sbin/sshd", {"-D", "-e", "-f", m_ssh.filePath("sshd_config")});
        QVERIFY(m_sshd.waitForStarted());
        // Up once it accepts connections.
        QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                return probe.waitForConnected(200);
            }(),
            20000);

        failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    void cleanupTestCase()
    {
        m_sshd.terminate();
        m_sshd.waitForFinished(10000);
    }

    void signsInWithTheKeyAndPassphrase()
    {
        const Answer tested =
            testCredential(create(fileText(m_ssh.filePath("client_key")), m_passphrase, m_port));
        QCOMPARE(tested.status, 200);
        QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());
        QVERIFY(tested.data().value("message").toString().contains("SHA256:"));
        QVERIFY(!tested.raw.contains(m_passphrase.toUtf8()));
        QVERIFY(!tested.raw.contains("PRIVATE KEY"));
    }

    // The key is parsed when it is saved (issue 34, item 11): what libssh
    // cannot read with the passphrase given is refused then, saying why,
    // rather than stored and found out at the first connection.
    void anUnreadableKeyIsRefusedWhenSaved_data()
    {
        QTest::addColumn<QString>("key"); // "" = the client's key
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("garbage") << "not a real key"
                                 << ""
                                 << "data.privateKey"
                                 << "not_a_private_key";
        QTest::newRow("no passphrase") << ""
                                       << ""
                                       << "data.passphrase"
                                       << "passphrase_required";
        QTest::newRow("wrong passphrase") << ""
                                          << "wrong-phrase"
                                          << "data.passphrase"
                                          << "wrong_passphrase";
    }
    void anUnreadableKeyIsRefusedWhenSaved()
    {
        QFETCH(QString, key);
        QFETCH(QString, passphrase);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        if (key.isEmpty())
            key = fileText(m_ssh.filePath("client_key"));
        QJsonObject data{
            {"host", "127.0.0.1"}, {"port", m_port}, {"username", m_user}, {"privateKey", key}};
        if (!passphrase.isEmpty())
            data.insert("passphrase", passphrase);
        const Answer refused =
            m_http->json("POST", "/api/v1/credentials",
                         {{"name", "sshd"}, {"type", "ssh"}, {"data", data}}, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("field").toString(), field);
        QCOMPARE(refused.details().value("reason").toString(), reason);
        // Nothing of the key (its BEGIN line, a line of its body) or the passphrase.
        const QString clientKey = fileText(m_ssh.filePath("client_key"));
        QVERIFY(!refused.raw.contains("BEGIN OPENSSH PRIVATE KEY"));
        QVERIFY(!refused.raw.contains(clientKey.section(u'\n', 1, 1).toUtf8()));
        QVERIFY(!refused.raw.contains("not a real key"));
        QVERIFY(!refused.raw.contains(m_passphrase.toUtf8()));
        QVERIFY(!refused.raw.contains("wrong-phrase"));
    }

    // An RSA key (ssh-keygen's default format and the older PEM one) is
    // accepted and signs in like the ed25519 one.
    void anRsaKeySignsIn()
    {
        for (const QString &format : {QString(), QStringLiteral("PEM")}) {
            QString failure;
            const QString key = generateSshKey(m_ssh.filePath("rsa_key"), QStringLiteral("rsa"),
                                               m_passphrase, format, &failure);
            QVERIFY2(!key.isEmpty(), qPrintable(failure));
            QFile authorized(m_ssh.filePath("authorized_keys"));
            QVERIFY(authorized.open(QIODevice::Append));
            authorized.write(fileText(m_ssh.filePath("rsa_key.pub")).toUtf8());
            authorized.close();
            const QString id = create(key, m_passphrase, m_port);
            QVERIFY(!id.isEmpty());
            const Answer tested = testCredential(id);
            QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());
        }
    }

    // An update whose key or passphrase does not parse is refused and
    // leaves the stored credential as it was: it still signs in.
    void aRefusedUpdateKeepsTheStoredKey()
    {
        const QString id = create(fileText(m_ssh.filePath("client_key")), m_passphrase, m_port);
        QVERIFY(!id.isEmpty());
        const QString path = QStringLiteral("/api/v1/credentials/") + id;
        const QJsonObject before = m_http->get(path, m_admin).data();
        for (const QJsonObject &patch :
             {QJsonObject{{"privateKey", "not a real key"}},
              QJsonObject{{"passphrase", "wrong-phrase"}},
              QJsonObject{{"passphrase", QJsonValue::Null}},
              QJsonObject{{"privateKey", "not a real key"}, {"host", "10.9.9.9"}}}) {
            const Answer refused = m_http->json("PUT", path, {{"data", patch}}, m_admin);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        }
        QCOMPARE(m_http->get(path, m_admin).data(), before);
        const Answer tested = testCredential(id);
        QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());
    }

    void aKeyTheServerDoesNotKnowIsRefused()
    {
        const Answer tested =
            testCredential(create(fileText(m_ssh.filePath("other_key")), {}, m_port));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QVERIFY2(tested.data().value("message").toString().contains("refused"),
                 tested.raw.constData());
    }

    // A pinned host key (the fingerprint as ssh-keygen prints it): the
    // right one signs in, another fails before the key is offered.
    void aPinnedHostKeyIsChecked()
    {
        QProcess keygen;
        keygen.start("ssh-keygen", {"-l", "-E", "sha256", "-f", m_ssh.filePath("host_key.pub")});
        QVERIFY(keygen.waitForFinished(30000));
        const QString fingerprint = QString::fromUtf8(keygen.readAll()).section(u' ', 1, 1);
        QVERIFY2(fingerprint.startsWith("SHA256:"), qPrintable(fingerprint));
        const QString key = fileText(m_ssh.filePath("client_key"));

        const QString pinned = create(key, m_passphrase, m_port, fingerprint);
        QVERIFY(!pinned.isEmpty());
        QCOMPARE(m_http->get("/api/v1/credentials/" + pinned, m_admin)
                     .data()
                     .value("data")
                     .toObject()
                     .value("hostKey")
                     .toString(),
                 fingerprint);
        Answer tested = testCredential(pinned);
        QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());

        // The fingerprint of another key (the client's own).
        keygen.start("ssh-keygen", {"-l", "-E", "sha256", "-f", m_ssh.filePath("other_key.pub")});
        QVERIFY(keygen.waitForFinished(30000));
        const QString other = QString::fromUtf8(keygen.readAll()).section(u' ', 1, 1);
        QVERIFY(other.startsWith("SHA256:") && other != fingerprint);
        tested = testCredential(create(key, m_passphrase, m_port, other));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        const QString message = tested.data().value("message").toString();
        QVERIFY2(message.contains("does not match the pinned host key") &&
                     message.contains(fingerprint) && message.contains(other),
                 qPrintable(message));

        // Not a fingerprint.
        const Answer refused = m_http->json("POST", "/api/v1/credentials",
                                            {{"name", "sshd"},
                                             {"type", "ssh"},
                                             {"data", QJsonObject{{"host", "127.0.0.1"},
                                                                  {"username", m_user},
                                                                  {"privateKey", key},
                                                                  {"hostKey", "MD5:aa:bb"}}}},
                                            m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("data.hostKey"));
    }

    void nobodyListening()
    {
        const Answer tested = testCredential(
            create(fileText(m_ssh.filePath("client_key")), m_passphrase, freeLoopbackPort()));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QVERIFY(tested.data().value("message").toString().startsWith("could not connect"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialSsh)
#include "TestCredentialSsh.moc"
