#include "engine_store/JsonColumn.h"
#include "engine_store/PackedNodeStates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hm::engine;
using namespace hm::engine::persistence;

namespace {

NodeRecord record(const QString &nodeId, const QString &component, qint64 startedAtMs,
                  qint64 endedAtMs)
{
    NodeRecord r;
    r.executionId = QStringLiteral("e1");
    r.nodeId = nodeId;
    r.component = component;
    r.version = QStringLiteral("1.0.0");
    r.status = QStringLiteral("completed");
    r.attempt = 1;
    r.startedAtMs = startedAtMs;
    r.endedAtMs = endedAtMs;
    return r;
}

QString packed(const QList<NodeRecord> &records)
{
    PackedNodeStatesWriter writer;
    for (const NodeRecord &r : records)
        writer.append(r);
    return writer.take();
}

} // namespace

// The text of executions.node_states: what the writer packs reads back the
// same, the first format still reads, and damaged texts read as nothing
// rather than crash or invent nodes.
class TestPackedNodeStates : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldRoundTrips()
    {
        NodeRecord full = record(QStringLiteral("full"), QStringLiteral("transform"), 1763700000100,
                                 1763700000250);
        full.status = QStringLiteral("failed");
        full.attempt = 3;
        full.skipReason = QStringLiteral("BRANCH_NOT_TAKEN");
        full.inputs = QJsonObject{{QStringLiteral("text"), QStringLiteral("a \"b\"\n繁體")}};
        full.outputs = QJsonObject{{QStringLiteral("list"), QJsonArray{1, 2.5, QJsonValue::Null}}};
        full.errorCode = QStringLiteral("EXECUTION_TIMEOUT");
        full.errorMessage = QStringLiteral("took \"too\" long");
        full.logs = QStringList{QStringLiteral("one"), QStringLiteral("two")};

        const QList<StoredNode> nodes = readPackedNodeStates(packed({full}));
        QCOMPARE(nodes.size(), 1);
        const StoredNode &n = nodes.first();
        QCOMPARE(n.nodeId, full.nodeId);
        QCOMPARE(n.component, full.component);
        QCOMPARE(n.version, full.version);
        QCOMPARE(n.status, full.status);
        QCOMPARE(n.attempt, 3);
        QCOMPARE(n.skipReason, full.skipReason);
        QCOMPARE(n.inputs.toObject(), full.inputs);
        QCOMPARE(n.outputs.toObject(), full.outputs);
        QCOMPARE(n.errorCode, full.errorCode);
        QCOMPARE(n.errorMessage, full.errorMessage);
        QCOMPARE(n.startedAtMs, full.startedAtMs);
        QCOMPARE(n.endedAtMs, full.endedAtMs);
        QCOMPARE(n.durationMs, 150);
        QCOMPARE(n.logs.toArray(), (QJsonArray{QStringLiteral("one"), QStringLiteral("two")}));
    }

    // Times are stored as differences; nodes out of start order, a node
    // that never started and one that started but has not ended must all
    // come back exact, with the duration rows would have.
    void timesSurviveAnyOrder()
    {
        const QList<NodeRecord> records{
            record(QStringLiteral("late"), QStringLiteral("a"), 5000, 7000),
            record(QStringLiteral("early"), QStringLiteral("a"), 1000, 1001),
            record(QStringLiteral("never"), QStringLiteral("a"), 0, 0),
            record(QStringLiteral("running"), QStringLiteral("a"), 6000, 0),
            record(QStringLiteral("endedOnly"), QStringLiteral("a"), 0, 4000),
            record(QStringLiteral("sameMs"), QStringLiteral("a"), 4000, 4000),
        };
        const QList<StoredNode> nodes = readPackedNodeStates(packed(records));
        QCOMPARE(nodes.size(), records.size());
        const QList<qint64> durations{2000, 1, -1, -1, -1, 0};
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(nodes.at(i).nodeId, records.at(i).nodeId);
            QCOMPARE(nodes.at(i).startedAtMs, records.at(i).startedAtMs);
            QCOMPARE(nodes.at(i).endedAtMs, records.at(i).endedAtMs);
            QCOMPARE(nodes.at(i).durationMs, durations.at(i));
            QVERIFY(nodes.at(i).inputs.isNull());
            QVERIFY(nodes.at(i).logs.isNull());
        }
    }

    // A component and version pair is written once, however many nodes
    // use it; each node still reads its own.
    void componentsAreSharedNotMixedUp()
    {
        NodeRecord other = record(QStringLiteral("n2"), QStringLiteral("transform"), 1, 2);
        other.version = QStringLiteral("2.0.0");
        const QString text =
            packed({record(QStringLiteral("n1"), QStringLiteral("transform"), 1, 2), other,
                    record(QStringLiteral("n3"), QStringLiteral("noop"), 1, 2),
                    record(QStringLiteral("n4"), QStringLiteral("transform"), 1, 2)});
        QCOMPARE(text.count(QStringLiteral("\"transform\"")), 2); // 1.0.0 and 2.0.0
        QCOMPARE(text.count(QStringLiteral("\"noop\"")), 1);
        const QList<StoredNode> nodes = readPackedNodeStates(text);
        QCOMPARE(nodes.size(), 4);
        QCOMPARE(nodes.at(0).component + u' ' + nodes.at(0).version, u"transform 1.0.0"_qs);
        QCOMPARE(nodes.at(1).component + u' ' + nodes.at(1).version, u"transform 2.0.0"_qs);
        QCOMPARE(nodes.at(2).component + u' ' + nodes.at(2).version, u"noop 1.0.0"_qs);
        QCOMPARE(nodes.at(3).component + u' ' + nodes.at(3).version, u"transform 1.0.0"_qs);
    }

    // Trailing empty fields are left out, the ones before a present field
    // are null: a skipped node keeps its reason, no outputs invented.
    void trailingFieldsAreLeftOut()
    {
        NodeRecord plain = record(QStringLiteral("p"), QStringLiteral("noop"), 10, 20);
        plain.outputs = QJsonObject{{QStringLiteral("v"), 1}};
        NodeRecord skipped = record(QStringLiteral("s"), QStringLiteral("noop"), 0, 0);
        skipped.status = QStringLiteral("skipped");
        skipped.skipReason = QStringLiteral("DEPENDENCY_FAILED");
        const QString text = packed({plain, skipped});
        const QJsonArray entries = QJsonDocument::fromJson(text.toUtf8())
                                       .object()
                                       .value(QStringLiteral("nodes"))
                                       .toArray();
        QCOMPARE(entries.at(0).toArray().size(), 8);     // up to outputs
        QCOMPARE(entries.at(1).toArray().size(), 9);     // up to skip_reason
        QVERIFY(entries.at(1).toArray().at(7).isNull()); // outputs before it
        const QList<StoredNode> nodes = readPackedNodeStates(text);
        QCOMPARE(nodes.at(0).outputs.toObject(), plain.outputs);
        QVERIFY(nodes.at(0).errorCode.isEmpty());
        QVERIFY(nodes.at(1).outputs.isNull());
        QCOMPARE(nodes.at(1).skipReason, QStringLiteral("DEPENDENCY_FAILED"));
    }

    // Secrets are masked and oversized values capped, as in rows.
    void inputsAreMaskedAndCapped()
    {
        const QString secret = QStringLiteral("hunter2-very-secret-value");
        NodeRecord r = record(QStringLiteral("n"), QStringLiteral("http"), 1, 2);
        r.inputs = QJsonObject{{QStringLiteral("password"), secret}, {QStringLiteral("v"), 1}};
        r.outputs = QJsonObject{{QStringLiteral("big"), QString(kMaxJsonColumnBytes, u'x')}};
        const QString text = packed({r});
        QVERIFY(!text.contains(secret));
        const QList<StoredNode> nodes = readPackedNodeStates(text);
        QCOMPARE(nodes.size(), 1);
        QCOMPARE(nodes.first().inputs.toObject().value(QStringLiteral("v")).toInt(), 1);
        QVERIFY(nodes.first().inputs.toObject().value(QStringLiteral("password")).toString() !=
                secret);
        QVERIFY(isTruncatedMarker(nodes.first().outputs.toObject()));
    }

    void noNodesIsAnEmptyDocument()
    {
        const QString text = PackedNodeStatesWriter().take();
        QVERIFY(!QJsonDocument::fromJson(text.toUtf8()).isNull());
        QVERIFY(readPackedNodeStates(text).isEmpty());
    }

    // A format 2 text written by hand from docs/engine-persistence.md, not
    // by the writer: the stored format itself, field by field. Times chain:
    // each is the difference from the time before it in the text, a null
    // one leaves the chain as it is.
    void handWrittenFormat2Reads()
    {
        const QString text = QString::fromUtf8(
            R"js({"format":2,"nodes":[)js"
            R"js(["fetch",0,"completed",1,1763700000100,150,{"url":"https://example.com"},)js"
            R"js({"status":200},null,null,null,["GET https://example.com -> 200 (5 bytes)"]],)js"
            R"js(["decide",1,"failed",3,-50,20,null,{"why":"late"},null,"EXECUTION_TIMEOUT",)js"
            R"js("took \u0022too\u0022 long"],)js"
            R"js(["skipped",1,"skipped",0,null,null,null,null,"BRANCH_NOT_TAKEN"],)js"
            R"js(["waiting",0,"running",1,1000]],)js"
            R"js("components":[["http-request","1.0.0"],["transform","2.1.0"]]})js");
        const QList<StoredNode> nodes = readPackedNodeStates(text);
        QCOMPARE(nodes.size(), 4);

        const StoredNode &fetch = nodes.at(0);
        QCOMPARE(fetch.nodeId, u"fetch"_qs);
        QCOMPARE(fetch.component, u"http-request"_qs);
        QCOMPARE(fetch.version, u"1.0.0"_qs);
        QCOMPARE(fetch.status, u"completed"_qs);
        QCOMPARE(fetch.attempt, 1);
        QCOMPARE(fetch.startedAtMs, 1763700000100);
        QCOMPARE(fetch.endedAtMs, 1763700000250);
        QCOMPARE(fetch.durationMs, 150);
        QCOMPARE(fetch.inputs.toObject(),
                 (QJsonObject{{QStringLiteral("url"), QStringLiteral("https://example.com")}}));
        QCOMPARE(fetch.outputs.toObject(), (QJsonObject{{QStringLiteral("status"), 200}}));
        QVERIFY(fetch.skipReason.isEmpty());
        QVERIFY(fetch.errorCode.isEmpty());
        QVERIFY(fetch.errorMessage.isEmpty());
        QCOMPARE(fetch.logs.toArray(),
                 (QJsonArray{QStringLiteral("GET https://example.com -> 200 (5 bytes)")}));

        const StoredNode &decide = nodes.at(1);
        QCOMPARE(decide.nodeId, u"decide"_qs);
        QCOMPARE(decide.component, u"transform"_qs);
        QCOMPARE(decide.version, u"2.1.0"_qs);
        QCOMPARE(decide.status, u"failed"_qs);
        QCOMPARE(decide.attempt, 3);
        QCOMPARE(decide.startedAtMs, 1763700000200); // 250 - 50
        QCOMPARE(decide.endedAtMs, 1763700000220);
        QCOMPARE(decide.durationMs, 20);
        QVERIFY(decide.inputs.isNull());
        QCOMPARE(decide.outputs.toObject(), (QJsonObject{{QStringLiteral("why"), "late"}}));
        QVERIFY(decide.skipReason.isEmpty());
        QCOMPARE(decide.errorCode, u"EXECUTION_TIMEOUT"_qs);
        QCOMPARE(decide.errorMessage, u"took \"too\" long"_qs);
        QVERIFY(decide.logs.isNull()); // a trailing null left out

        const StoredNode &skipped = nodes.at(2);
        QCOMPARE(skipped.nodeId, u"skipped"_qs);
        QCOMPARE(skipped.component, u"transform"_qs);
        QCOMPARE(skipped.status, u"skipped"_qs);
        QCOMPARE(skipped.attempt, 0);
        QCOMPARE(skipped.startedAtMs, 0);
        QCOMPARE(skipped.endedAtMs, 0);
        QCOMPARE(skipped.durationMs, -1);
        QVERIFY(skipped.inputs.isNull());
        QVERIFY(skipped.outputs.isNull());
        QCOMPARE(skipped.skipReason, u"BRANCH_NOT_TAKEN"_qs);
        QVERIFY(skipped.errorCode.isEmpty());

        const StoredNode &waiting = nodes.at(3);
        QCOMPARE(waiting.nodeId, u"waiting"_qs);
        QCOMPARE(waiting.component, u"http-request"_qs);
        QCOMPARE(waiting.version, u"1.0.0"_qs);
        QCOMPARE(waiting.status, u"running"_qs);
        QCOMPARE(waiting.attempt, 1);
        QCOMPARE(waiting.startedAtMs, 1763700001220); // 220 + 1000: the null ones skipped
        QCOMPARE(waiting.endedAtMs, 0);
        QCOMPARE(waiting.durationMs, -1);
        QVERIFY(waiting.inputs.isNull());
        QVERIFY(waiting.logs.isNull());
    }

    // Format 1, as the first schema v6 builds wrote it.
    void firstFormatStillReads()
    {
        const QString text = QStringLiteral(
            R"([{"node_id":"a","component":"delay","version":"1.0.0","status":"completed",)"
            R"("attempt":1,"outputs":{"v":7},"started_at":1100,"ended_at":1150,"duration_ms":50},)"
            R"({"node_id":"c","component":"delay","version":"1.0.0","status":"skipped",)"
            R"("attempt":0,"skip_reason":"DEPENDENCY_FAILED"}])");
        const QList<StoredNode> nodes = readPackedNodeStates(text);
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(nodes.at(0).nodeId, QStringLiteral("a"));
        QCOMPARE(nodes.at(0).outputs.toObject().value(QStringLiteral("v")).toInt(), 7);
        QCOMPARE(nodes.at(0).startedAtMs, 1100);
        QCOMPARE(nodes.at(0).durationMs, 50);
        QCOMPARE(nodes.at(1).skipReason, QStringLiteral("DEPENDENCY_FAILED"));
        QCOMPARE(nodes.at(1).startedAtMs, 0);
        QCOMPARE(nodes.at(1).durationMs, -1);
        QVERIFY(nodes.at(1).inputs.isNull());
    }

    void damagedTextsReadAsNothingUsable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("nodes");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("not json") << QStringLiteral("{\"format\":2,\"nodes\":[[") << 0;
        QTest::newRow("unknown format") << QStringLiteral(R"({"format":3,"nodes":[["a"]]})") << 0;
        QTest::newRow("no format") << QStringLiteral(R"({"nodes":[["a"]]})") << 0;
        QTest::newRow("scalar") << QStringLiteral("42") << 0;
        // Entries that lost fields still read, their missing parts empty.
        QTest::newRow("short entry") << QStringLiteral(R"({"format":2,"nodes":[["a"]]})") << 1;
        QTest::newRow("bad component index")
            << QStringLiteral(R"({"format":2,"nodes":[["a",7,"completed",1]],"components":[]})")
            << 1;
        QTest::newRow("entry not an array")
            << QStringLiteral(R"({"format":2,"nodes":[{"node_id":"a"}]})") << 1;
    }

    void damagedTextsReadAsNothingUsable()
    {
        QFETCH(QString, text);
        QFETCH(int, nodes);
        const QList<StoredNode> read = readPackedNodeStates(text);
        QCOMPARE(read.size(), nodes);
        for (const StoredNode &n : read) {
            QVERIFY(n.component.isEmpty());
            QCOMPARE(n.startedAtMs, 0);
            QCOMPARE(n.durationMs, -1);
            QVERIFY(n.outputs.isNull());
        }
    }
};

QTEST_GUILESS_MAIN(TestPackedNodeStates)
#include "TestPackedNodeStates.moc"
