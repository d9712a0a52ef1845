// External services (issue 13, item 3; seed 003 §7.4, §15) against the real
// hivemind-server process and a real HTTP peer on loopback that plays the
// service (its OpenAPI document, its endpoints, an oauth2 token endpoint):
// registration with a schema URL and by probing each usual path, preview
// without saving, endpoints by hand, refresh-schema's diff with removed
// endpoints kept (and refused by the resolver), test calls with each
// credential type injected, the oauth2 token cache and its one refresh on a
// 401, CREDENTIAL_IN_USE after linking, and no secret in any answer or in
// the server's (debug) log. Only http(s) URLs are fetched (issue 34, item
// 3): file:, ftp:, data: and relative schema URLs are refused up front
// (an existing file answers as a missing one, nothing is read), so are
// redirects to them; a local document comes as its text instead.

#include "AuthTestSupport.h"
#include "RecordingHttpPeer.h"
#include "flow/ComponentInterface.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");

QJsonObject operation(const QString &id, const QJsonArray &parameters = {},
                      const QJsonObject &body = {})
{
    QJsonObject op{{"operationId", id},
                   {"responses", QJsonObject{{"200", QJsonObject{{"description", "ok"}}}}}};
    if (!parameters.isEmpty())
        op.insert("parameters", parameters);
    if (!body.isEmpty())
        op.insert("requestBody",
                  QJsonObject{{"content",
                               QJsonObject{{"application/json", QJsonObject{{"schema", body}}}}}});
    return op;
}

QJsonObject parameter(const QString &name, const QString &in, const QString &type,
                      bool required = false)
{
    return QJsonObject{{"name", name},
                       {"in", in},
                       {"required", required},
                       {"schema", QJsonObject{{"type", type}}}};
}

// Version 1: GET /pets, POST /pets, GET /pets/{petId}.
QByteArray documentV1()
{
    const QJsonObject petBody{
        {"type", "object"}, {"properties", QJsonObject{{"name", QJsonObject{{"type", "string"}}}}}};
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pets"}, {"version", "1"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{{"get", operation("listPets",
                                                       {parameter("limit", "query", "integer")})},
                                     {"post", operation("createPet", {}, petBody)}}},
                        {"/pets/{petId}",
                         QJsonObject{
                             {"get", operation("showPet",
                                               {parameter("petId", "path", "string", true)})}}}}}})
        .toJson();
}

// Version 2: GET /pets/{petId} removed, POST /pets changed (a query
// parameter more), GET /owners added.
QByteArray documentV2()
{
    const QJsonObject petBody{
        {"type", "object"}, {"properties", QJsonObject{{"name", QJsonObject{{"type", "string"}}}}}};
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pets"}, {"version", "2"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{{"get", operation("listPets",
                                                       {parameter("limit", "query", "integer")})},
                                     {"post", operation("createPet",
                                                        {parameter("dryRun", "query", "boolean")},
                                                        petBody)}}},
                        {"/owners", QJsonObject{{"get", operation("listOwners")}}}}}})
        .toJson();
}

// The same API as a Swagger 2.0 YAML document.
const QByteArray kYamlDocument = "swagger: '2.0'\n"
                                 "info:\n  title: Pets\n  version: '1'\n"
                                 "paths:\n"
                                 "  /pets:\n"
                                 "    get:\n"
                                 "      operationId: listPets\n"
                                 "      responses:\n"
                                 "        '200':\n"
                                 "          description: ok\n";

} // namespace

class TestServicesApi : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    ApiUser m_alice;
    ApiUser m_bob;
    QStringList m_secrets; // every secret value the test stored or the peer issued
    QByteArray m_answers;  // every answer body the server gave
    RecordingPeer m_peer;
    QByteArray m_document; // what the peer serves at /docs/current.json
    int m_services = 0;

    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body,
                const QString &token)
    {
        const Answer answer = verb == "GET" || verb == "DELETE"
                                  ? m_http->send(verb, path, {}, Http::bearer(token))
                                  : m_http->json(verb, path, body, token);
        m_answers += answer.raw + '\n';
        return answer;
    }
    QString secret(const QString &label)
    {
        m_secrets.append(
            QStringLiteral("S3cret-%1-%2")
                .arg(label)
                .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0')));
        return m_secrets.constLast();
    }
    QString uniqueName(const QString &stem) { return stem + u'-' + QString::number(++m_services); }
    QString createCredential(const QString &type, const QJsonObject &data)
    {
        const Answer created =
            call("POST", "/api/v1/credentials",
                 {{"name", uniqueName(type)}, {"type", type}, {"data", data}}, m_alice.token);
        if (created.status != 201)
            qWarning("credential: %d %s", created.status, created.raw.constData());
        return created.data().value("id").toString();
    }
    Answer registerService(QJsonObject body, const QString &token = {})
    {
        return call("POST", "/api/v1/services", body, token.isEmpty() ? m_alice.token : token);
    }
    // A service on the peer's /api with one manual endpoint, "echo":
    // GET /echo/{id}?q=, the credential linked.
    Answer registerEchoService(const QString &name, const QString &credential)
    {
        return registerService(
            {{"name", name},
             {"base_url", m_peer.url("/api")},
             {"credential_id", credential},
             {"endpoints",
              QJsonArray{QJsonObject{
                  {"name", "echo"},
                  {"method", "GET"},
                  {"path", "/echo/{id}"},
                  {"queryParams",
                   QJsonObject{
                       {"type", "object"},
                       {"properties", QJsonObject{{"q", QJsonObject{{"type", "string"}}}}}}}}}}});
    }
    QJsonObject endpointNamed(const QJsonObject &service, const QString &name)
    {
        for (const QJsonValue &e : service.value("endpoints").toArray())
            if (e.toObject().value("name").toString() == name)
                return e.toObject();
        return {};
    }
    Answer testCall(const QString &serviceId, const QJsonObject &body)
    {
        return call("POST", "/api/v1/services/" + serviceId + "/test", body, m_alice.token);
    }
    // The peer as the service: its documents, and its API echoing what it got.
    RecordingPeer::Reply serve(const RecordedRequest &r)
    {
        if (r.path() == "/docs/v1.json")
            return {200, documentV1()};
        if (r.path() == "/docs/current.json")
            return {200, m_document};
        if (r.path() == "/docs/huge.json") // above the 16 MiB bound
            return {200, "{\"openapi\": \"3.0.0\", \"x\": \"" + QByteArray(17 * 1024 * 1024, 'a') +
                             "\"}"};
        if (r.path() == "/legacy/big")
            return {200, QByteArray(100 * 1024, 'b'), "text/plain"};
        if (r.path() == "/docs/broken.json")
            return {200, "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": [1, }"};
        if (r.path() == "/docs/to-file.json") // a redirect to the server's own file
            return {302, "", "text/plain", {{"Location", m_redirectTarget}}};
        if (r.path() == "/docs/remote-page") // a remote body that must not come back
            return {500, "<html>" + kRemoteMarker + "</html>", "text/html"};
        if (r.path() == "/docs/remote-json")
            return {200, "{\"hello\": \"" + kRemoteMarker + "\"}"};
        return {404, "{}"};
    }
    // An answer's error without what changes from one request to the next.
    static QJsonObject errorOf(const Answer &a)
    {
        QJsonObject error = a.body.value("error").toObject();
        error.remove("request_id");
        error.remove("timestamp");
        return error;
    }
    static inline const QByteArray kRemoteMarker = "R3mote-Body-Marker";
    QByteArray m_redirectTarget;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.path());
        m_server->setEnv(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        const QString failure =
            connectAdmin(*m_server, startAuthServer(*m_server), m_http, m_admin);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(
            m_http->json("PUT", "/api/v1/system/config", {{"log_level", "DEBUG"}}, m_admin).status,
            200);
        m_alice = createApiUser(*m_http, m_admin, "alice", kPassword, "user");
        m_bob = createApiUser(*m_http, m_admin, "bob", kPassword, "user");
        QVERIFY(!m_alice.token.isEmpty());
        QVERIFY(!m_bob.token.isEmpty());
        m_peer.setAnswer([this](const RecordedRequest &r) { return serve(r); });
    }

    void registerWithASchemaUrl()
    {
        const Answer created = registerService({{"name", "pets"},
                                                {"display_name", "Pet store"},
                                                {"base_url", m_peer.url("")},
                                                {"schema_url", "/docs/v1.json"},
                                                {"timeout_ms", 5000}});
        QCOMPARE(created.status, 201);
        const QJsonObject service = created.data();
        QCOMPARE(service.value("name").toString(), QStringLiteral("pets"));
        QCOMPARE(service.value("display_name").toString(), QStringLiteral("Pet store"));
        QCOMPARE(service.value("endpoint_count").toInt(), 3);
        QCOMPARE(service.value("schema_source").toString(), m_peer.url("/docs/v1.json"));
        QCOMPARE(service.value("schema").toObject().value("title").toString(),
                 QStringLiteral("Pets"));
        QCOMPARE(service.value("endpoints").toArray().size(), 3);
        const QJsonObject show = endpointNamed(service, "showPet");
        QCOMPARE(show.value("method").toString(), QStringLiteral("GET"));
        QCOMPARE(show.value("path").toString(), QStringLiteral("/pets/{petId}"));
        QCOMPARE(show.value("source").toString(), QStringLiteral("document"));
        QCOMPARE(show.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(show.value("path_params").toObject().value("required").toArray(),
                 QJsonArray{"petId"});
        const QJsonObject create = endpointNamed(service, "createPet");
        QCOMPARE(create.value("request_content_type").toString(),
                 QStringLiteral("application/json"));
        QCOMPARE(create.value("request_body").toObject().value("type").toString(),
                 QStringLiteral("object"));

        // Listed, fetched, and the name is taken.
        const Answer list = call("GET", "/api/v1/services?search=pet", {}, m_bob.token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.data().value("items").toArray().size(), 1);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 1);
        const Answer one =
            call("GET", "/api/v1/services/" + service.value("id").toString(), {}, m_bob.token);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.data().value("endpoints").toArray().size(), 3);
        QCOMPARE(
            registerService(
                {{"name", "pets"}, {"base_url", m_peer.url("")}, {"schema_url", "/docs/v1.json"}})
                .code(),
            QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(call("GET", "/api/v1/services/nope", {}, m_bob.token).code(),
                 QStringLiteral("SERVICE_NOT_FOUND"));
        // Only who registered it (or an administrator) changes it.
        QCOMPARE(call("PUT", "/api/v1/services/" + service.value("id").toString(),
                      {{"display_name", "Mine"}}, m_bob.token)
                     .code(),
                 QStringLiteral("FORBIDDEN"));
        const Answer renamed =
            call("PUT", "/api/v1/services/" + service.value("id").toString(),
                 {{"display_name", "Pets!"}, {"timeout_ms", 8000}}, m_alice.token);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.data().value("display_name").toString(), QStringLiteral("Pets!"));
        QCOMPARE(renamed.data().value("timeout_ms").toInt(), 8000);
        // Viewers' roles aside, the base URL must be http(s).
        QCOMPARE(registerService({{"name", "bad"}, {"base_url", "ftp://x"}}).code(),
                 QStringLiteral("VALIDATION_ERROR"));
    }

    void probingFindsTheDocumentAtEachUsualPath_data()
    {
        QTest::addColumn<QString>("path");
        // core/openapi probePaths(), in order.
        for (const char *path :
             {"/openapi.json", "/v3/api-docs", "/swagger.json", "/openapi.yaml", "/openapi.yml",
              "/swagger.yaml", "/swagger.yml", "/api-docs", "/v2/api-docs", "/v3/api-docs.yaml",
              "/swagger/v1/swagger.json", "/api/openapi.json", "/api/swagger.json",
              "/api-docs.json", "/docs/openapi.json", "/.well-known/openapi.json"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }
    void probingFindsTheDocumentAtEachUsualPath()
    {
        QFETCH(QString, path);
        // Under a path prefix; an HTML page at the first usual path is not
        // taken for the document.
        RecordingPeer service;
        const QByteArray wanted = "/api/v9" + path.toUtf8();
        service.setAnswer([wanted](const RecordedRequest &r) -> RecordingPeer::Reply {
            if (r.path() == "/api/v9/openapi.json" && wanted != r.path())
                return {200, "<html><body>Welcome</body></html>", "text/html"};
            if (r.path() != wanted)
                return {404, "{}"};
            return {200, wanted.endsWith(".yaml") || wanted.endsWith(".yml") ? kYamlDocument
                                                                             : documentV1()};
        });
        const Answer created = registerService(
            {{"name", uniqueName("probed")}, {"base_url", service.url("/api/v9/")}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("schema_source").toString(), service.url(wanted));
        QVERIFY(created.data().value("schema_url").isNull());
        QVERIFY(created.data().value("endpoint_count").toInt() >= 1);
        // In order, stopping at the document.
        QCOMPARE(service.requests().constLast().path(), wanted);
        QCOMPARE(service.requests().first().path(), QByteArray("/api/v9/openapi.json"));
    }

    void previewDoesNotSave()
    {
        const int before = call("GET", "/api/v1/services", {}, m_alice.token)
                               .data()
                               .value("pagination")
                               .toObject()
                               .value("total")
                               .toInt();
        RecordingPeer service;
        service.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
            return r.path() == "/v3/api-docs" ? RecordingPeer::Reply{200, documentV2()}
                                              : RecordingPeer::Reply{404, "{}"};
        });
        const Answer preview = call("POST", "/api/v1/services/preview",
                                    {{"base_url", service.url("")}}, m_alice.token);
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.data().value("schema_source").toString(), service.url("/v3/api-docs"));
        QCOMPARE(preview.data().value("endpoint_count").toInt(), 3);
        QCOMPARE(preview.data().value("endpoints").toArray().size(), 3);
        QCOMPARE(preview.data().value("schema").toObject().value("version").toString(),
                 QStringLiteral("2"));
        const int after = call("GET", "/api/v1/services", {}, m_alice.token)
                              .data()
                              .value("pagination")
                              .toObject()
                              .value("total")
                              .toInt();
        QCOMPARE(after, before);

        // Clear errors: nobody listening, no document anywhere, a broken one
        // (with its position), a schema URL answering 404.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
        closed.close();
        const Answer unreachable =
            call("POST", "/api/v1/services/preview", {{"base_url", dead}}, m_alice.token);
        QCOMPARE(unreachable.status, 503);
        QCOMPARE(unreachable.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(unreachable.details().value("reason").toString(), QStringLiteral("UNREACHABLE"));
        const Answer none = call("POST", "/api/v1/services/preview",
                                 {{"base_url", m_peer.url("/nothing")}}, m_alice.token);
        QCOMPARE(none.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        const QJsonObject noneDetails = none.details();
        QCOMPARE(noneDetails.value("reason").toString(), QStringLiteral("NO_DOCUMENT"));
        QCOMPARE(noneDetails.value("tried").toArray().size(), 16);
        const Answer broken = call(
            "POST", "/api/v1/services/preview",
            {{"base_url", m_peer.url("")}, {"schema_url", "/docs/broken.json"}}, m_alice.token);
        QCOMPARE(broken.status, 400);
        QCOMPARE(broken.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        const QJsonObject brokenDetails = broken.details();
        QCOMPARE(brokenDetails.value("reason").toString(), QStringLiteral("SYNTAX"));
        QVERIFY(brokenDetails.contains("line"));
        QVERIFY(brokenDetails.contains("column"));
        QCOMPARE(brokenDetails.value("url").toString(), m_peer.url("/docs/broken.json"));
        const Answer huge =
            call("POST", "/api/v1/services/preview",
                 {{"base_url", m_peer.url("")}, {"schema_url", "/docs/huge.json"}}, m_alice.token);
        QCOMPARE(huge.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        QCOMPARE(huge.details().value("reason").toString(), QStringLiteral("TOO_LARGE"));
        const Answer missing = call(
            "POST", "/api/v1/services/preview",
            {{"base_url", m_peer.url("")}, {"schema_url", "/docs/missing.json"}}, m_alice.token);
        QCOMPARE(missing.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(missing.details().value("http_status").toInt(), 404);
    }

    // Issue 34, item 3: the server fetches http and https only. A file:
    // URL is refused before anything is opened: an existing OpenAPI file
    // answers exactly as a missing one, and nothing of it comes back; so
    // are ftp:, data:, a relative URL, a base URL of another scheme, and
    // register, preview and update say it the same way.
    void onlyHttpUrlsAreFetched()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray marker = "Local-File-Marker-Title";
        QByteArray local = documentV1();
        local.replace("\"Pets\"", "\"" + marker + "\"");
        QVERIFY(local.contains(marker));
        const QString existingPath = dir.filePath("openapi.json");
        {
            QFile file(existingPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(local);
        }
        const QString existing = QUrl::fromLocalFile(existingPath).toString();
        const QString missing = QUrl::fromLocalFile(dir.filePath("missing.json")).toString();
        const auto preview = [this](const QJsonObject &body) {
            return call("POST", "/api/v1/services/preview", body, m_alice.token);
        };
        const auto refusedAsScheme = [](const Answer &a, const char *field) {
            return a.status == 422 && a.code() == QLatin1String("VALIDATION_ERROR") &&
                   a.details().value("field").toString() == QLatin1String(field) &&
                   a.details().value("reason").toString() == QLatin1String("SCHEME");
        };
        m_peer.clear();

        const Answer fromFile = preview({{"base_url", m_peer.url("")}, {"schema_url", existing}});
        QVERIFY2(refusedAsScheme(fromFile, "schema_url"), fromFile.raw.constData());
        QVERIFY(!fromFile.raw.contains(marker));
        const Answer fromMissing = preview({{"base_url", m_peer.url("")}, {"schema_url", missing}});
        QVERIFY2(refusedAsScheme(fromMissing, "schema_url"), fromMissing.raw.constData());
        // The same answer: no oracle of what exists on the server's host.
        QCOMPARE(errorOf(fromMissing), errorOf(fromFile));

        // A data: URL carries its document itself (short enough for
        // register's 500 characters).
        const QByteArray dataUrl =
            "data:application/json;base64," +
            QByteArray(R"({"openapi":"3.0.0","info":{"title":"D","version":"1"},"paths":{}})")
                .toBase64();
        for (const QString &url :
             {QStringLiteral("file:///etc/passwd"), QStringLiteral("FILE:///etc/passwd"),
              QStringLiteral("ftp://127.0.0.1/openapi.json"), QString::fromLatin1(dataUrl),
              QStringLiteral("docs/v1.json"), QStringLiteral("openapi.json"),
              QStringLiteral("http:/docs/v1.json"), QStringLiteral("qrc:/openapi.json")}) {
            const Answer refused = preview({{"base_url", m_peer.url("")}, {"schema_url", url}});
            QVERIFY2(refusedAsScheme(refused, "schema_url"),
                     qPrintable(url.left(60) + u' ' + QString::fromUtf8(refused.raw)));
            QCOMPARE(errorOf(refused), errorOf(fromFile));
            QVERIFY(!refused.raw.contains(marker));
            // Register says the same, in the same words.
            const Answer registered = registerService({{"name", uniqueName("scheme")},
                                                       {"base_url", m_peer.url("")},
                                                       {"schema_url", url}});
            QCOMPARE(errorOf(registered), errorOf(fromFile));
        }
        // The base URL: the same rule, naming base_url.
        for (const QString &base : {QUrl::fromLocalFile(dir.path()).toString(),
                                    QStringLiteral("ftp://127.0.0.1"), QStringLiteral("data:,x")}) {
            const Answer refused = preview({{"base_url", base}});
            QVERIFY2(refusedAsScheme(refused, "base_url"), refused.raw.constData());
            QVERIFY2(
                refusedAsScheme(registerService({{"name", uniqueName("base")}, {"base_url", base}}),
                                "base_url"),
                qPrintable(base));
        }
        // Changing a service's schema URL to a file: the same refusal.
        const Answer manual = registerService({{"name", uniqueName("schemeless")},
                                               {"base_url", m_peer.url("")},
                                               {"endpoints", QJsonArray{}}});
        QCOMPARE(manual.status, 201);
        const Answer changed =
            call("PUT", "/api/v1/services/" + manual.data().value("id").toString(),
                 {{"schema_url", existing}}, m_alice.token);
        QCOMPARE(errorOf(changed), errorOf(fromFile));
        // Nothing of it reached the network either.
        QVERIFY(m_peer.requests().isEmpty());

        // A redirect from http to the file (or data:) is not followed.
        for (const QByteArray &target : {existing.toUtf8(), dataUrl}) {
            m_redirectTarget = target;
            const Answer redirected =
                preview({{"base_url", m_peer.url("")}, {"schema_url", "/docs/to-file.json"}});
            QCOMPARE(redirected.status, 503);
            QCOMPARE(redirected.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
            QCOMPARE(redirected.details().value("reason").toString(), QStringLiteral("REDIRECT"));
            QCOMPARE(redirected.details().value("url").toString(),
                     m_peer.url("/docs/to-file.json"));
            QVERIFY(!redirected.raw.contains(marker));
            QVERIFY(!redirected.raw.contains(target.left(40)));
        }
        QCOMPARE(m_peer.requestsTo("/docs/to-file.json").size(), 2);

        // Remote bodies are not echoed in errors.
        for (const char *path : {"/docs/remote-page", "/docs/remote-json"}) {
            const Answer remote =
                preview({{"base_url", m_peer.url("")}, {"schema_url", QString::fromLatin1(path)}});
            QVERIFY2(remote.status >= 400, remote.raw.constData());
            QVERIFY2(!remote.raw.contains(kRemoteMarker), remote.raw.constData());
        }
    }

    // A local document comes as its text: previewed and registered without
    // a request, refused above the 16 MiB a download may have.
    void documentGivenAsText()
    {
        m_peer.clear();
        const Answer preview =
            call("POST", "/api/v1/services/preview",
                 {{"base_url", m_peer.url("")}, {"document", QString::fromUtf8(documentV1())}},
                 m_alice.token);
        QCOMPARE(preview.status, 200);
        QVERIFY(preview.data().value("schema_source").isNull());
        QCOMPARE(preview.data().value("endpoint_count").toInt(), 3);
        QCOMPARE(preview.data().value("schema").toObject().value("title").toString(),
                 QStringLiteral("Pets"));
        const Answer yaml =
            call("POST", "/api/v1/services/preview",
                 {{"base_url", m_peer.url("")}, {"document", QString::fromUtf8(kYamlDocument)}},
                 m_alice.token);
        QCOMPARE(yaml.status, 200);
        QCOMPARE(yaml.data().value("endpoint_count").toInt(), 1);

        // Parse errors name the field, not a URL.
        const Answer broken =
            call("POST", "/api/v1/services/preview",
                 {{"base_url", m_peer.url("")},
                  {"document", "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": [1, }"}},
                 m_alice.token);
        QCOMPARE(broken.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        QCOMPARE(broken.details().value("reason").toString(), QStringLiteral("SYNTAX"));
        QCOMPARE(broken.details().value("field").toString(), QStringLiteral("document"));
        QVERIFY(!broken.details().contains("url"));
        // Either a document or a schema URL.
        const Answer both = call("POST", "/api/v1/services/preview",
                                 {{"base_url", m_peer.url("")},
                                  {"schema_url", "/docs/v1.json"},
                                  {"document", QString::fromUtf8(documentV1())}},
                                 m_alice.token);
        QCOMPARE(both.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(both.details().value("field").toString(), QStringLiteral("document"));
        // Above 16 MiB, as a download would be.
        QByteArray huge = "openapi: 3.0.0\nx: ";
        huge.append(QByteArray(16 * 1024 * 1024, 'a'));
        const Answer tooLarge = call(
            "POST", "/api/v1/services/preview",
            {{"base_url", m_peer.url("")}, {"document", QString::fromLatin1(huge)}}, m_alice.token);
        QCOMPARE(tooLarge.status, 400);
        QCOMPARE(tooLarge.code(), QStringLiteral("SCHEMA_PARSE_ERROR"));
        QCOMPARE(tooLarge.details().value("reason").toString(), QStringLiteral("TOO_LARGE"));
        QCOMPARE(tooLarge.details().value("field").toString(), QStringLiteral("document"));

        // Registered from the text: its endpoints stored, no URL read.
        const Answer created = registerService({{"name", uniqueName("from-file")},
                                                {"base_url", m_peer.url("/api")},
                                                {"document", QString::fromUtf8(documentV1())}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("endpoint_count").toInt(), 3);
        QVERIFY(created.data().value("schema_source").isNull());
        QVERIFY(created.data().value("schema_url").isNull());
        QCOMPARE(created.data().value("schema").toObject().value("title").toString(),
                 QStringLiteral("Pets"));
        QVERIFY(!endpointNamed(created.data(), "showPet").isEmpty());
        QCOMPARE(registerService({{"name", uniqueName("both")},
                                  {"base_url", m_peer.url("")},
                                  {"document", QString::fromUtf8(documentV1())},
                                  {"endpoints", QJsonArray{}}})
                     .details()
                     .value("field")
                     .toString(),
                 QStringLiteral("endpoints"));
        QVERIFY(m_peer.requests().isEmpty());
    }

    void manualEndpoints()
    {
        // The seed's second way (§7.4): endpoints by hand.
        const Answer created = registerService(
            {{"name", "legacy-api"},
             {"display_name", "Legacy"},
             {"base_url", m_peer.url("/legacy")},
             {"endpoints",
              QJsonArray{QJsonObject{{"name", "getUser"},
                                     {"method", "GET"},
                                     {"path", "/users/{userId}"},
                                     {"pathParams",
                                      QJsonObject{{"type", "object"},
                                                  {"properties",
                                                   QJsonObject{{"userId",
                                                                QJsonObject{{"type", "string"}}}}},
                                                  {"required", QJsonArray{"userId"}}}}},
                         QJsonObject{{"name", "createUser"},
                                     {"method", "POST"},
                                     {"path", "/users"},
                                     {"requestBody", QJsonObject{{"type", "object"}}}}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        QCOMPARE(created.data().value("endpoint_count").toInt(), 2);
        QVERIFY(m_peer.requestsTo("/legacy/openapi.json").isEmpty()); // no probing
        const QJsonObject getUser = endpointNamed(created.data(), "getUser");
        QCOMPARE(getUser.value("source").toString(), QStringLiteral("manual"));
        QCOMPARE(getUser.value("parameters").toArray().size(), 1);

        const Answer added =
            call("POST", "/api/v1/services/" + id + "/endpoints",
                 {{"name", "deleteUser"}, {"method", "delete"}, {"path", "/users/{userId}"}},
                 m_alice.token);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.data().value("method").toString(), QStringLiteral("DELETE"));
        // The undeclared {userId} became a required path parameter.
        QCOMPARE(
            added.data().value("parameters").toArray().first().toObject().value("in").toString(),
            QStringLiteral("path"));
        QCOMPARE(call("POST", "/api/v1/services/" + id + "/endpoints",
                      {{"method", "DELETE"}, {"path", "/users/{userId}"}}, m_alice.token)
                     .code(),
                 QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(call("POST", "/api/v1/services/" + id + "/endpoints",
                      {{"method", "FETCH"}, {"path", "/x"}}, m_alice.token)
                     .code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(call("POST", "/api/v1/services/" + id + "/endpoints",
                      {{"method", "GET"}, {"path", "/x"}}, m_bob.token)
                     .code(),
                 QStringLiteral("FORBIDDEN"));
        // The service's answer is bounded.
        const Answer big =
            call("POST", "/api/v1/services/" + id + "/endpoints",
                 {{"name", "big"}, {"method", "GET"}, {"path", "/big"}}, m_alice.token);
        QCOMPARE(big.status, 201);
        const Answer bigCall = testCall(id, {{"endpoint_id", big.data().value("id").toString()}});
        QCOMPARE(bigCall.data().value("http_status").toInt(), 200);
        QCOMPARE(bigCall.data().value("body_truncated").toBool(), true);
        QCOMPARE(bigCall.data().value("body").toString().size(), 64 * 1024);
        QCOMPARE(call("DELETE",
                      "/api/v1/services/" + id + "/endpoints/" + big.data().value("id").toString(),
                      {}, m_alice.token)
                     .status,
                 200);
        const QString addedId = added.data().value("id").toString();
        QCOMPARE(
            call("DELETE", "/api/v1/services/" + id + "/endpoints/" + addedId, {}, m_alice.token)
                .status,
            200);
        QCOMPARE(
            call("DELETE", "/api/v1/services/" + id + "/endpoints/" + addedId, {}, m_alice.token)
                .code(),
            QStringLiteral("ENDPOINT_NOT_FOUND"));
        const Answer endpoints =
            call("GET", "/api/v1/services/" + id + "/endpoints", {}, m_bob.token);
        QCOMPARE(endpoints.status, 200);
        QCOMPARE(endpoints.data().value("items").toArray().size(), 2);

        // A call of a manual endpoint: path parameters encoded, query and body sent.
        m_peer.clear();
        const Answer called =
            testCall(id, {{"endpoint_id", getUser.value("id").toString()},
                          {"parameters", QJsonObject{{"path", QJsonObject{{"userId", "a b/c"}}},
                                                     {"query", QJsonObject{{"expand", "all"}}}}}});
        QCOMPARE(called.status, 200);
        QCOMPARE(called.data().value("http_status").toInt(), 404); // the peer knows no users
        QCOMPARE(called.data().value("success").toBool(), false);
        QCOMPARE(m_peer.requests().size(), 1);
        QCOMPARE(m_peer.requests().first().target,
                 QByteArray("/legacy/users/a%20b%2Fc?expand=all"));
        // A required path parameter missing.
        QCOMPARE(testCall(id, {{"endpoint_id", getUser.value("id").toString()}}).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        const QString createUser =
            endpointNamed(created.data(), "createUser").value("id").toString();
        m_peer.clear();
        QCOMPARE(testCall(id, {{"endpoint_id", createUser}, {"body", QJsonObject{{"name", "Ann"}}}})
                     .status,
                 200);
        QCOMPARE(m_peer.requests().first().method, QByteArray("POST"));
        QCOMPARE(m_peer.requests().first().body, QByteArray(R"({"name":"Ann"})"));
        QCOMPARE(m_peer.requests().first().headers.value("content-type"),
                 QByteArray("application/json"));
    }

    void refreshSchemaShowsAndAppliesTheDiff()
    {
        m_document = documentV1();
        const Answer created = registerService({{"name", "refreshing"},
                                                {"base_url", m_peer.url("")},
                                                {"schema_url", "/docs/current.json"}});
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        const QString showPet = endpointNamed(created.data(), "showPet").value("id").toString();
        QVERIFY(!showPet.isEmpty());
        // The endpoint works before the refresh.
        m_peer.clear();
        QCOMPARE(testCall(id, {{"endpoint_id", showPet},
                               {"parameters", QJsonObject{{"path", QJsonObject{{"petId", 7}}}}}})
                     .data()
                     .value("http_status")
                     .toInt(),
                 404);
        QCOMPARE(m_peer.requests().constLast().target, QByteArray("/pets/7"));

        m_document = documentV2();
        // A dry run shows the diff and stores nothing.
        const Answer preview = call("POST", "/api/v1/services/" + id + "/refresh-schema",
                                    {{"dry_run", true}}, m_alice.token);
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.data().value("applied").toBool(), false);
        QCOMPARE(preview.data().value("added_endpoints").toInt(), 1);
        QCOMPARE(preview.data().value("updated_endpoints").toInt(), 1);
        QCOMPARE(preview.data().value("removed_endpoints").toInt(), 1);
        QCOMPARE(
            call("GET", "/api/v1/services/" + id + "/endpoints?status=active", {}, m_alice.token)
                .data()
                .value("items")
                .toArray()
                .size(),
            3);
        QCOMPARE(call("POST", "/api/v1/services/" + id + "/refresh-schema", {}, m_bob.token).code(),
                 QStringLiteral("FORBIDDEN"));

        const Answer applied =
            call("POST", "/api/v1/services/" + id + "/refresh-schema", {}, m_alice.token);
        QCOMPARE(applied.status, 200);
        QCOMPARE(applied.data().value("applied").toBool(), true);
        const QJsonObject diff = applied.data().value("diff").toObject();
        QCOMPARE(diff.value("added").toArray().first().toObject().value("path").toString(),
                 QStringLiteral("/owners"));
        QCOMPARE(diff.value("removed").toArray().first().toObject().value("path").toString(),
                 QStringLiteral("/pets/{petId}"));
        QCOMPARE(diff.value("changed").toArray().first().toObject().value("method").toString(),
                 QStringLiteral("POST"));
        QCOMPARE(applied.data().value("service").toObject().value("endpoint_count").toInt(), 3);
        QCOMPARE(applied.data()
                     .value("service")
                     .toObject()
                     .value("schema")
                     .toObject()
                     .value("version")
                     .toString(),
                 QStringLiteral("2"));

        // The removed endpoint stays, as removed, under its id.
        const QJsonArray removed =
            call("GET", "/api/v1/services/" + id + "/endpoints?status=removed", {}, m_alice.token)
                .data()
                .value("items")
                .toArray();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().toObject().value("id").toString(), showPet);
        QVERIFY(removed.first().toObject().value("removed_at").isString());
        // The resolver (what flows use, and the test call) refuses it clearly.
        m_peer.clear();
        const Answer gone =
            testCall(id, {{"endpoint_id", showPet},
                          {"parameters", QJsonObject{{"path", QJsonObject{{"petId", 7}}}}}});
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.code(), QStringLiteral("ENDPOINT_NOT_FOUND"));
        QVERIFY(
            gone.body.value("error").toObject().value("message").toString().contains("removed"));
        QVERIFY(m_peer.requests().isEmpty());
        // The changed one has its new parameter.
        const QJsonArray active =
            call("GET", "/api/v1/services/" + id + "/endpoints?status=active", {}, m_alice.token)
                .data()
                .value("items")
                .toArray();
        bool dryRunParameter = false;
        for (const QJsonValue &e : active)
            if (e.toObject().value("method") == QStringLiteral("POST"))
                dryRunParameter = e.toObject()
                                      .value("query_params")
                                      .toObject()
                                      .value("properties")
                                      .toObject()
                                      .contains("dryRun");
        QVERIFY(dryRunParameter);

        // Back to version 1: the endpoint returns under the same id.
        m_document = documentV1();
        const Answer back =
            call("POST", "/api/v1/services/" + id + "/refresh-schema", {}, m_alice.token);
        QCOMPARE(back.data().value("added_endpoints").toInt(), 1);
        QCOMPARE(back.data().value("removed_endpoints").toInt(), 1);
        QCOMPARE(testCall(id, {{"endpoint_id", showPet},
                               {"parameters", QJsonObject{{"path", QJsonObject{{"petId", 8}}}}}})
                     .status,
                 200);
        QCOMPARE(m_peer.requests().constLast().target, QByteArray("/pets/8"));
        // An inactive service is not called.
        QCOMPARE(
            call("PUT", "/api/v1/services/" + id, {{"status", "inactive"}}, m_alice.token).status,
            200);
        const int callsBefore = m_peer.requests().size();
        const Answer inactive =
            testCall(id, {{"endpoint_id", showPet},
                          {"parameters", QJsonObject{{"path", QJsonObject{{"petId", 8}}}}}});
        QCOMPARE(inactive.code(), QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(m_peer.requests().size(), callsBefore);
        QCOMPARE(
            call("PUT", "/api/v1/services/" + id, {{"status", "active"}}, m_alice.token).status,
            200);
        // The audit trail has the refreshes.
        const Answer audit =
            call("GET", "/api/v1/audit?action=SERVICE_SCHEMA_REFRESHED", {}, m_admin);
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.raw.contains("SERVICE_SCHEMA_REFRESHED"));
    }

    void testCallInjectsEachCredentialType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::newRow("http_basic") << "http_basic";
        QTest::newRow("http_bearer") << "http_bearer";
        QTest::newRow("api_key header") << "api_key header";
        QTest::newRow("api_key query") << "api_key query";
    }
    void testCallInjectsEachCredentialType()
    {
        QFETCH(QString, type);
        const QString value = secret(type.section(u' ', 0, 0).remove(u'_'));
        QString credential;
        QByteArray expectedHeader; // "name: value" the peer must get, or
        QByteArray expectedQuery;  // the query item
        if (type == QLatin1String("http_basic")) {
            credential = createCredential(type, {{"username", "svc"}, {"password", value}});
            expectedHeader = "authorization: Basic " + ("svc:" + value).toUtf8().toBase64();
            m_secrets.append(QString::fromLatin1(("svc:" + value).toUtf8().toBase64()));
        } else if (type == QLatin1String("http_bearer")) {
            credential = createCredential(type, {{"token", value}});
            expectedHeader = "authorization: Bearer " + value.toUtf8();
        } else if (type == QLatin1String("api_key header")) {
            credential = createCredential(
                "api_key",
                {{"key", value}, {"in", "header"}, {"name", "X-Api-Key"}, {"prefix", "Key"}});
            expectedHeader = "x-api-key: Key " + value.toUtf8();
        } else {
            credential =
                createCredential("api_key", {{"key", value}, {"in", "query"}, {"name", "apikey"}});
            expectedQuery = "apikey=" + value.toUtf8();
        }
        QVERIFY(!credential.isEmpty());
        const Answer created = registerEchoService(uniqueName("authed"), credential);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("credential_id").toString(), credential);
        const QString service = created.data().value("id").toString();
        const QString echo = endpointNamed(created.data(), "echo").value("id").toString();
        // The peer echoes the request's head, secrets included, in its body
        // and in a header: the answer must mask them.
        m_peer.clear();
        m_peer.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
            QByteArray echoed = r.method + ' ' + r.target + '\n';
            for (auto it = r.headers.begin(); it != r.headers.end(); ++it)
                echoed += it.key() + ": " + it.value() + '\n';
            return {200,
                    echoed,
                    "text/plain",
                    {{"X-Echo-Auth",
                      r.headers.value("authorization", r.headers.value("x-api-key", r.target))}}};
        });
        const Answer called = testCall(
            service, {{"endpoint_id", echo},
                      {"parameters", QJsonObject{{"path", QJsonObject{{"id", 42}}},
                                                 {"query", QJsonObject{{"q", "x y"}}},
                                                 {"header", QJsonObject{{"X-Trace", "t1"}}}}}});
        m_peer.setAnswer([this](const RecordedRequest &r) { return serve(r); });
        QCOMPARE(called.status, 200);
        QCOMPARE(called.data().value("success").toBool(), true);
        QCOMPARE(called.data().value("http_status").toInt(), 200);
        QCOMPARE(m_peer.requests().size(), 1);
        const RecordedRequest &got = m_peer.requests().first();
        QVERIFY2(got.target.startsWith("/api/echo/42?q=x%20y"), got.target.constData());
        QCOMPARE(got.headers.value("x-trace"), QByteArray("t1"));
        if (!expectedHeader.isEmpty()) {
            const qsizetype colon = expectedHeader.indexOf(':');
            QCOMPARE(got.headers.value(expectedHeader.left(colon)), expectedHeader.mid(colon + 2));
        } else {
            QVERIFY2(got.target.contains(expectedQuery), got.target.constData());
        }
        // The service's answer is there, with every secret masked.
        const QString body = called.data().value("body").toString();
        QVERIFY2(body.contains("GET /api/echo/42"), qPrintable(body));
        QVERIFY2(body.contains("****"), qPrintable(body));
        QVERIFY(!called.raw.contains(value.toUtf8()));
        QVERIFY(called.data().value("request").toObject().value("url").toString().startsWith(
            m_peer.url("/api/echo/42")));
        bool echoHeader = false;
        for (const QJsonValue &h : called.data().value("headers").toArray())
            if (h.toObject().value("name").toString().toLower() == QLatin1String("x-echo-auth"))
                echoHeader = h.toObject().value("value").toString().contains("****");
        QVERIFY(echoHeader);
    }

    void oauth2TokenIsCachedAndRefreshedOnceAfterA401()
    {
        const QString clientSecret = secret("oauthclient");
        int issued = 0;
        QStringList accepted; // tokens the API takes
        RecordingPeer provider;
        provider.setAnswer([&](const RecordedRequest &r) -> RecordingPeer::Reply {
            if (r.path() == "/oauth/token") {
                if (r.headers.value("authorization") !=
                        "Basic " + ("client-7:" + clientSecret).toUtf8().toBase64() ||
                    !r.body.contains("grant_type=client_credentials"))
                    return {401, R"({"error":"invalid_client"})"};
                const QString token =
                    QStringLiteral("tok-%1-%2").arg(++issued).arg(clientSecret.right(6));
                m_secrets.append(token);
                accepted.append(token);
                return {200, QJsonDocument(QJsonObject{{"access_token", token},
                                                       {"token_type", "Bearer"},
                                                       {"expires_in", 3600}})
                                 .toJson(QJsonDocument::Compact)};
            }
            const QByteArray auth = r.headers.value("authorization");
            const bool ok =
                auth.startsWith("Bearer ") && accepted.contains(QString::fromUtf8(auth.mid(7)));
            return {ok ? 200 : 401, ok ? R"({"pets":[]})" : R"({"error":"expired"})"};
        });
        const QString credential =
            createCredential("oauth2", {{"clientId", "client-7"},
                                        {"clientSecret", clientSecret},
                                        {"tokenUrl", provider.url("/oauth/token")},
                                        {"scopes", "read"}});
        QVERIFY(!credential.isEmpty());
        const Answer created = registerService(
            {{"name", uniqueName("oauth")},
             {"base_url", provider.url("")},
             {"credential_id", credential},
             {"endpoints",
              QJsonArray{QJsonObject{{"name", "pets"}, {"method", "GET"}, {"path", "/pets"}}}}});
        QCOMPARE(created.status, 201);
        const QString service = created.data().value("id").toString();
        const QString pets = endpointNamed(created.data(), "pets").value("id").toString();

        // Two calls, one token.
        for (int i = 0; i < 2; ++i) {
            const Answer called = testCall(service, {{"endpoint_id", pets}});
            QCOMPARE(called.status, 200);
            QCOMPARE(called.data().value("http_status").toInt(), 200);
            QCOMPARE(called.data().value("auth_refreshed").toBool(), false);
        }
        QCOMPARE(provider.requestsTo("/oauth/token").size(), 1);
        QCOMPARE(provider.requestsTo("/pets").size(), 2);
        QCOMPARE(provider.requestsTo("/pets").at(1).headers.value("authorization"),
                 "Bearer " + accepted.first().toUtf8());

        // The service revokes the token: one 401, exactly one new token, the
        // call made again once with it.
        accepted.clear();
        const Answer refreshed = testCall(service, {{"endpoint_id", pets}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.data().value("http_status").toInt(), 200);
        QCOMPARE(refreshed.data().value("auth_refreshed").toBool(), true);
        QCOMPARE(provider.requestsTo("/oauth/token").size(), 2);
        QCOMPARE(provider.requestsTo("/pets").size(), 4);
        // And the new token is cached in turn.
        QCOMPARE(testCall(service, {{"endpoint_id", pets}}).data().value("http_status").toInt(),
                 200);
        QCOMPARE(provider.requestsTo("/oauth/token").size(), 2);

        // A service that keeps refusing: one refresh, then its 401 is reported.
        accepted.clear();
        provider.setAnswer([&](const RecordedRequest &r) -> RecordingPeer::Reply {
            if (r.path() == "/oauth/token") {
                ++issued;
                return {200, R"({"access_token":"never-good","expires_in":3600})"};
            }
            return {401, R"({"error":"no"})"};
        });
        const int tokensBefore = provider.requestsTo("/oauth/token").size();
        const int callsBefore = provider.requestsTo("/pets").size();
        const Answer refused = testCall(service, {{"endpoint_id", pets}});
        QCOMPARE(refused.status, 200);
        QCOMPARE(refused.data().value("success").toBool(), false);
        QCOMPARE(refused.data().value("http_status").toInt(), 401);
        QCOMPARE(provider.requestsTo("/oauth/token").size(), tokensBefore + 1);
        QCOMPARE(provider.requestsTo("/pets").size(), callsBefore + 2);
        QVERIFY(!refused.raw.contains("never-good"));
        m_secrets.append(QStringLiteral("never-good"));

        // A token endpoint that refuses the client: the call reports it.
        provider.setAnswer([](const RecordedRequest &) -> RecordingPeer::Reply {
            return {400, R"({"error":"invalid_client"})"};
        });
        QVERIFY(call("PUT", "/api/v1/credentials/" + credential,
                     {{"data", QJsonObject{{"clientSecret", secret("rotated")}}}}, m_alice.token)
                    .status == 200);
        const Answer failed = testCall(service, {{"endpoint_id", pets}});
        QCOMPARE(failed.status, 200);
        QCOMPARE(failed.data().value("success").toBool(), false);
        QCOMPARE(failed.data().value("error").toObject().value("code").toString(),
                 QStringLiteral("SERVICE_AUTH_FAILED"));
    }

    // Calls at once share one token request.
    void concurrentCallsShareOneTokenRequest()
    {
        const QString clientSecret = secret("concurrent");
        RecordingPeer provider;
        provider.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
            if (r.path() == "/token")
                return {200, R"({"access_token":"shared-token-1","expires_in":600})"};
            return {r.headers.value("authorization") == "Bearer shared-token-1" ? 200 : 401, "{}"};
        });
        m_secrets.append(QStringLiteral("shared-token-1"));
        const QString credential =
            createCredential("oauth2", {{"clientId", "c"},
                                        {"clientSecret", clientSecret},
                                        {"tokenUrl", provider.url("/token")}});
        const Answer created = registerService(
            {{"name", uniqueName("concurrent")},
             {"base_url", provider.url("")},
             {"credential_id", credential},
             {"endpoints",
              QJsonArray{QJsonObject{{"name", "ping"}, {"method", "GET"}, {"path", "/ping"}}}}});
        QCOMPARE(created.status, 201);
        const QByteArray body =
            QJsonDocument(
                QJsonObject{
                    {"endpoint_id", endpointNamed(created.data(), "ping").value("id").toString()}})
                .toJson(QJsonDocument::Compact);
        const QList<Answer> answers = m_http->sendAtOnce(
            "POST", "/api/v1/services/" + created.data().value("id").toString() + "/test",
            {body, body, body}, m_alice.token);
        for (const Answer &answer : answers) {
            m_answers += answer.raw + '\n';
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.data().value("http_status").toInt(), 200);
        }
        QCOMPARE(provider.requestsTo("/token").size(), 1);
        QCOMPARE(provider.requestsTo("/ping").size(), 3);
    }

    void linkingACredentialMarksItInUse()
    {
        const QString credential = createCredential("http_bearer", {{"token", secret("linked")}});
        const QString other = createCredential("http_bearer", {{"token", secret("other")}});
        const Answer created = registerService({{"name", "linked-service"},
                                                {"base_url", m_peer.url("")},
                                                {"credential_id", credential},
                                                {"endpoints", QJsonArray{}}});
        QCOMPARE(created.status, 201);
        const QString service = created.data().value("id").toString();
        const Answer inUse = call("DELETE", "/api/v1/credentials/" + credential, {}, m_alice.token);
        QCOMPARE(inUse.status, 409);
        QCOMPARE(inUse.code(), QStringLiteral("CREDENTIAL_IN_USE"));
        QVERIFY2(inUse.body.value("error").toObject().value("message").toString().contains(
                     "linked-service"),
                 inUse.raw.constData());
        const QJsonArray usages = inUse.details().value("usages").toArray();
        QCOMPARE(usages.size(), 1);
        QCOMPARE(usages.first().toObject().value("type").toString(), QStringLiteral("service"));
        QCOMPARE(usages.first().toObject().value("id").toString(), service);
        // The same list, paged, for whoever may see the credential.
        const Answer listed =
            call("GET", "/api/v1/credentials/" + credential + "/usages?size=1", {}, m_alice.token);
        QCOMPARE(listed.status, 200);
        const QJsonArray listedItems = listed.data().value("items").toArray();
        QCOMPARE(listedItems.size(), 1);
        QCOMPARE(listedItems.first()["type"].toString(), QStringLiteral("service"));
        QCOMPARE(listedItems.first()["id"].toString(), service);
        QCOMPARE(listedItems.first()["name"].toString(), QStringLiteral("linked-service"));
        QVERIFY(!listedItems.first()["created_at"].toString().isEmpty());
        QCOMPARE(listed.data().value("pagination").toObject().value("total").toInt(), 1);
        QCOMPARE(
            call("GET", "/api/v1/credentials/" + credential + "/usages", {}, m_bob.token).code(),
            QStringLiteral("CREDENTIAL_NOT_FOUND"));
        QCOMPARE(call("GET", "/api/v1/credentials/" + other + "/usages", {}, m_alice.token)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 0);

        // Bob may not link Alice's private credential; a database
        // credential cannot authenticate calls.
        QCOMPARE(registerService({{"name", "bobs"},
                                  {"base_url", m_peer.url("")},
                                  {"credential_id", credential},
                                  {"endpoints", QJsonArray{}}},
                                 m_bob.token)
                     .code(),
                 QStringLiteral("CREDENTIAL_NOT_FOUND"));
        const QString database = createCredential(
            "database",
            {{"host", "db"}, {"database", "d"}, {"username", "u"}, {"password", secret("db")}});
        QCOMPARE(registerService({{"name", "dbs"},
                                  {"base_url", m_peer.url("")},
                                  {"credential_id", database},
                                  {"endpoints", QJsonArray{}}})
                     .code(),
                 QStringLiteral("INVALID_CREDENTIAL_TYPE"));

        // Linking another credential frees the first.
        QCOMPARE(
            call("PUT", "/api/v1/services/" + service, {{"credential_id", other}}, m_alice.token)
                .status,
            200);
        QCOMPARE(call("GET", "/api/v1/credentials/" + other + "/usages", {}, m_alice.token)
                     .data()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + credential, {}, m_alice.token).status,
                 200);
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + other, {}, m_alice.token).code(),
                 QStringLiteral("CREDENTIAL_IN_USE"));
        // Deleting the service frees the other.
        QCOMPARE(call("DELETE", "/api/v1/services/" + service, {}, m_bob.token).code(),
                 QStringLiteral("FORBIDDEN"));
        QCOMPARE(call("DELETE", "/api/v1/services/" + service, {}, m_alice.token).status, 200);
        QCOMPARE(call("GET", "/api/v1/services/" + service, {}, m_alice.token).code(),
                 QStringLiteral("SERVICE_NOT_FOUND"));
        QCOMPARE(call("DELETE", "/api/v1/credentials/" + other, {}, m_alice.token).status, 200);
        // Audited.
        const Answer audit = call("GET", "/api/v1/audit?action=SERVICE_DELETED", {}, m_admin);
        QVERIFY(audit.raw.contains("linked-service"));
    }

    // The whole path (issue 13, "service node end to end"): a published
    // flow's `service` node calls an endpoint of a registered service; the
    // engine asks the server's ServiceDirectory for the endpoint and the
    // credential, the peer receives the injected header, and the stored
    // node (inputs, outputs, logs) shows the secret masked although the
    // service echoes it back.
    void serviceNodeInAFlowCallsTheEndpointWithTheCredential()
    {
        const QString token = secret(QStringLiteral("flowbearer"));
        const QString credential = createCredential("http_bearer", {{"token", token}});
        QVERIFY(!credential.isEmpty());
        const Answer created = registerEchoService(uniqueName("flowcalled"), credential);
        QCOMPARE(created.status, 201);
        const QString service = created.data().value("id").toString();
        const QString echo = endpointNamed(created.data(), "echo").value("id").toString();
        QVERIFY(!echo.isEmpty());

        const QJsonObject definition{
            {"schemaVersion", 1},
            {"nodes",
             QJsonArray{QJsonObject{
                 {"id", "call"},
                 {"component", "service"},
                 {"version", "1.0.0"},
                 {"position", QJsonObject{{"x", 0}, {"y", 0}}},
                 {"config", QJsonObject{{"serviceId", service}, {"endpointId", echo}}},
                 {"inputMappings", QJsonObject{{"id", "$.trigger.id"}, {"q", "$.trigger.q"}}}}}},
            {"edges", QJsonArray{}}};
        const Answer flow =
            call("POST", "/api/v1/flows",
                 {{"name", uniqueName("service-flow")}, {"definition", definition}}, m_alice.token);
        QVERIFY2(flow.status == 201, flow.raw.constData());
        const QString flowId = flow.data().value("id").toString();
        const Answer published =
            call("POST", "/api/v1/flows/" + flowId + "/publish", {{"version", "1"}}, m_alice.token);
        QVERIFY2(published.status == 200, published.raw.constData());

        // The service echoes the request's head back, the token with it.
        m_peer.clear();
        m_peer.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
            return {200,
                    "{\"saw\":\"" + r.headers.value("authorization") + "\",\"target\":\"" +
                        r.target + "\"}",
                    "application/json",
                    {{"X-Echo-Auth", r.headers.value("authorization")}}};
        });
        const Answer run =
            call("POST", "/api/v1/flows/" + flowId + "/trigger?wait=true",
                 {{"inputs", QJsonObject{{"id", "7"}, {"q", "x y"}}}}, m_alice.token);
        m_peer.setAnswer([this](const RecordedRequest &r) { return serve(r); });
        QVERIFY2(run.status == 200, run.raw.constData());
        QVERIFY2(run.data().value("status").toString() == QLatin1String("completed"),
                 run.raw.constData());
        QCOMPARE(m_peer.requests().size(), 1);
        const RecordedRequest &got = m_peer.requests().first();
        QCOMPARE(got.method, QByteArray("GET"));
        QVERIFY2(got.target.startsWith("/api/echo/7?q=x%20y"), got.target.constData());
        QCOMPARE(got.headers.value("authorization"), "Bearer " + token.toUtf8());

        // What the answer and the history hold: the service's answer, masked.
        const QJsonObject outputs = run.data().value("outputs").toObject().value("call").toObject();
        QCOMPARE(outputs.value("status").toInt(), 200);
        QVERIFY2(outputs.value("body").toObject().value("saw").toString().contains("****"),
                 run.raw.constData());
        const QString executionId = run.data().value("execution_id").toString();
        const Answer node =
            call("GET", "/api/v1/executions/" + executionId + "/nodes/call", {}, m_alice.token);
        QVERIFY2(node.status == 200, node.raw.constData());
        QVERIFY2(node.raw.contains("****"), node.raw.constData());
        QVERIFY2(node.raw.contains("/echo/"), node.raw.constData()); // its log line
        QVERIFY(!node.raw.contains(token.toUtf8()));
        QVERIFY(!run.raw.contains(token.toUtf8()));

        // A flow cannot run an endpoint that does not exist: the draft keeps
        // it as a problem on the node, and publishing it is refused.
        QJsonObject broken = definition;
        QJsonArray nodes = broken.value("nodes").toArray();
        QJsonObject first = nodes.first().toObject();
        first.insert("config", QJsonObject{{"serviceId", service}, {"endpointId", "no-such"}});
        nodes.replace(0, first);
        broken.insert("nodes", nodes);
        const Answer draft =
            call("POST", "/api/v1/flows",
                 {{"name", uniqueName("broken-flow")}, {"definition", broken}}, m_alice.token);
        QVERIFY2(draft.status == 201, draft.raw.constData());
        const QJsonArray problems = draft.data().value("problems").toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value("node").toString(), QStringLiteral("call"));
        const Answer refused =
            call("POST", "/api/v1/flows/" + draft.data().value("id").toString() + "/publish",
                 {{"version", "1"}}, m_alice.token);
        QVERIFY2(refused.status == 400, refused.raw.constData());
        QCOMPARE(refused.body.value("error").toObject().value("code").toString(),
                 QStringLiteral("INVALID_FLOW_DEFINITION"));
    }

    // The editor's typed ports: the interface the engine gives a node
    // calling the endpoint.
    void endpointInterfaceGivesTheNodesTypedPorts()
    {
        const Answer created = registerService(
            {{"name", uniqueName("typed")},
             {"base_url", m_peer.url("/typed")},
             {"endpoints",
              QJsonArray{
                  QJsonObject{
                      {"name", "getItem"},
                      {"method", "GET"},
                      {"path", "/items/{itemId}"},
                      {"pathParams",
                       QJsonObject{{"type", "object"},
                                   {"properties",
                                    QJsonObject{{"itemId", QJsonObject{{"type", "integer"}}}}},
                                   {"required", QJsonArray{"itemId"}}}},
                      {"queryParams",
                       QJsonObject{{"type", "object"},
                                   {"properties",
                                    QJsonObject{{"q", QJsonObject{{"type", "string"}}},
                                                {"exact", QJsonObject{{"type", "boolean"}}}}}}}},
                  QJsonObject{{"name", "createItem"},
                              {"method", "POST"},
                              {"path", "/items"},
                              {"requestBody", QJsonObject{{"type", "object"}}}}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        const QString get = endpointNamed(created.data(), "getItem").value("id").toString();
        const QString post = endpointNamed(created.data(), "createItem").value("id").toString();

        const Answer answer = call(
            "GET", "/api/v1/services/" + id + "/endpoints/" + get + "/interface", {}, m_bob.token);
        QVERIFY2(answer.status == 200, answer.raw.constData());
        QCOMPARE(answer.data().value("name").toString(), QStringLiteral("service"));
        QCOMPARE(answer.data().value("version").toString(), QStringLiteral("1.0.0"));
        QHash<QString, QPair<QString, bool>> inputs;
        QStringList order;
        for (const QJsonValue &v : answer.data().value("inputs").toArray()) {
            const QJsonObject port = v.toObject();
            order.append(port.value("name").toString());
            inputs.insert(port.value("name").toString(),
                          {port.value("type").toString(), port.value("required").toBool()});
        }
        QCOMPARE(order.size(), 3);
        QCOMPARE(order.first(), QStringLiteral("itemId"));
        QCOMPARE(inputs.value("itemId"), qMakePair(QStringLiteral("integer"), true));
        QCOMPARE(inputs.value("q"), qMakePair(QStringLiteral("string"), false));
        QCOMPARE(inputs.value("exact"), qMakePair(QStringLiteral("boolean"), false));
        QStringList outputs;
        for (const QJsonValue &v : answer.data().value("outputs").toArray())
            outputs.append(v.toObject().value("name").toString());
        QCOMPARE(outputs, (QStringList{"status", "headers", "body"}));
        // What the client reads it with gives the same interface back.
        const auto parsed = flow::ComponentInterface::fromJson(answer.data());
        if (!parsed.ok())
            QFAIL(qPrintable(parsed.error().message));
        QCOMPARE(parsed.value().input("itemId")->type, flow::PortType::Integer);

        const Answer withBody = call(
            "GET", "/api/v1/services/" + id + "/endpoints/" + post + "/interface", {}, m_bob.token);
        QCOMPARE(withBody.status, 200);
        const QJsonArray bodyInputs = withBody.data().value("inputs").toArray();
        QCOMPARE(bodyInputs.size(), 1);
        QCOMPARE(bodyInputs.first().toObject().value("name").toString(), QStringLiteral("body"));
        QCOMPARE(bodyInputs.first().toObject().value("type").toString(), QStringLiteral("any"));

        const Answer noEndpoint =
            call("GET", "/api/v1/services/" + id + "/endpoints/no-such/interface", {}, m_bob.token);
        QCOMPARE(noEndpoint.status, 404);
        QCOMPARE(noEndpoint.code(), QStringLiteral("ENDPOINT_NOT_FOUND"));
        const Answer noService = call(
            "GET", "/api/v1/services/no-such/endpoints/" + get + "/interface", {}, m_bob.token);
        QCOMPARE(noService.status, 404);
        QCOMPARE(noService.code(), QStringLiteral("SERVICE_NOT_FOUND"));
    }

    // Last: everything the server said and logged.
    // service_created / _updated / _deleted reach every console (Bob did not
    // register the service, anyone signed in may list it) once committed,
    // with the summary and never the linked credential's secret.
    void changesAreAnnouncedToEveryConsole()
    {
        QWebSocket bobEvents;
        QByteArray bobText;
        connect(&bobEvents, &QWebSocket::textMessageReceived, this,
                [&bobText](const QString &text) { bobText += text.toUtf8() + '\n'; });
        QUrl url = m_http->base();
        url.setScheme("ws");
        url.setPath("/ws/events");
        url.setQuery("token=" + m_bob.token);
        bobEvents.open(url);
        QTRY_VERIFY_WITH_TIMEOUT(!bobText.isEmpty(), 10000); // system_status
        const auto events = [&bobText](const QString &type, const QString &id) {
            QList<QJsonObject> found;
            for (const QByteArray &line : bobText.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value("type").toString() == type &&
                    o.value("data").toObject().value("service_id").toString() == id)
                    found.append(o.value("data").toObject());
            }
            return found;
        };
        const QString token = secret("live");
        const QString credential = createCredential("http_bearer", {{"token", token}});
        QVERIFY(!credential.isEmpty());
        m_document = documentV1();
        const Answer created = registerService({{"name", "announced"},
                                                {"display_name", "Announced"},
                                                {"base_url", m_peer.url("")},
                                                {"schema_url", "/docs/current.json"},
                                                {"credential_id", credential}});
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(events("service_created", id).size(), 1, 10000);
        const QJsonObject born = events("service_created", id).first();
        QCOMPARE(born.value("name").toString(), QStringLiteral("announced"));
        const QJsonObject summary = born.value("service").toObject();
        QCOMPARE(summary.value("display_name").toString(), QStringLiteral("Announced"));
        QCOMPARE(summary.value("credential_id").toString(), credential);
        QCOMPARE(summary.value("endpoint_count").toInt(), 3);
        QVERIFY(!summary.contains("endpoints"));

        // An edit: the changed fields and the new summary.
        QCOMPARE(call("PUT", "/api/v1/services/" + id,
                      {{"display_name", "Announced 2"}, {"description", "live"}}, m_alice.token)
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(events("service_updated", id).size(), 1, 10000);
        QJsonObject updated = events("service_updated", id).first();
        QCOMPARE(updated.value("changed").toArray(), (QJsonArray{"display_name", "description"}));
        QCOMPARE(updated.value("service").toObject().value("display_name").toString(),
                 QStringLiteral("Announced 2"));
        // A PUT that changes nothing, and a refused one, say nothing.
        QCOMPARE(
            call("PUT", "/api/v1/services/" + id, {{"display_name", "Announced 2"}}, m_alice.token)
                .status,
            200);
        QCOMPARE(
            call("PUT", "/api/v1/services/" + id, {{"display_name", "Mine"}}, m_bob.token).code(),
            QStringLiteral("FORBIDDEN"));
        // Unlinking the credential.
        QCOMPARE(
            call("PUT", "/api/v1/services/" + id, {{"credential_id", QJsonValue()}}, m_alice.token)
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(events("service_updated", id).size(), 2, 10000);
        updated = events("service_updated", id).at(1);
        QCOMPARE(updated.value("changed").toArray(), (QJsonArray{"credential_id"}));
        QVERIFY(updated.value("service").toObject().value("credential_id").isNull());

        // A dry run stores nothing and says nothing; an applied refresh does.
        m_document = documentV2();
        QCOMPARE(call("POST", "/api/v1/services/" + id + "/refresh-schema", {{"dry_run", true}},
                      m_alice.token)
                     .status,
                 200);
        QCOMPARE(
            call("POST", "/api/v1/services/" + id + "/refresh-schema", {}, m_alice.token).status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(events("service_updated", id).size(), 3, 10000);
        updated = events("service_updated", id).at(2);
        QCOMPARE(updated.value("changed").toArray(), (QJsonArray{"schema", "endpoints"}));
        // An endpoint by hand.
        const Answer added =
            call("POST", "/api/v1/services/" + id + "/endpoints",
                 {{"name", "extra"}, {"method", "GET"}, {"path", "/extra"}}, m_alice.token);
        QCOMPARE(added.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(events("service_updated", id).size(), 4, 10000);
        QCOMPARE(events("service_updated", id).at(3).value("changed").toArray(),
                 (QJsonArray{"endpoints"}));

        QCOMPARE(call("DELETE", "/api/v1/services/" + id, {}, m_alice.token).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(events("service_deleted", id).size(), 1, 10000);
        QCOMPARE(events("service_deleted", id).first(),
                 (QJsonObject{{"service_id", id}, {"name", "announced"}}));
        QCOMPARE(events("service_updated", id).size(), 4);
        QVERIFY(!bobText.contains(token.toUtf8()));
        bobEvents.close();
    }

    void noSecretAnywhere()
    {
        QVERIFY(m_secrets.size() > 8);
        for (const QString &path :
             {QStringLiteral("/api/v1/audit?size=100"), QStringLiteral("/api/v1/logs?size=100"),
              QStringLiteral("/api/v1/logs/export?format=txt")})
            QCOMPARE(call("GET", path, {}, m_admin).status, 200);
        QVERIFY(m_answers.contains("SERVICE_CREATED"));
        QVERIFY(m_answers.contains("SERVICE_TESTED"));
        QVERIFY(stopServer());
        const QByteArray output = m_server->standardOutput() + m_server->standardError();
        QVERIFY2(output.contains("services:"), "the server logged nothing about services");
        for (const QString &value : std::as_const(m_secrets)) {
            const QByteArray bytes = value.toUtf8();
            QVERIFY2(!m_answers.contains(bytes), qPrintable("an answer holds " + value));
            QVERIFY2(!output.contains(bytes), qPrintable("the log holds " + value));
        }
    }
};

QTEST_GUILESS_MAIN(TestServicesApi)
#include "TestServicesApi.moc"
