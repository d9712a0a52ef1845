// The public status page against a real server (issue 35): off by default
// and then indistinguishable from an unknown route; on, it shows only the
// chosen nodes and, for any other id, the very answer an unknown id gets;
// addresses only when chosen; settings for administrators only, audited,
// validated with nothing stored changed; a deleted node drops out; a
// client over the limit gets 429 while others still pass.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

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

    // Last: it spends this client's allowance.
    void aClientOverTheLimitGets429()
    {
        Answer last;
        for (int i = 0; i < 70 && last.status != 429; ++i)
            last = m_http->get(QStringLiteral("/api/settings/public"));
        QCOMPARE(last.status, 429);
        QCOMPARE(last.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QVERIFY(last.headers.value("retry-after").toInt() > 0);
        // Signed-in routes are not held back by the public limit.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/public-status"), m_admin).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPublicStatus)
#include "TestPublicStatus.moc"
