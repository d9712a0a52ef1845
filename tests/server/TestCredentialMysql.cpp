// Testing a `mysql` database credential (issue 13, item 3): the real
// hivemind-server signs in with Qt SQL's QMYSQL driver to a real MariaDB
// (Debian's mariadb-server 10.11, which installer/packages.txt installs) that
// the test starts in a temporary directory on a loopback port: system tables
// bootstrapped by mariadbd itself (only the ones a sign-in needs, faster than
// mariadb-install-db), then a user and a database made over the socket.
// Skipped, saying why, only when mariadbd is not installed.

#include "PeerCredentialSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <unistd.h>

using namespace hm::test;

namespace {

const QString kMariadbd = QStringLiteral("/usr/sbin/mariadbd");
const QString kMariadbClient = QStringLiteral("/usr/bin/mariadb");
const QString kMysqlShare = QStringLiteral("/usr/share/mysql/");
const QString kMyUser = QStringLiteral("hmtest");
const QString kMyDatabase = QStringLiteral("hmdb");

} // namespace

class TestCredentialMysql : public QObject, private PeerCredentialFixture
{
    Q_OBJECT
private:
    QTemporaryDir m_my;
    QString m_myPassword;
    quint16 m_myPort = 0;
    QProcess m_mariadbd;

    // Options for both the bootstrap and the server: small, no fsync (a
    // throwaway directory), no binary log.
    QStringList serverOptions() const
    {
        QStringList options{"--no-defaults",
                            "--datadir=" + m_my.filePath("data"),
                            "--skip-name-resolve",
                            "--skip-log-bin",
                            "--innodb-log-file-size=4M",
                            "--innodb-buffer-pool-size=16M",
                            "--innodb-flush-method=nosync",
                            "--innodb-flush-log-at-trx-commit=0",
                            "--innodb-doublewrite=0"};
        if (::geteuid() == 0)
            options << "--user=root"; // mariadbd refuses root unless told
        return options;
    }
    // Runs the mariadb client as root over the socket. Empty on success.
    QString sql(const QString &statements)
    {
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(kMariadbClient, {"--no-defaults", "--socket=" + m_my.filePath("sock"),
                                      "-uroot", "-e", statements});
        if (!client.waitForFinished(30000) || client.exitCode() != 0)
            return QStringLiteral("mariadb failed: ") + QString::fromUtf8(client.readAll());
        return {};
    }
    QString createDatabaseCredential(const QString &password, quint16 port)
    {
        return PeerCredentialFixture::createDatabaseCredential(QStringLiteral("mariadb"), port,
                                                               kMyDatabase, kMyUser, password,
                                                               QStringLiteral("mysql"));
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kMariadbd) || !QFile::exists(kMariadbClient))
            QSKIP("mariadbd or the mariadb client is not installed (Debian mariadb-server; "
                  "installer/setup-deps.sh installs it)");
        QVERIFY(m_my.isValid());
        QVERIFY(QDir(m_my.path()).mkdir("data"));
        m_myPassword = QStringLiteral("My-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);

        // The system tables, as mariadb-install-db makes them, without the
        // help tables and the sys schema (seconds of work a sign-in does
        // not need). root@localhost gets no password, socket only here.
        QByteArray bootstrap = "create database if not exists mysql;\nuse mysql;\n"
                               "SET @auth_root_socket=NULL;\n";
        for (const char *file : {"mysql_system_tables.sql", "mysql_performance_tables.sql",
                                 "mysql_system_tables_data.sql"}) {
            QFile sqlFile(kMysqlShare + QLatin1String(file));
            QVERIFY2(sqlFile.open(QIODevice::ReadOnly), qPrintable(sqlFile.fileName()));
            bootstrap += sqlFile.readAll() + '\n';
        }
        QProcess init;
        init.setProcessChannelMode(QProcess::MergedChannels);
        init.start(kMariadbd, serverOptions() << "--bootstrap");
        QVERIFY(init.waitForStarted());
        init.write(bootstrap);
        init.closeWriteChannel();
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(init.exitCode() == 0, init.readAll().constData());

        m_myPort = freeLoopbackPort();
        m_mariadbd.setProcessChannelMode(QProcess::MergedChannels);
        m_mariadbd.setStandardOutputFile(m_my.filePath("mariadbd.log"));
        m_mariadbd.start(kMariadbd, serverOptions() << QStringLiteral("--port=%1").arg(m_myPort)
                                                    << "--bind-address=127.0.0.1"
                                                    << "--socket=" + m_my.filePath("sock")
                                                    << "--pid-file=" + m_my.filePath("pid"));
        QVERIFY(m_mariadbd.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_my.filePath("sock")) ||
                                     m_mariadbd.state() == QProcess::NotRunning,
                                 30000);
        QVERIFY2(m_mariadbd.state() == QProcess::Running, "mariadbd exited: see mariadbd.log");
        const QString failure =
            sql(QStringLiteral("CREATE DATABASE %1; CREATE USER '%2'@'127.0.0.1' IDENTIFIED BY "
                               "'%3'; GRANT ALL ON %1.* TO '%2'@'127.0.0.1';")
                    .arg(kMyDatabase, kMyUser, m_myPassword));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        const QString started = startServer();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }
    void cleanupTestCase()
    {
        if (m_mariadbd.state() != QProcess::NotRunning) {
            m_mariadbd.terminate();
            if (!m_mariadbd.waitForFinished(15000))
                m_mariadbd.kill();
        }
    }

    void signsInWithTheStoredPassword()
    {
        const Answer tested = testCredential(createDatabaseCredential(m_myPassword, m_myPort));
        QCOMPARE(tested.status, 200);
        QVERIFY2(tested.data().value("success").toBool(), tested.raw.constData());
        QCOMPARE(tested.data().value("message").toString(),
                 QStringLiteral("connected and signed in"));
        QVERIFY(!tested.data().contains("error"));
        QVERIFY(!tested.raw.contains(m_myPassword.toUtf8()));
    }

    void aWrongPasswordIsReported()
    {
        const QString wrong = QStringLiteral("not-the-password-42");
        const Answer tested = testCredential(createDatabaseCredential(wrong, m_myPort));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("SERVICE_AUTH_FAILED"));
        QVERIFY2(tested.data().value("message").toString().contains("Access denied"),
                 tested.raw.constData());
        QVERIFY(!tested.raw.contains(wrong.toUtf8()));
        QVERIFY(!tested.raw.contains(m_myPassword.toUtf8()));
    }

    void nobodyListening()
    {
        const Answer tested =
            testCredential(createDatabaseCredential(m_myPassword, freeLoopbackPort()));
        QCOMPARE(tested.status, 200);
        QCOMPARE(tested.data().value("success").toBool(), false);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("NETWORK_ERROR"));
        QVERIFY2(tested.data().value("message").toString().contains("Can't connect"),
                 tested.raw.constData());
        QVERIFY(!tested.raw.contains(m_myPassword.toUtf8()));
    }

    // MariaDB is reached with driver "mysql" (Qt's QMYSQL speaks to both);
    // there is no separate "mariadb" value.
    void mariadbIsNotADriverValue()
    {
        const Answer created = m_http->json("POST", "/api/v1/credentials",
                                            {{"name", "mariadb-driver"},
                                             {"type", "database"},
                                             {"data", QJsonObject{{"host", "127.0.0.1"},
                                                                  {"database", kMyDatabase},
                                                                  {"username", kMyUser},
                                                                  {"driver", "mariadb"}}}},
                                            m_admin);
        QCOMPARE(created.status, 422);
        QCOMPARE(created.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(created.raw.contains("data.driver"), created.raw.constData());
    }
};

QTEST_GUILESS_MAIN(TestCredentialMysql)
#include "TestCredentialMysql.moc"
