// Registered HTTP components through the real hivemind-server, with the
// reference component as child processes on loopback: registration with
// health checks, blobs travelling through the server's GET/PUT endpoint,
// dispatch gating of an unhealthy component, deletion, and a restart.

#include "../core/engine/TestHttpSupport.h"
#include "FlowTestSupport.h"
#include "common/ComponentIcons.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace hm::test;

namespace {

const QString kUserPassword = QStringLiteral("Us3r!Secret");
// Blob bodies (kept out of the Q_OBJECT class for moc's sake).
const QByteArray kJsonObject = "{\"a\":[1,2,3]}";
const QByteArray kJsonString = "\"text\"";

// make-blob PUTs `size` bytes through the server; blob-size GETs them back.
QJsonObject blobFlow()
{
    return flowDefinition({flowNode("mk", "make-blob", {{"size", "$.trigger.size"}}),
                           flowNode("sz", "blob-size", {{"data", "$.nodes.mk.output.data"}})},
                          {flowEdge("mk", "sz")});
}

QJsonObject upperFlow()
{
    return flowDefinition({flowNode("up", "uppercase", {{"text", "$.trigger.t"}})});
}

QJsonObject componentIn(const QJsonArray &items, const QString &name,
                        const QString &version = "1.0.0")
{
    for (const QJsonValue &item : items) {
        if (item["name"].toString() == name && item["version"].toString() == version)
            return item.toObject();
    }
    return {};
}

int registeredCount(const QJsonArray &items)
{
    int n = 0;
    for (const QJsonValue &item : items)
        n += item["builtin"].toBool() ? 0 : 1;
    return n;
}

QString errorMessage(const Answer &a)
{
    return a.body.value("error").toObject().value("message").toString();
}

} // namespace

class TestComponentsApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QString m_user;
    std::unique_ptr<ReferenceComponent> m_refA; // stays up
    std::unique_ptr<ReferenceComponent> m_refB; // killed on purpose
    QUrl m_urlA;
    QUrl m_urlB;
    QNetworkAccessManager m_network;
    int m_flows = 0;
    QString m_blobFlow;
    QWebSocket m_events; // /ws/events as the user (not an administrator)
    QByteArray m_wsText; // every message it got

    // The data of every component message of `type` for name and version.
    QList<QJsonObject> eventsFor(const QString &type, const QString &name,
                                 const QString &version = "1.0.0")
    {
        QList<QJsonObject> found;
        for (const QByteArray &line : m_wsText.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QJsonObject data = o.value("data").toObject();
            if (o.value("type").toString() == type && data.value("name").toString() == name &&
                data.value("version").toString() == version)
                found.append(data);
        }
        return found;
    }

    // A short interval so the periodic check is seen within the test.
    const QStringList m_serverArgs{"--component-health-interval", "1"};

    QString publishedFlow(const QJsonObject &def, const QJsonObject &settings = {})
    {
        return createPublishedFlow(*m_http, m_admin, QStringLiteral("flow%1").arg(++m_flows), def,
                                   settings);
    }
    Answer trigger(const QString &flowId, const QJsonObject &inputs, const QString &query = {})
    {
        return triggerFlow(*m_http, m_admin, flowId, inputs, query);
    }
    QString statusOf(const QString &executionId)
    {
        return executionStatus(*m_http, m_admin, executionId);
    }
    QJsonArray components(const QString &path = "/api/v1/components")
    {
        return m_http->get(path, m_admin).data().value("items").toArray();
    }
    QString healthOf(const QString &name)
    {
        return componentIn(components(), name).value("health").toString();
    }
    Answer registerEndpoint(const QUrl &endpoint, const QString &name = {},
                            const QString &token = {})
    {
        QJsonObject body{{"endpoint", endpoint.toString()}};
        if (!name.isEmpty())
            body.insert("name", name);
        return m_http->json("POST", "/api/v1/components", body, token.isEmpty() ? m_admin : token);
    }

private slots:
    void initTestCase()
    {
        m_refA = std::make_unique<ReferenceComponent>();
        m_urlA = m_refA->start();
        QVERIFY2(!m_urlA.isEmpty(), "reference component A did not start");
        m_refB = std::make_unique<ReferenceComponent>();
        m_urlB = m_refB->start();
        QVERIFY2(!m_urlB.isEmpty(), "reference component B did not start");

        const QString failure = startServer(m_serverArgs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const ApiUser user = createApiUser(*m_http, m_admin, "operator", kUserPassword, "user");
        QCOMPARE(user.status, 201);
        m_user = user.token;
        QVERIFY(!m_user.isEmpty());
        connect(&m_events, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { m_wsText += text.toUtf8() + '\n'; });
        QUrl events = m_http->base();
        events.setScheme("ws");
        events.setPath("/ws/events");
        events.setQuery("token=" + m_user);
        m_events.open(events);
        QTRY_VERIFY_WITH_TIMEOUT(!m_wsText.isEmpty(), 30000); // system_status
    }

    void registerListsHealthy()
    {
        // Registering is for administrators.
        const Answer refused = registerEndpoint(m_urlA, {}, m_user);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));

        const Answer registered = registerEndpoint(m_urlA);
        QCOMPARE(registered.status, 201);
        const QJsonArray stored = registered.data().value("items").toArray();
        QCOMPARE(stored.size(), 7); // everything the reference component serves
        for (const QJsonValue &item : stored) {
            QCOMPARE(item["health"].toString(), QStringLiteral("healthy"));
            QCOMPARE(item["status"].toString(), QStringLiteral("active"));
            QCOMPARE(item["endpoint"].toString(), m_urlA.toString());
        }

        // A viewer-level read lists built-ins and registered ones.
        const QJsonArray all = m_http->get("/api/v1/components", m_user).data()["items"].toArray();
        const QJsonObject echo = componentIn(all, "echo");
        QCOMPARE(echo.value("builtin").toBool(), false);
        QCOMPARE(echo.value("health").toString(), QStringLiteral("healthy"));
        QCOMPARE(echo.value("endpoint").toString(), m_urlA.toString());
        QVERIFY(!echo.value("health_checked_at").toString().isEmpty());
        // Each item reads as the component's interface_def too.
        QCOMPARE(echo.value("inputs").toArray().first()["name"].toString(),
                 QStringLiteral("value"));
        const QJsonObject delay = componentIn(all, "delay");
        QCOMPARE(delay.value("builtin").toBool(), true);
        QVERIFY(delay.value("endpoint").isNull());
        // Built-ins carry an icon of the registry's set, drawn as what they
        // do: every one of them, not the neutral box for the known ones.
        QCOMPARE(delay.value("icon").toString(), QStringLiteral("clock"));
        QCOMPARE(componentIn(all, "condition").value("icon").toString(), QStringLiteral("filter"));
        for (const QJsonValue &item : all) {
            if (!item["builtin"].toBool())
                continue;
            const QString name = item["name"].toString();
            QVERIFY2(hm::isComponentIconName(item["icon"].toString()), qPrintable(name));
            QVERIFY2(!hm::builtinComponentIcon(name).isEmpty(),
                     qPrintable(name + QStringLiteral(": no icon of its own")));
        }
        QCOMPARE(registeredCount(all), 7);
        // Every console heard of each version stored, with its summary.
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor("component_registered", "echo").size(), 1, 10000);
        const QJsonObject heard = eventsFor("component_registered", "echo").first();
        QCOMPARE(heard.value("component_id").toString(), echo.value("id").toString());
        QCOMPARE(heard.value("health").toString(), QStringLiteral("healthy"));
        QCOMPARE(heard.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(heard.value("builtin").toBool(), false);
        QVERIFY(!heard.contains("inputs")); // a summary, not the interface
        QTRY_COMPARE_WITH_TIMEOUT(m_wsText.count("\"component_registered\""), 7, 10000);

        const QJsonArray versions = components("/api/v1/components/make-blob");
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.first()["version"].toString(), QStringLiteral("1.0.0"));
        const Answer unknown = m_http->get("/api/v1/components/no-such", m_admin);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.code(), QStringLiteral("COMPONENT_NOT_FOUND"));
    }

    void refusedRegistrationsStoreNothing()
    {
        const Answer again = registerEndpoint(m_urlA);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        // (Another endpoint serving a registered name and version adds an
        // endpoint: TestComponentRegistry.)

        QUrl dead = m_urlA;
        dead.setPort(unusedPort());
        const Answer unreachable = registerEndpoint(dead);
        QCOMPARE(unreachable.status, 503);
        QCOMPARE(unreachable.code(), QStringLiteral("COMPONENT_UNAVAILABLE"));
        QVERIFY2(errorMessage(unreachable).contains(dead.toDisplayString()),
                 qPrintable(errorMessage(unreachable)));

        const Answer notServed = registerEndpoint(m_urlB, "no-such");
        QCOMPARE(notServed.status, 404);
        QCOMPARE(notServed.code(), QStringLiteral("COMPONENT_NOT_FOUND"));

        const Answer badUrl = m_http->json("POST", "/api/v1/components",
                                           {{"endpoint", "ftp://example.com"}}, m_admin);
        QCOMPARE(badUrl.status, 422);
        QCOMPARE(badUrl.code(), QStringLiteral("VALIDATION_ERROR"));

        // Nothing of the refused attempts was stored.
        const QJsonArray all = components();
        QCOMPARE(registeredCount(all), 7);
        QCOMPARE(componentIn(all, "echo").value("endpoint").toString(), m_urlA.toString());
    }

    // Deprecating and making active again: component_updated with the
    // status; a deprecation that changes nothing says nothing.
    void deprecationIsAnnounced()
    {
        const QString path = QStringLiteral("/api/v1/components/echo/1.0.0/");
        QCOMPARE(m_http->json("POST", path + "deprecate", {}, m_admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor("component_updated", "echo").size(), 1, 10000);
        QJsonObject data = eventsFor("component_updated", "echo").first();
        QCOMPARE(data.value("changed").toArray(), QJsonArray{"status"});
        QCOMPARE(data.value("status").toString(), QStringLiteral("deprecated"));
        QCOMPARE(data.value("deprecated").toBool(), true);
        QCOMPARE(m_http->json("POST", path + "deprecate", {}, m_admin).status, 200);
        QCOMPARE(m_http->json("POST", path + "undeprecate", {}, m_admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor("component_updated", "echo").size(), 2, 10000);
        data = eventsFor("component_updated", "echo").at(1);
        QCOMPARE(data.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(data.value("deprecated").toBool(), false);
    }

    void blobTravelsThroughTheServer()
    {
        m_blobFlow = publishedFlow(blobFlow());
        QVERIFY(!m_blobFlow.isEmpty());
        // Well above the 64 KiB inline threshold: make-blob PUTs it to the
        // server, blob-size GETs it back.
        const Answer ran = trigger(m_blobFlow, {{"size", 200000}}, "?wait=true&timeout_ms=30000");
        QCOMPARE(ran.status, 200);
        QVERIFY2(ran.data().value("status").toString() == "completed",
                 ran.raw.left(2000).constData());
        QCOMPARE(QJsonValue(ran.data())["outputs"]["sz"]["size"].toInt(), 200000);
    }

    void blobEndpointRules()
    {
        // A running execution of the reference component hands us its blob
        // access, exactly what a component gets.
        const QString flowId = publishedFlow(
            flowDefinition({flowNode("wait", "sleep", {}, {{"ms", 600000}})}),
            {{"timeout", QJsonObject{{"nodeTimeoutMs", 600000}, {"flowTimeoutMs", 900000}}}});
        QVERIFY(!flowId.isEmpty());
        const Answer started = trigger(flowId, {});
        QCOMPARE(started.status, 200);
        const QString id = started.data().value("execution_id").toString();
        QJsonObject access;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray seen = entriesFor(
                    getObject(m_network, m_refA->url("/stats"))["requests"].toArray(), id, "wait");
                if (seen.isEmpty())
                    return false;
                access = seen.first()["blob"].toObject();
                return true;
            }(),
            20000);
        const QUrl base(access.value("base_url").toString());
        QCOMPARE(base.path(), "/api/v1/blobs/" + id);
        const QByteArray token = access.value("token").toString().toLatin1();
        QVERIFY(!token.isEmpty());
        auto put = [&](const QString &blobId, const QByteArray &body, const QByteArray &type,
                       const QByteArray &useToken) {
            return m_http->send("PUT", base.path() + "/" + blobId, body,
                                {{"X-Execution-Token", useToken}, {"Content-Type", type}});
        };
        auto get = [&](const QString &blobId, const QByteArray &useToken) {
            return m_http->send("GET", base.path() + "/" + blobId, {},
                                {{"X-Execution-Token", useToken}});
        };

        // JSON values come back as JSON text, scalars included.
        Answer stored = put("j1", kJsonObject, "application/json", token);
        QCOMPARE(stored.status, 201);
        QCOMPARE(stored.data().value("ref").toString(), QStringLiteral("blob:j1"));
        Answer read = get("j1", token);
        QCOMPARE(read.status, 200);
        QVERIFY(read.headers.value("content-type").startsWith("application/json"));
        QCOMPARE(QJsonDocument::fromJson(read.raw).object(),
                 (QJsonObject{{"a", QJsonArray{1, 2, 3}}}));
        QCOMPARE(put("s1", kJsonString, "application/json", token).status, 201);
        QCOMPARE(get("s1", token).raw, kJsonString);

        // Bytes come back as the same bytes.
        QByteArray bytes;
        for (int i = 0; i < 3 * 256; ++i)
            bytes.append(static_cast<char>(i & 0xff));
        QCOMPARE(put("b1", bytes, "application/octet-stream", token).status, 201);
        read = get("b1", token);
        QCOMPARE(read.status, 200);
        QCOMPARE(read.headers.value("content-type"), QByteArray("application/octet-stream"));
        QCOMPARE(read.raw, bytes);

        // An existing id is not overwritten.
        const Answer duplicate = put("b1", "other", "application/octet-stream", token);
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(duplicate.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(get("b1", token).raw, bytes);

        // Wrong token, unknown execution, unknown blob.
        const Answer wrongPut = put("b2", "x", "application/octet-stream", "not-the-token");
        QCOMPARE(wrongPut.status, 403);
        QCOMPARE(wrongPut.code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(get("b1", "not-the-token").status, 403);
        QCOMPARE(m_http
                     ->send("GET", "/api/v1/blobs/no-such-execution/b1", {},
                            {{"X-Execution-Token", token}})
                     .status,
                 403);
        const Answer missing = get("never-stored", token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(get("b2", token).status, 404);

        // Above 64 MiB: refused, nothing stored.
        const Answer tooLarge =
            put("big", QByteArray(64 * 1024 * 1024 + 1, 'x'), "application/octet-stream", token);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        QCOMPARE(get("big", token).status, 404);

        // Not JSON under a JSON content type; a bad id.
        const Answer badJson = put("j2", "{nope", "application/json", token);
        QCOMPARE(badJson.status, 422);
        QCOMPARE(get("j2", token).status, 404);
        QCOMPARE(put("bad%20id", "x", "application/octet-stream", token).status, 422);

        // Once the execution ended its blobs are read-only.
        QCOMPARE(m_http->json("POST", "/api/v1/executions/" + id + "/kill", {}, m_admin).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("cancelled"), 20000);
        QCOMPARE(put("late", "x", "application/octet-stream", token).status, 403);
        QCOMPARE(get("b1", token).raw, bytes);
    }

    void deletedComponentRefusedForNewFlows()
    {
        // A flow with uppercase after a sleep: running when the component is
        // deleted, and it still finishes with it.
        const QString running =
            publishedFlow(flowDefinition({flowNode("wait", "sleep", {}, {{"ms", 2000}}),
                                          flowNode("up", "uppercase", {{"text", "$.trigger.t"}})},
                                         {flowEdge("wait", "up")}));
        QVERIFY(!running.isEmpty());
        const QString later = publishedFlow(upperFlow());
        QVERIFY(!later.isEmpty());
        const Answer started = trigger(running, {{"t", "hive"}});
        QCOMPARE(started.status, 200);
        const QString id = started.data().value("execution_id").toString();

        QCOMPARE(
            m_http->send("DELETE", "/api/v1/components/uppercase/1.0.0", {}, Http::bearer(m_user))
                .status,
            403);
        const Answer deleted =
            m_http->send("DELETE", "/api/v1/components/uppercase/1.0.0", {}, Http::bearer(m_admin));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data().value("status").toString(), QStringLiteral("disabled"));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor("component_deleted", "uppercase").size(), 1, 10000);
        QCOMPARE(eventsFor("component_deleted", "uppercase").first().value("status").toString(),
                 QStringLiteral("disabled"));

        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), QStringLiteral("completed"), 30000);
        const Answer finished = m_http->get("/api/v1/executions/" + id, m_admin);
        bool upperSeen = false;
        for (const QJsonValue &n : finished.data().value("nodes").toArray()) {
            if (n["node_id"].toString() == "up") {
                upperSeen = true;
                QCOMPARE(n["status"].toString(), QStringLiteral("completed"));
            }
        }
        QVERIFY(upperSeen);

        // New flows cannot use it (a draft is stored with the problem, and
        // cannot be published), and neither can new runs of old ones.
        const Answer created =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "after-delete"}, {"definition", upperFlow()}}, m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("problems")[0]["code"].toString(),
                 QStringLiteral("UNKNOWN_COMPONENT"));
        const Answer published = m_http->json(
            "POST", "/api/v1/flows/" + created.data().value("id").toString() + "/publish",
            {{"version", "1"}}, m_admin);
        QCOMPARE(published.status, 400);
        QCOMPARE(published.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));
        const Answer rerun = trigger(later, {{"t", "x"}});
        QCOMPARE(rerun.status, 400);
        QCOMPARE(rerun.code(), QStringLiteral("INVALID_FLOW_DEFINITION"));

        // Still listed, as disabled; the other components are untouched.
        const QJsonObject row = componentIn(components(), "uppercase");
        QCOMPARE(row.value("status").toString(), QStringLiteral("disabled"));
        QVERIFY(!row.value("deleted_at").toString().isEmpty());
        QCOMPARE(componentIn(components(), "echo").value("status").toString(),
                 QStringLiteral("active"));

        QCOMPARE(
            m_http->send("DELETE", "/api/v1/components/uppercase/1.0.0", {}, Http::bearer(m_admin))
                .status,
            404);
        const Answer builtin =
            m_http->send("DELETE", "/api/v1/components/delay/1.0.0", {}, Http::bearer(m_admin));
        QCOMPARE(builtin.status, 422);
    }

    void unhealthyComponentFailsFast()
    {
        // The deleted name is free again: B serves it now.
        const Answer registered = registerEndpoint(m_urlB, "uppercase");
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.data()["items"].toArray().size(), 1);
        const QJsonArray versions = components("/api/v1/components/uppercase");
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.first()["endpoint"].toString(), m_urlB.toString());
        QCOMPARE(versions.first()["status"].toString(), QStringLiteral("active"));

        const QString flowId = publishedFlow(upperFlow());
        QVERIFY(!flowId.isEmpty());
        const Answer ok = trigger(flowId, {{"t", "hi"}}, "?wait=true&timeout_ms=30000");
        QCOMPARE(ok.data().value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(QJsonValue(ok.data())["outputs"]["up"]["text"].toString(), QStringLiteral("HI"));

        m_refB.reset(); // killed
        // The periodic check (every second here) notices.
        QTRY_COMPARE_WITH_TIMEOUT(healthOf("uppercase"), QStringLiteral("unhealthy"), 30000);
        QCOMPARE(healthOf("echo"), QStringLiteral("healthy"));
        // Consoles hear of the change once, not of every check (one a second).
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor("component_updated", "uppercase").size(), 1, 10000);
        const QJsonObject changed = eventsFor("component_updated", "uppercase").first();
        QCOMPARE(changed.value("changed").toArray(), QJsonArray{"health"});
        QCOMPARE(changed.value("health").toString(), QStringLiteral("unhealthy"));
        const int before = m_wsText.count("\"component_updated\"");
        const QString checkedAt =
            componentIn(components(), "uppercase").value("health_checked_at").toString();
        // A later periodic check, still unhealthy.
        QTRY_VERIFY_WITH_TIMEOUT(
            componentIn(components(), "uppercase").value("health_checked_at").toString() !=
                checkedAt,
            10000);
        QCOMPARE(m_wsText.count("\"component_updated\""), before);
        QCOMPARE(eventsFor("component_updated", "uppercase").size(), 1);

        const Answer failed = trigger(flowId, {{"t", "hi"}}, "?wait=true&timeout_ms=30000");
        QCOMPARE(failed.status, 200);
        QCOMPARE(failed.data().value("status").toString(), QStringLiteral("failed"));
        const QJsonObject error = failed.data().value("error").toObject();
        QCOMPARE(error.value("code").toString(), QStringLiteral("COMPONENT_UNAVAILABLE"));
        QVERIFY2(error.value("message").toString().contains("unhealthy"),
                 qPrintable(error.value("message").toString()));

        // An on-demand check says the same, with the reason.
        const Answer checked =
            m_http->json("POST", "/api/v1/components/uppercase/1.0.0/health", {}, m_user);
        QCOMPARE(checked.status, 200);
        QCOMPARE(checked.data().value("health").toString(), QStringLiteral("unhealthy"));
        QVERIFY(!checked.data().value("health_message").toString().isEmpty());
        const Answer healthy =
            m_http->json("POST", "/api/v1/components/echo/1.0.0/health", {}, m_user);
        QCOMPARE(healthy.data().value("health").toString(), QStringLiteral("healthy"));
    }

    // Last: restarts the server.
    void registrationsSurviveRestart()
    {
        QVERIFY(stopServer());
        const QDateTime restartedAt = QDateTime::currentDateTimeUtc();
        const QString failure = restartServer(m_serverArgs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        const QJsonArray all = components();
        QCOMPARE(registeredCount(all), 7);
        QCOMPARE(componentIn(all, "echo").value("endpoint").toString(), m_urlA.toString());
        QCOMPARE(componentIn(all, "uppercase").value("endpoint").toString(), m_urlB.toString());
        // The stored health is from before the restart: wait for a check of
        // the new process (it checks right after start).
        auto checkedSinceRestart = [&](const QString &name) {
            const QJsonObject c = componentIn(components(), name);
            const QDateTime checked =
                QDateTime::fromString(c.value("health_checked_at").toString(), Qt::ISODateWithMs);
            return checked.isValid() && checked >= restartedAt ? c.value("health").toString()
                                                               : QStringLiteral("not checked");
        };
        QTRY_COMPARE_WITH_TIMEOUT(checkedSinceRestart("uppercase"), QStringLiteral("unhealthy"),
                                  30000);
        QTRY_COMPARE_WITH_TIMEOUT(checkedSinceRestart("echo"), QStringLiteral("healthy"), 30000);

        // Flows use them at once, blobs included (the public URL is set again).
        const Answer ran = trigger(m_blobFlow, {{"size", 100000}}, "?wait=true&timeout_ms=30000");
        QVERIFY2(ran.data().value("status").toString() == "completed",
                 ran.raw.left(2000).constData());
        QCOMPARE(QJsonValue(ran.data())["outputs"]["sz"]["size"].toInt(), 100000);
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->process().terminate();
    }
};

QTEST_GUILESS_MAIN(TestComponentsApi)
#include "TestComponentsApi.moc"
