// Service nodes in the flow editor (issue 13 item 6, seed 003 §15 "editor
// integration") against a real in-process server and a recording HTTP peer
// as the external service: a service registered through the API shows in
// the palette's Services group (searchable), dropping one of its endpoints
// adds a service node whose ports are the endpoint's parameters with their
// types (the server's interface route), a connection of the wrong type is
// refused, picking another endpoint in the inspector changes the ports and
// drops edges to vanished inputs in one undo step, and the flow saved,
// published and triggered calls the peer. The operator's whole path in one
// test: a service imported through the Services section's wizard (probe,
// preview, register), one of its endpoints dropped into a flow, the flow
// published and run, the service called. With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the palette, the node and the inspector in en, zh_TW
// and zh_CN.

#include "AdminTestSupport.h"
#include "RecordingHttpPeer.h"
#include "ServiceTestSupport.h"
#include "canvas/ComponentPalette.h"
#include "canvas/FlowEditorWidget.h"
#include "canvas/FlowItems.h"
#include "canvas/FlowScene.h"
#include "canvas/FlowView.h"
#include "client/AccountApi.h"
#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/FlowsApi.h"
#include "connection/ServerConnection.h"
#include "flowgraph/FlowGraphModel.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowEditorPage.h"
#include "flows/FlowsPage.h"
#include "inspector/InspectorWidget.h"
#include "services/ServiceListModel.h"
#include "services/ServiceWizard.h"
#include "services/ServicesPage.h"
#include "shell/LanguageManager.h"
#include "widgets/MessageBox.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
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

using admintest::AdminServer;

namespace {

template <typename T, typename Start> hm::Result<T> awaitAnswer(Start start, int timeoutMs = 20000)
{
    return admintest::await<T>(std::move(start), timeoutMs);
}

// The palette item whose text starts with `text`, anywhere in the tree.
QTreeWidgetItem *paletteItem(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> found =
        tree->findItems(text, Qt::MatchStartsWith | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

QStringList portNames(FlowScene *scene, const QString &nodeId, PortDirection direction)
{
    QStringList names;
    if (FlowNodeItem *item = scene->nodeItem(nodeId)) {
        for (const FlowPortItem *p : item->ports()) {
            if (p->port().direction == direction)
                names << p->port().name;
        }
    }
    return names;
}

} // namespace

class TestServiceNodes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void paletteListsServiceEndpoints();
    void paletteFollowsAnotherConsolesServices();
    void droppedEndpointGetsTypedPorts();
    void endpointChangeIsOneUndoStep();
    void publishedFlowCallsTheService();
    void wizardImportedEndpointRunsInAFlow();
    void screenshots();

private:
    std::unique_ptr<FlowEditorPage> makePage();
    QString createFlow(const QString &name);
    // Drops the palette item through the canvas's drag-and-drop handlers,
    // with the drag data the palette makes for it; the new node's id.
    QString dropPaletteItem(FlowEditorPage *page, QTreeWidgetItem *item, QPoint at);

    AdminServer m_server;
    QTemporaryDir m_autosaveDir;
    std::unique_ptr<ApiClient> m_admin;
    RecordingPeer m_peer;
    QString m_adminId;
    QString m_password;
    hm::client::UserInfo m_me;
    QString m_serviceId;
    QString m_getPet;
    QString m_listPets;
    QString m_flowId;
    QString m_serviceNode;
    int m_pages = 0;
};

void TestServiceNodes::initTestCase()
{
    QVERIFY(m_server.start("TestServiceNodes", AdminServer::Console::SignedOut));
    m_admin = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &m_me);
    QVERIFY(m_admin);
    m_adminId = m_me.id;
    m_password = m_server.adminPassword;

    // The external service: the peer answers every call with what it got.
    m_peer.setAnswer([](const RecordedRequest &r) -> RecordingPeer::Reply {
        return {200, "{\"got\":\"" + r.method + ' ' + r.target + "\"}"};
    });
    const QJsonObject service = servicetest::manualPetStore(m_peer.url(QStringLiteral("/api")));
    auto created = servicetest::registerService(*m_admin, service);
    if (!created.ok())
        QFAIL(qPrintable(created.error().toString()));
    m_serviceId = created.value().value(QStringLiteral("id")).toString();
    m_getPet = servicetest::endpointId(created.value(), QStringLiteral("getPet"));
    m_listPets = servicetest::endpointId(created.value(), QStringLiteral("listPets"));
    QVERIFY(!m_serviceId.isEmpty() && !m_getPet.isEmpty() && !m_listPets.isEmpty());
    m_flowId = createFlow(QStringLiteral("Calls the pet store"));
    QVERIFY(!m_flowId.isEmpty());
}

void TestServiceNodes::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

std::unique_ptr<FlowEditorPage> TestServiceNodes::makePage()
{
    // Each page its own autosave directory: the edits a test leaves unsaved
    // are not offered to the next one.
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

QString TestServiceNodes::createFlow(const QString &name)
{
    const QJsonObject definition{
        {QStringLiteral("schemaVersion"), 1},
        {QStringLiteral("nodes"),
         QJsonArray{
             QJsonObject{{QStringLiteral("id"), QStringLiteral("start")},
                         {QStringLiteral("component"), QStringLiteral("noop")},
                         {QStringLiteral("version"), QStringLiteral("1.0.0")},
                         {QStringLiteral("position"),
                          QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}}}}},
        {QStringLiteral("edges"), QJsonArray{}}};
    auto created = awaitAnswer<hm::client::FlowSummary>([&](auto done) {
        FlowsApi(*m_admin).create(hm::client::NewFlow{name, QString(), definition, {}}, done);
    });
    return created.ok() ? created.value().id : QString();
}

QString TestServiceNodes::dropPaletteItem(FlowEditorPage *page, QTreeWidgetItem *item, QPoint at)
{
    QTreeWidget *list = page->editor()->palette()->list();
    std::unique_ptr<QMimeData> mime(list->model()->mimeData({list->indexFromItem(item)}));
    if (!mime || !mime->hasFormat(kComponentMimeType))
        return {};
    const QStringList before = page->model()->nodeIds();
    QWidget *viewport = page->editor()->view()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    for (const QString &id : page->model()->nodeIds()) {
        if (!before.contains(id))
            return id;
    }
    return {};
}

void TestServiceNodes::paletteListsServiceEndpoints()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTRY_VERIFY(page->model()->catalogue().names().contains(QStringLiteral("service")));
    QTreeWidget *list = page->editor()->palette()->list();
    QTRY_VERIFY(paletteItem(list, QStringLiteral("Services")));
    QTreeWidgetItem *services = paletteItem(list, QStringLiteral("Services"));
    QVERIFY(!services->parent());
    QTreeWidgetItem *store = paletteItem(list, QStringLiteral("Pet store"));
    QVERIFY(store);
    QCOMPARE(store->parent(), services);
    QCOMPARE(store->childCount(), 2);
    QTreeWidgetItem *getPet = paletteItem(list, QStringLiteral("GET /pets/{petId}"));
    QVERIFY(getPet);
    QCOMPARE(getPet->parent(), store);
    QVERIFY(getPet->flags() & Qt::ItemIsDragEnabled);
    // Shortened with an ellipsis in a narrow palette, whole in the tooltip,
    // the summary first (issue 34, item 14).
    QCOMPARE(list->textElideMode(), Qt::ElideRight);
    const QString summary = getPet->text(0).section(QStringLiteral(" \u2014 "), 1);
    QVERIFY(!summary.isEmpty());
    QVERIFY2(getPet->toolTip(0).startsWith(summary + QLatin1Char('\n')),
             qPrintable(getPet->toolTip(0)));
    QVERIFY(getPet->toolTip(0).contains(QStringLiteral("GET /pets/{petId} of Pet store")));

    // Searchable: by path, by method, by summary.
    page->editor()->palette()->setFilter(QStringLiteral("petId"));
    QList<ComponentRef> visible = page->editor()->palette()->visibleComponents();
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible.first().name, QStringLiteral("service"));
    QCOMPARE(visible.first().config, (QJsonObject{{QStringLiteral("serviceId"), m_serviceId},
                                                  {QStringLiteral("endpointId"), m_getPet}}));
    page->editor()->palette()->setFilter(QStringLiteral("list the"));
    QCOMPARE(page->editor()->palette()->visibleComponents().size(), 1);
    QCOMPARE(paletteItem(list, QStringLiteral("GET /pets"))->text(0),
             QStringLiteral("GET /pets \u2014 List the pets"));
    page->editor()->palette()->setFilter(QStringLiteral("pets get"));
    QCOMPARE(page->editor()->palette()->visibleComponents().size(), 2);
    page->editor()->palette()->setFilter(QStringLiteral("no-such-endpoint"));
    QVERIFY(page->editor()->palette()->visibleComponents().isEmpty());
    page->editor()->palette()->setFilter(QString());
    // The built-ins are still there (one entry per name).
    visible = page->editor()->palette()->visibleComponents();
    int noops = 0;
    for (const ComponentRef &ref : visible)
        noops += ref.name == QLatin1String("noop") ? 1 : 0;
    QCOMPARE(noops, 1);
}

// Another console (a client of its own) registers, renames and deletes a
// service while a flow is open in the Flows section: the palette's
// Services group follows, keeping the search text and what was collapsed.
void TestServiceNodes::paletteFollowsAnotherConsolesServices()
{
    FlowsPage::Options options;
    options.autosaveDirectory = m_autosaveDir.filePath(QStringLiteral("live"));
    FlowsPage flows(m_admin.get(), options);
    flows.resize(1400, 820);
    flows.show();
    flows.start();
    QTRY_VERIFY_WITH_TIMEOUT(flows.eventsConnected(), 15000);
    flows.openFlow(m_flowId);
    ComponentPalette *palette = flows.editorPage()->editor()->palette();
    QTreeWidget *list = palette->list();
    QTRY_VERIFY_WITH_TIMEOUT(paletteItem(list, QStringLiteral("Pet store")), 15000);
    // The user collapses the pet store.
    paletteItem(list, QStringLiteral("Pet store"))->setExpanded(false);

    ApiClient other;
    other.setBaseUrl(m_server.connection->baseUrl());
    auto login = awaitAnswer<hm::client::LoginResult>(
        [&](auto done) { other.login(QStringLiteral("admin"), m_password, done); });
    QVERIFY(login.ok());
    const QJsonObject service{
        {QStringLiteral("name"), QStringLiteral("weather")},
        {QStringLiteral("display_name"), QStringLiteral("Weather live")},
        {QStringLiteral("base_url"), m_peer.url(QStringLiteral("/weather"))},
        {QStringLiteral("endpoints"),
         QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                {QStringLiteral("path"), QStringLiteral("/forecast")}}}}};
    auto created = servicetest::registerService(other, service);
    if (!created.ok())
        QFAIL(qPrintable(created.error().toString()));
    const QString id = created.value().value(QStringLiteral("id")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(paletteItem(list, QStringLiteral("Weather live")), 15000);
    QVERIFY(paletteItem(list, QStringLiteral("GET /forecast")));
    QVERIFY(!paletteItem(list, QStringLiteral("Pet store"))->isExpanded());

    // Renamed there while the user searches: the search stays.
    palette->setFilter(QStringLiteral("forecast"));
    auto renamed = awaitAnswer<QJsonObject>([&](auto done) {
        other.call<QJsonObject>(
            ApiRequest::put(QStringLiteral("/api/v1/services/") + id,
                            QJsonObject{{QStringLiteral("display_name"), QStringLiteral("Sky")}}),
            [](const ApiResponse &r) -> hm::Result<QJsonObject> { return r.data.toObject(); },
            hm::client::Callback<QJsonObject>(done));
    });
    QVERIFY(renamed.ok());
    QTRY_VERIFY_WITH_TIMEOUT(paletteItem(list, QStringLiteral("Sky")), 15000);
    QCOMPARE(palette->findChild<QLineEdit *>(QStringLiteral("editor.palette.search"))->text(),
             QStringLiteral("forecast"));
    QCOMPARE(palette->visibleComponents().size(), 1);

    // Deleted there: gone from the palette.
    palette->setFilter(QString());
    auto removed = awaitAnswer<QJsonObject>([&](auto done) {
        other.call<QJsonObject>(
            ApiRequest::del(QStringLiteral("/api/v1/services/") + id),
            [](const ApiResponse &r) -> hm::Result<QJsonObject> { return r.data.toObject(); },
            hm::client::Callback<QJsonObject>(done));
    });
    QVERIFY(removed.ok());
    QTRY_VERIFY_WITH_TIMEOUT(!paletteItem(list, QStringLiteral("Sky")), 15000);
    QVERIFY(paletteItem(list, QStringLiteral("Pet store")));
    QVERIFY(!paletteItem(list, QStringLiteral("Pet store"))->isExpanded());
}

void TestServiceNodes::droppedEndpointGetsTypedPorts()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTreeWidget *list = page->editor()->palette()->list();
    QTRY_VERIFY(paletteItem(list, QStringLiteral("GET /pets/{petId}")));
    FlowGraphModel *model = page->model();
    FlowScene *scene = page->editor()->scene();

    const QString id = dropPaletteItem(
        page.get(), paletteItem(list, QStringLiteral("GET /pets/{petId}")), QPoint(500, 300));
    QVERIFY(!id.isEmpty());
    const FlowNode *node = model->node(id);
    QCOMPARE(node->component, QStringLiteral("service"));
    QCOMPARE(node->config.value(QStringLiteral("serviceId")).toString(), m_serviceId);
    QCOMPARE(node->config.value(QStringLiteral("endpointId")).toString(), m_getPet);

    // The ports arrive from the server: one input per parameter, typed.
    QTRY_COMPARE(portNames(scene, id, PortDirection::In),
                 (QStringList{kDefaultPort, QStringLiteral("petId"), QStringLiteral("verbose")}));
    QCOMPARE(model->port(id, PortDirection::In, QStringLiteral("petId"))->type,
             hm::flow::PortType::String);
    QVERIFY(model->port(id, PortDirection::In, QStringLiteral("petId"))->required);
    QCOMPARE(model->port(id, PortDirection::In, QStringLiteral("verbose"))->type,
             hm::flow::PortType::Boolean);

    // The inspector shows the endpoint and the typed inputs.
    scene->selectNodes({id});
    InspectorWidget *inspector = page->editor()->inspector();
    QTRY_COMPARE(inspector->currentNode(), id);
    QComboBox *endpoint = inspector->serviceEndpointBox();
    QVERIFY(endpoint->isVisibleTo(inspector));
    QVERIFY2(endpoint->currentText().contains(QStringLiteral("/pets/{petId}")),
             qPrintable(endpoint->currentText()));
    QCOMPARE(endpoint->count(), 2);

    // A boolean output into the string path parameter is refused, as the
    // engine refuses it; into the boolean query parameter it fits.
    const hm::Result<QString> condition =
        model->addNode(QStringLiteral("condition"), model->catalogue().versions("condition").last(),
                       QPointF(100, 300));
    QVERIFY(condition.ok());
    const ConnectionCheck wrong = model->connectionPossible(
        EdgeSpec{condition.value(), QStringLiteral("true"), id, QStringLiteral("petId")});
    QCOMPARE(wrong.code, ConnectionCheck::Code::TypeMismatch);
    QVERIFY(!model
                 ->addConnection(EdgeSpec{condition.value(), QStringLiteral("true"), id,
                                          QStringLiteral("petId")})
                 .ok());
    QVERIFY(model
                ->connectionPossible(EdgeSpec{condition.value(), QStringLiteral("true"), id,
                                              QStringLiteral("verbose")})
                .ok());
    // No such parameter: no such port.
    QCOMPARE(model
                 ->connectionPossible(
                     EdgeSpec{condition.value(), QStringLiteral("true"), id, QStringLiteral("q")})
                 .code,
             ConnectionCheck::Code::UnknownPort);
}

void TestServiceNodes::endpointChangeIsOneUndoStep()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTreeWidget *list = page->editor()->palette()->list();
    QTRY_VERIFY(paletteItem(list, QStringLiteral("GET /pets/{petId}")));
    FlowGraphModel *model = page->model();
    FlowScene *scene = page->editor()->scene();
    const QString id = dropPaletteItem(
        page.get(), paletteItem(list, QStringLiteral("GET /pets/{petId}")), QPoint(500, 300));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(model->port(id, PortDirection::In, QStringLiteral("petId")).has_value());
    auto edge = model->addConnection(
        EdgeSpec{QStringLiteral("start"), kDefaultPort, id, QStringLiteral("petId")});
    if (!edge.ok())
        QFAIL(qPrintable(edge.error().message));
    const QJsonObject configBefore = model->node(id)->config;
    const int steps = model->undoStack()->count();

    // Another endpoint chosen in the inspector.
    scene->selectNodes({id});
    InspectorWidget *inspector = page->editor()->inspector();
    QTRY_COMPARE(inspector->currentNode(), id);
    QComboBox *endpoint = inspector->serviceEndpointBox();
    const int other = endpoint->findData(QStringList{m_serviceId, m_listPets});
    QVERIFY2(endpoint->itemText(other).contains(QStringLiteral("GET /pets")),
             qPrintable(endpoint->itemText(other)));
    QVERIFY(other >= 0);
    endpoint->setCurrentIndex(other);
    emit endpoint->activated(other);
    QTRY_COMPARE(model->node(id)->config.value(QStringLiteral("endpointId")).toString(),
                 m_listPets);
    // The ports follow, and the edge to petId went in the same step.
    QCOMPARE(portNames(scene, id, PortDirection::In),
             (QStringList{kDefaultPort, QStringLiteral("limit")}));
    QCOMPARE(model->port(id, PortDirection::In, QStringLiteral("limit"))->type,
             hm::flow::PortType::Integer);
    QVERIFY(!model->edge(edge.value()));
    QCOMPARE(model->undoStack()->count(), steps + 1);

    model->undoStack()->undo();
    QCOMPARE(model->node(id)->config, configBefore);
    QVERIFY(model->edge(edge.value()));
    QCOMPARE(portNames(scene, id, PortDirection::In),
             (QStringList{kDefaultPort, QStringLiteral("petId"), QStringLiteral("verbose")}));
    model->undoStack()->redo();
    QVERIFY(!model->edge(edge.value()));
    QCOMPARE(model->node(id)->config.value(QStringLiteral("endpointId")).toString(), m_listPets);
}

void TestServiceNodes::publishedFlowCallsTheService()
{
    auto page = makePage();
    page->open(m_flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTreeWidget *list = page->editor()->palette()->list();
    QTRY_VERIFY(paletteItem(list, QStringLiteral("GET /pets/{petId}")));
    FlowGraphModel *model = page->model();
    const QString id = dropPaletteItem(
        page.get(), paletteItem(list, QStringLiteral("GET /pets/{petId}")), QPoint(500, 300));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(model->port(id, PortDirection::In, QStringLiteral("petId")).has_value());
    QVERIFY(model->addConnection(EdgeSpec{QStringLiteral("start"), kDefaultPort, id, kDefaultPort})
                .ok());
    QVERIFY(
        model->setInputMapping(id, QStringLiteral("petId"), QStringLiteral("$.trigger.pet")).ok());
    m_serviceNode = id;

    const QString before = page->latestVersion();
    page->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(page->latestVersion() != before && !page->isBusy());
    const QString saved = page->latestVersion();
    page->action(QStringLiteral("publish"))->trigger();
    QTRY_COMPARE(page->publishedVersion(), saved);
    QTRY_VERIFY(!page->isBusy());

    const int calls = static_cast<int>(m_peer.requests().size());
    hm::client::TriggerOptions options;
    options.inputs = QJsonObject{{QStringLiteral("pet"), QStringLiteral("p7")}};
    options.wait = true;
    auto outcome = awaitAnswer<hm::client::TriggerOutcome>(
        [&](auto done) { FlowsApi(*m_admin).trigger(m_flowId, options, done); });
    if (!outcome.ok())
        QFAIL(qPrintable(outcome.error().toString()));
    QTRY_COMPARE(m_peer.requests().size(), calls + 1);
    const RecordedRequest &got = m_peer.requests().last();
    QCOMPARE(got.method, QByteArray("GET"));
    QCOMPARE(got.target, QByteArray("/api/pets/p7"));
    const QString executionId = outcome.value().executionId;
    QVERIFY(!executionId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto execution = awaitAnswer<QJsonObject>(
                [&](auto done) { hm::client::ExecutionsApi(*m_admin).get(executionId, done); });
            return execution.ok() && execution.value().value(QStringLiteral("status")).toString() ==
                                         QLatin1String("completed");
        }(),
        20000);
}

void TestServiceNodes::wizardImportedEndpointRunsInAFlow()
{
    // The service's own peer serves its OpenAPI document at /openapi.json
    // (found by the wizard's probe) and answers POST /pets.
    servicetest::PetStore store;
    RecordingPeer shop;
    shop.setAnswer(store.answer());

    ServicesPage services;
    services.resize(1200, 760);
    services.setSession(m_admin.get(), m_me);
    QTRY_VERIFY_WITH_TIMEOUT(services.model()->state() == ServiceListModel::State::Ready, 15000);
    int probed = -1;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *wizard = qobject_cast<ServiceWizard *>(dialog);
        if (!wizard)
            return int(QDialog::Rejected);
        wizard->show();
        wizard->restart();
        QTest::keyClicks(wizard->findChild<QLineEdit *>(QStringLiteral("services.wizard.name")),
                         QStringLiteral("shop"));
        wizard->findChild<QLineEdit *>(QStringLiteral("services.wizard.baseUrl"))
            ->setText(shop.url(QString()));
        wizard->next();
        if (!QTest::qWaitFor(
                [wizard] {
                    return wizard->currentPage() == wizard->probePage() &&
                           wizard->probePage()->isComplete();
                },
                20000))
            return int(QDialog::Rejected);
        auto *endpoints =
            wizard->findChild<QTreeWidget *>(QStringLiteral("services.wizard.endpoints"));
        probed = endpoints ? endpoints->topLevelItemCount() : -1;
        wizard->button(QWizard::FinishButton)->click();
        (void)QTest::qWaitFor([wizard] { return wizard->result() == QDialog::Accepted; }, 20000);
        return wizard->result();
    });
    services.findChild<QPushButton *>(QStringLiteral("services.create"))->click();
    DialogSeam::setNextHandler({});
    QCOMPARE(probed, 3);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < services.model()->rowCount(); ++row) {
                if (services.model()->service(row)->name == QLatin1String("shop"))
                    return true;
            }
            return false;
        }(),
        15000);

    // POST /pets exists only in the imported service: drop it, map its
    // body from the trigger, publish, run.
    const QString flowId = createFlow(QStringLiteral("Adopts through the shop"));
    QVERIFY(!flowId.isEmpty());
    auto page = makePage();
    page->open(flowId);
    QTRY_VERIFY(page->isOpen() && !page->isLoading());
    QTreeWidget *list = page->editor()->palette()->list();
    QTRY_VERIFY_WITH_TIMEOUT(paletteItem(list, QStringLiteral("POST /pets")), 15000);
    FlowGraphModel *model = page->model();
    const QString id = dropPaletteItem(page.get(), paletteItem(list, QStringLiteral("POST /pets")),
                                       QPoint(500, 300));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(model->port(id, PortDirection::In, QStringLiteral("body")).has_value());
    QVERIFY(model->addConnection(EdgeSpec{QStringLiteral("start"), kDefaultPort, id, kDefaultPort})
                .ok());
    QVERIFY(
        model->setInputMapping(id, QStringLiteral("body"), QStringLiteral("$.trigger.pet")).ok());
    const QString before = page->latestVersion();
    page->action(QStringLiteral("save"))->trigger();
    QTRY_VERIFY(page->latestVersion() != before && !page->isBusy());
    const QString saved = page->latestVersion();
    page->action(QStringLiteral("publish"))->trigger();
    QTRY_COMPARE(page->publishedVersion(), saved);
    QTRY_VERIFY(!page->isBusy());

    hm::client::TriggerOptions options;
    options.inputs = QJsonObject{
        {QStringLiteral("pet"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Kitty")}}}};
    options.wait = true;
    auto outcome = awaitAnswer<hm::client::TriggerOutcome>(
        [&](auto done) { FlowsApi(*m_admin).trigger(flowId, options, done); });
    if (!outcome.ok())
        QFAIL(qPrintable(outcome.error().toString()));
    QTRY_VERIFY(!shop.requests().isEmpty() && shop.requests().last().method == "POST");
    const RecordedRequest &got = shop.requests().last();
    QCOMPARE(got.path(), QByteArray("/pets"));
    QCOMPARE(QJsonDocument::fromJson(got.body).object().value(QStringLiteral("name")).toString(),
             QStringLiteral("Kitty"));
    const QString executionId = outcome.value().executionId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto execution = awaitAnswer<QJsonObject>(
                [&](auto done) { hm::client::ExecutionsApi(*m_admin).get(executionId, done); });
            return execution.ok() && execution.value().value(QStringLiteral("status")).toString() ==
                                         QLatin1String("completed");
        }(),
        20000);
}

void TestServiceNodes::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(!m_serviceNode.isEmpty());
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = makePage();
        page->open(m_flowId);
        QTRY_VERIFY(page->isOpen() && !page->isLoading());
        QTRY_VERIFY(page->model()->hasNode(m_serviceNode));
        QTRY_VERIFY(page->model()
                        ->port(m_serviceNode, PortDirection::In, QStringLiteral("petId"))
                        .has_value());
        QTRY_VERIFY(page->model()->catalogue().serviceEndpoints().size() >=
                    2); // + the imported shop
        page->editor()->scene()->selectNodes({m_serviceNode});
        page->editor()->inspector()->tabs()->setCurrentIndex(InspectorWidget::InputsTab);
        page->editor()->view()->centerOn(page->editor()->scene()->nodeItem(m_serviceNode));
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/service-node-inputs-") + language +
                                  QStringLiteral(".png")));
        page->editor()->inspector()->tabs()->setCurrentIndex(InspectorWidget::ConfigTab);
        QTest::qWait(50);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/service-node-config-") + language +
                                  QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestServiceNodes)
#include "TestServiceNodes.moc"
