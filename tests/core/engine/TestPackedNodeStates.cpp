#include "engine/persistence/JsonColumn.h"
#include "engine/persistence/PackedNodeStates.h"

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
