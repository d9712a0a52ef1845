// The OpenAPI importer (core/openapi) on small hand-written documents: each
// specification version in JSON and YAML, local $refs with JSON-pointer
// escapes, cycles, allOf, parameter merging, Swagger 2.0 bodies and form
// fields, and the errors (syntax with line, semantic with pointer, external
// refs, bounds).

#include "OpenApiTestDocs.h"
#include "openapi/DocumentText.h"
#include "openapi/OpenApiImport.h"
#include "openapi/ProbePaths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace hm;
using namespace hm::openapi;

namespace {

const Endpoint *findEndpoint(const ImportedDocument &doc, const QString &method,
                             const QString &path)
{
    for (const Endpoint &e : doc.endpoints) {
        if (e.method == method && e.path == path)
            return &e;
    }
    return nullptr;
}

const Parameter *findParameter(const Endpoint &e, const QString &in, const QString &name)
{
    for (const Parameter &p : e.parameters) {
        if (p.in == in && p.name == name)
            return &p;
    }
    return nullptr;
}

QJsonObject schemaAt(const QList<MediaType> &content, const QString &type)
{
    for (const MediaType &m : content) {
        if (m.contentType == type)
            return m.schema.toObject();
    }
    return {};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A document with `count` schemas S0..S{count-1}, each with two properties
// referring to the next: fully inlined it would have 2^count copies of the last.
QByteArray exponentialDocument(int count)
{
    QJsonObject schemas;
    for (int i = 0; i < count; ++i) {
        const QString next = QStringLiteral("#/components/schemas/S%1").arg(i + 1);
        schemas.insert(
            QStringLiteral("S%1").arg(i),
            i + 1 == count
                ? QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}
                : QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                              {QStringLiteral("properties"),
                               QJsonObject{{QStringLiteral("left"),
                                            QJsonObject{{QStringLiteral("$ref"), next}}},
                                           {QStringLiteral("right"),
                                            QJsonObject{{QStringLiteral("$ref"), next}}}}}});
    }
    const QJsonObject doc{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("x")},
                                             {QStringLiteral("version"), QStringLiteral("1")}}},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), schemas}}},
        {QStringLiteral("paths"),
         QJsonObject{
             {QStringLiteral("/x"),
              QJsonObject{
                  {QStringLiteral("get"),
                   QJsonObject{
                       {QStringLiteral("responses"),
                        QJsonObject{
                            {QStringLiteral("200"),
                             QJsonObject{
                                 {QStringLiteral("description"), QStringLiteral("ok")},
                                 {QStringLiteral("content"),
                                  QJsonObject{
                                      {QStringLiteral("application/json"),
                                       QJsonObject{
                                           {QStringLiteral("schema"),
                                            QJsonObject{
                                                {QStringLiteral("$ref"),
                                                 QStringLiteral(
                                                     "#/components/schemas/S0")}}}}}}}}}}}}}}}}}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

} // namespace

class TestOpenApiImport : public QObject
{
    Q_OBJECT

private slots:
    void swagger20()
    {
        const auto r = importOpenApi(QByteArray(testdocs::swagger20Json));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        const ImportedDocument &doc = *r;
        QCOMPARE(doc.version, SpecVersion::Swagger20);
        QCOMPARE(doc.title, QStringLiteral("Pets"));
        QCOMPARE(doc.servers, QStringList({QStringLiteral("https://pets.example.com/v1"),
                                           QStringLiteral("http://pets.example.com/v1")}));
        QVERIFY(doc.securitySchemes.contains(QStringLiteral("apiKey")));
        QCOMPARE(doc.endpoints.size(), 3); // x-internal is no path

        const Endpoint *list = findEndpoint(doc, QStringLiteral("GET"), QStringLiteral("/pets"));
        QVERIFY(list);
        QCOMPARE(list->operationId, QStringLiteral("listPets"));
        QCOMPARE(list->tags, QStringList{QStringLiteral("pets")});
        // Path-level X-Trace overridden by the operation's, in the path-level place.
        QCOMPARE(list->parameters.size(), 2);
        QCOMPARE(list->parameters.at(0).name, QStringLiteral("X-Trace"));
        QCOMPARE(list->parameters.at(0).description, QStringLiteral("operation level"));
        QVERIFY(list->parameters.at(0).required);
        const Parameter *limit =
            findParameter(*list, QStringLiteral("query"), QStringLiteral("limit"));
        QVERIFY(limit);
        QCOMPARE(limit->schema.value(QStringLiteral("type")).toString(), QStringLiteral("integer"));
        QCOMPARE(limit->schema.value(QStringLiteral("maximum")).toInt(), 100);
        // Responses: schema per produced type; #/responses ref followed.
        QCOMPARE(list->responses.size(), 2);
        const QJsonObject ok =
            schemaAt(list->responses.at(0).content, QStringLiteral("application/xml"));
        QCOMPARE(ok.value(QStringLiteral("type")).toString(), QStringLiteral("array"));
        const QJsonObject pet = ok.value(QStringLiteral("items")).toObject();
        QCOMPARE(pet.value(QStringLiteral("required")).toArray(),
                 QJsonArray{QStringLiteral("name")});
        QCOMPARE(pet.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("tag"))
                     .toObject()
                     .value(QStringLiteral("enum"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(list->responses.at(1).status, QStringLiteral("default"));
        QCOMPARE(list->responses.at(1).description, QStringLiteral("no such pet"));
        QVERIFY(schemaAt(list->responses.at(1).content, QStringLiteral("application/json"))
                    .value(QStringLiteral("properties"))
                    .toObject()
                    .contains(QStringLiteral("code")));
        // Global security applies.
        QVERIFY(list->securityDeclared);
        QCOMPARE(list->security.size(), 1);

        // in: body -> request body for each consumed type, security: [] kept.
        const Endpoint *create = findEndpoint(doc, QStringLiteral("POST"), QStringLiteral("/pets"));
        QVERIFY(create);
        QVERIFY(create->requestBody.present);
        QVERIFY(create->requestBody.required);
        QCOMPARE(create->requestBody.description, QStringLiteral("the pet"));
        QCOMPARE(create->requestBody.content.size(), 2);
        QCOMPARE(create->requestBody.content.at(1).contentType, QStringLiteral("text/json"));
        QVERIFY(create->requestBody.content.at(0)
                    .schema.toObject()
                    .value(QStringLiteral("properties"))
                    .toObject()
                    .contains(QStringLiteral("name")));
        QCOMPARE(create->parameters.size(), 1); // X-Trace from the path; the body is no parameter
        QVERIFY(create->securityDeclared);
        QVERIFY(create->security.isEmpty());

        // formData -> multipart body with a binary file field.
        const Endpoint *upload =
            findEndpoint(doc, QStringLiteral("PUT"), QStringLiteral("/pets/{petId}/photo"));
        QVERIFY(upload);
        QVERIFY(upload->deprecated);
        QCOMPARE(upload->parameters.size(), 1);
        QVERIFY(upload->parameters.at(0).required); // path parameters always are
        QCOMPARE(upload->requestBody.content.size(), 1);
        QCOMPARE(upload->requestBody.content.at(0).contentType,
                 QStringLiteral("multipart/form-data"));
        const QJsonObject form = upload->requestBody.content.at(0).schema.toObject();
        QCOMPARE(form.value(QStringLiteral("required")).toArray(),
                 QJsonArray{QStringLiteral("file")});
        QCOMPARE(form.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("file"))
                     .toObject()
                     .value(QStringLiteral("format"))
                     .toString(),
                 QStringLiteral("binary"));
    }

    void swagger20YamlEqualsJson()
    {
        const auto json = importOpenApi(QByteArray(testdocs::swagger20Json));
        const auto yaml = importOpenApi(QByteArray(testdocs::swagger20Yaml));
        if (!json.ok() || !yaml.ok())
            QFAIL("one form does not import");
        QCOMPARE(yaml->endpoints.size(), json->endpoints.size());
        for (qsizetype i = 0; i < json->endpoints.size(); ++i)
            QCOMPARE(compact(yaml->endpoints.at(i).toJson()),
                     compact(json->endpoints.at(i).toJson()));
        QCOMPARE(compact(yaml->toJson()), compact(json->toJson()));
    }

    void openApi30()
    {
        const auto r = importOpenApi(QByteArray(testdocs::openApi30Json));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        QCOMPARE(r->version, SpecVersion::OpenApi30);
        QCOMPARE(r->versionText, QStringLiteral("3.0.3"));
        QCOMPARE(r->servers, QStringList{QStringLiteral("https://eu.shop.example/api")});
        QCOMPARE(r->endpoints.size(), 3);

        const Endpoint *get =
            findEndpoint(*r, QStringLiteral("GET"), QStringLiteral("/items/{id}"));
        QVERIFY(get);
        // id (path level, ref), verbose (overridden), session (cookie), X-Request-Id (header).
        QCOMPARE(get->parameters.size(), 4);
        QCOMPARE(get->parameters.at(0).name, QStringLiteral("id"));
        QCOMPARE(get->parameters.at(0).schema.value(QStringLiteral("format")).toString(),
                 QStringLiteral("uuid"));
        QCOMPARE(get->parameters.at(1).name, QStringLiteral("verbose"));
        QVERIFY(get->parameters.at(1).required);
        QCOMPARE(get->parameters.at(1).schema.value(QStringLiteral("default")).toBool(true), false);
        QVERIFY(findParameter(*get, QStringLiteral("cookie"), QStringLiteral("session")));
        QVERIFY(findParameter(*get, QStringLiteral("header"), QStringLiteral("X-Request-Id")));
        QCOMPARE(get->servers, QStringList{QStringLiteral("https://items.shop.example")});
        QVERIFY(get->securityDeclared);
        QCOMPARE(get->security.at(0).toObject().value(QStringLiteral("oauth")).toArray(),
                 QJsonArray{QStringLiteral("read")});
        const QJsonObject schemaOfPath = get->parametersSchema(QStringLiteral("path"));
        QCOMPARE(schemaOfPath.value(QStringLiteral("required")).toArray(),
                 QJsonArray{QStringLiteral("id")});

        // Response through #/components/responses with a header ref; allOf merged.
        QCOMPARE(get->responses.size(), 2);
        const Response &ok = get->responses.at(0);
        QCOMPARE(ok.description, QStringLiteral("one item"));
        QCOMPARE(ok.headers.value(QStringLiteral("X-Rate"))
                     .toObject()
                     .value(QStringLiteral("schema"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("integer"));
        const QJsonObject item = schemaAt(ok.content, QStringLiteral("application/json"));
        QVERIFY(!item.contains(QStringLiteral("allOf")));
        QCOMPARE(item.value(QStringLiteral("type")).toString(), QStringLiteral("object"));
        QCOMPARE(item.value(QStringLiteral("description")).toString(), QStringLiteral("an item"));
        QCOMPARE(item.value(QStringLiteral("required")).toArray(),
                 QJsonArray({QStringLiteral("id"), QStringLiteral("price")}));
        const QJsonObject props = item.value(QStringLiteral("properties")).toObject();
        QCOMPARE(props.keys(), QStringList({QStringLiteral("id"), QStringLiteral("kind"),
                                            QStringLiteral("price")}));
        // oneOf kept as it is.
        QCOMPARE(props.value(QStringLiteral("kind"))
                     .toObject()
                     .value(QStringLiteral("oneOf"))
                     .toArray()
                     .size(),
                 2);

        // Request body through #/components/requestBodies; op-level servers and security: [].
        const Endpoint *put =
            findEndpoint(*r, QStringLiteral("PUT"), QStringLiteral("/items/{id}"));
        QVERIFY(put);
        QVERIFY(put->requestBody.present);
        QVERIFY(put->requestBody.required);
        QCOMPARE(put->requestBody.content.size(), 2);
        QCOMPARE(put->servers, QStringList{QStringLiteral("https://write.shop.example")});
        QVERIFY(put->securityDeclared && put->security.isEmpty());
        QCOMPARE(put->parameters.size(), 2); // the path level's only
        // A ref into #/paths (~1, %7B %7D) and one to a name with ~ and /.
        const QJsonObject wrapper =
            schemaAt(put->responses.at(0).content, QStringLiteral("application/json"));
        const QJsonObject same = wrapper.value(QStringLiteral("properties"))
                                     .toObject()
                                     .value(QStringLiteral("same"))
                                     .toObject();
        QCOMPARE(same.value(QStringLiteral("description")).toString(), QStringLiteral("an item"));
        QCOMPARE(wrapper.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("flag"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("boolean"));

        // Path level servers, document security for the third.
        const Endpoint *health = findEndpoint(*r, QStringLiteral("GET"), QStringLiteral("/health"));
        QVERIFY(health);
        QCOMPARE(health->servers, r->servers);
        QCOMPARE(health->name(), QStringLiteral("GET /health"));
    }

    void openApi30YamlEqualsJson()
    {
        // The same document written as YAML by the library's own writer.
        const auto parsed = readDocumentText(QByteArray(testdocs::openApi30Json));
        if (!parsed.ok())
            QFAIL(qPrintable(parsed.error().toString()));
        bool lossless = false;
        const QByteArray yaml = writeYamlText(*parsed, &lossless);
        QVERIFY(lossless);
        QVERIFY(!yaml.trimmed().startsWith('{'));
        const auto fromYaml = importOpenApi(yaml);
        const auto fromJson = importOpenApi(QByteArray(testdocs::openApi30Json));
        if (!fromYaml.ok() || !fromJson.ok())
            QFAIL("one form does not import");
        QCOMPARE(compact(fromYaml->toJson()), compact(fromJson->toJson()));
    }

    void openApi31()
    {
        const auto r = importOpenApi(QByteArray(testdocs::openApi31Yaml));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        QCOMPARE(r->version, SpecVersion::OpenApi31);
        QCOMPARE(r->apiVersion, QStringLiteral("3"));
        QCOMPARE(r->endpoints.size(), 2); // webhooks are no endpoints
        const Endpoint *ping = findEndpoint(*r, QStringLiteral("GET"), QStringLiteral("/ping"));
        QVERIFY(ping);
        QCOMPARE(ping->operationId, QStringLiteral("ping"));
        const Endpoint *post = findEndpoint(*r, QStringLiteral("POST"), QStringLiteral("/events"));
        QVERIFY(post);
        QVERIFY(!post->securityDeclared);
        const QJsonObject event =
            schemaAt(post->requestBody.content, QStringLiteral("application/json"));
        const QJsonObject props = event.value(QStringLiteral("properties")).toObject();
        QCOMPARE(
            props.value(QStringLiteral("name")).toObject().value(QStringLiteral("type")).toArray(),
            QJsonArray({QStringLiteral("string"), QStringLiteral("null")}));
        // 3.1: the sibling description wins over the target's.
        const QJsonObject at = props.value(QStringLiteral("at")).toObject();
        QCOMPARE(at.value(QStringLiteral("format")).toString(), QStringLiteral("date-time"));
        QCOMPARE(at.value(QStringLiteral("description")).toString(),
                 QStringLiteral("when it happened"));
    }

    void cyclesAreMarked()
    {
        const auto r = importOpenApi(QByteArray(testdocs::cyclesJson));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        const Endpoint &e = r->endpoints.at(0);
        const QJsonObject node =
            schemaAt(e.requestBody.content, QStringLiteral("application/json"));
        const QJsonObject inner = node.value(QStringLiteral("properties"))
                                      .toObject()
                                      .value(QStringLiteral("children"))
                                      .toObject()
                                      .value(QStringLiteral("items"))
                                      .toObject();
        QCOMPARE(inner.value(QStringLiteral("x-hivemind-ref")).toString(),
                 QStringLiteral("#/components/schemas/Node"));
        QCOMPARE(inner.value(QStringLiteral("x-hivemind-cut")).toString(),
                 QStringLiteral("circular"));
        QCOMPARE(inner.value(QStringLiteral("type")).toString(), QStringLiteral("object"));

        const QJsonObject a =
            schemaAt(e.responses.at(0).content, QStringLiteral("application/json"));
        const QJsonObject b =
            a.value(QStringLiteral("properties")).toObject().value(QStringLiteral("b")).toObject();
        const QJsonObject back =
            b.value(QStringLiteral("properties")).toObject().value(QStringLiteral("a")).toObject();
        QCOMPARE(back.value(QStringLiteral("x-hivemind-ref")).toString(),
                 QStringLiteral("#/components/schemas/A"));

        // allOf including itself: the rest merged, the cut part kept in allOf.
        const QJsonObject self =
            schemaAt(e.responses.at(0).content, QStringLiteral("application/x-self"));
        QVERIFY(self.value(QStringLiteral("properties")).toObject().contains(QStringLiteral("x")));
        QCOMPARE(self.value(QStringLiteral("allOf")).toArray().size(), 1);
        QCOMPARE(self.value(QStringLiteral("allOf"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("x-hivemind-cut"))
                     .toString(),
                 QStringLiteral("circular"));
    }

    void exponentialReferencesAreBounded()
    {
        // 2^40 nodes if inlined naively: shared subtrees, a size cut, fast.
        QElapsedTimer timer;
        timer.start();
        const auto r = importOpenApi(exponentialDocument(40));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        const QByteArray text =
            QJsonDocument(r->endpoints.at(0).toJson()).toJson(QJsonDocument::Compact);
        QVERIFY(text.contains("\"x-hivemind-cut\":\"size\""));
        QVERIFY2(text.size() < 20 * 1024 * 1024, qPrintable(QString::number(text.size())));

        // With a small budget for the whole document: a clear error instead.
        ImportLimits limits;
        limits.maxInlinedNodes = 1000;
        const auto bounded = importOpenApi(exponentialDocument(40), TextFormat::Auto, limits);
        QVERIFY(!bounded.ok());
        QCOMPARE(bounded.error().code, ErrorCode::SchemaParseError);
        QCOMPARE(importErrorReason(bounded.error()), QStringLiteral("TOO_COMPLEX"));
    }

    void deepReferenceChainsAreCut()
    {
        // 500 schemas in a chain: cut by depth, no stack overflow.
        QJsonObject schemas;
        for (int i = 0; i < 500; ++i) {
            schemas.insert(
                QStringLiteral("S%1").arg(i),
                QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"),
                     QJsonObject{
                         {QStringLiteral("next"),
                          QJsonObject{{QStringLiteral("$ref"),
                                       QStringLiteral("#/components/schemas/S%1").arg(i + 1)}}}}}});
        }
        schemas.insert(QStringLiteral("S500"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
        QJsonObject doc = QJsonDocument::fromJson(exponentialDocument(1)).object();
        doc.insert(QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), schemas}});
        const auto r = importOpenApi(QJsonValue(doc));
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        const QByteArray text = compact(r->endpoints.at(0).toJson());
        QVERIFY(text.contains("\"x-hivemind-cut\":\"depth\""));
    }

    void yamlScalarsAnchorsAndMerges()
    {
        const QByteArray yaml = R"(openapi: 3.0.0
info: {title: 'Scalars', version: 1.10}
x-base: &base
  type: object
  description: base
paths:
  /s:
    get:
      parameters:
        - name: n
          in: query
          schema:
            <<: *base
            description: own
            default: 0x1F
            maximum: 1e3
            enum: [~, null, true, False, '12', 12, -0o7, .inf, 3.50]
      responses:
        200:
          description: ok
)";
        const auto r = importOpenApi(yaml);
        if (!r.ok())
            QFAIL(qPrintable(r.error().toString()));
        QCOMPARE(r->apiVersion, QStringLiteral("1.1")); // a plain 1.10 is a float
        const QJsonObject s = r->endpoints.at(0).parameters.at(0).schema;
        QCOMPARE(s.value(QStringLiteral("type")).toString(), QStringLiteral("object")); // merged
        QCOMPARE(s.value(QStringLiteral("description")).toString(),
                 QStringLiteral("own")); // own wins
        QCOMPARE(s.value(QStringLiteral("default")).toInteger(), 31);
        QCOMPARE(s.value(QStringLiteral("maximum")).toDouble(), 1000.0);
        const QJsonArray e = s.value(QStringLiteral("enum")).toArray();
        QCOMPARE(e.size(), 9);
        QVERIFY(e.at(0).isNull());
        QVERIFY(e.at(1).isNull());
        QCOMPARE(e.at(2), QJsonValue(true));
        QCOMPARE(e.at(3), QJsonValue(false));
        QCOMPARE(e.at(4), QJsonValue(QStringLiteral("12")));
        QCOMPARE(e.at(5).toInteger(), 12);
        QCOMPARE(e.at(6),
                 QJsonValue(QStringLiteral("-0o7"))); // no sign on octal in the core schema
        QVERIFY(std::isinf(e.at(7).toDouble()));
        QCOMPARE(e.at(8).toDouble(), 3.5);
        QCOMPARE(r->endpoints.at(0).responses.at(0).status, QStringLiteral("200"));
    }

    void syntaxErrorsSayWhere()
    {
        const auto json =
            importOpenApi(QByteArray("{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {,}\n}"));
        QVERIFY(!json.ok());
        QCOMPARE(json.error().code, ErrorCode::SchemaParseError);
        QCOMPARE(importErrorReason(json.error()), QStringLiteral("SYNTAX"));
        QCOMPARE(json.error().details.value(QStringLiteral("line")).toInt(), 3);
        QVERIFY(json.error().message.contains(QStringLiteral("line 3")));

        const auto yaml = importOpenApi(QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get: [\n"));
        QVERIFY(!yaml.ok());
        QCOMPARE(importErrorReason(yaml.error()), QStringLiteral("SYNTAX"));
        QVERIFY(yaml.error().details.value(QStringLiteral("line")).toInt() >= 4);

        const auto tabs = importOpenApi(
            QByteArray("openapi: 3.0.0\npaths:\n  /a: {get: {responses: {}}}\n  - x\n"));
        QVERIFY(!tabs.ok());
        QCOMPARE(tabs.error().details.value(QStringLiteral("line")).toInt(), 4);
    }

    void semanticErrorsSayWhere_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no version") << QByteArray("{\"info\": {}, \"paths\": {}}") << "NOT_OPENAPI"
                                    << "";
        QTest::newRow("not an object") << QByteArray("[1, 2]") << "NOT_OPENAPI"
                                       << "";
        QTest::newRow("openapi 4")
            << QByteArray("openapi: 4.0.0\npaths: {}\n") << "UNSUPPORTED_VERSION"
            << "/openapi";
        QTest::newRow("swagger 1.2")
            << QByteArray("{\"swagger\": \"1.2\"}") << "UNSUPPORTED_VERSION"
            << "/swagger";
        QTest::newRow("paths not an object")
            << QByteArray("openapi: 3.0.0\npaths: [1]\n") << "INVALID_DOCUMENT"
            << "/paths";
        QTest::newRow("operation not an object")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a/b:\n    get: 12\n") << "INVALID_DOCUMENT"
            << "/paths/~1a~1b/get";
        QTest::newRow("parameter without in")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - "
                          "name: x\n")
            << "INVALID_DOCUMENT"
            << "/paths/~1a/get/parameters/0";
        QTest::newRow("body parameter in 3.0")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - "
                          "{name: x, in: body}\n")
            << "INVALID_DOCUMENT"
            << "/paths/~1a/get/parameters/0";
        QTest::newRow("missing schema ref")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        "
                          "'200':\n          description: x\n"
                          "          content:\n            application/json:\n              "
                          "schema: {$ref: '#/components/schemas/Nope'}\n")
            << "REF_NOT_FOUND"
            << "/paths/~1a/get/responses/200/content/application~1json/schema";
        QTest::newRow("missing ref inside a component")
            << QByteArray("openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {properties: {b: {$ref: "
                          "'#/components/schemas/B'}}}\n"
                          "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n        "
                          "  application/json:\n"
                          "            schema: {$ref: '#/components/schemas/A'}\n")
            << "REF_NOT_FOUND"
            << "/components/schemas/A/properties/b";
        QTest::newRow("external ref")
            << QByteArray("openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - "
                          "$ref: 'common.yaml#/Limit'\n")
            << "EXTERNAL_REF_UNSUPPORTED"
            << "/paths/~1a/get/parameters/0";
        QTest::newRow("external schema url")
            << QByteArray("{\"swagger\": \"2.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": "
                          "{\"200\": {\"description\": \"x\", "
                          "\"schema\": {\"$ref\": \"https://example.com/schemas/pet.json\"}}}}}}}")
            << "EXTERNAL_REF_UNSUPPORTED"
            << "/paths/~1a/get/responses/200/schema";
        QTest::newRow("parameter ref loop")
            << QByteArray("openapi: 3.0.0\ncomponents:\n  parameters:\n    P: {$ref: "
                          "'#/components/parameters/P'}\n"
                          "paths:\n  /a:\n    get:\n      parameters:\n        - $ref: "
                          "'#/components/parameters/P'\n")
            << "INVALID_DOCUMENT"
            << "/components/parameters/P";
    }

    void semanticErrorsSayWhere()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, reason);
        QFETCH(QString, pointer);
        const auto r = importOpenApi(document);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::SchemaParseError);
        QCOMPARE(importErrorReason(r.error()), reason);
        QCOMPARE(r.error().details.value(QStringLiteral("pointer")).toString(), pointer);
        QVERIFY(!r.error().message.isEmpty());
        if (reason == QLatin1String("EXTERNAL_REF_UNSUPPORTED"))
            QVERIFY(r.error().message.contains(QStringLiteral("outside the document")));
    }

    void boundsOnText()
    {
        // YAML "billion laughs": aliases expanded beyond the node limit.
        QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            const char prev = static_cast<char>(c - 1);
            laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + QByteArray(1, prev);
            for (int i = 0; i < 9; ++i)
                laughs += ", *" + QByteArray(1, prev);
            laughs += "]\n";
        }
        QElapsedTimer timer;
        timer.start();
        const auto r = importOpenApi(laughs);
        QVERIFY(!r.ok());
        QCOMPARE(importErrorReason(r.error()), QStringLiteral("TOO_LARGE"));
        QVERIFY(timer.elapsed() < 5000);

        const auto deepYaml =
            importOpenApi(QByteArray(5000, '[') + QByteArray(5000, ']'), TextFormat::Yaml);
        QVERIFY(!deepYaml.ok());
        QCOMPARE(importErrorReason(deepYaml.error()), QStringLiteral("TOO_DEEP"));
        const auto deepJson = importOpenApi(QByteArray(500, '[') + QByteArray(500, ']'));
        QVERIFY(!deepJson.ok());
        QCOMPARE(importErrorReason(deepJson.error()), QStringLiteral("TOO_DEEP"));

        TextLimits small;
        small.maxBytes = 10;
        QVERIFY(!readDocumentText(QByteArray("{\"openapi\": \"3.0.0\"}"), TextFormat::Auto, small)
                     .ok());
    }

    void yamlWriterRoundTrip()
    {
        const QJsonObject value{
            {QStringLiteral("s"), QStringLiteral("tab\there \"quoted\" \\ é 漢字 😀 \x01")},
            {QStringLiteral("looks like a number"), QStringLiteral("012")},
            {QStringLiteral("true"), QStringLiteral("null")},
            {QStringLiteral("n"), 1.5},
            {QStringLiteral("i"), 123456789012LL},
            {QStringLiteral("b"), false},
            {QStringLiteral("z"), QJsonValue()},
            {QStringLiteral("empty"), QJsonObject()},
            {QStringLiteral("list"),
             QJsonArray{1, QJsonArray{QJsonArray{}, QJsonObject{{QStringLiteral("k"), 2}}},
                        QStringLiteral("- x")}},
            {QStringLiteral("key: with colon"), QStringLiteral("#comment?")},
            // Longer than YAML's 1024-character implicit keys (found by FuzzOpenApi).
            {QString(1500, QLatin1Char('k')), QJsonObject{{QStringLiteral("a"), 1}}},
            {QString(1200, QLatin1Char('\n')), 2}};
        bool lossless = false;
        const QByteArray yaml = writeYamlText(value, &lossless);
        QVERIFY(lossless);
        const auto back = readDocumentText(yaml, TextFormat::Yaml);
        if (!back.ok())
            QFAIL(
                qPrintable(back.error().toString() + QLatin1Char('\n') + QString::fromUtf8(yaml)));
        QCOMPARE(compact(back->toObject()), compact(value));
    }

    void probePathsListTheUsualPlaces()
    {
        const QStringList paths = probePaths();
        for (const char *expected : {"/openapi.json", "/v3/api-docs", "/swagger.json",
                                     "/openapi.yaml", "/swagger.yaml", "/api-docs", "/v2/api-docs"})
            QVERIFY2(paths.contains(QLatin1String(expected)), expected);
        QCOMPARE(paths.first(), QStringLiteral("/openapi.json"));
        QCOMPARE(QSet<QString>(paths.begin(), paths.end()).size(), paths.size());
        for (const QString &p : paths)
            QVERIFY(p.startsWith(QLatin1Char('/')));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "TestOpenApiImport.moc"
