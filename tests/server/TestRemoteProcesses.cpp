// Remote operations end to end (issue 38 items 1, 2, 4, 11): real
// hivemind-agent processes against the real server. Node "web" runs an
// agent that grants processes (--allow processes), node "db" one with the
// default capabilities. Administrators list and kill; a USER only through
// a grant for the node's label (or every node), a VIEWER never; a grant on
// one node does nothing for another; what the agent does not grant is
// refused whoever asks; every kill is audited with the authenticated user.

#include "RemoteAgentSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace hm::test;

class TestRemoteProcesses : public QObject, private ServerFixture
{
    Q_OBJECT

    std::unique_ptr<RemoteAgents> m_agents;
    RemoteAgent m_web;
    RemoteAgent m_db;
    ApiUser m_ops;
    ApiUser m_other;
    ApiUser m_viewer;
    QString m_adminId;

    QJsonObject node(const QString &id)
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/") + id, m_admin).data();
    }

    Answer processes(const QString &nodeId, const QString &token, const QString &query = {})
    {
        return m_http->get(QStringLiteral("/api/v1/nodes/%1/processes%2").arg(nodeId, query),
                           token);
    }

    Answer kill(const QString &nodeId, qint64 pid, const QString &token,
                const QJsonObject &body = {{"signal", "USR1"}})
    {
        return m_http->json(
            "POST", QStringLiteral("/api/v1/nodes/%1/processes/%2/kill").arg(nodeId).arg(pid),
            body, token);
    }

    QString grant(const QString &kind, const QString &subject, const QString &label)
    {
        return m_agents->grant(kind, subject, label, QStringLiteral("processes"));
    }

    QJsonArray auditOf(const QString &action) { return m_agents->audit(action); }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        m_agents = std::make_unique<RemoteAgents>(*m_http, m_admin);
        QVERIFY(m_agents->isValid());
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 1}}, m_admin)
                     .status,
                 200);
        m_adminId = m_http->get(QStringLiteral("/api/v1/users/me"), m_admin)
                        .data()
                        .value("id")
                        .toString();
        m_ops = createApiUser(*m_http, m_admin, "ops", "Ops-password-1", "USER");
        m_other = createApiUser(*m_http, m_admin, "other", "Other-password-1", "USER");
        m_viewer = createApiUser(*m_http, m_admin, "watcher", "Watch-password-1", "VIEWER");
        QVERIFY(!m_ops.token.isEmpty() && !m_other.token.isEmpty() && !m_viewer.token.isEmpty());
        QVERIFY(m_agents->start(m_web, "web-1", {"web"}, {"--allow", "processes"}));
        QVERIFY(m_agents->start(m_db, "db-1", {"db"}));
        HM_WAIT_ONLINE(*m_agents, m_web);
        HM_WAIT_ONLINE(*m_agents, m_db);
    }

    void cleanupTestCase()
    {
        QVERIFY(m_web.stop());
        QVERIFY(m_db.stop());
    }

    void anAdministratorListsAndKills()
    {
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("300")});
        QVERIFY(sleeper.waitForStarted());
        const qint64 sleeperPid = sleeper.processId();
        const Answer listed = processes(m_web.nodeId, m_admin, "?search=sleep%20300&sort=pid");
        QCOMPARE(listed.status, 200);
        bool found = false;
        for (const QJsonValue &p : listed.data().value("items").toArray())
            found = found || qint64(p.toObject().value("pid").toDouble()) == sleeperPid;
        QVERIFY2(found, listed.raw.constData());
        QVERIFY(listed.data().value("total").toInt() > listed.data().value("matched").toInt());
        // Seed 002's path and shape.
        const Answer seed =
            m_http->get(QStringLiteral("/api/servers/%1/processes").arg(m_web.nodeId), m_admin);
        QCOMPARE(seed.status, 200);
        QVERIFY(seed.data().value("processes").toArray().size() > 1);

        const Answer killed = kill(m_web.nodeId, sleeperPid, m_admin);
        QCOMPARE(killed.status, 200);
        QCOMPARE(killed.data().value("signal").toString(), QStringLiteral("USR1"));
        QTRY_COMPARE_WITH_TIMEOUT(sleeper.state(), QProcess::NotRunning, 10000);
        QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit);

        const QJsonArray audit = auditOf("NODE_PROCESS_KILLED");
        QVERIFY(!audit.isEmpty());
        const QJsonObject entry = audit.first().toObject();
        QCOMPARE(entry.value("user_id").toString(), m_adminId);
        QCOMPARE(entry.value("resource_id").toString(), m_web.nodeId);
        const QJsonObject details = entry.value("details").toObject();
        QCOMPARE(qint64(details.value("pid").toDouble()), sleeperPid);
        QCOMPARE(details.value("result").toString(), QStringLiteral("success"));
    }

    void theAgentRefusesPidOneAndItself()
    {
        for (const qint64 pid : {qint64(1), m_web.process->processId()}) {
            const Answer refused = kill(m_web.nodeId, pid, m_admin, {{"signal", "KILL"}});
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.code(), QStringLiteral("FORBIDDEN"));
            QCOMPARE(refused.details().value("code"),
                     QStringLiteral("PROTECTED_PROCESS"));
        }
        QCOMPARE(m_web.process->state(), QProcess::Running);
        const QJsonObject failed = auditOf("NODE_PROCESS_KILLED").first().toObject();
        QCOMPARE(failed.value("details").toObject().value("result").toString(),
                 QStringLiteral("failure"));
        QCOMPARE(failed.value("details").toObject().value("reason").toString(),
                 QStringLiteral("PROTECTED_PROCESS"));
    }

    void whatTheAgentDoesNotGrantIsRefusedForEveryone()
    {
        const Answer refused = processes(m_db.nodeId, m_admin);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("CAPABILITY_DISABLED"));
        const Answer access =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/access").arg(m_db.nodeId), m_admin);
        QCOMPARE(access.status, 200);
        QVERIFY(access.data().value("granted").toArray().contains("processes"));
        QVERIFY(!access.data().value("usable").toArray().contains("processes"));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("pid not a number") << "POST" << "/processes/abc/kill" << QByteArray("{}")
                                          << 422 << "VALIDATION_ERROR";
        QTest::newRow("pid zero") << "POST" << "/processes/0/kill" << QByteArray("{}") << 422
                                  << "VALIDATION_ERROR";
        QTest::newRow("unknown signal") << "POST" << "/processes/12345/kill"
                                        << QByteArray(R"({"signal":"SEGV"})") << 422
                                        << "VALIDATION_ERROR";
        QTest::newRow("signal as object") << "POST" << "/processes/12345/kill"
                                          << QByteArray(R"({"signal":{}})") << 422
                                          << "VALIDATION_ERROR";
        QTest::newRow("bad sort") << "GET" << "/processes?sort=size" << QByteArray() << 422
                                  << "VALIDATION_ERROR";
        QTest::newRow("bad limit") << "GET" << "/processes?limit=0" << QByteArray() << 422
                                   << "VALIDATION_ERROR";
    }

    void badInputIsRefused()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const Answer answer = m_http->send(
            method.toLatin1(), QStringLiteral("/api/v1/nodes/") + m_web.nodeId + path, body,
            {{"Authorization", "Bearer " + m_admin.toUtf8()},
             {"Content-Type", "application/json"}});
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.code(), code);
        const Answer unknown = processes(QStringLiteral("no-such-node"), m_admin);
        QCOMPARE(unknown.status, 404);
    }

    // Issue 38 item 2: table-driven, every route with every caller.
    void usersActOnlyThroughGrants()
    {
        // Before any grant: the USER is refused by the server, the VIEWER
        // by its role.
        QCOMPARE(processes(m_web.nodeId, m_ops.token).status, 403);
        QCOMPARE(processes(m_web.nodeId, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(kill(m_web.nodeId, 12345, m_ops.token).status, 403);
        QCOMPARE(processes(m_web.nodeId, m_viewer.token).status, 403);
        QCOMPARE(processes(m_web.nodeId, m_viewer.token).code(),
                 QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        const QJsonObject refusal = auditOf("NODE_PROCESS_KILLED").first().toObject();
        QCOMPARE(refusal.value("user_id").toString(), m_ops.id);
        QCOMPARE(refusal.value("details").toObject().value("error").toString(),
                 QStringLiteral("FORBIDDEN"));

        // A grant for label "web": node web-1, not db-1 (nor another user).
        const QString webGrant = grant("user", m_ops.id, "web");
        QVERIFY(!webGrant.isEmpty());
        QCOMPARE(processes(m_web.nodeId, m_ops.token).status, 200);
        QCOMPARE(processes(m_db.nodeId, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(processes(m_web.nodeId, m_other.token).code(),
                 QStringLiteral("FORBIDDEN"));
        const Answer access =
            m_http->get(QStringLiteral("/api/v1/nodes/%1/access").arg(m_web.nodeId), m_ops.token);
        QCOMPARE(access.data().value("usable").toArray(), QJsonArray{"processes"});
        const Answer viewerAccess = m_http->get(
            QStringLiteral("/api/v1/nodes/%1/access").arg(m_web.nodeId), m_viewer.token);
        QCOMPARE(viewerAccess.data().value("granted").toArray(), QJsonArray());

        // Every USER on every node: the agent of db-1 still says no.
        const QString everyone = grant("role", "USER", "*");
        QVERIFY(!everyone.isEmpty());
        QCOMPARE(processes(m_web.nodeId, m_other.token).status, 200);
        QCOMPARE(processes(m_db.nodeId, m_other.token).code(),
                 QStringLiteral("CAPABILITY_DISABLED"));
        QCOMPARE(processes(m_web.nodeId, m_viewer.token).status, 403);

        // Revoked: the next request is refused.
        for (const QString &id : {webGrant, everyone})
            QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/v1/nodes/grants/") + id, {},
                                  {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                         .status,
                     200);
        QCOMPARE(processes(m_web.nodeId, m_ops.token).code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(auditOf("NODE_GRANT_CREATED").size(), 2);
        QCOMPARE(auditOf("NODE_GRANT_DELETED").size(), 2);
    }

    void grantsAreValidated_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject good{{"subject_kind", "role"},
                               {"subject", "USER"},
                               {"label", "web"},
                               {"capability", "processes"}};
        auto with = [&good](const char *key, const QJsonValue &value) {
            QJsonObject body = good;
            body.insert(QLatin1String(key), value);
            return body;
        };
        QTest::newRow("admin role") << with("subject", "ADMIN") << "subject";
        QTest::newRow("viewer role") << with("subject", "VIEWER") << "subject";
        QTest::newRow("unknown kind") << with("subject_kind", "group") << "subject_kind";
        QTest::newRow("metrics") << with("capability", "metrics") << "capability";
        QTest::newRow("unknown capability") << with("capability", "root") << "capability";
        QTest::newRow("bad label") << with("label", "a b") << "label";
        QTest::newRow("no label") << with("label", QJsonValue()) << "label";
        QTest::newRow("unknown user") << QJsonObject{{"subject_kind", "user"},
                                                     {"subject", "nobody"},
                                                     {"label", "web"},
                                                     {"capability", "processes"}}
                                      << "subject";
    }

    void grantsAreValidated()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const Answer answer = m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"), body,
                                           m_admin);
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.details().value("field"),
                 field);
    }

    void grantsBelongToAdministrators()
    {
        const QJsonObject body{{"subject_kind", "user"},
                               {"subject", m_viewer.id},
                               {"label", "web"},
                               {"capability", "processes"}};
        QCOMPARE(m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"), body, m_admin)
                     .code(),
                 QStringLiteral("VALIDATION_ERROR")); // viewers never act
        QJsonObject ops = body;
        ops.insert("subject", m_ops.id);
        QCOMPARE(m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"), ops, m_ops.token)
                     .status,
                 403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/grants"), m_ops.token).status, 403);
        QCOMPARE(m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"), ops, m_admin).status,
                 201);
        QCOMPARE(m_http->json("POST", QStringLiteral("/api/v1/nodes/grants"), ops, m_admin).status,
                 409);
        const QJsonArray all =
            m_http->get(QStringLiteral("/api/v1/nodes/grants"), m_admin).data().value("items")
                .toArray();
        QCOMPARE(all.size(), 1);
        // The user's grants go with the account.
        QCOMPARE(m_http->send("DELETE", QStringLiteral("/api/v1/users/") + m_ops.id, {},
                              {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/grants"), m_admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
    }

    // Issue 38 item 11: Audit & Logs filters by node.
    void theAuditFiltersByNode()
    {
        QHash<QString, int> kills;
        for (const RemoteAgent *agent : {&m_web, &m_db}) {
            const Answer answer = m_http->get(
                QStringLiteral("/api/v1/audit?node_id=%1&size=100").arg(agent->nodeId), m_admin);
            QCOMPARE(answer.status, 200);
            const QJsonArray entries = answer.data().value("audit_logs").toArray();
            QVERIFY(!entries.isEmpty());
            for (const QJsonValue &entry : entries) {
                QCOMPARE(entry["resource_type"].toString(), QStringLiteral("node"));
                QCOMPARE(entry["resource_id"].toString(), agent->nodeId);
                if (entry["action"].toString() == u"NODE_PROCESS_KILLED")
                    ++kills[agent->nodeId];
            }
        }
        // Every kill is on one node's list or the other's, none on both.
        QVERIFY(kills.value(m_web.nodeId) > 0);
        QCOMPARE(kills.value(m_web.nodeId) + kills.value(m_db.nodeId),
                 int(auditOf("NODE_PROCESS_KILLED").size()));
        // The same through resource_type + resource_id.
        QCOMPARE(m_http
                     ->get(QStringLiteral("/api/v1/audit?resource_type=node&resource_id=%1"
                                          "&action=NODE_PROCESS_KILLED&size=100")
                               .arg(m_web.nodeId),
                           m_admin)
                     .data()
                     .value("audit_logs")
                     .toArray()
                     .size(),
                 kills.value(m_web.nodeId));
        const Answer contradictory = m_http->get(
            QStringLiteral("/api/v1/audit?node_id=%1&resource_type=flow").arg(m_web.nodeId),
            m_admin);
        QCOMPARE(contradictory.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(contradictory.details().value("field").toString(), QStringLiteral("node_id"));
    }

    void anOfflineNodeSaysSo()
    {
        m_web.process->terminate();
        QVERIFY(m_web.process->waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(node(m_web.nodeId).value("status").toString(),
                                  QStringLiteral("offline"), 20000);
        const Answer offline = processes(m_web.nodeId, m_admin);
        QCOMPARE(offline.status, 409);
        QCOMPARE(offline.code(), QStringLiteral("NODE_OFFLINE"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteProcesses)
#include "TestRemoteProcesses.moc"
