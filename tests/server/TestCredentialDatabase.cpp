// Testing a database credential (issue 13, item 3): the real hivemind-server
// signs in to a real PostgreSQL that the test starts in a temporary directory
// (initdb and pg_ctl of Debian's postgresql 15, on a loopback port, as the
// postgres user when the test runs as root), with password authentication.

#include "PeerCredentialSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <unistd.h>

using namespace hm::test;

namespace {

const QString kPgBin = QStringLiteral("/usr/lib/postgresql/15/bin/");
const QString kPgUser = QStringLiteral("hmtest");

} // namespace

class TestCredentialDatabase : public QObject, private PeerCredentialFixture
{
    Q_OBJECT
private:
    QTemporaryDir m_pg;
    QString m_pgPassword;
    quint16 m_pgPort = 0;
    bool m_pgStarted = false;

    // Runs a PostgreSQL tool, as the postgres user when we are root (the
    // server refuses to run as root). Empty on success, else its output.
    QString runPg(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        if (::geteuid() == 0) {
            process.setProgram(QStringLiteral("runuser"));
            process.setArguments(QStringList{"-u", "postgres", "--", kPgBin + tool} + arguments);
        } else {
            process.setProgram(kPgBin + tool);
            process.setArguments(arguments);
        }
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start();
        if (!process.waitForFinished(120000) || process.exitCode() != 0)
            return tool + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll());
        return {};
    }
    QString createDatabaseCredential(const QString &password, quint16 port)
    {
        return PeerCredentialFixture::createDatabaseCredential(
            QStringLiteral("postgres"), port, QStringLiteral("postgres"), kPgUser, password,
            QStringLiteral("postgresql"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(kPgBin + "initdb"));
        QVERIFY(m_pg.isValid());
        m_pgPassword = QStringLiteral("Pg-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
        QFile pwfile(m_pg.filePath("pwfile"));
        QVERIFY(pwfile.open(QIODevice::WriteOnly));
        pwfile.write(m_pgPassword.toUtf8() + '\n');
        pwfile.close();
        if (::geteuid() == 0)
            QCOMPARE(QProcess::execute("chown", {"-R", "postgres:postgres", m_pg.path()}), 0);
        QString failure = runPg("initdb", {"-D", m_pg.filePath("data"), "-U", kPgUser,
                                           "--pwfile=" + m_pg.filePath("pwfile"), "-A",
                                           "scram-sha-256", "-E", "UTF8", "--no-sync"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_pgPort = freeLoopbackPort();
        failure = runPg("pg_ctl", {"-D", m_pg.filePath("data"), "-l", m_pg.filePath("log"), "-w",
                                   "-t", "60", "-o",
                                   QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 "
                                                  "-c fsync=off")
                                       .arg(m_pgPort)
                                       .arg(m_pg.path()),
                                   "start"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_pgStarted = true;

        failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    void cleanupTestCase()
    {
        if (m_pgStarted)
            runPg("pg_ctl", {"-D", m_pg.filePath("data"), "-m", "immediate", "stop"});
    }

    void signsInWithTheStoredPassword()
    {
        const Answer tested = testCredential(createDatabaseCredential(m_pgPassword, m_pgPort));
        QCOMPARE(tested.status, 200);
        QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());
        QVERIFY(!tested.data().contains("error"));
        QVERIFY(!tested.raw.contains(m_pgPassword.toUtf8()));
    }

    void aWrongPasswordIsReported()
    {
        const QString wrong = QStringLiteral("not-the-password-42");
        const Answer tested = testCredential(createDatabaseCredential(wrong, m_pgPort));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("SERVICE_AUTH_FAILED"));
        QVERIFY2(tested.data().value("message").toString().contains("authentication"),
                 tested.raw.constData());
        QVERIFY(!tested.raw.contains(wrong.toUtf8()));
    }

    void nobodyListening()
    {
        const Answer tested =
            testCredential(createDatabaseCredential(m_pgPassword, freeLoopbackPort()));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("NETWORK_ERROR"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialDatabase)
#include "TestCredentialDatabase.moc"
