// EpollEventDispatcher against Qt's own dispatcher, which is the reference:
// every slot runs twice (data rows "qt" and "epoll"), on a thread of its own
// that runs the dispatcher under test, and both rows must behave the same.
// Real sockets over loopback, real timers; no sleeps.

#include "common/EpollEventDispatcher.h"
#include "common/EventDispatcher.h"

#include <QFile>
#include <QPointer>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace hm;

// Named, not anonymous: the test class's lambdas capture these (unity
// builds warn about anonymous types in them, -Wsubobject-linkage).
namespace dispatchertest {

// A thread running the dispatcher of the current data row, and a way to run
// code on it and wait for the result.
class Worker
{
public:
    explicit Worker(bool epoll)
    {
        if (epoll) {
            auto *dispatcher = new EpollEventDispatcher;
            valid = dispatcher->isValid();
            m_thread.setEventDispatcher(dispatcher);
        }
        m_thread.start();
        m_context = std::make_unique<QObject>();
        m_context->moveToThread(&m_thread);
    }
    ~Worker()
    {
        run([this] { m_context.reset(); });
        m_thread.quit();
        m_thread.wait();
    }
    // Runs `work` on the thread and waits for it. A dispatcher that never
    // runs the posted call would hang the test until ctest's timeout and
    // say nothing (a sanitizer run once did, in manyConnectionsEcho(epoll)):
    // it stops the test with a message instead.
    void run(const std::function<void()> &work)
    {
        QSemaphore done;
        QMetaObject::invokeMethod(
            m_context.get(),
            [&work, &done] {
                work();
                done.release();
            },
            Qt::QueuedConnection);
        if (!done.tryAcquire(1, kStuckMs))
            qFatal("the dispatcher's thread did not run a posted call within %d ms: stuck",
                   kStuckMs);
    }
    static constexpr int kStuckMs = 60000;
    QObject *context() const { return m_context.get(); }
    QThread *thread() { return &m_thread; }

    bool valid = true;

private:
    QThread m_thread;
    std::unique_ptr<QObject> m_context;
};

void addRows()
{
    QTest::addColumn<bool>("epoll");
    QTest::newRow("qt") << false;
    QTest::newRow("epoll") << true;
}

// The rows above plus one where the sockets are background ones
// (serveInBackground): served from the nested set, they must behave the same.
void addRowsWithBackground()
{
    QTest::addColumn<bool>("epoll");
    QTest::addColumn<bool>("background");
    QTest::newRow("qt") << false << false;
    QTest::newRow("epoll") << true << false;
    QTest::newRow("epoll, background") << true << true;
}

// Marks a connected socket as background traffic, checked.
void markBackground(QTcpSocket *socket, bool background)
{
    if (background)
        QVERIFY(serveInBackground(socket->socketDescriptor()));
}

} // namespace dispatchertest

using dispatchertest::addRows;
using dispatchertest::addRowsWithBackground;
using dispatchertest::markBackground;
using dispatchertest::Worker;

class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void postsFromOtherThreadsArriveInOrder_data() { addRows(); }
    void postsFromOtherThreadsArriveInOrder()
    {
        QFETCH(bool, epoll);
        Worker worker(epoll);
        QVERIFY(worker.valid);
        // Two posting threads; each one's posts arrive in its order, and
        // none is lost however the wake-ups interleave.
        constexpr int kPerPoster = 20000;
        std::vector<int> seenA, seenB;
        std::atomic<int> total{0};
        auto post = [&](std::vector<int> *seen) {
            for (int i = 0; i < kPerPoster; ++i) {
                QMetaObject::invokeMethod(
                    worker.context(),
                    [seen, i, &total] {
                        seen->push_back(i);
                        ++total;
                    },
                    Qt::QueuedConnection);
            }
        };
        std::unique_ptr<QThread> a(QThread::create(post, &seenA));
        std::unique_ptr<QThread> b(QThread::create(post, &seenB));
        a->start();
        b->start();
        QVERIFY(a->wait(30000));
        QVERIFY(b->wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(total.load(), 2 * kPerPoster, 30000);
        worker.run([&] {
            QCOMPARE(int(seenA.size()), kPerPoster);
            QCOMPARE(int(seenB.size()), kPerPoster);
            for (int i = 0; i < kPerPoster; ++i) {
                QCOMPARE(seenA[size_t(i)], i);
                QCOMPARE(seenB[size_t(i)], i);
            }
        });
    }

    void timersFireInDueOrderAndStop_data() { addRows(); }
    void timersFireInDueOrderAndStop()
    {
        QFETCH(bool, epoll);
        Worker worker(epoll);
        QStringList fired;
        int repeats = 0;
        std::unique_ptr<QTimer> repeating;
        worker.run([&] {
            for (const auto &[name, ms, type] :
                 {std::tuple{"c", 60, Qt::CoarseTimer}, std::tuple{"a", 5, Qt::PreciseTimer},
                  std::tuple{"b", 30, Qt::CoarseTimer}}) {
                QTimer::singleShot(ms, type, worker.context(),
                                   [&fired, name = QString::fromLatin1(name)] { fired << name; });
            }
            // A repeating timer that stops itself on its fifth time.
            repeating = std::make_unique<QTimer>();
            repeating->setInterval(2);
            QObject::connect(repeating.get(), &QTimer::timeout, [&] {
                if (++repeats == 5)
                    repeating->stop();
            });
            repeating->start();
        });
        QTRY_COMPARE_WITH_TIMEOUT(fired.size(), 3, 5000);
        QCOMPARE(fired, (QStringList{"a", "b", "c"}));
        QTRY_COMPARE(repeats, 5);
        worker.run([&] {
            QVERIFY(!repeating->isActive());
            repeating.reset();
        });
        QCOMPARE(repeats, 5);
    }

    void zeroTimerDoesNotStarvePostsOrSockets_data() { addRows(); }
    void zeroTimerDoesNotStarvePostsOrSockets()
    {
        QFETCH(bool, epoll);
        Worker worker(epoll);
        std::atomic<int> ticks{0};
        std::atomic<bool> posted{false};
        std::unique_ptr<QTimer> busy;
        worker.run([&] {
            busy = std::make_unique<QTimer>();
            busy->setInterval(0);
            QObject::connect(busy.get(), &QTimer::timeout, [&] { ++ticks; });
            busy->start();
        });
        QMetaObject::invokeMethod(
            worker.context(), [&] { posted = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(posted.load());
        QTRY_VERIFY(ticks.load() > 10);
        worker.run([&] { busy.reset(); });
    }

    void timerInfoAndRemainingTime_data() { addRows(); }
    void timerInfoAndRemainingTime()
    {
        QFETCH(bool, epoll);
        Worker worker(epoll);
        worker.run([&] {
            QObject owner;
            const int id = owner.startTimer(60000, Qt::PreciseTimer);
            QVERIFY(id > 0);
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            const auto timers = dispatcher->registeredTimers(&owner);
            QCOMPARE(timers.size(), 1);
            QCOMPARE(timers.first().timerId, id);
            QCOMPARE(timers.first().interval, 60000);
            QCOMPARE(timers.first().timerType, Qt::PreciseTimer);
            const int left = dispatcher->remainingTime(id);
            QVERIFY2(left > 50000 && left <= 60000, qPrintable(QString::number(left)));
            QCOMPARE(dispatcher->remainingTime(id + 100000), -1);
            owner.killTimer(id);
            QVERIFY(dispatcher->registeredTimers(&owner).isEmpty());
        });
    }

    void timersFollowAnObjectToAnotherThread_data() { addRows(); }
    void timersFollowAnObjectToAnotherThread()
    {
        // QObject::moveToThread asks the old dispatcher for the object's
        // timers and registers them with the new one.
        QFETCH(bool, epoll);
        Worker from(!epoll);
        Worker to(epoll);
        std::atomic<int> ticks{0};
        QTimer *timer = nullptr;
        from.run([&] {
            timer = new QTimer;
            timer->setInterval(1);
            QObject::connect(timer, &QTimer::timeout, [&] { ++ticks; });
            timer->start();
            timer->moveToThread(to.thread());
        });
        const int before = ticks.load();
        QTRY_VERIFY(ticks.load() > before + 5);
        to.run([&] {
            QVERIFY(timer->isActive());
            delete timer;
        });
    }

    void manyConnectionsEcho_data() { addRowsWithBackground(); }
    void manyConnectionsEcho()
    {
        // A server and 100 clients on the dispatcher's thread: connecting
        // (write notifiers), reading, writing and closing over loopback.
        QFETCH(bool, epoll);
        QFETCH(bool, background);
        Worker worker(epoll);
        constexpr int kClients = 100;
        std::atomic<int> echoed{0};
        std::atomic<int> closed{0};
        std::unique_ptr<QTcpServer> server;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        worker.run([&] {
            server = std::make_unique<QTcpServer>();
            QVERIFY(server->listen(QHostAddress::LocalHost));
            QObject::connect(server.get(), &QTcpServer::newConnection, [&] {
                while (QTcpSocket *peer = server->nextPendingConnection()) {
                    markBackground(peer, background);
                    QObject::connect(peer, &QTcpSocket::readyRead,
                                     [peer] { peer->write(peer->readAll()); });
                    QObject::connect(peer, &QTcpSocket::disconnected, [peer, &closed] {
                        ++closed;
                        peer->deleteLater();
                    });
                }
            });
            for (int i = 0; i < kClients; ++i) {
                auto client = std::make_unique<QTcpSocket>();
                QTcpSocket *c = client.get();
                const QByteArray message = "hello " + QByteArray::number(i) + '\n';
                auto received = std::make_shared<QByteArray>();
                QObject::connect(c, &QTcpSocket::connected, [c, message] { c->write(message); });
                QObject::connect(c, &QTcpSocket::readyRead, [c, message, received, &echoed] {
                    *received += c->readAll();
                    if (*received == message) {
                        ++echoed;
                        c->disconnectFromHost();
                    }
                });
                c->connectToHost(QHostAddress::LocalHost, server->serverPort());
                clients.push_back(std::move(client));
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(echoed.load(), kClients, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(closed.load(), kClients, 20000);
        worker.run([&] {
            clients.clear();
            server.reset();
        });
    }

    void largeWriteWaitsForTheReader_data() { addRowsWithBackground(); }
    void largeWriteWaitsForTheReader()
    {
        // 16 MiB in one write: the kernel's buffer fills, so the write
        // notifier has to be watched for real until the reader catches up.
        QFETCH(bool, epoll);
        QFETCH(bool, background);
        Worker worker(epoll);
        constexpr qint64 kBytes = 16 * 1024 * 1024;
        std::atomic<qint64> received{0};
        std::atomic<qint64> written{0};
        std::unique_ptr<QTcpServer> server;
        std::unique_ptr<QTcpSocket> writer;
        QTcpSocket *reader = nullptr;
        worker.run([&] {
            server = std::make_unique<QTcpServer>();
            QVERIFY(server->listen(QHostAddress::LocalHost));
            QObject::connect(server.get(), &QTcpServer::newConnection, [&] {
                reader = server->nextPendingConnection();
                markBackground(reader, background);
                QObject::connect(reader, &QTcpSocket::readyRead,
                                 [&] { received += reader->readAll().size(); });
            });
            writer = std::make_unique<QTcpSocket>();
            QObject::connect(writer.get(), &QTcpSocket::bytesWritten,
                             [&](qint64 bytes) { written += bytes; });
            QObject::connect(writer.get(), &QTcpSocket::connected, [&] {
                markBackground(writer.get(), background);
                writer->write(QByteArray(kBytes, 'x'));
            });
            writer->connectToHost(QHostAddress::LocalHost, server->serverPort());
        });
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), kBytes, 30000);
        QCOMPARE(written.load(), kBytes);
        worker.run([&] {
            writer.reset();
            server.reset();
        });
    }

    void notifierDeletedByAnotherInTheSamePass_data() { addRows(); }
    void notifierDeletedByAnotherInTheSamePass()
    {
        // Two pipes readable at once: whichever is activated first deletes
        // the other's notifier, which must then not be activated.
        QFETCH(bool, epoll);
        Worker worker(epoll);
        int pipes[2][2];
        QCOMPARE(::pipe(pipes[0]), 0);
        QCOMPARE(::pipe(pipes[1]), 0);
        std::atomic<int> activations{0};
        QPointer<QSocketNotifier> first, second;
        worker.run([&] {
            first = new QSocketNotifier(pipes[0][0], QSocketNotifier::Read);
            second = new QSocketNotifier(pipes[1][0], QSocketNotifier::Read);
            // Copied into both connections: it outlives this block.
            auto onActivated = [&activations, &first, &second](QSocketNotifier *self) {
                ++activations;
                QSocketNotifier *other = self == first ? second.data() : first.data();
                delete other;
                self->setEnabled(false);
            };
            QObject::connect(first.data(), &QSocketNotifier::activated,
                             [onActivated, n = first.data()] { onActivated(n); });
            QObject::connect(second.data(), &QSocketNotifier::activated,
                             [onActivated, n = second.data()] { onActivated(n); });
        });
        QCOMPARE(::write(pipes[0][1], "a", 1), 1);
        QCOMPARE(::write(pipes[1][1], "b", 1), 1);
        QTRY_COMPARE(activations.load(), 1);
        // A pass later, still one.
        worker.run([] {});
        QCOMPARE(activations.load(), 1);
        worker.run([&] {
            delete first.data();
            delete second.data();
        });
        for (auto &p : pipes) {
            ::close(p[0]);
            ::close(p[1]);
        }
    }

    void regularFileIsAlwaysReady_data() { addRows(); }
    void regularFileIsAlwaysReady()
    {
        // poll() calls a regular file readable; epoll refuses to watch one.
        QFETCH(bool, epoll);
        Worker worker(epoll);
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("data");
        file.flush();
        std::atomic<int> activations{0};
        std::atomic<bool> timerFired{false};
        QSocketNotifier *notifier = nullptr;
        worker.run([&] {
            notifier = new QSocketNotifier(file.handle(), QSocketNotifier::Read);
            QObject::connect(notifier, &QSocketNotifier::activated, [&] {
                if (++activations == 3)
                    notifier->setEnabled(false);
            });
            QTimer::singleShot(5, worker.context(), [&] { timerFired = true; });
        });
        QTRY_COMPARE(activations.load(), 3);
        QTRY_VERIFY(timerFired.load());
        worker.run([&] { delete notifier; });
    }

    void backgroundSocketsComeAfterTheOthers()
    {
        // 200 background pipes and one other, all readable in the same
        // pass (the background ones first): the other is served first, the
        // background ones a bounded batch a pass, each once; the other,
        // readable again while background ones still wait, goes first again.
        Worker worker(true);
        QVERIFY(worker.valid);
        constexpr int kBackground = 200;
        const int batch = EpollEventDispatcher::kBackgroundBatch;
        std::vector<std::array<int, 2>> pipes(kBackground + 1);
        for (auto &p : pipes)
            QCOMPARE(::pipe(p.data()), 0);
        const size_t other = kBackground;
        std::vector<int> order; // pipe index per activation, on the worker
        std::vector<std::unique_ptr<QSocketNotifier>> notifiers;
        worker.run([&] {
            for (size_t i = 0; i < pipes.size(); ++i) {
                auto notifier =
                    std::make_unique<QSocketNotifier>(pipes[i][0], QSocketNotifier::Read);
                QObject::connect(notifier.get(), &QSocketNotifier::activated, [&, i] {
                    char byte = 0;
                    QCOMPARE(::read(pipes[i][0], &byte, 1), 1);
                    order.push_back(int(i));
                });
                notifiers.push_back(std::move(notifier));
                if (i != other)
                    QVERIFY(serveInBackground(pipes[i][0]));
            }
            QVERIFY(!serveInBackground(-1)); // no notifier: nothing to mark
            QVERIFY(!static_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance())
                         ->isBackground(pipes[other][0]));
            // Written while the worker is busy here: all ready for one pass.
            for (size_t i = 0; i < pipes.size(); ++i)
                QCOMPARE(::write(pipes[i][1], "x", 1), 1);
            QAbstractEventDispatcher::instance()->processEvents(QEventLoop::AllEvents);
            QCOMPARE(int(order.size()), 1 + batch);
            QCOMPARE(order.front(), int(other));
            QCOMPARE(::write(pipes[other][1], "x", 1), 1);
            QAbstractEventDispatcher::instance()->processEvents(QEventLoop::AllEvents);
            QCOMPARE(int(order.size()), 2 + 2 * batch);
            QCOMPARE(order[size_t(1 + batch)], int(other));
            for (int pass = 0; pass < 10 && int(order.size()) < kBackground + 2; ++pass)
                QAbstractEventDispatcher::instance()->processEvents(QEventLoop::AllEvents);
        });
        worker.run([&] {
            QCOMPARE(int(order.size()), kBackground + 2);
            std::vector<int> seen(pipes.size(), 0);
            for (const int i : order)
                ++seen[size_t(i)];
            for (size_t i = 0; i < pipes.size(); ++i)
                QCOMPARE(seen[i], i == other ? 2 : 1);
            // A descriptor whose notifiers all went starts in the foreground
            // when watched again (it may be another socket by then).
            const int fd = pipes[0][0];
            notifiers[0].reset();
            QSocketNotifier again(fd, QSocketNotifier::Read);
            QVERIFY(!static_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance())
                         ->isBackground(fd));
            notifiers.clear();
        });
        for (auto &p : pipes) {
            ::close(p[0]);
            ::close(p[1]);
        }
    }

    void backgroundIsRefusedByQtsDispatcher()
    {
        // The portable entry point changes nothing under another dispatcher.
        Worker worker(false);
        int p[2];
        QCOMPARE(::pipe(p), 0);
        worker.run([&] {
            QSocketNotifier notifier(p[0], QSocketNotifier::Read);
            QVERIFY(!serveInBackground(p[0]));
        });
        ::close(p[0]);
        ::close(p[1]);
    }

    void interruptBetweenPassesEndsTheNextWait_data() { addRows(); }
    void interruptBetweenPassesEndsTheNextWait()
    {
        // QEventLoop::exit() (a thread's quit()) interrupts from another
        // thread at any moment, also after the loop checked its exit flag
        // and before its next pass: that pass must not sleep, and it still
        // serves what is ready, as Qt's does. Here the interrupt comes
        // first and the pass follows, on the thread; the guard timer ends
        // a pass that sleeps through it (the epoll dispatcher once cleared
        // the interrupt at the start of a pass and drained its wake-up, and
        // a thread's wait() after quit() hung).
        QFETCH(bool, epoll);
        Worker worker(epoll);
        int p[2];
        QCOMPARE(::pipe(p), 0);
        worker.run([&] {
            QTimer guard;
            guard.setSingleShot(true);
            bool guardFired = false;
            QObject::connect(&guard, &QTimer::timeout, [&] { guardFired = true; });
            guard.start(10000);
            int reads = 0;
            QSocketNotifier readable(p[0], QSocketNotifier::Read);
            QObject::connect(&readable, &QSocketNotifier::activated, [&] {
                char byte = 0;
                QCOMPARE(::read(p[0], &byte, 1), 1);
                ++reads;
            });
            QCOMPARE(::write(p[1], "x", 1), 1);
            QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
            dispatcher->interrupt();
            dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
            QVERIFY2(!guardFired, "the pass slept through the interrupt");
            QCOMPARE(reads, 1);
        });
        ::close(p[0]);
        ::close(p[1]);
    }

    void quitEndsAWaitWithoutTimers_data() { addRows(); }
    void quitEndsAWaitWithoutTimers()
    {
        // Nothing to do and no timer: the thread sleeps in the dispatcher
        // until quit() interrupts it.
        QFETCH(bool, epoll);
        auto worker = std::make_unique<Worker>(epoll);
        worker->run([] {});
        worker.reset(); // quit() and wait(): a lost interrupt hangs here
    }
};

QTEST_GUILESS_MAIN(TestEpollEventDispatcher)
#include "TestEpollEventDispatcher.moc"
