// The fleet's API against a real server (issue 35): nodes created by an
// administrator with a single-use enrolment secret, agents enrolling with
// it and signing in on /ws/agent by signing a challenge, reports stored
// once each and acknowledged, every refusal with its code. The agent here
// is AgentPeer (the protocol by hand); the real hivemind-agent process is
// tested in tests/agent.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

class TestNodesApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    CreatedNode createNode(const QString &name, const QStringList &labels = {})
    {
        return hm::test::createNode(*m_http, m_admin, name, labels);
    }
    Answer enrol(const QString &secret, const QByteArray &publicKey,
                 const QString &path = QStringLiteral("/api/v1/nodes/register"))
    {
        return enrolKey(*m_http, secret, publicKey, path);
    }
    QString enrolledNode(const QString &name, AgentPeer &peer)
    {
        return hm::test::enrolledNode(*m_http, m_admin, name, peer);
    }
    bool signIn(AgentPeer &peer, const QString &nodeId)
    {
        return signInAgent(*m_http, peer, nodeId);
    }

    QJsonArray metricsOf(const QString &nodeId)
    {
        const Answer answer = m_http->get(
            QStringLiteral("/api/v1/nodes/%1/metrics?start=2025-01-01T00:00:00Z&tier=raw")
                .arg(nodeId),
            m_admin);
        return answer.data().value("items").toArray();
    }

private slots:
    void initTestCase() { QVERIFY2(startServer().isEmpty(), "server did not start"); }

    // Agents' sockets are served after every other ready one (the server
    // thread's background set, hivemind_http_background_connections): an
    // agent's upgrade joins it for as long as it stays connected, through
    // its reports; a watcher's feed and plain requests stay in front. First
    // in the class: no other test's agent is connected yet.
    void agentsAreServedBehindRequests()
    {
        const auto background = [this]() -> int {
            const QByteArray text = m_http->get(QStringLiteral("/metrics")).raw;
            const QByteArray name = "\nhivemind_http_background_connections ";
            const qsizetype at = text.indexOf(name);
            if (at < 0)
                return -1;
            const qsizetype start = at + name.size();
            return text.mid(start, text.indexOf('\n', start) - start).toInt();
        };
        QCOMPARE(background(), 0);

        AgentPeer agent;
        const QString nodeId = enrolledNode(QStringLiteral("background-01"), agent);
        QVERIFY(!nodeId.isEmpty());
        QWebSocket watcher;
        QUrl url = m_http->base();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/nodes/") + nodeId);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_admin.toUtf8());
        QSignalSpy watching(&watcher, &QWebSocket::textMessageReceived);
        watcher.open(request);
        QVERIFY(watching.wait());
        QCOMPARE(background(), 0);

        QVERIFY(signIn(agent, nodeId));
        QCOMPARE(background(), 1);
        constexpr int kReports = 40;
        for (qint64 seq = 1; seq <= kReports; ++seq)
            agent.send(fleet::serialize(AgentPeer::report(seq, double(seq))));
        QVERIFY(agent.waitForMessages(2 + kReports));
        QCOMPARE(background(), 1);

        agent.socket.close();
        QVERIFY(agent.waitForClose());
        QTRY_COMPARE(background(), 0);
        watcher.close();
    }

    void administratorsManageNodes()
    {
        const CreatedNode node = createNode(QStringLiteral("web-01"), {"web", "prod"});
        QCOMPARE(node.status, 201);
        QVERIFY(node.secret.startsWith(QLatin1String("hme_")));
        QVERIFY(node.command.contains(node.secret));
        QVERIFY(node.command.contains(m_http->base().toString()));

        // The name is unique, case-insensitively.
        QCOMPARE(createNode(QStringLiteral("WEB-01")).status, 409);

        Answer got = m_http->get(QStringLiteral("/api/v1/nodes/") + node.id, m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(got.data().value("tags").toString(), QStringLiteral("web,prod"));
        // The secret is shown once: never in a read.
        QVERIFY(!got.raw.contains(node.secret.toUtf8()));

        Answer changed = m_http->json(
            "PATCH", QStringLiteral("/api/v1/nodes/") + node.id,
            {{"labels", QJsonArray{"web", "eu"}}, {"description", "front end"}}, m_admin);
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.data().value("labels").toArray(), (QJsonArray{"web", "eu"}));

        Answer byLabel = m_http->get(QStringLiteral("/api/v1/nodes?label=eu"), m_admin);
        QCOMPARE(byLabel.status, 200);
        QCOMPARE(byLabel.data().value("items").toArray().size(), 1);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes?label=prod"), m_admin)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
        Answer bySearch = m_http->get(QStringLiteral("/api/v1/nodes?search=front"), m_admin);
        QCOMPARE(bySearch.data().value("items").toArray().size(), 1);

        // Bad input is refused naming the field; nothing stored changes.
        Answer badLabel = m_http->json("PATCH", QStringLiteral("/api/v1/nodes/") + node.id,
                                       {{"labels", QJsonArray{"no spaces"}}}, m_admin);
        QCOMPARE(badLabel.status, 422);
        QCOMPARE(badLabel.details().value("field").toString(), QStringLiteral("labels"));
        Answer badName = m_http->json("POST", QStringLiteral("/api/v1/nodes"),
                                      {{"name", QString(65, QLatin1Char('x'))}}, m_admin);
        QCOMPARE(badName.status, 422);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + node.id, m_admin)
                     .data()
                     .value("labels")
                     .toArray(),
                 (QJsonArray{"web", "eu"}));
    }

    // ?status: pending (no agent yet), online (connected now), offline
    // (enrolled, not connected), with paging over what matches.
    void theListFiltersByStatus()
    {
        const auto namesWith = [this](const QString &query) {
            QStringList names;
            const Answer answer =
                m_http->get(QStringLiteral("/api/v1/nodes?search=status-&") + query, m_admin);
            for (const QJsonValue &item : answer.data().value("items").toArray())
                names << item.toObject().value("name").toString();
            return names;
        };
        QCOMPARE(createNode(QStringLiteral("status-pending")).status, 201);
        AgentPeer up;
        AgentPeer down;
        const QString upId = enrolledNode(QStringLiteral("status-up"), up);
        const QString downId = enrolledNode(QStringLiteral("status-down"), down);
        AgentPeer up2;
        const QString up2Id = enrolledNode(QStringLiteral("status-up2"), up2);
        QVERIFY(!upId.isEmpty() && !downId.isEmpty() && !up2Id.isEmpty());
        QVERIFY(signIn(up, upId));
        QVERIFY(signIn(up2, up2Id));
        QTRY_COMPARE(namesWith(QStringLiteral("status=online")),
                     (QStringList{"status-up", "status-up2"}));
        QCOMPARE(namesWith(QStringLiteral("status=offline")), QStringList{"status-down"});
        QCOMPARE(namesWith(QStringLiteral("status=pending")), QStringList{"status-pending"});
        QCOMPARE(namesWith({}).size(), 4);
        // Paging counts what matches.
        const Answer second = m_http->get(
            QStringLiteral("/api/v1/nodes?search=status-&status=online&page=2&size=1"), m_admin);
        QCOMPARE(second.data().value("items").toArray().size(), 1);
        QCOMPARE(second.data().value("items").toArray().at(0).toObject().value("name").toString(),
                 QStringLiteral("status-up2"));
        QCOMPARE(second.data().value("pagination").toObject().value("total").toInt(), 2);
        // An agent that goes is offline at once.
        up.socket.close();
        QTRY_COMPARE(namesWith(QStringLiteral("status=offline")),
                     (QStringList{"status-down", "status-up"}));
        const Answer bad = m_http->get(QStringLiteral("/api/v1/nodes?status=asleep"), m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.details().value("field").toString(), QStringLiteral("status"));
    }

    // Seed 002's /api/servers routes: the same nodes in the seed's shapes.
    void seedServerRoutesAreAliases()
    {
        const Answer created = m_http->json("POST", QStringLiteral("/api/servers"),
                                            {{"name", "seed-db"},
                                             {"ip", "192.0.2.77"},
                                             {"description", "MySQL"},
                                             {"tags", "database, mysql"}},
                                            m_admin);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("node").toObject().value("id").toString();
        QCOMPARE(created.data().value("node").toObject().value("labels").toArray(),
                 (QJsonArray{"database", "mysql"}));
        QCOMPARE(created.data().value("node").toObject().value("ip").toString(),
                 QStringLiteral("192.0.2.77"));
        const Answer badIp =
            m_http->json("POST", QStringLiteral("/api/servers"),
                         {{"name", "seed-bad-ip"}, {"ip", "not-an-address"}}, m_admin);
        QCOMPARE(badIp.status, 422);
        QCOMPARE(badIp.details().value("field").toString(), QStringLiteral("ip"));
        QVERIFY(!created.data().value("enrolment").toObject().value("secret").toString().isEmpty());

        const Answer list = m_http->get(QStringLiteral("/api/servers?search=seed-db"), m_admin);
        QCOMPARE(list.status, 200);
        const QJsonArray servers = list.data().value("servers").toArray();
        QCOMPARE(servers.size(), 1);
        const QJsonObject server = servers.at(0).toObject();
        QCOMPARE(server.value("id").toString(), id);
        QCOMPARE(server.value("tags").toString(), QStringLiteral("database,mysql"));
        QCOMPARE(server.value("online").toBool(true), false);
        // The seed's ip is kept until the agent enrols and reports its own.
        QCOMPARE(server.value("ip").toString(), QStringLiteral("192.0.2.77"));
        for (const char *field : {"name", "ip", "os", "arch", "cpu_cores", "memory_total",
                                  "disk_total", "last_heartbeat", "status", "agent_version"})
            QVERIFY2(server.contains(QLatin1String(field)), field);

        QCOMPARE(m_http->get(QStringLiteral("/api/servers/") + id, m_admin)
                     .data()
                     .value("name")
                     .toString(),
                 QStringLiteral("seed-db"));
        const Answer updated = m_http->json("PUT", QStringLiteral("/api/servers/") + id,
                                            {{"tags", "database"}}, m_admin);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.data().value("labels").toArray(), QJsonArray{"database"});
        // PUT takes the ip as POST does: kept and read back ...
        const Answer moved = m_http->json("PUT", QStringLiteral("/api/servers/") + id,
                                          {{"ip", "2001:db8::7"}}, m_admin);
        QVERIFY2(moved.status == 200, moved.raw.constData());
        QCOMPARE(moved.data().value("ip").toString(), QStringLiteral("2001:db8::7"));
        const auto storedIp = [&] {
            return m_http->get(QStringLiteral("/api/servers/") + id, m_admin)
                .data()
                .value("ip")
                .toString();
        };
        QCOMPARE(storedIp(), QStringLiteral("2001:db8::7"));
        // ... and a bad one is refused as POST refuses it, nothing changed.
        const Answer badUpdate =
            m_http->json("PUT", QStringLiteral("/api/servers/") + id,
                         {{"ip", "not-an-address"}, {"description", "changed"}}, m_admin);
        QCOMPARE(badUpdate.status, badIp.status);
        QCOMPARE(badUpdate.code(), badIp.code());
        QCOMPARE(badUpdate.details().value("field").toString(), QStringLiteral("ip"));
        QCOMPARE(storedIp(), QStringLiteral("2001:db8::7"));
        QCOMPARE(m_http->get(QStringLiteral("/api/servers/") + id, m_admin)
                     .data()
                     .value("description")
                     .toString(),
                 QStringLiteral("MySQL"));
        const Answer monitor =
            m_http->get(QStringLiteral("/api/servers/%1/monitor?start_time=2026-01-01T00:00:00Z"
                                       "&end_time=2026-01-01T01:00:00Z&limit=100")
                            .arg(id),
                        m_admin);
        QCOMPARE(monitor.status, 200);
        QCOMPARE(monitor.data().value("items").toArray().size(), 0);
        // Agents report over /ws/agent, signed: no shared-secret monitor POST.
        QVERIFY(m_http
                    ->json("POST", QStringLiteral("/api/servers/%1/monitor").arg(id),
                           {{"cpu_usage", 45.5}}, m_admin)
                    .status >= 400);
        // A viewer's role still applies to the seed's paths.
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "seedviewer", "Seed-Viewer-1", "viewer");
        QCOMPARE(
            m_http->json("PUT", QStringLiteral("/api/servers/") + id, {{"tags", "x"}}, viewer.token)
                .status,
            403);
        QCOMPARE(
            m_http->send("DELETE", QStringLiteral("/api/servers/") + id, {}, Http::bearer(m_admin))
                .status,
            200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + id, m_admin).status, 404);
    }

    // /ws/nodes/{id}: the node first, then each stored report and the
    // agent's coming and going; a token in the URL is refused, an unknown
    // node is 4404, a deleted node closes its watchers.
    // GET /nodes/summary: counts from the table, averages and top lists
    // from the latest report of each node online now.
    void summaryCountsAndRanksTheOnlineFleet()
    {
        const auto summary = [this](const QString &query = {}) {
            return m_http->get(QStringLiteral("/api/v1/nodes/summary") + query, m_admin).data();
        };
        const QJsonObject before = summary();
        const auto report = [](qint64 seq, double cpu, double memoryUsed, double in) {
            return fleet::ReportMessage{seq,
                                        QDateTime::currentMSecsSinceEpoch(),
                                        {{QStringLiteral("cpu_usage"), cpu},
                                         {QStringLiteral("memory_used"), memoryUsed},
                                         {QStringLiteral("memory_total"), 1000.0},
                                         {QStringLiteral("network_in"), in},
                                         {QStringLiteral("network_out"), 1.0}}};
        };
        AgentPeer busy, calm, gone;
        const QString busyId = enrolledNode(QStringLiteral("sum-busy"), busy);
        const QString calmId = enrolledNode(QStringLiteral("sum-calm"), calm);
        const QString goneId = enrolledNode(QStringLiteral("sum-gone"), gone);
        QVERIFY(!busyId.isEmpty() && !calmId.isEmpty() && !goneId.isEmpty());
        QCOMPARE(createNode(QStringLiteral("sum-pending")).status, 201);
        for (auto [peer, id] : {std::pair{&busy, busyId}, {&calm, calmId}, {&gone, goneId}})
            QVERIFY(signIn(*peer, id));
        // A replayed report (older, its sequence number already stored)
        // does not replace the newest one.
        busy.send(fleet::serialize(report(2, 99.0, 900.0, 5000.0)));
        busy.send(fleet::serialize(fleet::ReportMessage{
            1, QDateTime::currentMSecsSinceEpoch() - 30000, {{QStringLiteral("cpu_usage"), 1.0}}}));
        calm.send(fleet::serialize(report(1, 21.0, 100.0, 10.0)));
        gone.send(fleet::serialize(report(1, 100.0, 1000.0, 1e9)));
        QVERIFY(busy.waitForMessages(4) && calm.waitForMessages(3) && gone.waitForMessages(3));
        // sum-gone's agent leaves: its last values are no longer "now".
        gone.socket.close();
        QTRY_COMPARE(summary().value("online").toInt(), before.value("online").toInt() + 2);

        const QJsonObject now = summary();
        QCOMPARE(now.value("total").toInt(), before.value("total").toInt() + 4);
        QCOMPARE(now.value("pending").toInt(), before.value("pending").toInt() + 1);
        QCOMPARE(now.value("offline").toInt(), before.value("offline").toInt() + 1);
        QCOMPARE(now.value("reporting").toInt(), 2);
        const QJsonObject averages = now.value("averages").toObject();
        QCOMPARE(averages.value("cpu_usage").toDouble(), 60.0);
        QCOMPARE(averages.value("memory_percent").toDouble(), 50.0);
        QVERIFY(averages.value("disk_percent").isNull()); // nobody reported a disk
        QCOMPARE(now.value("network").toObject().value("in").toDouble(), 5010.0);
        const QJsonArray cpuTop = now.value("top").toObject().value("cpu_usage").toArray();
        QCOMPARE(cpuTop.size(), 2);
        QCOMPARE(cpuTop[0].toObject().value("name").toString(), QStringLiteral("sum-busy"));
        QCOMPARE(cpuTop[0].toObject().value("value").toDouble(), 99.0);
        QCOMPARE(cpuTop[1].toObject().value("node_id").toString(), calmId);
        QCOMPARE(summary(QStringLiteral("?top=1"))
                     .value("top")
                     .toObject()
                     .value("network")
                     .toArray()
                     .size(),
                 1);

        // Anyone signed in reads it; a bad `top` is a field error.
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "sumviewer", "Sum-Viewer-1", "viewer");
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/summary"), viewer.token).status, 200);
        const Answer bad = m_http->get(QStringLiteral("/api/v1/nodes/summary?top=21"), m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.code(), QStringLiteral("VALIDATION_ERROR"));

        // A deleted node leaves the counts and the lists at once.
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + busyId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        const QJsonObject after = summary();
        QCOMPARE(after.value("total").toInt(), before.value("total").toInt() + 3);
        QCOMPARE(after.value("averages").toObject().value("cpu_usage").toDouble(), 21.0);
        QCOMPARE(after.value("top").toObject().value("cpu_usage").toArray().size(), 1);
    }

    void liveMetricsReachWatchers()
    {
        AgentPeer agent;
        const QString nodeId = enrolledNode(QStringLiteral("live-01"), agent);
        QVERIFY(!nodeId.isEmpty());
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "liveviewer", "Live-Viewer-1", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        const auto open = [this](QWebSocket &socket, const QString &path, const QString &token,
                                 bool inHeader = true) {
            QUrl url = m_http->base();
            url.setScheme(QStringLiteral("ws"));
            url.setPath(path);
            if (!inHeader)
                url.setQuery(QStringLiteral("token=") + token);
            QNetworkRequest request(url);
            if (inHeader)
                request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
            socket.open(request);
        };
        QWebSocket watcher;
        QList<QJsonObject> heard;
        connect(&watcher, &QWebSocket::textMessageReceived, this, [&heard](const QString &text) {
            heard << QJsonDocument::fromJson(text.toUtf8()).object();
        });
        open(watcher, QStringLiteral("/ws/nodes/") + nodeId, viewer.token);
        QTRY_COMPARE(heard.size(), 1);
        QCOMPARE(heard[0].value("type").toString(), QStringLiteral("node"));
        QCOMPARE(heard[0].value("node").toObject().value("id").toString(), nodeId);

        QVERIFY(signIn(agent, nodeId));
        QTRY_VERIFY(std::any_of(heard.begin(), heard.end(), [](const QJsonObject &m) {
            return m.value("type") == QLatin1String("status") && m.value("online").toBool();
        }));
        agent.send(fleet::serialize(AgentPeer::report(1, 42.5)));
        QTRY_VERIFY(std::any_of(heard.begin(), heard.end(), [](const QJsonObject &m) {
            return m.value("type") == QLatin1String("metrics");
        }));
        const QJsonObject metrics = *std::find_if(heard.begin(), heard.end(), [](const auto &m) {
            return m.value("type") == QLatin1String("metrics");
        });
        QCOMPARE(metrics.value("seq").toInt(), 1);
        QCOMPARE(metrics.value("node_id").toString(), nodeId);
        QCOMPARE(metrics.value("metrics").toObject().value("cpu_usage").toDouble(), 42.5);
        // A replayed report is not news.
        const qsizetype before = heard.size();
        agent.send(fleet::serialize(AgentPeer::report(1, 42.5)));
        QVERIFY(agent.waitForMessages(4));
        QCOMPARE(heard.size(), before);

        // Seed 002's path is the same feed; a token in the URL never is.
        QWebSocket seed;
        QSignalSpy seedMessages(&seed, &QWebSocket::textMessageReceived);
        open(seed, QStringLiteral("/ws/servers/") + nodeId, viewer.token);
        QTRY_VERIFY_WITH_TIMEOUT(seedMessages.count() >= 1, 10000);
        QWebSocket inUrl;
        QSignalSpy urlClosed(&inUrl, &QWebSocket::disconnected);
        open(inUrl, QStringLiteral("/ws/nodes/") + nodeId, viewer.token, false);
        QTRY_COMPARE_WITH_TIMEOUT(urlClosed.count(), 1, 10000);
        QCOMPARE(int(inUrl.closeCode()), 4400);
        QWebSocket unknown;
        QSignalSpy unknownClosed(&unknown, &QWebSocket::disconnected);
        open(unknown, QStringLiteral("/ws/nodes/no-such-node"), viewer.token);
        QTRY_COMPARE_WITH_TIMEOUT(unknownClosed.count(), 1, 10000);
        QCOMPARE(int(unknown.closeCode()), 4404);

        // Deleting the node ends the watch.
        QCOMPARE(watcher.state(), QAbstractSocket::ConnectedState);
        QSignalSpy watcherClosed(&watcher, &QWebSocket::disconnected);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + nodeId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        // (The close may arrive while the DELETE's answer is awaited.)
        QTRY_COMPARE_WITH_TIMEOUT(watcherClosed.count(), 1, 10000);
        QCOMPARE(int(watcher.closeCode()), 4404);
    }

    void viewersSeeButCannotChange()
    {
        const CreatedNode node = createNode(QStringLiteral("db-01"));
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, QStringLiteral("fleetviewer"),
                          QStringLiteral("V1ewer!Pass"), QStringLiteral("viewer"));
        QVERIFY(!viewer.token.isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes"), viewer.token).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + node.id, viewer.token).status, 200);
        QCOMPARE(
            m_http->json("POST", QStringLiteral("/api/v1/nodes"), {{"name", "x"}}, viewer.token)
                .status,
            403);
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + node.id, {},
                            Http::bearer(viewer.token))
                     .status,
                 403);
        QCOMPARE(m_http
                     ->json("POST", QStringLiteral("/api/v1/nodes/%1/enrolment").arg(node.id), {},
                            viewer.token)
                     .status,
                 403);
    }

    void enrolmentSecretIsSingleUse()
    {
        const CreatedNode node = createNode(QStringLiteral("app-01"));
        const crypto::SigningKeyPair keys = crypto::generateSigningKeyPair();

        QCOMPARE(enrol(QString(), keys.publicKey).status, 401);
        QCOMPARE(enrol(QStringLiteral("hme_wrong"), keys.publicKey).code(),
                 QStringLiteral("INVALID_CREDENTIALS"));
        // A malformed key is refused without using the secret up.
        QCOMPARE(enrol(node.secret, QByteArray(5, 'k')).status, 422);

        const Answer enrolled = enrol(node.secret, keys.publicKey);
        QCOMPARE(enrolled.status, 201);
        QCOMPARE(enrolled.data().value("node_id").toString(), node.id);
        QCOMPARE(enrolled.data().value("fingerprint").toString(),
                 crypto::publicKeyFingerprint(keys.publicKey));

        const Answer again = enrol(node.secret, crypto::generateSigningKeyPair().publicKey);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.code(), QStringLiteral("INVALID_CREDENTIALS"));

        const Answer got = m_http->get(QStringLiteral("/api/v1/nodes/") + node.id, m_admin);
        QCOMPARE(got.data().value("status").toString(), QStringLiteral("offline"));
        QCOMPARE(got.data().value("fingerprint").toString(),
                 crypto::publicKeyFingerprint(keys.publicKey));
        QCOMPARE(got.data().value("cpu_cores").toInt(), 4);
        QCOMPARE(got.data().value("capabilities").toArray(), QJsonArray{"metrics"});

        // Seed 002's path is the same route.
        const CreatedNode other = createNode(QStringLiteral("app-02"));
        QCOMPARE(
            enrol(other.secret, keys.publicKey, QStringLiteral("/api/servers/register")).status,
            201);
    }

    void agentSignsInAndReportsAreStoredOnce()
    {
        AgentPeer peer;
        const QString nodeId = enrolledNode(QStringLiteral("worker-01"), peer);
        QVERIFY(!nodeId.isEmpty());
        QVERIFY(signIn(peer, nodeId));
        const auto welcome = std::get<fleet::WelcomeMessage>(peer.message(1));
        QCOMPARE(welcome.nodeId, nodeId);
        QCOMPARE(welcome.ackedSeq, 0);
        QCOMPARE(welcome.settings.intervalSeconds, 5);
        QTRY_COMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + nodeId, m_admin)
                         .data()
                         .value("status")
                         .toString(),
                     QStringLiteral("online"));
        // Seed 002's health counts the connected agents.
        QVERIFY(
            m_http->get(QStringLiteral("/api/v1/health")).data().value("active_agents").toInt() >=
            1);

        for (qint64 seq = 1; seq <= 3; ++seq)
            peer.send(fleet::serialize(AgentPeer::report(seq, 10.0 * double(seq))));
        QVERIFY(peer.waitForMessages(5));
        QList<qint64> acked;
        for (qsizetype i = 2; i < peer.received.size(); ++i)
            acked << std::get<fleet::AckMessage>(peer.message(i)).seq;
        std::sort(acked.begin(), acked.end());
        QCOMPARE(acked, (QList<qint64>{1, 2, 3}));

        // A replayed report is acknowledged again but stored once.
        peer.send(fleet::serialize(AgentPeer::report(2, 99.0)));
        QVERIFY(peer.waitForMessages(6));
        QCOMPARE(std::get<fleet::AckMessage>(peer.message(5)).seq, 2);

        const QJsonArray items = metricsOf(nodeId);
        QCOMPARE(items.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject item = items.at(i).toObject();
            QCOMPARE(item.value("seq").toInt(), i + 1);
            QCOMPARE(item.value("metrics").toObject().value("cpu_usage").toDouble(),
                     10.0 * (i + 1));
        }

        // A new connection learns what is stored, so a buffer is replayed
        // from there.
        peer.socket.close();
        QVERIFY(peer.waitForClose());
        AgentPeer again;
        again.keys = crypto::signingKeyPairFromSecret(peer.keys.secretKey.view());
        QVERIFY(signIn(again, nodeId));
        QCOMPARE(std::get<fleet::WelcomeMessage>(again.message(1)).ackedSeq, 3);
    }

    void settingsReachConnectedAgents()
    {
        AgentPeer peer;
        const QString nodeId = enrolledNode(QStringLiteral("worker-06"), peer);
        QVERIFY(signIn(peer, nodeId));
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 0}}, m_admin)
                     .status,
                 422);
        const Answer changed = m_http->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                                            {{"interval_s", 2}}, m_admin);
        QCOMPARE(changed.status, 200);
        QVERIFY(peer.waitForMessages(3));
        const auto pushed = std::get<fleet::SettingsMessage>(peer.message(2));
        QCOMPARE(pushed.settings.intervalSeconds, 2);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/agent-settings"), m_admin)
                     .data()
                     .value("interval_s")
                     .toInt(),
                 2);
        // Back to the default for the other tests.
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 5}}, m_admin)
                     .status,
                 200);
    }

    void wrongSignaturesAndReplaysAreRefused()
    {
        AgentPeer peer;
        const QString nodeId = enrolledNode(QStringLiteral("worker-02"), peer);
        QVERIFY(!nodeId.isEmpty());

        // Signed with another key.
        AgentPeer impostor;
        QVERIFY(impostor.connectTo(m_http->base()));
        impostor.send(fleet::serialize(impostor.hello(nodeId)));
        QVERIFY(impostor.waitForClose());
        QCOMPARE(impostor.closeCode, 4401);

        // The right key over an old challenge: a recorded hello replayed on
        // a new connection.
        AgentPeer first;
        first.keys = crypto::signingKeyPairFromSecret(peer.keys.secretKey.view());
        QVERIFY(first.connectTo(m_http->base()));
        const QByteArray recorded = fleet::serialize(first.hello(nodeId));
        first.socket.close();
        AgentPeer replay;
        QVERIFY(replay.connectTo(m_http->base()));
        replay.send(recorded);
        QVERIFY(replay.waitForClose());
        QCOMPARE(replay.closeCode, 4401);

        // An unknown node.
        AgentPeer stranger;
        QVERIFY(stranger.connectTo(m_http->base()));
        stranger.send(fleet::serialize(stranger.hello(QStringLiteral("no-such-node"))));
        QVERIFY(stranger.waitForClose());
        QCOMPARE(stranger.closeCode, 4401);

        // Anything but hello first.
        AgentPeer early;
        QVERIFY(early.connectTo(m_http->base()));
        early.send(fleet::serialize(AgentPeer::report(1, 1.0)));
        QVERIFY(early.waitForClose());
        QCOMPARE(early.closeCode, 1008);
        QCOMPARE(metricsOf(nodeId).size(), 0);
    }

    void badMessagesCloseWithoutTouchingOtherNodes()
    {
        AgentPeer other;
        const QString otherId = enrolledNode(QStringLiteral("worker-03"), other);
        QVERIFY(signIn(other, otherId));
        other.send(fleet::serialize(AgentPeer::report(1, 5.0)));
        QVERIFY(other.waitForMessages(3));

        struct Case
        {
            const char *name;
            QByteArray frame;
            int closeCode;
        };
        const QList<Case> cases{
            {"malformed", "{not json", 1008},
            {"unknown type", R"({"type":"shell","command":"id"})", 1008},
            {"bad metric name",
             R"({"type":"report","seq":1,"time_ms":1764000000000,)"
             R"("metrics":{"CPU Usage":1}})",
             1008},
            {"oversized", QByteArray(fleet::kMaxAgentMessageBytes + 10, 'x'), 1009},
        };
        int index = 0;
        for (const Case &c : cases) {
            AgentPeer peer;
            const QString nodeId = enrolledNode(QStringLiteral("bad-%1").arg(index++), peer);
            QVERIFY(signIn(peer, nodeId));
            peer.send(c.frame);
            QVERIFY2(peer.waitForClose(), c.name);
            QCOMPARE(peer.closeCode, c.closeCode);
            QCOMPARE(metricsOf(nodeId).size(), 0);
        }
        // A report cannot name another node: whose it is comes from the
        // connection, so the other node's history is as it was.
        const QJsonArray otherItems = metricsOf(otherId);
        QCOMPARE(otherItems.size(), 1);
        QCOMPARE(
            otherItems.at(0).toObject().value("metrics").toObject().value("cpu_usage").toDouble(),
            5.0);
    }

    void deletingANodeDisconnectsItsAgent()
    {
        AgentPeer peer;
        const QString nodeId = enrolledNode(QStringLiteral("worker-04"), peer);
        QVERIFY(signIn(peer, nodeId));
        QCOMPARE(m_http
                     ->send("DELETE", QStringLiteral("/api/v1/nodes/") + nodeId, {},
                            Http::bearer(m_admin))
                     .status,
                 200);
        QVERIFY(peer.waitForClose());
        QCOMPARE(peer.closeCode, 4403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + nodeId, m_admin).status, 404);

        AgentPeer again;
        again.keys = crypto::signingKeyPairFromSecret(peer.keys.secretKey.view());
        QVERIFY(again.connectTo(m_http->base()));
        again.send(fleet::serialize(again.hello(nodeId)));
        QVERIFY(again.waitForClose());
        QCOMPARE(again.closeCode, 4401);
    }

    void aNewSecretRevokesTheKey()
    {
        AgentPeer peer;
        const QString nodeId = enrolledNode(QStringLiteral("worker-05"), peer);
        QVERIFY(signIn(peer, nodeId));
        // The old agent got as far as report 5.
        for (qint64 seq = 1; seq <= 5; ++seq)
            peer.send(fleet::serialize(AgentPeer::report(seq, 10.0)));
        QVERIFY(peer.waitForMessages(2 + 5));
        const Answer renewed = m_http->json(
            "POST", QStringLiteral("/api/v1/nodes/%1/enrolment").arg(nodeId), {}, m_admin);
        QCOMPARE(renewed.status, 201);
        QVERIFY(peer.waitForClose());
        QCOMPARE(peer.closeCode, 4403);
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/nodes/") + nodeId, m_admin)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("pending"));

        AgentPeer fresh;
        QCOMPARE(enrol(renewed.data().value("secret").toString(), fresh.keys.publicKey).status,
                 201);
        QVERIFY(signIn(fresh, nodeId));
        // The new agent counts its reports from 1 again: its first one is
        // news at once (summary, alert rules, live feed), not only once its
        // count passes the old agent's.
        fresh.send(fleet::serialize(AgentPeer::report(1, 77.0)));
        QVERIFY(fresh.waitForMessages(3));
        const auto topCpuOf = [&] {
            const QJsonArray top =
                m_http->get(QStringLiteral("/api/v1/nodes/summary?top=20"), m_admin)
                    .data()
                    .value("top")
                    .toObject()
                    .value("cpu_usage")
                    .toArray();
            for (const QJsonValue entry : top) {
                if (entry.toObject().value("node_id").toString() == nodeId)
                    return entry.toObject().value("value").toDouble();
            }
            return -1.0;
        };
        QTRY_COMPARE(topCpuOf(), 77.0);
    }

    void auditedAsFleet()
    {
        const Answer audit =
            m_http->get(QStringLiteral("/api/v1/audit?category=fleet&size=100"), m_admin);
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const QJsonValue item : audit.data().value("audit_logs").toArray())
            actions << item.toObject().value("action").toString();
        for (const char *action : {"NODE_CREATED", "NODE_UPDATED", "NODE_ENROLLED", "NODE_DELETED",
                                   "NODE_ENROLMENT_RENEWED", "NODE_AGENT_SETTINGS_CHANGED"})
            QVERIFY2(actions.contains(QLatin1String(action)), action);
        // No secret in the audit trail.
        QVERIFY(!audit.raw.contains("hme_"));
    }
};

QTEST_GUILESS_MAIN(TestNodesApi)
#include "TestNodesApi.moc"
