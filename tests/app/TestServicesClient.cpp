// core/client's ServicesApi (issue 13, item 6) against a real in-process
// server over loopback and a real HTTP peer playing the service: preview
// without saving, register by probing and with the schema URL, list with
// paging and search, get with endpoints, update (credential linked and
// unlinked), endpoints by hand (added, listed, deleted), refresh-schema's
// dry run and apply (removed endpoints kept as removed), a test call the
// peer receives, the flow editor's calls (palette endpoints, a service
// node's interface, refused for a removed endpoint), delete; the typed
// errors.

#include "AdminTestSupport.h"
#include "ServiceTestSupport.h"
#include "client/CredentialsApi.h"
#include "client/ServicesApi.h"

using namespace hm;
using namespace hm::client;
using namespace admintest;
using namespace servicetest;

namespace {

#define REQUIRE_OK(result)                                                                         \
    do {                                                                                           \
        if (!(result))                                                                             \
            QFAIL(qPrintable((result).error().toString()));                                        \
    } while (0)

const ServiceEndpoint *findEndpoint(const QList<ServiceEndpoint> &list, const QString &method,
                                    const QString &path)
{
    for (const ServiceEndpoint &e : list) {
        if (e.method == method && e.path == path)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestServicesClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start("TestServicesClient"));
        m_peer.setAnswer(m_store.answer());
    }
    void cleanupTestCase() { m_server.stop(); }
    void previewStoresNothing();
    void registerListGetUpdate();
    void manualEndpoints();
    void refreshDryRunAndApply();
    void testCallReachesThePeer();
    void flowEditorCalls();
    void errorsAreTyped();

private:
    ServicesApi api() { return ServicesApi(*m_server.connection->client()); }
    Result<ServiceInfo> create(const NewService &s)
    {
        return await<ServiceInfo>([&](auto done) { api().create(s, done); });
    }

    AdminServer m_server;
    test::RecordingPeer m_peer;
    PetStore m_store;
    QString m_petsId;
};

void TestServicesClient::previewStoresNothing()
{
    auto preview = await<ServicePreview>(
        [&](auto done) { api().preview(m_peer.url(QString()), QString(), done); });
    REQUIRE_OK(preview);
    QCOMPARE(preview->schemaSource, m_peer.url(QStringLiteral("/openapi.json")));
    QCOMPARE(preview->endpointCount, 3);
    QCOMPARE(preview->endpoints.size(), 3);
    QCOMPARE(preview->schema.value(QStringLiteral("title")).toString(),
             QStringLiteral("Pet store"));
    const ServiceEndpoint *post = findEndpoint(preview->endpoints, "POST", "/pets");
    QVERIFY(post);
    QVERIFY(post->id.isEmpty());
    QCOMPARE(post->summary, QStringLiteral("Create a pet"));
    QVERIFY(post->requestBody.isObject());
    QCOMPARE(post->requestContentType, QStringLiteral("application/json"));
    auto list = await<Page<ServiceInfo>>([&](auto done) { api().list({}, done); });
    REQUIRE_OK(list);
    QCOMPARE(list->total, 0);
}

void TestServicesClient::registerListGetUpdate()
{
    NewService s;
    s.name = QStringLiteral("pets");
    s.displayName = QStringLiteral("Pet store");
    s.description = QStringLiteral("made by the test");
    s.baseUrl = m_peer.url(QString());
    auto made = create(s);
    REQUIRE_OK(made);
    m_petsId = made->id;
    QCOMPARE(made->endpointCount, 3);
    QCOMPARE(made->endpoints.size(), 3);
    QCOMPARE(made->schemaSource, m_peer.url(QStringLiteral("/openapi.json")));
    QCOMPARE(made->status, QStringLiteral("active"));
    QCOMPARE(made->createdByName, QStringLiteral("admin"));
    const ServiceEndpoint *show = findEndpoint(made->endpoints, "GET", "/pets/{petId}");
    QVERIFY(show);
    QCOMPARE(show->parameters.size(), 1);
    QCOMPARE(show->parameters[0].toObject().value("in").toString(), QStringLiteral("path"));

    // With the schema URL given, and two more to page through.
    for (const QString &name : {QStringLiteral("weather"), QStringLiteral("zoo")}) {
        NewService other = s;
        other.name = name;
        other.displayName = name;
        other.schemaUrl = QStringLiteral("/openapi.json");
        REQUIRE_OK(create(other));
    }
    ServiceFilter filter;
    filter.page = {1, 2};
    auto first = await<Page<ServiceInfo>>([&](auto done) { api().list(filter, done); });
    REQUIRE_OK(first);
    QCOMPARE(first->total, 3);
    QCOMPARE(first->items.size(), 2);
    QVERIFY(first->hasNext);
    QCOMPARE(first->items[0].name, QStringLiteral("pets"));
    QCOMPARE(first->items[0].endpointCount, 3);
    QVERIFY(first->items[0].endpoints.isEmpty());
    filter.page = {2, 2};
    auto second = await<Page<ServiceInfo>>([&](auto done) { api().list(filter, done); });
    REQUIRE_OK(second);
    QCOMPARE(second->items.size(), 1);
    QCOMPARE(second->items[0].name, QStringLiteral("zoo"));
    filter = {};
    filter.search = QStringLiteral("WEATH");
    auto found = await<Page<ServiceInfo>>([&](auto done) { api().list(filter, done); });
    REQUIRE_OK(found);
    QCOMPARE(found->items.size(), 1);
    QCOMPARE(found->items[0].schemaUrl, QStringLiteral("/openapi.json"));

    auto got = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    REQUIRE_OK(got);
    QCOMPARE(got->endpoints.size(), 3);
    QCOMPARE(got->displayName, QStringLiteral("Pet store"));

    // Link a credential, then unlink it.
    auto credential = await<CredentialInfo>([&](auto done) {
        CredentialsApi(*m_server.connection->client())
            .create({QStringLiteral("pets token"),
                     {},
                     QStringLiteral("http_bearer"),
                     {},
                     QJsonObject{{"token", "Pets-Token-1"}}},
                    done);
    });
    REQUIRE_OK(credential);
    auto linked = await<ServiceInfo>([&](auto done) {
        api().update(
            m_petsId,
            {{"credential_id", credential->id}, {"timeout_ms", 5000}, {"display_name", "Pets"}},
            done);
    });
    REQUIRE_OK(linked);
    QCOMPARE(linked->credentialId, credential->id);
    QCOMPARE(linked->timeoutMs, 5000);
    QCOMPARE(linked->displayName, QStringLiteral("Pets"));
    QCOMPARE(linked->endpoints.size(), 3);
    auto unlinked = await<ServiceInfo>([&](auto done) {
        api().update(m_petsId, {{"credential_id", QJsonValue()}}, done);
    });
    REQUIRE_OK(unlinked);
    QVERIFY(unlinked->credentialId.isEmpty());
}

void TestServicesClient::manualEndpoints()
{
    NewService s;
    s.name = QStringLiteral("by-hand");
    s.baseUrl = m_peer.url(QStringLiteral("/api"));
    s.endpoints = QJsonArray();
    m_peer.clear();
    auto made = create(s);
    REQUIRE_OK(made);
    QVERIFY(m_peer.requests().isEmpty()); // nothing fetched
    QCOMPARE(made->endpointCount, 0);
    QVERIFY(made->schemaSource.isEmpty());
    auto added = await<ServiceEndpoint>([&](auto done) {
        api().addEndpoint(
            made->id,
            {{"method", "GET"},
             {"path", "/items/{itemId}"},
             {"name", "getItem"},
             {"query_params",
              QJsonObject{
                  {"type", "object"},
                  {"properties", QJsonObject{{"verbose", QJsonObject{{"type", "boolean"}}}}}}}},
            done);
    });
    REQUIRE_OK(added);
    QCOMPARE(added->source, QStringLiteral("manual"));
    QCOMPARE(added->name, QStringLiteral("getItem"));
    QCOMPARE(added->parameters.size(), 2); // itemId (path, required) and verbose
    auto listed = await<QList<ServiceEndpoint>>(
        [&](auto done) { api().endpoints(made->id, QString(), done); });
    REQUIRE_OK(listed);
    QCOMPARE(listed->size(), 1);
    REQUIRE_OK(await<void>([&](auto done) { api().removeEndpoint(made->id, added->id, done); }));
    listed = await<QList<ServiceEndpoint>>(
        [&](auto done) { api().endpoints(made->id, QStringLiteral("active"), done); });
    REQUIRE_OK(listed);
    QVERIFY(listed->isEmpty());
    REQUIRE_OK(await<void>([&](auto done) { api().remove(made->id, done); }));
}

void TestServicesClient::refreshDryRunAndApply()
{
    QVERIFY(!m_petsId.isEmpty());
    m_store.document = documentV2();
    auto dry = await<SchemaRefresh>([&](auto done) { api().refreshSchema(m_petsId, true, done); });
    REQUIRE_OK(dry);
    QVERIFY(!dry->applied);
    QCOMPARE(dry->added.size(), 1);
    QCOMPARE(dry->added[0].path, QStringLiteral("/owners"));
    QCOMPARE(dry->changed.size(), 1);
    QCOMPARE(dry->changed[0].method, QStringLiteral("POST"));
    QVERIFY(!dry->changed[0].fields.isEmpty());
    QCOMPARE(dry->removed.size(), 1);
    QCOMPARE(dry->removed[0].path, QStringLiteral("/pets/{petId}"));
    QCOMPARE(dry->unchanged, 1);
    auto stillThree = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    REQUIRE_OK(stillThree);
    QVERIFY(findEndpoint(stillThree->endpoints, "GET", "/pets/{petId}"));
    QVERIFY(!findEndpoint(stillThree->endpoints, "GET", "/owners"));

    auto applied =
        await<SchemaRefresh>([&](auto done) { api().refreshSchema(m_petsId, false, done); });
    REQUIRE_OK(applied);
    QVERIFY(applied->applied);
    QCOMPARE(applied->service.endpointCount, 3);
    auto after = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    REQUIRE_OK(after);
    QCOMPARE(after->endpoints.size(), 4);
    const ServiceEndpoint *removed = findEndpoint(after->endpoints, "GET", "/pets/{petId}");
    QVERIFY(removed);
    QVERIFY(removed->isRemoved());
    QVERIFY(removed->removedAt.isValid());
    auto onlyRemoved = await<QList<ServiceEndpoint>>(
        [&](auto done) { api().endpoints(m_petsId, QStringLiteral("removed"), done); });
    REQUIRE_OK(onlyRemoved);
    QCOMPARE(onlyRemoved->size(), 1);
    m_store.document = documentV1();
}

void TestServicesClient::testCallReachesThePeer()
{
    auto got = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    REQUIRE_OK(got);
    const ServiceEndpoint *post = findEndpoint(got->endpoints, "POST", "/pets");
    QVERIFY(post);
    m_peer.clear();
    ServiceCallInput input;
    input.endpointId = post->id;
    input.query = {{"dryRun", true}};
    input.body = QJsonObject{{"name", "Kitty"}};
    auto call = await<ServiceCallResult>([&](auto done) { api().test(m_petsId, input, done); });
    REQUIRE_OK(call);
    QVERIFY(call->success);
    QCOMPARE(call->httpStatus, 201);
    QVERIFY(call->body.contains(QStringLiteral("Kitty")));
    QCOMPARE(call->requestMethod, QStringLiteral("POST"));
    QVERIFY(call->requestUrl.endsWith(QStringLiteral("/pets?dryRun=true")));
    const auto requests = m_peer.requestsTo("/pets");
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, QByteArray("POST"));
    QCOMPARE(QJsonDocument::fromJson(requests[0].body).object().value("name").toString(),
             QStringLiteral("Kitty"));
    // A removed endpoint is refused.
    const ServiceEndpoint *removed = findEndpoint(got->endpoints, "GET", "/pets/{petId}");
    QVERIFY(removed);
    input = {};
    input.endpointId = removed->id;
    auto refused = await<ServiceCallResult>([&](auto done) { api().test(m_petsId, input, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::EndpointNotFound);
}

void TestServicesClient::flowEditorCalls()
{
    // The palette: active endpoints of active services, removed ones left out.
    auto palette =
        await<QList<ServiceEndpointRef>>([&](auto done) { api().paletteEndpoints(done); });
    REQUIRE_OK(palette);
    QStringList pets;
    for (const ServiceEndpointRef &e : std::as_const(*palette)) {
        if (e.serviceId == m_petsId)
            pets << e.method + u' ' + e.path;
    }
    pets.sort();
    QCOMPARE(pets, (QStringList{"GET /owners", "GET /pets", "POST /pets"}));

    auto got = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    REQUIRE_OK(got);
    const ServiceEndpoint *list = findEndpoint(got->endpoints, "GET", "/pets");
    QVERIFY(list);
    auto iface =
        await<QJsonObject>([&](auto done) { api().endpointInterface(m_petsId, list->id, done); });
    REQUIRE_OK(iface);
    QCOMPARE(iface->value("name").toString(), QStringLiteral("service"));
    QStringList inputs;
    for (const QJsonValue v : iface->value("inputs").toArray())
        inputs << v.toObject().value("name").toString();
    QVERIFY2(inputs.contains("limit") && inputs.contains("X-Trace"), qPrintable(inputs.join(',')));

    // A removed endpoint has no interface: the server says why.
    const ServiceEndpoint *removed = findEndpoint(got->endpoints, "GET", "/pets/{petId}");
    QVERIFY(removed);
    auto refused = await<QJsonObject>(
        [&](auto done) { api().endpointInterface(m_petsId, removed->id, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::EndpointNotFound);
    QVERIFY2(refused.error().message.contains("removed"), qPrintable(refused.error().message));
}

void TestServicesClient::errorsAreTyped()
{
    auto missing = await<ServiceInfo>([&](auto done) { api().get(QStringLiteral("nope"), done); });
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::ServiceNotFound);
    m_store.broken = true;
    auto none = await<ServicePreview>(
        [&](auto done) { api().preview(m_peer.url(QString()), QString(), done); });
    m_store.broken = false;
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::SchemaParseError);
    QCOMPARE(none.error().details.value("reason").toString(), QStringLiteral("NO_DOCUMENT"));
    NewService dup;
    dup.name = QStringLiteral("pets");
    dup.baseUrl = m_peer.url(QString());
    auto twice = create(dup);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, ErrorCode::ResourceAlreadyExists);
    REQUIRE_OK(await<void>([&](auto done) { api().remove(m_petsId, done); }));
    auto gone = await<ServiceInfo>([&](auto done) { api().get(m_petsId, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::ServiceNotFound);
}

QTEST_MAIN(TestServicesClient)
#include "TestServicesClient.moc"
