// Finished executions stay in memory for stateExpiryMs after their end,
// then go, blobs included; running ones never expire.

#include "EngineFixtures.h"

#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;

class TestStateExpiry : public QObject
{
    Q_OBJECT
private slots:
    void expiresAfterConfiguredTime();
    void expiresOnItsOwnTimer();
    void oldestGoBeyondTheCap();
    void keptUntilTheirHistoryIsDurable();
};

void TestStateExpiry::expiresAfterConfiguredTime()
{
    qint64 clock = 1'000'000;
    EngineOptions options;
    options.stateExpiryMs = 24LL * 60 * 60 * 1000;
    options.clock = [&clock] { return clock; };
    Harness h(options);
    auto flow = h.compile(FlowBuilder().node("A", "ctl").node("B", "ctl"));
    const QString id = h.start(flow);
    h.ctl->complete(id + "/A", {{"big", QString(70 * 1024, QChar('y'))}});
    QCOMPARE(h.scheduler->blobs().blobCount(id), 1);
    clock += 10;
    h.ctl->complete(id + "/B");
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    const QString running = h.start(flow);

    clock += options.stateExpiryMs - 1;
    QCOMPARE(h.scheduler->purgeExpired(clock), 0);
    QVERIFY(h.scheduler->snapshot(id).ok());
    clock += 1;
    QCOMPARE(h.scheduler->purgeExpired(clock), 1);
    QCOMPARE(h.scheduler->snapshot(id).error().code, ErrorCode::ExecutionNotFound);
    QCOMPARE(h.scheduler->blobs().blobCount(id), 0);
    // Still running: kept however old.
    QCOMPARE(h.scheduler->purgeExpired(clock + options.stateExpiryMs * 10), 0);
    QVERIFY(h.scheduler->snapshot(running).ok());
}

void TestStateExpiry::expiresOnItsOwnTimer()
{
    EngineOptions options;
    options.stateExpiryMs = 1;
    Harness h(options);
    auto flow = h.compile(FlowBuilder().node("A"));
    const QString id = h.start(flow);
    QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QVERIFY(QTest::qWaitFor([&] { return h.scheduler->executionCount() == 0; }));
}

void TestStateExpiry::oldestGoBeyondTheCap()
{
    EngineOptions options;
    options.maxFinishedInMemory = 3;
    Harness h(options);
    auto flow = h.compile(FlowBuilder().node("A"));
    auto slow = h.compile(FlowBuilder().node("A", "ctl"));
    const QString running = h.start(slow); // not finished: never counted
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << h.start(flow);
        QCOMPARE(h.statusOf(ids.last()), ExecutionStatus::Completed);
    }
    // Not inline: the purge runs on the next timer turn.
    QCOMPARE(h.scheduler->executionCount(), 6);
    QVERIFY(QTest::qWaitFor([&] { return h.scheduler->executionCount() == 4; }));
    QCOMPARE(h.scheduler->status(ids.at(0)), std::nullopt);
    QCOMPARE(h.scheduler->status(ids.at(1)), std::nullopt);
    for (int i = 2; i < 5; ++i)
        QCOMPARE(h.scheduler->status(ids.at(i)), ExecutionStatus::Completed);
    QVERIFY(h.scheduler->status(running).has_value());
    // The day-long expiry is still pending for the ones kept.
    QCOMPARE(h.scheduler->purgeExpired(0), 0);
}

void TestStateExpiry::keptUntilTheirHistoryIsDurable()
{
    // Over the cap, an execution whose final record is not in the store yet
    // stays: it is the only copy a reader could find. The scheduler asks the
    // journal for that record and purges once it is durable.
    EngineOptions options;
    options.maxFinishedInMemory = 2;
    Harness h(options);
    h.journal.holdDurability = true;
    auto flow = h.compile(FlowBuilder().node("A"));
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << h.start(flow);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(h.statusOf(id), ExecutionStatus::Completed);
    QTest::qWait(20); // purge timer turns
    QCOMPARE(h.scheduler->executionCount(), 5);
    QCOMPARE(h.scheduler->purgeExpired(0), 0);
    QVERIFY(!h.journal.requested.isEmpty());

    // The first end is durable: that execution goes, the next one waits
    // for its own record, and so do the ones behind it.
    const qint64 first = h.journal.requested.last();
    h.journal.durableUpTo = first;
    h.scheduler->journalProgressed();
    QVERIFY(QTest::qWaitFor([&] { return h.scheduler->status(ids.at(0)) == std::nullopt; }));
    QTest::qWait(20);
    QCOMPARE(h.scheduler->executionCount(), 4);
    QVERIFY(h.journal.requested.last() > first);

    // Everything durable: down to the cap, the newest kept.
    h.journal.durableUpTo = h.journal.records;
    h.scheduler->journalProgressed();
    QVERIFY(QTest::qWaitFor([&] { return h.scheduler->executionCount() == 2; }));
    QCOMPARE(h.scheduler->status(ids.at(3)), ExecutionStatus::Completed);
    QCOMPARE(h.scheduler->status(ids.at(4)), ExecutionStatus::Completed);
}

QTEST_GUILESS_MAIN(TestStateExpiry)
#include "TestStateExpiry.moc"
