// Fleet probes against a real server (issue 35, "Probes"; docs/api.md
// "Probes"): administrators create, change and delete them, everyone signed
// in reads them, bad input is refused naming the field with nothing stored
// changed, and each connected agent (AgentPeer on /ws/agent) is sent the
// probes of its own node — scoped to it, to a label it has or to all —
// when it signs in and again whenever that list changes.

#include "FleetTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

QJsonObject httpProbe(const QString &id, const QJsonObject &scope = {{"type", "all"}})
{
    return {{"id", id},
            {"name", QStringLiteral("Probe ") + id},
            {"kind", "http"},
            {"target", "https://example.com/health"},
            {"scope", scope}};
}

QJsonObject nodeScope(const QString &nodeId)
{
    return {{"type", "node"}, {"value", nodeId}};
}

QJsonObject labelScope(const QString &label)
{
    return {{"type", "label"}, {"value", label}};
}

QStringList probeIds(const QList<fleet::ProbeTarget> &probes)
{
    QStringList ids;
    for (const fleet::ProbeTarget &probe : probes)
        ids << probe.id;
    return ids;
}

} // namespace

class TestProbesApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    Answer create(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", QStringLiteral("/api/v1/probes"), body,
                            token.isEmpty() ? m_admin : token);
    }
    Answer patch(const QString &id, const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("PATCH", QStringLiteral("/api/v1/probes/") + id, body,
                            token.isEmpty() ? m_admin : token);
    }
    Answer remove(const QString &id, const QString &token = {})
    {
        return m_http->send("DELETE", QStringLiteral("/api/v1/probes/") + id, {},
                            Http::bearer(token.isEmpty() ? m_admin : token));
    }
    Answer get(const QString &id)
    {
        return m_http->get(QStringLiteral("/api/v1/probes/") + id, m_admin);
    }
    Answer list(const QString &query)
    {
        return m_http->get(QStringLiteral("/api/v1/probes?") + query, m_admin);
    }
    QStringList listedIds(const QString &query)
    {
        QStringList ids;
        for (const QJsonValue item : list(query).data().value("items").toArray())
            ids << item.toObject().value("id").toString();
        return ids;
    }
    qint64 storedCount()
    {
        return qint64(
            list(QString()).data().value("pagination").toObject().value("total").toDouble());
    }

    // The message of `peer` at index `next` (waited for) is a settings
    // message: its probes' ids, and `next` moves on. False when none came
    // or it was another message.
    bool nextProbeIds(AgentPeer &peer, qsizetype &next, QStringList *ids)
    {
        if (!peer.waitForMessages(next + 1))
            return false;
        const fleet::AgentMessage message = peer.message(next++);
        const auto *settings = std::get_if<fleet::SettingsMessage>(&message);
        if (!settings)
            return false;
        *ids = probeIds(settings->settings.probes);
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer().isEmpty(), "server did not start");
        // Agents here send no reports: an hour's interval keeps them from
        // being closed for silence while a test runs.
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 3600}}, m_admin)
                     .status,
                 200);
    }

    void administratorsCreateReadChangeAndDelete()
    {
        const Answer created = create({{"id", "web-health"},
                                       {"name", "Web health"},
                                       {"kind", "http"},
                                       {"target", "https://example.com/health"},
                                       {"keyword", "ok"},
                                       {"expected_status", 200},
                                       {"tls_verify", false},
                                       {"interval_seconds", 30},
                                       {"timeout_seconds", 5}});
        QCOMPARE(created.status, 201);
        const QJsonObject probe = created.data();
        QCOMPARE(probe.value("id").toString(), QStringLiteral("web-health"));
        QCOMPARE(probe.value("name").toString(), QStringLiteral("Web health"));
        QCOMPARE(probe.value("kind").toString(), QStringLiteral("http"));
        QCOMPARE(probe.value("target").toString(), QStringLiteral("https://example.com/health"));
        QCOMPARE(probe.value("keyword").toString(), QStringLiteral("ok"));
        QCOMPARE(probe.value("expected_status").toInt(), 200);
        QCOMPARE(probe.value("tls_verify").toBool(), false);
        QCOMPARE(probe.value("interval_seconds").toInt(), 30);
        QCOMPARE(probe.value("timeout_seconds").toInt(), 5);
        QCOMPARE(probe.value("enabled").toBool(), true);
        QCOMPARE(probe.value("scope").toObject(), (QJsonObject{{"type", "all"}, {"value", ""}}));
        QVERIFY(!probe.value("created_at").toString().isEmpty());
        QCOMPARE(probe.value("updated_at"), probe.value("created_at"));

        QCOMPARE(get(QStringLiteral("web-health")).data(), probe);

        // A partial change keeps the rest.
        const Answer changed = patch(QStringLiteral("web-health"),
                                     {{"name", "Front page"}, {"interval_seconds", 120}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.data().value("name").toString(), QStringLiteral("Front page"));
        QCOMPARE(changed.data().value("interval_seconds").toInt(), 120);
        QCOMPARE(changed.data().value("keyword").toString(), QStringLiteral("ok"));
        QCOMPARE(changed.data().value("created_at"), probe.value("created_at"));
        QCOMPARE(get(QStringLiteral("web-health")).data(), changed.data());

        // The id names the probe's metrics: it never changes.
        const Answer renamed = patch(QStringLiteral("web-health"), {{"id", "other"}});
        QCOMPARE(renamed.status, 422);
        QCOMPARE(renamed.details().value("field").toString(), QStringLiteral("id"));
        QCOMPARE(get(QStringLiteral("other")).status, 404);

        // A kind change needs the fields that kind allows.
        const Answer toTcp =
            patch(QStringLiteral("web-health"), {{"kind", "tcp"}, {"target", "example.com:443"}});
        QCOMPARE(toTcp.status, 422);
        QCOMPARE(toTcp.details().value("field").toString(), QStringLiteral("keyword"));
        const Answer tcp =
            patch(QStringLiteral("web-health"), {{"kind", "tcp"},
                                                 {"target", "example.com:443"},
                                                 {"keyword", QJsonValue::Null},
                                                 {"expected_status", QJsonValue::Null}});
        QCOMPARE(tcp.status, 200);
        QCOMPARE(tcp.data().value("kind").toString(), QStringLiteral("tcp"));

        const Answer deleted = remove(QStringLiteral("web-health"));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().value("deleted").toBool(), true);
        QCOMPARE(get(QStringLiteral("web-health")).status, 404);
        QCOMPARE(get(QStringLiteral("web-health")).code(), QStringLiteral("RESOURCE_NOT_FOUND"));
        QCOMPARE(remove(QStringLiteral("web-health")).status, 404);
        QCOMPARE(patch(QStringLiteral("web-health"), {{"name", "x"}}).status, 404);
    }

    void badInputNamesTheFieldAndStoresNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const auto with = [](const QString &key, const QJsonValue &value) {
            QJsonObject body = httpProbe(QStringLiteral("bad-input"));
            if (value.isUndefined())
                body.remove(key);
            else
                body.insert(key, value);
            return body;
        };
        QTest::newRow("id missing") << with("id", QJsonValue::Undefined) << "id";
        QTest::newRow("id syntax") << with("id", "Not An Id") << "id";
        QTest::newRow("id too long") << with("id", QString(33, u'a')) << "id";
        QTest::newRow("name missing") << with("name", QJsonValue::Undefined) << "name";
        QTest::newRow("name blank") << with("name", "  ") << "name";
        QTest::newRow("kind unknown") << with("kind", "ftp") << "kind";
        QTest::newRow("target missing") << with("target", QJsonValue::Undefined) << "target";
        QTest::newRow("target scheme") << with("target", "ftp://example.com/") << "target";
        QTest::newRow("target credentials")
            << with("target", "https://user:pw@example.com/") << "target";
        QJsonObject tcpNoPort = with("kind", "tcp");
        tcpNoPort.insert("target", "example.com");
        QTest::newRow("tcp without port") << tcpNoPort << "target";
        QJsonObject tcpKeyword = with("kind", "tcp");
        tcpKeyword.insert("target", "example.com:22");
        tcpKeyword.insert("keyword", "ssh");
        QTest::newRow("keyword on tcp") << tcpKeyword << "keyword";
        QTest::newRow("expected status") << with("expected_status", 42) << "expected_status";
        QTest::newRow("interval short") << with("interval_seconds", 5) << "interval_seconds";
        QTest::newRow("interval long") << with("interval_seconds", 3601) << "interval_seconds";
        QTest::newRow("interval text") << with("interval_seconds", "ten") << "interval_seconds";
        QTest::newRow("interval fraction") << with("interval_seconds", 30.5) << "interval_seconds";
        QJsonObject timeoutAtInterval = with("interval_seconds", 30);
        timeoutAtInterval.insert("timeout_seconds", 30);
        QTest::newRow("timeout not below interval") << timeoutAtInterval << "timeout_seconds";
        QTest::newRow("timeout zero") << with("timeout_seconds", 0) << "timeout_seconds";
        QTest::newRow("tls_verify text") << with("tls_verify", "yes") << "tls_verify";
        QTest::newRow("enabled number") << with("enabled", 1) << "enabled";
        QTest::newRow("scope not object") << with("scope", "all") << "scope";
        QTest::newRow("scope type")
            << with("scope", QJsonObject{{"type", "planet"}}) << "scope.type";
        QTest::newRow("scope unknown node")
            << with("scope", nodeScope("no-such-node")) << "scope.value";
        QTest::newRow("scope node empty")
            << with("scope", QJsonObject{{"type", "node"}}) << "scope.value";
        QTest::newRow("scope label syntax")
            << with("scope", labelScope("has space")) << "scope.value";
        QTest::newRow("scope label empty") << with("scope", labelScope("")) << "scope.value";
        QTest::newRow("scope all with value")
            << with("scope", QJsonObject{{"type", "all"}, {"value", "x"}}) << "scope.value";
    }

    void badInputNamesTheFieldAndStoresNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const qint64 before = storedCount();
        const Answer refused = create(body);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(refused.details().value("field").toString(), field);
        QVERIFY(!refused.body.value("error").toObject().value("message").toString().isEmpty());
        QCOMPARE(storedCount(), before);
        QCOMPARE(get(QStringLiteral("bad-input")).status, 404);

        // The same field refused in a change leaves the stored probe as it was.
        QCOMPARE(create(httpProbe(QStringLiteral("bad-patch"))).status, 201);
        const QJsonObject stored = get(QStringLiteral("bad-patch")).data();
        // Rows whose bad value is a missing field or the id have nothing
        // to change.
        body.remove("id");
        if (body.contains(field.section(u'.', 0, 0))) {
            const Answer patched = patch(QStringLiteral("bad-patch"), body);
            QCOMPARE(patched.status, 422);
            QCOMPARE(patched.details().value("field").toString(), field);
        }
        QCOMPARE(get(QStringLiteral("bad-patch")).data(), stored);
        QCOMPARE(remove(QStringLiteral("bad-patch")).status, 200);
    }

    void aTakenIdIsAConflict()
    {
        QCOMPARE(create(httpProbe(QStringLiteral("dup"))).status, 201);
        QJsonObject again = httpProbe(QStringLiteral("dup"));
        again.insert("name", "Another");
        const Answer conflict = create(again);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.code(), QStringLiteral("CONFLICT"));
        QCOMPARE(get(QStringLiteral("dup")).data().value("name").toString(),
                 QStringLiteral("Probe dup"));
        QCOMPARE(remove(QStringLiteral("dup")).status, 200);
    }

    void viewersReadButCannotChange()
    {
        QCOMPARE(create(httpProbe(QStringLiteral("seen"))).status, 201);
        const QJsonObject stored = get(QStringLiteral("seen")).data();
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, QStringLiteral("probeviewer"),
                          QStringLiteral("V1ewer!Probe"), QStringLiteral("viewer"));
        QVERIFY(!viewer.token.isEmpty());
        const ApiUser user = createApiUser(*m_http, m_admin, QStringLiteral("probeuser"),
                                           QStringLiteral("Us3r!Probe1"), QStringLiteral("user"));
        QVERIFY(!user.token.isEmpty());
        for (const QString &token : {viewer.token, user.token}) {
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/probes"), token).status, 200);
            QCOMPARE(m_http->get(QStringLiteral("/api/v1/probes/seen"), token).data(), stored);
            const Answer created = create(httpProbe(QStringLiteral("not-mine")), token);
            QCOMPARE(created.status, 403);
            // The role check's code, as for every administrators' route.
            QCOMPARE(created.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
            QCOMPARE(patch(QStringLiteral("seen"), {{"name", "Mine now"}}, token).status, 403);
            QCOMPARE(remove(QStringLiteral("seen"), token).status, 403);
        }
        QCOMPARE(get(QStringLiteral("not-mine")).status, 404);
        QCOMPARE(get(QStringLiteral("seen")).data(), stored);
        // Signed out: nothing at all.
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/probes")).status, 401);
        QCOMPARE(remove(QStringLiteral("seen")).status, 200);
    }

    void theListPagesAndFilters()
    {
        const struct
        {
            const char *id;
            const char *kind;
            const char *target;
            bool enabled;
        } probes[] = {{"pg-a", "http", "https://a.example.com/", true},
                      {"pg-b", "tcp", "b.example.com:5432", true},
                      {"pg-c", "icmp", "c.example.com", false},
                      {"pg-d", "http", "http://d.example.com/", false},
                      {"pg-e", "tcp", "e.example.com:6379", true}};
        for (const auto &p : probes) {
            QCOMPARE(create({{"id", p.id},
                             {"name", QStringLiteral("Paged ") + QLatin1String(p.id)},
                             {"kind", p.kind},
                             {"target", p.target},
                             {"enabled", p.enabled}})
                         .status,
                     201);
        }
        const Answer first = list(QStringLiteral("q=pg-&size=2"));
        QCOMPARE(first.status, 200);
        const QJsonObject pagination = first.data().value("pagination").toObject();
        QCOMPARE(pagination.value("total").toInt(), 5);
        QCOMPARE(pagination.value("pages").toInt(), 3);
        QCOMPARE(pagination.value("has_next").toBool(), true);
        QCOMPARE(listedIds(QStringLiteral("q=pg-&size=2")), (QStringList{"pg-a", "pg-b"}));
        QCOMPARE(listedIds(QStringLiteral("q=pg-&size=2&page=2")), (QStringList{"pg-c", "pg-d"}));
        QCOMPARE(listedIds(QStringLiteral("q=pg-&size=2&page=3")), (QStringList{"pg-e"}));
        QCOMPARE(listedIds(QStringLiteral("q=pg-&kind=tcp")), (QStringList{"pg-b", "pg-e"}));
        QCOMPARE(listedIds(QStringLiteral("q=pg-&enabled=false")), (QStringList{"pg-c", "pg-d"}));
        QCOMPARE(listedIds(QStringLiteral("q=pg-&kind=http&enabled=true")), (QStringList{"pg-a"}));
        // q matches the name and the target too.
        QCOMPARE(listedIds(QStringLiteral("q=Paged%20pg-d")), (QStringList{"pg-d"}));
        QCOMPARE(listedIds(QStringLiteral("q=e.example.com")), (QStringList{"pg-e"}));
        // A literal search: % and _ match themselves.
        QCOMPARE(listedIds(QStringLiteral("q=pg%25")), QStringList());

        for (const auto &[query, field] :
             {std::pair{QStringLiteral("kind=ftp"), QStringLiteral("kind")},
              std::pair{QStringLiteral("enabled=maybe"), QStringLiteral("enabled")},
              std::pair{QStringLiteral("size=0"), QStringLiteral("size")}}) {
            const Answer refused = list(query);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        for (const auto &p : probes)
            QCOMPARE(remove(QLatin1String(p.id)).status, 200);
    }

    void everyChangeIsAudited()
    {
        QCOMPARE(create(httpProbe(QStringLiteral("audited"))).status, 201);
        QCOMPARE(patch(QStringLiteral("audited"), {{"enabled", false}}).status, 200);
        QCOMPARE(remove(QStringLiteral("audited")).status, 200);
        const Answer audit = m_http->get(
            QStringLiteral("/api/v1/audit?category=fleet&resource_type=probe&size=100"), m_admin);
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const QJsonValue item : audit.data().value("audit_logs").toArray()) {
            const QJsonObject row = item.toObject();
            if (row.value("resource_id").toString() == QLatin1String("audited"))
                actions << row.value("action").toString();
        }
        actions.sort();
        QCOMPARE(actions, (QStringList{"PROBE_CREATED", "PROBE_DELETED", "PROBE_UPDATED"}));
    }

    // Each agent's settings carry the probes of its own node: scoped to
    // it, to a label it has, or to all; never another node's.
    void agentsAreSentTheProbesOfTheirNode()
    {
        AgentPeer a;
        AgentPeer b;
        const QString nodeA = enrolledNode(*m_http, m_admin, QStringLiteral("probe-a"), a, {"web"});
        const QString nodeB =
            enrolledNode(*m_http, m_admin, QStringLiteral("probe-b"), b, {"edge"});
        QVERIFY(!nodeA.isEmpty());
        QVERIFY(!nodeB.isEmpty());
        QCOMPARE(create(httpProbe(QStringLiteral("for-b"), nodeScope(nodeB))).status, 201);
        QCOMPARE(create(httpProbe(QStringLiteral("on-edge"), labelScope("edge"))).status, 201);

        // The welcome already carries them.
        QVERIFY(signInAgent(*m_http, a, nodeA));
        QVERIFY(signInAgent(*m_http, b, nodeB));
        const QStringList welcomeA =
            probeIds(std::get<fleet::WelcomeMessage>(a.message(1)).settings.probes);
        const QStringList welcomeB =
            probeIds(std::get<fleet::WelcomeMessage>(b.message(1)).settings.probes);
        QVERIFY(!welcomeA.contains("for-b"));
        QVERIFY(!welcomeA.contains("on-edge"));
        QVERIFY(welcomeB.contains("for-b"));
        QVERIFY(welcomeB.contains("on-edge"));

        qsizetype nextA = 2;
        qsizetype nextB = 2;
        QStringList ids;

        // Created for A: A hears, with nothing of B's.
        QCOMPARE(create(httpProbe(QStringLiteral("for-a"), nodeScope(nodeA))).status, 201);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(ids.contains("for-a"));
        QVERIFY(!ids.contains("for-b"));
        QVERIFY(!ids.contains("on-edge"));

        // Deleted: B hears it is gone; A's list did not change, so A's next
        // message (below) is the label change, not this.
        QCOMPARE(remove(QStringLiteral("for-b")).status, 200);
        QVERIFY(nextProbeIds(b, nextB, &ids));
        QVERIFY(!ids.contains("for-b"));
        QVERIFY(ids.contains("on-edge"));
        QVERIFY(!ids.contains("for-a"));

        // A's node gains the label: A now runs the label's probe.
        QCOMPARE(m_http
                     ->json("PATCH", QStringLiteral("/api/v1/nodes/") + nodeA,
                            {{"labels", QJsonArray{"web", "edge"}}}, m_admin)
                     .status,
                 200);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(ids.contains("for-a"));
        QVERIFY(ids.contains("on-edge"));

        // A disabled probe is no longer run; deleting A's own probe takes it
        // from A only.
        QCOMPARE(patch(QStringLiteral("on-edge"), {{"enabled", false}}).status, 200);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(!ids.contains("on-edge"));
        QVERIFY(nextProbeIds(b, nextB, &ids));
        QVERIFY(!ids.contains("on-edge"));
        QCOMPARE(remove(QStringLiteral("for-a")).status, 200);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(!ids.contains("for-a"));

        // The global settings still reach every agent, each with its own
        // probes kept.
        QCOMPARE(create(httpProbe(QStringLiteral("for-a2"), nodeScope(nodeA))).status, 201);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(ids.contains("for-a2"));
        QCOMPARE(m_http
                     ->json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"),
                            {{"interval_s", 3000}}, m_admin)
                     .status,
                 200);
        QVERIFY(a.waitForMessages(nextA + 1));
        const auto globalA = std::get<fleet::SettingsMessage>(a.message(nextA++));
        QCOMPARE(globalA.settings.intervalSeconds, 3000);
        QVERIFY(probeIds(globalA.settings.probes).contains("for-a2"));
        QVERIFY(b.waitForMessages(nextB + 1));
        const auto globalB = std::get<fleet::SettingsMessage>(b.message(nextB++));
        QCOMPARE(globalB.settings.intervalSeconds, 3000);
        QVERIFY(!probeIds(globalB.settings.probes).contains("for-a2"));

        // A probe of the node goes when the node loses the label again.
        QCOMPARE(patch(QStringLiteral("on-edge"), {{"enabled", true}}).status, 200);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(ids.contains("on-edge"));
        QVERIFY(nextProbeIds(b, nextB, &ids));
        QVERIFY(ids.contains("on-edge"));
        QCOMPARE(m_http
                     ->json("PATCH", QStringLiteral("/api/v1/nodes/") + nodeA,
                            {{"labels", QJsonArray{"web"}}}, m_admin)
                     .status,
                 200);
        QVERIFY(nextProbeIds(a, nextA, &ids));
        QVERIFY(!ids.contains("on-edge"));
        QVERIFY(ids.contains("for-a2"));
        // B heard nothing of A's label changes.
        QCOMPARE(b.received.size(), nextB);
        QCOMPARE(a.received.size(), nextA);
    }
};

QTEST_GUILESS_MAIN(TestProbesApi)
#include "TestProbesApi.moc"
