// The OpenAPI document against the real server's route table: every route
// the router holds must appear, described (issue "Headless server", point 4);
// and against real answers: the `data` of a sample of GET routes validates
// against the schema the document publishes for it (valijson, as for node
// configs).

#include "FlowTestSupport.h"
#include "flow/ConfigSchemaValidator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace hm;
using namespace hm::test;

namespace {

// OpenAPI 3.0's one departure from JSON Schema that the document uses:
// {"type": T, "nullable": true} is {"type": [T, "null"]} (and null joins
// an enum).
QJsonValue jsonSchema(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray items;
        for (const QJsonValue &item : value.toArray())
            items.append(jsonSchema(item));
        return items;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it)
        object.insert(it.key(), jsonSchema(it.value()));
    if (object.value("nullable").toBool()) {
        object.remove("nullable");
        if (object.contains("type"))
            object.insert("type", QJsonArray{object.value("type"), "null"});
        if (object.contains("enum")) {
            QJsonArray values = object.value("enum").toArray();
            values.append(QJsonValue::Null);
            object.insert("enum", values);
        }
    }
    return object;
}

} // namespace

class TestOpenApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QJsonObject m_document;
    QJsonArray m_routes;
    QString m_flow;       // for answersMatchThePublishedSchemas
    QString m_execution;  // its one finished execution
    QString m_credential; // one stored credential
    QString m_service;    // one registered external service
    QString m_ipv6Pool;   // one IPv6 prefix pool with one allocation

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // No credentials: the document is public.
        const Answer document = m_http->get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(document.status, 200);
        QVERIFY(document.headers.value("content-type").startsWith("application/json"));
        m_document = QJsonDocument::fromJson(document.raw).object();
        QVERIFY(!m_document.isEmpty());

        const Answer routes = m_http->get(QStringLiteral("/api/v1/system/routes"), m_admin);
        QCOMPARE(routes.status, 200);
        m_routes = routes.data().value("routes").toArray();
        QVERIFY(m_routes.size() > 20);
        QCOMPARE(routes.data().value("total").toInt(), m_routes.size());
    }

    // servers[].url comes from the configuration (here the listen URL),
    // never from the request's Host header.
    void serverUrlIgnoresTheHostHeader()
    {
        const QString expected = m_http->base().toString(QUrl::StripTrailingSlash);
        QCOMPARE(m_document.value("servers").toArray().first().toObject().value("url").toString(),
                 expected);
        const Answer spoofed =
            rawExchange(m_http->base(), "GET /api/v1/openapi.json HTTP/1.1\r\n"
                                        "Host: evil.example\r\nConnection: close\r\n\r\n");
        QCOMPARE(spoofed.status, 200);
        QVERIFY(!spoofed.raw.contains("evil.example"));
        QCOMPARE(spoofed.body.value("servers").toArray().first().toObject().value("url").toString(),
                 expected);

        // With --public-url, that one.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerProcess server(dir.path());
        const QUrl url = server.start({"--public-url", "https://hivemind.example:8443"});
        QVERIFY2(!url.isEmpty(), server.standardError().constData());
        const Answer configured = rawExchange(url, "GET /api/v1/openapi.json HTTP/1.1\r\n"
                                                   "Host: evil.example\r\n\r\n");
        QCOMPARE(configured.status, 200);
        QCOMPARE(
            configured.body.value("servers").toArray().first().toObject().value("url").toString(),
            QStringLiteral("https://hivemind.example:8443"));
    }

    void routeTableIsAdminOnly()
    {
        QCOMPARE(m_http->get(QStringLiteral("/api/v1/system/routes")).status, 401);
    }

    void looksLikeOpenApi3()
    {
        QVERIFY(m_document.value("openapi").toString().startsWith("3.0"));
        const QJsonObject info = m_document.value("info").toObject();
        QCOMPARE(info.value("title").toString(), QStringLiteral("HiveMind"));
        QVERIFY(!info.value("version").toString().isEmpty());
        QVERIFY(!m_document.value("servers").toArray().isEmpty());
        QVERIFY(!m_document.value("paths").toObject().isEmpty());
        const QJsonObject components = m_document.value("components").toObject();
        const QJsonObject schemes = components.value("securitySchemes").toObject();
        QCOMPARE(schemes.value("bearerAuth").toObject().value("scheme").toString(),
                 QStringLiteral("bearer"));
        QCOMPARE(schemes.value("bearerAuth").toObject().value("bearerFormat").toString(),
                 QStringLiteral("JWT"));
        QCOMPARE(schemes.value("apiKeyAuth").toObject().value("name").toString(),
                 QStringLiteral("X-API-Key"));
        const QJsonObject schemas = components.value("schemas").toObject();
        for (const char *name : {"Envelope", "ErrorEnvelope", "Error", "Pagination"})
            QVERIFY2(schemas.contains(QString::fromLatin1(name)), name);
    }

    void everyRouteIsDocumented()
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_0-9]+)\\}"));
        const QJsonObject paths = m_document.value("paths").toObject();
        for (const QJsonValue &value : std::as_const(m_routes)) {
            const QJsonObject route = value.toObject();
            const QString path = route.value("path").toString();
            const QString method = route.value("method").toString().toLower();
            const QString label = method + u' ' + path;
            const QJsonObject operation = paths.value(path).toObject().value(method).toObject();
            QVERIFY2(!operation.isEmpty(), qPrintable(label + " missing from the document"));
            QVERIFY2(!operation.value("summary").toString().isEmpty(), qPrintable(label));
            QVERIFY2(!route.value("summary").toString().isEmpty(), qPrintable(label));
            QVERIFY2(!operation.value("responses").toObject().isEmpty(), qPrintable(label));
            QVERIFY2(!operation.value("tags").toArray().isEmpty(), qPrintable(label));

            QStringList declared;
            for (const QJsonValue &p : operation.value("parameters").toArray()) {
                const QJsonObject parameter = p.toObject();
                if (parameter.value("in").toString() == QLatin1String("path")) {
                    QVERIFY2(parameter.value("required").toBool(), qPrintable(label));
                    declared.append(parameter.value("name").toString());
                }
            }
            QStringList expected;
            for (auto it = placeholder.globalMatch(path); it.hasNext();)
                expected.append(it.next().captured(1));
            QCOMPARE(declared, expected);

            // Protected routes name their security; public ones an empty list.
            const bool isProtected = !route.value("auth").isNull();
            QCOMPARE(operation.value("security").toArray().isEmpty(), !isProtected);
            if (isProtected) {
                QVERIFY2(operation.value("responses").toObject().contains("401"),
                         qPrintable(label));
            }
        }
    }

    void documentHoldsNothingElse()
    {
        QSet<QString> known;
        for (const QJsonValue &value : std::as_const(m_routes))
            known.insert(value.toObject().value("method").toString().toLower() + u' ' +
                         value.toObject().value("path").toString());
        const QJsonObject paths = m_document.value("paths").toObject();
        int operations = 0;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                QVERIFY2(known.contains(op.key() + u' ' + it.key()), qPrintable(it.key()));
                ++operations;
            }
        }
        QCOMPARE(operations, m_routes.size());
    }

    // docs/api.md "Naming": every property an answer's schema names is
    // snake_case (setting keys: snake_case words joined by dots). The names
    // of the documents the seeds define in camelCase are the only others:
    // a flow definition is a free-form object here; a component's
    // interface (configSchema, outputHandles) and a credential's data
    // (seed 003 §13.2, and hostKey beside them) are named below, with seed
    // 002's releasedAt (GET /api/agents/releases/latest keeps its shape).
    void answerPropertiesAreSnakeCase()
    {
        static const QRegularExpression snake(
            QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*)*$"));
        static const QSet<QString> seedDocuments{
            QStringLiteral("configSchema"), QStringLiteral("outputHandles"),
            QStringLiteral("clientId"),     QStringLiteral("clientSecret"),
            QStringLiteral("tokenUrl"),     QStringLiteral("privateKey"),
            QStringLiteral("hostKey"),      QStringLiteral("releasedAt")};
        const QJsonObject schemas =
            m_document.value("components").toObject().value("schemas").toObject();
        QStringList offenders;
        QSet<QString> seenRefs;
        std::function<void(const QJsonValue &, const QString &)> walk = [&](const QJsonValue &value,
                                                                            const QString &where) {
            if (value.isArray()) {
                for (const QJsonValue &item : value.toArray())
                    walk(item, where);
                return;
            }
            const QJsonObject schema = value.toObject();
            if (const QString ref = schema.value("$ref").toString(); !ref.isEmpty()) {
                const QString name = ref.section(u'/', -1);
                if (!seenRefs.contains(name)) {
                    seenRefs.insert(name);
                    walk(schemas.value(name), where + u' ' + name);
                }
                return;
            }
            const QJsonObject properties = schema.value("properties").toObject();
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                if (!snake.match(it.key()).hasMatch() && !seedDocuments.contains(it.key()))
                    offenders.append(where + u'.' + it.key());
                walk(it.value(), where + u'.' + it.key());
            }
            for (const char *key : {"items", "allOf", "oneOf", "anyOf", "additionalProperties"})
                if (schema.contains(QLatin1String(key)))
                    walk(schema.value(QLatin1String(key)), where);
        };
        const QJsonObject paths = m_document.value("paths").toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject item = path.value().toObject();
            for (auto op = item.begin(); op != item.end(); ++op) {
                const QJsonObject responses = op.value().toObject().value("responses").toObject();
                for (auto r = responses.begin(); r != responses.end(); ++r) {
                    const QJsonObject content = r.value().toObject().value("content").toObject();
                    for (auto type = content.begin(); type != content.end(); ++type)
                        walk(type.value().toObject().value("schema"),
                             op.key() + u' ' + path.key() + u' ' + r.key());
                }
            }
        }
        for (const QString &offender : std::as_const(offenders))
            qWarning("not snake_case: %s", qPrintable(offender));
        QVERIFY2(offenders.isEmpty(), qPrintable(QString::number(offenders.size())));
    }

    void successAndErrorResponsesUseTheEnvelope()
    {
        const QJsonObject login = m_document.value("paths")
                                      .toObject()
                                      .value("/api/v1/auth/login")
                                      .toObject()
                                      .value("post")
                                      .toObject();
        const QJsonObject responses = login.value("responses").toObject();
        const QByteArray ok = QJsonDocument(responses.value("200").toObject()).toJson();
        QVERIFY(ok.contains("#/components/schemas/Envelope"));
        QVERIFY(ok.contains("access_token"));
        for (const char *status : {"401", "423", "429"}) {
            if (!responses.contains(QString::fromLatin1(status)))
                continue;
            QVERIFY(QJsonDocument(responses.value(QString::fromLatin1(status)).toObject())
                        .toJson()
                        .contains("#/components/schemas/ErrorEnvelope"));
        }
        QVERIFY(responses.contains("401"));
        QVERIFY(responses.contains("429"));
    }

    // Real answers against the published schemas. Each sampled route must
    // publish a schema for its data (an empty one would accept anything),
    // and the answer's data must validate against it.
    void answersMatchThePublishedSchemas_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("path"); // {flow} and {execution} are filled in
        QTest::newRow("health") << "/api/v1/health"
                                << "/api/v1/health";
        QTest::newRow("version") << "/api/v1/version"
                                 << "/api/v1/version";
        QTest::newRow("users") << "/api/v1/users"
                               << "/api/v1/users";
        QTest::newRow("me") << "/api/v1/users/me"
                            << "/api/v1/users/me";
        QTest::newRow("sessions") << "/api/v1/users/me/sessions"
                                  << "/api/v1/users/me/sessions";
        QTest::newRow("api keys") << "/api/v1/auth/api-keys"
                                  << "/api/v1/auth/api-keys";
        QTest::newRow("auth settings") << "/api/v1/auth/settings"
                                       << "/api/v1/auth/settings";
        QTest::newRow("flows") << "/api/v1/flows"
                               << "/api/v1/flows";
        QTest::newRow("flow") << "/api/v1/flows/{id}"
                              << "/api/v1/flows/{flow}";
        QTest::newRow("flow versions") << "/api/v1/flows/{id}/versions"
                                       << "/api/v1/flows/{flow}/versions";
        QTest::newRow("executions") << "/api/v1/executions"
                                    << "/api/v1/executions";
        QTest::newRow("execution") << "/api/v1/executions/{id}"
                                   << "/api/v1/executions/{execution}";
        QTest::newRow("execution metrics") << "/api/v1/executions/{id}/metrics"
                                           << "/api/v1/executions/{execution}/metrics";
        QTest::newRow("components") << "/api/v1/components"
                                    << "/api/v1/components";
        QTest::newRow("component") << "/api/v1/components/{name}"
                                   << "/api/v1/components/noop";
        QTest::newRow("component usage") << "/api/v1/components/{name}/{version}/usage"
                                         << "/api/v1/components/noop/1.0.0/usage";
        QTest::newRow("component usage, all versions") << "/api/v1/components/{name}/usage"
                                                       << "/api/v1/components/noop/usage";
        QTest::newRow("system info") << "/api/v1/system/info"
                                     << "/api/v1/system/info";
        QTest::newRow("system config") << "/api/v1/system/config"
                                       << "/api/v1/system/config";
        QTest::newRow("audit") << "/api/v1/audit"
                               << "/api/v1/audit";
        QTest::newRow("logs") << "/api/v1/logs"
                              << "/api/v1/logs";
        // Lines logged outside any request (the start's) have no request id.
        QTest::newRow("logs of the start") << "/api/v1/logs"
                                           << "/api/v1/logs?module=hivemind.store";
        QTest::newRow("credentials") << "/api/v1/credentials"
                                     << "/api/v1/credentials";
        QTest::newRow("credential") << "/api/v1/credentials/{id}"
                                    << "/api/v1/credentials/{credential}";
        QTest::newRow("credential key status") << "/api/v1/credentials/key-status"
                                               << "/api/v1/credentials/key-status";
        QTest::newRow("services") << "/api/v1/services"
                                  << "/api/v1/services";
        QTest::newRow("service") << "/api/v1/services/{id}"
                                 << "/api/v1/services/{service}";
        QTest::newRow("service endpoints") << "/api/v1/services/{id}/endpoints"
                                           << "/api/v1/services/{service}/endpoints";
        QTest::newRow("ipv6 pools") << "/api/v1/ipv6/pools"
                                    << "/api/v1/ipv6/pools";
        QTest::newRow("ipv6 pool") << "/api/v1/ipv6/pools/{id}"
                                   << "/api/v1/ipv6/pools/{ipv6_pool}";
        QTest::newRow("ipv6 allocations") << "/api/v1/ipv6/allocations"
                                          << "/api/v1/ipv6/allocations";
    }
    void answersMatchThePublishedSchemas()
    {
        QFETCH(QString, route);
        QFETCH(QString, path);
        if (m_flow.isEmpty()) {
            // One flow with one finished execution, made once for all rows.
            QString why;
            m_flow = createPublishedFlow(*m_http, m_admin, QStringLiteral("schema-sample"),
                                         flowDefinition({flowNode("a", "noop")}), {}, &why);
            QVERIFY2(!m_flow.isEmpty(), qPrintable(why));
            const Answer started = triggerFlow(*m_http, m_admin, m_flow);
            QVERIFY2(started.status == 200 || started.status == 202, started.raw.constData());
            m_execution = started.data().value("execution_id").toString();
            QVERIFY(!m_execution.isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(executionStatus(*m_http, m_admin, m_execution),
                                      QStringLiteral("completed"), 30000);
        }
        if (m_credential.isEmpty()) {
            const Answer created = m_http->json("POST", QStringLiteral("/api/v1/credentials"),
                                                {{"name", "schema sample"},
                                                 {"type", "database"},
                                                 {"data", QJsonObject{{"host", "db"},
                                                                      {"port", 5432},
                                                                      {"database", "d"},
                                                                      {"username", "u"},
                                                                      {"password", "p"}}}},
                                                m_admin);
            QCOMPARE(created.status, 201);
            m_credential = created.data().value("id").toString();
        }
        if (m_service.isEmpty()) {
            // A service with endpoints by hand (no document to fetch).
            const Answer created = m_http->json(
                "POST", QStringLiteral("/api/v1/services"),
                {{"name", "schema-sample"},
                 {"base_url", "http://127.0.0.1:9/api"},
                 {"endpoints",
                  QJsonArray{
                      QJsonObject{
                          {"name", "getUser"},
                          {"method", "GET"},
                          {"path", "/users/{id}"},
                          {"queryParams",
                           QJsonObject{{"type", "object"},
                                       {"properties",
                                        QJsonObject{{"q", QJsonObject{{"type", "string"}}}}}}},
                          {"responseSchema", QJsonObject{{"type", "object"}}}},
                      QJsonObject{{"method", "POST"},
                                  {"path", "/users"},
                                  {"requestBody", QJsonObject{{"type", "object"}}}}}}},
                m_admin);
            QCOMPARE(created.status, 201);
            m_service = created.data().value("id").toString();
        }
        if (m_ipv6Pool.isEmpty()) {
            // A pool with one allocation: its counts and newest allocations.
            const Answer pool = m_http->json(
                "POST", QStringLiteral("/api/v1/ipv6/pools"),
                {{"name", "schema-sample"}, {"prefix", "2001:db8::/48"}, {"prefix_length", 64}},
                m_admin);
            QCOMPARE(pool.status, 201);
            m_ipv6Pool = QString::number(qint64(pool.data().value("id").toDouble()));
            QCOMPARE(m_http
                         ->json("POST", QStringLiteral("/api/v1/ipv6/allocations"),
                                {{"pool_id", pool.data().value("id")}, {"client_name", "c"}},
                                m_admin)
                         .status,
                     201);
        }
        path.replace(QStringLiteral("{ipv6_pool}"), m_ipv6Pool);
        path.replace(QStringLiteral("{service}"), m_service);
        path.replace(QStringLiteral("{credential}"), m_credential);
        path.replace(QStringLiteral("{flow}"), m_flow)
            .replace(QStringLiteral("{execution}"), m_execution);

        const QJsonObject operation =
            m_document.value("paths").toObject().value(route).toObject().value("get").toObject();
        QVERIFY2(!operation.isEmpty(), qPrintable(route));
        const QJsonObject data = operation.value("responses")
                                     .toObject()
                                     .value("200")
                                     .toObject()
                                     .value("content")
                                     .toObject()
                                     .value("application/json")
                                     .toObject()
                                     .value("schema")
                                     .toObject()
                                     .value("allOf")
                                     .toArray()
                                     .at(1)
                                     .toObject()
                                     .value("properties")
                                     .toObject()
                                     .value("data")
                                     .toObject();
        QVERIFY2(data.contains("type") && (data.value("type") != QStringLiteral("object") ||
                                           !data.value("properties").toObject().isEmpty()),
                 qPrintable(route + QStringLiteral(" publishes no schema for its data")));

        const Answer answer = m_http->get(path, m_admin);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.contains("data"));
        // The document's components go along, for its "#/components/..." refs.
        const auto validator = flow::ConfigSchemaValidator::create(
            jsonSchema(QJsonObject{{"type", "object"},
                                   {"required", QJsonArray{"data"}},
                                   {"properties", QJsonObject{{"data", data}}},
                                   {"components", m_document.value("components")}})
                .toObject());
        if (!validator.ok())
            QFAIL(qPrintable(route + u' ' + validator.error().toString()));
        const auto violations =
            validator.value()->validate(QJsonObject{{"data", answer.body.value("data")}});
        QStringList problems;
        for (const auto &v : violations)
            problems.append(v.path + QStringLiteral(": ") + v.message);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n') + u'\n' +
                                                QString::fromUtf8(answer.raw.left(3000))));
    }

    // Optimistic concurrency is in the document: each flow write takes
    // If-Match (and, with a body, base_revision / base_version), answers
    // 409 CONFLICT and names the ETag it sends back; GET sends one too.
    void flowWritesDescribeConcurrency()
    {
        const QJsonObject paths = m_document.value("paths").toObject();
        const QList<QPair<QString, QString>> writes{{"/api/v1/flows/{id}", "put"},
                                                    {"/api/v1/flows/{id}", "delete"},
                                                    {"/api/v1/flows/{id}/versions", "post"},
                                                    {"/api/v1/flows/{id}/publish", "post"}};
        for (const auto &[path, method] : writes) {
            const QString label = method + u' ' + path;
            const QJsonObject op = paths.value(path).toObject().value(method).toObject();
            bool ifMatch = false;
            for (const QJsonValue &p : op.value("parameters").toArray())
                ifMatch = ifMatch || (p.toObject().value("in") == QStringLiteral("header") &&
                                      p.toObject().value("name") == QStringLiteral("If-Match") &&
                                      !p.toObject().value("required").toBool());
            QVERIFY2(ifMatch, qPrintable(label));
            const QJsonObject responses = op.value("responses").toObject();
            QVERIFY2(responses.value("409")
                         .toObject()
                         .value("description")
                         .toString()
                         .contains("CONFLICT"),
                     qPrintable(label));
            if (method == QLatin1String("delete"))
                continue;
            const QJsonObject success =
                responses.value(responses.contains("201") ? "201" : "200").toObject();
            QVERIFY2(success.value("headers").toObject().contains("ETag"), qPrintable(label));
            const QJsonObject body = op.value("requestBody")
                                         .toObject()
                                         .value("content")
                                         .toObject()
                                         .value("application/json")
                                         .toObject()
                                         .value("schema")
                                         .toObject();
            const QJsonObject properties = body.value("properties").toObject();
            QVERIFY2(properties.contains("base_revision") && properties.contains("base_version"),
                     qPrintable(label));
            QVERIFY2(!body.value("required").toArray().contains(QStringLiteral("base_revision")),
                     qPrintable(label));
        }
        const QJsonObject get =
            paths.value("/api/v1/flows/{id}").toObject().value("get").toObject();
        QVERIFY(get.value("responses")
                    .toObject()
                    .value("200")
                    .toObject()
                    .value("headers")
                    .toObject()
                    .contains("ETag"));
    }

    void authRequestBodiesAreDescribed()
    {
        const QJsonObject paths = m_document.value("paths").toObject();
        const QList<QPair<QString, QString>> withBody{{"/api/v1/auth/login", "post"},
                                                      {"/api/v1/auth/refresh", "post"},
                                                      {"/api/v1/auth/register", "post"},
                                                      {"/api/v1/auth/api-keys", "post"},
                                                      {"/api/v1/users", "post"},
                                                      {"/api/v1/users/{id}", "put"},
                                                      {"/api/v1/users/me/password", "put"},
                                                      {"/api/v1/system/config", "put"}};
        for (const auto &[path, method] : withBody) {
            const QJsonObject schema = paths.value(path)
                                           .toObject()
                                           .value(method)
                                           .toObject()
                                           .value("requestBody")
                                           .toObject()
                                           .value("content")
                                           .toObject()
                                           .value("application/json")
                                           .toObject()
                                           .value("schema")
                                           .toObject();
            QVERIFY2(!schema.value("properties").toObject().isEmpty(), qPrintable(path));
        }
        const QJsonObject login = paths.value("/api/v1/auth/login")
                                      .toObject()
                                      .value("post")
                                      .toObject()
                                      .value("requestBody")
                                      .toObject();
        QVERIFY(QJsonDocument(login).toJson().contains("\"password\""));
    }
};

QTEST_MAIN(TestOpenApi)
#include "TestOpenApi.moc"
