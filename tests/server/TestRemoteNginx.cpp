// Nginx through a real agent (issue 38 item 7, and its part of items
// 11–13): Debian's own nginx under a temporary prefix, driven through the
// API. Node "web" runs an agent that grants nginx (--allow nginx, its
// nginx_* keys pointing into the temporary directory), node "db" one that
// does not. nginx starts, serves a site, takes an update on reload; a
// broken config is refused by nginx -t, the file on disk stays the
// previous one byte for byte and nginx keeps serving the old body; a
// second site is created, enabled, disabled and deleted; a self-signed
// certificate is made and read. Refusals: the agent without the
// capability, a USER without a grant, a VIEWER, bad names; every change
// audited with the authenticated user and never the config's text.

#include "RemoteAgentSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <unistd.h>

using namespace hm::test;

namespace {

int freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QByteArray siteConfig(int port, const QByteArray &body, const QByteArray &serverName = "main.test")
{
    return "server {\n    listen 127.0.0.1:" + QByteArray::number(port) + ";\n    server_name " +
           serverName + ";\n    location / {\n        return 200 \"" + body + "\\n\";\n    }\n}\n";
}

// Gone, or a zombie nobody reaped yet (nginx's master is no child of ours).
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || close + 2 >= line.size() || line.at(close + 2) == 'Z';
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestRemoteNginx : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_web;
    RemoteAgent m_db;
    ApiUser m_ops;
    ApiUser m_viewer;
    QString m_adminId;
    QTemporaryDir m_nginxDir;
    QString m_nginx;
    int m_port = 0;
    int m_secondPort = 0;

    QString nginxPath(const QString &name) const { return m_nginxDir.filePath(name); }

    Answer call(const QByteArray &verb, const QString &nodeId, const QString &suffix,
                const QString &token, const QJsonObject &body = {})
    {
        const QString path = QStringLiteral("/api/v1/nodes/%1/nginx%2").arg(nodeId, suffix);
        if (verb == "GET")
            return m_http->get(path, token);
        return m_http->json(verb, path, body, token);
    }

    Answer web(const QByteArray &verb, const QString &suffix, const QJsonObject &body = {})
    {
        return call(verb, m_web.nodeId, suffix, m_admin, body);
    }

    // The body nginx serves on 127.0.0.1:port now, or "error: …".
    QString page(int port)
    {
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        // No connection kept: a graceful stop would wait for it.
        request.setRawHeader("Connection", "close");
        request.setTransferTimeout(5000);
        QNetworkReply *reply = manager.get(request);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return QStringLiteral("error: ") + reply->errorString();
        return QString::fromUtf8(reply->readAll());
    }

    // Waits until nginx serves `body`; otherwise fails with nginx's error log.
    void waitForPage(int port, const QString &body)
    {
        QString last;
        const bool served = QTest::qWaitFor(
            [&] {
                last = page(port);
                return last == body;
            },
            20000);
        QVERIFY2(served,
                 qPrintable(QStringLiteral("last answer \"%1\"; error.log:\n%2")
                                .arg(last, QString::fromUtf8(
                                               readAll(nginxPath("logs/error.log")).right(4000)))));
    }

    qint64 nginxPid()
    {
        return readAll(nginxPath(QStringLiteral("nginx.pid"))).trimmed().toLongLong();
    }

    QJsonObject latestAudit(const QString &action)
    {
        const QJsonArray entries = m_agents->audit(action);
        return entries.isEmpty() ? QJsonObject() : entries.first().toObject();
    }

    void writeNginxConf()
    {
        QVERIFY(QDir().mkpath(nginxPath(QStringLiteral("sites-available"))));
        QVERIFY(QDir().mkpath(nginxPath(QStringLiteral("sites-enabled"))));
        QVERIFY(QDir().mkpath(nginxPath(QStringLiteral("logs"))));
        QVERIFY(QDir().mkpath(nginxPath(QStringLiteral("tmp"))));
        const QByteArray dir = QFile::encodeName(m_nginxDir.path());
        QByteArray conf;
        // Workers as root when the test is root: they must read the temp dir.
        if (::geteuid() == 0)
            conf += "user root;\n";
        conf += "worker_processes 1;\n"
                "pid " +
                dir +
                "/nginx.pid;\n"
                "error_log " +
                dir +
                "/logs/error.log;\n"
                "events { worker_connections 64; }\n"
                "http {\n"
                "    access_log " +
                dir +
                "/logs/access.log;\n"
                "    client_body_temp_path " +
                dir +
                "/tmp/body;\n"
                "    proxy_temp_path " +
                dir +
                "/tmp/proxy;\n"
                "    fastcgi_temp_path " +
                dir +
                "/tmp/fastcgi;\n"
                "    uwsgi_temp_path " +
                dir +
                "/tmp/uwsgi;\n"
                "    scgi_temp_path " +
                dir +
                "/tmp/scgi;\n"
                "    include sites-enabled/*;\n"
                "}\n";
        QFile file(nginxPath(QStringLiteral("nginx.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(conf);
    }

private slots:
    void initTestCase()
    {
        m_nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {"/usr/sbin"});
        if (m_nginx.isEmpty())
            QSKIP("nginx is not installed (/usr/sbin/nginx; Debian's nginx-light will do)");
        QVERIFY(m_nginxDir.isValid());
        writeNginxConf();
        m_port = freeLoopbackPort();
        m_secondPort = freeLoopbackPort();
        QVERIFY(m_port > 0 && m_secondPort > 0 && m_port != m_secondPort);

        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        m_adminId =
            m_http->get(QStringLiteral("/api/v1/users/me"), m_admin).data().value("id").toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_viewer.token.isEmpty());
        // The pid file comes from nginx.conf's pid directive (no nginx_pid).
        const QByteArray dir = QFile::encodeName(m_nginxDir.path());
        const QByteArray nginxKeys = "nginx_binary=" + QFile::encodeName(m_nginx) +
                                     "\n"
                                     "nginx_conf=" +
                                     dir +
                                     "/nginx.conf\n"
                                     "nginx_prefix=" +
                                     dir +
                                     "\n"
                                     "nginx_sites_available=" +
                                     dir +
                                     "/sites-available\n"
                                     "nginx_sites_enabled=" +
                                     dir +
                                     "/sites-enabled\n"
                                     "nginx_ssl_dir=" +
                                     dir + "/ssl\n";
        QVERIFY(m_agents->start(m_web, "web-1", {"web"}, {"--allow", "nginx"}, nginxKeys));
        // The same keys, but no nginx capability: the agent refuses.
        QVERIFY(m_agents->start(m_db, "db-1", {"db"}, {}, nginxKeys));
        HM_WAIT_ONLINE(*m_agents, m_web);
        HM_WAIT_ONLINE(*m_agents, m_db);
    }

    void cleanupTestCase()
    {
        // Whatever happened above, no nginx is left behind.
        if (const qint64 pid = nginxPid(); pid > 0 && !processGone(pid)) {
            ::kill(pid_t(pid), SIGQUIT);
            if (!QTest::qWaitFor([pid] { return processGone(pid); }, 10000))
                ::kill(pid_t(pid), SIGKILL);
        }
        QVERIFY(m_web.stop());
        QVERIFY(m_db.stop());
    }

    void anAgentWithoutNginxRefuses()
    {
        const Answer refused = call("GET", m_db.nodeId, "/status", m_admin);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
        const Answer start = call("POST", m_db.nodeId, "/start", m_admin);
        QCOMPARE(start.code(), QStringLiteral("CAPABILITY_DISABLED"));
        QCOMPARE(
            latestAudit("NODE_NGINX_STARTED").value("details").toObject().value("error").toString(),
            QStringLiteral("CAPABILITY_DISABLED"));
    }

    void anAdministratorStartsAndUpdates()
    {
        const Answer before = web("GET", "/status");
        QCOMPARE(before.status, 200);
        QCOMPARE(before.data().value("running").toBool(), false);
        QVERIFY2(before.data().value("version").toString().startsWith("1."),
                 before.raw.constData());
        QCOMPARE(before.data().value("config_ok").toBool(), true);

        const Answer created = web("POST", "/sites",
                                   {{"name", "main"},
                                    {"config", QString::fromUtf8(siteConfig(m_port, "old"))},
                                    {"enable", true}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("enabled").toBool(), true);
        QVERIFY(QFileInfo(nginxPath("sites-enabled/main")).isSymLink());

        const Answer started = web("POST", "/start");
        QCOMPARE(started.status, 200);
        QCOMPARE(started.data().value("running").toBool(), true);
        QCOMPARE(qint64(started.data().value("pid").toDouble()), nginxPid());
        QTRY_COMPARE_WITH_TIMEOUT(page(m_port), QStringLiteral("old\n"), 10000);
        const QJsonObject startAudit = latestAudit("NODE_NGINX_STARTED");
        QCOMPARE(startAudit.value("user_id").toString(), m_adminId);
        QCOMPARE(startAudit.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));
        const Answer again = web("POST", "/start");
        QCOMPARE(again.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(again.details().value("code").toString(), QStringLiteral("NGINX_ALREADY_RUNNING"));
        QCOMPARE(latestAudit("NODE_NGINX_STARTED")
                     .value("details")
                     .toObject()
                     .value("reason")
                     .toString(),
                 QStringLiteral("NGINX_ALREADY_RUNNING"));

        const QString newConfig = QString::fromUtf8(siteConfig(m_port, "new"));
        const Answer updated = web("PUT", "/sites/main", {{"config", newConfig}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.data().value("tested").toBool(), true);
        QCOMPARE(readAll(nginxPath("sites-available/main")), newConfig.toUtf8());
        const Answer reloaded = web("POST", "/reload");
        QCOMPARE(reloaded.status, 200);
        QCOMPARE(reloaded.data().value("reloaded").toBool(), true);
        waitForPage(m_port, QStringLiteral("new\n"));

        const Answer site = web("GET", "/sites/main");
        QCOMPARE(site.status, 200);
        QCOMPARE(site.data().value("content").toString(), newConfig);
        QCOMPARE(site.data().value("listen").toArray(),
                 QJsonArray{QStringLiteral("127.0.0.1:%1").arg(m_port)});
        QCOMPARE(site.data().value("server_name").toArray(), QJsonArray{"main.test"});

        const QJsonObject audit = latestAudit("NODE_NGINX_SITE_UPDATED");
        QCOMPARE(audit.value("user_id").toString(), m_adminId);
        const QJsonObject details = audit.value("details").toObject();
        QCOMPARE(details.value("target").toString(), QStringLiteral("main"));
        QCOMPARE(details.value("size").toInt(), newConfig.toUtf8().size());
        QCOMPARE(
            details.value("sha256").toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(newConfig.toUtf8(), QCryptographicHash::Sha256).toHex()));
        QVERIFY2(!QJsonDocument(audit).toJson().contains("return 200"), "config text in audit");
        QCOMPARE(latestAudit("NODE_NGINX_RELOADED").value("user_id").toString(), m_adminId);
    }

    void aBrokenConfigIsRefusedAndUndone()
    {
        const QString sitePath = nginxPath("sites-available/main");
        const QByteArray siteBefore = readAll(sitePath);
        const QByteArray broken =
            "server { listen 127.0.0.1:" + QByteArray::number(m_port) + "; bogus_directive; }\n";
        const Answer refused = web("PUT", "/sites/main", {{"config", QString::fromUtf8(broken)}});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("NGINX_CONFIG_INVALID"));
        QVERIFY2(refused.body.value("error").toObject().value("message").toString().contains(
                     "bogus_directive"),
                 refused.raw.constData());
        QVERIFY(refused.details().value("output").toString().contains("bogus_directive"));
        QCOMPARE(readAll(sitePath), siteBefore);
        QVERIFY(QFileInfo(nginxPath("sites-enabled/main")).isSymLink());
        QCOMPARE(page(m_port), QStringLiteral("new\n"));
        const QJsonObject failed = latestAudit("NODE_NGINX_SITE_UPDATED");
        QCOMPARE(failed.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));
        QCOMPARE(failed.value("details").toObject().value("reason").toString(),
                 QStringLiteral("NGINX_CONFIG_INVALID"));

        // The main config the same way, through seed 002's POST.
        const QString confPath = nginxPath("nginx.conf");
        const QByteArray confBefore = readAll(confPath);
        const Answer current = web("GET", "/config");
        QCOMPARE(current.status, 200);
        QCOMPARE(current.data().value("content").toString().toUtf8(), confBefore);
        const Answer badConf = m_http->json(
            "POST", QStringLiteral("/api/servers/%1/nginx/config").arg(m_web.nodeId),
            {{"config", QString::fromUtf8(confBefore) + "\nno_such_thing on;\n"}}, m_admin);
        QCOMPARE(badConf.status, 422);
        QCOMPARE(badConf.details().value("code").toString(),
                 QStringLiteral("NGINX_CONFIG_INVALID"));
        QCOMPARE(readAll(confPath), confBefore);
        QCOMPARE(page(m_port), QStringLiteral("new\n"));
        // A good one passes, and an edit on a stale read is refused.
        const QString comment = QString::fromUtf8(confBefore) + "# saved through the API\n";
        const Answer saved = m_http->json(
            "POST", QStringLiteral("/api/servers/%1/nginx/config").arg(m_web.nodeId),
            {{"config", comment}, {"expected_sha256", current.data().value("sha256").toString()}},
            m_admin);
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.data().value("reloaded").toBool(), true);
        QCOMPARE(readAll(confPath), comment.toUtf8());
        const Answer stale = web("PUT", "/config",
                                 {{"config", QString::fromUtf8(confBefore)},
                                  {"expected_sha256", current.data().value("sha256").toString()}});
        QCOMPARE(stale.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(readAll(confPath), comment.toUtf8());
        QCOMPARE(latestAudit("NODE_NGINX_CONFIG_UPDATED")
                     .value("details")
                     .toObject()
                     .value("target")
                     .toString(),
                 QStringLiteral("nginx.conf"));
    }

    void aSecondSiteComesAndGoes()
    {
        const Answer created =
            web("POST", "/sites",
                {{"name", "second.test"},
                 {"config", QString::fromUtf8(siteConfig(m_secondPort, "second", "second.test"))}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("enabled").toBool(), false);
        QCOMPARE(web("POST", "/sites", {{"name", "second.test"}, {"config", "server {}"}}).code(),
                 QStringLiteral("CONFLICT"));
        QVERIFY(page(m_secondPort).startsWith("error"));

        const Answer listed =
            m_http->get(QStringLiteral("/api/servers/%1/nginx/sites").arg(m_web.nodeId), m_admin);
        QCOMPARE(listed.status, 200);
        QMap<QString, QJsonObject> sites;
        for (const QJsonValue &site : listed.data().value("sites").toArray())
            sites.insert(site.toObject().value("name").toString(), site.toObject());
        QCOMPARE(sites.keys(), (QStringList{"main", "second.test"}));
        QCOMPARE(sites.value("main").value("enabled").toBool(), true);
        QCOMPARE(sites.value("second.test").value("enabled").toBool(), false);
        QCOMPARE(sites.value("second.test").value("listen").toArray(),
                 QJsonArray{QStringLiteral("127.0.0.1:%1").arg(m_secondPort)});

        const Answer enabled = web("POST", "/sites/second.test/enable");
        QCOMPARE(enabled.status, 200);
        QCOMPARE(enabled.data().value("reloaded").toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(page(m_secondPort), QStringLiteral("second\n"), 10000);
        QCOMPARE(latestAudit("NODE_NGINX_SITE_ENABLED")
                     .value("details")
                     .toObject()
                     .value("target")
                     .toString(),
                 QStringLiteral("second.test"));

        const Answer disabled = web("POST", "/sites/second.test/disable");
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.data().value("enabled").toBool(), false);
        QVERIFY(!QFileInfo(nginxPath("sites-enabled/second.test")).isSymLink());
        QTRY_VERIFY_WITH_TIMEOUT(page(m_secondPort).startsWith("error"), 10000);
        QCOMPARE(page(m_port), QStringLiteral("new\n"));

        QCOMPARE(
            m_http
                ->send("DELETE",
                       QStringLiteral("/api/v1/nodes/%1/nginx/sites/second.test").arg(m_web.nodeId),
                       {}, {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                .status,
            200);
        QVERIFY(!QFileInfo::exists(nginxPath("sites-available/second.test")));
        const Answer gone = web("GET", "/sites/second.test");
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.details().value("code").toString(), QStringLiteral("SITE_NOT_FOUND"));
        QCOMPARE(latestAudit("NODE_NGINX_SITE_DELETED").value("user_id").toString(), m_adminId);
    }

    // A site on a port another program listens on passes nginx -t, but the
    // running master cannot take it and keeps its old configuration: the
    // change is refused and undone, never answered "reloaded", and what
    // nginx served before it still serves (and restarts).
    void aSiteOnATakenPortIsRefusedAndUndone()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost));
        const qint64 pidBefore = nginxPid();
        QVERIFY2(pidBefore > 0, "nginx runs (anAdministratorStartsAndUpdates started it)");
        const Answer refused = web(
            "POST", "/sites",
            {{"name", "clash.test"},
             {"config", QString::fromUtf8(siteConfig(taken.serverPort(), "clash", "clash.test"))},
             {"enable", true}});
        QVERIFY2(refused.status == 422, refused.raw.constData());
        QCOMPARE(refused.details().value("code").toString(),
                 QStringLiteral("NGINX_CONFIG_INVALID"));
        // nginx's own verdict from its error log, once it stopped retrying.
        QVERIFY2(refused.body.value("error").toObject().value("message").toString().contains(
                     QStringLiteral("Address already in use")),
                 refused.raw.constData());
        QVERIFY2(refused.details().value("output").toString().contains("still could not bind()"),
                 refused.raw.constData());
        QVERIFY(!QFileInfo(nginxPath("sites-enabled/clash.test")).isSymLink());
        QVERIFY(!QFileInfo::exists(nginxPath("sites-available/clash.test")));
        QCOMPARE(page(m_port), QStringLiteral("new\n"));
        QCOMPARE(nginxPid(), pidBefore);
        const Answer restarted = web("POST", "/restart");
        QVERIFY2(restarted.status == 200, restarted.raw.constData());
        waitForPage(m_port, QStringLiteral("new\n"));
    }

    // A master slow to take a new config is waited for, not judged by the
    // clock: held (SIGSTOP) while a change reloads, it has neither started
    // a worker of the new config nor written an [emerg], so the agent does
    // not answer; once the master goes on, the change is answered reloaded
    // and the new config serves. (The agent used to give it 3 s, then undo
    // the change and answer a failure while nginx was about to serve it.)
    void aSlowMasterIsWaitedFor()
    {
        const qint64 master = nginxPid();
        QVERIFY2(master > 0, "nginx runs");
        QCOMPARE(page(m_port), QStringLiteral("new\n"));
        QCOMPARE(::kill(pid_t(master), SIGSTOP), 0);
        auto resume = qScopeGuard([master] { ::kill(pid_t(master), SIGCONT); });
        const QJsonObject body{{"config", QString::fromUtf8(siteConfig(m_port, "slow"))}};
        QNetworkReply *reply = m_http->begin(
            "PUT", QStringLiteral("/api/v1/nodes/%1/nginx/sites/main").arg(m_web.nodeId),
            QJsonDocument(body).toJson(QJsonDocument::Compact), Http::bearer(m_admin));
        // The reload signal reached the held master (pending SIGHUP) ...
        const auto hangupPending = [master] {
            const QByteArray status = readAll(QStringLiteral("/proc/%1/status").arg(master));
            for (const QByteArray &line : status.split('\n'))
                if (line.startsWith("ShdPnd:") || line.startsWith("SigPnd:"))
                    if (line.mid(7).trimmed().toULongLong(nullptr, 16) & (1ULL << (SIGHUP - 1)))
                        return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hangupPending(), 30000);
        // ... and for longer than the old 3 s nothing is answered.
        QVERIFY(!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
        resume.dismiss();
        QCOMPARE(::kill(pid_t(master), SIGCONT), 0);
        const Answer reloaded = Http::finish(reply);
        QVERIFY2(reloaded.status == 200, reloaded.raw.constData());
        QCOMPARE(reloaded.data().value("reloaded").toBool(), true);
        waitForPage(m_port, QStringLiteral("slow\n"));
        QCOMPARE(readAll(nginxPath("sites-available/main")), siteConfig(m_port, "slow"));
        // Back to what the tests after this one serve.
        const Answer back =
            web("PUT", "/sites/main", {{"config", QString::fromUtf8(siteConfig(m_port, "new"))}});
        QVERIFY2(back.status == 200, back.raw.constData());
        waitForPage(m_port, QStringLiteral("new\n"));
    }

    void aSelfSignedCertificate()
    {
        const Answer made = web("POST", "/ssl/example.test", {{"days", 30}});
        QCOMPARE(made.status, 201);
        QCOMPARE(made.data().value("self_signed").toBool(), true);
        QVERIFY2(made.data().value("days_left").toInt() >= 29 &&
                     made.data().value("days_left").toInt() <= 30,
                 made.raw.constData());
        QVERIFY(made.data().value("sans").toArray().contains("DNS:example.test"));
        const QFileInfo key(nginxPath("ssl/example.test.key"));
        QVERIFY(key.isFile());
        QCOMPARE(key.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        // No leftovers of the private working directory.
        QCOMPARE(QDir(nginxPath("ssl"))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 2);

        const Answer info = web("GET", "/ssl/example.test");
        QCOMPARE(info.status, 200);
        QCOMPARE(info.data().value("fingerprint_sha256"), made.data().value("fingerprint_sha256"));
        QCOMPARE(info.data().value("subject").toString(), QStringLiteral("CN = example.test"));
        QCOMPARE(info.data().value("expired").toBool(), false);

        QCOMPARE(web("POST", "/ssl/example.test").code(), QStringLiteral("CONFLICT"));
        QCOMPARE(web("GET", "/ssl/nothing.test").status, 404);
        const QJsonObject audit = latestAudit("NODE_NGINX_CERTIFICATE_CREATED");
        QCOMPARE(audit.value("user_id").toString(), m_adminId);
        QCOMPARE(audit.value("details").toObject().value("target").toString(),
                 QStringLiteral("example.test"));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString site = QStringLiteral("server { }");
        QTest::newRow("parent name") << QByteArray("POST") << "/sites"
                                     << QJsonObject{{"name", "../x"}, {"config", site}} << "name";
        QTest::newRow("slash name") << QByteArray("POST") << "/sites"
                                    << QJsonObject{{"name", "a/b"}, {"config", site}} << "name";
        QTest::newRow("long name")
            << QByteArray("POST") << "/sites"
            << QJsonObject{{"name", QString(65, u'a')}, {"config", site}} << "name";
        QTest::newRow("no config")
            << QByteArray("POST") << "/sites" << QJsonObject{{"name", "ok"}} << "config";
        QTest::newRow("binary config")
            << QByteArray("POST") << "/sites"
            << QJsonObject{{"name", "ok"}, {"config", QStringLiteral("a\u0000b")}} << "config";
        QTest::newRow("dot dot in path")
            << QByteArray("GET") << "/sites/a..b" << QJsonObject() << "name";
        QTest::newRow("bad domain")
            << QByteArray("GET") << "/ssl/bad_domain" << QJsonObject() << "domain";
        QTest::newRow("bad days") << QByteArray("POST") << "/ssl/ok.test"
                                  << QJsonObject{{"days", 0}} << "days";
    }

    void badInputIsRefused()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, suffix);
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const Answer refused = web(verb, suffix, body);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("field").toString(), field);
        QVERIFY(!refused.body.value("error").toObject().value("message").toString().isEmpty());
        QVERIFY(!QFileInfo::exists(nginxPath("sites-available/ok")));
        QCOMPARE(call("GET", QStringLiteral("no-such-node"), "/status", m_admin).status, 404);
    }

    void usersActOnlyThroughGrants()
    {
        QCOMPARE(call("GET", m_web.nodeId, "/status", m_ops.token).code(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(call("POST", m_web.nodeId, "/reload", m_ops.token).code(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(latestAudit("NODE_NGINX_RELOADED").value("user_id").toString(), m_ops.id);
        const Answer viewer = call("GET", m_web.nodeId, "/status", m_viewer.token);
        QCOMPARE(viewer.status, 403);
        QCOMPARE(viewer.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));

        QVERIFY(!m_agents->grant("user", m_ops.id, "web", "nginx").isEmpty());
        QCOMPARE(call("GET", m_web.nodeId, "/status", m_ops.token).status, 200);
        const Answer reloaded = call("POST", m_web.nodeId, "/reload", m_ops.token);
        QCOMPARE(reloaded.status, 200);
        const QJsonObject audit = latestAudit("NODE_NGINX_RELOADED");
        QCOMPARE(audit.value("user_id").toString(), m_ops.id);
        QCOMPARE(audit.value("details").toObject().value("result").toString(),
                 QStringLiteral("success"));
        // The grant is for label "web": not db-1.
        QCOMPARE(call("GET", m_db.nodeId, "/status", m_ops.token).code(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(call("GET", m_web.nodeId, "/status", m_viewer.token).status, 403);
        const Answer access =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/access").arg(m_web.nodeId), m_ops.token);
        QCOMPARE(access.data().value("usable").toArray(), QJsonArray{"nginx"});
    }

    void anAdministratorStopsIt()
    {
        const qint64 pid = nginxPid();
        QVERIFY(pid > 0);
        const Answer stopped = m_http->json(
            "POST", QStringLiteral("/api/servers/%1/nginx/stop").arg(m_web.nodeId), {}, m_admin);
        QCOMPARE(stopped.status, 200);
        QCOMPARE(stopped.data().value("running").toBool(), false);
        QVERIFY(processGone(pid));
        QVERIFY(page(m_port).startsWith("error"));
        const Answer status = web("GET", "/status");
        QCOMPARE(status.data().value("running").toBool(), false);
        QCOMPARE(web("POST", "/stop").details().value("code").toString(),
                 QStringLiteral("NGINX_NOT_RUNNING"));
        QCOMPARE(latestAudit("NODE_NGINX_STOPPED").value("user_id").toString(), m_adminId);
        // Restart from stopped starts it; stop again for the end.
        QCOMPARE(web("POST", "/restart").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(page(m_port), QStringLiteral("new\n"), 10000);
        QCOMPARE(web("POST", "/stop").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestRemoteNginx)
#include "TestRemoteNginx.moc"
