// Service nodes keep their typed ports everywhere in the console (issue 13
// follow-up), against a real in-process server and recording HTTP peers as
// the external services: a published flow with a service node, opened in
// the version viewer, the version diff and an execution's graph, shows the
// endpoint's typed inputs with the edges on them; quick add lists the
// services' endpoints (inserting one gives its typed ports) and, opened
// from a typed output, only what takes that type; a service node whose
// endpoint a schema refresh removed shows the server's reason as a warning
// in the version viewer and the execution graph. All of them get their
// components from the client's one CatalogueSource, which follows other
// consoles' service changes: an open editor gets a refreshed endpoint's new
// typed port and shows a removed endpoint (its connection kept and
// reported) without reopening, and an endpoints' answer on its way when a
// change is heard shows at once before the one more read; a detached model
// (a view switching client) no longer follows. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the version viewer and
// the execution graph, `followScreenshots` the editor with the removed
// endpoint, in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "RecordingHttpPeer.h"
#include "ServiceTestSupport.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "canvas/QuickAddPopup.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "client/ServicesApi.h"
#include "connection/ServerConnection.h"
#include "executions/ExecutionGraphView.h"
#include "executions/ExecutionViewer.h"
#include "flow/FlowProblem.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/CatalogueSource.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowVersionViewer.h"
#include "flows/FlowVersionsModel.h"
#include "flows/FlowsPage.h"
#include "inspector/EditorProblem.h"
#include "inspector/FlowChecker.h"
#include "inspector/InspectorWidget.h"
#include "shell/LanguageManager.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <optional>

using namespace hm::app;
using hm::client::ApiClient;
using hm::client::ApiRequest;
using hm::client::ApiResponse;
using hm::client::FlowsApi;
using hm::test::RecordedRequest;
using hm::test::RecordingPeer;

using namespace admintest;

namespace {

QJsonObject nodeJson(const QString &id, const QString &component, const QString &version, double x,
                     const QJsonObject &config = {}, const QJsonObject &mappings = {})
{
    QJsonObject node{{QStringLiteral("id"), id},
                     {QStringLiteral("component"), component},
                     {QStringLiteral("version"), version},
                     {QStringLiteral("position"),
                      QJsonObject{{QStringLiteral("x"), x}, {QStringLiteral("y"), 0}}}};
    if (!config.isEmpty())
        node.insert(QStringLiteral("config"), config);
    if (!mappings.isEmpty())
        node.insert(QStringLiteral("inputMappings"), mappings);
    return node;
}

QJsonObject edgeJson(const QString &id, const QString &source, const QString &sourceHandle,
                     const QString &target, const QString &targetHandle)
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("sourceHandle"), sourceHandle},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("targetHandle"), targetHandle}};
}

// The port item of a node, or nullptr.
const FlowPortItem *portItem(FlowScene *scene, const QString &nodeId, PortDirection direction,
                             const QString &name)
{
    if (FlowNodeItem *item = scene->nodeItem(nodeId)) {
        for (const FlowPortItem *p : item->ports()) {
            if (p->port().direction == direction && p->port().name == name)
                return p;
        }
    }
    return nullptr;
}

// Whether the node's input is the endpoint's typed, declared port and the
// edge's curve ends on it.
bool typedInputWithEdge(FlowScene *scene, const QString &nodeId, const QString &input,
                        hm::flow::PortType type, const QString &edgeId)
{
    const FlowPortItem *port = portItem(scene, nodeId, PortDirection::In, input);
    const FlowEdgeItem *edge = scene->edgeItem(edgeId);
    if (!port || !edge || !port->port().declared || port->port().type != type)
        return false;
    const QPointF end = edge->mapToScene(edge->path().currentPosition());
    return QLineF(end, port->scenePos()).length() < 1.0;
}

} // namespace

class TestTypedPorts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void oneSourcePerClient();
    void versionViewerShowsTypedPorts();
    void diffShowsTypedPorts();
    void executionGraphShowsTypedPorts();
    void quickAddListsEndpoints();
    void quickAddFromTypedPortOffersCompatibleOnly();
    void removedEndpointShowsWarning();
    void openEditorFollowsServiceChanges();
    void followScreenshots();
    void oneReadPerServiceChange();
    void otherServicesStayCached();
    void answerOnItsWayShowsThenReadsAgain();
    void componentsAnswerOnItsWayShowsThenReadsAgain();
    void detachedModelNoLongerFollows();
    void inspectorNamesDeletedService();
    void screenshots();

private:
    std::unique_ptr<FlowEditorPage> makePage();
    // A flow with start → check (condition) —true→ pet.verbose, the
    // service node calling `endpointId`; saved twice (the second adds a
    // log node) and the first version published.
    QString createServiceFlow(const QString &name, const QString &serviceId,
                              const QString &endpointId, const QString &input,
                              QString *publishedVersion, QString *secondVersion);
    // A flow start (noop) → create (shop2's POST /pets) and `nodeId`
    // calling `endpointId` of `serviceId` (petId from the trigger), joined
    // by `edges`, created and open in a new editor page; nullptr when either
    // failed. The flow's id in *flowId when given.
    std::unique_ptr<FlowEditorPage> openShopFlow(const QString &name, const QString &nodeId,
                                                 const QString &serviceId,
                                                 const QString &endpointId, const QJsonArray &edges,
                                                 QString *flowId = nullptr);
    QString trigger(const QString &flowId);
    std::unique_ptr<ExecutionViewer> openExecution(const QString &executionId);
    // Another console: a client of its own, signed in as admin.
    std::unique_ptr<ApiClient> otherConsole();
    // The other console refreshes the shop2 service's schema from `document`.
    bool refreshShop2(const QByteArray &document);
    // The other console renames a flow.
    bool renameFlow(const QString &flowId, const QString &name);

    AdminServer m_server;
    QTemporaryDir m_autosaveDir;
    std::unique_ptr<ApiClient> m_admin;
    RecordingPeer m_peer;
    RecordingPeer m_shop;
    servicetest::PetStore m_store;
    QString m_adminId;
    QString m_serviceId;
    QString m_getPet;
    QString m_listPets;
    QString m_conditionVersion;
    QString m_noopVersion;
    QString m_logVersion;
    QString m_serviceVersion;
    QString m_flowId;
    QString m_v1;
    QString m_v2;
    QString m_executionId;
    QString m_removedFlowId;
    QString m_removedV1;
    QString m_removedExecutionId;
    QString m_password;
    QString m_shop2Id;
    QString m_createPet;
    QString m_showPet;
    QString m_followFlowId;
    int m_pages = 0;
};

void TestTypedPorts::initTestCase()
{
    QVERIFY(m_server.start("TestTypedPorts", AdminServer::Console::SignedOut));
    hm::client::UserInfo me;
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &me);
    QVERIFY(m_admin);
    m_adminId = me.id;
    m_password = m_server.adminPassword;

    auto components =
        await<QJsonArray>([&](auto done) { hm::client::ExecutionsApi(*m_admin).components(done); });
    QVERIFY(components.ok());
    auto catalogue = ComponentCatalogue::fromServerAnswer(components.value());
    QVERIFY(catalogue.ok());
    m_conditionVersion = catalogue->versions(QStringLiteral("condition")).last();
    m_noopVersion = catalogue->versions(QStringLiteral("noop")).last();
    m_logVersion = catalogue->versions(QStringLiteral("log")).last();
    m_serviceVersion = catalogue->serviceComponentVersion();
    QVERIFY(!m_serviceVersion.isEmpty());

    // A service entered by hand: GET /pets/{petId} (petId string, verbose
    // boolean) and GET /pets (limit integer).
    m_peer.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
        return {200, "{\"got\":\"" + r.method + ' ' + r.target + "\"}"};
    });
    const QJsonObject service = servicetest::manualPetStore(m_peer.url(QStringLiteral("/api")));
    auto created = servicetest::registerService(*m_admin, service);
    if (!created.ok())
        QFAIL(qPrintable(created.error().toString()));
    m_serviceId = created->value(QStringLiteral("id")).toString();
    m_getPet = servicetest::endpointId(*created, QStringLiteral("getPet"));
    m_listPets = servicetest::endpointId(*created, QStringLiteral("listPets"));
    QVERIFY(!m_serviceId.isEmpty() && !m_getPet.isEmpty() && !m_listPets.isEmpty());

    m_flowId = createServiceFlow(QStringLiteral("Typed ports"), m_serviceId, m_getPet,
                                 QStringLiteral("verbose"), &m_v1, &m_v2);
    QVERIFY(!m_flowId.isEmpty());
    m_executionId = trigger(m_flowId);
    QVERIFY(!m_executionId.isEmpty());
}

void TestTypedPorts::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QString TestTypedPorts::createServiceFlow(const QString &name, const QString &serviceId,
                                          const QString &endpointId, const QString &input,
                                          QString *publishedVersion, QString *secondVersion)
{
    const QJsonObject pet =
        nodeJson(QStringLiteral("pet"), QStringLiteral("service"), m_serviceVersion, 600,
                 serviceNodeConfig(serviceId, endpointId),
                 QJsonObject{{QStringLiteral("petId"), QStringLiteral("$.trigger.pet")}});
    QJsonObject definition{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{
             nodeJson(QStringLiteral("start"), QStringLiteral("noop"), m_noopVersion, 0),
             nodeJson(QStringLiteral("check"), QStringLiteral("condition"), m_conditionVersion, 300,
                      QJsonObject{{QStringLiteral("op"), QStringLiteral("truthy")}},
                      QJsonObject{{QStringLiteral("value"), QStringLiteral("$.trigger.go")}}),
             pet}},
        {QStringLiteral("edges"),
         QJsonArray{edgeJson(QStringLiteral("e1"), QStringLiteral("start"), kDefaultPort,
                             QStringLiteral("check"), kDefaultPort),
                    edgeJson(QStringLiteral("e2"), QStringLiteral("check"), QStringLiteral("true"),
                             QStringLiteral("pet"), input)}}};
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(hm::client::NewFlow{name, QString(), definition, {}}, done);
    });
    if (!created.ok()) {
        qWarning() << created.error().toString();
        return {};
    }
    const QString flowId = created->id;
    *publishedVersion = created->latestVersion;
    auto published = await<hm::client::FlowVersion>(
        [&](auto done) { FlowsApi(*m_admin).publish(flowId, *publishedVersion, done); });
    if (!published.ok()) {
        qWarning() << published.error().toString();
        return {};
    }
    // The second version adds a log node after the service node.
    QJsonArray nodes = definition.value(QStringLiteral("nodes")).toArray();
    nodes.append(nodeJson(QStringLiteral("note"), QStringLiteral("log"), m_logVersion, 900));
    definition.insert(QStringLiteral("nodes"), nodes);
    QJsonArray edges = definition.value(QStringLiteral("edges")).toArray();
    edges.append(edgeJson(QStringLiteral("e3"), QStringLiteral("pet"), kDefaultPort,
                          QStringLiteral("note"), kDefaultPort));
    definition.insert(QStringLiteral("edges"), edges);
    auto second = await<hm::client::FlowVersion>(
        [&](auto done) { FlowsApi(*m_admin).addVersion(flowId, definition, QJsonObject(), done); });
    if (!second.ok()) {
        qWarning() << second.error().toString();
        return {};
    }
    *secondVersion = second->version;
    return flowId;
}

std::unique_ptr<FlowEditorPage>
TestTypedPorts::openShopFlow(const QString &name, const QString &nodeId, const QString &serviceId,
                             const QString &endpointId, const QJsonArray &edges, QString *flowId)
{
    const QJsonObject definition{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{
             nodeJson(QStringLiteral("start"), QStringLiteral("noop"), m_noopVersion, 0),
             nodeJson(QStringLiteral("create"), QStringLiteral("service"), m_serviceVersion, 300,
                      serviceNodeConfig(m_shop2Id, m_createPet)),
             nodeJson(nodeId, QStringLiteral("service"), m_serviceVersion, 600,
                      serviceNodeConfig(serviceId, endpointId),
                      QJsonObject{{QStringLiteral("petId"), QStringLiteral("$.trigger.pet")}})}},
        {QStringLiteral("edges"), edges}};
    auto created = await<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(hm::client::NewFlow{name, QString(), definition, {}}, done);
    });
    if (!created.ok()) {
        qWarning() << created.error().toString();
        return nullptr;
    }
    if (flowId)
        *flowId = created->id;
    auto page = makePage();
    page->open(created->id);
    if (!QTest::qWaitFor([&] { return page->isOpen() && !page->isLoading(); })) {
        qWarning() << "flow not opened:" << name;
        return nullptr;
    }
    return page;
}

QString TestTypedPorts::trigger(const QString &flowId)
{
    hm::client::TriggerOptions options;
    options.inputs =
        QJsonObject{{QStringLiteral("pet"), QStringLiteral("p7")}, {QStringLiteral("go"), true}};
    options.wait = true;
    auto outcome = await<hm::client::TriggerOutcome>(
        [&](auto done) { FlowsApi(*m_admin).trigger(flowId, options, done); });
    if (!outcome.ok()) {
        qWarning() << outcome.error().toString();
        return {};
    }
    return outcome->executionId;
}

std::unique_ptr<FlowEditorPage> TestTypedPorts::makePage()
{
    const QString autosave = m_autosaveDir.filePath(QString::number(++m_pages));
    auto page = std::make_unique<FlowEditorPage>(m_admin.get(), FlowAutosave(autosave));
    page->setRole(QStringLiteral("admin"));
    page->setUser(m_adminId, QStringLiteral("admin"));
    page->resize(1400, 820);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        qWarning("page not exposed");
    return page;
}

std::unique_ptr<ExecutionViewer> TestTypedPorts::openExecution(const QString &executionId)
{
    auto viewer = std::make_unique<ExecutionViewer>();
    viewer->setClient(m_admin.get());
    viewer->resize(1400, 900);
    viewer->show();
    if (!QTest::qWaitForWindowExposed(viewer.get()))
        qWarning("viewer not exposed");
    viewer->openExecution(executionId);
    return viewer;
}

void TestTypedPorts::oneSourcePerClient()
{
    CatalogueSource *source = CatalogueSource::of(m_admin.get());
    QVERIFY(source);
    QCOMPARE(CatalogueSource::of(m_admin.get()), source);
    auto page = makePage();
    auto viewer = openExecution(m_executionId);
    // The editor, its version viewer and the execution graph share it.
    QCOMPARE(m_admin->findChildren<CatalogueSource *>().size(), 1);
    QTRY_VERIFY(source->isLoaded());
    QTRY_VERIFY(viewer->graph()->graphModel()->catalogue().names().contains("service"));
    QTRY_VERIFY(page->versionViewer()->model()->catalogue().names().contains("service"));
}

void TestTypedPorts::versionViewerShowsTypedPorts()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_VERIFY(page->versionsModel()->findVersion(m_v1));
    QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("service")));
    page->openVersion(m_v1);
    FlowVersionViewer *viewer = page->versionViewer();
    QCOMPARE(viewer->mode(), FlowVersionViewer::Mode::Version);
    FlowScene *scene = viewer->editor()->scene();
    QTRY_VERIFY(typedInputWithEdge(scene, QStringLiteral("pet"), QStringLiteral("verbose"),
                                   hm::flow::PortType::Boolean, QStringLiteral("e2")));
    const auto petId =
        viewer->model()->port(QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId"));
    QVERIFY(petId.has_value());
    QCOMPARE(petId->type, hm::flow::PortType::String);
    QVERIFY(petId->required);
    QVERIFY(petId->declared);
    // No warning on a node whose endpoint is there.
    QVERIFY(!scene->nodeItem(QStringLiteral("pet"))->problemBadge());
}

void TestTypedPorts::diffShowsTypedPorts()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_VERIFY(page->versionsModel()->findVersion(m_v2));
    QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("service")));
    page->compareVersions(m_v1, m_v2);
    FlowVersionViewer *viewer = page->versionViewer();
    QCOMPARE(viewer->mode(), FlowVersionViewer::Mode::Diff);
    QVERIFY(viewer->diff().node(QStringLiteral("note")));
    FlowScene *scene = viewer->editor()->scene();
    QTRY_VERIFY(typedInputWithEdge(scene, QStringLiteral("pet"), QStringLiteral("verbose"),
                                   hm::flow::PortType::Boolean, QStringLiteral("e2")));
    QVERIFY(portItem(scene, QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId")));
    // The diff's marks survive the ports arriving.
    QCOMPARE(scene->nodeItem(QStringLiteral("note"))->diffMark(), DiffMark::Added);
}

void TestTypedPorts::executionGraphShowsTypedPorts()
{
    auto viewer = openExecution(m_executionId);
    ExecutionGraphView *graph = viewer->graph();
    QTRY_VERIFY_WITH_TIMEOUT(graph->graphModel()->hasNode(QStringLiteral("pet")), 15000);
    QTRY_VERIFY(typedInputWithEdge(graph->flowScene(), QStringLiteral("pet"),
                                   QStringLiteral("verbose"), hm::flow::PortType::Boolean,
                                   QStringLiteral("e2")));
    const auto petId = graph->graphModel()->port(QStringLiteral("pet"), PortDirection::In,
                                                 QStringLiteral("petId"));
    QVERIFY(petId.has_value());
    QCOMPARE(petId->type, hm::flow::PortType::String);
    QVERIFY(graph->nodeWarnings(QStringLiteral("pet")).isEmpty());
    // The run's statuses are still on the cards.
    QTRY_VERIFY(graph->flowScene()->nodeItem(QStringLiteral("pet"))->runStatus() !=
                RunStatus::Unknown);
}

void TestTypedPorts::quickAddListsEndpoints()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    FlowGraphModel *model = page->model();
    QTRY_VERIFY(model->catalogue().serviceEndpoints().size() >= 2);
    FlowView *view = page->editor()->view();
    view->openQuickAdd();
    QuickAddPopup *popup = view->quickAddPopup();
    QVERIFY(popup);
    const QJsonObject getPet = serviceNodeConfig(m_serviceId, m_getPet);
    QList<QJsonObject> configs;
    for (const ComponentRef &ref : popup->listed())
        configs.append(ref.config);
    QVERIFY(configs.contains(getPet));
    QVERIFY(configs.contains(serviceNodeConfig(m_serviceId, m_listPets)));
    // Searchable like the palette: by path.
    QTest::keyClicks(popup->searchField(), QStringLiteral("petId"));
    QCOMPARE(popup->listed().size(), 1);
    QCOMPARE(popup->listed().first().config, getPet);
    QVERIFY2(popup->list()->item(0)->text().contains(QStringLiteral("GET /pets/{petId}")),
             qPrintable(popup->list()->item(0)->text()));
    const QStringList before = model->nodeIds();
    QTest::keyClick(popup->searchField(), Qt::Key_Return);
    QTRY_COMPARE(model->nodeCount(), before.size() + 1);
    QString added;
    for (const QString &id : model->nodeIds()) {
        if (!before.contains(id))
            added = id;
    }
    QCOMPARE(model->node(added)->config, getPet);
    QTRY_VERIFY(model->port(added, PortDirection::In, QStringLiteral("petId")).has_value());
    QCOMPARE(model->port(added, PortDirection::In, QStringLiteral("verbose"))->type,
             hm::flow::PortType::Boolean);
}

void TestTypedPorts::quickAddFromTypedPortOffersCompatibleOnly()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    FlowGraphModel *model = page->model();
    QTRY_VERIFY(model->catalogue().serviceEndpoints().size() >= 2);
    QTRY_VERIFY(model->hasNode(QStringLiteral("check")));
    FlowView *view = page->editor()->view();
    // The condition's "true" handle carries a boolean.
    QCOMPARE(model->port(QStringLiteral("check"), PortDirection::Out, QStringLiteral("true"))->type,
             hm::flow::PortType::Boolean);
    view->openQuickAddFrom(QStringLiteral("check"), QStringLiteral("true"));
    QuickAddPopup *popup = view->quickAddPopup();
    QVERIFY(popup);
    QCOMPARE(popup->sourceType(), std::optional(hm::flow::PortType::Boolean));
    const QJsonObject getPet = serviceNodeConfig(m_serviceId, m_getPet);
    const auto configs = [popup] {
        QList<QJsonObject> out;
        for (const ComponentRef &ref : popup->listed())
            out.append(ref.config);
        return out;
    };
    // getPet takes a boolean (verbose) once its interface is in; listPets
    // (an integer limit) does not, nor do the built-ins without inputs.
    QTRY_VERIFY(configs().contains(getPet));
    QVERIFY(!configs().contains(serviceNodeConfig(m_serviceId, m_listPets)));
    for (const ComponentRef &ref : popup->listed()) {
        const auto iface = model->catalogue().nodeInterface(ref.name, ref.version, ref.config);
        QVERIFY(iface.ok());
        QVERIFY2(
            !QuickAddPopup::compatibleInput(iface.value(), hm::flow::PortType::Boolean).isEmpty(),
            qPrintable(ref.name));
    }
    QVERIFY(!popup->listed().isEmpty());
    // Chosen: added and connected to the input the boolean feeds.
    for (int row = 0; row < popup->list()->count(); ++row) {
        if (popup->listed().at(row).config == getPet)
            popup->list()->setCurrentRow(row);
    }
    const QStringList before = model->nodeIds();
    QTest::keyClick(popup->searchField(), Qt::Key_Return);
    QTRY_COMPARE(model->nodeCount(), before.size() + 1);
    QString added;
    for (const QString &id : model->nodeIds()) {
        if (!before.contains(id))
            added = id;
    }
    bool connected = false;
    for (const QString &edgeId : model->edgeIds()) {
        const FlowEdge *e = model->edge(edgeId);
        connected |= e->source == QLatin1String("check") && e->sourceHandle == "true" &&
                     e->target == added && e->targetHandle == QLatin1String("verbose");
    }
    QVERIFY(connected);
}

void TestTypedPorts::removedEndpointShowsWarning()
{
    // A service imported from its OpenAPI document; GET /pets/{petId} is
    // removed from it by a schema refresh after a flow calling it was
    // published and run.
    m_shop.setAnswer(m_store.answer());
    hm::client::NewService s;
    s.name = QStringLiteral("shop");
    s.baseUrl = m_shop.url(QString());
    auto shop = await<hm::client::ServiceInfo>(
        [&](auto done) { hm::client::ServicesApi(*m_admin).create(s, done); });
    if (!shop.ok())
        QFAIL(qPrintable(shop.error().toString()));
    QString showPet;
    for (const hm::client::ServiceEndpoint &e : shop->endpoints) {
        if (e.method == QLatin1String("GET") && e.path == QLatin1String("/pets/{petId}"))
            showPet = e.id;
    }
    QVERIFY(!showPet.isEmpty());
    QString v2;
    m_removedFlowId = createServiceFlow(QStringLiteral("Removed endpoint"), shop->id, showPet,
                                        kDefaultPort, &m_removedV1, &v2);
    QVERIFY(!m_removedFlowId.isEmpty());
    m_removedExecutionId = trigger(m_removedFlowId);
    QVERIFY(!m_removedExecutionId.isEmpty());

    // Seen once while it exists (the source keeps nothing stale).
    {
        auto viewer = openExecution(m_removedExecutionId);
        QTRY_VERIFY_WITH_TIMEOUT(
            viewer->graph()
                ->graphModel()
                ->port(QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId"))
                .has_value(),
            15000);
    }
    m_store.document = servicetest::documentV2();
    auto refreshed = await<hm::client::SchemaRefresh>(
        [&](auto done) { hm::client::ServicesApi(*m_admin).refreshSchema(shop->id, false, done); });
    m_store.document = servicetest::documentV1();
    QVERIFY(refreshed.ok());
    QCOMPARE(refreshed->removed.size(), 1);

    // The execution graph: the node with the server's reason as a warning.
    auto viewer = openExecution(m_removedExecutionId);
    ExecutionGraphView *graph = viewer->graph();
    QTRY_VERIFY_WITH_TIMEOUT(!graph->nodeWarnings(QStringLiteral("pet")).isEmpty(), 15000);
    const QString warning = graph->nodeWarnings(QStringLiteral("pet")).join('\n');
    QVERIFY2(warning.contains(QStringLiteral("was removed")), qPrintable(warning));
    FlowBadgeItem *badge = graph->flowScene()->nodeItem(QStringLiteral("pet"))->problemBadge();
    QVERIFY(badge);
    QCOMPARE(badge->problems().warnings, 1);
    QVERIFY(badge->toolTip().contains(QStringLiteral("was removed")));
    // And under the header, where it is read without hovering.
    QVERIFY2(viewer->message().contains(QStringLiteral("was removed")),
             qPrintable(viewer->message()));
    // Worded by the console from the refusal's code and details (the
    // endpoint and the service named), in the console's language.
    const FlowNode *petNode = graph->graphModel()->node(QStringLiteral("pet"));
    QVERIFY(petNode);
    const auto refusalIn = [&] {
        return graph->graphModel()->catalogue().nodeInterface(petNode->component, petNode->version,
                                                              petNode->config);
    };
    const auto english = refusalIn();
    QVERIFY(!english.ok());
    QVERIFY2(english.error().message.contains(QStringLiteral("GET /pets/{petId}")),
             qPrintable(english.error().message));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    const QString chinese = refusalIn().error().message;
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QVERIFY2(chinese.contains(QStringLiteral("已在刷新架构时")) &&
                 chinese.contains(QStringLiteral("GET /pets/{petId}")),
             qPrintable(chinese));
    // Its edges are still drawn, to the ports the definition names.
    QVERIFY(graph->flowScene()->edgeItem(QStringLiteral("e2")));
    QVERIFY(!graph->graphModel()
                 ->port(QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId"))
                 .has_value());

    // The version viewer: the same reason on the node's badge.
    auto page = makePage();
    page->open(m_removedFlowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_VERIFY(page->versionsModel()->findVersion(m_removedV1));
    QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("service")));
    page->openVersion(m_removedV1);
    FlowScene *scene = page->versionViewer()->editor()->scene();
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(QStringLiteral("pet")) &&
                                 scene->nodeItem(QStringLiteral("pet"))->problemBadge(),
                             15000);
    const FlowBadgeItem *versionBadge = scene->nodeItem(QStringLiteral("pet"))->problemBadge();
    QVERIFY2(versionBadge->toolTip().contains(QStringLiteral("was removed")),
             qPrintable(versionBadge->toolTip()));
    QVERIFY(scene->edgeItem(QStringLiteral("e2")));
}

std::unique_ptr<ApiClient> TestTypedPorts::otherConsole()
{
    auto other = std::make_unique<ApiClient>();
    other->setBaseUrl(m_server.connection->baseUrl());
    auto login = await<hm::client::LoginResult>(
        [&](auto done) { other->login(QStringLiteral("admin"), m_password, done); });
    if (!login.ok()) {
        qWarning() << login.error().toString();
        return {};
    }
    return other;
}

bool TestTypedPorts::refreshShop2(const QByteArray &document)
{
    auto other = otherConsole();
    if (!other)
        return false;
    m_store.document = document;
    auto refreshed = await<hm::client::SchemaRefresh>(
        [&](auto done) { hm::client::ServicesApi(*other).refreshSchema(m_shop2Id, false, done); });
    m_store.document = servicetest::documentV1();
    if (!refreshed.ok()) {
        qWarning() << refreshed.error().toString();
        return false;
    }
    return true;
}

void TestTypedPorts::openEditorFollowsServiceChanges()
{
    // A service imported from its OpenAPI document, and a flow calling two
    // of its endpoints: POST /pets ("create") and GET /pets/{petId}
    // ("show", its petId fed by a connection).
    m_shop.setAnswer(m_store.answer());
    m_store.document = servicetest::documentV1();
    hm::client::NewService s;
    s.name = QStringLiteral("shop2");
    s.baseUrl = m_shop.url(QString());
    auto shop = await<hm::client::ServiceInfo>(
        [&](auto done) { hm::client::ServicesApi(*m_admin).create(s, done); });
    if (!shop.ok())
        QFAIL(qPrintable(shop.error().toString()));
    m_shop2Id = shop->id;
    QString showPet;
    for (const hm::client::ServiceEndpoint &e : shop->endpoints) {
        if (e.method == QLatin1String("GET") && e.path == QLatin1String("/pets/{petId}"))
            showPet = e.id;
        else if (e.method == QLatin1String("POST") && e.path == QLatin1String("/pets"))
            m_createPet = e.id;
    }
    QVERIFY(!showPet.isEmpty() && !m_createPet.isEmpty());
    m_showPet = showPet;
    auto page = openShopFlow(
        QStringLiteral("Follows the shop"), QStringLiteral("show"), m_shop2Id, showPet,
        QJsonArray{edgeJson(QStringLiteral("e1"), QStringLiteral("start"), kDefaultPort,
                            QStringLiteral("create"), kDefaultPort),
                   edgeJson(QStringLiteral("e2"), QStringLiteral("start"), kDefaultPort,
                            QStringLiteral("show"), QStringLiteral("petId"))},
        &m_followFlowId);
    QVERIFY(page);
    FlowGraphModel *model = page->model();
    FlowScene *scene = page->editor()->scene();
    QTRY_VERIFY_WITH_TIMEOUT(typedInputWithEdge(scene, QStringLiteral("show"),
                                                QStringLiteral("petId"), hm::flow::PortType::String,
                                                QStringLiteral("e2")),
                             15000);
    QTRY_VERIFY(model->catalogue().hasNodeInterface(QStringLiteral("service"), m_serviceVersion,
                                                    serviceNodeConfig(m_shop2Id, m_createPet)));
    QVERIFY(!model->port(QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")));
    CatalogueSource *source = CatalogueSource::of(m_admin.get());
    QVERIFY(source->isAttached(model));
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening(), 15000);

    // Another console refreshes the schema: POST /pets gains the query
    // parameter dryRun, GET /pets/{petId} is gone.
    QVERIFY(refreshShop2(servicetest::documentV2()));

    // The open editor follows without reopening: the new typed port ...
    QTRY_VERIFY_WITH_TIMEOUT(
        portItem(scene, QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")),
        15000);
    const auto dryRun =
        model->port(QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun"));
    QVERIFY(dryRun && dryRun->declared);
    QCOMPARE(dryRun->type, hm::flow::PortType::Boolean);
    // ... the removed endpoint as the node's problem ...
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(QStringLiteral("show"))->problemBadge() &&
                                 scene->nodeItem(QStringLiteral("show"))
                                     ->problemBadge()
                                     ->toolTip()
                                     .contains(QStringLiteral("was removed")),
                             15000);
    // ... and its connection kept, drawn and reported, not dropped.
    QVERIFY(model->edge(QStringLiteral("e2")));
    QVERIFY(scene->edgeItem(QStringLiteral("e2")));
    QVERIFY(!page->isModified());
    QTRY_VERIFY([&] {
        for (const EditorProblem &p : page->editor()->checker()->problems()) {
            if (p.edge == QLatin1String("e2") && p.node == QLatin1String("show") &&
                p.code == hm::flow::problem::UnknownTargetHandle)
                return true;
        }
        return false;
    }());
    // The inspector's Endpoint box names the removed endpoint as last
    // known, marked removed, with the server's reason; never its ids.
    scene->selectNodes({QStringLiteral("show")});
    auto *endpointBox = page->editor()->inspector()->findChild<QComboBox *>(
        QStringLiteral("inspector.serviceEndpoint"));
    QVERIFY(endpointBox);
    QTRY_VERIFY(endpointBox->isVisibleTo(page.get()));
    QTRY_COMPARE(endpointBox->currentText(), QStringLiteral("shop2: GET /pets/{petId} (removed)"));
    QVERIFY2(endpointBox->toolTip().contains(QStringLiteral("was removed")),
             qPrintable(endpointBox->toolTip()));
    QVERIFY(!endpointBox->currentText().contains(m_shop2Id));
    QVERIFY(!endpointBox->currentText().contains(showPet));
    // Nor do raw id fields under it: the box is the service node's whole
    // configuration (the JSON tab still has the ids).
    auto *idField =
        page->editor()->inspector()->findChild<QLineEdit *>(QStringLiteral("config.serviceId"));
    QVERIFY(idField);
    QVERIFY(!idField->isVisibleTo(page.get()));
}

void TestTypedPorts::followScreenshots()
{
    // The editor after the other console's refresh: the removed endpoint's
    // warning and its kept connection.
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty() || m_followFlowId.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = makePage();
        page->open(m_followFlowId);
        QTRY_VERIFY(page->isOpen() && !page->isLoading());
        FlowScene *scene = page->editor()->scene();
        QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(QStringLiteral("show")) &&
                                     scene->nodeItem(QStringLiteral("show"))->problemBadge(),
                                 15000);
        QTRY_VERIFY(
            portItem(scene, QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")));
        scene->selectNodes({QStringLiteral("show")});
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/service-node-editor-removed-") + language +
                                  QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

bool TestTypedPorts::renameFlow(const QString &flowId, const QString &name)
{
    auto other = otherConsole();
    if (!other)
        return false;
    hm::client::FlowChanges changes;
    changes.name = name;
    auto renamed = await<hm::client::FlowSummary>(
        [&](auto done) { FlowsApi(*other).update(flowId, changes, done); });
    if (!renamed.ok()) {
        qWarning() << renamed.error().toString();
        return false;
    }
    return true;
}

namespace {

// The GETs a client sends, by path (no query), counted from construction.
class GetCounter
{
public:
    explicit GetCounter(ApiClient *client)
    {
        m_connection = QObject::connect(client, &ApiClient::requestSent,
                                        [this](const QByteArray &verb, const QString &path) {
                                            if (verb == "GET")
                                                m_paths.append(path);
                                        });
    }
    ~GetCounter() { QObject::disconnect(m_connection); }
    void clear() { m_paths.clear(); }
    // GET /api/v1/services: one per read of the palette's endpoints.
    qsizetype serviceLists() const { return m_paths.count(QStringLiteral("/api/v1/services")); }
    // GET /api/v1/components: one per read of the component catalogue.
    qsizetype componentLists() const { return m_paths.count(QStringLiteral("/api/v1/components")); }
    // GET …/services/{serviceId}/endpoints/{endpointId}/interface.
    qsizetype interfaces(const QString &serviceId, const QString &endpointId) const
    {
        return m_paths.count(QStringLiteral("/api/v1/services/") + serviceId +
                             QStringLiteral("/endpoints/") + endpointId +
                             QStringLiteral("/interface"));
    }
    qsizetype allInterfaces() const
    {
        return std::count_if(m_paths.cbegin(), m_paths.cend(), [](const QString &p) {
            return p.endsWith(QLatin1String("/interface"));
        });
    }
    QString dump() const { return m_paths.join(QLatin1Char('\n')); }

private:
    QStringList m_paths;
    QMetaObject::Connection m_connection;
};

} // namespace

void TestTypedPorts::oneReadPerServiceChange()
{
    // The Flows page (its own /ws/events for the list and the open flow)
    // with the flow calling shop2's POST /pets and its removed
    // GET /pets/{petId} open in its editor: a change of shop2 is read once,
    // by the client's CatalogueSource, not once more through the page.
    QVERIFY(!m_followFlowId.isEmpty());
    const QString showPet = m_showPet;
    QVERIFY(!showPet.isEmpty());
    CatalogueSource *source = CatalogueSource::of(m_admin.get());
    GetCounter gets(m_admin.get());

    FlowsPage::Options options;
    options.autosaveDirectory = m_autosaveDir.filePath(QStringLiteral("flows"));
    FlowsPage flows(m_admin.get(), options);
    flows.resize(1400, 820);
    flows.show();
    QVERIFY(QTest::qWaitForWindowExposed(&flows));
    flows.start();
    QTRY_VERIFY_WITH_TIMEOUT(flows.eventsConnected(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!source->isReading(), 15000);

    // Opening the flow: one read of the endpoints, one per node's interface.
    gets.clear();
    flows.openFlow(m_followFlowId);
    FlowEditorPage *page = flows.editorPage();
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    FlowScene *scene = page->editor()->scene();
    QTRY_VERIFY_WITH_TIMEOUT(
        portItem(scene, QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")),
        15000);
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(QStringLiteral("show"))->problemBadge(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening() && !source->isReading(), 15000);
    QVERIFY2(gets.serviceLists() == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.interfaces(m_shop2Id, m_createPet) == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.interfaces(m_shop2Id, showPet) == 1, qPrintable(gets.dump()));

    // Another console refreshes shop2's schema (service_updated, changed
    // schema and endpoints), then renames the flow: once the page shows the
    // new name, its stream has delivered the service change too.
    gets.clear();
    QVERIFY(refreshShop2(servicetest::documentV2()));
    QTRY_VERIFY_WITH_TIMEOUT(gets.serviceLists() >= 1 &&
                                 gets.interfaces(m_shop2Id, m_createPet) >= 1 &&
                                 gets.interfaces(m_shop2Id, showPet) >= 1,
                             15000);
    const QString name = QStringLiteral("Follows the shop (renamed)");
    QVERIFY(renameFlow(m_followFlowId, name));
    QTRY_COMPARE_WITH_TIMEOUT(page->flowName(), name, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!source->isReading(), 15000);
    QVERIFY2(gets.serviceLists() == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.interfaces(m_shop2Id, m_createPet) == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.interfaces(m_shop2Id, showPet) == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.allInterfaces() == 2, qPrintable(gets.dump()));
    // The editor still shows what the server has.
    QVERIFY(portItem(scene, QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")));
    QVERIFY(scene->nodeItem(QStringLiteral("show"))->problemBadge());
    QVERIFY(renameFlow(m_followFlowId, QStringLiteral("Follows the shop")));
}

void TestTypedPorts::otherServicesStayCached()
{
    // An editor with nodes of two services: shop2 (A, POST /pets) and the
    // pet store entered by hand (B, GET /pets/{petId}).
    QVERIFY(!m_shop2Id.isEmpty());
    CatalogueSource *source = CatalogueSource::of(m_admin.get());
    auto page = openShopFlow(
        QStringLiteral("Two services"), QStringLiteral("pet"), m_serviceId, m_getPet,
        QJsonArray{edgeJson(QStringLiteral("e1"), QStringLiteral("start"), kDefaultPort,
                            QStringLiteral("pet"), QStringLiteral("verbose"))});
    QVERIFY(page);
    FlowScene *scene = page->editor()->scene();
    QTRY_VERIFY_WITH_TIMEOUT(
        portItem(scene, QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")),
        15000);
    QTRY_VERIFY_WITH_TIMEOUT(typedInputWithEdge(scene, QStringLiteral("pet"),
                                                QStringLiteral("verbose"),
                                                hm::flow::PortType::Boolean, QStringLiteral("e1")),
                             15000);
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening() && !source->isReading(), 15000);

    // Another console refreshes shop2: only its node's interface is asked
    // again; the pet store's stays cached.
    GetCounter gets(m_admin.get());
    QVERIFY(refreshShop2(servicetest::documentV2()));
    QTRY_VERIFY_WITH_TIMEOUT(gets.interfaces(m_shop2Id, m_createPet) >= 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!source->isReading(), 15000);
    QVERIFY2(gets.interfaces(m_shop2Id, m_createPet) == 1, qPrintable(gets.dump()));
    QVERIFY2(gets.interfaces(m_serviceId, m_getPet) == 0, qPrintable(gets.dump()));
    QVERIFY2(gets.allInterfaces() == 1, qPrintable(gets.dump()));
    QVERIFY(typedInputWithEdge(scene, QStringLiteral("pet"), QStringLiteral("verbose"),
                               hm::flow::PortType::Boolean, QStringLiteral("e1")));
    // Another view of a pet store node gets its ports from the cache.
    FlowGraphModel second;
    QVERIFY(
        second
            .load(QJsonObject{{QStringLiteral("schemaVersion"), 1},
                              {QStringLiteral("nodes"),
                               QJsonArray{nodeJson(QStringLiteral("pet"), QStringLiteral("service"),
                                                   m_serviceVersion, 0,
                                                   serviceNodeConfig(m_serviceId, m_getPet))}},
                              {QStringLiteral("edges"), QJsonArray()}})
            .ok());
    source->attach(&second);
    QTRY_VERIFY(second.port(QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId")));
    QVERIFY2(gets.interfaces(m_serviceId, m_getPet) == 0, qPrintable(gets.dump()));
    source->detach(&second);
}

void TestTypedPorts::answerOnItsWayShowsThenReadsAgain()
{
    // A console of its own, its source settled; its model then misses the
    // endpoints, so the next answer that reaches it shows.
    auto other = otherConsole();
    QVERIFY(other);
    CatalogueSource *source = CatalogueSource::of(other.get());
    FlowGraphModel model;
    source->attach(&model);
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening() && !source->isReading(), 15000);
    const qsizetype listed = model.catalogue().serviceEndpoints().size();
    QVERIFY(listed > 0);
    model.setServiceEndpoints({});
    GetCounter gets(other.get());
    struct Seen
    {
        qsizetype endpoints;
        qsizetype reads;
        bool reading;
    };
    QList<Seen> seen;
    QObject context;
    connect(source, &CatalogueSource::catalogueChanged, &context, [&] {
        seen.append({model.catalogue().serviceEndpoints().size(), gets.serviceLists(),
                     source->isReading()});
    });

    // Two changes heard, the second while the first one's read is on its
    // way: that read's answer reaches the model at once, and one more read
    // follows (the answer may predate the second change).
    source->applyEvent(QStringLiteral("service_created"), QJsonObject());
    source->applyEvent(QStringLiteral("service_created"), QJsonObject());
    QCOMPARE(gets.serviceLists(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!source->isReading(), 15000);
    QVERIFY2(gets.serviceLists() == 2, qPrintable(gets.dump()));
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].endpoints, listed);
    QCOMPARE(seen[0].reads, 2);
    QVERIFY(seen[0].reading);
    QCOMPARE(seen[1].endpoints, listed);
    QVERIFY(!seen[1].reading);
    source->detach(&model);
}

void TestTypedPorts::componentsAnswerOnItsWayShowsThenReadsAgain()
{
    // As answerOnItsWayShowsThenReadsAgain, for the components: a console
    // of its own, its source settled; its model then misses the catalogue,
    // so the next answer that reaches it shows.
    auto other = otherConsole();
    QVERIFY(other);
    CatalogueSource *source = CatalogueSource::of(other.get());
    FlowGraphModel model;
    source->attach(&model);
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening() && !source->isReading(), 15000);
    QVERIFY(source->isLoaded());
    const QStringList names = model.catalogue().names();
    QVERIFY(names.contains(QStringLiteral("service")));
    model.setCatalogue(ComponentCatalogue());
    QVERIFY(model.catalogue().isEmpty());
    GetCounter gets(other.get());
    struct Seen
    {
        QStringList names;
        qsizetype reads;
        bool reading;
    };
    QList<Seen> seen;
    QObject context;
    connect(source, &CatalogueSource::catalogueChanged, &context, [&] {
        seen.append({model.catalogue().names(), gets.componentLists(), source->isReading()});
    });

    // Two changes heard, the second while the first one's read is on its
    // way: that read's answer reaches the model at once (it was dropped
    // before), and one more read follows (the answer may predate the
    // second change).
    source->applyEvent(QStringLiteral("component_updated"), QJsonObject());
    source->applyEvent(QStringLiteral("component_registered"), QJsonObject());
    QCOMPARE(gets.componentLists(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!source->isReading(), 15000);
    QVERIFY2(gets.componentLists() == 2, qPrintable(gets.dump()));
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen[0].names, names);
    QCOMPARE(seen[0].reads, 2);
    QVERIFY(seen[0].reading);
    QCOMPARE(seen[1].names, names);
    QVERIFY(!seen[1].reading);
    QVERIFY(source->isLoaded());
    source->detach(&model);
}

void TestTypedPorts::detachedModelNoLongerFollows()
{
    QVERIFY(!m_shop2Id.isEmpty());
    CatalogueSource *source = CatalogueSource::of(m_admin.get());
    // Two models with a node on POST /pets, which has dryRun now.
    const QJsonObject definition{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{nodeJson(QStringLiteral("create"), QStringLiteral("service"), m_serviceVersion,
                             0, serviceNodeConfig(m_shop2Id, m_createPet))}},
        {QStringLiteral("edges"), QJsonArray()}};
    FlowGraphModel followed;
    FlowGraphModel detached;
    QVERIFY(followed.load(definition).ok());
    QVERIFY(detached.load(definition).ok());
    source->attach(&followed);
    source->attach(&detached);
    for (FlowGraphModel *model : {&followed, &detached})
        QTRY_VERIFY_WITH_TIMEOUT(
            model->port(QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")),
            15000);
    source->detach(&detached);
    QVERIFY(!source->isAttached(&detached));
    QVERIFY(source->isAttached(&followed));
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening(), 15000);

    // Back to version 1: dryRun goes from the attached model only.
    QVERIFY(refreshShop2(servicetest::documentV1()));
    QTRY_VERIFY_WITH_TIMEOUT(
        !followed.port(QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")),
        15000);
    QTest::qWait(200);
    QVERIFY(detached.port(QStringLiteral("create"), PortDirection::In, QStringLiteral("dryRun")));
    // Nothing fetches for it any more either.
    detached.forgetNodeInterfaces();
    QTest::qWait(200);
    QVERIFY(!detached.catalogue().hasNodeInterface(QStringLiteral("service"), m_serviceVersion,
                                                   serviceNodeConfig(m_shop2Id, m_createPet)));
    source->detach(&followed);
    // Nothing attached: the source stops listening.
    QTRY_VERIFY(!source->isListening());

    // The same when the last model is destroyed without a detach().
    auto dropped = std::make_unique<FlowGraphModel>();
    source->attach(dropped.get());
    QTRY_VERIFY_WITH_TIMEOUT(source->isListening(), 15000);
    dropped.reset();
    QTRY_VERIFY(!source->isListening());

    // A page switching client leaves the old client's source.
    auto other = otherConsole();
    QVERIFY(other);
    auto page = makePage();
    QVERIFY(source->isAttached(page->model()));
    page->setClient(other.get());
    QVERIFY(!source->isAttached(page->model()));
    QVERIFY(!source->isAttached(page->versionViewer()->model()));
    QVERIFY(CatalogueSource::of(other.get())->isAttached(page->model()));
    page->setClient(m_admin.get());
    QVERIFY(!CatalogueSource::of(other.get())->isAttached(page->model()));
    QVERIFY(source->isAttached(page->model()));
    // An execution viewer the same.
    auto viewer = openExecution(m_executionId);
    QVERIFY(source->isAttached(viewer->graph()->graphModel()));
    viewer->setClient(other.get());
    QVERIFY(!source->isAttached(viewer->graph()->graphModel()));
}

void TestTypedPorts::inspectorNamesDeletedService()
{
    // A service entered by hand, a flow calling its GET /pets/{petId}, open
    // in the editor; another console deletes the service.
    QJsonObject service = servicetest::manualPetStore(m_peer.url(QStringLiteral("/gone")));
    service.insert(QStringLiteral("name"), QStringLiteral("goneshop"));
    service.insert(QStringLiteral("display_name"), QStringLiteral("Gone shop"));
    auto created = servicetest::registerService(*m_admin, service);
    if (!created.ok())
        QFAIL(qPrintable(created.error().toString()));
    const QString goneId = created->value(QStringLiteral("id")).toString();
    const QString getPet = servicetest::endpointId(*created, QStringLiteral("getPet"));
    QString published;
    QString second;
    const QString flowId = createServiceFlow(QStringLiteral("Deleted service"), goneId, getPet,
                                             QStringLiteral("verbose"), &published, &second);
    QVERIFY(!flowId.isEmpty());

    auto page = makePage();
    page->open(flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    FlowScene *scene = page->editor()->scene();
    QTRY_VERIFY_WITH_TIMEOUT(typedInputWithEdge(scene, QStringLiteral("pet"),
                                                QStringLiteral("verbose"),
                                                hm::flow::PortType::Boolean, QStringLiteral("e2")),
                             15000);
    scene->selectNodes({QStringLiteral("pet")});
    auto *endpointBox = page->editor()->inspector()->findChild<QComboBox *>(
        QStringLiteral("inspector.serviceEndpoint"));
    QVERIFY(endpointBox);
    QTRY_VERIFY(
        endpointBox->currentText().startsWith(QStringLiteral("Gone shop: GET /pets/{petId}")));
    QTRY_VERIFY_WITH_TIMEOUT(CatalogueSource::of(m_admin.get())->isListening(), 15000);

    auto other = otherConsole();
    QVERIFY(other);
    auto removed =
        await<void>([&](auto done) { hm::client::ServicesApi(*other).remove(goneId, done); });
    QVERIFY(removed.ok());
    // The name and endpoint as last listed, marked removed; the reason as
    // its tooltip.
    QTRY_COMPARE_WITH_TIMEOUT(endpointBox->currentText(),
                              QStringLiteral("Gone shop: GET /pets/{petId} (removed)"), 15000);
    QVERIFY2(endpointBox->toolTip().contains(QStringLiteral("no longer exists")),
             qPrintable(endpointBox->toolTip()));
    QVERIFY(!endpointBox->currentText().contains(goneId));

    // In the console's language.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY(!endpointBox->currentText().contains(QStringLiteral("(removed)")));
    const QString chinese = endpointBox->currentText();
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QVERIFY2(chinese.startsWith(QStringLiteral("Gone shop")) &&
                 chinese.contains(QStringLiteral("GET /pets/{petId}")) &&
                 !chinese.contains(QStringLiteral("(removed)")),
             qPrintable(chinese));
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->editor()->inspector()->grab().save(
            dir + QStringLiteral("/service-node-inspector-deleted-") + language +
            QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestTypedPorts::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = makePage();
        page->open(m_flowId);
        QTRY_VERIFY(page->isOpen() && !page->isLoading());
        QTRY_VERIFY(page->versionsModel()->findVersion(m_v1));
        QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("service")));
        page->openVersion(m_v1);
        FlowScene *scene = page->versionViewer()->editor()->scene();
        QTRY_VERIFY(
            portItem(scene, QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId")));
        page->versionViewer()->editor()->scene()->selectNodes({QStringLiteral("pet")});
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/service-node-version-") + language +
                                  QStringLiteral(".png")));

        auto viewer =
            openExecution(m_removedExecutionId.isEmpty() ? m_executionId : m_removedExecutionId);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->graph()->graphModel()->hasNode(QStringLiteral("pet")),
                                 15000);
        if (!m_removedExecutionId.isEmpty())
            QTRY_VERIFY(!viewer->graph()->nodeWarnings(QStringLiteral("pet")).isEmpty());
        viewer->graph()->fitToView();
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(viewer->grab().save(dir + QStringLiteral("/service-node-execution-removed-") +
                                    language + QStringLiteral(".png")));
        auto typed = openExecution(m_executionId);
        QTRY_VERIFY_WITH_TIMEOUT(
            typed->graph()
                ->graphModel()
                ->port(QStringLiteral("pet"), PortDirection::In, QStringLiteral("petId"))
                .has_value(),
            15000);
        typed->graph()->fitToView();
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(typed->grab().save(dir + QStringLiteral("/service-node-execution-") + language +
                                   QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestTypedPorts)
#include "TestTypedPorts.moc"
