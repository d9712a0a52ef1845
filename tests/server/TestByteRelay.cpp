// The socket relay (ByteRelay.h, FileDownloads' data connections) on real
// loopback TCP connections, each test both ways a relay moves bytes
// (fleet/FileDataPath.h: splice through a pipe, copies through a ring),
// whichever this kernel would pick: all bytes arrive identical and the
// signals come on the owner's thread, progress adding up to what moved
// before `ended`; a slow client leaves every byte in order while the ring
// wraps (or the pipe fills); a source that ends short ends with an error,
// and so does a client that leaves (without SIGPIPE ending the process);
// stop() closes both sockets and nothing is signalled after it. Where
// there is no relay (not Linux) it is not made (skipped).

#include "FileDataPathRows.h"
#include "LoopbackSockets.h"
#include "server/services/remote/ByteRelay.h"

#include <QTest>
#include <QThread>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>
#include <vector>

using hm::server::remote::ByteRelay;
using hm::server::remote::makeSocketRelay;
using hm::server::remote::socketRelaysAvailable;

namespace {

void makeNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// The four ends a relay sits between, on two loopback connections: the
// agent's {agent, source} and the client's {sink, client}, the client's
// end with `clientReceiveBuffer` bytes of SO_RCVBUF (0: the default);
// the relay's two (source, sink) non-blocking.
struct RelayEnds
{
    hm::test::OwnedFd agent;
    hm::test::OwnedFd source;
    hm::test::OwnedFd sink;
    hm::test::OwnedFd client;
    QString error; // empty: all four are connected
};

RelayEnds relayEnds(int clientReceiveBuffer = 0)
{
    auto agentSide = hm::test::loopbackSocketPair();
    auto clientSide = hm::test::loopbackSocketPair(clientReceiveBuffer);
    RelayEnds ends{std::move(agentSide.connecting), std::move(agentSide.accepted),
                   std::move(clientSide.connecting), std::move(clientSide.accepted),
                   agentSide.error.isEmpty() ? clientSide.error : agentSide.error};
    if (ends.error.isEmpty()) {
        makeNonBlocking(ends.source.get());
        makeNonBlocking(ends.sink.get());
    }
    return ends;
}

// The byte at `offset` of the test's stream: not periodic in 1 MiB, so a
// chunk dropped, repeated or reordered shows.
char patternAt(qint64 offset)
{
    return char((offset * 7 + offset / 4093) & 0xff);
}

// Writes `count` pattern bytes to `fd` (blocking), then closes it.
void writePattern(int fd, qint64 count)
{
    std::vector<char> buffer(256 * 1024);
    for (qint64 done = 0; done < count;) {
        const qint64 n = qMin<qint64>(qint64(buffer.size()), count - done);
        for (qint64 i = 0; i < n; ++i)
            buffer[size_t(i)] = patternAt(done + i);
        const ssize_t sent = ::send(fd, buffer.data(), size_t(n), MSG_NOSIGNAL);
        if (sent <= 0)
            break;
        done += sent;
    }
    ::close(fd);
}

struct Reading
{
    qint64 received = 0;
    qint64 firstWrong = -1; // offset of the first byte not in the pattern
};

// Reads `fd` (blocking) `piece` bytes at a time until the peer closes;
// closes it.
Reading readPattern(int fd, size_t piece = 256 * 1024)
{
    Reading reading;
    std::vector<char> buffer(piece);
    for (;;) {
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n && reading.firstWrong < 0; ++i) {
            if (buffer[size_t(i)] != patternAt(reading.received + i))
                reading.firstWrong = reading.received + i;
        }
        reading.received += n;
    }
    ::close(fd);
    return reading;
}

// What a relay signalled, and on which threads.
struct Signals
{
    qint64 progressed = 0;
    bool offThread = false;
    bool ended = false;
    bool progressAfterEnd = false;
    qint64 endedMoved = -1;
    QString error;

    void watch(ByteRelay *relay)
    {
        QObject::connect(relay, &ByteRelay::progressed, relay, [this](qint64 bytes) {
            offThread |= QThread::currentThread() != qApp->thread();
            progressAfterEnd |= ended;
            progressed += bytes;
        });
        QObject::connect(relay, &ByteRelay::ended, relay,
                         [this](qint64 moved, const QString &why) {
                             offThread |= QThread::currentThread() != qApp->thread();
                             ended = true;
                             endedMoved = moved;
                             error = why;
                         });
    }
};

// What one relay of a whole pattern came to.
struct PatternRun
{
    QString problem; // empty: the relay and both ends finished in time
    Signals seen;
    Reading reading;
    qint64 moved = -1; // the relay's moved() at the end
};

// `size` pattern bytes from a writer thread through a relay to a reader
// thread that reads `piece` bytes at a time from a socket with
// `receiveBuffer` (0: the default); waits for the relay's end and the
// reader's.
PatternRun relayPattern(qint64 size, size_t piece = 256 * 1024, int receiveBuffer = 0,
                        qint64 written = -1)
{
    if (written < 0)
        written = size;
    PatternRun run;
    auto [agent, source, sink, client, error] = relayEnds(receiveBuffer);
    if (!error.isEmpty()) {
        run.problem = QStringLiteral("no loopback connection: ") + error;
        return run;
    }
    // The reader and the writer close their ends, the relay its two.
    std::atomic<bool> readDone{false};
    std::thread reader([&, fd = client.release()] {
        run.reading = readPattern(fd, piece);
        readDone = true;
    });
    std::thread writer([fd = agent.release(), written] { writePattern(fd, written); });
    auto relay =
        makeSocketRelay(source.release(), sink.release(), size, hm::test::rowFileDataPath());
    if (relay) {
        run.seen.watch(relay.get());
        relay->start();
        if (!QTest::qWaitFor([&] { return run.seen.ended; }, 120000))
            run.problem = QStringLiteral("the relay did not end");
        // The relay closed the sink: the reader sees the end.
        else if (!QTest::qWaitFor([&] { return readDone.load(); }, 120000))
            run.problem = QStringLiteral("the reader did not see the end");
        run.moved = relay->moved();
        relay->stop(); // lets a stuck reader and writer go
    } else {
        run.problem = QStringLiteral("no relay made");
    }
    writer.join();
    reader.join();
    return run;
}

} // namespace

class TestByteRelay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { hm::test::addFileDataPathRows(); }

    void init()
    {
        if (!socketRelaysAvailable())
            QSKIP("no relay here: downloads keep the WebSocket's frames");
    }

    void allBytesArriveIdenticalAndTheSignalsComeOnTheOwnersThread()
    {
        const qint64 size = 48LL * 1024 * 1024 + 12345;
        const PatternRun run = relayPattern(size);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.seen.error, QString());
        QCOMPARE(run.seen.endedMoved, size);
        QCOMPARE(run.moved, size);
        QCOMPARE(run.seen.progressed, size);
        QVERIFY(!run.seen.offThread);
        QVERIFY(!run.seen.progressAfterEnd);
        QCOMPARE(run.reading.received, size);
        QCOMPARE(run.reading.firstWrong, -1);
    }

    // A client slower than the agent: the client's socket fills, the relay
    // reads on into its ring while it waits, and what it holds wraps round
    // the ring's end again and again (a ring of 4 MiB, 40 MiB moved), or
    // its pipe stays full while the relay waits for the client. A byte
    // written over before it went out, sent twice or out of order shows in
    // the pattern.
    void aSlowClientLeavesEveryByteInOrderAsTheRingWraps()
    {
        const qint64 size = 40LL * 1024 * 1024 + 4093;
        // Small, odd pieces through a small window: the client takes far
        // longer per byte than the writer, so the sink is full whenever the
        // relay holds bytes.
        const PatternRun run = relayPattern(size, 7001, 16 * 1024);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.seen.error, QString());
        QCOMPARE(run.seen.endedMoved, size);
        QCOMPARE(run.reading.received, size);
        QCOMPARE(run.reading.firstWrong, -1);
    }

    void aSourceThatEndsShortEndsWithAnError()
    {
        const qint64 size = 8LL * 1024 * 1024;
        const PatternRun run = relayPattern(size, 256 * 1024, 0, size / 2);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QVERIFY2(
            run.seen.error.contains(QStringLiteral("ended after %1 of %2").arg(size / 2).arg(size)),
            qPrintable(run.seen.error));
        QCOMPARE(run.seen.endedMoved, size / 2);
        QCOMPARE(run.seen.progressed, size / 2);
        QCOMPARE(run.reading.received, size / 2);
        QCOMPARE(run.reading.firstWrong, -1);
    }

    // An agent that sends more than the file's length: the client's answer
    // gets the length and not a byte more (anything after it would be read
    // as the connection's next answer).
    void aSourceThatSendsMoreGivesTheClientNoMore()
    {
        const qint64 size = 8LL * 1024 * 1024 + 77;
        const PatternRun run = relayPattern(size, 256 * 1024, 0, size + 1024 * 1024);
        QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
        QCOMPARE(run.seen.error, QString());
        QCOMPARE(run.seen.endedMoved, size);
        QCOMPARE(run.reading.received, size);
        QCOMPARE(run.reading.firstWrong, -1);
    }

    // The client goes away mid-way: with unread bytes (a reset), or the
    // client's socket shut for writing under the relay (as the HTTP side
    // does when it gives a connection up). The relay ends with the
    // client's error, and the SIGPIPE a splice into a dead socket raises
    // (splice takes no MSG_NOSIGNAL) does not end the process: this one
    // does not ignore SIGPIPE, as the server does not.
    void aClientThatLeavesEndsTheRelayWithAnError_data()
    {
        QTest::addColumn<bool>("shutSink");
        QTest::newRow("client resets") << false;
        QTest::newRow("sink shut down") << true;
    }

    void aClientThatLeavesEndsTheRelayWithAnError()
    {
        QFETCH(bool, shutSink);
        const qint64 size = 256LL * 1024 * 1024; // far more than the buffers hold
        auto [agent, source, sink, client, error] = relayEnds();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Still the relay's after it was handed over: shut down under it.
        const int sinkFd = sink.get();
        std::thread writer([fd = agent.release(), size] { writePattern(fd, size); });
        auto relay =
            makeSocketRelay(source.release(), sink.release(), size, hm::test::rowFileDataPath());
        QVERIFY(relay);
        Signals seen;
        seen.watch(relay.get());
        relay->start();
        QTRY_VERIFY_WITH_TIMEOUT(relay->moved() > 1024 * 1024, 60000);
        if (shutSink)
            ::shutdown(sinkFd, SHUT_WR); // the relay's next write: EPIPE
        // Unread bytes in its buffer: closing resets the connection.
        client.reset();
        QTRY_VERIFY_WITH_TIMEOUT(seen.ended, 60000);
        QVERIFY2(seen.error.contains(QLatin1String("the client's connection failed")),
                 qPrintable(seen.error));
        QVERIFY(seen.endedMoved < size);
        // The relay closed the agent's side: the writer stops.
        writer.join();
    }

    void stopClosesBothSocketsAndNothingIsSignalledAfterIt()
    {
        const qint64 size = 1024LL * 1024 * 1024; // more than the test sends
        auto [agent, source, sink, client, error] = relayEnds();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Reading reading;
        std::atomic<bool> readDone{false};
        std::thread reader([&, fd = client.release()] {
            reading = readPattern(fd);
            readDone = true;
        });
        // The agent's end stays open: only stop() can end this relay.
        std::thread writer([fd = agent.get()] {
            std::vector<char> buffer(64 * 1024);
            for (qint64 done = 0; done < 4LL * 1024 * 1024;) {
                for (size_t i = 0; i < buffer.size(); ++i)
                    buffer[i] = patternAt(done + qint64(i));
                const ssize_t n = ::send(fd, buffer.data(), buffer.size(), MSG_NOSIGNAL);
                if (n <= 0)
                    return;
                done += n;
            }
        });

        auto relay =
            makeSocketRelay(source.release(), sink.release(), size, hm::test::rowFileDataPath());
        QVERIFY(relay);
        Signals seen;
        seen.watch(relay.get());
        relay->start();
        QTRY_VERIFY_WITH_TIMEOUT(relay->moved() > 0, 60000);
        writer.join();
        relay->stop();
        const qint64 progressedAtStop = seen.progressed;
        // The client's end sees the sink closed.
        QTRY_VERIFY_WITH_TIMEOUT(readDone.load(), 60000);
        reader.join();
        // Whatever the relay's thread had queued before stop() is dropped.
        QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(!seen.ended);
        QCOMPARE(seen.progressed, progressedAtStop);
        QVERIFY(relay->moved() <= 4LL * 1024 * 1024);
        QCOMPARE(reading.received, relay->moved());
        QCOMPARE(reading.firstWrong, -1);
        // The source was closed too: the agent's end reads its end (a
        // reset when bytes were still unread there). A time limit turns a
        // source left open into a failure rather than a hang.
        timeval limit{};
        limit.tv_sec = 30;
        ::setsockopt(agent.get(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        char byte;
        const ssize_t n = ::recv(agent.get(), &byte, 1, 0);
        QVERIFY2(n == 0 || (n < 0 && errno == ECONNRESET), "the source is still open");
    }
};

QTEST_GUILESS_MAIN(TestByteRelay)
#include "TestByteRelay.moc"
