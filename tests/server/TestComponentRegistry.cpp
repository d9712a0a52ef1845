// The component registry through the real hivemind-server, with reference
// components as child processes on loopback: one version served by several
// endpoints (round robin, an unhealthy endpoint skipped, a refused
// connection failing over), semantic versions validated and ordered,
// schemas checked at registration, deprecation and the usage of a version
// by flows.

#include "../core/engine/TestHttpSupport.h"
#include "FlowTestSupport.h"
#include "flow/SchemaOrder.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm::test;

namespace {

QJsonObject echoFlow(const QString &version = QStringLiteral("1.0.0"))
{
    QJsonObject node = flowNode("e", "echo", {{"value", "$.trigger.v"}});
    node.insert("version", version);
    return flowDefinition({node});
}

QJsonObject endpointIn(const QJsonObject &component, const QUrl &url)
{
    for (const QJsonValue e : component.value("endpoints").toArray()) {
        if (e["url"].toString() == url.toString())
            return e.toObject();
    }
    return {};
}

QStringList versionsOf(const QJsonArray &items)
{
    QStringList versions;
    for (const QJsonValue item : items)
        versions.append(item["version"].toString());
    return versions;
}

} // namespace

class TestComponentRegistry : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    std::unique_ptr<ReferenceComponent> m_one;
    std::unique_ptr<ReferenceComponent> m_two;
    std::unique_ptr<ReferenceComponent> m_three; // refused on purpose
    QUrl m_urlOne;
    QUrl m_urlTwo;
    QUrl m_urlThree;
    QString m_viewer;
    QString m_user;
    QString m_echoFlow;
    QNetworkAccessManager m_network;
    QTemporaryDir m_files;
    int m_flows = 0;

    Answer registerEndpoint(const QUrl &endpoint, const QString &name = {})
    {
        QJsonObject body{{"endpoint", endpoint.toString()}};
        if (!name.isEmpty())
            body.insert("name", name);
        return m_http->json("POST", "/api/v1/components", body, m_admin);
    }
    QJsonObject echoVersion(const QString &version = QStringLiteral("1.0.0"))
    {
        for (const QJsonValue item :
             m_http->get("/api/v1/components/echo", m_admin).data().value("items").toArray()) {
            if (item["version"].toString() == version)
                return item.toObject();
        }
        return {};
    }
    int executed(ReferenceComponent &ref)
    {
        return getObject(m_network, ref.url("/stats")).value("executed").toInt();
    }
    QJsonArray requests(ReferenceComponent &ref)
    {
        return getObject(m_network, ref.url("/stats")).value("requests").toArray();
    }
    QString runEcho(const QString &flowId)
    {
        const Answer ran =
            triggerFlow(*m_http, m_admin, flowId, {{"v", "x"}}, "?wait=true&timeout_ms=30000");
        if (ran.status != 200)
            return QString::fromUtf8(ran.raw);
        return ran.data().value("status").toString();
    }
    QString publishedFlow(const QJsonObject &definition)
    {
        QString why;
        const QString id = createPublishedFlow(
            *m_http, m_admin, QStringLiteral("registry%1").arg(++m_flows), definition, {}, &why);
        if (id.isEmpty())
            qWarning().noquote() << why;
        return id;
    }
    void setHealth(ReferenceComponent &ref, const QString &status)
    {
        QCOMPARE(sendJson(m_network, "POST", ref.url("/control/health"),
                          QJsonDocument(QJsonObject{{"status", status}}).toJson())
                     .status,
                 200);
    }
    QString interfaceFile(const QString &fileName, const QJsonArray &defs)
    {
        const QString path = m_files.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(defs).toJson());
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_one = std::make_unique<ReferenceComponent>();
        m_urlOne = m_one->start();
        QVERIFY(!m_urlOne.isEmpty());
        m_two = std::make_unique<ReferenceComponent>();
        m_urlTwo = m_two->start();
        QVERIFY(!m_urlTwo.isEmpty());
        m_three = std::make_unique<ReferenceComponent>();
        m_urlThree = m_three->start();
        QVERIFY(!m_urlThree.isEmpty());

        // A short interval so a changed health is seen within the test.
        const QString failure = startServer({"--component-health-interval", "1"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "watcher", "V1ewer!Secret", "viewer");
        QCOMPARE(viewer.status, 201);
        m_viewer = viewer.token;
        const ApiUser user = createApiUser(*m_http, m_admin, "operator", "Us3r!Secret", "user");
        QCOMPARE(user.status, 201);
        m_user = user.token;
    }

    void secondEndpointAddsToTheVersion()
    {
        QCOMPARE(registerEndpoint(m_urlOne).status, 201);
        // The same components from another endpoint: no conflict, one more
        // endpoint for each version.
        const Answer second = registerEndpoint(m_urlTwo);
        QCOMPARE(second.status, 201);
        const QJsonArray items = second.data().value("items").toArray();
        QCOMPARE(items.size(), 7);
        for (const QJsonValue item : items) {
            QCOMPARE(item["endpoints"].toArray().size(), 2);
            QCOMPARE(item["endpoint"].toString(), m_urlOne.toString()); // the first
        }
        const QJsonObject echo = echoVersion();
        QCOMPARE(echo.value("health").toString(), QStringLiteral("healthy"));
        QCOMPARE(endpointIn(echo, m_urlTwo).value("health").toString(), QStringLiteral("healthy"));
        QCOMPARE(m_http->get("/api/v1/components/echo", m_admin).data()["items"].toArray().size(),
                 1);

        // Again from the same endpoint: refused, nothing changes.
        const Answer again = registerEndpoint(m_urlTwo, "echo");
        QCOMPARE(again.status, 409);
        QCOMPARE(again.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(echoVersion().value("endpoints").toArray().size(), 2);

        // The audit trail has one entry per stored version and endpoint.
        const Answer audit = m_http->get(
            "/api/v1/audit?action=COMPONENT_REGISTERED&resource_type=component", m_admin);
        QCOMPARE(audit.status, 200);
        QCOMPARE(audit.data().value("audit_logs").toArray().size(), 14);
    }

    void roundRobinOverEndpoints()
    {
        m_echoFlow = publishedFlow(echoFlow());
        QVERIFY(!m_echoFlow.isEmpty());
        const int oneBefore = executed(*m_one);
        const int twoBefore = executed(*m_two);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(runEcho(m_echoFlow), QStringLiteral("completed"));
        // Strictly in turn: each endpoint got half.
        QCOMPARE(executed(*m_one) - oneBefore, 3);
        QCOMPARE(executed(*m_two) - twoBefore, 3);
    }

    void unhealthyEndpointIsSkipped()
    {
        setHealth(*m_two, "unhealthy");
        QTRY_COMPARE_WITH_TIMEOUT(endpointIn(echoVersion(), m_urlTwo).value("health").toString(),
                                  QStringLiteral("unhealthy"), 20000);
        const QJsonObject echo = echoVersion();
        // The version stays usable: one endpoint is healthy.
        QCOMPARE(echo.value("health").toString(), QStringLiteral("healthy"));
        QVERIFY(!endpointIn(echo, m_urlTwo).value("health_message").toString().isEmpty());

        const int oneBefore = executed(*m_one);
        const int twoBefore = executed(*m_two);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(runEcho(m_echoFlow), QStringLiteral("completed"));
        QCOMPARE(executed(*m_one) - oneBefore, 4);
        QCOMPARE(executed(*m_two) - twoBefore, 0);

        // Healthy again: it gets its turn again.
        setHealth(*m_two, "healthy");
        QTRY_COMPARE_WITH_TIMEOUT(endpointIn(echoVersion(), m_urlTwo).value("health").toString(),
                                  QStringLiteral("healthy"), 20000);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(runEcho(m_echoFlow), QStringLiteral("completed"));
        QCOMPARE(executed(*m_two) - twoBefore, 1);
    }

    void semanticVersionsValidatedAndOrdered()
    {
        // Lexical order would put 1.10.0 before 1.2.0, and 2.0.0 before
        // its release candidate.
        const QStringList served{"1.10.0", "2.0.0", "1.2.0", "2.0.0-rc.1"};
        std::vector<std::unique_ptr<ReferenceComponent>> refs;
        for (const QString &version : served) {
            refs.push_back(std::make_unique<ReferenceComponent>());
            const QUrl url = refs.back()->start({"--component-version", version});
            QVERIFY(!url.isEmpty());
            const Answer registered = registerEndpoint(url, "echo");
            QCOMPARE(registered.status, 201);
        }
        const QJsonArray items =
            m_http->get("/api/v1/components/echo", m_viewer).data().value("items").toArray();
        QCOMPARE(versionsOf(items),
                 (QStringList{"1.0.0", "1.2.0", "1.10.0", "2.0.0-rc.1", "2.0.0"}));

        // Not a semantic version: refused, naming the component and field.
        for (const QString &bad :
             {QStringLiteral("1.0"), QStringLiteral("v1.0.0"), QStringLiteral("1.02.0")}) {
            ReferenceComponent ref;
            const QUrl url = ref.start({"--component-version", bad});
            QVERIFY(!url.isEmpty());
            const Answer refused = registerEndpoint(url, "uppercase");
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            const QJsonObject details = refused.details();
            QCOMPARE(details.value("field").toString(), QStringLiteral("version"));
            QCOMPARE(details.value("name").toString(), QStringLiteral("uppercase"));
            QCOMPARE(details.value("version").toString(), bad);
        }
        QCOMPARE(versionsOf(m_http->get("/api/v1/components/uppercase", m_admin)
                                .data()
                                .value("items")
                                .toArray()),
                 QStringList{"1.0.0"});
    }

    void badSchemaRefused()
    {
        const QJsonObject goodPort{
            {"name", "value"}, {"type", "any"}, {"schema", QJsonObject{{"type", "string"}}}};
        const QJsonObject badPort{
            {"name", "value"}, {"type", "any"}, {"schema", QJsonObject{{"type", 12}}}};
        const QJsonObject badConfig{{"name", "shaped"},
                                    {"version", "1.0.0"},
                                    {"inputs", QJsonArray{goodPort}},
                                    {"outputs", QJsonArray{}},
                                    {"configSchema", QJsonObject{{"type", 12}}}};
        const QJsonObject badInput{{"name", "shaped"},
                                   {"version", "1.0.0"},
                                   {"inputs", QJsonArray{badPort}},
                                   {"outputs", QJsonArray{}}};
        const QJsonObject badOutput{{"name", "shaped"},
                                    {"version", "1.0.0"},
                                    {"inputs", QJsonArray{}},
                                    {"outputs", QJsonArray{badPort}}};
        const QList<QPair<QJsonObject, QString>> cases{{badConfig, "configSchema"},
                                                       {badInput, "inputs.value.schema"},
                                                       {badOutput, "outputs.value.schema"}};
        int n = 0;
        for (const auto &[def, field] : cases) {
            ReferenceComponent ref;
            const QString file =
                interfaceFile(QStringLiteral("bad%1.json").arg(++n), QJsonArray{def});
            const QUrl url = ref.start({"--interface-file", file});
            QVERIFY(!url.isEmpty());
            const Answer refused = registerEndpoint(url);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            const QJsonObject details = refused.details();
            QCOMPARE(details.value("field").toString(), field);
            QCOMPARE(details.value("name").toString(), QStringLiteral("shaped"));
            const QString message = refused.body["error"]["message"].toString();
            QVERIFY2(message.contains("shaped") && message.contains(field), qPrintable(message));
        }
        QCOMPARE(m_http->get("/api/v1/components/shaped", m_admin).status, 404);

        // Valid schemas register and are kept with the interface.
        QJsonObject good = badConfig;
        good.insert(
            "configSchema",
            QJsonObject{{"type", "object"},
                        {"properties", QJsonObject{{"quality", QJsonObject{{"type", "integer"},
                                                                           {"minimum", 1},
                                                                           {"maximum", 100}}}}}});
        ReferenceComponent ref;
        const QUrl url = ref.start({"--interface-file", interfaceFile("good.json", {good})});
        QVERIFY(!url.isEmpty());
        const Answer registered = registerEndpoint(url);
        QCOMPARE(registered.status, 201);
        const QJsonObject stored = registered.data()["items"][0].toObject();
        // Kept with the order its properties were written in (the console's
        // forms follow it), otherwise as given.
        QCOMPARE(stored["configSchema"]["properties"]["quality"]["propertyOrder"], QJsonValue(0));
        QCOMPARE(hm::flow::schemaorder::withoutOrder(stored.value("configSchema")),
                 good.value("configSchema"));
        QCOMPARE(stored["inputs"][0]["schema"].toObject(), goodPort.value("schema").toObject());
    }

    // issue 34, item 9: a manifest's name is bounded like every stored name
    // (255 characters) and an over-long one is not sent back whole.
    void overLongNamesRefusedWithTheLimit()
    {
        const auto manifest = [](const QString &name, const QString &version) {
            return QJsonObject{{"name", name},
                               {"version", version},
                               {"inputs", QJsonArray{}},
                               {"outputs", QJsonArray{}}};
        };
        const QString longName = QString(256, QLatin1Char('n'));
        const QString longVersion = QStringLiteral("1.0.0-") + QString(70, QLatin1Char('r'));
        const QList<QPair<QJsonObject, QString>> cases{
            {manifest(longName, "1.0.0"), "name"}, {manifest("versioned", longVersion), "version"}};
        int n = 0;
        for (const auto &[def, field] : cases) {
            ReferenceComponent ref;
            const QUrl url =
                ref.start({"--interface-file",
                           interfaceFile(QStringLiteral("long%1.json").arg(++n), QJsonArray{def})});
            QVERIFY(!url.isEmpty());
            const Answer refused = registerEndpoint(url);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(refused.details().value("field").toString(), field);
            QCOMPARE(refused.details().value("max_length").toInt(), field == "name" ? 255 : 64);
            const QString message = refused.body["error"]["message"].toString();
            QVERIFY2(message.contains(QStringLiteral("at most")), qPrintable(message));
            QVERIFY2(!QString::fromUtf8(refused.raw).contains(longName), "the name came back whole");
            QVERIFY(message.size() < 200);
        }
        const QJsonArray items = m_http->get("/api/v1/components", m_admin).data()["items"].toArray();
        for (const QJsonValue &item : items) {
            QVERIFY(item["name"].toString() != longName);
            QVERIFY(item["name"].toString() != QStringLiteral("versioned"));
        }

        // The limit itself is allowed.
        ReferenceComponent ref;
        const QString atLimit = QString(255, QLatin1Char('m'));
        const QUrl url = ref.start(
            {"--interface-file", interfaceFile("limit.json", {manifest(atLimit, "1.0.0")})});
        QVERIFY(!url.isEmpty());
        const Answer registered = registerEndpoint(url);
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.data()["items"][0]["name"].toString(), atLimit);
    }

    void deprecatedVersionWarnsAndStillRuns()
    {
        const QString path = "/api/v1/components/echo/1.0.0/deprecate";
        QCOMPARE(m_http->json("POST", path, {}, m_user).status, 403);
        const Answer deprecated = m_http->json("POST", path, {}, m_admin);
        QCOMPARE(deprecated.status, 200);
        QCOMPARE(deprecated.data().value("status").toString(), QStringLiteral("deprecated"));
        QCOMPARE(deprecated.data().value("deprecated").toBool(), true);
        QCOMPARE(echoVersion().value("status").toString(), QStringLiteral("deprecated"));
        QCOMPARE(echoVersion("1.2.0").value("status").toString(), QStringLiteral("active"));

        // Flows already using it keep running.
        QCOMPARE(runEcho(m_echoFlow), QStringLiteral("completed"));

        // New flows may still use it, with a warning naming the node.
        const Answer created =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "uses-deprecated"}, {"definition", echoFlow()}}, m_admin);
        QCOMPARE(created.status, 201);
        const QJsonArray warnings = created.data().value("warnings").toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0]["code"].toString(), QStringLiteral("DEPRECATED_COMPONENT_VERSION"));
        QCOMPARE(warnings[0]["node"].toString(), QStringLiteral("e"));
        QCOMPARE(warnings[0]["version"].toString(), QStringLiteral("1.0.0"));
        const QString id = created.data().value("id").toString();
        const Answer published =
            m_http->json("POST", "/api/v1/flows/" + id + "/publish", {{"version", "1"}}, m_admin);
        QCOMPARE(published.status, 200);
        QCOMPARE(published.data().value("warnings").toArray().size(), 1);
        // Another version of the component: no warning.
        const Answer other = m_http->json("POST", "/api/v1/flows/" + id + "/versions",
                                          {{"definition", echoFlow("1.2.0")}}, m_admin);
        QCOMPARE(other.status, 201);
        QCOMPARE(other.data().value("warnings").toArray().size(), 0);

        const Answer audit = m_http->get("/api/v1/audit?action=COMPONENT_DEPRECATED", m_admin);
        QCOMPARE(audit.data().value("audit_logs").toArray().size(), 1);

        // Undeprecated: active again, no more warnings.
        const Answer active =
            m_http->json("POST", "/api/v1/components/echo/1.0.0/undeprecate", {}, m_admin);
        QCOMPARE(active.status, 200);
        QCOMPARE(active.data().value("status").toString(), QStringLiteral("active"));
        const Answer later =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "after-undeprecate"}, {"definition", echoFlow()}}, m_admin);
        QCOMPARE(later.status, 201);
        QCOMPARE(later.data().value("warnings").toArray().size(), 0);

        QCOMPARE(
            m_http->json("POST", "/api/v1/components/echo/9.9.9/deprecate", {}, m_admin).code(),
            QStringLiteral("COMPONENT_NOT_FOUND"));
        QCOMPARE(
            m_http->json("POST", "/api/v1/components/delay/1.0.0/deprecate", {}, m_admin).status,
            422);
    }

    void usageNamesFlowsAndVersions()
    {
        const QString onTwelve = publishedFlow(echoFlow("1.2.0"));
        QVERIFY(!onTwelve.isEmpty());

        auto usage = [&](const QString &path, const QString &token) {
            return m_http->get(path, token).data().value("items").toArray();
        };
        auto flowIds = [](const QJsonArray &items) {
            QStringList ids;
            for (const QJsonValue item : items)
                ids.append(item["flow_id"].toString());
            return ids;
        };
        const QJsonArray v100 = usage("/api/v1/components/echo/1.0.0/usage", m_admin);
        QVERIFY(flowIds(v100).contains(m_echoFlow));
        QVERIFY(!flowIds(v100).contains(onTwelve));
        for (const QJsonValue item : v100) {
            if (item["flow_id"].toString() == m_echoFlow) {
                QCOMPARE(item["flow_version"].toString(), QStringLiteral("1"));
                QCOMPARE(item["flow_version_status"].toString(), QStringLiteral("published"));
                QCOMPARE(item["nodes"].toArray(), QJsonArray{"e"});
                QCOMPARE(item["component_versions"].toArray(), QJsonArray{"1.0.0"});
            }
        }
        const QJsonArray v120 = usage("/api/v1/components/echo/1.2.0/usage", m_admin);
        QVERIFY(flowIds(v120).contains(onTwelve));
        QVERIFY(!flowIds(v120).contains(m_echoFlow));
        const QJsonArray any = usage("/api/v1/components/echo/usage", m_admin);
        QVERIFY(flowIds(any).contains(onTwelve));
        QVERIFY(flowIds(any).contains(m_echoFlow));
        QVERIFY(usage("/api/v1/components/echo/2.0.0/usage", m_admin).isEmpty());

        // Only the flows the caller may view.
        const Answer viewer = m_http->get("/api/v1/components/echo/1.0.0/usage", m_viewer);
        QCOMPARE(viewer.status, 200);
        QVERIFY(viewer.data().value("items").toArray().isEmpty());

        const Answer unknown = m_http->get("/api/v1/components/echo/7.0.0/usage", m_admin);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.code(), QStringLiteral("COMPONENT_NOT_FOUND"));
    }

    // Restarts the server with a health interval too long to notice a
    // dead endpoint: only the dispatch's failover can save the calls.
    void connectionRefusedFailsOver()
    {
        QCOMPARE(registerEndpoint(m_urlThree, "echo").status, 201);
        QCOMPARE(echoVersion().value("endpoints").toArray().size(), 3);
        QVERIFY(stopServer());
        const QString failure = restartServer({"--component-health-interval", "3600"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // The start-up check runs once: wait for it, then kill the third.
        QTRY_COMPARE_WITH_TIMEOUT(endpointIn(echoVersion(), m_urlThree).value("health").toString(),
                                  QStringLiteral("healthy"), 20000);
        m_three.reset();
        const int before = executed(*m_one) + executed(*m_two);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(runEcho(m_echoFlow), QStringLiteral("completed"));
        QCOMPARE(executed(*m_one) + executed(*m_two) - before, 6);
        // No retries were needed: every call was a first attempt.
        for (ReferenceComponent *ref : {m_one.get(), m_two.get()}) {
            const QJsonArray seen = requests(*ref);
            for (qsizetype i = seen.size() - 1; i >= 0 && i >= seen.size() - 6; --i)
                QCOMPARE(seen.at(i)["attempt"].toInt(), 1);
        }
        // The last check still says healthy: the executor did not wait for it.
        QCOMPARE(endpointIn(echoVersion(), m_urlThree).value("health").toString(),
                 QStringLiteral("healthy"));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->process().terminate();
    }
};

QTEST_GUILESS_MAIN(TestComponentRegistry)
#include "TestComponentRegistry.moc"
