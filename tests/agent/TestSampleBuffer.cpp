// The agent's on-disk report buffer: order, acknowledgement, bounds, and
// what survives a restart or a crash in the middle of a write.

#include "agent/SampleBuffer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::agent;

namespace {

fleet::ReportMessage sample(double value)
{
    fleet::ReportMessage report;
    report.timeMs = 1700000000000LL + qint64(value);
    report.metrics = {{QStringLiteral("cpu_usage"), value}, {QStringLiteral("load_avg_1"), 0.5}};
    return report;
}

QList<qint64> seqs(const QList<fleet::ReportMessage> &reports)
{
    QList<qint64> out;
    for (const auto &report : reports)
        out.append(report.seq);
    return out;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> out;
    for (qint64 seq = first; seq <= last; ++seq)
        out.append(seq);
    return out;
}

// What a crash leaves: the files as they are now, copied while the buffer
// is still open (its destructor, the clean shutdown, never runs for them).
void copyFiles(const QString &from, const QString &to)
{
    const QDir source(from);
    for (const QString &name : source.entryList(QDir::Files))
        QVERIFY(QFile::copy(source.filePath(name), QDir(to).filePath(name)));
}

} // namespace

class TestSampleBuffer : public QObject
{
    Q_OBJECT
private slots:
    void appendsInOrder()
    {
        QTemporaryDir dir;
        auto buffer = SampleBuffer::open(dir.path(), {1000, 1 << 20, 3});
        QVERIFY(buffer.ok());
        auto &b = **buffer;
        for (int i = 1; i <= 8; ++i) {
            const auto seq = b.append(sample(i));
            QVERIFY(seq.ok());
            QCOMPARE(*seq, qint64(i));
        }
        QCOMPARE(b.lastSeq(), 8);
        QCOMPARE(b.pendingCount(), 8);
        const auto all = b.pending(1, 100);
        QCOMPARE(seqs(all), range(1, 8));
        QCOMPARE(all.at(4).metrics, sample(5).metrics);
        QCOMPARE(all.at(4).timeMs, sample(5).timeMs);
        // From the middle, across segment ends (3 per segment), in chunks.
        QCOMPARE(seqs(b.pending(3, 4)), range(3, 6));
        QCOMPARE(seqs(b.pending(7, 4)), range(7, 8));
        QVERIFY(b.pending(9, 4).isEmpty());
    }

    void dropUpToRemovesAckedAndWholeSegments()
    {
        QTemporaryDir dir;
        auto buffer = SampleBuffer::open(dir.path(), {1000, 1 << 20, 3});
        QVERIFY(buffer.ok());
        auto &b = **buffer;
        for (int i = 1; i <= 8; ++i)
            QVERIFY(b.append(sample(i)).ok());
        QCOMPARE(QDir(dir.path()).entryList({"seg-*"}).size(), 3);
        QVERIFY(b.dropUpTo(4).ok());
        QCOMPARE(seqs(b.pending(1, 100)), range(5, 8));
        QCOMPARE(b.pendingCount(), 4);
        // Segment 1–3 is gone, 4–6 stays (5 and 6 are pending).
        QCOMPARE(QDir(dir.path()).entryList({"seg-*"}).size(), 2);
        QVERIFY(b.dropUpTo(8).ok());
        QCOMPARE(b.pendingCount(), 0);
        // 7–8, the segment being appended to, stays while it has room (it
        // holds the last number; deleting it would cost a state write).
        QCOMPARE(QDir(dir.path()).entryList({"seg-*"}),
                 QStringList{QStringLiteral("seg-00000000000000000007.jsonl")});
        // Numbering goes on after the acknowledged reports, in that segment.
        QCOMPARE(*b.append(sample(9)), 9);
        QCOMPARE(seqs(b.pending(1, 100)), range(9, 9));
        QVERIFY(b.dropUpTo(9).ok());
        QCOMPARE(*b.append(sample(10)), 10); // 7–9 full: it goes, 10 starts one
        QVERIFY(b.dropUpTo(10).ok());
        QCOMPARE(QDir(dir.path()).entryList({"seg-*"}),
                 QStringList{QStringLiteral("seg-00000000000000000010.jsonl")});
    }

    void ackBeyondLastSeqMovesNumberingOn()
    {
        QTemporaryDir dir;
        auto buffer = SampleBuffer::open(dir.path());
        QVERIFY(buffer.ok());
        QVERIFY((*buffer)->append(sample(1)).ok());
        QVERIFY((*buffer)->dropUpTo(40).ok());
        QCOMPARE(*(*buffer)->append(sample(2)), 41);
    }

    void boundedByCount()
    {
        QTemporaryDir dir;
        auto buffer = SampleBuffer::open(dir.path(), {5, 1 << 20, 2});
        QVERIFY(buffer.ok());
        auto &b = **buffer;
        for (int i = 1; i <= 12; ++i)
            QVERIFY(b.append(sample(i)).ok());
        QCOMPARE(b.pendingCount(), 5);
        QCOMPARE(b.droppedCount(), 7);
        QCOMPARE(seqs(b.pending(1, 100)), range(8, 12)); // the oldest went
    }

    void boundedByBytes()
    {
        QTemporaryDir dir;
        const qint64 lineBytes = fleet::serialize([] {
                                     auto r = sample(1);
                                     r.seq = 1;
                                     return r;
                                 }())
                                     .size() +
                                 1;
        // Room for three reports of this size (the numbers have as many
        // digits for seq 1 … 9 and values 1 … 9).
        auto buffer = SampleBuffer::open(dir.path(), {1000, 3 * lineBytes + lineBytes / 2, 4});
        QVERIFY(buffer.ok());
        auto &b = **buffer;
        for (int i = 1; i <= 9; ++i)
            QVERIFY(b.append(sample(i)).ok());
        QCOMPARE(b.pendingCount(), 3);
        QCOMPARE(b.droppedCount(), 6);
        QVERIFY(b.pendingBytes() <= 3 * lineBytes + lineBytes / 2);
        QCOMPARE(seqs(b.pending(1, 100)), range(7, 9));
    }

    void survivesReopen()
    {
        QTemporaryDir dir;
        {
            auto buffer = SampleBuffer::open(dir.path(), {1000, 1 << 20, 3});
            QVERIFY(buffer.ok());
            for (int i = 1; i <= 7; ++i)
                QVERIFY((*buffer)->append(sample(i)).ok());
            QVERIFY((*buffer)->dropUpTo(2).ok());
        }
        auto reopened = SampleBuffer::open(dir.path(), {1000, 1 << 20, 3});
        QVERIFY(reopened.ok());
        auto &b = **reopened;
        QCOMPARE(b.lastSeq(), 7);
        QCOMPARE(b.floorSeq(), 2);
        QCOMPARE(seqs(b.pending(1, 100)), range(3, 7));
        QCOMPARE(*b.append(sample(8)), 8);
        QCOMPARE(seqs(b.pending(1, 100)), range(3, 8));
    }

    // The floor is written every `stateEveryAcked` acks, not after each:
    // a crash between two writes sends some acknowledged reports again
    // (the server keeps one per seq) and loses no unacknowledged one; a
    // clean close writes it.
    void crashBetweenStateWritesReplaysAndLosesNothing()
    {
        QTemporaryDir dir;
        QTemporaryDir crashed;
        const SampleBuffer::Limits limits{1000, 1 << 20, 100, 4};
        {
            auto buffer = SampleBuffer::open(dir.path(), limits);
            QVERIFY(buffer.ok());
            auto &b = **buffer;
            for (int i = 1; i <= 10; ++i)
                QVERIFY(b.append(sample(i)).ok());
            for (int seq = 1; seq <= 6; ++seq)
                QVERIFY(b.dropUpTo(seq).ok()); // state written at 4
            copyFiles(dir.path(), crashed.path());
        }
        auto afterCrash = SampleBuffer::open(crashed.path(), limits);
        QVERIFY(afterCrash.ok());
        QCOMPARE((*afterCrash)->floorSeq(), 4);
        QCOMPARE((*afterCrash)->lastSeq(), 10);
        QCOMPARE(seqs((*afterCrash)->pending(1, 100)), range(5, 10)); // 5, 6 again
        QCOMPARE(*(*afterCrash)->append(sample(11)), 11);

        auto afterClose = SampleBuffer::open(dir.path(), limits);
        QVERIFY(afterClose.ok());
        QCOMPARE((*afterClose)->floorSeq(), 6);
        QCOMPARE(seqs((*afterClose)->pending(1, 100)), range(7, 10));
    }

    // Deferring the floor never forgets a number: a segment is deleted only
    // after the state holds its numbers, and an ack beyond every report is
    // written at once.
    void crashAfterSegmentsWentKeepsTheNumbering()
    {
        QTemporaryDir dir;
        QTemporaryDir crashed;
        QTemporaryDir crashedAhead;
        const SampleBuffer::Limits limits{1000, 1 << 20, 3, 1000};
        auto buffer = SampleBuffer::open(dir.path(), limits);
        QVERIFY(buffer.ok());
        auto &b = **buffer;
        for (int i = 1; i <= 7; ++i)
            QVERIFY(b.append(sample(i)).ok());
        QVERIFY(b.dropUpTo(7).ok()); // every segment goes
        copyFiles(dir.path(), crashed.path());
        QVERIFY(b.dropUpTo(20).ok()); // the server has seen more
        copyFiles(dir.path(), crashedAhead.path());

        auto first = SampleBuffer::open(crashed.path(), limits);
        QVERIFY(first.ok());
        QCOMPARE(*(*first)->append(sample(8)), 8);
        auto second = SampleBuffer::open(crashedAhead.path(), limits);
        QVERIFY(second.ok());
        QCOMPARE(*(*second)->append(sample(21)), 21);
    }

    void numbersNeverReusedAfterEverythingWasAcked()
    {
        QTemporaryDir dir;
        {
            auto buffer = SampleBuffer::open(dir.path());
            QVERIFY(buffer.ok());
            for (int i = 1; i <= 3; ++i)
                QVERIFY((*buffer)->append(sample(i)).ok());
            QVERIFY((*buffer)->dropUpTo(3).ok());
        }
        auto reopened = SampleBuffer::open(dir.path());
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->lastSeq(), 3);
        QCOMPARE(*(*reopened)->append(sample(4)), 4);
    }

    void reportTheProtocolRefusesIsNotStored()
    {
        QTemporaryDir dir;
        auto buffer = SampleBuffer::open(dir.path());
        QVERIFY(buffer.ok());
        QVERIFY((*buffer)->append(sample(1)).ok());
        fleet::ReportMessage bad = sample(2);
        bad.metrics.append({QStringLiteral("Not A Name"), 1});
        const auto refused = (*buffer)->append(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::ValidationError);
        QCOMPARE((*buffer)->lastSeq(), 1);
        QCOMPARE(*(*buffer)->append(sample(3)), 2);
        QCOMPARE(seqs((*buffer)->pending(1, 10)), range(1, 2));
    }

    void tornLastLineIgnored()
    {
        QTemporaryDir dir;
        {
            auto buffer = SampleBuffer::open(dir.path());
            QVERIFY(buffer.ok());
            for (int i = 1; i <= 3; ++i)
                QVERIFY((*buffer)->append(sample(i)).ok());
        }
        const QStringList segments = QDir(dir.path()).entryList({"seg-*"});
        QCOMPARE(segments.size(), 1);
        {
            // What a crash in the middle of writing report 4 leaves.
            QFile file(QDir(dir.path()).filePath(segments.first()));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            file.write("{\"metrics\":{\"cpu_usage\":4},\"seq\":4,\"ti");
        }
        auto reopened = SampleBuffer::open(dir.path());
        QVERIFY(reopened.ok());
        auto &b = **reopened;
        QCOMPARE(b.lastSeq(), 3);
        QCOMPARE(seqs(b.pending(1, 100)), range(1, 3));
        QCOMPARE(*b.append(sample(4)), 4);
        QCOMPARE(seqs(b.pending(1, 100)), range(1, 4));
        QCOMPARE(b.pending(4, 1).first().metrics, sample(4).metrics);
    }
};

QTEST_GUILESS_MAIN(TestSampleBuffer)
#include "TestSampleBuffer.moc"
