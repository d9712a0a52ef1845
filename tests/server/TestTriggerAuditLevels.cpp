// When TriggerAuditLog moves the trigger audit's outbox rows into
// audit_logs while triggers keep coming (docs/benchmarks.md, "The
// trigger's audit through an outbox"): not while fewer than the pressure's
// rows wait and none is old, but once that many wait, or once the oldest
// has waited the pressure's age; and everything once the triggers pause.
// A real store and a real FlowEngineHost (its write-behind queue commits
// the rows); the levels are lowered (TriggerAuditLog::setLevels) so that
// each rule shows in seconds. Triggers are recorded every 10 ms, far
// inside the idle window, so no pause starts a move while they go on; and
// the moves a pause started stop once triggers come back. Under the
// pressure the moves grow with the backlog (up to kIdleMoveRows) and are
// paced, seen through the log's moveQueued/moveEnded signals.
// (That every acknowledged trigger is audited once, across crashes:
// TestServerCrash; the moves themselves: TestAuditOutbox.)

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/engine/TriggerAudit.h"
#include "store/WriteBehindQueue.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace hm;
using namespace hm::server;
using namespace hm::test;

class TestTriggerAuditLevels : public QObject
{
    Q_OBJECT

    ServiceStore m_store;
    FlowEngineHost m_host;
    TriggerActor m_actor;
    int m_serial = 0;

    qint64 auditRows()
    {
        return m_store.db
            ->queryInt(QStringLiteral("SELECT count(*) FROM audit_logs WHERE action = "
                                      "'FLOW_TRIGGERED'"))
            .value();
    }

    engine::TriggerResult nextResult()
    {
        engine::TriggerResult result;
        result.executionId = QStringLiteral("execution-%1").arg(++m_serial);
        result.flowId = QStringLiteral("flow-1");
        result.flowVersion = QStringLiteral("1");
        result.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        return result;
    }

    struct Stream
    {
        int recorded = 0;
        qint64 movedMeanwhile = 0; // audit_logs rows when the last was recorded
    };

    // Records a trigger every 10 ms for at least `ms` and `atLeast`
    // triggers; how many moved while they went on is read before the pause.
    Stream stream(TriggerAuditLog &log, int ms, int atLeast)
    {
        const qint64 before = auditRows();
        Stream s;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms || s.recorded < atLeast) {
            log.record(m_actor, nextResult(), {}, {});
            ++s.recorded;
            QTest::qWait(10);
        }
        s.movedMeanwhile = auditRows() - before;
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        const QString started = m_store.start(m_host);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        auto user = m_store.addUser(QStringLiteral("trigger"), QStringLiteral("Adm1n!Secret"),
                                    auth::Role::User);
        QVERIFY(user);
        m_actor.userId = user.value().id;
        m_actor.ip = QStringLiteral("192.0.2.40");
        m_actor.userAgent = QStringLiteral("test");
    }
    void cleanupTestCase() { m_host.stop(); }

    void belowThePressureNothingMovesWhileTriggersGoOn()
    {
        TriggerAuditLog log(*m_store.db, m_host);
        log.setLevels({.idleMs = 2000, .pressureRows = 100000, .pressureMs = 600000});
        const qint64 before = auditRows();
        // Past the first look at the idle window (2 s): triggers came, the
        // oldest is young, so nothing moves.
        const Stream s = stream(log, 3000, 20);
        QCOMPARE(s.movedMeanwhile, 0);
        // The pause moves them all.
        QTRY_COMPARE_WITH_TIMEOUT(auditRows() - before, qint64(s.recorded), 15000);
    }

    void rowsAtThePressureMoveWhileTriggersGoOn()
    {
        TriggerAuditLog log(*m_store.db, m_host);
        log.setLevels({.idleMs = 2000, .pressureRows = 20, .pressureMs = 600000});
        const qint64 before = auditRows();
        const Stream s = stream(log, 1500, 60);
        QVERIFY2(
            s.movedMeanwhile >= 20,
            qPrintable(QStringLiteral("%1 of %2 moved").arg(s.movedMeanwhile).arg(s.recorded)));
        QTRY_COMPARE_WITH_TIMEOUT(auditRows() - before, qint64(s.recorded), 15000);
    }

    void aMoveUnderWayIsTheLastOnceTriggersComeBack()
    {
        // A move is one write of the queue: the triggers queued behind it
        // wait for it. So the moves a pause started stop at the first
        // trigger recorded, not at the first committed: that let one more
        // move start behind the first triggers of a burst (4,096 rows then,
        // ~60 ms ahead of them in the benchmark).
        TriggerAuditLog log(*m_store.db, m_host);
        log.setLevels({.idleMs = 300, .pressureRows = 100000, .pressureMs = 600000});
        const qint64 before = auditRows();
        const int backlog = 10 * TriggerAuditLog::kIdleMoveRows;
        for (int i = 0; i < backlog; ++i)
            log.record(m_actor, nextResult(), {}, {});
        // The pause starts the moves, back to back.
        QTRY_VERIFY_WITH_TIMEOUT(auditRows() > before, 15000);
        // The writer held at a gate: the move queued last waits, uncommitted
        // (before the gate, or behind it once the callbacks of the moves
        // already in have run); the trigger comes while it does.
        auto gate = std::make_shared<std::atomic<int>>(0);
        store::WriteOp hold;
        hold.sql = QStringLiteral("-- test gate");
        hold.run = [](store::Database &, const store::WriteOp &op) -> Status {
            while (op.result->load() == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return {};
        };
        hold.result = gate;
        qint64 from = 0;
        qint64 to = 0;
        QVERIFY(m_host.tryEnqueueWrite(std::move(hold), &from, &to));
        QTest::qWait(200);
        const qint64 atTrigger = auditRows();
        QVERIFY2(atTrigger - before <= backlog - TriggerAuditLog::kIdleMoveRows,
                 "the moves were over before the trigger came: nothing was tried");
        log.record(m_actor, nextResult(), {}, {});
        gate->store(1);
        // That move goes in; none follows it while triggers come.
        const Stream s = stream(log, 1000, 50);
        const qint64 meanwhile = auditRows() - atTrigger;
        QVERIFY2(meanwhile <= TriggerAuditLog::kIdleMoveRows,
                 qPrintable(QStringLiteral("%1 rows moved while triggers came (one move: %2)")
                                .arg(meanwhile)
                                .arg(TriggerAuditLog::kIdleMoveRows)));
        // The next pause moves the rest.
        QTRY_COMPARE_WITH_TIMEOUT(auditRows() - before, qint64(backlog + 1 + s.recorded), 30000);
    }

    void pressureMovesGrowWithTheBacklogAndArePaced()
    {
        // Under the pressure a move is kMoveRows per pressure level waiting
        // (at most kIdleMoveRows), and the next one starts kPressurePaceMs
        // after it ended when a trigger came meanwhile, so that the
        // triggers' own writes commit between moves (back to back they held
        // the benchmark's triggers up). Here a trigger comes during every
        // move: it is recorded as the move is queued.
        TriggerAuditLog log(*m_store.db, m_host);
        constexpr int kPressure = 300;
        log.setLevels({.idleMs = 2000, .pressureRows = kPressure, .pressureMs = 600000});
        const qint64 before = auditRows();
        struct Move
        {
            int rows = 0;
            qint64 queuedNs = 0;
            qint64 endedNs = -1;
            int moved = 0;
        };
        QList<Move> moves;
        QElapsedTimer clock;
        clock.start();
        int duringMoves = 0;
        bool pressure = true;
        connect(&log, &TriggerAuditLog::moveQueued, this, [&](int rows) {
            const qint64 now = clock.nsecsElapsed();
            // The idle window's move ends the pressure, and the triggers
            // (each would start another move a window later).
            if (!moves.isEmpty() && now - moves.last().endedNs >= 1'000'000'000)
                pressure = false;
            moves.append({rows, now});
            if (pressure) {
                log.record(m_actor, nextResult(), {}, {});
                ++duringMoves;
            }
        });
        connect(&log, &TriggerAuditLog::moveEnded, this, [&](int moved) {
            QVERIFY(!moves.isEmpty());
            moves.last().endedNs = clock.nsecsElapsed();
            moves.last().moved = moved;
        });
        const int backlog = 2000; // over 4 levels: the largest move first
        for (int i = 0; i < backlog; ++i)
            log.record(m_actor, nextResult(), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(auditRows() - before, qint64(backlog + duringMoves), 30000);

        // The moves while fewer than kPressure were left waited for the
        // idle window; the ones before are the pressure's. Each is
        // kMoveRows per kPressure waiting, from 1 to 4 of them (waiting:
        // the backlog and the triggers recorded at the moves before, less
        // what they moved; the triggers' rows may not all be in yet).
        const auto expectedRows = [&](qint64 waiting) {
            return int(std::clamp<qint64>(waiting / kPressure, 1,
                                          TriggerAuditLog::kIdleMoveRows /
                                              TriggerAuditLog::kMoveRows)) *
                   TriggerAuditLog::kMoveRows;
        };
        QVERIFY2(moves.size() >= 4, qPrintable(QString::number(moves.size())));
        qint64 waiting = backlog;
        int paced = 0;
        QSet<int> sizes;
        for (qsizetype i = 0; i < moves.size(); ++i) {
            const Move &move = moves.at(i);
            if (i > 0) {
                const Move &previous = moves.at(i - 1);
                QVERIFY(previous.endedNs >= 0 && previous.moved >= 0);
                const double gapMs = double(move.queuedNs - previous.endedNs) / 1e6;
                if (gapMs >= 1000)
                    break; // the idle window's move: the pressure was over
                // Precise timers fire on whole milliseconds: 1 ms of slack.
                QVERIFY2(gapMs >= TriggerAuditLog::kPressurePaceMs - 1,
                         qPrintable(QStringLiteral("move %1 started %2 ms after the one before")
                                        .arg(i)
                                        .arg(gapMs)));
                ++paced;
                waiting += 1 - previous.moved;
            }
            QVERIFY2(waiting >= kPressure, qPrintable(QString::number(waiting)));
            QVERIFY2(move.rows <= expectedRows(waiting) && move.rows >= expectedRows(waiting - i),
                     qPrintable(QStringLiteral("move %1: %2 rows with %3 waiting")
                                    .arg(i)
                                    .arg(move.rows)
                                    .arg(waiting)));
            sizes.insert(move.rows);
        }
        // From the largest (the clamp) down to the smallest.
        QVERIFY2(sizes.contains(TriggerAuditLog::kIdleMoveRows) &&
                     sizes.contains(TriggerAuditLog::kMoveRows),
                 qPrintable(QStringLiteral("%1 sizes").arg(sizes.size())));
        QStringList shown;
        for (qsizetype i = 0; i < moves.size(); ++i)
            shown << QStringLiteral("%1 rows (%2 moved) after %3 ms")
                         .arg(moves.at(i).rows)
                         .arg(moves.at(i).moved)
                         .arg(i == 0 ? 0.0
                                     : double(moves.at(i).queuedNs - moves.at(i - 1).endedNs) / 1e6,
                              0, 'f', 1);
        qInfo().noquote() << "moves:" << shown.join(QStringLiteral("; "));
        QVERIFY2(paced >= 3, qPrintable(QStringLiteral("%1 paced moves").arg(paced)));
    }

    void theOldestWaitingTooLongMovesWhileTriggersGoOn()
    {
        TriggerAuditLog log(*m_store.db, m_host);
        // Looked at every 0.5 s: triggers came each time, but the oldest
        // has waited over 0.3 s.
        log.setLevels({.idleMs = 500, .pressureRows = 100000, .pressureMs = 300});
        const qint64 before = auditRows();
        const Stream s = stream(log, 1500, 20);
        QVERIFY2(s.movedMeanwhile > 0,
                 qPrintable(QStringLiteral("none of %1 moved").arg(s.recorded)));
        QTRY_COMPARE_WITH_TIMEOUT(auditRows() - before, qint64(s.recorded), 15000);
    }
};

QTEST_GUILESS_MAIN(TestTriggerAuditLevels)
#include "TestTriggerAuditLevels.moc"
