// The public status page against a real server (issue 35): off by default
// and then indistinguishable from an unknown route; on, it shows only the
// chosen nodes and, for any other id, the very answer an unknown id gets;
// addresses only when chosen; settings for administrators only, audited,
// validated with nothing stored changed; a deleted node drops out; a
// client over the limit gets 429 while others still pass.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

// A public live watcher: /public/ws/… opened without any credential.
class PublicWatch
{
public:
    PublicWatch(const QUrl &base, const QString &path)
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(path);
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) {
                             raw << text;
                             heard << QJsonDocument::fromJson(text.toUtf8()).object();
                         });
        socket.open(QNetworkRequest(url));
    }
    bool closedWith(int code, const QString &reason)
    {
        if (!QTest::qWaitFor([this] { return closed.count() > 0; }, 10000))
            return false;
        return int(socket.closeCode()) == code && socket.closeReason() == reason;
    }
    QJsonObject first(const QString &type) const
    {
        for (const QJsonObject &m : heard) {
            if (m.value(QStringLiteral("type")).toString() == type)
                return m;
        }
        return {};
    }

    QWebSocket socket;
    QSignalSpy closed{&socket, &QWebSocket::disconnected};
    QList<QJsonObject> heard;
    QStringList raw;
};

// One GET from another loopback address than the test's own client.
QByteArray getFrom(const QHostAddress &from, const QUrl &base, const QString &path)
{
    QTcpSocket socket;
    if (!socket.bind(from))
        return {};
    socket.connectToHost(QHostAddress(base.host()), quint16(base.port()));
    if (!socket.waitForConnected(10000))
        return {};
    socket.write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + base.host().toUtf8() +
                 "\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return answer;
}

class TestPublicStatus : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    const QStringList m_publicPaths = {QStringLiteral("/api/settings/public"),
                                       QStringLiteral("/public/api/v1/status")};

    Answer put(const QJsonObject &body, const QString &token)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/public-status"), body, token);
    }
    // The error without its request id, which differs per request.
    static QJsonObject errorOf(const Answer &a)
    {
        QJsonObject e = a.body.value(QStringLiteral("error")).toObject();
        e.remove(QStringLiteral("request_id"));
        QJsonObject whole = a.body;
        whole.remove(QStringLiteral("request_id"));
        whole.insert(QStringLiteral("error"), e);
        return whole;
    }
    // What the server answers a path with no route at all, for comparison
    // (the message names the path, so the same path is asked of the
    // unknown route and compared as text with the path swapped).
    void expectNoRoute(const QString &path)
    {
        const Answer a = m_http->get(path);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(a.body.value("error").toObject().value("message").toString(),
                 QStringLiteral("No route for GET ") + path);
        QVERIFY(!a.headers.contains("cache-control"));
    }

    QString m_shown;
    QString m_hidden;

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        AgentPeer shownPeer;
        AgentPeer hiddenPeer;
        m_shown = hm::test::enrolledNode(*m_http, m_admin, QStringLiteral("db-01"), shownPeer);
        m_hidden = hm::test::enrolledNode(*m_http, m_admin, QStringLiteral("db-02"), hiddenPeer);
        QVERIFY(!m_shown.isEmpty() && !m_hidden.isEmpty());
    }

    void offByDefaultEverywhere()
    {
        const Answer settings = m_http->get(QStringLiteral("/api/v1/public-status"), m_admin);
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.data().value("enabled").toBool(true), false);
        QCOMPARE(settings.data().value("show_addresses").toBool(true), false);
        for (const QString &path : m_publicPaths)
            expectNoRoute(path);
        expectNoRoute(QStringLiteral("/public/api/v1/status/nodes/%1/metrics").arg(m_shown));
        // An unknown route's answer, for the same shape.
        expectNoRoute(QStringLiteral("/public/api/v1/nothing-here"));
    }

    void badInputIsRefusedAndNothingChanges()
    {
        const struct
        {
            QJsonObject body;
            QString field;
        } cases[] = {
            {{{"enabled", "yes"}}, "enabled"},
            {{{"title", QString(101, u'x')}}, "title"},
            {{{"nodes", QJsonArray{"no-such-node"}}}, "nodes"},
            {{{"nodes", QJsonArray{m_shown, m_shown}}}, "nodes"},
            {{{"nodes",
               QJsonArray{QJsonObject{{"id", m_shown}, {"display_name", QString(65, u'n')}}}}},
             "display_name"},
        };
        for (const auto &c : cases) {
            const Answer a = put(c.body, m_admin);
            QCOMPARE(a.status, 422);
            QCOMPARE(a.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(a.details().value("field").toString(), c.field);
        }
        const Answer after = m_http->get(QStringLiteral("/api/v1/public-status"), m_admin);
        QCOMPARE(after.data().value("enabled").toBool(true), false);
        QCOMPARE(after.data().value("nodes").toArray().size(), 0);
    }

    void viewersCannotChangeIt()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "pubviewer", "Pub-Viewer-1", "viewer");
        QCOMPARE(viewer.status, 201);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/public-status"), viewer.token).status, 200);
        const Answer refused = put({{"enabled", true}}, viewer.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/public-status"), m_admin)
                     .data()
                     .value("enabled")
                     .toBool(true),
                 false);
        // Nor may anyone unsigned.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/public-status")).status, 401);
    }

    void onItShowsOnlyTheChosenNode()
    {
        const Answer saved =
            put({{"enabled", true},
                 {"title", "Our status"},
                 {"nodes", QJsonArray{QJsonObject{{"id", m_shown}, {"display_name", "Database"}}}}},
                m_admin);
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.data().value("enabled").toBool(), true);

        const Answer audit =
            m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin);
        QVERIFY(audit.raw.contains("NODE_PUBLIC_STATUS_CHANGED"));

        const Answer settings = m_http->get(QStringLiteral("/api/settings/public"));
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.data().value("title").toString(), QStringLiteral("Our status"));
        QCOMPARE(settings.data().value("enabled").toBool(), true);
        QVERIFY(settings.headers.value("cache-control").contains("public"));
        QVERIFY(!settings.headers.contains("set-cookie"));

        const Answer page = m_http->get(QStringLiteral("/public/api/v1/status"));
        QCOMPARE(page.status, 200);
        const QJsonArray nodes = page.data().value("nodes").toArray();
        QCOMPARE(nodes.size(), 1);
        const QJsonObject node = nodes.at(0).toObject();
        QCOMPARE(node.value("id").toString(), m_shown);
        QCOMPARE(node.value("name").toString(), QStringLiteral("Database"));
        QCOMPARE(node.value("os").toString(), QStringLiteral("Linux"));
        QVERIFY(node.contains("availability_24h"));
        QVERIFY(node.contains("availability_30d"));
        // No address unless chosen; nothing private of any node.
        QVERIFY(!node.contains("ip"));
        QVERIFY(!page.raw.contains("192.0.2.10"));
        QVERIFY(!page.raw.contains(m_hidden.toUtf8()));
        QVERIFY(!page.raw.contains("db-01"));
        for (const char *secret : {"labels", "capabilities", "fingerprint", "public_key"})
            QVERIFY2(!node.contains(QLatin1String(secret)), secret);

        const Answer metrics = m_http->get(
            QStringLiteral("/public/api/v1/status/nodes/%1/metrics?range=1h").arg(m_shown));
        QCOMPARE(metrics.status, 200);
        // The node not chosen answers what an unknown id answers.
        const QString hiddenPath =
            QStringLiteral("/public/api/v1/status/nodes/%1/metrics").arg(m_hidden);
        const QString unknownPath = QStringLiteral("/public/api/v1/status/nodes/%1/metrics")
                                        .arg(QString(m_hidden.size(), u'0'));
        const Answer hidden = m_http->get(hiddenPath);
        const Answer unknown = m_http->get(unknownPath);
        QCOMPARE(hidden.status, 404);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(hidden.code(), unknown.code());
        QCOMPARE(hidden.body.value("error").toObject().value("message").toString(),
                 QStringLiteral("No route for GET ") + hiddenPath);
        QCOMPARE(unknown.body.value("error").toObject().value("message").toString(),
                 QStringLiteral("No route for GET ") + unknownPath);
    }

    void addressesOnlyWhenChosen()
    {
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_shown}}, {"show_addresses", true}},
                     m_admin)
                     .status,
                 200);
        const Answer page = m_http->get(QStringLiteral("/public/api/v1/status"));
        QCOMPARE(page.data().value("nodes").toArray().at(0).toObject().value("ip").toString(),
                 QStringLiteral("192.0.2.10"));
    }

    void aDeletedNodeDropsOut()
    {
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_shown, m_hidden}}}, m_admin).status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/public/api/v1/status"))
                     .data()
                     .value("nodes")
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + m_hidden, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        const Answer page = m_http->get(QStringLiteral("/public/api/v1/status"));
        QCOMPARE(page.data().value("nodes").toArray().size(), 1);
        const QJsonArray chosen = m_http->get(QStringLiteral("/api/v1/public-status"), m_admin)
                                      .data()
                                      .value("nodes")
                                      .toArray();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).toObject().value("id").toString(), m_shown);
    }

    // /public/ws/nodes/{id}: nothing while off, exactly an unknown path's
    // close for a node not shown, the page's fields and public metrics for
    // one shown, a bounded number of watchers per address, and closed when
    // the node leaves the page.
    void theLiveFeedShowsOnlyWhatThePageShows()
    {
        AgentPeer agent;
        const QString live =
            hm::test::enrolledNode(*m_http, m_admin, QStringLiteral("web-01"), agent);
        QVERIFY(!live.isEmpty());
        const QString unknownPath = QStringLiteral("unknown WebSocket path");
        {
            PublicWatch nowhere(m_http->base(), QStringLiteral("/ws/nothing-here"));
            QVERIFY(nowhere.closedWith(4404, unknownPath));
        }
        QCOMPARE(put({{"enabled", false}, {"nodes", QJsonArray{live}}}, m_admin).status, 200);
        {
            PublicWatch off(m_http->base(), QStringLiteral("/public/ws/nodes/") + live);
            QVERIFY(off.closedWith(4404, unknownPath));
            QVERIFY(off.heard.isEmpty());
        }

        QCOMPARE(put({{"enabled", true},
                      {"nodes", QJsonArray{QJsonObject{{"id", live}, {"display_name", "Web"}}}}},
                     m_admin)
                     .status,
                 200);
        {
            PublicWatch notShown(m_http->base(), QStringLiteral("/public/ws/nodes/") + m_shown);
            QVERIFY(notShown.closedWith(4404, unknownPath));
            PublicWatch unknown(m_http->base(), QStringLiteral("/public/ws/nodes/no-such-node"));
            QVERIFY(unknown.closedWith(4404, unknownPath));
        }
        // Seed 002's path is the same feed.
        PublicWatch watch(m_http->base(), QStringLiteral("/public/ws/servers/") + live);
        QTRY_VERIFY(!watch.first(QStringLiteral("node")).isEmpty());
        const QJsonObject node = watch.first(QStringLiteral("node")).value("node").toObject();
        QCOMPARE(node.value("id").toString(), live);
        QCOMPARE(node.value("name").toString(), QStringLiteral("Web"));
        QVERIFY(!node.contains("ip"));
        QVERIFY(!watch.raw.join(u'\n').contains(QLatin1String("web-01")));

        QVERIFY(hm::test::signInAgent(*m_http, agent, live));
        QTRY_VERIFY(watch.first(QStringLiteral("status")).value("online").toBool());
        fleet::ReportMessage report = AgentPeer::report(1, 37.5);
        report.metrics.append(fleet::MetricValue{QStringLiteral("processes"), 321});
        agent.send(fleet::serialize(report));
        QTRY_VERIFY(!watch.first(QStringLiteral("metrics")).isEmpty());
        const QJsonObject metrics =
            watch.first(QStringLiteral("metrics")).value("metrics").toObject();
        QCOMPARE(metrics.value("cpu_usage").toDouble(), 37.5);
        // Only the page's basic metrics leave through the public feed.
        QVERIFY(!metrics.contains("processes"));
        QVERIFY(!watch.first(QStringLiteral("metrics")).contains("seq"));

        // One address holds a bounded number of watchers.
        std::vector<std::unique_ptr<PublicWatch>> more;
        for (int i = 1; i < 8; ++i) {
            more.push_back(std::make_unique<PublicWatch>(
                m_http->base(), QStringLiteral("/public/ws/nodes/") + live));
            QTRY_VERIFY(!more.back()->first(QStringLiteral("node")).isEmpty());
        }
        {
            PublicWatch ninth(m_http->base(), QStringLiteral("/public/ws/nodes/") + live);
            QVERIFY(ninth.closedWith(4429, QStringLiteral("rate limit exceeded")));
        }

        // Taken off the page: every watcher is closed like an unknown path.
        QCOMPARE(put({{"enabled", true}, {"nodes", QJsonArray{m_shown}}}, m_admin).status, 200);
        QVERIFY(watch.closedWith(4404, unknownPath));
        for (const auto &w : more)
            QVERIFY(w->closedWith(4404, unknownPath));
    }

    // Last: it spends this client's allowance.
    void aClientOverTheLimitGets429()
    {
        Answer last;
        for (int i = 0; i < 70 && last.status != 429; ++i)
            last = m_http->get(QStringLiteral("/api/settings/public"));
        QCOMPARE(last.status, 429);
        QCOMPARE(last.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(last.headers.value("retry-after").toInt() > 0);
        // Another address still has its own allowance.
        const QByteArray other = getFrom(QHostAddress(QStringLiteral("127.0.0.2")), m_http->base(),
                                         QStringLiteral("/api/settings/public"));
        QVERIFY2(other.startsWith("HTTP/1.1 200"), other.constData());
        // And the live feed counts against the same allowance.
        {
            PublicWatch over(m_http->base(), QStringLiteral("/public/ws/nodes/") + m_shown);
            QVERIFY(over.closedWith(4429, QStringLiteral("rate limit exceeded")));
        }
        // Signed-in routes are not held back by the public limit.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/public-status"), m_admin).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPublicStatus)
#include "TestPublicStatus.moc"
