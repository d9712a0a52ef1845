// The trigger path without blocking round trips, through the real
// hivemind-server: the permission grant and the version to run are cached
// in memory, and every write that changes them (share removed or changed,
// version published, flow deleted, role changed) is seen by the very next
// trigger. Answers come through the deferred reply: same shapes, same
// headers (request id, rate limits) as a direct answer, errors included,
// and ?wait=true answers carry the leaf outputs from the end event.

#include "FlowTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Str0ng!Passw0rd");

// echo: its output `v` is the trigger input `v`.
QJsonObject echoFlow()
{
    return flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})});
}

// A short delay, then echo: the end comes later than the trigger's answer,
// through the end event.
QJsonObject delayedEchoFlow()
{
    return flowDefinition({flowNode("wait", "delay", {}, {{"ms", 50}}),
                           flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})},
                          {flowEdge("wait", "echo")});
}

} // namespace

class TestTriggerCache : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;
    ApiUser m_alice;
    ApiUser m_bob;

    QString flow(const QString &token, const QJsonObject &def = echoFlow(),
                 const QJsonObject &settings = {})
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, token, QStringLiteral("cached%1").arg(++m_flows), def, settings, &why);
        if (id.isEmpty())
            qWarning() << why;
        return id;
    }
    Answer trigger(const QString &token, const QString &flowId, const QJsonObject &inputs = {},
                   const QString &query = {})
    {
        return triggerFlow(*m_http, token, flowId, inputs, query);
    }
    Answer triggerVersion(const QString &token, const QString &flowId, const QString &version)
    {
        return m_http->json("POST", "/api/v1/flows/" + flowId + "/trigger",
                            {{"options", QJsonObject{{"version", version}}}}, token);
    }
    Answer share(const QString &flowId, const QString &email, const QString &permission)
    {
        return m_http->json("POST", "/api/v1/flows/" + flowId + "/shares",
                            {{"email", email}, {"permission", permission}}, m_alice.token);
    }
    void kill(const Answer &started)
    {
        const QString id = started.data().value("execution_id").toString();
        QCOMPARE(m_http->json("POST", "/api/v1/executions/" + id + "/kill", {}, m_admin).status,
                 200);
    }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_alice = createApiUser(*m_http, m_admin, "alice", kPassword, "user");
        m_bob = createApiUser(*m_http, m_admin, "bob", kPassword, "user");
        QVERIFY(!m_alice.token.isEmpty());
        QVERIFY(!m_bob.token.isEmpty());
    }

    void removedShareIsSeenByTheNextTrigger()
    {
        const QString id = flow(m_alice.token);
        QVERIFY(!id.isEmpty());
        QCOMPARE(trigger(m_bob.token, id).code(), QStringLiteral("FLOW_NOT_FOUND"));

        const Answer shared = share(id, m_bob.email, "view");
        QCOMPARE(shared.status, 201);
        // The "none" just cached for bob must not survive the new share.
        QCOMPARE(trigger(m_bob.token, id).status, 200);
        QCOMPARE(trigger(m_bob.token, id).status, 200);

        const QString shareId = shared.data().value("id").toString();
        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/flows/" + id + "/shares/" + shareId, {},
                            Http::bearer(m_alice.token))
                     .status,
                 200);
        const Answer after = trigger(m_bob.token, id);
        QCOMPARE(after.status, 404);
        QCOMPARE(after.code(), QStringLiteral("FLOW_NOT_FOUND"));
        // The owner is unaffected.
        QCOMPARE(trigger(m_alice.token, id).status, 200);
    }

    void changedShareIsSeenByTheNextTrigger()
    {
        const QString id = flow(m_alice.token);
        QVERIFY(!id.isEmpty());
        const Answer shared = share(id, m_bob.email, "edit");
        QCOMPARE(shared.status, 201);
        const QString shareId = shared.data().value("id").toString();
        QCOMPARE(trigger(m_bob.token, id).status, 200);
        // Edit lets bob publish; view no longer does, on the very next call.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + id + "/shares/" + shareId,
                            {{"permission", "view"}}, m_alice.token)
                     .status,
                 200);
        QCOMPARE(trigger(m_bob.token, id).status, 200);
        QCOMPARE(
            m_http
                ->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "1"}}, m_bob.token)
                .code(),
            QStringLiteral("FORBIDDEN"));
    }

    void publishedVersionIsSeenByTheNextTrigger()
    {
        const QString id = flow(m_alice.token);
        QVERIFY(!id.isEmpty());
        QCOMPARE(trigger(m_alice.token, id).data().value("flow_version").toString(),
                 QStringLiteral("1"));
        // Version 2 unknown: not found, and that answer is not remembered.
        QCOMPARE(triggerVersion(m_alice.token, id, "2").code(),
                 QStringLiteral("FLOW_VERSION_NOT_FOUND"));

        const Answer added = m_http->json("POST", "/api/v1/flows/" + id + "/versions",
                                          {{"definition", echoFlow()}}, m_alice.token);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.data().value("version").toString(), QStringLiteral("2"));
        QCOMPARE(triggerVersion(m_alice.token, id, "2").data().value("flow_version").toString(),
                 QStringLiteral("2"));
        // Still version 1 until published.
        QCOMPARE(trigger(m_alice.token, id).data().value("flow_version").toString(),
                 QStringLiteral("1"));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "2"}},
                            m_alice.token)
                     .status,
                 200);
        const Answer after = trigger(m_alice.token, id);
        QCOMPARE(after.status, 200);
        QCOMPARE(after.data().value("flow_version").toString(), QStringLiteral("2"));
        // Back to 1 (rollback by publishing the older version).
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "1"}},
                            m_alice.token)
                     .status,
                 200);
        QCOMPARE(trigger(m_alice.token, id).data().value("flow_version").toString(),
                 QStringLiteral("1"));
    }

    void deletedFlowIsSeenByTheNextTrigger()
    {
        const QString id = flow(m_alice.token);
        QVERIFY(!id.isEmpty());
        QCOMPARE(share(id, m_bob.email, "view").status, 201);
        QCOMPARE(trigger(m_alice.token, id).status, 200);
        QCOMPARE(trigger(m_bob.token, id).status, 200);
        QCOMPARE(triggerVersion(m_bob.token, id, "1").status, 200);
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/flows/" + id, {}, Http::bearer(m_alice.token)).status,
            200);
        for (const QString &token : {m_alice.token, m_bob.token, m_admin}) {
            const Answer after = trigger(token, id);
            QCOMPARE(after.status, 404);
            QCOMPARE(after.code(), QStringLiteral("FLOW_NOT_FOUND"));
        }
        QCOMPARE(triggerVersion(m_bob.token, id, "1").status, 404);
    }

    void roleChangeIsSeenByTheNextTrigger()
    {
        const ApiUser carol = createApiUser(*m_http, m_admin, "carol", kPassword, "user");
        QVERIFY(!carol.token.isEmpty());
        const QString id = flow(carol.token);
        QVERIFY(!id.isEmpty());
        QCOMPARE(trigger(carol.token, id).status, 200);
        QCOMPARE(
            m_http->json("PUT", "/api/v1/users/" + carol.id, {{"role", "viewer"}}, m_admin).status,
            200);
        const Answer after = trigger(carol.token, id);
        QCOMPARE(after.status, 403);
        QCOMPARE(after.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
    }

    void deferredAnswersKeepTheirHeaders()
    {
        const QString id = flow(m_alice.token, delayFlow(), concurrency("deny"));
        QVERIFY(!id.isEmpty());
        const Answer started = trigger(m_alice.token, id);
        QCOMPARE(started.status, 200);
        QVERIFY(!started.headers.value("x-request-id").isEmpty());
        // As before the answer became deferred: the per-principal limit.
        QVERIFY(started.headers.value("x-ratelimit-limit").toInt() > 0);
        QVERIFY(started.headers.contains("x-ratelimit-remaining"));

        // The engine's refusal, through the same deferred path: the error
        // body names the request id of the header.
        const Answer denied = trigger(m_alice.token, id);
        QCOMPARE(denied.status, 409);
        QCOMPARE(denied.code(), QStringLiteral("CONCURRENT_DENIED"));
        const QJsonObject error = denied.body.value("error").toObject();
        QCOMPARE(error.value("request_id").toString(),
                 QString::fromLatin1(denied.headers.value("x-request-id")));
        QCOMPARE(denied.details().value("max_instances").toInt(), 1);
        QVERIFY(denied.headers.value("x-ratelimit-limit").toInt() > 0);
        kill(started);
    }

    void waitAnswersFromTheEndEvent()
    {
        // Ends after the trigger was answered by the engine: the outputs
        // come with the end event.
        const QString id = flow(m_alice.token, delayedEchoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(m_alice.token, id, {{"v", "later"}}, "?wait=true");
        QCOMPARE(ran.status, 200);
        const QJsonObject data = ran.data();
        QCOMPARE(data.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(data.value("timed_out").toBool(true), false);
        QCOMPARE(data.value("flow_id").toString(), id);
        QCOMPARE(data.value("flow_version").toString(), QStringLiteral("1"));
        QVERIFY(!data.value("execution_id").toString().isEmpty());
        QVERIFY(!data.contains("error"));
        const QJsonObject outputs = data.value("outputs").toObject();
        QCOMPARE(outputs.keys(), QStringList{"echo"}); // leaves only
        QCOMPARE(outputs.value("echo").toObject().value("v").toString(), QStringLiteral("later"));
        QVERIFY(!ran.headers.value("x-request-id").isEmpty());
        QVERIFY(ran.headers.value("x-ratelimit-limit").toInt() > 0);
    }

    void waitAnswersAFlowThatEndsAtOnce()
    {
        // Ends inside the engine call that starts it: the answer must not
        // wait for an end event that was already delivered.
        const QString id = flow(m_alice.token);
        QVERIFY(!id.isEmpty());
        for (int i = 0; i < 20; ++i) {
            const Answer ran =
                trigger(m_alice.token, id, {{"v", i}}, "?wait=true&timeout_ms=20000");
            QCOMPARE(ran.status, 200);
            QCOMPARE(ran.data().value("timed_out").toBool(true), false);
            QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
            QCOMPARE(ran.data().value("outputs").toObject().value("echo").toObject().value("v"),
                     QJsonValue(i));
        }
    }

    void waitAnswersACancelledExecution()
    {
        const QString id = flow(m_alice.token, delayFlow());
        QVERIFY(!id.isEmpty());
        QNetworkReply *waiting =
            m_http->begin("POST", "/api/v1/flows/" + id + "/trigger?wait=true&timeout_ms=60000",
                          "{}", Http::bearer(m_alice.token));
        QSignalSpy done(waiting, &QNetworkReply::finished);
        QString executionId;
        QTRY_VERIFY(
            (executionId = m_http->get("/api/v1/executions?status=running&flow_id=" + id, m_admin)
                               .data()
                               .value("items")
                               .toArray()
                               .at(0)
                               .toObject()
                               .value("execution_id")
                               .toString())
                .size() > 0);
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + executionId + "/kill", {}, m_admin).status,
            200);
        QVERIFY(done.count() > 0 || done.wait(20000));
        const Answer answer = m_http->finish(waiting);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.data().value("execution_id").toString(), executionId);
        QCOMPARE(answer.data().value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(answer.data().value("timed_out").toBool(true), false);
        QCOMPARE(answer.data().value("outputs").toObject().keys(), QStringList{"wait"});
    }

    void cleanupTestCase() { QVERIFY(stopServer()); }
};

QTEST_GUILESS_MAIN(TestTriggerCache)
#include "TestTriggerCache.moc"
