#pragma once

// The reports the server has not acknowledged yet, on disk (`buffer/` in the
// data directory), so that neither a network outage nor an agent restart
// loses them.
//
// Layout: append-only segment files `seg-<first seq, 20 digits>.jsonl`, one
// report per line (fleet::serialize), each holding a contiguous run of
// sequence numbers; `state.json` keeps the floor (everything at or below it
// is acknowledged or dropped) and the last sequence number ever assigned, so
// that numbers are never reused even when every segment is gone. A segment
// is deleted as a whole once it lies under the floor. A torn last line (a
// crash during a write) is cut off at open.
//
// The floor in `state.json` may lag behind the acknowledgements: writing it
// (a rename and an fsync) after every ack was most of the agent's disk and
// kernel time at one report a second. After a crash the lagging floor only
// makes the agent send some acknowledged reports again, which the server
// stores once per (node, seq) and acknowledges again; what must never be
// lost — an unacknowledged report, the highest number ever used — is not
// deferred: the state is written before a segment is deleted (the segments
// no longer hold those numbers; the one being appended to stays while it
// has room), when the numbering moves past every segment, every
// `stateEveryAcked` acknowledged reports and on close.
//
// Bounded by count and by bytes: when a new report would exceed either, the
// oldest pending reports are dropped and counted, with one warning per
// episode of dropping.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QFile>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

namespace hm::agent {

class SampleBuffer
{
public:
    struct Limits
    {
        qint64 maxReports = 100000;
        qint64 maxBytes = 64LL * 1024 * 1024;
        int reportsPerSegment = 1000;
        // At most this many acknowledged reports between two writes of the
        // floor, i.e. replayed after a crash.
        int stateEveryAcked = 100;
    };

    ~SampleBuffer();
    SampleBuffer(const SampleBuffer &) = delete;
    SampleBuffer &operator=(const SampleBuffer &) = delete;

    // Opens (creating) the buffer in `dir`. IoError when the directory or
    // state cannot be read or written.
    static Result<std::unique_ptr<SampleBuffer>> open(const QString &dir, Limits limits);
    static Result<std::unique_ptr<SampleBuffer>> open(const QString &dir)
    {
        return open(dir, Limits{});
    }

    // Stores `report` with the next sequence number (its `seq` is ignored
    // and replaced) and returns that number.
    Result<qint64> append(fleet::ReportMessage report);
    // Everything up to `seq` is stored by the server (an ack, a welcome's
    // acked_seq): no longer pending. A `seq` beyond lastSeq() also moves the
    // numbering on, so no later report reuses a number the server has seen.
    Status dropUpTo(qint64 seq);
    // Up to `maxReports` pending reports with seq >= `fromSeq`, in order,
    // read from disk (only what is asked for is read).
    QList<fleet::ReportMessage> pending(qint64 fromSeq, int maxReports) const;

    qint64 lastSeq() const { return m_lastSeq; }
    qint64 floorSeq() const { return m_floor; }
    qint64 pendingCount() const;
    qint64 pendingBytes() const;
    // Reports dropped because the buffer was full, since open.
    qint64 droppedCount() const { return m_dropped; }
    QString directory() const { return m_dir; }

private:
    struct Segment
    {
        qint64 firstSeq = 0;
        QString path;
        // Byte offset of each line and, last, the end of the last line:
        // offsets.size() - 1 reports.
        std::vector<qint64> offsets;
        qint64 count() const { return qint64(offsets.size()) - 1; }
        qint64 lastSeq() const { return firstSeq + count() - 1; }
        qint64 bytesFrom(qint64 seq) const;
    };

    SampleBuffer(QString dir, Limits limits);
    Status load();
    Status scanSegment(Segment &segment);
    Status writeState();
    bool frontSegmentGoes() const;
    bool stateMustBeWritten() const;
    Status raiseFloor(qint64 seq);
    Status enforceLimits(qint64 incomingBytes);
    Status openSegmentForAppend(qint64 firstSeq);

    QString m_dir;
    Limits m_limits;
    std::vector<Segment> m_segments; // in sequence order
    QFile m_appendFile;              // the last segment, open for appending
    qint64 m_floor = 0;
    qint64 m_lastSeq = 0;
    // What state.json holds.
    qint64 m_savedFloor = 0;
    qint64 m_savedLastSeq = 0;
    qint64 m_dropped = 0;
    qint64 m_droppedThisEpisode = 0;
};

} // namespace hm::agent
