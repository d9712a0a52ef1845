// The fleet's notification channels against a real server (issue 35):
// webhook channels managed by administrators only, their signing secret
// write-only (in no answer, list or audit entry); a channel aimed at a
// loopback address refused until an administrator allows private networks;
// the test button's message signed (HMAC-SHA256 over "<timestamp>.<body>")
// and a receiver's error page never echoed; an alert fired by an agent's
// report delivered to a local receiver, tried again when it first answers
// 500, every try recorded; a disabled channel sent nothing; a delivery
// still pending when the server is killed is delivered after it restarts,
// with the same delivery id. The receiver is
// tests/support/RecordingHttpPeer on loopback; the agent AgentPeer.

#include "../support/RecordingHttpPeer.h"
#include "FleetTestSupport.h"
#include "crypto/Hmac.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kSecret = QStringLiteral("whsec-0123456789abcdef-SIGNING");

// The signature a receiver computes for a request it got.
QByteArray expectedSignature(const RecordedRequest &request, const QByteArray &secret)
{
    return QByteArrayLiteral("sha256=") +
           crypto::hmacSha256(secret,
                              request.headers.value("x-hivemind-timestamp") + '.' + request.body)
               .toHex();
}

} // namespace

class TestAlertChannelsApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    RecordingPeer m_receiver;
    QString m_viewer;

    Answer createChannel(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", QStringLiteral("/api/v1/alerts/channels"), body,
                            token.isEmpty() ? m_admin : token);
    }
    Answer setPrivateNetworks(bool allowed)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", allowed}}}},
                            m_admin);
    }
    QJsonObject webhook(const QString &name, const QString &url, const QString &secret = kSecret)
    {
        QJsonObject config{{"url", url}};
        if (!secret.isEmpty())
            config.insert("secret", secret);
        return {{"name", name}, {"type", "webhook"}, {"config", config}};
    }
    QJsonArray deliveries(const QString &channelId)
    {
        return m_http
            ->get(QStringLiteral("/api/v1/alerts/channels/%1/deliveries").arg(channelId), m_admin)
            .data()
            .value("items")
            .toArray();
    }
    void deleteAllChannels()
    {
        const QJsonArray all = m_http->get(QStringLiteral("/api/v1/alerts/channels"), m_admin)
                                   .data()
                                   .value("items")
                                   .toArray();
        for (const QJsonValue &c : all)
            QCOMPARE(m_http
                         ->send("DELETE",
                                QStringLiteral("/api/v1/alerts/channels/") +
                                    c.toObject().value("id").toString(),
                                {}, {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                         .status,
                     200);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "chanviewer", "Chan-Viewer-1", "viewer");
        QCOMPARE(viewer.status, 201);
        m_viewer = viewer.token;
    }
    void cleanup()
    {
        deleteAllChannels();
        m_receiver.clear();
        m_receiver.setAnswer({});
    }

    void channelsAreForAdminsAndKeepTheirSecret()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/channels"), m_viewer).status, 403);
        QCOMPARE(createChannel(webhook("ops", m_receiver.url()), m_viewer).status, 403);
        // Field by field.
        Answer refused = createChannel(webhook("ops", m_receiver.url(), {}));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("secret"));
        refused = createChannel(webhook("ops", m_receiver.url(), QStringLiteral("short")));
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("secret"));
        refused = createChannel(webhook("ops", QStringLiteral("ftp://example.com/hook")));
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("url"));
        refused = createChannel(webhook("ops", QStringLiteral("https://user:pw@example.com/")));
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("url"));
        refused = createChannel({{"name", "mail"}, {"type", "pager"}, {"config", QJsonObject{}}});
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("type"));
        // A loopback receiver is refused until private networks are allowed.
        QCOMPARE(setPrivateNetworks(false).status, 200);
        for (const QString &url :
             {m_receiver.url(), QStringLiteral("http://localhost:9/"),
              QStringLiteral("http://[::1]:9/"), QStringLiteral("http://169.254.169.254/latest")}) {
            refused = createChannel(webhook("ops", url));
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.details().value("reason").toString(),
                     QStringLiteral("PRIVATE_ADDRESS"));
        }
        QCOMPARE(setPrivateNetworks(true).status, 200);

        const Answer made = createChannel(webhook("ops", m_receiver.url("/hook")));
        QCOMPARE(made.status, 201);
        const QString id = made.data().value("id").toString();
        QVERIFY(made.data().value("secret_set").toBool());
        QCOMPARE(made.data().value("config").toObject().value("url").toString(),
                 m_receiver.url("/hook"));
        QVERIFY(!made.raw.contains(kSecret.toUtf8()));
        // Seed 002's config as JSON text is understood too.
        const Answer seedShape =
            createChannel({{"name", "seed"},
                           {"type", "webhook"},
                           {"config", QStringLiteral(R"({"url":"%1","secret":"%2"})")
                                          .arg(m_receiver.url("/seed"), kSecret)}});
        QCOMPARE(seedShape.status, 201);

        // A change without a secret keeps it; a bad one changes nothing.
        const QString path = QStringLiteral("/api/v1/alerts/channels/") + id;
        Answer changed =
            m_http->json("PUT", path, {{"name", "ops-team"}, {"enabled", false}}, m_admin);
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.data().value("secret_set").toBool());
        QVERIFY(!changed.data().value("enabled").toBool());
        changed = m_http->json(
            "PUT", path,
            {{"config", QJsonObject{{"url", m_receiver.url("/hook")}, {"secret", "tiny"}}}},
            m_admin);
        QCOMPARE(changed.status, 422);
        const Answer stored = m_http->get(path, m_admin);
        QCOMPARE(stored.data().value("name").toString(), QStringLiteral("ops-team"));
        QVERIFY(stored.data().value("secret_set").toBool());

        // Seed 002's names for the same routes.
        const Answer seedList = m_http->get(QStringLiteral("/api/alerts/channels"), m_admin);
        QCOMPARE(seedList.status, 200);
        QCOMPARE(seedList.data().value("items").toArray().size(), 2);
        QCOMPARE(m_http->get(QStringLiteral("/api/alerts/channels"), m_viewer).status, 403);

        // The secret is in no list and no audit entry.
        const Answer list = m_http->get(QStringLiteral("/api/v1/alerts/channels"), m_admin);
        QCOMPARE(list.data().value("items").toArray().size(), 2);
        QVERIFY(!list.raw.contains(kSecret.toUtf8()));
        const Answer audit =
            m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.raw.contains("ALERT_CHANNEL_CREATED"));
        QVERIFY(audit.raw.contains("ALERT_CHANNEL_UPDATED"));
        QVERIFY(!audit.raw.contains(kSecret.toUtf8()));
        QVERIFY(!audit.raw.contains("tiny"));
    }

    void testMessageIsSignedAndNeverEchoed()
    {
        QCOMPARE(setPrivateNetworks(true).status, 200);
        const Answer made = createChannel(webhook("ops", m_receiver.url("/hook")));
        const QString id = made.data().value("id").toString();
        const QString testPath = QStringLiteral("/api/v1/alerts/channels/%1/test").arg(id);
        Answer tested = m_http->json("POST", testPath, {}, m_admin);
        QCOMPARE(tested.status, 200);
        QVERIFY(tested.data().value("success").toBool());
        QCOMPARE(tested.data().value("http_status").toInt(), 200);
        QCOMPARE(m_receiver.requests().size(), 1);
        const RecordedRequest &request = m_receiver.requests().first();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path(), QByteArray("/hook"));
        QCOMPARE(request.headers.value("x-hivemind-event"), QByteArray("test"));
        QCOMPARE(request.headers.value("x-hivemind-signature"),
                 expectedSignature(request, kSecret.toUtf8()));
        QVERIFY(request.headers.value("x-hivemind-signature") !=
                expectedSignature(request, "another secret"));
        QCOMPARE(QString::fromUtf8(request.headers.value("x-hivemind-delivery")),
                 tested.data().value("delivery_id").toString());
        QVERIFY(!request.body.contains(kSecret.toUtf8()));

        // A receiver's error page is never echoed.
        m_receiver.setAnswer([](const RecordedRequest &) -> RecordingPeer::Reply {
            return {500, "internal page: DB password is hunter2", "text/plain"};
        });
        tested = m_http->json("POST", testPath, {}, m_admin);
        QCOMPARE(tested.status, 200);
        QVERIFY(!tested.data().value("success").toBool());
        QCOMPARE(tested.data().value("http_status").toInt(), 500);
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("HTTP 500"));
        QVERIFY(!tested.raw.contains("hunter2"));
        QVERIFY(!deliveries(id).isEmpty());
        QVERIFY(
            !m_http->get(QStringLiteral("/api/v1/alerts/channels/%1/deliveries").arg(id), m_admin)
                 .raw.contains("hunter2"));
        // Nobody listening: said, not thrown.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort());
        closed.close();
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/alerts/channels/") + id,
                            {{"config", QJsonObject{{"url", deadUrl}}}}, m_admin)
                     .status,
                 200);
        tested = m_http->json("POST", testPath, {}, m_admin);
        QVERIFY(!tested.data().value("success").toBool());
        QCOMPARE(tested.data().value("error").toString(), QStringLiteral("connection refused"));
        // Viewers may not test; an unknown channel is 404.
        QCOMPARE(m_http->json("POST", testPath, {}, m_viewer).status, 403);
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/alerts/channels/nope/test"), {}, m_admin)
                .status,
            404);
    }

    void firingAlertIsDeliveredAndRetried()
    {
        QCOMPARE(setPrivateNetworks(true).status, 200);
        const Answer made = createChannel(webhook("ops", m_receiver.url("/alerts")));
        const QString channelId = made.data().value("id").toString();
        const Answer off = createChannel(QJsonObject{
            {"name", "off"},
            {"type", "webhook"},
            {"enabled", false},
            {"config", QJsonObject{{"url", m_receiver.url("/off")}, {"secret", kSecret}}}});
        QCOMPARE(off.status, 201);
        // The receiver fails the first try.
        int calls = 0;
        m_receiver.setAnswer([&calls](const RecordedRequest &) -> RecordingPeer::Reply {
            return ++calls == 1 ? RecordingPeer::Reply{500, "{}"} : RecordingPeer::Reply{200, "{}"};
        });
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("hook-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        QCOMPARE(createNodeRule(*m_http, m_admin, QStringLiteral("CPU hot"), QStringLiteral("cpu"),
                                90, nodeId),
                 201);
        agent.send(fleet::serialize(AgentPeer::report(1, 97.0)));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/alerts").size(), 2, 15000);
        for (const RecordedRequest &r : m_receiver.requestsTo("/alerts")) {
            QCOMPARE(r.headers.value("x-hivemind-event"), QByteArray("firing"));
            QCOMPARE(r.headers.value("x-hivemind-signature"),
                     expectedSignature(r, kSecret.toUtf8()));
        }
        const QList<RecordedRequest> tries = m_receiver.requestsTo("/alerts");
        // The same delivery both times: the receiver can drop a second one.
        QCOMPARE(tries[0].headers.value("x-hivemind-delivery"),
                 tries[1].headers.value("x-hivemind-delivery"));
        const QJsonObject payload = QJsonDocument::fromJson(tries[1].body).object();
        QCOMPARE(payload.value("event").toString(), QStringLiteral("alert.firing"));
        const QJsonObject alert = payload.value("alert").toObject();
        QCOMPARE(alert.value("name").toString(), QStringLiteral("CPU hot"));
        QCOMPARE(alert.value("node_name").toString(), QStringLiteral("hook-01"));
        QCOMPARE(alert.value("current_value").toDouble(), 97.0);
        QCOMPARE(alert.value("status").toString(), QStringLiteral("active"));
        // Both tries recorded on the delivery.
        QTRY_COMPARE(deliveries(channelId).first().toObject().value("status").toString(),
                     QStringLiteral("delivered"));
        const QJsonObject delivery = deliveries(channelId).first().toObject();
        QCOMPARE(delivery.value("attempts").toInt(), 2);
        QCOMPARE(delivery.value("event").toString(), QStringLiteral("firing"));
        QVERIFY(!delivery.value("record_id").toString().isEmpty());

        // Seed 002's names: rules as alert settings, records paged by limit.
        const Answer settings = m_http->get(QStringLiteral("/api/alerts/settings"), m_viewer);
        QCOMPARE(settings.status, 200);
        QCOMPARE(
            settings.data().value("items").toArray().first().toObject().value("name").toString(),
            QStringLiteral("CPU hot"));
        const Answer seedRecords = m_http->get(
            QStringLiteral("/api/alerts/records?server_id=%1&alert_type=cpu&only_unresolved=true"
                           "&page=1&limit=10")
                .arg(nodeId),
            m_viewer);
        QCOMPARE(seedRecords.status, 200);
        QCOMPARE(seedRecords.data().value("items").toArray().size(), 1);
        QCOMPARE(seedRecords.data().value("pagination").toObject().value("size").toInt(), 10);

        // It resolves: a second message.
        agent.send(fleet::serialize(AgentPeer::report(2, 10.0)));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/alerts").size(), 3, 15000);
        const RecordedRequest resolved = m_receiver.requestsTo("/alerts").last();
        QCOMPARE(resolved.headers.value("x-hivemind-event"), QByteArray("resolved"));
        QCOMPARE(QJsonDocument::fromJson(resolved.body).object().value("event").toString(),
                 QStringLiteral("alert.resolved"));
        // The disabled channel got nothing.
        QVERIFY(m_receiver.requestsTo("/off").isEmpty());
        QVERIFY(deliveries(off.data().value("id").toString()).isEmpty());
    }

    // Last: it kills the server.
    void pendingDeliverySurvivesACrash()
    {
        QCOMPARE(setPrivateNetworks(true).status, 200);
        const Answer made = createChannel(webhook("ops", m_receiver.url("/later")));
        const QString channelId = made.data().value("id").toString();
        bool up = false;
        m_receiver.setAnswer([&up](const RecordedRequest &) -> RecordingPeer::Reply {
            return up ? RecordingPeer::Reply{200, "{}"} : RecordingPeer::Reply{503, "{}"};
        });
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("crash-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        QCOMPARE(createNodeRule(*m_http, m_admin, QStringLiteral("Load high"),
                                QStringLiteral("load"), 2, nodeId),
                 201);
        agent.send(fleet::serialize(fleet::ReportMessage{
            1, QDateTime::currentMSecsSinceEpoch(), {{QStringLiteral("load_avg_1"), 7.5}}}));
        QTRY_VERIFY_WITH_TIMEOUT(!m_receiver.requestsTo("/later").isEmpty(), 15000);
        QTRY_COMPARE(deliveries(channelId).first().toObject().value("attempts").toInt(), 1);
        const QByteArray deliveryId =
            m_receiver.requestsTo("/later").first().headers.value("x-hivemind-delivery");
        // Killed while the delivery waits for its next try.
        m_server->process().kill();
        QVERIFY(m_server->process().waitForFinished(10000));
        up = true;
        QVERIFY2(restartServer().isEmpty(), "server did not restart");
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveries(channelId).first().toObject().value("status").toString(),
            QStringLiteral("delivered"), 20000);
        const QList<RecordedRequest> tries = m_receiver.requestsTo("/later");
        QVERIFY(tries.size() >= 2);
        QCOMPARE(tries.last().headers.value("x-hivemind-delivery"), deliveryId);
        QCOMPARE(tries.last().headers.value("x-hivemind-event"), QByteArray("firing"));
    }
};

QTEST_MAIN(TestAlertChannelsApi)
#include "TestAlertChannelsApi.moc"
