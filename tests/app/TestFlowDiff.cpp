// The version diff's computation (app/flowgraph/FlowDiff): nodes added,
// removed and changed (config, mappings, component, position), edges added
// and removed matched by what they connect, settings by dotted path; the
// overlay the canvas draws; identical versions give no changes. And the
// model's read-only mode, which the version viewer and the execution viewer
// rely on: every edit refused, nothing changed.

#include "flowgraph/FlowDiff.h"
#include "flowgraph/FlowGraphModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QUndoStack>
#include <QtTest>

using namespace hm::app;
using Kind = FlowDiff::Kind;

namespace {

QJsonObject parse(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Version 1: a -> b -> c.
const char kBefore[] = R"({"schemaVersion": 1, "nodes": [
  {"id": "a", "component": "noop", "version": "1.0.0", "position": {"x": 0, "y": 0}},
  {"id": "b", "component": "log", "version": "1.0.0", "position": {"x": 200, "y": 0},
   "config": {"message": "hello", "level": "info", "headers": {"Accept": "text/plain"}},
   "inputMappings": {"text": "$.trigger.text", "count": 3}},
  {"id": "c", "component": "noop", "version": "1.0.0", "position": {"x": 400, "y": 0}},
  {"id": "d", "component": "delay", "version": "1.0.0", "position": {"x": 400, "y": 100}}
], "edges": [
  {"id": "e1", "source": "a", "target": "b"},
  {"id": "e2", "source": "b", "target": "c", "sourceHandle": "default", "targetHandle": "default"},
  {"id": "e3", "source": "b", "target": "d"}
]})";

// Version 2: b's config and mappings changed, c moved, d removed, e added
// (fed by c), a's component version bumped; e2 re-made under another id
// (no change), e3 gone with d, e4 new.
const char kAfter[] = R"({"schemaVersion": 1, "nodes": [
  {"id": "a", "component": "noop", "version": "1.1.0", "position": {"x": 0, "y": 0}},
  {"id": "b", "component": "log", "version": "1.0.0", "position": {"x": 200, "y": 0},
   "config": {"message": "hello world", "headers": {"Accept": "application/json"}, "extra": true},
   "inputMappings": {"text": "$.trigger.body.text", "count": 3, "who": "$.trigger.user"}},
  {"id": "c", "component": "noop", "version": "1.0.0", "position": {"x": 420, "y": 40}},
  {"id": "e", "component": "noop", "version": "1.0.0", "position": {"x": 600, "y": 0}}
], "edges": [
  {"id": "e1", "source": "a", "target": "b"},
  {"id": "edge-7", "source": "b", "target": "c"},
  {"id": "e4", "source": "c", "target": "e"}
]})";

const char kSettingsBefore[] =
    R"({"concurrency": {"mode": "parallel", "maxInstances": 4}, "timeouts": {"flowMs": 60000}})";
const char kSettingsAfter[] =
    R"({"concurrency": {"mode": "serial", "maxInstances": 4}, "timeouts": {"flowMs": 60000},
        "retry": {"maxAttempts": 3}})";

QStringList paths(const QList<FlowDiff::ValueChange> &changes)
{
    QStringList list;
    for (const FlowDiff::ValueChange &c : changes)
        list << c.path;
    return list;
}

} // namespace

class TestFlowDiff : public QObject
{
    Q_OBJECT

private slots:
    void identicalVersionsHaveNoChanges();
    void nodesAddedRemovedChanged();
    void configAndMappingsPerMember();
    void edgesMatchedByWhatTheyConnect();
    void settingsByDottedPath();
    void overlayPutsRemovedItemsBack();
    void readOnlyModelRefusesEveryEdit();
};

void TestFlowDiff::identicalVersionsHaveNoChanges()
{
    const FlowDiff same = FlowDiff::compute(parse(kBefore), parse(kSettingsBefore), parse(kBefore),
                                            parse(kSettingsBefore));
    QVERIFY(same.isEmpty());
    QCOMPARE(same.count(Kind::Added) + same.count(Kind::Removed) + same.count(Kind::Changed), 0);
    // Key order in the text is not a change.
    const FlowDiff reordered =
        FlowDiff::compute(parse(R"({"nodes": [{"component": "noop", "id": "a", "version": "1.0.0"}],
                  "schemaVersion": 1, "edges": []})"),
                          {}, parse(R"({"schemaVersion": 1, "edges": [],
                  "nodes": [{"id": "a", "version": "1.0.0", "component": "noop"}]})"),
                          {});
    QVERIFY(reordered.isEmpty());
}

void TestFlowDiff::nodesAddedRemovedChanged()
{
    const FlowDiff diff = FlowDiff::compute(parse(kBefore), {}, parse(kAfter), {});
    QCOMPARE(diff.count(Kind::Added), 1);
    QCOMPARE(diff.count(Kind::Removed), 1);
    QCOMPARE(diff.count(Kind::Changed), 3); // a (version), b (config, mappings), c (moved)
    QVERIFY(!diff.node(QStringLiteral("unchanged")));

    const FlowDiff::NodeChange *e = diff.node(QStringLiteral("e"));
    QVERIFY(e);
    QCOMPARE(e->kind, Kind::Added);
    QCOMPARE(e->after.value(QStringLiteral("component")).toString(), QStringLiteral("noop"));
    const FlowDiff::NodeChange *d = diff.node(QStringLiteral("d"));
    QVERIFY(d);
    QCOMPARE(d->kind, Kind::Removed);
    QCOMPARE(d->before.value(QStringLiteral("component")).toString(), QStringLiteral("delay"));

    const FlowDiff::NodeChange *a = diff.node(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->aspects, int(FlowDiff::ComponentAspect));
    QCOMPARE(paths(a->other), QStringList{QStringLiteral("version")});
    QCOMPARE(a->other.first().before.toString(), QStringLiteral("1.0.0"));
    QCOMPARE(a->other.first().after.toString(), QStringLiteral("1.1.0"));

    const FlowDiff::NodeChange *c = diff.node(QStringLiteral("c"));
    QVERIFY(c);
    QVERIFY(c->movedOnly());
    QCOMPARE(paths(c->other),
             (QStringList{QStringLiteral("position.x"), QStringLiteral("position.y")}));

    // After's order, removed nodes last.
    QStringList order;
    for (const FlowDiff::NodeChange &n : diff.nodes)
        order << n.nodeId;
    QCOMPARE(order, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("e"), QStringLiteral("d")}));
}

void TestFlowDiff::configAndMappingsPerMember()
{
    const FlowDiff diff = FlowDiff::compute(parse(kBefore), {}, parse(kAfter), {});
    const FlowDiff::NodeChange *b = diff.node(QStringLiteral("b"));
    QVERIFY(b);
    QCOMPARE(b->kind, Kind::Changed);
    QCOMPARE(b->aspects, int(FlowDiff::ConfigAspect | FlowDiff::MappingsAspect));
    // Members in key order (as QJsonObject keeps them), new ones last.
    QCOMPARE(paths(b->config),
             (QStringList{QStringLiteral("headers.Accept"), QStringLiteral("level"),
                          QStringLiteral("message"), QStringLiteral("extra")}));
    const FlowDiff::ValueChange &level = b->config.at(1);
    QCOMPARE(level.before.toString(), QStringLiteral("info"));
    QVERIFY(level.after.isUndefined());            // removed member
    QVERIFY(b->config.at(3).before.isUndefined()); // added member
    QCOMPARE(b->config.at(3).after.toBool(), true);
    QCOMPARE(paths(b->mappings), (QStringList{QStringLiteral("text"), QStringLiteral("who")}));
    QCOMPARE(b->mappings.first().before.toString(), QStringLiteral("$.trigger.text"));
    QCOMPARE(b->mappings.first().after.toString(), QStringLiteral("$.trigger.body.text"));
    QVERIFY(b->other.isEmpty());
}

void TestFlowDiff::edgesMatchedByWhatTheyConnect()
{
    const FlowDiff diff = FlowDiff::compute(parse(kBefore), {}, parse(kAfter), {});
    QCOMPARE(diff.edgeCount(Kind::Added), 1);
    QCOMPARE(diff.edgeCount(Kind::Removed), 1);
    QCOMPARE(diff.edges.size(), 2);
    QCOMPARE(diff.edges.at(0).kind, Kind::Added);
    QCOMPARE(diff.edges.at(0).source, QStringLiteral("c"));
    QCOMPARE(diff.edges.at(0).target, QStringLiteral("e"));
    QCOMPARE(diff.edges.at(1).kind, Kind::Removed);
    QCOMPARE(diff.edges.at(1).edge.value(QStringLiteral("id")).toString(), QStringLiteral("e3"));

    // Rewiring one end of an edge is one removed and one added.
    const FlowDiff rewired =
        FlowDiff::compute(parse(R"({"schemaVersion": 1, "nodes": [], "edges": [
                  {"id": "x", "source": "p", "target": "q", "targetHandle": "in"}]})"),
                          {}, parse(R"({"schemaVersion": 1, "nodes": [], "edges": [
                  {"id": "x", "source": "p", "target": "q", "targetHandle": "other"}]})"),
                          {});
    QCOMPARE(rewired.edgeCount(Kind::Added), 1);
    QCOMPARE(rewired.edgeCount(Kind::Removed), 1);
    QCOMPARE(rewired.edges.first().targetHandle, QStringLiteral("other"));
}

void TestFlowDiff::settingsByDottedPath()
{
    const FlowDiff diff = FlowDiff::compute(parse(kBefore), parse(kSettingsBefore), parse(kBefore),
                                            parse(kSettingsAfter));
    QVERIFY(diff.nodes.isEmpty());
    QVERIFY(diff.edges.isEmpty());
    QCOMPARE(paths(diff.settings),
             (QStringList{QStringLiteral("concurrency.mode"), QStringLiteral("retry")}));
    QCOMPARE(diff.settings.first().before.toString(), QStringLiteral("parallel"));
    QCOMPARE(diff.settings.first().after.toString(), QStringLiteral("serial"));
    QVERIFY(!diff.isEmpty());

    // The document's other members.
    QJsonObject v2 = parse(kBefore);
    v2.insert(QStringLiteral("schemaVersion"), 2);
    const FlowDiff schema = FlowDiff::compute(parse(kBefore), {}, v2, {});
    QCOMPARE(paths(schema.document), QStringList{QStringLiteral("schemaVersion")});
}

void TestFlowDiff::overlayPutsRemovedItemsBack()
{
    const QJsonObject after = parse(kAfter);
    const FlowDiff diff = FlowDiff::compute(parse(kBefore), {}, after, {});
    QStringList removedEdges;
    const QJsonObject overlay = diff.overlay(after, &removedEdges);
    QCOMPARE(overlay.value(QStringLiteral("nodes")).toArray().size(), 5); // a b c e + d
    QCOMPARE(overlay.value(QStringLiteral("edges")).toArray().size(), 4); // e1 edge-7 e4 + e3
    QCOMPARE(removedEdges, QStringList{QStringLiteral("e3")});
    // The graph model opens it (the canvas draws it from there).
    FlowGraphModel model;
    QVERIFY(model.load(overlay).ok());
    QVERIFY(model.hasNode(QStringLiteral("d")));
    QVERIFY(model.edge(QStringLiteral("e3")));

    // A removed edge whose id the new version reuses gets a fresh one.
    const QJsonObject reuseAfter = parse(R"({"schemaVersion": 1, "nodes": [
        {"id": "p", "component": "noop", "version": "1"},
        {"id": "q", "component": "noop", "version": "1"},
        {"id": "r", "component": "noop", "version": "1"}],
        "edges": [{"id": "x", "source": "p", "target": "r"}]})");
    const FlowDiff reuse = FlowDiff::compute(parse(R"({"schemaVersion": 1, "nodes": [
        {"id": "p", "component": "noop", "version": "1"},
        {"id": "q", "component": "noop", "version": "1"},
        {"id": "r", "component": "noop", "version": "1"}],
        "edges": [{"id": "x", "source": "p", "target": "q"}]})"),
                                             {}, reuseAfter, {});
    QStringList fresh;
    const QJsonObject reuseOverlay = reuse.overlay(reuseAfter, &fresh);
    QCOMPARE(fresh, QStringList{QStringLiteral("removed-edge-1")});
    QVERIFY(model.load(reuseOverlay).ok());
    QCOMPARE(model.edge(QStringLiteral("removed-edge-1"))->target, QStringLiteral("q"));
}

void TestFlowDiff::readOnlyModelRefusesEveryEdit()
{
    FlowGraphModel model;
    QVERIFY(model.load(parse(kBefore)).ok());
    const QByteArray before = model.definitionText();
    const QByteArray copied = model.copy({QStringLiteral("a")});
    QSignalSpy changed(&model, &FlowGraphModel::readOnlyChanged);
    model.setReadOnly(true);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.isReadOnly());

    const auto refused = [](const auto &s) {
        return !s.ok() && s.error().code == hm::ErrorCode::Forbidden;
    };
    QVERIFY(refused(model.addNode(QStringLiteral("noop"), QStringLiteral("1.0.0"), {})));
    QVERIFY(refused(model.removeNodes({QStringLiteral("a")})));
    QVERIFY(refused(model.moveNodes({{QStringLiteral("a"), QPointF(50, 50)}}, 1)));
    QVERIFY(refused(model.applyLayout({{QStringLiteral("a"), QPointF(50, 50)}})));
    QVERIFY(refused(model.addConnection(
        {QStringLiteral("a"), kDefaultPort, QStringLiteral("c"), kDefaultPort})));
    QVERIFY(refused(model.removeConnections({QStringLiteral("e1")})));
    QVERIFY(refused(model.setNodeConfig(QStringLiteral("b"), {{QStringLiteral("x"), 1}})));
    QVERIFY(refused(model.setInputMappings(QStringLiteral("b"), {})));
    QVERIFY(refused(model.setInputMapping(QStringLiteral("b"), QStringLiteral("text"), {})));
    QVERIFY(refused(model.setSettings(parse(kSettingsAfter))));
    QVERIFY(refused(model.paste(copied, QPointF(10, 10))));
    QCOMPARE(model.definitionText(), before);
    QCOMPARE(model.undoStack()->count(), 0);

    // Loading another version is still possible; editing again after.
    QVERIFY(model.load(parse(kAfter)).ok());
    model.setReadOnly(false);
    QVERIFY(model.moveNodes({{QStringLiteral("a"), QPointF(50, 50)}}).ok());
    QCOMPARE(model.node(QStringLiteral("a"))->position, QPointF(50, 50));
}

QTEST_GUILESS_MAIN(TestFlowDiff)
#include "TestFlowDiff.moc"
