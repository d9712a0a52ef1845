// The fleet's alerts against a real server (issue 35): rules managed by
// administrators and read by everyone signed in; a CPU rule driven by an
// agent's reports fires after its duration and resolves after the same
// time under its clear level; an offline rule fires when the agent goes and
// resolves when it comes back; records filtered, resolved by hand once;
// every firing announced on /ws/events as seed 001's alert message. The
// agent is AgentPeer (the protocol by hand), sending chosen values at
// chosen times.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

class TestAlertsApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    QWebSocket m_events; // /ws/events as a viewer
    QList<QJsonObject> m_alerts;
    QList<QJsonObject> m_windowEvents; // alert_maintenance_* {type, data}
    QString m_viewer;

    Answer createRule(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", QStringLiteral("/api/v1/alerts/rules"), body,
                            token.isEmpty() ? m_admin : token);
    }
    QJsonArray records(const QString &query = {})
    {
        return m_http->get(QStringLiteral("/api/v1/alerts/records") + query, m_admin)
            .data()
            .value("items")
            .toArray();
    }
    static fleet::ReportMessage cpuAt(qint64 seq, qint64 timeMs, double cpu)
    {
        return fleet::ReportMessage{seq, timeMs, {{QStringLiteral("cpu_usage"), cpu}}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "alertviewer", "Alert-Viewer-1", "viewer");
        QCOMPARE(viewer.status, 201);
        m_viewer = viewer.token;
        connect(&m_events, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value("type") == QLatin1String("alert"))
                m_alerts.append(message.value("data").toObject());
            if (message.value("type").toString().startsWith(QLatin1String("alert_maintenance_")))
                m_windowEvents.append(message);
        });
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        QNetworkRequest request(events);
        request.setRawHeader("Authorization", "Bearer " + m_viewer.toUtf8());
        m_events.open(request);
        QTRY_COMPARE_WITH_TIMEOUT(m_events.state(), QAbstractSocket::ConnectedState, 15000);
    }

    void rulesAreAdministratorsToManage()
    {
        // A viewer reads and cannot write.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/rules"), m_viewer).status, 200);
        const Answer refused =
            createRule({{"name", "cpu"}, {"type", "cpu"}, {"threshold", 80}}, m_viewer);
        QCOMPARE(refused.status, 403);
        // Bad input: a clear code naming the field, nothing stored.
        const struct
        {
            QJsonObject body;
            const char *field;
        } bad[] = {
            {{{"name", "x"}, {"type", "ping"}, {"threshold", 1}}, "type"},
            {{{"name", "x"}, {"type", "probe"}}, "probe_id"},
            {{{"name", "x"}, {"type", "probe"}, {"probe_id", "Web Site"}}, "probe_id"},
            {{{"name", "x"}, {"type", "certificate"}, {"probe_id", "web"}}, "threshold"},
            {{{"name", "x"}, {"type", "certificate"}, {"probe_id", "web"}, {"threshold", -1}},
             "threshold"},
            {{{"name", "x"}, {"type", "certificate"}, {"threshold", 14}}, "probe_id"},
            {{{"name", "x"}, {"type", "probe"}, {"probe_id", "no-such-probe"}}, "probe_id"},
            {{{"name", "x"}, {"type", "cpu"}, {"threshold", 101}}, "threshold"},
            {{{"name", "x"}, {"type", "load"}, {"threshold", -1}}, "threshold"},
            {{{"name", ""}, {"type", "cpu"}, {"threshold", 50}}, "name"},
            {{{"name", "x"}, {"type", "cpu"}, {"threshold", 50}, {"duration", 90000}}, "duration"},
            {{{"name", "x"}, {"type", "cpu"}, {"threshold", 50}, {"label", "a b"}}, "label"},
            {{{"name", "x"}, {"type", "cpu"}, {"threshold", 50}, {"node_id", "nope"}}, "node_id"},
            {{{"name", "x"}, {"type", "cpu"}}, "threshold"},
        };
        for (const auto &[body, field] : bad) {
            const Answer answer = createRule(body);
            QCOMPARE(answer.status, 422);
            QCOMPARE(answer.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(answer.details().value("field").toString(), QLatin1String(field));
        }
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/rules"), m_admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        // Create, change, delete; each audited.
        const Answer made = createRule(
            {{"name", "Disk filling"}, {"type", "disk"}, {"threshold", 90}, {"duration", 600}});
        QCOMPARE(made.status, 201);
        const QString id = made.data().value("id").toString();
        QCOMPARE(made.data().value("duration").toInt(), 600);
        QVERIFY(made.data().value("node_id").isNull());
        const Answer changed = m_http->json("PUT", QStringLiteral("/api/v1/alerts/rules/") + id,
                                            {{"threshold", 95}, {"enabled", false}}, m_admin);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.data().value("threshold").toDouble(), 95.0);
        QCOMPARE(changed.data().value("enabled").toBool(), false);
        QCOMPARE(changed.data().value("name").toString(), QStringLiteral("Disk filling"));
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/alerts/rules/") + id, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/rules/") + id, m_admin).status, 404);
        const QJsonArray audit =
            m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin)
                .data()
                .value("audit_logs")
                .toArray();
        QStringList actions;
        for (const QJsonValue entry : audit)
            actions << entry.toObject().value("action").toString();
        for (const char *action :
             {"ALERT_RULE_CREATED", "ALERT_RULE_UPDATED", "ALERT_RULE_DELETED"})
            QVERIFY2(actions.contains(QLatin1String(action)), action);
    }

    // A maintenance window on a node: its reports over the threshold raise
    // nothing meanwhile; after the window ends (deleted) the rule counts its
    // duration anew and fires. Viewers read windows, only ADMIN makes them.
    void maintenanceWindowSuppresses()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("maint-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        QCOMPARE(createRule({{"name", "CPU maint"},
                             {"type", "cpu"},
                             {"threshold", 50},
                             {"duration", 10},
                             {"node_id", nodeId}})
                     .status,
                 201);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString path = QStringLiteral("/api/v1/alerts/maintenance");
        const QJsonObject body{{"name", "Kernel upgrade"},
                               {"starts_at", now.addSecs(-600).toString(Qt::ISODateWithMs)},
                               {"ends_at", now.addSecs(3600).toString(Qt::ISODateWithMs)},
                               {"node_id", nodeId}};
        QCOMPARE(m_http->json("POST", path, body, m_viewer).status, 403);
        QJsonObject backwards = body;
        backwards.insert("ends_at", now.addSecs(-700).toString(Qt::ISODateWithMs));
        Answer refused = m_http->json("POST", path, backwards, m_admin);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.details().value("field").toString(), QStringLiteral("ends_at"));
        QJsonObject tooLong = body;
        tooLong.insert("ends_at", now.addDays(40).toString(Qt::ISODateWithMs));
        QCOMPARE(m_http->json("POST", path, tooLong, m_admin).status, 422);
        const Answer made = m_http->json("POST", path, body, m_admin);
        QCOMPARE(made.status, 201);
        const QString windowId = made.data().value("id").toString();
        // Every console (here a viewer's) hears of it at once.
        QTRY_COMPARE(m_windowEvents.size(), 1);
        QCOMPARE(m_windowEvents[0].value("type").toString(),
                 QStringLiteral("alert_maintenance_created"));
        const QJsonObject createdEvent = m_windowEvents[0].value("data").toObject();
        QCOMPARE(createdEvent.value("window_id").toString(), windowId);
        QCOMPARE(createdEvent.value("window").toObject(), made.data());
        const Answer listed = m_http->get(path, m_viewer);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.data().value("items").toArray().size(), 1);
        // Nor may a viewer end one; it stays.
        QCOMPARE(m_http->send("DELETE", path + u'/' + windowId, {}, Http::bearer(m_viewer)).status,
                 403);
        QCOMPARE(m_http->get(path, m_viewer).data().value("items").toArray().size(), 1);

        m_alerts.clear();
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 100'000;
        qint64 seq = 0;
        const auto send = [&](qint64 offsetS, double cpu) {
            agent.send(fleet::serialize(cpuAt(++seq, t0 + offsetS * 1000, cpu)));
            return agent.waitForMessages(2 + seq);
        };
        // Over the threshold for 30 s inside the window: nothing.
        QVERIFY(send(0, 90));
        QVERIFY(send(10, 91));
        QVERIFY(send(20, 92));
        QVERIFY(send(30, 93));
        QVERIFY(records(QStringLiteral("?node_id=") + nodeId).isEmpty());
        QVERIFY(m_alerts.isEmpty());
        // The window ends: the duration counts from the next report.
        QCOMPARE(m_http
                     ->send("DELETE", path + u'/' + windowId, {},
                            {{"Authorization", "Bearer " + m_admin.toUtf8()}})
                     .status,
                 200);
        QVERIFY(m_http->get(path, m_viewer).data().value("items").toArray().isEmpty());
        QTRY_COMPARE(m_windowEvents.size(), 2);
        QCOMPARE(m_windowEvents[1].value("type").toString(),
                 QStringLiteral("alert_maintenance_deleted"));
        QCOMPARE(m_windowEvents[1].value("data").toObject(),
                 QJsonObject({{"window_id", windowId}}));
        QVERIFY(send(40, 94));
        QVERIFY(records(QStringLiteral("?node_id=") + nodeId).isEmpty());
        QVERIFY(send(50, 95));
        QTRY_COMPARE(m_alerts.size(), 1);
        QCOMPARE(records(QStringLiteral("?node_id=") + nodeId).size(), 1);
        QVERIFY(m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin)
                    .raw.contains("ALERT_MAINTENANCE_CREATED"));
    }

    void cpuRuleFiresAfterItsDurationAndResolves()
    {
        AgentPeer agent;
        const QString nodeId =
            enrolledNode(*m_http, m_admin, QStringLiteral("hot-01"), agent, {"prod"});
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        // Covers nodes labelled prod; 80 % for 20 s.
        const Answer made = createRule({{"name", "CPU high"},
                                        {"type", "cpu"},
                                        {"threshold", 80},
                                        {"duration", 20},
                                        {"label", "prod"}});
        QCOMPARE(made.status, 201);
        const QString ruleId = made.data().value("id").toString();
        m_alerts.clear();
        // Report times are the agent's: 10 s apart, the last minute.
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 120'000;
        qint64 seq = 0;
        const auto send = [&](qint64 offsetS, double cpu) {
            agent.send(fleet::serialize(cpuAt(++seq, t0 + offsetS * 1000, cpu)));
            return agent.waitForMessages(2 + seq); // acknowledged: evaluated
        };
        QVERIFY(send(0, 95));
        QVERIFY(send(10, 82)); // over for 10 s: not yet
        QVERIFY(records(QStringLiteral("?node_id=") + nodeId).isEmpty());
        QVERIFY(send(20, 90)); // 20 s: fires
        QTRY_COMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts[0].value("status").toString(), QStringLiteral("active"));
        QCOMPARE(m_alerts[0].value("name").toString(), QStringLiteral("CPU high"));
        QCOMPARE(m_alerts[0].value("current_value").toDouble(), 90.0);
        QCOMPARE(m_alerts[0].value("threshold").toDouble(), 80.0);
        QCOMPARE(m_alerts[0].value("node_name").toString(), QStringLiteral("hot-01"));
        const QJsonArray open = records(QStringLiteral("?only_unresolved=true&node_id=") + nodeId);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0].toObject().value("rule_id").toString(), ruleId);
        // Hovering in the band under the threshold (clear level 76): still open.
        QVERIFY(send(30, 78));
        QVERIFY(send(40, 81));
        QVERIFY(send(50, 77));
        // Under the clear level for 20 s: resolved by itself.
        QVERIFY(send(60, 40));
        QVERIFY(send(70, 35));
        QCOMPARE(m_alerts.size(), 1);
        QVERIFY(send(80, 30));
        QTRY_COMPARE(m_alerts.size(), 2);
        QCOMPARE(m_alerts[1].value("status").toString(), QStringLiteral("resolved"));
        const QJsonArray all = records(QStringLiteral("?node_id=") + nodeId);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].toObject().value("status").toString(), QStringLiteral("resolved"));
        QVERIFY(all[0].toObject().value("resolved_by").isNull());
        QVERIFY(all[0].toObject().value("resolved_by_name").isNull());
        QVERIFY(records(QStringLiteral("?only_unresolved=true&node_id=") + nodeId).isEmpty());
        // A node without the label is not covered.
        AgentPeer other;
        const QString otherId = enrolledNode(*m_http, m_admin, QStringLiteral("cold-01"), other);
        QVERIFY(signInAgent(*m_http, other, otherId));
        other.send(fleet::serialize(cpuAt(1, t0, 99)));
        other.send(fleet::serialize(cpuAt(2, t0 + 60'000, 99)));
        QVERIFY(other.waitForMessages(4));
        QVERIFY(records(QStringLiteral("?node_id=") + otherId).isEmpty());

        // Fires again; resolved by hand once (a second time is a conflict);
        // a viewer may not resolve.
        QVERIFY(send(90, 99));
        QVERIFY(send(110, 99));
        QTRY_COMPARE(m_alerts.size(), 3);
        const QString recordId = m_alerts[2].value("id").toString();
        const QString resolvePath =
            QStringLiteral("/api/v1/alerts/records/%1/resolve").arg(recordId);
        QCOMPARE(m_http->json("POST", resolvePath, {}, m_viewer).status, 403);
        const Answer resolved = m_http->json("POST", resolvePath, {}, m_admin);
        QCOMPARE(resolved.status, 200);
        QCOMPARE(resolved.data().value("status").toString(), QStringLiteral("resolved"));
        QVERIFY(!resolved.data().value("resolved_by").toString().isEmpty());
        QCOMPARE(resolved.data().value("resolved_by_name").toString(), kAdmin);
        const Answer again = m_http->json("POST", resolvePath, {}, m_admin);
        QCOMPARE(again.status, 409);
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/alerts/records/nope/resolve"), {}, m_admin)
                .status,
            404);
        // Resolved by hand while still over: no new record until the value
        // cleared (no announcement for the silent clearing either), then
        // it fires again.
        QVERIFY(send(130, 99));
        QVERIFY(send(150, 99));
        QVERIFY(send(160, 30));
        QVERIFY(send(170, 30));
        QVERIFY(send(180, 30));
        QCOMPARE(m_alerts.size(), 4); // the manual resolution only
        QVERIFY(records(QStringLiteral("?only_unresolved=true&node_id=") + nodeId).isEmpty());
        QVERIFY(send(190, 99));
        QVERIFY(send(210, 99));
        QTRY_COMPARE(m_alerts.size(), 5);
        QCOMPARE(m_alerts[4].value("status").toString(), QStringLiteral("active"));
        // Records filter by type; a bad type is a field error.
        QCOMPARE(records(QStringLiteral("?type=cpu&node_id=") + nodeId).size(), 3);
        QCOMPARE(records(QStringLiteral("?type=disk&node_id=") + nodeId).size(), 0);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/records?type=ping"), m_admin).status,
                 422);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/alerts/rules/") + ruleId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        // The records outlive their rule (its open one resolved with it).
        QCOMPARE(records(QStringLiteral("?node_id=") + nodeId).size(), 3);
        QVERIFY(records(QStringLiteral("?only_unresolved=true&node_id=") + nodeId).isEmpty());
    }

    // Probe rules (issue 35, "Probes"): a probe rule fires while its probe
    // reports down for the duration and resolves when it is up again; a
    // certificate rule fires when the certificate has fewer days left than
    // its threshold. Another probe's values do not count.
    void probeAndCertificateRules()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("edge-01"), agent);
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        // The probe the rules watch (scoped elsewhere: this test's agent
        // sends the values itself).
        QCOMPARE(m_http
                     ->json("POST", QStringLiteral("/api/v1/probes"),
                            {{"id", "web"},
                             {"name", "Web"},
                             {"kind", "http"},
                             {"target", "https://example.com/"},
                             {"scope", QJsonObject{{"type", "label"}, {"value", "nowhere"}}}},
                            m_admin)
                     .status,
                 201);
        const Answer down = createRule({{"name", "Web down"},
                                        {"type", "probe"},
                                        {"probe_id", "web"},
                                        {"duration", 20},
                                        {"node_id", nodeId}});
        QCOMPARE(down.status, 201);
        QCOMPARE(down.data().value("probe_id").toString(), QStringLiteral("web"));
        QCOMPARE(down.data().value("threshold").toDouble(), 0.5);
        const Answer cert = createRule({{"name", "Web certificate"},
                                        {"type", "certificate"},
                                        {"probe_id", "web"},
                                        {"threshold", 14},
                                        {"node_id", nodeId}});
        QCOMPARE(cert.status, 201);
        // A probe id on a rule that reads no probe is dropped.
        const Answer cpu =
            createRule({{"name", "cpu"}, {"type", "cpu"}, {"threshold", 99}, {"probe_id", "web"}});
        QCOMPARE(cpu.status, 201);
        QVERIFY(cpu.data().value("probe_id").isNull());

        m_alerts.clear();
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 120'000;
        qint64 seq = 0;
        const auto send = [&](qint64 offsetS, double up, double days) {
            const fleet::ReportMessage report{++seq,
                                              t0 + offsetS * 1000,
                                              {{QStringLiteral("probe.web.up"), up},
                                               {QStringLiteral("probe.web.cert_days"), days},
                                               // Another probe down all along: not this rule's.
                                               {QStringLiteral("probe.api.up"), 0}}};
            agent.send(fleet::serialize(report));
            return agent.waitForMessages(2 + seq);
        };
        QVERIFY(send(0, 1, 30));
        QVERIFY(send(10, 0, 30));
        QVERIFY(send(20, 0, 30)); // down for 10 s: not yet
        QVERIFY(records(QStringLiteral("?node_id=") + nodeId).isEmpty());
        QVERIFY(send(30, 0, 30)); // 20 s: fires
        QTRY_COMPARE(m_alerts.size(), 1);
        QCOMPARE(m_alerts[0].value("name").toString(), QStringLiteral("Web down"));
        QCOMPARE(m_alerts[0].value("current_value").toDouble(), 0.0);
        QVERIFY(send(40, 1, 30));
        QVERIFY(send(50, 1, 30));
        QCOMPARE(m_alerts.size(), 1);
        QVERIFY(send(60, 1, 30)); // up for 20 s: resolved
        QTRY_COMPARE(m_alerts.size(), 2);
        QCOMPARE(m_alerts[1].value("status").toString(), QStringLiteral("resolved"));

        // The certificate nears its end: fires at once (duration 0)...
        QVERIFY(send(70, 1, 13.5));
        QTRY_COMPARE(m_alerts.size(), 3);
        QCOMPARE(m_alerts[2].value("name").toString(), QStringLiteral("Web certificate"));
        QCOMPARE(m_alerts[2].value("status").toString(), QStringLiteral("active"));
        QCOMPARE(m_alerts[2].value("current_value").toDouble(), 13.5);
        QCOMPARE(m_alerts[2].value("threshold").toDouble(), 14.0);
        // ...hovers at the threshold without resolving, and resolves once
        // the renewed certificate reads well above it.
        QVERIFY(send(80, 1, 14.5));
        QVERIFY(send(90, 1, 13.9));
        QCOMPARE(m_alerts.size(), 3);
        QVERIFY(send(100, 1, 89.9));
        QTRY_COMPARE(m_alerts.size(), 4);
        QCOMPARE(m_alerts[3].value("status").toString(), QStringLiteral("resolved"));
        QCOMPARE(records(QStringLiteral("?type=probe&node_id=") + nodeId).size(), 1);
        QCOMPARE(records(QStringLiteral("?type=certificate&node_id=") + nodeId).size(), 1);
        for (const Answer &made : {down, cert, cpu})
            QCOMPARE(m_http
                         ->send("DELETE",
                                QStringLiteral("/api/v1/alerts/rules/") +
                                    made.data().value("id").toString(),
                                {}, Http::bearer(m_admin))
                         .status,
                     200);
    }

    void offlineRuleFollowsTheAgent()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("away-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        const Answer made = createRule(
            {{"name", "Node away"}, {"type", "offline"}, {"node_id", nodeId}, {"duration", 0}});
        QCOMPARE(made.status, 201);
        QCOMPARE(made.data().value("threshold").toDouble(), 0.0);
        m_alerts.clear();
        agent.socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, 10000);
        QCOMPARE(m_alerts[0].value("type").toString(), QStringLiteral("offline"));
        QCOMPARE(m_alerts[0].value("status").toString(), QStringLiteral("active"));
        AgentPeer back;
        back.keys = std::move(agent.keys);
        QVERIFY(signInAgent(*m_http, back, nodeId));
        QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 2, 10000);
        QCOMPARE(m_alerts[1].value("status").toString(), QStringLiteral("resolved"));
        QVERIFY(records(QStringLiteral("?only_unresolved=1&node_id=") + nodeId).isEmpty());

        // Away again, resolved by hand while still away: no new record. A
        // rule change runs the offline check inside its request, so the
        // answer after it says what the check did.
        back.socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 3, 10000);
        const QString recordId = m_alerts[2].value("id").toString();
        QCOMPARE(m_http
                     ->json("POST",
                            QStringLiteral("/api/v1/alerts/records/%1/resolve").arg(recordId), {},
                            m_admin)
                     .status,
                 200);
        // Its event comes over /ws/events, after the answer (late under the
        // sanitizers' load: the count below was read before it came).
        QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 4, 10000);
        QCOMPARE(createRule({{"name", "Unrelated"}, {"type", "load"}, {"threshold", 50}}).status,
                 201);
        QVERIFY(records(QStringLiteral("?only_unresolved=1&node_id=") + nodeId).isEmpty());
        QCOMPARE(m_alerts.size(), 4); // the manual resolution only
    }

    // Seed 002's own body for a rule names none: it is called after what
    // it watches. A name given still wins.
    void aSeedRuleBodyWithoutANameIsNamedByWhatItWatches()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("seed-01"), agent);
        const Answer made = m_http->json("POST", QStringLiteral("/api/alerts/settings"),
                                         {{"type", "cpu"},
                                          {"threshold", 80.0},
                                          {"duration", 300},
                                          {"enabled", true},
                                          {"server_id", nodeId}},
                                         m_admin);
        QVERIFY2(made.status == 201, made.raw.constData());
        QCOMPARE(made.data().value("name").toString(), QStringLiteral("cpu over 80"));
        QCOMPARE(made.data().value("node_id").toString(), nodeId);
        QCOMPARE(
            createRule({{"type", "cpu"}, {"threshold", 90}, {"name", ""}}).details().value("field"),
            QJsonValue("name"));
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + nodeId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
    }

    // Deleting a node takes its own rules and maintenance windows (the
    // store's cascade) from the alert service too: none is listed or
    // evaluated afterwards, and the rule cannot be moved to another node.
    void aDeletedNodesRulesAndWindowsGoWithIt()
    {
        AgentPeer doomed;
        const QString doomedId =
            enrolledNode(*m_http, m_admin, QStringLiteral("doomed-01"), doomed);
        const Answer rule = createRule(
            {{"name", "Doomed CPU"}, {"type", "cpu"}, {"threshold", 50}, {"node_id", doomedId}});
        QCOMPARE(rule.status, 201);
        const QString ruleId = rule.data().value("id").toString();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Answer window =
            m_http->json("POST", QStringLiteral("/api/v1/alerts/maintenance"),
                         {{"name", "Doomed window"},
                          {"starts_at", now.addSecs(-60).toString(Qt::ISODateWithMs)},
                          {"ends_at", now.addSecs(3600).toString(Qt::ISODateWithMs)},
                          {"node_id", doomedId}},
                         m_admin);
        QCOMPARE(window.status, 201);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + doomedId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/alerts/rules/") + ruleId, m_admin).status,
                 404);
        const QByteArray rules = m_http->get(QStringLiteral("/api/v1/alerts/rules"), m_admin).raw;
        QVERIFY2(!rules.contains(ruleId.toUtf8()), rules.constData());
        const QByteArray windows =
            m_http->get(QStringLiteral("/api/v1/alerts/maintenance"), m_admin).raw;
        QVERIFY2(!windows.contains("Doomed window"), windows.constData());
        // Moving the rule to another node is not possible: it is gone.
        AgentPeer other;
        const QString otherId = enrolledNode(*m_http, m_admin, QStringLiteral("after-01"), other);
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/alerts/rules/") + ruleId,
                            {{"node_id", otherId}}, m_admin)
                     .status,
                 404);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + otherId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
    }

    // Seed 001's monitoring routes read what the fleet reported: the
    // dashboard's system metrics (one node's latest report), its service
    // and alert figures, one metric's history with statistics, and seed
    // 001's rule body becoming a fleet rule. Nothing made up, bad names
    // refused.
    void seedMonitoringRoutesReadTheFleet()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(*m_http, m_admin, QStringLiteral("mon-01"), agent);
        QVERIFY(signInAgent(*m_http, agent, nodeId));
        const qint64 at = QDateTime::currentMSecsSinceEpoch() - 5000;
        agent.send(fleet::serialize(fleet::ReportMessage{1,
                                                         at,
                                                         {{QStringLiteral("cpu_usage"), 40},
                                                          {QStringLiteral("memory_total"), 8e9},
                                                          {QStringLiteral("memory_used"), 2e9},
                                                          {QStringLiteral("disk_total"), 100e9},
                                                          {QStringLiteral("disk_used"), 25e9},
                                                          {QStringLiteral("load_avg_1"), 1},
                                                          {QStringLiteral("load_avg_5"), 2},
                                                          {QStringLiteral("load_avg_15"), 3}}}));
        QVERIFY(agent.waitForMessages(3));

        const QString dashboard = QStringLiteral("/api/v1/monitoring/dashboard");
        QCOMPARE(m_http->get(dashboard).status, 401);
        const Answer node =
            m_http->get(dashboard + QStringLiteral("?time_range=24h&node_id=") + nodeId, m_viewer);
        QVERIFY2(node.status == 200, node.raw.constData());
        QCOMPARE(node.data().value("time_range").toString(), QStringLiteral("24h"));
        const QJsonObject system = node.data().value("system_metrics").toObject();
        QCOMPARE(system.value("scope").toString(), QStringLiteral("node"));
        QCOMPARE(system.value("cpu").toObject().value("usage").toDouble(), 40.0);
        QCOMPARE(system.value("cpu").toObject().value("load_average").toArray(),
                 (QJsonArray{1.0, 2.0, 3.0}));
        const QJsonObject memory = system.value("memory").toObject();
        QCOMPARE(memory.value("total").toDouble(), 8e9);
        QCOMPARE(memory.value("free").toDouble(), 6e9);
        QCOMPARE(memory.value("usage_percent").toDouble(), 25.0);
        QCOMPARE(system.value("disk").toObject().value("usage_percent").toDouble(), 25.0);
        // Not reported: null, never a guess.
        QVERIFY(system.value("disk").toObject().value("read_bytes_per_second").isNull());
        const QJsonObject services = node.data().value("service_metrics").toObject();
        QCOMPARE(services.value("wireguard").toObject().value("servers_count").toInt(-1), 0);
        QCOMPARE(services.value("bgp").toObject().value("sessions_count").toInt(-1), 0);
        const QJsonObject alerts = node.data().value("alerts").toObject();
        const qint64 open = qint64(m_http
                                       ->get(QStringLiteral("/api/v1/alerts/records?"
                                                            "only_unresolved=true"),
                                             m_admin)
                                       .data()
                                       .value("pagination")
                                       .toObject()
                                       .value("total")
                                       .toDouble());
        QCOMPARE(alerts.value("active").toInteger(), open);
        QCOMPARE(alerts.value("warning").toInteger(), open);
        QCOMPARE(alerts.value("critical").toInteger(), 0);
        // The whole fleet: the online nodes that reported, this one among them.
        const Answer fleet = m_http->get(dashboard, m_viewer);
        QCOMPARE(fleet.status, 200);
        QCOMPARE(fleet.data().value("system_metrics").toObject().value("scope").toString(),
                 QStringLiteral("fleet"));
        QVERIFY(fleet.data().value("system_metrics").toObject().value("nodes").toInt() >= 1);
        const Answer badRange = m_http->get(dashboard + QStringLiteral("?time_range=2d"), m_viewer);
        QCOMPARE(badRange.status, 422);
        QCOMPARE(badRange.details().value("field").toString(), QStringLiteral("time_range"));
        QCOMPARE(m_http->get(dashboard + QStringLiteral("?node_id=no-such-node"), m_viewer).status,
                 404);

        // One metric's history, tagged with the node's name.
        const QString from =
            QDateTime::currentDateTimeUtc().addSecs(-120).toString(Qt::ISODateWithMs);
        const QString to = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs);
        const QString history = QStringLiteral("/api/v1/monitoring/metrics/system?metric=%1"
                                               "&start_time=%2&end_time=%3&node_id=%4");
        const Answer memoryHistory =
            m_http->get(history.arg("memory.usage", from, to, nodeId), m_viewer);
        QVERIFY2(memoryHistory.status == 200, memoryHistory.raw.constData());
        QCOMPARE(memoryHistory.data().value("metric").toString(), QStringLiteral("memory.usage"));
        QCOMPARE(memoryHistory.data().value("unit").toString(), QStringLiteral("percent"));
        const QJsonArray points = memoryHistory.data().value("data_points").toArray();
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.at(0).toObject().value("value").toDouble(), 25.0);
        QCOMPARE(points.at(0).toObject().value("tags").toObject().value("host").toString(),
                 QStringLiteral("mon-01"));
        const QJsonObject statistics = memoryHistory.data().value("statistics").toObject();
        QCOMPARE(statistics.value("count").toInt(), 1);
        QCOMPARE(statistics.value("min").toDouble(), 25.0);
        QCOMPARE(statistics.value("max").toDouble(), 25.0);
        QCOMPARE(statistics.value("avg").toDouble(), 25.0);
        const struct
        {
            QString query;
            const char *field;
            const char *reason;
        } badHistory[] = {
            {history.arg("cpu.bogus", from, to, nodeId), "metric", "UNKNOWN_METRIC"},
            {history.arg("cpu.usage", "yesterday", to, nodeId), "start_time", "INVALID_TIME"},
            {history.arg("cpu.usage", to, from, nodeId), "start_time", "INVALID_TIME_RANGE"},
            {history.arg("cpu.usage", from, to, nodeId) + "&interval=2m", "interval",
             "UNKNOWN_INTERVAL"},
        };
        for (const auto &[query, field, reason] : badHistory) {
            const Answer refused = m_http->get(query, m_viewer);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(refused.details().value("field").toString(), QLatin1String(field));
            QCOMPARE(refused.details().value("reason").toString(), QLatin1String(reason));
        }

        // Seed 001's rule body: a memory rule; what rules cannot keep is
        // named, a channel that does not exist or a condition they cannot
        // test refused.
        const QString rules = QStringLiteral("/api/v1/monitoring/alerts/rules");
        QJsonObject seedRule{{"name", "Memory high"},
                             {"description", "over 85 %"},
                             {"metric_name", "system.memory.usage"},
                             {"condition", ">"},
                             {"threshold", 85.0},
                             {"level", "error"},
                             {"duration", 300},
                             {"enabled", true},
                             {"cooldown_minutes", 5},
                             {"notification_channels", QJsonArray{"email"}},
                             {"tags", QJsonObject{{"environment", "production"}}}};
        QCOMPARE(m_http->json("POST", rules, seedRule, m_viewer).status, 403);
        const Answer noChannel = m_http->json("POST", rules, seedRule, m_admin);
        QCOMPARE(noChannel.status, 422);
        QCOMPARE(noChannel.details().value("field").toString(),
                 QStringLiteral("notification_channels"));
        QJsonObject below = seedRule;
        below.insert("condition", "<");
        below.remove("notification_channels");
        QCOMPARE(m_http->json("POST", rules, below, m_admin).details().value("field").toString(),
                 QStringLiteral("condition"));
        QJsonObject network = seedRule;
        network.insert("metric_name", "system.network.bytes");
        network.remove("notification_channels");
        QCOMPARE(m_http->json("POST", rules, network, m_admin).details().value("field").toString(),
                 QStringLiteral("metric_name"));
        seedRule.remove("notification_channels");
        const Answer made = m_http->json("POST", rules, seedRule, m_admin);
        QVERIFY2(made.status == 201, made.raw.constData());
        QCOMPARE(made.data().value("metric_name").toString(),
                 QStringLiteral("system.memory.usage"));
        QCOMPARE(made.data().value("level").toString(), QStringLiteral("warning"));
        QCOMPARE(made.data().value("threshold").toDouble(), 85.0);
        QCOMPARE(made.data().value("duration").toInt(), 300);
        QStringList ignored;
        for (const QJsonValue field : made.data().value("ignored_fields").toArray())
            ignored << field.toString();
        ignored.sort();
        QCOMPARE(ignored, (QStringList{"cooldown_minutes", "description", "level", "tags"}));
        const QString ruleId = made.data().value("id").toString();
        const Answer stored =
            m_http->get(QStringLiteral("/api/v1/alerts/rules/") + ruleId, m_admin);
        QCOMPARE(stored.data().value("type").toString(), QStringLiteral("memory"));
        QCOMPARE(stored.data().value("name").toString(), QStringLiteral("Memory high"));
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/alerts/rules/") + ruleId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + nodeId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestAlertsApi)
#include "TestAlertsApi.moc"
