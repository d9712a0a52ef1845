// The nginx capability's guards and readers, without nginx: the names a
// request may use (the same check on the server and the agent), config
// text, the directives read out of a config, openssl's certificate text,
// and the nginx_* options.

#include "agent/AgentOptions.h"
#include "agent/NginxConfigText.h"
#include "agent/NginxErrorLog.h"
#include "fleet/NginxNames.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

class TestNginxNames : public QObject
{
    Q_OBJECT

private slots:
    void siteNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "example.com" << true;
        QTest::newRow("default") << "default" << true;
        QTest::newRow("underscore dash") << "my_site-2" << true;
        QTest::newRow("64 characters") << QString(64, u'a') << true;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("parent") << "../x" << false;
        QTest::newRow("dot dot inside") << "a..b" << false;
        QTest::newRow("slash") << "a/b" << false;
        QTest::newRow("absolute") << "/etc/passwd" << false;
        QTest::newRow("leading dot") << ".hidden" << false;
        QTest::newRow("leading dash") << "-rf" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("star") << "*" << false;
        QTest::newRow("non-ascii") << QStringLiteral("s\u00e9") << false;
    }

    void siteNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const Status checked = fleet::checkNginxSiteName(name);
        QCOMPARE(checked.ok(), valid);
        if (!valid) {
            QCOMPARE(checked.error().code, ErrorCode::ValidationError);
            QCOMPARE(checked.error().details.value("field").toString(), QStringLiteral("name"));
        }
    }

    void domains_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "example.com" << true;
        QTest::newRow("single label") << "localhost" << true;
        QTest::newRow("wildcard") << "*.example.com" << true;
        QTest::newRow("dashes") << "a-b.c-d.example" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("slash") << "a/b.com" << false;
        QTest::newRow("path") << "../../etc" << false;
        QTest::newRow("leading dash") << "-a.com" << false;
        QTest::newRow("empty label") << "a..com" << false;
        QTest::newRow("trailing dot") << "a.com." << false;
        QTest::newRow("subject injection") << "a.com/O=evil" << false;
        QTest::newRow("comma") << "a.com,DNS:b.com" << false;
        QTest::newRow("inner wildcard") << "a.*.com" << false;
        QTest::newRow("long label") << QString(64, u'a') + QStringLiteral(".com") << false;
        QTest::newRow("too long") << (QString(60, u'a') + u'.').repeated(5) + QStringLiteral("com")
                                  << false;
    }

    void domains()
    {
        QFETCH(QString, domain);
        QFETCH(bool, valid);
        QCOMPARE(fleet::checkNginxDomain(domain).ok(), valid);
    }

    void configText()
    {
        QVERIFY(fleet::checkNginxConfigText(QStringLiteral("server {\n\tlisten 80;\r\n}\n")).ok());
        QVERIFY(fleet::checkNginxConfigText(QStringLiteral("# caf\u00e9\n")).ok());
        const Status nul = fleet::checkNginxConfigText(QString(QChar(0)));
        QCOMPARE(nul.error().code, ErrorCode::ValidationError);
        QCOMPARE(nul.error().details.value("field").toString(), QStringLiteral("content"));
        QVERIFY(!fleet::checkNginxConfigText(QStringLiteral("a\x1b[31m")).ok());
        QVERIFY(fleet::checkNginxConfigText(QString(fleet::kMaxNginxConfigBytes, u'a')).ok());
        const Status big =
            fleet::checkNginxConfigText(QString(fleet::kMaxNginxConfigBytes + 1, u'a'));
        QCOMPARE(big.error().code, ErrorCode::PayloadTooLarge);
    }

    void serverBlocks()
    {
        const QString site = QStringLiteral(
            "# server { listen 1; }\n"
            "server {\n"
            "    listen 127.0.0.1:8080;\n"
            "    listen [::1]:8443 ssl; # both\n"
            "    server_name example.com www.example.com;\n"
            "    ssl_certificate /etc/nginx/ssl/example.com.crt;\n"
            "    location / { listen_not_a_directive; return 200 \"server_name x;\"; }\n"
            "}\n"
            "server{listen 81;server_name \"other.test\";ssl_certificate certs/o.pem;}\n");
        const QList<NginxServerBlock> blocks = nginxServerBlocks(site);
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks.at(0).listen, (QStringList{"127.0.0.1:8080", "[::1]:8443 ssl"}));
        QCOMPARE(blocks.at(0).serverNames, (QStringList{"example.com", "www.example.com"}));
        QCOMPARE(blocks.at(0).sslCertificates, QStringList{"/etc/nginx/ssl/example.com.crt"});
        QCOMPARE(blocks.at(1).listen, QStringList{"81"});
        QCOMPARE(blocks.at(1).serverNames, QStringList{"other.test"});
        QCOMPARE(blocks.at(1).sslCertificates, QStringList{"certs/o.pem"});
        QVERIFY(nginxServerBlocks(QStringLiteral("server_name a; serverx { }")).isEmpty());
    }

    void pidDirective()
    {
        QCOMPARE(nginxPidDirective(QStringLiteral("user root;\npid /tmp/x/nginx.pid;\n"
                                                  "http { }\n")),
                 QStringLiteral("/tmp/x/nginx.pid"));
        QCOMPARE(nginxPidDirective(QStringLiteral("# pid /a;\nworker_processes 1;")), QString());
        QCOMPARE(nginxPidDirective(QStringLiteral("http { pid /nested; }")), QString());
        QCOMPARE(nginxPidDirective(QStringLiteral("pid logs/nginx.pid;")),
                 QStringLiteral("logs/nginx.pid"));
    }

    // Where a reload's refusal is written: the main config's top-level
    // error_log files (stderr, syslog: and memory: are none), else the
    // built-in one from nginx -V; relative paths under the prefix.
    void errorLogFiles()
    {
        const QString version = QStringLiteral(
            "nginx version: nginx/1.22.1\nconfigure arguments: --with-cc-opt='-g -O2' "
            "--prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf "
            "--error-log-path=/var/log/nginx/error.log --lock-path=/var/lock/nginx.lock\n");
        const NginxBuildPaths build = parseNginxBuildPaths(version);
        QCOMPARE(build.prefix, QStringLiteral("/usr/share/nginx"));
        QCOMPARE(build.errorLog, QStringLiteral("/var/log/nginx/error.log"));
        QCOMPARE(nginxErrorLogDirectives(
                     QStringLiteral("# error_log /a;\nerror_log /x/e.log warn;\nerror_log stderr;\n"
                                    "http { error_log /nested; }")),
                 (QStringList{"/x/e.log", "stderr"}));
        QCOMPARE(nginxErrorLogFiles(QStringLiteral("error_log logs/e.log;\nerror_log stderr;\n"
                                                   "error_log syslog:server=x;\n"),
                                    QStringLiteral("/srv/ngx"), build),
                 QStringList{"/srv/ngx/logs/e.log"});
        QCOMPARE(nginxErrorLogFiles(QStringLiteral("worker_processes 1;"), QString(), build),
                 QStringList{"/var/log/nginx/error.log"});
        QCOMPARE(nginxErrorLogFiles(QStringLiteral("worker_processes 1;"), QString(), {}),
                 QStringList());
    }

    // Only what was written after the mark, and a port in use only once
    // nginx gave up retrying it.
    void emergAfterTheMark()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("error.log"));
        const auto append = [&](const QByteArray &text) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write(text);
        };
        QCOMPARE(nginxEmergSince(markNginxLogs({path})), QString()); // no file yet
        append("2026/11/30 10:00:00 [emerg] 1#1: an old refusal\n");
        const QList<NginxLogMark> marks = markNginxLogs({path});
        QCOMPARE(nginxEmergSince(marks), QString());
        append("2026/11/30 10:00:01 [notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n"
               "2026/11/30 10:00:01 [emerg] 1#1: bind() to 127.0.0.1:8080 failed (98: Address "
               "already in use)\n");
        QCOMPARE(nginxEmergSince(marks), QString()); // nginx tries again
        append("2026/11/30 10:00:03 [emerg] 1#1: still could not bind()\n2026/11/30 [emerg] ha");
        QCOMPARE(nginxEmergSince(marks),
                 QStringLiteral("2026/11/30 10:00:01 [emerg] 1#1: bind() to 127.0.0.1:8080 "
                                "failed (98: Address already in use)\n2026/11/30 10:00:03 "
                                "[emerg] 1#1: still could not bind()"));
        // A refusal of the config itself is final at once.
        const QList<NginxLogMark> again = markNginxLogs({path});
        append("lf\n2026/11/30 10:00:09 [emerg] 1#1: unknown directive \"x\" in /s:1\n");
        QCOMPARE(
            nginxEmergSince(again),
            QStringLiteral("2026/11/30 10:00:09 [emerg] 1#1: unknown directive \"x\" in /s:1"));
    }

    void certificateText()
    {
        const QString output = QStringLiteral("subject=CN = example.test\n"
                                              "issuer=CN = example.test\n"
                                              "notBefore=Nov  7 14:33:01 2026 GMT\n"
                                              "notAfter=Dec 27 14:33:01 2026 GMT\n"
                                              "X509v3 Subject Alternative Name: \n"
                                              "    DNS:example.test, DNS:www.example.test\n"
                                              "sha256 Fingerprint=D0:B4:C0:A0\n");
        const QDateTime now(QDate(2026, 11, 27), QTime(14, 0), Qt::UTC);
        const QJsonObject info = parseOpensslCertificateText(output, now);
        QCOMPARE(info.value("subject").toString(), QStringLiteral("CN = example.test"));
        QCOMPARE(info.value("not_before").toString(), QStringLiteral("2026-11-07T14:33:01Z"));
        QCOMPARE(info.value("not_after").toString(), QStringLiteral("2026-12-27T14:33:01Z"));
        QCOMPARE(info.value("days_left").toInt(), 30);
        QCOMPARE(info.value("expired").toBool(), false);
        QCOMPARE(info.value("self_signed").toBool(), true);
        QCOMPARE(info.value("sans").toArray(),
                 (QJsonArray{"DNS:example.test", "DNS:www.example.test"}));
        QCOMPARE(info.value("fingerprint_sha256").toString(), QStringLiteral("d0b4c0a0"));

        QString issued = output;
        issued.replace(QStringLiteral("issuer=CN = example.test"),
                       QStringLiteral("issuer=C = US, O = Let's Encrypt, CN = R3"));
        const QDateTime later(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
        const QJsonObject expired = parseOpensslCertificateText(issued, later);
        QCOMPARE(expired.value("self_signed").toBool(), false);
        QCOMPARE(expired.value("expired").toBool(), true);
        QVERIFY(expired.value("days_left").toInt() < 0);
        QVERIFY(parseOpensslCertificateText(QStringLiteral("unable to load certificate"), now)
                    .isEmpty());
    }

    void nginxOptions()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("agent.conf"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("nginx_conf=/srv/nginx/nginx.conf\nnginx_prefix=/srv/nginx/\n"
                   "nginx_ssl_dir=/srv/ssl\n");
        file.close();
        auto options =
            parseAgentOptions({QStringLiteral("hivemind-agent"), QStringLiteral("--config"), config,
                               QStringLiteral("--nginx-pid"), QStringLiteral("/srv/nginx/run.pid")},
                              QStringLiteral("host"));
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options->nginx.conf, QStringLiteral("/srv/nginx/nginx.conf"));
        QCOMPARE(options->nginx.prefix, QStringLiteral("/srv/nginx"));
        QCOMPARE(options->nginx.sslDir, QStringLiteral("/srv/ssl"));
        QCOMPARE(options->nginx.pidFile, QStringLiteral("/srv/nginx/run.pid"));
        QCOMPARE(options->nginx.binary, QStringLiteral("/usr/sbin/nginx"));
        QCOMPARE(options->nginx.sitesAvailable, QStringLiteral("/etc/nginx/sites-available"));

        auto relative =
            parseAgentOptions({QStringLiteral("hivemind-agent"), QStringLiteral("--config"), config,
                               QStringLiteral("--nginx-binary"), QStringLiteral("nginx")},
                              QStringLiteral("host"));
        QVERIFY(!relative.ok());
        QCOMPARE(relative.error().details.value("field").toString(),
                 QStringLiteral("nginx_binary"));
        for (const char *word :
             {"--nginx-conf", "--nginx-sites-available", "--nginx-sites-enabled", "--nginx-pid",
              "--nginx-prefix", "--nginx-ssl-dir", "nginx_sites_enabled"})
            QVERIFY2(agentHelpText().contains(QLatin1String(word)), word);
    }
};

QTEST_GUILESS_MAIN(TestNginxNames)
#include "TestNginxNames.moc"
