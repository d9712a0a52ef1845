// History retention through the real hivemind-server (issue 37 item 6;
// docs/api.md "History retention"): the global limits in system config
// (seed 001's max_age_days accepted), a flow's own limits overriding them,
// executions past the age or beyond the count removed by a pass in
// batches of 500 while running ones stay, the store's size and growth
// figures, and refusals that change nothing. Trigger callbacks go with
// their executions (no orphan rows), and an execution whose callback is
// still to be delivered stays.

#include "../support/RecordingHttpPeer.h"
#include "FlowTestSupport.h"
#include "crypto/KeyDerivation.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

class TestHistoryRetention : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_flows = 0;
    ApiUser m_user;
    ApiUser m_viewer;

    QStringList serverArgs() const
    {
        // Passes only when asked (POST /system/retention/run); executions
        // that just ended may go at once.
        return {QStringLiteral("--retention-interval-ms"), QStringLiteral("3600000"),
                QStringLiteral("--retention-grace-ms"), QStringLiteral("0")};
    }
    QString flow(const QJsonObject &definition)
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, m_admin, QStringLiteral("retention%1").arg(++m_flows), definition, {}, &why);
        if (id.isEmpty())
            qWarning() << why;
        return id;
    }
    static QJsonObject noopFlow() { return flowDefinition({flowNode("a", "noop")}); }
    qint64 executions(const QString &flowId, const QString &status = {})
    {
        return m_http
            ->get("/api/v1/executions?size=1&flow_id=" + flowId +
                      (status.isEmpty() ? QString() : "&status=" + status),
                  m_admin)
            .data()
            .value("pagination")
            .toObject()
            .value("total")
            .toInteger(-1);
    }
    // `count` triggers, all acknowledged and ended (noop flows end at once).
    bool triggerEnded(const QString &flowId, int count)
    {
        QList<QByteArray> bodies;
        for (int i = 0; i < count; ++i)
            bodies.append(QJsonDocument(QJsonObject{{"inputs", QJsonObject{{"i", i}}}})
                              .toJson(QJsonDocument::Compact));
        int sent = 0;
        while (sent < count) {
            const int n = std::min(200, count - sent);
            for (const Answer &a :
                 m_http->sendAtOnce("POST", "/api/v1/flows/" + flowId + "/trigger",
                                    bodies.mid(sent, n), m_admin, 60000)) {
                if (a.status != 200) {
                    qWarning() << a.status << a.raw;
                    return false;
                }
            }
            sent += n;
        }
        return true;
    }
    Answer runPass()
    {
        return m_http->send("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_admin));
    }
    QJsonObject config() { return m_http->get("/api/v1/system/config", m_admin).data(); }
    bool audited(const QString &action, const QString &resourceId)
    {
        const QJsonArray items = m_http->get("/api/v1/audit?size=100&action=" + action, m_admin)
                                     .data()
                                     .value("audit_logs")
                                     .toArray();
        for (const QJsonValue v : items) {
            if (v.toObject().value("resource_id").toString() == resourceId)
                return true;
        }
        return false;
    }
    std::unique_ptr<store::Database> openDatabase()
    {
        auto db = store::Database::open(
            m_dir.filePath("hivemind.db"),
            crypto::deriveSubkey(
                crypto::SecureBytes::fromRaw(QByteArray::fromBase64(m_server->masterKey())),
                crypto::Subkey::Database));
        if (!db) {
            qWarning() << db.error().toString();
            return {};
        }
        return std::move(db.value());
    }

private slots:
    void initTestCase()
    {
        const QString why = startServer(serverArgs());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_user = createApiUser(*m_http, m_admin, "retuser", "User!Passw0rd", "user");
        m_viewer = createApiUser(*m_http, m_admin, "retviewer", "User!Passw0rd", "viewer");
        QCOMPARE(m_user.status, 201);
        QCOMPARE(m_viewer.status, 201);
        // No limit at all while the tests set their own.
        const Answer off = m_http->json(
            "PUT", "/api/v1/system/config",
            {{"retention", QJsonObject{{"max_age_days", 0}, {"max_executions_per_flow", 0}}}},
            m_admin);
        QCOMPARE(off.status, 200);
    }

    void globalSettingsAndSeedFields()
    {
        // Seed 001's update body, password_policy.max_age_days included.
        const Answer seed = m_http->json(
            "PUT", "/api/v1/system/config",
            {{"api_rate_limit", 1000000},
             {"password_policy",
              QJsonObject{{"min_length", 12}, {"require_digits", true}, {"max_age_days", 60}}},
             {"retention", QJsonObject{{"max_age_days", 30}, {"max_database_mib", 0}}}},
            m_admin);
        QVERIFY2(seed.status == 200, seed.raw.constData());
        QCOMPARE(seed.data().value("password_policy").toObject().value("max_age_days").toInt(), 60);
        QCOMPARE(config().value("retention").toObject().value("max_age_days").toInt(), 30);
        QVERIFY(audited("SYSTEM_CONFIG_CHANGED", "system.config"));

        // Refused, nothing changed.
        const QJsonObject before = config();
        for (const QJsonObject &bad :
             {QJsonObject{{"retention", QJsonObject{{"max_age_days", -1}}}},
              QJsonObject{{"retention", QJsonObject{{"max_executions_per_flow", 2.5}}}},
              QJsonObject{{"retention", QJsonObject{{"max_database_mib", "big"}}}},
              QJsonObject{{"retention", QJsonObject{{"keep", 1}}}}, QJsonObject{{"retention", 5}},
              QJsonObject{{"retention", QJsonObject{{"max_age_days", 10}}},
                          {"password_policy", QJsonObject{{"max_age_days", 99999}}}}}) {
            const Answer refused = m_http->json("PUT", "/api/v1/system/config", bad, m_admin);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QVERIFY(refused.details().value("field").toString().startsWith(
                bad.contains("password_policy") ? "password_policy" : "retention"));
            QVERIFY(!refused.body.value("error").toObject().value("message").toString().isEmpty());
        }
        QCOMPARE(config(), before);
        // Only administrators change it.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_age_days", 1}}}}, m_user.token)
                     .status,
                 403);
        QCOMPARE(runPass().status, 200);
        QCOMPARE(
            m_http->send("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_user.token))
                .status,
            403);
        QCOMPARE(config(), before);
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_age_days", 0}}}}, m_admin)
                     .status,
                 200);
    }

    void flowSettingsValidatedAndAudited()
    {
        const QString id = flow(noopFlow());
        QVERIFY(!id.isEmpty());
        const Answer initial = m_http->get("/api/v1/flows/" + id + "/retention", m_admin);
        QCOMPARE(initial.status, 200);
        QVERIFY(initial.data().value("max_age_days").isNull());
        QVERIFY(initial.data().value("max_executions").isNull());

        const Answer set = m_http->json("PUT", "/api/v1/flows/" + id + "/retention",
                                        {{"max_age_days", 7}, {"max_executions", 100}}, m_admin);
        QVERIFY2(set.status == 200, set.raw.constData());
        QCOMPARE(set.data().value("max_executions").toInt(), 100);
        QVERIFY(audited("FLOW_RETENTION_CHANGED", id));

        for (const QJsonObject &bad :
             {QJsonObject{{"max_executions", -5}}, QJsonObject{{"max_age_days", 1.5}},
              QJsonObject{{"max_age_days", "7"}}, QJsonObject{{"keep_forever", true}}}) {
            const Answer refused =
                m_http->json("PUT", "/api/v1/flows/" + id + "/retention", bad, m_admin);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QVERIFY(!refused.details().value("field").toString().isEmpty());
        }
        // A USER who may not see the flow is told it does not exist; a
        // VIEWER may not change anything.
        const Answer other = m_http->json("PUT", "/api/v1/flows/" + id + "/retention",
                                          {{"max_executions", 1}}, m_user.token);
        QCOMPARE(other.status, 404);
        QCOMPARE(other.code(), QStringLiteral("FLOW_NOT_FOUND"));
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + id + "/retention", {{"max_executions", 1}},
                            m_viewer.token)
                     .status,
                 403);
        QCOMPARE(
            m_http->json("PUT", "/api/v1/flows/nope/retention", {{"max_executions", 1}}, m_admin)
                .code(),
            QStringLiteral("FLOW_NOT_FOUND"));
        const Answer after = m_http->get("/api/v1/flows/" + id + "/retention", m_admin);
        QCOMPARE(after.data().value("max_age_days").toInt(), 7);
        QCOMPARE(after.data().value("max_executions").toInt(), 100);
        // null: back to the global setting.
        const Answer reset = m_http->json("PUT", "/api/v1/flows/" + id + "/retention",
                                          {{"max_age_days", QJsonValue()}}, m_admin);
        QCOMPARE(reset.status, 200);
        QVERIFY(reset.data().value("max_age_days").isNull());
        QCOMPARE(reset.data().value("max_executions").toInt(), 100);
    }

    void countLimitsInBatchesKeepRunning()
    {
        // Global: 5 per flow. `big` keeps 10 of 1,110 (three batches of at
        // most 500), `plain` follows the global 5, `unlimited` keeps all (0),
        // `slow` keeps 1 but its executions are still running.
        const QString big = flow(noopFlow());
        const QString plain = flow(noopFlow());
        const QString unlimited = flow(noopFlow());
        const QString slow = flow(delayFlow());
        QVERIFY(!big.isEmpty() && !plain.isEmpty() && !unlimited.isEmpty() && !slow.isEmpty());
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_executions_per_flow", 5}}}}, m_admin)
                     .status,
                 200);
        for (const auto &[id, limit] :
             {std::pair{big, 10}, std::pair{unlimited, 0}, std::pair{slow, 1}})
            QCOMPARE(m_http
                         ->json("PUT", "/api/v1/flows/" + id + "/retention",
                                {{"max_executions", limit}}, m_admin)
                         .status,
                     200);
        QVERIFY(triggerEnded(big, 1110));
        QVERIFY(triggerEnded(plain, 8));
        QVERIFY(triggerEnded(unlimited, 8));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(triggerFlow(*m_http, m_admin, slow).status, 200);
        QCOMPARE(executions(big), 1110);

        // Triggers are answered while the pass runs (it never holds them).
        const QString busy = flow(noopFlow());
        QVERIFY(!busy.isEmpty());
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + busy + "/retention", {{"max_executions", 0}},
                            m_admin)
                     .status,
                 200);
        QNetworkReply *running =
            m_http->begin("POST", "/api/v1/system/retention/run", {}, Http::bearer(m_admin));
        QVERIFY(triggerEnded(busy, 100));
        const Answer pass = Http::finish(running);
        QVERIFY2(pass.status == 200, pass.raw.constData());
        QCOMPARE(pass.data().value("deleted").toInteger(), 1100 + 3);
        QCOMPARE(executions(busy), 100);
        QCOMPARE(executions(big), 10);
        QCOMPARE(executions(plain), 5);
        QCOMPARE(executions(unlimited), 8);
        QCOMPARE(executions(slow, "running"), 3);
        // The newest stay.
        const QJsonArray kept = m_http->get("/api/v1/executions?size=100&flow_id=" + big, m_admin)
                                    .data()
                                    .value("items")
                                    .toArray();
        QCOMPARE(kept.size(), 10);
        QVERIFY(audited("HISTORY_RETENTION_RUN", "retention"));
        // A second pass finds nothing more.
        QCOMPARE(runPass().data().value("deleted").toInteger(), 0);
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_executions_per_flow", 0}}}}, m_admin)
                     .status,
                 200);
    }

    void ageLimitWithFlowOverride()
    {
        const QString aged = flow(noopFlow());
        const QString keeper = flow(noopFlow());
        QVERIFY(!aged.isEmpty() && !keeper.isEmpty());
        QVERIFY(triggerEnded(aged, 5));
        QVERIFY(triggerEnded(keeper, 4));
        // keeper keeps everything whatever the global age says.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + keeper + "/retention", {{"max_age_days", 0}},
                            m_admin)
                     .status,
                 200);
        // Three of aged's and all of keeper's executions made 40 days old,
        // with the server stopped (its clock cannot be moved).
        QVERIFY(stopServer());
        {
            auto db = openDatabase();
            QVERIFY(db);
            const qint64 shift = 40LL * 24 * 3600 * 1000;
            QVERIFY(db->execute("UPDATE executions SET created_at = created_at - ?1, "
                                "started_at = started_at - ?1, ended_at = ended_at - ?1 "
                                "WHERE id IN (SELECT id FROM executions WHERE flow_id = ?2 "
                                "ORDER BY created_at LIMIT 3) OR flow_id = ?3",
                                {shift, aged, keeper})
                        .ok());
        }
        const QString why = restartServer(serverArgs());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // Seed 001's max_age_days: 30 days.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_age_days", 30}}}}, m_admin)
                     .status,
                 200);
        const Answer pass = runPass();
        QVERIFY2(pass.status == 200, pass.raw.constData());
        QCOMPARE(executions(aged), 2);
        QCOMPARE(executions(keeper), 4);
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"retention", QJsonObject{{"max_age_days", 0}}}}, m_admin)
                     .status,
                 200);
    }

    void storeFigures()
    {
        const Answer storage = m_http->get("/api/v1/system/storage", m_viewer.token);
        QVERIFY2(storage.status == 200, storage.raw.constData());
        const QJsonObject data = storage.data();
        QVERIFY(data.value("used_bytes").toInteger() > 0);
        QVERIFY(data.value("database_bytes").toInteger() >= data.value("used_bytes").toInteger());
        // A new database returns freed pages to the file system.
        QCOMPARE(data.value("auto_vacuum").toString(), QStringLiteral("incremental"));
        QVERIFY(!data.value("samples").toArray().isEmpty());
        // Since the restart of ageLimitWithFlowOverride its pass removed 3
        // aged executions and 2 of `slow` (ended by the restart's recovery,
        // beyond its limit of 1).
        QCOMPARE(data.value("retention").toObject().value("deleted_total").toInteger(), 5);
        const QJsonObject fs = data.value("filesystem").toObject();
        QVERIFY(fs.value("free_bytes").toInteger() > 0);
        QVERIFY(fs.value("total_bytes").toInteger() >= fs.value("free_bytes").toInteger());
        QVERIFY(!fs.value("state").toString().isEmpty());
        const Answer metrics = m_http->get("/metrics");
        QVERIFY(metrics.raw.contains("\nhivemind_store_used_bytes "));
        // The file's size is one gauge, the dashboard's, not two.
        QVERIFY(metrics.raw.contains("\nhivemind_database_size_bytes "));
        QVERIFY(!metrics.raw.contains("hivemind_store_database_bytes"));
        QVERIFY(metrics.raw.contains("\nhivemind_store_free_bytes "));
        QVERIFY(metrics.raw.contains("\nhivemind_store_state "));
        QVERIFY(metrics.raw.contains("\nhivemind_history_queue_full_total 0"));
    }

    // Runs last: it stops the server to read the store directly.
    void callbacksGoWithTheirExecutions()
    {
        RecordingPeer receiver;
        receiver.setAnswer([](const RecordedRequest &request) {
            RecordingPeer::Reply reply;
            if (request.path() == "/gone")
                reply.status = 400; // given up at once: failed
            else if (request.path() == "/retry")
                reply.status = 503; // tried again later: pending meanwhile
            return reply;
        });
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/system/config",
                            {{"security", QJsonObject{{"allow_private_networks", true}}}}, m_admin)
                     .status,
                 200);
        const QString id = flow(noopFlow());
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + id + "/retention", {{"max_executions", 1}},
                            m_admin)
                     .status,
                 200);
        const auto triggerWith = [&](const QString &path) {
            QJsonObject options;
            if (!path.isEmpty()) {
                options.insert("callback_url", receiver.url(path));
                options.insert("callback_secret", QStringLiteral("retention-secret-0123456789"));
            }
            const Answer a =
                m_http->json("POST", "/api/v1/flows/" + id + "/trigger",
                             {{"inputs", QJsonObject{}}, {"options", options}}, m_admin);
            if (a.status != 200)
                qWarning() << a.status << a.raw;
            return a.data().value("execution_id").toString();
        };
        const auto callbackStatus = [&](const QString &executionId) {
            return m_http->get("/api/v1/executions/" + executionId + "/callback", m_admin)
                .data()
                .value("status")
                .toString();
        };
        QStringList delivered;
        for (int i = 0; i < 3; ++i)
            delivered.append(triggerWith(QStringLiteral("/ok")));
        const QString failed = triggerWith(QStringLiteral("/gone"));
        const QString pending = triggerWith(QStringLiteral("/retry"));
        const QString newest = triggerWith({});
        QVERIFY(!newest.isEmpty() && !pending.isEmpty() && !failed.isEmpty());
        for (const QString &e : std::as_const(delivered))
            QTRY_COMPARE_WITH_TIMEOUT(callbackStatus(e), QStringLiteral("delivered"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(callbackStatus(failed), QStringLiteral("failed"), 20000);
        // Its first try answered 503: it waits for the next.
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.requestsTo("/retry").isEmpty(), 20000);
        QTRY_COMPARE(callbackStatus(pending), QStringLiteral("pending"));

        const Answer pass = runPass();
        QVERIFY2(pass.status == 200, pass.raw.constData());
        // The newest stays by the limit, the pending one until delivered.
        QCOMPARE(pass.data().value("deleted").toInteger(), 4);
        QCOMPARE(executions(id), 2);
        QCOMPARE(callbackStatus(pending), QStringLiteral("pending"));

        QVERIFY(stopServer());
        auto db = openDatabase();
        QVERIFY(db);
        const auto count = [&db](const char *sql) {
            auto n = db->queryInt(QString::fromLatin1(sql));
            return n ? n.value() : -1;
        };
        QCOMPARE(count("SELECT COUNT(*) FROM execution_callbacks WHERE execution_id NOT IN "
                       "(SELECT id FROM executions)"),
                 0);
        QCOMPARE(count("SELECT COUNT(*) FROM execution_callback_attempts WHERE execution_id NOT "
                       "IN (SELECT id FROM executions)"),
                 0);
        // The removed ones had tries recorded; the pending one keeps its own.
        QVERIFY(count("SELECT COUNT(*) FROM execution_callback_attempts") >= 1);
        auto kept = db->selectOne(
            QStringLiteral("SELECT status FROM execution_callbacks WHERE execution_id = ?1"),
            {pending});
        QVERIFY(kept && kept.value());
        QCOMPARE(kept.value()->text(0), QStringLiteral("pending"));
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() != QProcess::NotRunning)
            stopServer();
    }
};

QTEST_GUILESS_MAIN(TestHistoryRetention)
#include "TestHistoryRetention.moc"
