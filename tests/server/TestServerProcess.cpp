// Drives the real hivemind-server (and hivemind-agent) executables over real
// HTTP on loopback.

#include "AuthTestSupport.h"
#include "ServerProcess.h"
#include "client/ApiClient.h"
#include "hivemind/Version.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>

using namespace hm;
using hm::test::ServerProcess;

namespace {

// Every file below dir with its SHA-256, to prove nothing was touched.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(path,
                         QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

struct HttpAnswer
{
    int status = 0;
    QJsonObject body;
    QByteArray requestId;
};

HttpAnswer httpGet(const QUrl &url)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    answer.requestId = reply->rawHeader("X-Request-Id");
    reply->deleteLater();
    return answer;
}

// Starts a server in dataDir, stops it with SIGTERM; returns its master key.
QByteArray createDatabase(const QString &dataDir)
{
    ServerProcess server(dataDir);
    if (server.start().isEmpty())
        return {};
    ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
    server.process().waitForFinished(15000);
    return server.masterKey();
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT
private slots:
    void healthAndVersionOverHttp()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        const QUrl url = server.start();
        QVERIFY2(url.isValid() && !url.isEmpty(), server.standardError().constData());

        const HttpAnswer health = httpGet(url.resolved(QUrl(QStringLiteral("/api/v1/health"))));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body.value("success").toBool(), true);
        const QJsonObject data = health.body.value("data").toObject();
        QCOMPARE(data.value("status").toString(), QStringLiteral("healthy"));
        QCOMPARE(data.value("database").toString(), QStringLiteral("connected"));
        QVERIFY(health.requestId.startsWith("req_"));

        const HttpAnswer version = httpGet(url.resolved(QUrl(QStringLiteral("/api/v1/version"))));
        QCOMPARE(version.status, 200);
        const QJsonObject v = version.body.value("data").toObject();
        QCOMPARE(v.value("version").toString(), QString::fromLatin1(version::kVersion));
        QCOMPARE(v.value("api_version").toString(), QStringLiteral("v1"));
        QVERIFY(QDateTime::fromString(v.value("build_date").toString(), Qt::ISODate).isValid());
        // Seed 001's feature names for what is served.
        for (const char *feature :
             {"wireguard_management", "bgp_routing", "ipv6_management", "backup_restore"})
            QVERIFY2(v.value("features").toArray().contains(QLatin1String(feature)), feature);

        // Seed 002's names of both, without signing in.
        const HttpAnswer seedHealth = httpGet(url.resolved(QUrl(QStringLiteral("/api/health"))));
        QCOMPARE(seedHealth.status, 200);
        QCOMPARE(seedHealth.body.value("data").toObject().value("status").toString(),
                 QStringLiteral("healthy"));
        QCOMPARE(seedHealth.body.value("data").toObject().value("database").toString(),
                 QStringLiteral("connected"));
        const HttpAnswer seedVersion = httpGet(url.resolved(QUrl(QStringLiteral("/api/version"))));
        QCOMPARE(seedVersion.status, 200);
        const QJsonObject sv = seedVersion.body.value("data").toObject();
        QCOMPARE(sv.value("version").toString(), QString::fromLatin1(version::kVersion));
        QVERIFY(QDateTime::fromString(sv.value("build_time").toString(), Qt::ISODate).isValid());

        // The same through the console's client library.
        client::ApiClient client;
        client.setBaseUrl(url);
        std::optional<Result<client::HealthInfo>> healthResult;
        client.fetchHealth([&](Result<client::HealthInfo> r) { healthResult = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(healthResult.has_value(), 10000);
        QVERIFY(healthResult->ok());
        QCOMPARE(healthResult->value().database, QStringLiteral("connected"));
        std::optional<Result<client::VersionInfo>> versionResult;
        client.fetchVersion([&](Result<client::VersionInfo> r) { versionResult = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(versionResult.has_value(), 10000);
        QVERIFY(versionResult->ok());
        QCOMPARE(versionResult->value().version, QString::fromLatin1(version::kVersion));
    }

    void unknownRouteAnswersEnvelope()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        const QUrl url = server.start();
        QVERIFY(!url.isEmpty());
        const HttpAnswer answer = httpGet(url.resolved(QUrl(QStringLiteral("/api/v1/nope"))));
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.body.value("success").toBool(true), false);
        const QJsonObject error = answer.body.value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(error.value("request_id").toString().toLatin1(), answer.requestId);
        QVERIFY(!error.value("timestamp").toString().isEmpty());

        client::ApiClient client;
        client.setBaseUrl(url);
        std::optional<Result<QJsonValue>> result;
        client.getJson(QStringLiteral("/api/v1/nope"),
                       [&](Result<QJsonValue> r) { result = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::ResourceNotFound);
    }

    void firstStartWritesAdminPasswordFileOnly()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        server.setEnv(QStringLiteral("HIVEMIND_ADMIN_USER"), QString());
        const QUrl url = server.start();
        QVERIFY(!url.isEmpty());
        const QString passwordFile = dir.filePath("initial-admin-password");
        QVERIFY(QFile::exists(passwordFile));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(passwordFile).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray password = file.readAll().trimmed();
        QVERIFY(password.size() >= 16);
        // It is the password of the administrator "admin", and only it.
        hm::test::Http http(url);
        const hm::test::Answer login = http.login("admin", QString::fromUtf8(password));
        QCOMPARE(login.status, 200);
        const QString token = login.data().value("access_token").toString();
        QVERIFY(!token.isEmpty());
        const hm::test::Answer me = http.get("/api/v1/users/me", token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value("username").toString(), QStringLiteral("admin"));
        QCOMPARE(me.data().value("role").toString(), QStringLiteral("admin"));
        QString wrong = QString::fromUtf8(password);
        wrong[0] = wrong[0] == u'a' ? u'b' : u'a';
        QCOMPARE(http.login("admin", wrong).status, 401);
        // The path is printed, the password never.
        QVERIFY(server.standardOutput().contains(passwordFile.toUtf8()));
        QVERIFY(!server.standardOutput().contains(password));
        ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
        QVERIFY(server.process().waitForFinished(15000));
        QVERIFY(!server.standardError().contains(password));
    }

    void sigtermStopsCleanlyAndKeepsData()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        QVERIFY(!server.start().isEmpty());
        ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
        QVERIFY(server.process().waitForFinished(15000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.standardError().contains("stopped cleanly"));

        // Same key: the store opens, the administrator is kept (no new file).
        QFile::remove(dir.filePath("initial-admin-password"));
        ServerProcess again(dir.path(), server.masterKey());
        QVERIFY(!again.start().isEmpty());
        QVERIFY(!QFile::exists(dir.filePath("initial-admin-password")));
        ::kill(static_cast<pid_t>(again.process().processId()), SIGINT);
        QVERIFY(again.process().waitForFinished(15000));
        QCOMPARE(again.process().exitCode(), 0);
    }

    void portInUseExitsTwo()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        QCOMPARE(server.runToExit({}, blocker.serverPort()), 2);
        const QByteArray err = server.standardError();
        QVERIFY2(err.contains(QByteArray::number(blocker.serverPort())), err.constData());
        QVERIFY2(err.contains("PORT_IN_USE"), err.constData());
    }

    void wrongMasterKeyExitsThreeAndTouchesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(!createDatabase(dir.path()).isEmpty());
        const auto before = snapshot(dir.path());
        QVERIFY(before.contains(dir.filePath("hivemind.db")));

        ServerProcess wrong(dir.path()); // a fresh random key
        QCOMPARE(wrong.runToExit(), 3);
        const QByteArray err = wrong.standardError();
        QVERIFY2(err.contains("DB_KEY_INVALID"), err.constData());
        QVERIFY2(err.contains("master key does not match"), err.constData());
        QVERIFY(!err.contains(wrong.masterKey()));
        QCOMPARE(snapshot(dir.path()), before);
    }

    void corruptDatabaseExitsThreeAndTouchesNothing()
    {
        QTemporaryDir dir;
        const QByteArray key = createDatabase(dir.path());
        QVERIFY(!key.isEmpty());
        QFile db(dir.filePath("hivemind.db"));
        QVERIFY(db.open(QIODevice::ReadWrite));
        QVERIFY(db.size() > 2048);
        QVERIFY(db.resize(1500)); // torn in the middle of page 2
        db.close();
        const auto before = snapshot(dir.path());

        ServerProcess server(dir.path(), key);
        QCOMPARE(server.runToExit(), 3);
        const QByteArray err = server.standardError();
        QVERIFY2(err.contains("DB_CORRUPT"), err.constData());
        QCOMPARE(snapshot(dir.path()), before);
    }

    void jsonLogLinesAreObjects()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        QVERIFY(!server.start({QStringLiteral("--log-format"), QStringLiteral("json")}).isEmpty());
        ::kill(static_cast<pid_t>(server.process().processId()), SIGTERM);
        QVERIFY(server.process().waitForFinished(15000));
        const QList<QByteArray> lines = server.standardError().trimmed().split('\n');
        QVERIFY(lines.size() >= 3);
        for (const QByteArray &line : lines) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            QVERIFY2(!record.isEmpty(), line.constData());
            for (const char *field : {"time", "level", "category", "message"})
                QVERIFY2(record.contains(QLatin1String(field)), line.constData());
            QVERIFY(record.value("category").toString().startsWith(QStringLiteral("hivemind.")));
        }
    }

    void badArgumentsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("listen without port") << QStringList{"--listen", "127.0.0.1"};
        QTest::newRow("listen bad host") << QStringList{"--listen", "not a host:80"};
        QTest::newRow("listen port too big") << QStringList{"--listen", "127.0.0.1:70000"};
        QTest::newRow("log format") << QStringList{"--log-format", "xml"};
        QTest::newRow("sync") << QStringList{"--sync", "sometimes"};
        QTest::newRow("engine thread") << QStringList{"--engine-thread", "both"};
    }
    void badArgumentsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(hm::test::binaryPath("hivemind-server"), arguments);
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("VALIDATION_ERROR"));
    }

    void versionAndHelp_data()
    {
        QTest::addColumn<QString>("binary");
        QTest::newRow("server") << "hivemind-server";
        QTest::newRow("agent") << "hivemind-agent";
    }
    void versionAndHelp()
    {
        QFETCH(QString, binary);
        QProcess process;
        process.start(hm::test::binaryPath(binary.toUtf8().constData()),
                      {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains(version::kVersion));
        process.start(hm::test::binaryPath(binary.toUtf8().constData()),
                      {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("--help"));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "TestServerProcess.moc"
