// ExecutionWatcher (core/client) across lost connections, against the real
// hivemind-server: resume() carries on by sequence number, so that every
// event number of the execution is either passed on exactly once or
// covered by a resumed connection's snapshot, and the state rebuilt from
// snapshots and events is exactly the server's.
//
// The execution is a chain of http-request nodes calling a HeldHttp, so the
// test decides when each node ends: the connection is dropped while a node
// waits, nodes end while nobody watches, and the watcher resumes.

#include "FlowTestSupport.h"
#include "HeldHttp.h"
#include "client/ExecutionWatcher.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <map>

using namespace hm::test;
using hm::client::ExecutionWatcher;

namespace {

constexpr int kWaitMs = 30000;

QJsonObject heldChain(int length)
{
    QJsonArray nodes;
    QJsonArray edges;
    for (int i = 0; i < length; ++i) {
        nodes.append(
            flowNode(QStringLiteral("h%1").arg(i), "http-request", {{"url", "$.trigger.url"}}));
        if (i > 0)
            edges.append(flowEdge(QStringLiteral("h%1").arg(i - 1), QStringLiteral("h%1").arg(i)));
    }
    return flowDefinition(nodes, edges);
}

// What a consumer of the watcher builds: node states from snapshots and
// events, and the account of every sequence number.
struct Replay
{
    QHash<QString, QString> nodes;
    QString status;
    std::map<qint64, int> applied;        // event seq -> times passed on
    QList<QPair<qint64, qint64>> covered; // (previous, snapshot seq] of resumes
    qint64 firstSnapshotSeq = -1;
    int snapshots = 0;
    bool closed = false;
    int code = 0;

    void attach(ExecutionWatcher &w)
    {
        QObject::connect(&w, &ExecutionWatcher::snapshot, [this](const QJsonObject &m) {
            ++snapshots;
            if (firstSnapshotSeq < 0)
                firstSnapshotSeq = m.value("seq").toInteger();
            status = m.value("execution").toObject().value("status").toString();
            for (const QJsonValue n : m.value("nodes").toArray())
                nodes[n.toObject().value("node_id").toString()] =
                    n.toObject().value("status").toString();
        });
        QObject::connect(&w, &ExecutionWatcher::resumed, [this](qint64 previous, qint64 seq) {
            covered.append({previous, seq});
        });
        QObject::connect(&w, &ExecutionWatcher::event, [this](const QJsonObject &e) {
            ++applied[e.value("seq").toInteger()];
            const QString type = e.value("type").toString();
            const QString node = e.value("node_id").toString();
            if (type == QLatin1String("node_started"))
                nodes[node] = QStringLiteral("running");
            else if (type == QLatin1String("node_completed"))
                nodes[node] = QStringLiteral("completed");
            else if (type == QLatin1String("node_failed"))
                nodes[node] = e.value("will_retry").toBool() ? QStringLiteral("running")
                                                             : QStringLiteral("failed");
            else if (type == QLatin1String("execution_started"))
                status = QStringLiteral("running");
            else if (type == QLatin1String("execution_completed"))
                status = e.value("status").toString();
        });
        QObject::connect(&w, &ExecutionWatcher::closed, [this](int c, const QString &) {
            closed = true;
            code = c;
        });
    }
    // Every number after the first snapshot's up to `last` is passed on
    // once or covered by a resume, never both; empty when so.
    QString accountProblem(qint64 last) const
    {
        for (qint64 seq = firstSnapshotSeq + 1; seq <= last; ++seq) {
            const int times = applied.count(seq) ? applied.at(seq) : 0;
            bool inCover = false;
            for (const auto &[from, to] : covered)
                inCover = inCover || (seq > from && seq <= to);
            if (times > 1)
                return QStringLiteral("seq %1 passed on %2 times").arg(seq).arg(times);
            if (times == 1 && inCover)
                return QStringLiteral("seq %1 passed on and covered by a snapshot").arg(seq);
            if (times == 0 && !inCover)
                return QStringLiteral("seq %1 missed").arg(seq);
        }
        if (!applied.empty() && applied.rbegin()->first > last)
            return QStringLiteral("seq %1 beyond the last %2")
                .arg(applied.rbegin()->first)
                .arg(last);
        return {};
    }
};

} // namespace

class TestExecutionWatcherResume : public QObject, private ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = startServer();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Dropped twice mid-run (nodes end while nobody watches), resumed each
    // time: every sequence number is accounted for exactly once and the
    // replayed state equals the server's.
    void resumeMissesAndRepeatsNothing()
    {
        const int length = 5;
        const QString flowId =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("resume"), heldChain(length));
        QVERIFY(!flowId.isEmpty());
        HeldHttp held;
        const Answer ran = triggerFlow(*m_http, m_admin, flowId, {{"url", held.url().toString()}});
        QCOMPARE(ran.status, 200);
        const QString id = ran.data().value("execution_id").toString();

        ExecutionWatcher watcher;
        Replay replay;
        replay.attach(watcher);
        QSignalSpy resumed(&watcher, &ExecutionWatcher::resumed);
        watcher.watch(m_http->base(), id, m_admin);
        QVERIFY(held.waitRequests(1)); // h0 runs
        QVERIFY(QTest::qWaitFor([&] { return replay.snapshots == 1; }, kWaitMs));

        for (int drop = 0; drop < 2; ++drop) {
            // Lost: closed(1006), nothing more arrives.
            const qint64 before = watcher.lastSequence();
            replay.closed = false;
            watcher.abort(QStringLiteral("test drops the connection"));
            QVERIFY(QTest::qWaitFor([&] { return replay.closed; }, kWaitMs));
            QCOMPARE(replay.code, int(ExecutionWatcher::Abnormal));
            // Two nodes end and a third starts while nobody watches.
            const int node = drop * 2;
            held.release(node);
            QVERIFY(held.waitRequests(node + 2));
            held.release(node + 1);
            QVERIFY(held.waitRequests(node + 3));
            QCOMPARE(watcher.lastSequence(), before);

            watcher.resume(m_admin);
            QVERIFY(QTest::qWaitFor([&] { return resumed.size() == drop + 1; }, kWaitMs));
            QCOMPARE(resumed.last().at(0).toLongLong(), before);
            // While away: the running node completed, the next started and
            // completed, the third started = 4 events, covered by the
            // snapshot.
            QVERIFY2(
                resumed.last().at(1).toLongLong() == before + 4,
                qPrintable(
                    QStringLiteral("%1 -> %2").arg(before).arg(resumed.last().at(1).toLongLong())));
            QCOMPARE(replay.nodes.value(QStringLiteral("h%1").arg(node + 1)),
                     QStringLiteral("completed"));
            QCOMPARE(replay.nodes.value(QStringLiteral("h%1").arg(node + 2)),
                     QStringLiteral("running"));
        }
        held.release(4);
        replay.closed = false;
        QVERIFY(QTest::qWaitFor([&] { return replay.closed; }, kWaitMs));
        QCOMPARE(replay.code, 1000);
        QCOMPARE(watcher.resumeCount(), 2);
        QCOMPARE(watcher.duplicatesDropped(), 0);
        QCOMPARE(replay.snapshots, 3);

        // The server's account: its final snapshot's number is the last
        // event's, and its statuses are the replay's.
        const Answer status = m_http->get("/api/v1/executions/" + id + "/status", m_admin);
        QCOMPARE(status.status, 200);
        const qint64 last = status.data().value("event_sequence").toInteger();
        QCOMPARE(watcher.lastSequence(), last);
        const QString account = replay.accountProblem(last);
        QVERIFY2(account.isEmpty(), qPrintable(account));
        QCOMPARE(replay.status, status.data().value("status").toString());
        QCOMPARE(replay.status, QStringLiteral("completed"));
        QCOMPARE(replay.nodes.size(), length);
        for (const QJsonValue n : status.data().value("nodes").toArray())
            QCOMPARE(replay.nodes.value(n.toObject().value("node_id").toString()),
                     n.toObject().value("status").toString());
    }

    // A connection refused on resume (here: the execution ended meanwhile)
    // gets the final snapshot; nothing more is passed on twice.
    void resumeAfterTheEndGetsTheFinalSnapshot()
    {
        const QString flowId =
            createPublishedFlow(*m_http, m_admin, QStringLiteral("resume-end"), heldChain(2));
        QVERIFY(!flowId.isEmpty());
        HeldHttp held;
        const Answer ran = triggerFlow(*m_http, m_admin, flowId, {{"url", held.url().toString()}});
        QCOMPARE(ran.status, 200);
        const QString id = ran.data().value("execution_id").toString();
        ExecutionWatcher watcher;
        Replay replay;
        replay.attach(watcher);
        watcher.watch(m_http->base(), id, m_admin);
        QVERIFY(held.waitRequests(1));
        QVERIFY(QTest::qWaitFor([&] { return replay.snapshots == 1; }, kWaitMs));
        watcher.abort(QStringLiteral("test"));
        QVERIFY(QTest::qWaitFor([&] { return replay.closed; }, kWaitMs));
        held.answerAll(200);
        QVERIFY(QTest::qWaitFor(
            [&] { return executionStatus(*m_http, m_admin, id) == QLatin1String("completed"); },
            kWaitMs));
        replay.closed = false;
        watcher.resume(m_admin);
        QVERIFY(QTest::qWaitFor([&] { return replay.closed; }, kWaitMs));
        QCOMPARE(replay.code, 1000);
        QCOMPARE(replay.snapshots, 2);
        QCOMPARE(replay.status, QStringLiteral("completed"));
        QCOMPARE(replay.nodes.value("h1"), QStringLiteral("completed"));
        const qint64 last = m_http->get("/api/v1/executions/" + id + "/status", m_admin)
                                .data()
                                .value("event_sequence")
                                .toInteger();
        const QString account = replay.accountProblem(last);
        QVERIFY2(account.isEmpty(), qPrintable(account));
    }
};

QTEST_GUILESS_MAIN(TestExecutionWatcherResume)
#include "TestExecutionWatcherResume.moc"
