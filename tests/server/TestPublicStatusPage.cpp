// The public status page as HTML (GET /status, issue 35) against a real
// server: off, the very answer of an unknown path; on, a self-contained
// page under a strict Content-Security-Policy whose hashes are those of its
// inline style and script; every value escaped; addresses only when chosen;
// English, Traditional or Simplified Chinese by ?lang= or Accept-Language;
// the same per-address limit as the other public routes. And the
// availability cache behind every public answer: computed once per node
// and minute, not per request, with the same figures, and computed again
// once the node's status changes.

#include "FleetTestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

// One raw GET from a chosen loopback address (the test's own address keeps
// its allowance), with exactly the headers given: Qt's network manager
// would add an Accept-Language of its own.
struct RawAnswer
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

RawAnswer rawGet(const QHostAddress &from, const QUrl &base, const QString &path,
                 const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    RawAnswer answer;
    QTcpSocket socket;
    if (!socket.bind(from))
        return answer;
    socket.connectToHost(QHostAddress(base.host()), quint16(base.port()));
    if (!socket.waitForConnected(10000))
        return answer;
    QByteArray request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                         "\r\nConnection: close\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    socket.write(request + "\r\n");
    QByteArray bytes;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        bytes += socket.readAll();
    bytes += socket.readAll();
    const qsizetype split = bytes.indexOf("\r\n\r\n");
    if (split < 0)
        return answer;
    const QList<QByteArray> lines = bytes.left(split).split('\n');
    answer.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            answer.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                  lines.at(i).mid(colon + 1).trimmed());
    }
    answer.body = bytes.mid(split + 4);
    return answer;
}

// The text of the first <tag …> element whose opening tag is exactly
// `open` (e.g. "<script>"), without the tags.
QByteArray elementText(const QByteArray &html, const QByteArray &open, const QByteArray &close)
{
    const qsizetype start = html.indexOf(open);
    if (start < 0)
        return {};
    const qsizetype end = html.indexOf(close, start + open.size());
    return end < 0 ? QByteArray() : html.mid(start + open.size(), end - start - open.size());
}

QByteArray sha256Source(const QByteArray &text)
{
    return "'sha256-" + QCryptographicHash::hash(text, QCryptographicHash::Sha256).toBase64() + "'";
}

// A report taken now (AgentPeer::report dates its samples a minute back,
// before the node's enrolment here), with the page's basic metrics.
fleet::ReportMessage reportNow(qint64 seq)
{
    return fleet::ReportMessage{
        seq,
        QDateTime::currentMSecsSinceEpoch(),
        {fleet::MetricValue{QStringLiteral("cpu_usage"), 12.5},
         fleet::MetricValue{QStringLiteral("memory_used"), 3.0 * 1024 * 1024 * 1024},
         fleet::MetricValue{QStringLiteral("memory_total"), 8.0 * 1024 * 1024 * 1024},
         fleet::MetricValue{QStringLiteral("disk_used"), 41.0 * 1024 * 1024 * 1024},
         fleet::MetricValue{QStringLiteral("disk_total"), 100.0 * 1024 * 1024 * 1024},
         fleet::MetricValue{QStringLiteral("uptime"), 3 * 86400 + 5 * 3600 + 120}}};
}

double sampleOf(const QByteArray &metrics, const QByteArray &series)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestPublicStatusPage : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    // Each case asks from its own loopback address: the page's allowance
    // is per address.
    const QHostAddress m_reader{QStringLiteral("127.0.0.2")};
    const QHostAddress m_languages{QStringLiteral("127.0.0.3")};
    const QHostAddress m_greedy{QStringLiteral("127.0.0.4")};
    const QHostAddress m_other{QStringLiteral("127.0.0.5")};
    QString m_node;
    QString m_second;
    AgentPeer m_agent;
    AgentPeer m_secondAgent;

    RawAnswer page(const QHostAddress &from, const QString &path = QStringLiteral("/status"),
                   const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return rawGet(from, m_http->base(), path, headers);
    }
    int put(const QJsonObject &body)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/public-status"), body, m_admin).status;
    }
    double computed()
    {
        return sampleOf(m_http->get(QStringLiteral("/metrics")).raw,
                        "hivemind_public_availability_computed_total");
    }

    // With HIVEMIND_PUBLIC_PAGE_DUMP=DIR, the page in each language is
    // saved there for the screenshots (docs/screenshots/README.md).
    // (Not a test: called at the end of the cache case, one node online.)
    void savePagesForScreenshots(const QString &dir)
    {
        QCOMPARE(
            put({{"enabled", true},
                 {"title", "Example Ltd. service status"},
                 {"nodes", QJsonArray{QJsonObject{{"id", m_node}, {"display_name", "Database"}},
                                      QJsonObject{{"id", m_second}, {"display_name", "Backup"}}}},
                 {"show_addresses", true}}),
            200);
        for (const char *lang : {"en", "zh-TW", "zh-CN"}) {
            const RawAnswer a = page(m_other, QStringLiteral("/status?lang=") + lang);
            QCOMPARE(a.status, 200);
            QFile file(QDir(dir).filePath(QStringLiteral("public-status-%1.html").arg(lang)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(a.body);
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_node = enrolledNode(*m_http, m_admin, QStringLiteral("db-01"), m_agent);
        m_second = enrolledNode(*m_http, m_admin, QStringLiteral("db-02"), m_secondAgent);
        QVERIFY(!m_node.isEmpty() && !m_second.isEmpty());
    }

    void offIsAnUnknownPath()
    {
        const RawAnswer off = page(m_reader);
        const RawAnswer unknown = page(m_reader, QStringLiteral("/status-nothing-here"));
        QCOMPARE(off.status, 404);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(off.headers.value("content-type"), unknown.headers.value("content-type"));
        QJsonObject offBody = QJsonDocument::fromJson(off.body).object();
        QJsonObject unknownBody = QJsonDocument::fromJson(unknown.body).object();
        QJsonObject offError = offBody.value("error").toObject();
        QJsonObject unknownError = unknownBody.value("error").toObject();
        QCOMPARE(offError.value("message").toString(), QStringLiteral("No route for GET /status"));
        QCOMPARE(unknownError.value("message").toString(),
                 QStringLiteral("No route for GET /status-nothing-here"));
        // Word for word, but for the path, the request id and the time.
        for (QJsonObject *e : {&offError, &unknownError}) {
            for (const char *varies : {"message", "request_id", "timestamp"})
                e->remove(QLatin1String(varies));
        }
        offBody.insert("error", offError);
        unknownBody.insert("error", unknownError);
        offBody.remove("request_id");
        unknownBody.remove("request_id");
        QCOMPARE(offBody, unknownBody);
        QVERIFY(!off.headers.contains("content-security-policy"));
        QVERIFY(!off.headers.contains("cache-control"));
        // A language asked for changes nothing.
        QCOMPARE(page(m_reader, QStringLiteral("/status?lang=zh-TW")).status, 404);
    }

    void onItIsAStrictSelfContainedPage()
    {
        QCOMPARE(put({{"enabled", true},
                      {"title", "<script>alert(1)</script>"},
                      {"nodes",
                       QJsonArray{QJsonObject{{"id", m_node}, {"display_name", "\"'&<b>bold</b>"}},
                                  m_second}}}),
                 200);
        const RawAnswer a = page(m_reader, QStringLiteral("/status"), {{"Accept-Language", "en"}});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.headers.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(a.headers.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(a.headers.value("referrer-policy"), QByteArray("no-referrer"));
        QCOMPARE(a.headers.value("content-language"), QByteArray("en"));
        QVERIFY(!a.headers.contains("set-cookie"));
        QVERIFY(a.headers.contains("x-ratelimit-remaining"));
        const QByteArray csp = a.headers.value("content-security-policy");
        QVERIFY2(csp.contains("default-src 'none'"), csp.constData());
        QVERIFY(csp.contains("frame-ancestors 'none'"));
        QVERIFY(csp.contains("connect-src 'self'"));
        QVERIFY(!csp.contains("unsafe-inline"));
        QVERIFY(!csp.contains("unsafe-eval"));

        const QByteArray &html = a.body;
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<html lang=\"en\">"));
        QVERIFY(html.contains("name=\"viewport\""));
        QVERIFY(html.contains("prefers-color-scheme:dark"));
        // The inline style and script are exactly what the policy allows.
        const QByteArray style = elementText(html, "<style>", "</style>");
        const QByteArray script = elementText(html, "<script>", "</script>");
        QVERIFY(!style.isEmpty() && !script.isEmpty());
        QVERIFY2(csp.contains("style-src " + sha256Source(style)), csp.constData());
        QVERIFY2(csp.contains("script-src " + sha256Source(script)), csp.constData());
        // Nothing from elsewhere: no URL with a host, no external resource.
        QVERIFY(!html.contains("http://"));
        QVERIFY(!html.contains("https://"));
        QVERIFY(!html.contains(" src="));
        QVERIFY(!html.contains("<link"));
        // Without scripts the page refreshes itself.
        QVERIFY(html.contains("<noscript><meta http-equiv=\"refresh\""));

        // Escaped, title and display name alike; no markup of theirs.
        QVERIFY(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        QVERIFY(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
        QVERIFY(!html.contains("<script>alert(1)"));
        QVERIFY(html.contains("<h2>&quot;&#39;&amp;&lt;b&gt;bold&lt;/b&gt;</h2>"));
        QVERIFY(!html.contains("<b>bold"));
        // Both chosen nodes with their state in words (not colour alone),
        // the figures of the JSON and the last time seen.
        QCOMPARE(html.count("<li class=\"node "), 2);
        QVERIFY(html.contains("<h2>db-02</h2>"));
        QCOMPARE(html.count("<span data-field=\"status\">Offline</span>"), 2);
        QVERIFY(html.contains("0 of 2 nodes online"));
        for (const char *field : {"availability_24h", "availability_30d", "cpu_percent",
                                  "memory_percent", "disk_percent", "uptime_s", "last_seen"})
            QCOMPARE(html.count(QByteArray("data-field=\"") + field + '"'), 2);
        QVERIFY(html.contains("Availability (24 hours)"));
        QVERIFY(html.contains("Availability (30 days)"));
        // Each card names its node for the live feed, and nothing private.
        QVERIFY(html.contains("data-node=\"" + m_node.toUtf8() + "\""));
        QVERIFY(!html.contains("192.0.2.10"));
        QVERIFY(!html.contains("db-01"));
        QVERIFY(!html.contains("Address"));
    }

    void addressesOnlyWhenChosen()
    {
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_node}}, {"show_addresses", true}}),
                 200);
        const RawAnswer shown = page(m_reader, QStringLiteral("/status?lang=en"));
        QCOMPARE(shown.status, 200);
        QVERIFY(shown.body.contains("<dd data-field=\"ip\">192.0.2.10</dd>"));
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_node}}}), 200);
        const RawAnswer hidden = page(m_reader, QStringLiteral("/status?lang=en"));
        QVERIFY(!hidden.body.contains("192.0.2.10"));
    }

    void theLanguageOfTheReader_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("acceptLanguage");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("offline");
        QTest::newRow("none") << "/status" << QByteArray() << "en"
                              << "Offline";
        QTest::newRow("en-GB") << "/status" << QByteArray("en-GB,en;q=0.9") << "en"
                               << "Offline";
        QTest::newRow("zh-TW") << "/status" << QByteArray("zh-TW") << "zh-TW"
                               << "離線";
        QTest::newRow("zh-Hant") << "/status" << QByteArray("zh-Hant") << "zh-TW"
                                 << "離線";
        QTest::newRow("zh-HK") << "/status" << QByteArray("zh-HK,en;q=0.5") << "zh-TW"
                               << "離線";
        QTest::newRow("zh-CN") << "/status" << QByteArray("zh-CN") << "zh-CN"
                               << "离线";
        QTest::newRow("zh-Hans") << "/status" << QByteArray("zh-Hans") << "zh-CN"
                                 << "离线";
        QTest::newRow("zh") << "/status" << QByteArray("zh") << "zh-CN"
                            << "离线";
        QTest::newRow("by q") << "/status" << QByteArray("fr, en;q=0.4, zh-TW;q=0.8") << "zh-TW"
                              << "離線";
        QTest::newRow("unknown") << "/status" << QByteArray("fr-FR, de;q=0.5") << "en"
                                 << "Offline";
        QTest::newRow("?lang beats the header")
            << "/status?lang=zh-CN" << QByteArray("zh-TW") << "zh-CN"
            << "离线";
        QTest::newRow("?lang=zh-TW") << "/status?lang=zh-TW" << QByteArray("en") << "zh-TW"
                                     << "離線";
        QTest::newRow("unknown ?lang") << "/status?lang=xx" << QByteArray("zh-TW") << "zh-TW"
                                       << "離線";
    }
    void theLanguageOfTheReader()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, acceptLanguage);
        QFETCH(QString, lang);
        QFETCH(QString, offline);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!acceptLanguage.isEmpty())
            headers.append({"Accept-Language", acceptLanguage});
        const RawAnswer a = page(m_languages, path, headers);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.headers.value("content-language"), lang.toLatin1());
        QVERIFY(a.headers.value("vary").contains("Accept-Language"));
        const QString html = QString::fromUtf8(a.body);
        QVERIFY(html.contains(QStringLiteral("<html lang=\"%1\">").arg(lang)));
        QVERIFY2(
            html.contains(QStringLiteral("<span data-field=\"status\">%1</span>").arg(offline)),
            qPrintable(html.left(3000)));
        if (lang == QLatin1String("zh-TW")) {
            QVERIFY(html.contains(QStringLiteral("可用性（24 小時）")));
            QVERIFY(html.contains(QStringLiteral("最後上線")));
        } else if (lang == QLatin1String("zh-CN")) {
            QVERIFY(html.contains(QStringLiteral("可用性（24 小时）")));
            QVERIFY(html.contains(QStringLiteral("最后在线")));
        }
        // The current language is marked among the choices offered.
        QVERIFY(html.contains(
            QStringLiteral(
                "<a href=\"?lang=%1\" hreflang=\"%1\" lang=\"%1\" aria-current=\"page\">")
                .arg(lang)));
    }

    // The availability figures are computed once per node and minute, not
    // per request, with the same answer, and again at a status change.
    void availabilityIsCachedUntilTheStatusChanges()
    {
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_node, m_second}}}), 200);
        const double before = computed();
        QVERIFY(before >= 0);
        const Answer first = m_http->get(QStringLiteral("/public/api/v1/status"));
        QCOMPARE(first.status, 200);
        // Two nodes, two ranges each.
        QCOMPARE(computed() - before, 4.0);
        for (int i = 0; i < 5; ++i) {
            const Answer again = m_http->get(QStringLiteral("/public/api/v1/status"));
            QCOMPARE(again.status, 200);
            // The same figures as computed the first time.
            for (int n = 0; n < 2; ++n) {
                const QJsonObject a = first.data().value("nodes").toArray().at(n).toObject();
                const QJsonObject b = again.data().value("nodes").toArray().at(n).toObject();
                QCOMPARE(b.value("availability_24h"), a.value("availability_24h"));
                QCOMPARE(b.value("availability_30d"), a.value("availability_30d"));
            }
        }
        // The HTML page reads the same cache.
        QCOMPARE(page(m_other, QStringLiteral("/status?lang=en")).status, 200);
        QCOMPARE(computed() - before, 4.0);
        const QJsonObject quiet = first.data().value("nodes").toArray().at(0).toObject();
        QCOMPARE(quiet.value("availability_24h").toDouble(-1), 0.0);

        // The node comes online and reports: its figures are computed
        // again, the other node's are not.
        QVERIFY(signInAgent(*m_http, m_agent, m_node));
        m_agent.send(fleet::serialize(reportNow(1)));
        // Stored and announced once acknowledged (reports are answered in
        // windows, after the history already shows them), and the admin's
        // view of its history holds it.
        QVERIFY(m_agent.waitForAck(1));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_http
                ->get(QStringLiteral("/api/v1/nodes/%1/metrics?metrics=cpu_usage").arg(m_node),
                      m_admin)
                .raw.contains("12.5"),
            20000);
        const Answer after = m_http->get(QStringLiteral("/public/api/v1/status"));
        QCOMPARE(computed() - before, 6.0);
        const QJsonObject online = after.data().value("nodes").toArray().at(0).toObject();
        QCOMPARE(online.value("status").toString(), QStringLiteral("online"));
        QVERIFY2(online.value("availability_24h").toDouble() > 0,
                 QJsonDocument(online).toJson().constData());
        // And the page says so too.
        const RawAnswer html = page(m_other, QStringLiteral("/status?lang=en"));
        QVERIFY(html.body.contains("<span data-field=\"status\">Online</span>"));
        QVERIFY(html.body.contains("1 of 2 nodes online"));
        QVERIFY(html.body.contains("<dd data-field=\"cpu_percent\">12.5%</dd>"));
        QVERIFY(html.body.contains("<dd data-field=\"memory_percent\">37.5%</dd>"));
        QVERIFY(html.body.contains("<dd data-field=\"disk_percent\">41.0%</dd>"));
        QVERIFY(html.body.contains("<dd data-field=\"uptime_s\">3 d 5 h</dd>"));
        QCOMPARE(computed() - before, 6.0);

        // A change of the settings drops the cache as well.
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_node}}}), 200);
        QCOMPARE(m_http->get(QStringLiteral("/public/api/v1/status")).status, 200);
        QCOMPARE(computed() - before, 8.0);

        if (const QString dir = qEnvironmentVariable("HIVEMIND_PUBLIC_PAGE_DUMP"); !dir.isEmpty())
            savePagesForScreenshots(dir);
    }

    // Last: it spends one address's allowance.
    void oneAddressOverTheLimitGets429()
    {
        RawAnswer last;
        int answered = 0;
        for (; answered < 70 && last.status != 429; ++answered)
            last = page(m_greedy, QStringLiteral("/status?lang=en"));
        QCOMPARE(last.status, 429);
        QCOMPARE(answered, 61);
        QCOMPARE(QJsonDocument::fromJson(last.body)
                     .object()
                     .value("error")
                     .toObject()
                     .value("code")
                     .toString(),
                 QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(last.headers.value("retry-after").toInt() > 0);
        // The JSON routes share the allowance.
        QCOMPARE(page(m_greedy, QStringLiteral("/public/api/v1/status")).status, 429);
        // Another address still has its own.
        QCOMPARE(page(m_other, QStringLiteral("/status")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPublicStatusPage)
#include "TestPublicStatusPage.moc"
