// The trigger's per-call options (seed 003 §7.3, issue 37 item 5) through
// the real hivemind-server: priority orders a flow's queue (and survives a
// restart), timeout_override_ms ends an execution early and may not exceed
// the flow's limit, callback_url gets the signed result (tried again after
// a 500, refused for a private target unless allowed, delivered after a
// restart when still pending), and bad options are refused with nothing
// stored. Every trigger by a user or an API key is audited (FLOW_TRIGGERED)
// without the callback secret. The callback receiver is
// tests/support/RecordingHttpPeer.

#include "../support/RecordingHttpPeer.h"
#include "FlowTestSupport.h"
#include "crypto/Hmac.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

const QByteArray kSecret = "callback-secret-0123456789";

QByteArray expectedSignature(const RecordedRequest &request, const QByteArray &secret)
{
    return QByteArrayLiteral("sha256=") +
           crypto::hmacSha256(secret,
                              request.headers.value("x-hivemind-timestamp") + '.' + request.body)
               .toHex();
}

// echo: its output `v` is the trigger input `v`.
QJsonObject echoFlow()
{
    return flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})});
}

} // namespace

class TestTriggerOptions : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;
    RecordingPeer m_receiver;

    Answer setPrivateNetworks(bool allowed)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/system/config"),
                            {{"security", QJsonObject{{"allow_private_networks", allowed}}}},
                            m_admin);
    }
    QJsonObject callback(const QString &executionId)
    {
        return m_http->get("/api/v1/executions/" + executionId + "/callback", m_admin).data();
    }

    QString flow(const QJsonObject &def, const QJsonObject &settings = {})
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, m_admin, QStringLiteral("options%1").arg(++m_flows), def, settings, &why);
        if (id.isEmpty())
            qWarning() << why;
        return id;
    }
    Answer trigger(const QString &flowId, const QJsonObject &options, const QString &token = {})
    {
        return m_http->json("POST", "/api/v1/flows/" + flowId + "/trigger",
                            {{"inputs", QJsonObject{}}, {"options", options}},
                            token.isEmpty() ? m_admin : token);
    }
    QString status(const QString &executionId)
    {
        return executionStatus(*m_http, m_admin, executionId);
    }
    bool cancel(const QString &executionId)
    {
        return m_http->json("POST", "/api/v1/executions/" + executionId + "/cancel", {}, m_admin)
                   .status == 200;
    }
    int executionCount(const QString &flowId)
    {
        return m_http->get("/api/v1/executions?flow_id=" + flowId, m_admin)
            .data()
            .value("items")
            .toArray()
            .size();
    }
    // Queue-mode flow of one slot whose executions run until cancelled.
    QString queueFlow() { return flow(delayFlow(600000), concurrency("queue", 1)); }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(setPrivateNetworks(true).status, 200);
    }
    void cleanup()
    {
        m_receiver.clear();
        m_receiver.setAnswer({});
    }

    void callbackDeliversTheSignedResult()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran = m_http->json(
            "POST", "/api/v1/flows/" + id + "/trigger",
            {{"inputs", QJsonObject{{"v", "hello"}}},
             {"options", QJsonObject{{"callback_url", m_receiver.url("/done?token=abc")},
                                     {"callback_secret", QString::fromUtf8(kSecret)}}}},
            m_admin);
        QCOMPARE(ran.status, 200);
        QVERIFY(!ran.data().contains("callback_secret")); // the caller's own
        const QString executionId = ran.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/done").size(), 1, 20000);
        const RecordedRequest got = m_receiver.requestsTo("/done").first();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.headers.value("x-hivemind-signature"), expectedSignature(got, kSecret));
        QCOMPARE(got.headers.value("x-hivemind-event"), QByteArray("execution.ended"));
        QCOMPARE(got.headers.value("x-hivemind-delivery"), executionId.toUtf8());
        const QJsonObject body = QJsonDocument::fromJson(got.body).object();
        QCOMPARE(body.value("execution_id").toString(), executionId);
        QCOMPARE(body.value("flow_id").toString(), id);
        QCOMPARE(body.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(body.value("outputs").toObject().value("echo").toObject().value("v").toString(),
                 QStringLiteral("hello"));
        QVERIFY(body.value("error").isNull());
        QVERIFY(!body.value("started_at").toString().isEmpty());
        QVERIFY(!body.value("ended_at").toString().isEmpty());
        // Recorded: delivered at the first try; the URL's query not shown.
        QTRY_COMPARE(callback(executionId).value("status").toString(), QStringLiteral("delivered"));
        const QJsonObject detail = callback(executionId);
        QCOMPARE(detail.value("url").toString(), m_receiver.url("/done"));
        QCOMPARE(detail.value("attempts").toArray().size(), 1);
        QCOMPARE(detail.value("attempts").toArray().first().toObject().value("http_status").toInt(),
                 200);
        const Answer raw = m_http->get("/api/v1/executions/" + executionId + "/callback", m_admin);
        QVERIFY(!raw.raw.contains(kSecret));
        // An execution without a callback has none to show.
        const Answer plain = trigger(id, {});
        QCOMPARE(m_http
                     ->get("/api/v1/executions/" + plain.data().value("execution_id").toString() +
                               "/callback",
                           m_admin)
                     .code(),
                 QStringLiteral("RESOURCE_NOT_FOUND"));
    }

    // Without a secret the server makes one and hands it out once; a
    // timed-out execution is reported as cancelled with reason timeout; a
    // 500 is tried again and the receiver's page never shown.
    void callbackIsRetriedAfterA500()
    {
        const QString id = flow(delayFlow(600000));
        QVERIFY(!id.isEmpty());
        int calls = 0;
        m_receiver.setAnswer([&calls](const RecordedRequest &) {
            return ++calls == 1
                       ? RecordingPeer::Reply{500, "<html>receiver secret page</html>", "text/html"}
                       : RecordingPeer::Reply{};
        });
        const Answer ran =
            trigger(id, {{"callback_url", m_receiver.url("/retry")}, {"timeout_override_ms", 200}});
        QCOMPARE(ran.status, 200);
        const QByteArray made = ran.data().value("callback_secret").toString().toUtf8();
        QVERIFY(made.size() >= 32);
        const QString executionId = ran.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/retry").size(), 2, 20000);
        for (const RecordedRequest &r : m_receiver.requestsTo("/retry"))
            QCOMPARE(r.headers.value("x-hivemind-signature"), expectedSignature(r, made));
        const QJsonObject body =
            QJsonDocument::fromJson(m_receiver.requestsTo("/retry").last().body).object();
        QCOMPARE(body.value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(body.value("cancel_reason").toString(), QStringLiteral("timeout"));
        QTRY_COMPARE(callback(executionId).value("status").toString(), QStringLiteral("delivered"));
        const QJsonObject detail = callback(executionId);
        const QJsonArray attempts = detail.value("attempts").toArray();
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts[0].toObject().value("http_status").toInt(), 500);
        QCOMPARE(attempts[0].toObject().value("error").toString(), QStringLiteral("HTTP 500"));
        QCOMPARE(attempts[1].toObject().value("http_status").toInt(), 200);
        const Answer raw = m_http->get("/api/v1/executions/" + executionId + "/callback", m_admin);
        QVERIFY(!raw.raw.contains("receiver secret page"));
    }

    void privateTargetIsRefusedUnlessAllowed()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        QCOMPARE(setPrivateNetworks(false).status, 200);
        // An address: refused at once, nothing started.
        const Answer refused = trigger(id, {{"callback_url", m_receiver.url("/private")}});
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("reason").toString(), QStringLiteral("PRIVATE_ADDRESS"));
        QCOMPARE(executionCount(id), 0);
        // A name: checked when sending, given up without a request.
        const Answer named =
            trigger(id, {{"callback_url",
                          QStringLiteral("http://localhost:%1/private").arg(m_receiver.port())}});
        QCOMPARE(named.status, 200);
        const QString executionId = named.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(callback(executionId).value("status").toString(),
                                  QStringLiteral("failed"), 20000);
        QVERIFY(!callback(executionId).value("last_error").toString().isEmpty());
        QCOMPARE(m_receiver.requestsTo("/private").size(), 0);
        QCOMPARE(setPrivateNetworks(true).status, 200);
    }

    // The callback waits in the store: one whose execution ends while the
    // server is down is delivered after the restart.
    void pendingCallbackIsDeliveredAfterARestart()
    {
        const QString id = queueFlow();
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(id, {{"callback_url", m_receiver.url("/restart")},
                                        {"callback_secret", QString::fromUtf8(kSecret)}});
        QCOMPARE(ran.status, 200);
        const QString executionId = ran.data().value("execution_id").toString();
        QVERIFY(stopServer()); // the running execution ends with the server
        QCOMPARE(m_receiver.requestsTo("/restart").size(), 0);
        const QString problem = restartServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requestsTo("/restart").size(), 1, 20000);
        const RecordedRequest got = m_receiver.requestsTo("/restart").first();
        QCOMPARE(got.headers.value("x-hivemind-signature"), expectedSignature(got, kSecret));
        const QJsonObject body = QJsonDocument::fromJson(got.body).object();
        QCOMPARE(body.value("execution_id").toString(), executionId);
        QVERIFY2(QStringList({"failed", "cancelled"}).contains(body.value("status").toString()),
                 got.body.constData());
        QTRY_COMPARE(callback(executionId).value("status").toString(), QStringLiteral("delivered"));

        // Pending after a failed try when the server stops: tried again
        // after the restart, with the same delivery id.
        m_receiver.setAnswer([](const RecordedRequest &) { return RecordingPeer::Reply{503}; });
        const QString echoId = flow(echoFlow());
        QVERIFY(!echoId.isEmpty());
        const Answer echoed = trigger(echoId, {{"callback_url", m_receiver.url("/pending")},
                                               {"callback_secret", QString::fromUtf8(kSecret)}});
        QCOMPARE(echoed.status, 200);
        const QString echoExecution = echoed.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(callback(echoExecution).value("attempt_count").toInt(), 1, 20000);
        QCOMPARE(callback(echoExecution).value("status").toString(), QStringLiteral("pending"));
        QVERIFY(stopServer());
        m_receiver.setAnswer({});
        const QString again = restartServer();
        QVERIFY2(again.isEmpty(), qPrintable(again));
        QTRY_COMPARE_WITH_TIMEOUT(callback(echoExecution).value("status").toString(),
                                  QStringLiteral("delivered"), 20000);
        const QList<RecordedRequest> tries = m_receiver.requestsTo("/pending");
        QVERIFY(tries.size() >= 2);
        QCOMPARE(tries.last().headers.value("x-hivemind-delivery"), echoExecution.toUtf8());
        QCOMPARE(tries.last().body, tries.first().body);
    }

    void viewerCannotTriggerWithOptions()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "optviewer", "Opt-Viewer-1", "viewer");
        QCOMPARE(viewer.status, 201);
        const Answer refused = trigger(
            id, {{"priority", "high"}, {"callback_url", m_receiver.url("/viewer")}}, viewer.token);
        QCOMPARE(refused.status, 403);
        QCOMPARE(executionCount(id), 0);
        const Answer ran = trigger(id, {{"callback_url", m_receiver.url("/viewer")},
                                        {"callback_secret", QString::fromUtf8(kSecret)}});
        QCOMPARE(ran.status, 200);
        const QString executionId = ran.data().value("execution_id").toString();
        // A viewer without access to the flow cannot read its callback.
        QCOMPARE(
            m_http->get("/api/v1/executions/" + executionId + "/callback", viewer.token).status,
            404);
    }

    // FLOW_TRIGGERED: who (user, or API key and its owner), the flow, the
    // execution and the options, never the secret nor the URL's query.
    void triggersAreAudited()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran =
            trigger(id, {{"priority", 7},
                         {"timeout_override_ms", 60000},
                         {"callback_url", m_receiver.url("/audited?token=query-token")},
                         {"callback_secret", QString::fromUtf8(kSecret)}});
        QCOMPARE(ran.status, 200);
        const QString byAdmin = ran.data().value("execution_id").toString();
        const QString adminId =
            m_http->get("/api/v1/users/me", m_admin).data().value("id").toString();
        QVERIFY(!adminId.isEmpty());
        const Answer key =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "trigger-audit"}, {"access_level", "write"}}, m_admin);
        QCOMPARE(key.status, 201);
        const Answer byKeyAnswer =
            m_http->send("POST", "/api/v1/flows/" + id + "/trigger",
                         QJsonDocument(QJsonObject{{"inputs", QJsonObject{{"v", "k"}}}}).toJson(),
                         {{"X-API-Key", key.data().value("api_key").toString().toLatin1()},
                          {"Content-Type", "application/json"}});
        QCOMPARE(byKeyAnswer.status, 200);
        const QString byKey = byKeyAnswer.data().value("execution_id").toString();
        // A refused trigger started nothing and is not audited.
        QCOMPARE(trigger(id, {{"priority", 1000}}).status, 422);

        // Committed with the execution's records, before the answer: both
        // are there as soon as the triggers were answered.
        const QJsonArray entries =
            m_http->get("/api/v1/audit?size=100&action=FLOW_TRIGGERED&resource_id=" + id, m_admin)
                .data()
                .value("audit_logs")
                .toArray();
        QCOMPARE(entries.size(), 2);
        QHash<QString, QJsonObject> byExecution;
        for (const QJsonValue v : std::as_const(entries)) {
            const QJsonObject entry = v.toObject();
            QCOMPARE(entry.value("resource_type").toString(), QStringLiteral("flow"));
            QCOMPARE(entry.value("category").toString(), QStringLiteral("flows"));
            QCOMPARE(entry.value("user_id").toString(), adminId);
            byExecution.insert(entry.value("details").toObject().value("execution_id").toString(),
                               entry);
        }
        QVERIFY(byExecution.contains(byAdmin) && byExecution.contains(byKey));
        const QJsonObject adminDetails = byExecution.value(byAdmin).value("details").toObject();
        QVERIFY(!adminDetails.contains("api_key_id"));
        QCOMPARE(adminDetails.value("status").toString(), QStringLiteral("started"));
        const QJsonObject options = adminDetails.value("options").toObject();
        QCOMPARE(options.value("priority").toInt(), 7);
        QCOMPARE(options.value("timeout_override_ms").toInteger(), 60000);
        QCOMPARE(options.value("callback_url").toString(), m_receiver.url("/audited"));
        QVERIFY(!options.contains("callback_secret"));
        const QJsonObject keyDetails = byExecution.value(byKey).value("details").toObject();
        QCOMPARE(keyDetails.value("api_key_id").toString(), key.data().value("id").toString());
        QVERIFY(keyDetails.value("options").toObject().isEmpty());
        // Neither the secret nor the URL's token anywhere in the trail.
        const QByteArray raw =
            m_http->get("/api/v1/audit?size=100&action=FLOW_TRIGGERED", m_admin).raw;
        QVERIFY(!raw.contains(kSecret));
        QVERIFY(!raw.contains("query-token"));
    }

    // A burst of triggers is announced to the administrators' /ws/events
    // once per commit (audit_logged for the latest FLOW_TRIGGERED entry,
    // `coalesced` = how many it stands for), every trigger counted exactly
    // once, and each announced entry is stored.
    void triggerAuditsAreAnnouncedOncePerCommit()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        QStringList messages;
        QWebSocket admin;
        connect(&admin, &QWebSocket::textMessageReceived, this,
                [&messages](const QString &text) { messages << text; });
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        events.setQuery("token=" + m_admin);
        admin.open(events);
        // Subscribed once the first message (system_status) came.
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 30000);

        constexpr int kTriggers = 60;
        QNetworkAccessManager network;
        int answered = 0;
        int failed = 0;
        QUrl url = m_http->base();
        url.setPath("/api/v1/flows/" + id + "/trigger");
        for (int i = 0; i < kTriggers; ++i) {
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + m_admin.toLatin1());
            QNetworkReply *reply = network.post(request, QByteArray(R"({"inputs":{"v":"burst"}})"));
            connect(reply, &QNetworkReply::finished, this, [reply, &answered, &failed] {
                ++(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                       ? answered
                       : failed);
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered + failed, kTriggers, 60000);
        QCOMPARE(failed, 0);

        const auto announced = [&](int *notices, QStringList *ids) {
            int count = 0;
            for (const QString &text : std::as_const(messages)) {
                const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                const QJsonObject data = message.value("data").toObject();
                if (message.value("type").toString() != "audit_logged" ||
                    data.value("action").toString() != "FLOW_TRIGGERED" ||
                    data.value("resource_id").toString() != id)
                    continue;
                count += data.contains("coalesced") ? data.value("coalesced").toInt() : 1;
                if (notices)
                    ++*notices;
                if (ids)
                    *ids << data.value("id").toString();
            }
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(announced(nullptr, nullptr), kTriggers, 30000);
        int notices = 0;
        QStringList ids;
        QCOMPARE(announced(&notices, &ids), kTriggers);
        QVERIFY2(notices <= kTriggers, qPrintable(QString::number(notices)));
        qInfo("%d triggers announced in %d audit_logged messages", kTriggers, notices);
        const QJsonArray stored =
            m_http->get("/api/v1/audit?size=100&action=FLOW_TRIGGERED&resource_id=" + id, m_admin)
                .data()
                .value("audit_logs")
                .toArray();
        QCOMPARE(stored.size(), kTriggers);
        QSet<QString> storedIds;
        for (const QJsonValue v : stored)
            storedIds.insert(v.toObject().value("id").toString());
        for (const QString &announcedId : std::as_const(ids))
            QVERIFY2(storedIds.contains(announcedId), qPrintable(announcedId));
    }

    // Higher priority first, FIFO among equals; the seed's names and numbers.
    void priorityOrdersTheQueue()
    {
        const QString id = queueFlow();
        QVERIFY(!id.isEmpty());
        const Answer holder = trigger(id, {});
        QCOMPARE(holder.status, 200);
        struct Queued
        {
            QJsonValue priority;
            int position; // answered when queued
            QString id;
        };
        QList<Queued> queued{{"normal", 1, {}}, {"low", 2, {}}, {"high", 1, {}},
                             {10, 2, {}},       {0, 4, {}},     {-100, 6, {}}};
        for (Queued &q : queued) {
            const Answer a = trigger(id, {{"priority", q.priority}});
            QCOMPARE(a.status, 202);
            QCOMPARE(a.data().value("queue_position").toInt(), q.position);
            q.id = a.data().value("execution_id").toString();
        }
        // high, 10 (equal: FIFO), normal, 0, low, -100.
        const QStringList order{queued[2].id, queued[3].id, queued[0].id,
                                queued[4].id, queued[1].id, queued[5].id};
        QString running = holder.data().value("execution_id").toString();
        for (const QString &next : order) {
            QVERIFY(cancel(running));
            QTRY_COMPARE_WITH_TIMEOUT(status(next), QStringLiteral("running"), 20000);
            for (const QString &other : order.mid(order.indexOf(next) + 1))
                QCOMPARE(status(other), QStringLiteral("queued"));
            running = next;
        }
        QVERIFY(cancel(running));
    }

    void timeoutOverrideEndsTheExecution()
    {
        const QString id = flow(delayFlow(600000),
                                QJsonObject{{"timeout", QJsonObject{{"flowTimeoutMs", 60000}}}});
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(id, {{"timeout_override_ms", 300}});
        QCOMPARE(ran.status, 200);
        const QString executionId = ran.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(status(executionId), QStringLiteral("cancelled"), 20000);
        const QJsonObject exec = m_http->get("/api/v1/executions/" + executionId, m_admin).data();
        QCOMPARE(exec.value("cancel_reason").toString(), QStringLiteral("timeout"));

        // Equal to the limit is allowed; above it is refused, naming it.
        const Answer equal = trigger(id, {{"timeout_override_ms", 60000}});
        QCOMPARE(equal.status, 200);
        QVERIFY(cancel(equal.data().value("execution_id").toString()));
        const int before = executionCount(id);
        const Answer tooLong = trigger(id, {{"timeout_override_ms", 60001}});
        QCOMPARE(tooLong.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY2(
            tooLong.body.value("error").toObject().value("message").toString().contains("60000 ms"),
            tooLong.raw.constData());
        QCOMPARE(tooLong.details().value("field").toString(),
                 QStringLiteral("options.timeout_override_ms"));
        QCOMPARE(tooLong.details().value("limit_ms").toInteger(), 60000);
        QCOMPARE(executionCount(id), before);
    }

    void badOptionsAreRefusedWithNothingStored_data()
    {
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown name") << QJsonObject{{"priority", "urgent"}} << "options.priority";
        QTest::newRow("too high") << QJsonObject{{"priority", 101}} << "options.priority";
        QTest::newRow("fraction") << QJsonObject{{"priority", 1.5}} << "options.priority";
        QTest::newRow("zero timeout")
            << QJsonObject{{"timeout_override_ms", 0}} << "options.timeout_override_ms";
        QTest::newRow("text timeout")
            << QJsonObject{{"timeout_override_ms", "300"}} << "options.timeout_override_ms";
        QTest::newRow("ftp callback")
            << QJsonObject{{"callback_url", "ftp://example.com/x"}} << "options.callback_url";
        QTest::newRow("no host") << QJsonObject{{"callback_url", "http:///x"}}
                                 << "options.callback_url";
        QTest::newRow("user info")
            << QJsonObject{{"callback_url", "https://u:p@example.com/x"}} << "options.callback_url";
        QTest::newRow("short secret")
            << QJsonObject{{"callback_url", "https://example.com/x"}, {"callback_secret", "short"}}
            << "options.callback_secret";
        QTest::newRow("secret alone") << QJsonObject{{"callback_secret", "0123456789abcdef0123"}}
                                      << "options.callback_secret";
    }
    void badOptionsAreRefusedWithNothingStored()
    {
        QFETCH(QJsonObject, options);
        QFETCH(QString, field);
        const QString id = flow(delayFlow(10));
        QVERIFY(!id.isEmpty());
        const Answer refused = trigger(id, options);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("field").toString(), field);
        QVERIFY(!refused.body.value("error").toObject().value("message").toString().isEmpty());
        QCOMPARE(executionCount(id), 0);
    }

    // Priorities are stored with the queued requests: after a restart the
    // queue runs in the same order.
    void priorityOrderSurvivesARestart()
    {
        const QString id = queueFlow();
        QVERIFY(!id.isEmpty());
        QCOMPARE(trigger(id, {}).status, 200);
        const Answer low = trigger(id, {{"priority", "low"}});
        const Answer high = trigger(id, {{"priority", "high"}, {"timeout_override_ms", 400}});
        QCOMPARE(low.status, 202);
        QCOMPARE(high.status, 202);
        QVERIFY(stopServer());
        const QString problem = restartServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The running holder did not survive; the high one starts first and,
        // with its timeout kept, ends soon, letting the low one run.
        const QString highId = high.data().value("execution_id").toString();
        const QString lowId = low.data().value("execution_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(status(highId), QStringLiteral("cancelled"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(lowId), QStringLiteral("running"), 20000);
        const QJsonObject highExec = m_http->get("/api/v1/executions/" + highId, m_admin).data();
        QCOMPARE(highExec.value("cancel_reason").toString(), QStringLiteral("timeout"));
        QVERIFY(highExec.value("started_at").toString() <=
                m_http->get("/api/v1/executions/" + lowId, m_admin)
                    .data()
                    .value("started_at")
                    .toString());
        QVERIFY(cancel(lowId));
    }
};

QTEST_MAIN(TestTriggerOptions)
#include "TestTriggerOptions.moc"
