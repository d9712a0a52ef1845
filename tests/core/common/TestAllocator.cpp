// The allocator the server and the console link (core/allocator): with
// HIVEMIND_JEMALLOC, jemalloc must really serve malloc() in an executable
// linked like them, not merely be loaded.

#include "allocator/Allocator.h"

#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>

class TestAllocator : public QObject
{
    Q_OBJECT

private slots:
    void servesMalloc()
    {
#ifdef EXPECT_JEMALLOC
        QVERIFY(hm::allocator::usingJemalloc());
        QVERIFY2(hm::allocator::description().startsWith(QLatin1String("jemalloc 5.")),
                 qPrintable(hm::allocator::description()));
#else
        QVERIFY(!hm::allocator::usingJemalloc());
        QCOMPARE(hm::allocator::description(), QStringLiteral("system malloc"));
#endif
    }

    // What memory benchmarks read: it must follow the allocator actually
    // in use (glibc's counters stay still under jemalloc).
    void countsWhatIsHeld()
    {
        constexpr qsizetype kBytes = 8 * 1024 * 1024;
        const qint64 before = hm::allocator::allocatedBytes();
        QVERIFY(before > 0);
        std::unique_ptr<char[]> block(new char[kBytes]);
        std::fill_n(block.get(), kBytes, char(1));
        const qint64 holding = hm::allocator::allocatedBytes();
        QVERIFY2(holding - before >= kBytes, qPrintable(QString::number(holding - before)));
        block.reset();
        QVERIFY(hm::allocator::allocatedBytes() < holding - kBytes / 2);
    }

    void answersFromOtherThreads()
    {
        // The probe allocates on the calling thread: worker threads see the
        // same allocator as the main one.
        bool onWorker = false;
        std::unique_ptr<QThread> worker(
            QThread::create([&] { onWorker = hm::allocator::usingJemalloc(); }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QCOMPARE(onWorker, hm::allocator::usingJemalloc());
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "TestAllocator.moc"
