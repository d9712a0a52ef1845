// The flow editor's graph model (app/flowgraph): ports from the component
// catalogue, the connection rules, every edit as an undoable command that
// gives back the definition byte for byte, move merging, and exact round
// trips of stored definitions (the seed's example, random DAGs, unknown
// fields).

#include "FlowGraphTestData.h"
#include "flowgraph/FlowGraphCommands.h"
#include "flowgraph/FlowGraphModel.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>
#include <functional>

using namespace hm::app;
using flowgraphtest::compact;
using flowgraphtest::json;
using Code = ConnectionCheck::Code;

namespace {

// A flow with typed components for the connection rules:
//   dl(image-download) -> rs(image-resize)   image port fed
//   cnt(count) -> sm(sum) total             integer -> number
//   a -> b -> c (noop chain) for cycles
const char kTypedFlow[] = R"({"schemaVersion": 1, "nodes": [
  {"id": "dl", "component": "image-download", "version": "1.0.0", "position": {"x": 0, "y": 0}},
  {"id": "rs", "component": "image-resize", "version": "1.0.0", "position": {"x": 200, "y": 0}},
  {"id": "rs2", "component": "image-resize", "version": "1.0.0"},
  {"id": "cnt", "component": "count", "version": "1.0.0"},
  {"id": "avg", "component": "average", "version": "1.0.0"},
  {"id": "sm", "component": "sum", "version": "1.0.0"},
  {"id": "txt", "component": "text", "version": "1.0.0"},
  {"id": "flg", "component": "flag", "version": "1.0.0"},
  {"id": "cond", "component": "condition", "version": "1.0.0"},
  {"id": "a", "component": "noop", "version": "1.0.0"},
  {"id": "b", "component": "noop", "version": "1.0.0"},
  {"id": "c", "component": "noop", "version": "1.0.0"},
  {"id": "ghost", "component": "mystery", "version": "9.9.9",
   "inputMappings": {"payload": "$.nodes.a.output"}},
  {"id": "old", "component": "noop", "version": "0.1.0"},
  {"id": "dl2", "component": "image-download", "version": "1.0.0"}
], "edges": [
  {"id": "e1", "source": "dl", "target": "rs", "sourceHandle": "default", "targetHandle": "image"},
  {"id": "e2", "source": "a", "target": "b"},
  {"id": "e3", "source": "b", "target": "c", "sourceHandle": "default", "targetHandle": "default"},
  {"id": "e4", "source": "a", "target": "ghost", "sourceHandle": "default", "targetHandle": "in-x"},
  {"id": "e5", "source": "ghost", "target": "c", "sourceHandle": "out-y", "targetHandle": "default"}
]})";

QString portNames(const QList<FlowPort> &ports)
{
    QStringList names;
    for (const FlowPort &p : ports)
        names << p.name + QLatin1Char(':') + hm::flow::portTypeName(p.type) +
                     (p.declared ? QString() : QStringLiteral("?"));
    return names.join(QLatin1Char(' '));
}

} // namespace

class TestFlowGraphModel : public QObject
{
    Q_OBJECT

private slots:
    void catalogueReadsTheServerAnswer();
    void portsComeFromTheCatalogue();
    void portAgreesWithPorts();
    void unknownComponentsStillLoad();
    void connectionRules_data();
    void connectionRules();
    void cycleIsRefusedWithItsPath();
    void fanInOnDefaultIsAllowed();
    void refusedConnectionChangesNothing();
    void everyCommandUndoesToTheSameBytes_data();
    void everyCommandUndoesToTheSameBytes();
    void removingANodeRestoresItsEdgesInPlace();
    void signalsForTheScene();
    void movesOfOneDragMerge();
    void settingsAreCheckedAndUndone();
    void fieldEditsMergeIntoOneStep();
    void catalogueSortsVersionsSemantically();
    void seedExampleRoundTrips();
    void unknownFieldsAreKept();
    void randomDagsRoundTrip();
    void badDefinitionsAreRefused();

private:
    FlowGraphModel *typedModel();
    std::unique_ptr<FlowGraphModel> m_model;
};

FlowGraphModel *TestFlowGraphModel::typedModel()
{
    m_model = std::make_unique<FlowGraphModel>();
    m_model->setCatalogue(flowgraphtest::catalogue());
    const auto loaded = m_model->load(json(kTypedFlow));
    if (!loaded)
        qFatal("typed flow: %s", qPrintable(loaded.error().message));
    return m_model.get();
}

void TestFlowGraphModel::catalogueReadsTheServerAnswer()
{
    const ComponentCatalogue catalogue = flowgraphtest::catalogue();
    // "broken" has an unknown port type: left out, named in skipped().
    QCOMPARE(catalogue.size(), 10);
    QCOMPARE(catalogue.skipped().size(), 1);
    QVERIFY(catalogue.skipped().first().startsWith(QStringLiteral("broken@1.0.0")));
    QVERIFY(catalogue.entry(QStringLiteral("noop"), QStringLiteral("1.0.0"))->builtin);
    QVERIFY(!catalogue.entry(QStringLiteral("count"), QStringLiteral("1.0.0"))->builtin);
    QCOMPARE(catalogue.find(QStringLiteral("condition"), QStringLiteral("1.0.0"))->outputHandles,
             QStringList({QStringLiteral("true"), QStringLiteral("false")}));
    QCOMPARE(catalogue.versions(QStringLiteral("noop")), QStringList{QStringLiteral("1.0.0")});

    // The data object and the bare items array are read as well.
    const QJsonObject envelope = json(flowgraphtest::kComponentsAnswer);
    const QJsonObject data = envelope.value(QStringLiteral("data")).toObject();
    QCOMPARE(ComponentCatalogue::fromServerAnswer(data).value().size(), 10);
    QCOMPARE(
        ComponentCatalogue::fromServerAnswer(data.value(QStringLiteral("items"))).value().size(),
        10);
    const auto bad = ComponentCatalogue::fromServerAnswer(QJsonObject{{QStringLiteral("x"), 1}});
    QVERIFY(!bad.ok());
    QVERIFY(!bad.error().message.isEmpty());
}

void TestFlowGraphModel::portsComeFromTheCatalogue()
{
    FlowGraphModel *model = typedModel();
    QCOMPARE(portNames(model->ports(QStringLiteral("rs"), PortDirection::In)),
             QStringLiteral("default:any image:bytes width:integer"));
    // Two declared outputs: the edge carries no single value, so "any".
    QCOMPARE(portNames(model->ports(QStringLiteral("rs"), PortDirection::Out)),
             QStringLiteral("default:any"));
    QCOMPARE(portNames(model->ports(QStringLiteral("dl"), PortDirection::Out)),
             QStringLiteral("default:bytes"));
    QCOMPARE(portNames(model->ports(QStringLiteral("cond"), PortDirection::Out)),
             QStringLiteral("true:boolean false:boolean"));
    QVERIFY(
        model->port(QStringLiteral("rs"), PortDirection::In, QStringLiteral("image"))->required);
    QCOMPARE(model->node(QStringLiteral("rs"))->state, ComponentState::Known);
    QCOMPARE(model->node(QStringLiteral("old"))->state, ComponentState::UnknownVersion);
}

// port() answers declared ports without listing the node's edges
// (docs/benchmarks.md, Console): the same port as ports() gives, every
// field, for declared and derived ports, known and unknown components.
void TestFlowGraphModel::portAgreesWithPorts()
{
    FlowGraphModel *model = typedModel();
    int compared = 0;
    for (const QString &id : model->nodeIds()) {
        for (const PortDirection direction : {PortDirection::In, PortDirection::Out}) {
            for (const FlowPort &expected : model->ports(id, direction)) {
                const auto found = model->port(id, direction, expected.name);
                QVERIFY2(found, qPrintable(id + u'.' + expected.name));
                QCOMPARE(found->name, expected.name);
                QCOMPARE(found->direction, expected.direction);
                QCOMPARE(found->type, expected.type);
                QCOMPARE(found->declared, expected.declared);
                QCOMPARE(found->required, expected.required);
                QCOMPARE(found->description, expected.description);
                ++compared;
            }
            QVERIFY(!model->port(id, direction, QStringLiteral("no-such-port")));
        }
    }
    QVERIFY(compared > 10);
}

void TestFlowGraphModel::unknownComponentsStillLoad()
{
    FlowGraphModel *model = typedModel();
    const FlowNode *ghost = model->node(QStringLiteral("ghost"));
    QVERIFY(ghost);
    QCOMPARE(ghost->state, ComponentState::UnknownComponent);
    // Ports derived from its mappings and edges, flagged as not declared.
    QCOMPARE(portNames(model->ports(QStringLiteral("ghost"), PortDirection::In)),
             QStringLiteral("default:any payload:any? in-x:any?"));
    QCOMPARE(portNames(model->ports(QStringLiteral("ghost"), PortDirection::Out)),
             QStringLiteral("default:any? out-y:any?"));
    // A node of an unknown component takes connections on its derived ports.
    QVERIFY(model
                ->connectionPossible({QStringLiteral("ghost"), QStringLiteral("default"),
                                      QStringLiteral("b"), QStringLiteral("default")})
                .ok());

    // Once the catalogue knows the component, its ports are the declared ones.
    QSignalSpy updated(model, &FlowGraphModel::nodeUpdated);
    ComponentCatalogue catalogue = flowgraphtest::catalogue();
    hm::flow::ComponentInterface mystery;
    mystery.name = QStringLiteral("mystery");
    mystery.version = QStringLiteral("9.9.9");
    mystery.inputs = {{QStringLiteral("payload"), hm::flow::PortType::Object}};
    catalogue.add(mystery);
    model->setCatalogue(catalogue);
    QCOMPARE(updated.count(), model->nodeCount());
    QCOMPARE(model->node(QStringLiteral("ghost"))->state, ComponentState::Known);
    // in-x stays (an edge uses it) but is not declared.
    QCOMPARE(portNames(model->ports(QStringLiteral("ghost"), PortDirection::In)),
             QStringLiteral("default:any payload:object in-x:any?"));
}

void TestFlowGraphModel::connectionRules_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("sourceHandle");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("targetHandle");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("messagePart");

    auto row = [](const char *name, const char *s, const char *sh, const char *t, const char *th,
                  Code code, const char *part = "") {
        QTest::newRow(name) << QString::fromUtf8(s) << QString::fromUtf8(sh) << QString::fromUtf8(t)
                            << QString::fromUtf8(th) << int(code) << QString::fromUtf8(part);
    };
    row("any output into a typed input", "a", "default", "rs2", "image", Code::Ok);
    row("bytes into bytes", "dl", "default", "rs2", "image", Code::Ok);
    row("integer into number", "cnt", "default", "sm", "total", Code::Ok);
    row("string into bytes", "txt", "default", "rs2", "image", Code::Ok);
    row("boolean branch into any", "cond", "true", "b", "default", Code::Ok);
    row("number into integer", "avg", "default", "rs2", "width", Code::TypeMismatch,
        "gives number, but input \"width\" takes integer");
    row("boolean into string", "flg", "default", "dl2", "url", Code::TypeMismatch, "boolean");
    row("bytes into string", "dl", "default", "dl2", "url", Code::TypeMismatch, "bytes");
    row("bytes into number", "dl", "default", "sm", "total", Code::TypeMismatch, "bytes");
    row("string into integer", "txt", "default", "rs2", "width", Code::TypeMismatch, "string");
    row("unknown source node", "nope", "default", "a", "default", Code::UnknownNode, "nope");
    row("unknown target node", "a", "default", "nope", "default", Code::UnknownNode, "nope");
    row("undeclared input of a known component", "a", "default", "rs2", "height", Code::UnknownPort,
        "height");
    row("condition has no default output", "cond", "default", "b", "default", Code::UnknownPort,
        "no output");
    row("unknown port of an unknown component", "a", "default", "ghost", "nothing",
        Code::UnknownPort);
    row("self loop", "a", "default", "a", "default", Code::SelfLoop);
    row("named input already fed", "txt", "default", "rs", "image", Code::AlreadyFed,
        "already fed by node \"dl\"");
    row("the same edge again", "dl", "default", "rs", "image", Code::DuplicateEdge);
    row("the same edge again on default", "a", "default", "b", "default", Code::DuplicateEdge);
    row("a second branch to the same node", "cond", "false", "b", "default", Code::Ok);
    row("direct back edge", "b", "default", "a", "default", Code::Cycle, "b \u2192 a \u2192 b");
}

void TestFlowGraphModel::connectionRules()
{
    QFETCH(QString, source);
    QFETCH(QString, sourceHandle);
    QFETCH(QString, target);
    QFETCH(QString, targetHandle);
    QFETCH(int, expected);
    QFETCH(QString, messagePart);

    FlowGraphModel *model = typedModel();
    const ConnectionCheck check =
        model->connectionPossible({source, sourceHandle, target, targetHandle});
    QCOMPARE(int(check.code), expected);
    QCOMPARE(check.ok(), expected == int(Code::Ok));
    if (!check.ok()) {
        QVERIFY(!check.message.isEmpty());
        QVERIFY2(check.message.contains(messagePart), qPrintable(check.message));
    }
    if (check.code == Code::AlreadyFed || check.code == Code::DuplicateEdge)
        QVERIFY(!check.conflictingEdge.isEmpty());
}

void TestFlowGraphModel::cycleIsRefusedWithItsPath()
{
    FlowGraphModel *model = typedModel();
    // a → b → c exists; c → a would close a → b → c → a.
    const ConnectionCheck check = model->connectionPossible(
        {QStringLiteral("c"), kDefaultPort, QStringLiteral("a"), kDefaultPort});
    QCOMPARE(check.code, Code::Cycle);
    QCOMPARE(check.path, QStringList({QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b"),
                                      QStringLiteral("c")}));
    QVERIFY2(check.message.contains(QStringLiteral("c \u2192 a \u2192 b \u2192 c")),
             qPrintable(check.message));

    // A long chain: the search is iterative and names the whole loop.
    FlowGraphModel chain;
    QJsonArray nodes;
    QJsonArray edges;
    const int n = 5000;
    for (int i = 0; i < n; ++i) {
        nodes.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("n%1").arg(i)},
                                 {QStringLiteral("component"), QStringLiteral("noop")},
                                 {QStringLiteral("version"), QStringLiteral("1.0.0")}});
        if (i > 0)
            edges.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("e%1").arg(i)},
                                     {QStringLiteral("source"), QStringLiteral("n%1").arg(i - 1)},
                                     {QStringLiteral("target"), QStringLiteral("n%1").arg(i)}});
    }
    QVERIFY(
        chain.load(QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}})
            .ok());
    const ConnectionCheck loop = chain.connectionPossible(
        {QStringLiteral("n%1").arg(n - 1), kDefaultPort, QStringLiteral("n0"), kDefaultPort});
    QCOMPARE(loop.code, Code::Cycle);
    QCOMPARE(loop.path.size(), n + 1);
    QCOMPARE(loop.path.first(), loop.path.last());
    QVERIFY(chain
                .connectionPossible({QStringLiteral("n0"), kDefaultPort,
                                     QStringLiteral("n%1").arg(n - 1), kDefaultPort})
                .ok());
}

void TestFlowGraphModel::fanInOnDefaultIsAllowed()
{
    FlowGraphModel *model = typedModel();
    // c already runs after b (and after ghost); a third parent is fine.
    const auto added = model->addConnection(
        {QStringLiteral("dl"), kDefaultPort, QStringLiteral("c"), kDefaultPort});
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
    QCOMPARE(model->edgesAt(QStringLiteral("c"), PortDirection::In, kDefaultPort).size(), 3);
}

void TestFlowGraphModel::refusedConnectionChangesNothing()
{
    FlowGraphModel *model = typedModel();
    const QByteArray before = model->definitionText();
    const auto refused = model->addConnection(
        {QStringLiteral("c"), kDefaultPort, QStringLiteral("a"), kDefaultPort});
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("c \u2192 a \u2192 b \u2192 c")));
    QCOMPARE(model->definitionText(), before);
    QCOMPARE(model->undoStack()->count(), 0);
}

using Edit = std::function<void(FlowGraphModel &)>;
Q_DECLARE_METATYPE(Edit)

void TestFlowGraphModel::everyCommandUndoesToTheSameBytes_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("undoText");
    auto ok = [](const hm::Status &status) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    };
    QTest::newRow("add node") << Edit([](FlowGraphModel &m) {
        const auto id = m.addNode(QStringLiteral("log"), QStringLiteral("1.0.0"), {10.5, -20},
                                  {{QStringLiteral("message"), QStringLiteral("hi")}});
        QCOMPARE(id.value(), QStringLiteral("log-1"));
    }) << QStringLiteral("Add node");
    QTest::newRow("remove nodes with their edges") << Edit([ok](FlowGraphModel &m) {
        ok(m.removeNodes({QStringLiteral("b"), QStringLiteral("dl")}));
        QVERIFY(!m.edge(QStringLiteral("e1")));
        QVERIFY(!m.edge(QStringLiteral("e2")));
        QVERIFY(!m.edge(QStringLiteral("e3")));
    }) << QStringLiteral("Delete");
    QTest::newRow("move") << Edit([ok](FlowGraphModel &m) {
        ok(m.moveNodes({{QStringLiteral("dl"), {5, 6}}, {QStringLiteral("rs2"), {7.25, 8}}}));
    }) << QStringLiteral("Move");
    QTest::newRow("apply layout") << Edit([ok](FlowGraphModel &m) {
        QHash<QString, QPointF> layout;
        const QStringList ids = m.nodeIds();
        for (int i = 0; i < ids.size(); ++i)
            layout.insert(ids.at(i), QPointF(100 * (i % 4), 80 * (i / 4)));
        ok(m.applyLayout(layout));
    }) << QStringLiteral("Apply layout");
    QTest::newRow("connect") << Edit([](FlowGraphModel &m) {
        const auto id = m.addConnection(
            {QStringLiteral("cnt"), kDefaultPort, QStringLiteral("sm"), QStringLiteral("total")});
        QCOMPARE(id.value(), QStringLiteral("edge-1"));
    }) << QStringLiteral("Connect");
    QTest::newRow("disconnect") << Edit([ok](FlowGraphModel &m) {
        ok(m.removeConnections({QStringLiteral("e4"), QStringLiteral("e2")}));
    }) << QStringLiteral("Disconnect");
    QTest::newRow("config") << Edit([ok](FlowGraphModel &m) {
        ok(m.setNodeConfig(QStringLiteral("a"), {{QStringLiteral("ms"), 250}}));
    }) << QStringLiteral("Change configuration");
    QTest::newRow("one mapping") << Edit([ok](FlowGraphModel &m) {
        ok(m.setInputMapping(QStringLiteral("rs"), QStringLiteral("width"), 640));
    }) << QStringLiteral("Change input mappings");
    QTest::newRow("mapping removed") << Edit([ok](FlowGraphModel &m) {
        ok(m.setInputMapping(QStringLiteral("ghost"), QStringLiteral("payload"),
                             QJsonValue(QJsonValue::Undefined)));
    }) << QStringLiteral("Change input mappings");
    QTest::newRow("all mappings") << Edit([ok](FlowGraphModel &m) {
        ok(m.setInputMappings(QStringLiteral("dl"),
                              {{QStringLiteral("url"), QStringLiteral("$.trigger.u")}}));
    }) << QStringLiteral("Change input mappings");
    QTest::newRow("paste") << Edit([](FlowGraphModel &m) {
        const auto pasted =
            m.paste(m.copy({QStringLiteral("a"), QStringLiteral("b")}), QPointF(30, 30));
        QCOMPARE(pasted.value().size(), 2);
    }) << QStringLiteral("Paste");
}

void TestFlowGraphModel::everyCommandUndoesToTheSameBytes()
{
    QFETCH(Edit, edit);
    QFETCH(QString, undoText);
    FlowGraphModel *model = typedModel();
    const QByteArray before = model->definitionText();
    edit(*model);
    if (QTest::currentTestFailed())
        return;
    const QByteArray after = model->definitionText();
    QVERIFY(after != before);
    QCOMPARE(model->undoStack()->count(), 1);
    QCOMPARE(model->undoStack()->undoText(), undoText);
    for (int round = 0; round < 2; ++round) {
        model->undoStack()->undo();
        QCOMPARE(model->definitionText(), before);
        model->undoStack()->redo();
        QCOMPARE(model->definitionText(), after);
    }
}

void TestFlowGraphModel::removingANodeRestoresItsEdgesInPlace()
{
    FlowGraphModel *model = typedModel();
    const QStringList nodes = model->nodeIds();
    const QStringList edges = model->edgeIds();
    QVERIFY(model->removeNodes({QStringLiteral("a")}).ok());
    QCOMPARE(model->edgeIds(),
             QStringList({QStringLiteral("e1"), QStringLiteral("e3"), QStringLiteral("e5")}));
    model->undoStack()->undo();
    QCOMPARE(model->nodeIds(), nodes);
    QCOMPARE(model->edgeIds(), edges);
    QCOMPARE(model->edgesOf(QStringLiteral("a"), PortDirection::Out),
             QStringList({QStringLiteral("e2"), QStringLiteral("e4")}));
    // The graph rules see the restored edges again.
    QCOMPARE(model
                 ->connectionPossible(
                     {QStringLiteral("c"), kDefaultPort, QStringLiteral("a"), kDefaultPort})
                 .code,
             Code::Cycle);
}

void TestFlowGraphModel::signalsForTheScene()
{
    FlowGraphModel *model = typedModel();
    QSignalSpy created(model, &FlowGraphModel::nodeCreated);
    QSignalSpy deleted(model, &FlowGraphModel::nodeDeleted);
    QSignalSpy updated(model, &FlowGraphModel::nodeUpdated);
    QSignalSpy moved(model, &FlowGraphModel::nodePositionUpdated);
    QSignalSpy connected(model, &FlowGraphModel::connectionCreated);
    QSignalSpy disconnected(model, &FlowGraphModel::connectionDeleted);
    QSignalSpy reset(model, &FlowGraphModel::modelReset);

    const QString id =
        model->addNode(QStringLiteral("noop"), QStringLiteral("1.0.0"), {1, 2}).value();
    QCOMPARE(created.count(), 1);
    QCOMPARE(created.first().first().toString(), id);
    const QString edgeId =
        model->addConnection({QStringLiteral("c"), kDefaultPort, id, kDefaultPort}).value();
    QCOMPARE(connected.count(), 1);
    QCOMPARE(connected.first().first().toString(), edgeId);
    QVERIFY(model->moveNodes({{id, {3, 4}}}).ok());
    QCOMPARE(moved.count(), 1);
    QCOMPARE(model->node(id)->position, QPointF(3, 4));
    QVERIFY(model->setNodeConfig(id, {{QStringLiteral("k"), 1}}).ok());
    QCOMPARE(updated.count(), 1);
    QVERIFY(model->removeNodes({id}).ok());
    QCOMPARE(disconnected.count(), 1);
    QCOMPARE(disconnected.first().first().value<FlowEdge>().target, id);
    QCOMPARE(deleted.count(), 1);
    model->undoStack()->undo(); // node and edge come back
    QCOMPARE(created.count(), 2);
    QCOMPARE(connected.count(), 2);

    // A new edge on a derived port of an unknown component changes its
    // ports: the scene hears nodeUpdated for it.
    updated.clear();
    QVERIFY(model->removeConnections({QStringLiteral("e5")}).ok());
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.first().first().toString(), QStringLiteral("ghost"));

    QVERIFY(model->load(json(kTypedFlow)).ok());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model->undoStack()->count(), 0);
}

void TestFlowGraphModel::movesOfOneDragMerge()
{
    FlowGraphModel *model = typedModel();
    const QByteArray before = model->definitionText();
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    // One drag of {a, b}: many mouse moves, one undo step.
    for (int step = 1; step <= 5; ++step)
        QVERIFY(
            model->moveNodes({{a, QPointF(step, step)}, {b, QPointF(10 + step, step)}}, 7).ok());
    QCOMPARE(model->undoStack()->count(), 1);
    QCOMPARE(model->node(a)->position, QPointF(5, 5));
    const QByteArray dragged = model->definitionText();
    model->undoStack()->undo();
    QCOMPARE(model->definitionText(), before);
    model->undoStack()->redo();
    QCOMPARE(model->definitionText(), dragged);

    // A move to the same place is no step; a drag back to where it started
    // leaves none either.
    QVERIFY(model->moveNodes({{a, QPointF(5, 5)}}).ok());
    QCOMPARE(model->undoStack()->count(), 1);
    QVERIFY(model->moveNodes({{a, QPointF(50, 50)}}, 3).ok());
    QCOMPARE(model->undoStack()->count(), 2);
    QVERIFY(model->moveNodes({{a, QPointF(5, 5)}}, 3).ok());
    QCOMPARE(model->undoStack()->count(), 1);
    QCOMPARE(model->definitionText(), dragged);

    // A new drag (another gesture), another selection, or no gesture:
    // separate steps.
    QVERIFY(model->moveNodes({{a, QPointF(20, 20)}, {b, QPointF(30, 20)}}, 8).ok());
    QCOMPARE(model->undoStack()->count(), 2);
    QVERIFY(model->moveNodes({{a, QPointF(21, 20)}}, 8).ok());
    QCOMPARE(model->undoStack()->count(), 3);
    QVERIFY(model->moveNodes({{a, QPointF(22, 20)}}).ok());
    QVERIFY(model->moveNodes({{a, QPointF(23, 20)}}).ok());
    QCOMPARE(model->undoStack()->count(), 5);
    // A layout never merges with a drag.
    QVERIFY(model->moveNodes({{a, QPointF(24, 20)}}, 9).ok());
    QVERIFY(model->applyLayout({{a, QPointF(0, 0)}}).ok());
    QCOMPARE(model->undoStack()->count(), 7);

    while (model->undoStack()->canUndo())
        model->undoStack()->undo();
    QCOMPARE(model->definitionText(), before);
    // rs2 had no position at all: moving it and undoing leaves none.
    QVERIFY(model->moveNodes({{QStringLiteral("rs2"), QPointF(1, 1)}}).ok());
    model->undoStack()->undo();
    QVERIFY(!model->node(QStringLiteral("rs2"))->json.contains(QStringLiteral("position")));
    QCOMPARE(model->definitionText(), before);
}

void TestFlowGraphModel::settingsAreCheckedAndUndone()
{
    FlowGraphModel model;
    const QJsonObject seedSettings = json(flowgraphtest::kSeedSettings);
    QVERIFY(model.load(json(flowgraphtest::kSeedDefinition), seedSettings).ok());
    QCOMPARE(compact(model.settings()), compact(seedSettings));

    QSignalSpy changed(&model, &FlowGraphModel::settingsChanged);
    QJsonObject settings = seedSettings;
    settings.insert(QStringLiteral("historyLevel"), QStringLiteral("summary"));
    QVERIFY(model.setSettings(settings).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.undoStack()->undoText(), QStringLiteral("Change flow settings"));
    model.undoStack()->undo();
    QCOMPARE(compact(model.settings()), compact(seedSettings));
    model.undoStack()->redo();
    QCOMPARE(compact(model.settings()), compact(settings));

    // Invalid values are refused and nothing changes.
    QJsonObject bad = settings;
    bad.insert(QStringLiteral("retry"), QJsonObject{{QStringLiteral("maxAttempts"), 0}});
    const auto refused = model.setSettings(bad);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("maxAttempts")),
             qPrintable(refused.error().message));
    QCOMPARE(compact(model.settings()), compact(settings));
    QCOMPARE(model.undoStack()->count(), 1);
}

void TestFlowGraphModel::fieldEditsMergeIntoOneStep()
{
    FlowGraphModel *model = typedModel();
    const QByteArray before = model->definitionText();
    const QString node = model->nodeIds().first();
    // Typing "250" into one field: three changes with one gesture.
    const int typing = model->newEditGesture();
    for (const int ms : {2, 25, 250})
        QVERIFY(model->setNodeConfig(node, {{QStringLiteral("ms"), ms}}, typing).ok());
    QCOMPARE(model->undoStack()->count(), 1);
    QCOMPARE(model->node(node)->config.value(QStringLiteral("ms")).toInt(), 250);
    // Another field edit (a new gesture) is its own step, also for mappings.
    const int next = model->newEditGesture();
    QVERIFY(next != typing && next != 0);
    QVERIFY(model->setInputMapping(node, QStringLiteral("x"), QStringLiteral("$.trigger.a"), next)
                .ok());
    QVERIFY(model->setInputMapping(node, QStringLiteral("x"), QStringLiteral("$.trigger.ab"), next)
                .ok());
    QCOMPARE(model->undoStack()->count(), 2);
    // Gesture 0 never merges.
    QVERIFY(model->setNodeConfig(node, {{QStringLiteral("ms"), 1}}).ok());
    QVERIFY(model->setNodeConfig(node, {{QStringLiteral("ms"), 2}}).ok());
    QCOMPARE(model->undoStack()->count(), 4);
    // Settings merge the same way; typed back to where they began, the step
    // disappears.
    const int settingsGesture = model->newEditGesture();
    const QJsonObject original = model->settings();
    QVERIFY(model
                ->setSettings({{QStringLiteral("historyLevel"), QStringLiteral("none")}},
                              settingsGesture)
                .ok());
    QCOMPARE(model->undoStack()->count(), 5);
    QVERIFY(model->setSettings(original, settingsGesture).ok());
    QCOMPARE(model->undoStack()->count(), 4);
    while (model->undoStack()->canUndo())
        model->undoStack()->undo();
    QCOMPARE(model->definitionText(), before);
}

void TestFlowGraphModel::catalogueSortsVersionsSemantically()
{
    ComponentCatalogue catalogue;
    for (const char *version : {"1.10.0", "1.9.0", "1.0.0-rc.1", "2.0.0", "1.0.0", "1.0.0-alpha",
                                "1.0.0-alpha.10", "1.0.0-alpha.2", "1.0.0-beta", "0.9.12"}) {
        hm::flow::ComponentInterface iface;
        iface.name = QStringLiteral("resize");
        iface.version = QString::fromLatin1(version);
        catalogue.add(iface);
    }
    // Semantic Versioning 2.0.0 precedence (its own example order, 11.4).
    QCOMPARE(catalogue.versions(QStringLiteral("resize")),
             (QStringList{"0.9.12", "1.0.0-alpha", "1.0.0-alpha.2", "1.0.0-alpha.10", "1.0.0-beta",
                          "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "2.0.0"}));
    // entries() follows, so the newest version is the last one.
    QCOMPARE(catalogue.entries().last().interface.version, QStringLiteral("2.0.0"));
    QVERIFY(ComponentCatalogue::compareVersions(QStringLiteral("1.10.0"), QStringLiteral("1.9.0")) >
            0);
    // Not semver: still a total, natural order.
    QVERIFY(ComponentCatalogue::compareVersions(QStringLiteral("v2"), QStringLiteral("v10")) < 0);
    QVERIFY(ComponentCatalogue::compareVersions(QStringLiteral("1.2"), QStringLiteral("1.2.0")) <
            0);
    QVERIFY(ComponentCatalogue::compareVersions(QStringLiteral("1.0.0+a"),
                                                QStringLiteral("1.0.0+b")) != 0);
    QCOMPARE(ComponentCatalogue::compareVersions(QStringLiteral("1.0.0"), QStringLiteral("1.0.0")),
             0);
}

void TestFlowGraphModel::seedExampleRoundTrips()
{
    FlowGraphModel model;
    model.setCatalogue(flowgraphtest::catalogue());
    const QJsonObject seed = json(flowgraphtest::kSeedDefinition);
    QVERIFY(model.load(seed).ok());
    // Load → save gives the same document: no schemaVersion added, handles
    // kept as written, the edge to the missing node-2 kept.
    QCOMPARE(model.definitionText(), compact(seed));
    QCOMPARE(model.danglingEdges(), QStringList{QStringLiteral("edge-1")});
    const FlowNode *n = model.node(QStringLiteral("node-1"));
    QCOMPARE(n->position, QPointF(100, 100));
    QCOMPARE(n->config.value(QStringLiteral("timeout")).toInt(), 30);
    QCOMPARE(n->inputMappings.value(QStringLiteral("url")).toString(),
             QStringLiteral("$.trigger.image_url"));
    QCOMPARE(n->state, ComponentState::Known);
    // A new node never takes the id the dangling edge names.
    const QString id =
        model.addNode(QStringLiteral("node"), QStringLiteral("1.0.0"), {0, 0}).value();
    QCOMPARE(id, QStringLiteral("node-3")); // node-1 exists, node-2 is the edge's
    QCOMPARE(model.danglingEdges(), QStringList{QStringLiteral("edge-1")});
}

void TestFlowGraphModel::unknownFieldsAreKept()
{
    const QJsonObject stored = json(R"({
        "schemaVersion": 1,
        "ui": {"zoom": 1.5, "viewport": [0, 0]},
        "description": "made with curl",
        "nodes": [
          {"id": "n1", "component": "noop", "version": "1.0.0",
           "position": {"x": 1.5, "y": -2, "z": 3}, "config": {}, "inputMappings": {},
           "label": "First", "color": "#ff0000"},
          {"id": "n2", "component": "mystery", "version": "2", "notes": ["a", {"b": null}]}
        ],
        "edges": [
          {"id": "x", "source": "n1", "target": "n2", "label": "then", "sourceHandle": null}
        ]})");
    FlowGraphModel model;
    model.setCatalogue(flowgraphtest::catalogue());
    QVERIFY(model.load(stored).ok());
    QCOMPARE(model.definitionText(), compact(stored));
    QCOMPARE(model.edge(QStringLiteral("x"))->sourceHandle, kDefaultPort);

    // Edits keep what they do not touch: the position's z, the labels.
    QVERIFY(model.moveNodes({{QStringLiteral("n1"), QPointF(10, 20)}}).ok());
    QVERIFY(model.setNodeConfig(QStringLiteral("n2"), {{QStringLiteral("a"), 1}}).ok());
    const QJsonObject saved = model.definition();
    const QJsonObject n1 = saved.value(QStringLiteral("nodes")).toArray().at(0).toObject();
    QCOMPARE(compact(n1.value(QStringLiteral("position")).toObject()),
             QByteArray(R"({"x":10,"y":20,"z":3})"));
    QCOMPARE(n1.value(QStringLiteral("label")).toString(), QStringLiteral("First"));
    QCOMPARE(saved.value(QStringLiteral("description")).toString(),
             QStringLiteral("made with curl"));
    QVERIFY(saved.value(QStringLiteral("nodes"))
                .toArray()
                .at(1)
                .toObject()
                .contains(QStringLiteral("notes")));
    model.undoStack()->undo();
    model.undoStack()->undo();
    QCOMPARE(model.definitionText(), compact(stored));

    // A document without "edges" saves without it.
    const QJsonObject noEdges =
        json(R"({"nodes": [{"id": "only", "component": "noop", "version": "1"}]})");
    QVERIFY(model.load(noEdges).ok());
    QCOMPARE(model.definitionText(), compact(noEdges));
}

namespace {

// A random stored flow: nodes of known and unknown components, optional
// members left out, fractional positions, nested config, mappings to
// earlier nodes, edges only from earlier to later nodes (a DAG), extra
// fields everywhere.
QJsonObject randomDefinition(QRandomGenerator &random, int nodeCount)
{
    static const QStringList components{
        QStringLiteral("noop"),  QStringLiteral("log"),          QStringLiteral("condition"),
        QStringLiteral("count"), QStringLiteral("image-resize"), QStringLiteral("unknown-thing")};
    auto chance = [&](int percent) { return int(random.bounded(100)) < percent; };
    QJsonArray nodes;
    for (int i = 0; i < nodeCount; ++i) {
        QJsonObject node{{QStringLiteral("id"), QStringLiteral("n%1").arg(i)},
                         {QStringLiteral("component"),
                          components.at(int(random.bounded(int(components.size()))))}};
        node.insert(QStringLiteral("version"),
                    chance(90) ? QStringLiteral("1.0.0") : QStringLiteral("0.9"));
        if (chance(90))
            node.insert(QStringLiteral("position"),
                        QJsonObject{{QStringLiteral("x"), random.bounded(2000.0) - 500},
                                    {QStringLiteral("y"), int(random.bounded(1500))}});
        if (chance(70))
            node.insert(QStringLiteral("config"),
                        QJsonObject{{QStringLiteral("k%1").arg(random.bounded(5)),
                                     QJsonObject{{QStringLiteral("deep"),
                                                  QJsonArray{1, 2.5, QStringLiteral("x"),
                                                             QJsonValue::Null, true}}}}});
        if (chance(70) && i > 0) {
            QJsonObject mappings;
            mappings.insert(QStringLiteral("in"), QStringLiteral("$.nodes.n%1.output.v[%2]")
                                                      .arg(random.bounded(i))
                                                      .arg(random.bounded(3)));
            mappings.insert(QStringLiteral("lit"), int(random.bounded(100)));
            node.insert(QStringLiteral("inputMappings"), mappings);
        }
        if (chance(20))
            node.insert(QStringLiteral("extra%1").arg(random.bounded(3)), QStringLiteral("kept"));
        nodes.append(node);
    }
    QJsonArray edges;
    int edgeNumber = 0;
    for (int target = 1; target < nodeCount; ++target) {
        const int parents = int(random.bounded(3));
        for (int p = 0; p < parents; ++p) {
            const int source = int(random.bounded(target));
            QJsonObject edge{{QStringLiteral("id"), QStringLiteral("e%1").arg(edgeNumber++)},
                             {QStringLiteral("source"), QStringLiteral("n%1").arg(source)},
                             {QStringLiteral("target"), QStringLiteral("n%1").arg(target)}};
            if (chance(60))
                edge.insert(QStringLiteral("sourceHandle"),
                            chance(50) ? QStringLiteral("default") : QStringLiteral("true"));
            if (chance(60))
                edge.insert(QStringLiteral("targetHandle"), QStringLiteral("default"));
            if (chance(10))
                edge.insert(QStringLiteral("label"), QStringLiteral("edge %1").arg(edgeNumber));
            edges.append(edge);
        }
    }
    QJsonObject root{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
    if (chance(50))
        root.insert(QStringLiteral("schemaVersion"), 1);
    if (chance(30))
        root.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("author"), 1}});
    return root;
}

} // namespace

void TestFlowGraphModel::randomDagsRoundTrip()
{
    const quint32 seed = qEnvironmentVariableIsSet("HIVEMIND_TEST_SEED")
                             ? quint32(qEnvironmentVariableIntValue("HIVEMIND_TEST_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("random DAG seed %u (set HIVEMIND_TEST_SEED=%u to repeat)", seed, seed);
    QRandomGenerator random(seed);
    for (int round = 0; round < 25; ++round) {
        const QJsonObject original = randomDefinition(random, 1 + int(random.bounded(60)));
        FlowGraphModel model;
        model.setCatalogue(flowgraphtest::catalogue());
        QVERIFY2(model.load(original).ok(), qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(model.definitionText(), compact(original));

        // Random edits, then all undone: the original bytes; all redone:
        // the edited bytes.
        const QString first = model.nodeIds().first();
        auto pick = [&] {
            const QStringList ids = model.nodeIds();
            return ids.at(int(random.bounded(int(ids.size()))));
        };
        for (int e = 0; e < 12; ++e) {
            if (model.nodeCount() == 0)
                break;
            switch (random.bounded(6)) {
            case 0:
                QVERIFY(model.moveNodes({{pick(), QPointF(e, -e)}}).ok());
                break;
            case 1:
                (void)model.addConnection({pick(), kDefaultPort, pick(), kDefaultPort});
                break;
            case 2:
                if (model.hasNode(first) && model.nodeCount() > 1)
                    QVERIFY(model.removeNodes({first}).ok());
                break;
            case 3:
                (void)model.setInputMapping(pick(), QStringLiteral("r"), e);
                break;
            case 4:
                QVERIFY(model.paste(model.copy({pick(), pick()}), QPointF(5, 5)).ok());
                break;
            case 5:
                (void)model.addNode(QStringLiteral("log"), QStringLiteral("1.0.0"), {1, 1});
                break;
            }
        }
        const QByteArray edited = model.definitionText();
        while (model.undoStack()->canUndo())
            model.undoStack()->undo();
        QCOMPARE(model.definitionText(), compact(original));
        while (model.undoStack()->canRedo())
            model.undoStack()->redo();
        QCOMPARE(model.definitionText(), edited);
        // What the model saves loads again unchanged.
        FlowGraphModel again;
        QVERIFY(again.load(edited).ok());
        QCOMPARE(again.definitionText(), edited);
    }
}

void TestFlowGraphModel::badDefinitionsAreRefused()
{
    FlowGraphModel model;
    QVERIFY(model.load(json(R"({"nodes": [{"id": "keep", "component": "noop", "version": "1"}]})"))
                .ok());
    const QByteArray before = model.definitionText();
    const struct
    {
        const char *text;
        const char *part;
    } cases[] = {
        {R"({"nodes": [{"id": "a", "component": "noop", "version": "1"}, {"id": "a", "component": "log", "version": "1"}]})",
         "\"a\" twice"},
        {R"({"nodes": [{"id": "a", "component": "noop", "version": "1"}], "edges": [
            {"id": "e", "source": "a", "target": "a"}, {"id": "e", "source": "a", "target": "a"}]})",
         "\"e\" twice"},
        {R"({"nodes": [{"component": "noop", "version": "1"}]})", "nodes[0].id"},
        {R"({"schemaVersion": 99, "nodes": []})", "99"},
        {R"({"nodes": [}")", ""},
        {R"([1, 2])", "not an object"},
    };
    for (const auto &c : cases) {
        const auto loaded = model.load(QByteArray(c.text));
        QVERIFY2(!loaded.ok(), c.text);
        QVERIFY2(loaded.error().message.contains(QString::fromUtf8(c.part)),
                 qPrintable(loaded.error().message));
        QCOMPARE(model.definitionText(), before);
    }
}

QTEST_GUILESS_MAIN(TestFlowGraphModel)
#include "TestFlowGraphModel.moc"
