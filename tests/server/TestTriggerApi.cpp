// Triggering through the real hivemind-server: ?wait=true answered when the
// execution ends (without holding the server), its timeout, clients that
// leave while waiting, many waits at once, estimated_wait_ms of queued
// requests, and webhooks.

#include "FlowTestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace hm::test;

namespace {

// echo: its output `v` is the trigger input `v`.
QJsonObject echoFlow()
{
    return flowDefinition({flowNode("echo", "transform", {{"v", "$.trigger.v"}},
                                    {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})});
}

} // namespace

class TestTriggerApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;

    QString flow(const QJsonObject &def, const QJsonObject &settings = {})
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, m_admin, QStringLiteral("trigger%1").arg(++m_flows), def, settings, &why);
        if (id.isEmpty())
            qWarning() << why;
        return id;
    }
    Answer trigger(const QString &flowId, const QJsonObject &inputs, const QString &query = {})
    {
        return triggerFlow(*m_http, m_admin, flowId, inputs, query);
    }
    bool healthy() { return m_http->get("/api/v1/health").status == 200; }
    // Sends `count` triggers at once (no waiting between them), the i-th
    // with the input v = i, and returns the answers in sending order.
    QList<Answer> triggerAtOnce(const QString &flowId, int count, const QString &query = {})
    {
        QList<QByteArray> bodies;
        for (int i = 0; i < count; ++i)
            bodies.append(QJsonDocument(QJsonObject{{"inputs", QJsonObject{{"v", i}}}}).toJson());
        return m_http->sendAtOnce("POST", "/api/v1/flows/" + flowId + "/trigger" + query, bodies,
                                  m_admin);
    }
    QJsonObject execution(const QString &id)
    {
        return m_http->get("/api/v1/executions/" + id, m_admin).data();
    }

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void waitAnswersWithLeafOutputs()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(id, {{"v", "hello"}}, "?wait=true&timeout_ms=20000");
        QCOMPARE(ran.status, 200);
        const QJsonObject data = ran.data();
        QCOMPARE(data.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(data.value("timed_out").toBool(true), false);
        QCOMPARE(data.value("flow_id").toString(), id);
        QCOMPARE(data.value("flow_version").toString(), QStringLiteral("1"));
        QCOMPARE(data.value("outputs").toObject().value("echo").toObject().value("v").toString(),
                 QStringLiteral("hello"));
        QVERIFY(!ran.headers.value("x-request-id").isEmpty());
    }

    // The 200 answer is written by hand (hot path): it must be the seed's
    // shape and exactly what Qt's serialiser writes for the same object.
    void startedAnswerIsCanonicalJson()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(id, {{"v", "x"}});
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(ran.raw).object();
        QCOMPARE(ran.raw, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QCOMPARE(body.value("success").toBool(), true);
        const QJsonObject data = body.value("data").toObject();
        QCOMPARE(data.keys(), QStringList({"execution_id", "flow_id", "flow_version", "started_at",
                                           "status", "websocket_url"}));
        const QString executionId = data.value("execution_id").toString();
        QVERIFY(!QUuid(executionId).isNull());
        QCOMPARE(data.value("status").toString(), QStringLiteral("started"));
        QCOMPARE(data.value("flow_id").toString(), id);
        QCOMPARE(data.value("flow_version").toString(), QStringLiteral("1"));
        QVERIFY(QDateTime::fromString(data.value("started_at").toString(), Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(data.value("websocket_url").toString(), "/ws/executions/" + executionId);
    }

    void waitTimesOutWithTheCurrentState()
    {
        const QString id = flow(delayFlow(600000));
        QVERIFY(!id.isEmpty());
        // The answer comes after timeout_ms, not after the default 30 s
        // (the server's timer is a coarse one: up to 5 % early).
        QElapsedTimer elapsed;
        elapsed.start();
        const Answer ran = trigger(id, {}, "?wait=true&timeout_ms=300");
        const qint64 tookMs = elapsed.elapsed();
        QVERIFY2(tookMs >= 285 && tookMs < 15000, qPrintable(QString::number(tookMs)));
        QCOMPARE(ran.status, 200);
        QCOMPARE(ran.data().value("timed_out").toBool(), true);
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("running"));
        const QString executionId = ran.data().value("execution_id").toString();
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + executionId + "/kill", {}, m_admin).status,
            200);
    }

    void serverAnswersOthersWhileOneWaits()
    {
        // The waiting request must not hold the server's thread.
        const QString slowId = flow(delayFlow(600000));
        QVERIFY(!slowId.isEmpty());
        QNetworkReply *waiting =
            m_http->begin("POST", "/api/v1/flows/" + slowId + "/trigger?wait=true&timeout_ms=60000",
                          "{}", Http::bearer(m_admin));
        // Before any nested event loop below can deliver its end.
        QSignalSpy done(waiting, &QNetworkReply::finished);
        // Several full round trips complete while the first still waits.
        auto executions = [&] {
            return m_http->get("/api/v1/executions?flow_id=" + slowId, m_admin)
                .data()
                .value("items")
                .toArray();
        };
        QTRY_VERIFY(!executions().isEmpty());
        QVERIFY(healthy());
        QVERIFY(!waiting->isFinished());
        // Ending the execution answers the waiting client.
        const QJsonArray items = executions();
        const QString executionId = items.first().toObject().value("execution_id").toString();
        QVERIFY(!executionId.isEmpty());
        QCOMPARE(m_http->json("POST", "/api/v1/executions/" + executionId + "/cancel", {}, m_admin)
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 20000);
        const QJsonObject data =
            QJsonDocument::fromJson(waiting->readAll()).object().value("data").toObject();
        QCOMPARE(data.value("status").toString(), QStringLiteral("cancelled"));
        QCOMPARE(data.value("timed_out").toBool(true), false);
        waiting->deleteLater();
    }

    void manyWaitsAtOnceEachGetTheirOwnAnswer()
    {
        const QString id = flow(echoFlow(), concurrency("allow", 100));
        QVERIFY(!id.isEmpty());
        const QList<Answer> answers = triggerAtOnce(id, 40, "?wait=true&timeout_ms=30000");
        for (int i = 0; i < answers.size(); ++i) {
            const QJsonObject data = answers[i].data();
            QCOMPARE(data.value("status").toString(), QStringLiteral("completed"));
            QCOMPARE(data.value("outputs").toObject().value("echo").toObject().value("v").toInt(),
                     i);
        }
    }

    void clientLeavingWhileWaitingIsHarmless()
    {
        const QString id = flow(delayFlow(100), concurrency("allow", 10));
        QVERIFY(!id.isEmpty());
        for (int round = 0; round < 5; ++round) {
            QTcpSocket socket;
            socket.connectToHost(m_http->base().host(), quint16(m_http->base().port()));
            QVERIFY(socket.waitForConnected(5000));
            const QByteArray body = "{}";
            socket.write("POST /api/v1/flows/" + id.toLatin1() +
                         "/trigger?wait=true&timeout_ms=50 HTTP/1.1\r\nHost: x\r\n"
                         "Authorization: Bearer " +
                         m_admin.toLatin1() +
                         "\r\nContent-Type: application/json\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(socket.waitForBytesWritten(5000));
            socket.abort();
        }
        // Each abandoned wait ends by its timeout or the execution's end; a
        // waited trigger after them proves the server got through them alive.
        const Answer after = trigger(id, {}, "?wait=true&timeout_ms=20000");
        QCOMPARE(after.status, 200);
        QCOMPARE(after.data().value("status").toString(), QStringLiteral("completed"));
        QTRY_VERIFY(healthy());
        QCOMPARE(m_server->process().state(), QProcess::Running);
    }

    void queuedAnswersCarryAnEstimatedWait()
    {
        const QString id = flow(delayFlow(300), concurrency("queue", 1));
        QVERIFY(!id.isEmpty());
        // No execution of this flow has ended yet: no basis for an estimate.
        const Answer first = trigger(id, {});
        QCOMPARE(first.status, 200);
        const Answer queued = trigger(id, {});
        QCOMPARE(queued.status, 202);
        QCOMPARE(queued.data().value("queue_position").toInt(), 1);
        QVERIFY(queued.data().contains("estimated_wait_ms"));
        QVERIFY(queued.data().value("estimated_wait_ms").isNull());
        // Once one ended, the estimate is position x the average duration.
        const Answer waited = m_http->json(
            "POST", "/api/v1/flows/" + id + "/trigger?wait=true&timeout_ms=20000", {}, m_admin);
        QCOMPARE(waited.status, 200);
        QCOMPARE(waited.data().value("status").toString(), QStringLiteral("completed"));
        const Answer running = trigger(id, {});
        QVERIFY(running.status == 200 || running.status == 202);
        const Answer next = trigger(id, {});
        QCOMPARE(next.status, 202);
        const int position = next.data().value("queue_position").toInt();
        QVERIFY(position >= 1);
        const qint64 estimate = next.data().value("estimated_wait_ms").toInteger(-1);
        // position x an average of the durations of the runs that ended:
        // within position x their shortest and position x their longest
        // (each at least its 300 ms). Runs that ended after the answer only
        // widen the range.
        qint64 shortest = std::numeric_limits<qint64>::max();
        qint64 longest = 0;
        const QJsonArray ended =
            m_http->get("/api/v1/executions?size=100&status=completed&flow_id=" + id, m_admin)
                .data()
                .value("items")
                .toArray();
        QVERIFY(ended.size() >= 3); // first, queued, waited
        for (const QJsonValue &row : ended) {
            const qint64 duration = row.toObject().value("duration_ms").toInteger(-1);
            QVERIFY(duration >= 300);
            shortest = std::min(shortest, duration);
            longest = std::max(longest, duration);
        }
        QVERIFY2(estimate >= position * shortest - 1 && estimate <= position * longest + 1,
                 qPrintable(QStringLiteral("estimate %1 at position %2, runs took %3..%4 ms")
                                .arg(estimate)
                                .arg(position)
                                .arg(shortest)
                                .arg(longest)));
    }

    // maxInstances 2: the estimate counts ⌈position / 2⌉ average runs.
    void estimateDividesByTheInstances()
    {
        const QString id =
            flow(flowDefinition({flowNode("wait", "delay", {{"ms", "$.trigger.ms"}})}),
                 concurrency("queue", 2));
        QVERIFY(!id.isEmpty());
        // One run ends to give the average, then two long ones fill the
        // slots and three more queue behind them.
        const Answer ran = trigger(id, {{"ms", 300}}, "?wait=true&timeout_ms=20000");
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
        const qint64 average = execution(ran.data().value("execution_id").toString())
                                   .value("duration_ms")
                                   .toInteger(-1);
        QVERIFY(average >= 300);
        QStringList started;
        for (int i = 0; i < 2; ++i) {
            const Answer a = trigger(id, {{"ms", 600000}});
            QCOMPARE(a.status, 200);
            started.append(a.data().value("execution_id").toString());
        }
        for (int position = 1; position <= 3; ++position) {
            const Answer queued = trigger(id, {{"ms", 1}});
            QCOMPARE(queued.status, 202);
            QCOMPARE(queued.data().value("queue_position").toInt(), position);
            // One run ended: the average is its duration.
            const qint64 expected = (position + 1) / 2 * average;
            const qint64 estimate = queued.data().value("estimated_wait_ms").toInteger(-1);
            QVERIFY2(qAbs(estimate - expected) <= 1,
                     qPrintable(QStringLiteral("position %1: %2, expected %3")
                                    .arg(position)
                                    .arg(estimate)
                                    .arg(expected)));
        }
        for (const QString &e : std::as_const(started))
            QCOMPARE(m_http->json("POST", "/api/v1/executions/" + e + "/kill", {}, m_admin).status,
                     200);
    }

    void concurrentTriggersInDenyModeStartExactlyOne()
    {
        const QString id = flow(delayFlow(600000), concurrency("deny", 1));
        QVERIFY(!id.isEmpty());
        const QList<Answer> answers = triggerAtOnce(id, 20);
        QString started;
        int denied = 0;
        for (const Answer &a : answers) {
            if (a.status == 200) {
                QVERIFY2(started.isEmpty(), "two executions started");
                started = a.data().value("execution_id").toString();
            } else {
                QCOMPARE(a.status, 409);
                QCOMPARE(a.code(), QStringLiteral("CONCURRENT_DENIED"));
                ++denied;
            }
        }
        QVERIFY(!started.isEmpty());
        QCOMPARE(denied, 19);
        for (const Answer &a : answers) {
            if (a.status == 409)
                QCOMPARE(a.details().value("running_executions").toArray(), QJsonArray{started});
        }
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + started + "/kill", {}, m_admin).status,
            200);
    }

    // Sent at once (arrival order unknown) while a blocker holds the only
    // slot: each queue position is given once, and once the blocker is
    // killed the runs follow the positions. (Without the blocker a short
    // first run could end while the ten are still arriving, and a later one
    // would rightly get a position already given.)
    void concurrentTriggersInQueueModeRunInPositionOrder()
    {
        const QString id =
            flow(flowDefinition({flowNode("wait", "delay", {{"ms", "$.trigger.ms"}})}),
                 concurrency("queue", 1));
        QVERIFY(!id.isEmpty());
        const Answer blocker = triggerFlow(*m_http, m_admin, id, {{"ms", 600000}});
        QCOMPARE(blocker.status, 200);
        QList<QByteArray> bodies;
        for (int i = 0; i < 10; ++i)
            bodies.append(QJsonDocument(QJsonObject{{"inputs", QJsonObject{{"ms", 10}}}}).toJson());
        const QList<Answer> answers =
            m_http->sendAtOnce("POST", "/api/v1/flows/" + id + "/trigger", bodies, m_admin);
        QList<QPair<int, QString>> queued; // position, execution id
        for (const Answer &a : answers) {
            QVERIFY2(a.status == 202, a.raw.constData());
            queued.append({a.data().value("queue_position").toInt(),
                           a.data().value("execution_id").toString()});
        }
        // Ten queued with the positions 1..10, each once.
        std::sort(queued.begin(), queued.end());
        for (int i = 0; i < queued.size(); ++i)
            QCOMPARE(queued.at(i).first, i + 1);
        const QString blockerId = blocker.data().value("execution_id").toString();
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + blockerId + "/kill", {}, m_admin).status,
            200);
        // By their position, the queued ones run one after another.
        QTRY_VERIFY_WITH_TIMEOUT(execution(queued.constLast().second).value("status") ==
                                     "completed",
                                 30000);
        QString previousEnd;
        for (const auto &[position, e] : std::as_const(queued)) {
            const QJsonObject row = execution(e);
            QCOMPARE(row.value("status").toString(), QStringLiteral("completed"));
            // ISO timestamps of one clock compare as text.
            const QString startedAt = row.value("started_at").toString();
            QVERIFY2(previousEnd.isEmpty() || startedAt >= previousEnd,
                     qPrintable(QString::number(position) + ": " + startedAt + " < " +
                                previousEnd));
            previousEnd = row.value("ended_at").toString();
        }
    }

    // Sent one after another on one connection, so the arrival order is
    // the sending order: a long first run holds the only slot while nine
    // more queue, then they run in that order once it is killed.
    void queueModeRunsInArrivalOrder()
    {
        const QString id =
            flow(flowDefinition({flowNode("wait", "delay", {{"ms", "$.trigger.ms"}})}),
                 concurrency("queue", 1));
        QVERIFY(!id.isEmpty());
        const Answer blocker = trigger(id, {{"ms", 600000}});
        QCOMPARE(blocker.status, 200);
        QStringList order; // execution ids in sending order
        for (int i = 1; i <= 9; ++i) {
            const Answer a = trigger(id, {{"ms", 10}});
            QVERIFY2(a.status == 202, a.raw.constData());
            QCOMPARE(a.data().value("queue_position").toInt(), i);
            order.append(a.data().value("execution_id").toString());
        }
        const QString blockerId = blocker.data().value("execution_id").toString();
        QCOMPARE(
            m_http->json("POST", "/api/v1/executions/" + blockerId + "/kill", {}, m_admin).status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(execution(order.constLast()).value("status") == "completed",
                                 30000);
        QString previousEnd = execution(blockerId).value("ended_at").toString();
        QVERIFY(!previousEnd.isEmpty());
        for (const QString &e : std::as_const(order)) {
            const QJsonObject row = execution(e);
            QCOMPARE(row.value("status").toString(), QStringLiteral("completed"));
            // ISO timestamps of one clock compare as text.
            const QString startedAt = row.value("started_at").toString();
            QVERIFY2(startedAt >= previousEnd, qPrintable(startedAt + " < " + previousEnd));
            previousEnd = row.value("ended_at").toString();
        }
    }

    void concurrentTriggersInReplaceModeLeaveTheLastRunning()
    {
        const QString id = flow(delayFlow(600000), concurrency("replace", 1));
        QVERIFY(!id.isEmpty());
        const QList<Answer> answers = triggerAtOnce(id, 6);
        QStringList ids;
        for (const Answer &a : answers) {
            QVERIFY2(a.status == 200 || a.status == 202, a.raw.constData());
            ids.append(a.data().value("execution_id").toString());
        }
        // Every execution but one ends cancelled as replaced; one runs.
        auto settled = [&] {
            int running = 0, replaced = 0;
            for (const QString &e : ids) {
                const QJsonObject row = execution(e);
                if (row.value("status") == "running")
                    ++running;
                else if (row.value("status") == "cancelled" &&
                         row.value("cancel_reason") == "replaced")
                    ++replaced;
            }
            return running == 1 && replaced == ids.size() - 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);
        for (const QString &e : ids) {
            if (execution(e).value("status") == "running")
                QCOMPARE(
                    m_http->json("POST", "/api/v1/executions/" + e + "/kill", {}, m_admin).status,
                    200);
        }
    }

    void webhookLifecycle()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_http->get("/api/v1/flows/" + id + "/webhook", m_admin)
                     .data()
                     .value("enabled")
                     .toBool(true),
                 false);
        const Answer created =
            m_http->json("POST", "/api/v1/flows/" + id + "/webhook", {}, m_admin);
        QCOMPARE(created.status, 201);
        const QString token = created.data().value("token").toString();
        const QString path = created.data().value("path").toString();
        QVERIFY(token.size() >= 40);
        QCOMPARE(path, "/api/v1/hooks/" + id + "/" + token);
        QCOMPARE(m_http->get("/api/v1/flows/" + id + "/webhook", m_admin)
                     .data()
                     .value("enabled")
                     .toBool(),
                 true);
        QVERIFY(!m_http->get("/api/v1/flows/" + id + "/webhook", m_admin)
                     .raw.contains(token.toLatin1()));

        // No login: the token in the path is the credential.
        const Answer started = m_http->json("POST", path, {{"v", 1}});
        QCOMPARE(started.status, 200);
        QCOMPARE(started.data().value("status").toString(), QStringLiteral("started"));
        const Answer waited = m_http->json("POST", path + "?wait=true", {{"v", "from-hook"}});
        QCOMPARE(waited.status, 200);
        QCOMPARE(waited.data()
                     .value("outputs")
                     .toObject()
                     .value("echo")
                     .toObject()
                     .value("v")
                     .toString(),
                 QStringLiteral("from-hook"));
        const QString hookExecution = waited.data().value("execution_id").toString();
        QCOMPARE(m_http->get("/api/v1/executions/" + hookExecution, m_admin)
                     .data()
                     .value("triggered_by")
                     .toString(),
                 QStringLiteral("webhook"));

        // Wrong token, wrong flow, bad body.
        QString wrong = token;
        wrong[0] = wrong[0] == u'a' ? u'b' : u'a';
        QCOMPARE(m_http->json("POST", "/api/v1/hooks/" + id + "/" + wrong, {}).code(),
                 QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(m_http->json("POST", "/api/v1/hooks/nope/" + token, {}).status, 404);
        const Answer notObject = m_http->send("POST", path, "[1,2]");
        QCOMPARE(notObject.status, 422);
        QCOMPARE(notObject.code(), QStringLiteral("VALIDATION_ERROR"));

        // Rotation: the old token stops working at once.
        const Answer rotated =
            m_http->json("POST", "/api/v1/flows/" + id + "/webhook", {}, m_admin);
        QCOMPARE(rotated.status, 201);
        QCOMPARE(rotated.data().value("rotated").toBool(), true);
        QCOMPARE(m_http->json("POST", path, {}).status, 404);
        const QString newPath = rotated.data().value("path").toString();
        QCOMPARE(m_http->json("POST", newPath, {}).status, 200);

        // Removal.
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/flows/" + id + "/webhook", {}, Http::bearer(m_admin))
                .status,
            200);
        QCOMPARE(m_http->json("POST", newPath, {}).status, 404);
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/flows/" + id + "/webhook", {}, Http::bearer(m_admin))
                .status,
            404);

        // Audited, and the token is in no log line and no audit entry.
        const Answer audit = m_http->get("/api/v1/audit?resource_type=flow", m_admin);
        QVERIFY(audit.raw.contains("WEBHOOK_CREATED"));
        QVERIFY(audit.raw.contains("WEBHOOK_ROTATED"));
        QVERIFY(audit.raw.contains("WEBHOOK_DELETED"));
        QVERIFY(!audit.raw.contains(token.toLatin1()));
        const Answer logs = m_http->get("/api/v1/logs?search=hooks&size=100", m_admin);
        QCOMPARE(logs.status, 200);
        QVERIFY(logs.raw.contains("/api/v1/hooks/"));
        QVERIFY(!logs.raw.contains(token.toLatin1()));
        // Info lines reach stderr in batches (LogOutput): wait for the line.
        QTRY_VERIFY(m_server->standardError().contains("/api/v1/hooks/"));
        const QByteArray output = m_server->standardOutput() +
                                  m_server->process().readAllStandardOutput() +
                                  m_server->standardError();
        QVERIFY(!output.contains(token.toLatin1()));
    }

    // The trigger input is stored verbatim (re-runs need it) and masked on
    // the way out, like node inputs: no answer about the execution holds
    // the secret.
    void triggerInputsAreMaskedOnTheWayOut()
    {
        const QString secret = QStringLiteral("hunter2-trigger-secret");
        const QString id = flow(flowDefinition({flowNode(
            "echo", "transform", {{"v", "$.trigger.v"}, {"password", "$.trigger.password"}},
            {{"outputs", QJsonObject{{"v", "$.inputs.v"}}}})}));
        QVERIFY(!id.isEmpty());
        const Answer ran =
            trigger(id, {{"v", "ann"}, {"password", secret}}, "?wait=true&timeout_ms=20000");
        QCOMPARE(ran.data().value("status").toString(), QStringLiteral("completed"));
        QVERIFY(!ran.raw.contains(secret.toUtf8()));
        const QString executionId = ran.data().value("execution_id").toString();
        const QString base = "/api/v1/executions/" + executionId;

        const Answer row = m_http->get(base, m_admin);
        QCOMPARE(row.status, 200);
        QVERIFY2(!row.raw.contains(secret.toUtf8()), row.raw.constData());
        const QJsonObject inputs = row.data().value("inputs").toObject();
        QCOMPARE(inputs.value("v").toString(), QStringLiteral("ann"));
        // SensitiveDataMasker's documented form: 2 characters each end.
        QCOMPARE(inputs.value("password").toString(), QStringLiteral("hu****et..."));
        for (const QString &path : {base + "/status", base + "/nodes/echo", base + "/metrics",
                                    QStringLiteral("/api/v1/executions?flow_id=") + id}) {
            const Answer a = m_http->get(path, m_admin);
            QCOMPARE(a.status, 200);
            QVERIFY2(!a.raw.contains(secret.toUtf8()), qPrintable(path + ": " + a.raw));
        }
        // Stored verbatim: a re-run from the start gets the real input (had
        // it got the masked text, that would read "hu****....." here).
        const Answer rerun = m_http->json("POST", base + "/rerun", {{"from", "start"}}, m_admin);
        QCOMPARE(rerun.status, 200);
        const QString again = rerun.data().value("execution_id").toString();
        QTRY_COMPARE(execution(again).value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(execution(again).value("inputs").toObject().value("password").toString(),
                 QStringLiteral("hu****et..."));
    }

    void executionHistoryFiltersByTime()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        const Answer ran = trigger(id, {{"v", 1}}, "?wait=true");
        QCOMPARE(ran.status, 200);
        const QString executionId = ran.data().value("execution_id").toString();
        const QString created = m_http->get("/api/v1/executions/" + executionId, m_admin)
                                    .data()
                                    .value("created_at")
                                    .toString();
        QVERIFY(!created.isEmpty());
        auto ids = [&](const QString &filter) {
            QStringList out;
            const QJsonArray items =
                m_http->get("/api/v1/executions?flow_id=" + id + "&" + filter, m_admin)
                    .data()
                    .value("items")
                    .toArray();
            for (const QJsonValue &item : items)
                out.append(item.toObject().value("execution_id").toString());
            return out;
        };
        QCOMPARE(ids("from=" + created), QStringList{executionId});
        QCOMPARE(ids("to=" + created), QStringList{});
        QCOMPARE(ids("from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z"),
                 QStringList{executionId});
        const Answer bad = m_http->get("/api/v1/executions?from=yesterday", m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.code(), QStringLiteral("VALIDATION_ERROR"));
    }

    // Callers with a view share, with no share and VIEWERs: the hook,
    // rotate, unhook and webhook columns of TestFlowSharing's matrix.
    void webhookNeedsEditOnTheFlow()
    {
        const QString id = flow(echoFlow());
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_http->json("POST", "/api/v1/flows/" + id + "/webhook", {}).status, 401);
        QCOMPARE(m_http->json("POST", "/api/v1/flows/nope/webhook", {}, m_admin).code(),
                 QStringLiteral("FLOW_NOT_FOUND"));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY(stopServer());
    }
};

QTEST_GUILESS_MAIN(TestTriggerApi)
#include "TestTriggerApi.moc"
