// Copy and paste in the flow editor's graph model: fragments as JSON text
// and clipboard data, fresh ids on paste, edges and mappings among the
// pasted nodes rewritten, malformed text refused without a change.

#include "FlowGraphTestData.h"
#include "flowgraph/FlowFragment.h"
#include "flowgraph/FlowGraphModel.h"

#include <QJsonArray>
#include <QMimeData>
#include <QUndoStack>
#include <QtTest>
#include <memory>

using namespace hm::app;
using flowgraphtest::compact;
using flowgraphtest::json;

namespace {

QJsonObject nodeJson(const FlowGraphModel &model, const QString &id)
{
    return model.node(id)->json;
}

} // namespace

class TestFlowGraphPaste : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void copyTakesNodesAndTheEdgesAmongThem();
    void pasteGivesFreshIdsAndRewritesMappings();
    void pasteIsOneUndoStep();
    void pasteTwiceGivesNewIdsAgain();
    void pasteFromClipboardData();
    void wholeDefinitionPastes();
    void malformedPasteChangesNothing_data();
    void malformedPasteChangesNothing();

private:
    std::unique_ptr<FlowGraphModel> m_model;
};

void TestFlowGraphPaste::init()
{
    m_model = std::make_unique<FlowGraphModel>();
    m_model->setCatalogue(flowgraphtest::catalogue());
    QVERIFY(m_model->load(json(flowgraphtest::kPasteFlow)).ok());
}

void TestFlowGraphPaste::copyTakesNodesAndTheEdgesAmongThem()
{
    // Selection order does not matter; definition order is kept.
    const QByteArray text = m_model->copy(
        {QStringLiteral("parse"), QStringLiteral("fetch"), QStringLiteral("nonexistent")});
    const QJsonObject fragment = QJsonDocument::fromJson(text).object();
    QCOMPARE(fragment.value(QStringLiteral("format")).toString(), kFragmentFormat);
    const QJsonArray nodes = fragment.value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), 2);
    QCOMPARE(compact(nodes.at(0).toObject()), compact(nodeJson(*m_model, QStringLiteral("fetch"))));
    QCOMPARE(compact(nodes.at(1).toObject()), compact(nodeJson(*m_model, QStringLiteral("parse"))));
    // e1 joins two copied nodes; e2 and e3 leave the selection.
    const QJsonArray edges = fragment.value(QStringLiteral("edges")).toArray();
    QCOMPARE(edges.size(), 1);
    QCOMPARE(edges.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("e1"));

    std::unique_ptr<QMimeData> mime(m_model->mimeData({QStringLiteral("fetch")}));
    QVERIFY(mime->hasFormat(kFragmentMimeType));
    QVERIFY(mime->hasText());
    QCOMPARE(mime->data(kFragmentMimeType), mime->text().toUtf8());
    QCOMPARE(kFragmentMimeType, QStringLiteral("application/x-hivemind-flow-fragment+json"));
}

void TestFlowGraphPaste::pasteGivesFreshIdsAndRewritesMappings()
{
    const QByteArray text = m_model->copy({QStringLiteral("fetch"), QStringLiteral("parse")});
    const auto pasted = m_model->paste(text, QPointF(40, 25.5));
    QVERIFY2(pasted.ok(), qPrintable(pasted.ok() ? QString() : pasted.error().message));
    QCOMPARE(pasted.value(),
             QStringList({QStringLiteral("image-download-1"), QStringLiteral("image-resize-1")}));
    const QString newFetch = pasted.value().at(0);
    const QString newParse = pasted.value().at(1);

    const FlowNode *fetch = m_model->node(newFetch);
    QCOMPARE(fetch->position, QPointF(40, 25.5));
    QCOMPARE(fetch->config.value(QStringLiteral("timeout")).toInt(), 5);
    QCOMPARE(fetch->json.value(QStringLiteral("note")).toString(), QStringLiteral("kept"));

    const FlowNode *parse = m_model->node(newParse);
    QCOMPARE(parse->position, QPointF(240, 25.5));
    const QJsonObject mappings = parse->inputMappings;
    // References to a pasted node follow it; the rest of each expression,
    // references to nodes not pasted and literals stay as written.
    QCOMPARE(mappings.value(QStringLiteral("image")).toString(),
             QStringLiteral("$.nodes.image-download-1.output.image"));
    QCOMPARE(mappings.value(QStringLiteral("width")).toString(),
             QStringLiteral("$.nodes[\"other\"].output.w"));
    QCOMPARE(compact(mappings.value(QStringLiteral("whole")).toObject()),
             QByteArray(R"({"$ref":"node:image-download-1:output:image"})"));
    QCOMPARE(mappings.value(QStringLiteral("quoted")).toString(),
             QStringLiteral("$.nodes.image-download-1.output[\"odd key\"][0]"));
    QCOMPARE(mappings.value(QStringLiteral("literal")).toString(),
             QStringLiteral("nodes.fetch is text"));

    // The edge among them, with a fresh id and its other fields kept.
    const QStringList into = m_model->edgesOf(newParse, PortDirection::In);
    QCOMPARE(into.size(), 1);
    const FlowEdge *edge = m_model->edge(into.first());
    QCOMPARE(edge->id, QStringLiteral("edge-1"));
    QCOMPARE(edge->source, newFetch);
    QCOMPARE(edge->targetHandle, QStringLiteral("image"));
    QCOMPARE(edge->json.value(QStringLiteral("label")).toString(), QStringLiteral("bytes"));
    // The originals are untouched.
    QCOMPARE(m_model->node(QStringLiteral("parse"))->inputMappings.value(QStringLiteral("image")),
             QJsonValue(QStringLiteral("$.nodes.fetch.output.image")));
    QCOMPARE(m_model->nodeCount(), 6);
    QCOMPARE(m_model->edgeCount(), 4);
}

void TestFlowGraphPaste::pasteIsOneUndoStep()
{
    const QByteArray before = m_model->definitionText();
    const auto pasted = m_model->paste(m_model->copy(m_model->nodeIds()), QPointF(10, 10));
    QVERIFY(pasted.ok());
    QCOMPARE(m_model->undoStack()->count(), 1);
    const QByteArray after = m_model->definitionText();
    m_model->undoStack()->undo();
    QCOMPARE(m_model->definitionText(), before);
    m_model->undoStack()->redo();
    QCOMPARE(m_model->definitionText(), after);
    for (const QString &id : pasted.value())
        QVERIFY(m_model->hasNode(id));
}

void TestFlowGraphPaste::pasteTwiceGivesNewIdsAgain()
{
    const QByteArray text = m_model->copy({QStringLiteral("store")});
    QCOMPARE(m_model->paste(text, {}).value(), QStringList{QStringLiteral("log-1")});
    QCOMPARE(m_model->paste(text, {}).value(), QStringList{QStringLiteral("log-2")});
    // Every id in the flow is unique.
    const QStringList ids = m_model->nodeIds();
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
}

void TestFlowGraphPaste::pasteFromClipboardData()
{
    std::unique_ptr<QMimeData> mime(
        m_model->mimeData({QStringLiteral("parse"), QStringLiteral("store")}));
    auto pasted = m_model->paste(mime.get(), QPointF(0, 100));
    QVERIFY(pasted.ok());
    QCOMPARE(m_model->node(pasted.value().at(1))->inputMappings.value(QStringLiteral("what")),
             QJsonValue(QStringLiteral("$.nodes.image-resize-1.output")));

    // Only text on the clipboard (pasted from an editor) works too.
    QMimeData plain;
    plain.setText(QString::fromUtf8(m_model->copy({QStringLiteral("other")})));
    QCOMPARE(m_model->paste(&plain, {}).value(), QStringList{QStringLiteral("noop-1")});
}

void TestFlowGraphPaste::wholeDefinitionPastes()
{
    const auto pasted = m_model->paste(QByteArray(flowgraphtest::kSeedDefinition), {});
    // The seed's edge names node-2, which it does not contain.
    QVERIFY(!pasted.ok());
    QVERIFY2(pasted.error().message.contains(QStringLiteral("node-2")),
             qPrintable(pasted.error().message));

    const auto whole = m_model->paste(QByteArray(flowgraphtest::kPasteFlow), QPointF(0, 500));
    QVERIFY(whole.ok());
    QCOMPARE(whole.value().size(), 4);
    QCOMPARE(m_model->edgeCount(), 6);
}

void TestFlowGraphPaste::malformedPasteChangesNothing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not flow nodes");
    QTest::newRow("plain words") << QByteArray("hello world") << QStringLiteral("character");
    QTest::newRow("cut off") << QByteArray(R"({"nodes": [{"id": "a")")
                             << QStringLiteral("not flow nodes");
    QTest::newRow("an array") << QByteArray("[1, 2]") << QStringLiteral("no list of nodes");
    QTest::newRow("no nodes member")
        << QByteArray(R"({"edges": []})") << QStringLiteral("no list of nodes");
    QTest::newRow("no nodes") << QByteArray(R"({"nodes": []})") << QStringLiteral("no nodes");
    QTest::newRow("node without id")
        << QByteArray(R"({"nodes": [{"component": "noop", "version": "1"}]})")
        << QStringLiteral("nodes[0].id");
    QTest::newRow("node not an object")
        << QByteArray(R"({"nodes": [3]})") << QStringLiteral("nodes[0]");
    QTest::newRow("same id twice")
        << QByteArray(R"({"nodes": [{"id": "a", "component": "noop", "version": "1"},
                                     {"id": "a", "component": "noop", "version": "1"}]})")
        << QStringLiteral("\"a\" twice");
    QTest::newRow("edge leaves the fragment")
        << QByteArray(R"({"nodes": [{"id": "a", "component": "noop", "version": "1"}],
                          "edges": [{"id": "e", "source": "a", "target": "fetch"}]})")
        << QStringLiteral("\"fetch\"");
    QTest::newRow("cycle")
        << QByteArray(
               R"({"nodes": [{"id": "a", "component": "noop", "version": "1"}, {"id": "b", "component": "noop", "version": "1"}],
                          "edges": [{"id": "e1", "source": "a", "target": "b"},
                                    {"id": "e2", "source": "b", "target": "a"}]})")
        << QStringLiteral("cycle");
    QTest::newRow("newer schema")
        << QByteArray(
               R"({"schemaVersion": 7, "nodes": [{"id": "a", "component": "noop", "version": "1"}]})")
        << QStringLiteral("7");
}

void TestFlowGraphPaste::malformedPasteChangesNothing()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, messagePart);
    const QByteArray before = m_model->definitionText();
    const auto pasted = m_model->paste(text, QPointF(10, 10));
    QVERIFY(!pasted.ok());
    QVERIFY2(pasted.error().message.contains(messagePart), qPrintable(pasted.error().message));
    QCOMPARE(m_model->definitionText(), before);
    QCOMPARE(m_model->undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestFlowGraphPaste)
#include "TestFlowGraphPaste.moc"
