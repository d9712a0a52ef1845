// The nginx capability's handlers on their own, with stand-ins for nginx:
// /bin/false as an nginx whose `-t` refuses everything, /bin/true as one
// that accepts everything. A refused change leaves every file as it was —
// an edited site byte for byte, a new site gone, a new link gone, a
// removed link back — and answers NGINX_CONFIG_INVALID; an accepted one
// stays. And the agent refuses bad names itself, whatever the server let
// through.

#include "agent/NginxHandlers.h"
#include "agent/RemoteDispatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace hm;
using namespace hm::agent;

class TestNginxHandlers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    NginxSettings settings(const QString &binary) const
    {
        NginxSettings s;
        s.binary = binary;
        s.conf = m_dir.filePath(QStringLiteral("nginx.conf"));
        s.sitesAvailable = m_dir.filePath(QStringLiteral("sites-available"));
        s.sitesEnabled = m_dir.filePath(QStringLiteral("sites-enabled"));
        s.pidFile = m_dir.filePath(QStringLiteral("nginx.pid")); // never there: not running
        s.sslDir = m_dir.filePath(QStringLiteral("ssl"));
        return s;
    }

    // One request through a dispatcher that grants nginx; its answer.
    fleet::ResponseMessage ask(const NginxSettings &s, const QString &action,
                               const QJsonObject &args)
    {
        RemoteDispatcher dispatcher({QStringLiteral("nginx")});
        addNginxHandlers(dispatcher, s);
        std::optional<fleet::ResponseMessage> answer;
        dispatcher.dispatch(fleet::RequestMessage{1, QStringLiteral("nginx"), action, args},
                            [&answer](const fleet::ResponseMessage &r) { answer = r; });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
            return fleet::ResponseMessage{1, false, {}, QStringLiteral("NO_ANSWER"), {}, {}};
        return *answer;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray contents(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(path(QStringLiteral("sites-available"))));
        QVERIFY(QDir().mkpath(path(QStringLiteral("sites-enabled"))));
        QFile conf(path(QStringLiteral("nginx.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("events {}\nhttp { include sites-enabled/*; }\n");
        conf.close();
        QFile site(path(QStringLiteral("sites-available/keep")));
        QVERIFY(site.open(QIODevice::WriteOnly));
        site.write("server { listen 8080; }\r\n# exact bytes\n");
        site.close();
        QVERIFY(QFile::link(path(QStringLiteral("sites-available/keep")),
                            path(QStringLiteral("sites-enabled/keep"))));
    }

    void aRefusedChangeIsUndone()
    {
        const NginxSettings refusing = settings(QStringLiteral("/bin/false"));
        const QByteArray before = contents(path(QStringLiteral("sites-available/keep")));
        const QByteArray confBefore = contents(path(QStringLiteral("nginx.conf")));

        const auto checkRefused = [](const fleet::ResponseMessage &r) {
            QVERIFY(!r.ok);
            QCOMPARE(r.errorCode, QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(r.errorDetails.value("code").toString(),
                     QStringLiteral("NGINX_CONFIG_INVALID"));
        };
        checkRefused(ask(refusing, QStringLiteral("site_update"),
                         {{"name", "keep"}, {"content", "server { broken }"}}));
        QCOMPARE(contents(path(QStringLiteral("sites-available/keep"))), before);

        checkRefused(ask(refusing, QStringLiteral("config_update"), {{"content", "broken"}}));
        QCOMPARE(contents(path(QStringLiteral("nginx.conf"))), confBefore);

        checkRefused(ask(refusing, QStringLiteral("site_create"),
                         {{"name", "fresh"}, {"content", "server {}"}, {"enable", true}}));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("sites-available/fresh"))));
        QVERIFY(!QFileInfo(path(QStringLiteral("sites-enabled/fresh"))).isSymLink());

        checkRefused(ask(refusing, QStringLiteral("site_disable"), {{"name", "keep"}}));
        QVERIFY(QFileInfo(path(QStringLiteral("sites-enabled/keep"))).isSymLink());
        QCOMPARE(contents(path(QStringLiteral("sites-enabled/keep"))), before);

        checkRefused(ask(refusing, QStringLiteral("site_delete"), {{"name", "keep"}}));
        QCOMPARE(contents(path(QStringLiteral("sites-available/keep"))), before);
        QVERIFY(QFileInfo(path(QStringLiteral("sites-enabled/keep"))).isSymLink());
    }

    void anAcceptedChangeStays()
    {
        const NginxSettings accepting = settings(QStringLiteral("/bin/true"));
        const fleet::ResponseMessage created =
            ask(accepting, QStringLiteral("site_create"),
                {{"name", "fresh"}, {"content", "server { listen 81; server_name a.test; }"}});
        QVERIFY2(created.ok, qPrintable(created.errorMessage));
        QCOMPARE(created.result.value("tested").toBool(), true);
        QCOMPARE(created.result.value("reloaded").toBool(), false); // not running
        QCOMPARE(contents(path(QStringLiteral("sites-available/fresh"))),
                 QByteArray("server { listen 81; server_name a.test; }"));
        QVERIFY(ask(accepting, QStringLiteral("site_enable"), {{"name", "fresh"}}).ok);
        QVERIFY(QFileInfo(path(QStringLiteral("sites-enabled/fresh"))).isSymLink());
        const fleet::ResponseMessage listed = ask(accepting, QStringLiteral("sites_list"), {});
        QVERIFY(listed.ok);
        QCOMPARE(listed.result.value("sites").toArray().size(), 2);
        QVERIFY(ask(accepting, QStringLiteral("site_delete"), {{"name", "fresh"}}).ok);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("sites-available/fresh"))));
        QVERIFY(!QFileInfo(path(QStringLiteral("sites-enabled/fresh"))).isSymLink());
        const fleet::ResponseMessage missing =
            ask(accepting, QStringLiteral("site_get"), {{"name", "fresh"}});
        QCOMPARE(missing.errorDetails.value("code").toString(), QStringLiteral("SITE_NOT_FOUND"));
    }

    void theAgentRefusesBadNamesItself_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("get parent")
            << "site_get" << QJsonObject{{"name", "../nginx.conf"}} << "name";
        QTest::newRow("create slash")
            << "site_create" << QJsonObject{{"name", "a/b"}, {"content", "x"}} << "name";
        QTest::newRow("delete long")
            << "site_delete" << QJsonObject{{"name", QString(65, u'a')}} << "name";
        QTest::newRow("enable absolute")
            << "site_enable" << QJsonObject{{"name", "/etc/passwd"}} << "name";
        QTest::newRow("update nul")
            << "site_update"
            << QJsonObject{{"name", "keep"}, {"content", QStringLiteral("a\u0000b")}} << "content";
        QTest::newRow("domain subject")
            << "ssl_generate" << QJsonObject{{"domain", "a.test/O=x"}} << "domain";
        QTest::newRow("domain path")
            << "ssl_info" << QJsonObject{{"domain", "../../etc"}} << "domain";
        QTest::newRow("days") << "ssl_generate" << QJsonObject{{"domain", "a.test"}, {"days", 0}}
                              << "days";
    }

    void theAgentRefusesBadNamesItself()
    {
        QFETCH(QString, action);
        QFETCH(QJsonObject, args);
        QFETCH(QString, field);
        const fleet::ResponseMessage r = ask(settings(QStringLiteral("/bin/true")), action, args);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(r.errorDetails.value("field").toString(), field);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("a"))));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("ssl"))));
    }

    void withoutTheCapabilityNothingRuns()
    {
        RemoteDispatcher dispatcher({QStringLiteral("metrics")});
        addNginxHandlers(dispatcher, settings(QStringLiteral("/bin/true")));
        std::optional<fleet::ResponseMessage> answer;
        dispatcher.dispatch(
            fleet::RequestMessage{
                2, QStringLiteral("nginx"), QStringLiteral("site_delete"), {{"name", "keep"}}},
            [&answer](const fleet::ResponseMessage &r) { answer = r; });
        QVERIFY(answer);
        QCOMPARE(answer->errorCode, QStringLiteral("CAPABILITY_DISABLED"));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("sites-available/keep"))));
    }
};

QTEST_GUILESS_MAIN(TestNginxHandlers)
#include "TestNginxHandlers.moc"
