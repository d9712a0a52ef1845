// The allocator the server and the console link (core/allocator): with
// HIVEMIND_JEMALLOC, jemalloc must really serve malloc() in an executable
// linked like them, not merely be loaded.

#include "allocator/Allocator.h"

#include <QTest>
#include <QThread>
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
