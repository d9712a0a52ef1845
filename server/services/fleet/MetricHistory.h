#pragma once

// The fleet's metric history in tiers (issue 35; docs/api.md "Metric
// history"): raw samples packed one row per node and minute
// (core/fleet/MetricPack), kept 24 hours; rollups of avg/min/max/count per
// metric in buckets of 1 minute (kept 7 days), 15 minutes (90 days) and
// 1 hour (1 year).
//
// Writing: a report is acknowledged once its record in the report log
// (ReportLogRecord, schema 40) commits through the write-behind queue: an
// append at the end of a rowid table, so a batch of a thousand reports
// touches a few pages. The report also joins its minute's blob in memory.
// Every checkpoint (each maintain() pass, every 30 s on the server) writes
// the minutes with new reports whole, with the nodes' last seen and
// sequence, and then empties the log table those reports went to; reports
// arriving meanwhile go to the other table. The minutes are queued in
// slices, each once the previous one committed (setCheckpointSlice), so
// the writer interleaves them with the reports' records. A minute is thus written a few
// times instead of once per report (rewriting a node's growing minute row
// per report cost two or three scattered, encrypted pages per report:
// BenchAgentFleet). Both tables are folded into their minutes before the
// history is first used after a start, so a crash loses nothing the log
// acknowledged and stores nothing twice (sequence numbers). Readers of raw
// minutes go through minutes(), which lays what is in memory over what is
// stored. A minute that is not in memory is read back from the database,
// so replayed reports of an older minute join what is stored.
//
// Rollups and retention run in passes (maintain()): for each node, the
// minutes that are complete (older than two minutes) become 1-minute
// buckets, complete 15-minute and 1-hour spans of those become theirs, and
// a mark per node and tier records how far that went; a report for a
// minute behind the mark moves the mark back, so a late minute is rolled up
// again. What is past retention is deleted only once rolled up. A pass does
// at most a bounded amount of work per node and waits for its writes to
// commit before the next reads them. Server thread.
//
// The 15-minute and 1-hour buckets are kept one row per node and UTC day
// (fleet_metric_days, core/fleet/MetricDayPack; schema 44). Rollups write
// single buckets as before; each pass then folds a bounded number of the
// single buckets of days that are complete (rolled up to their end) into
// their day's row, which converts a database of single buckets over a few
// passes as well. Readers lay single buckets over their days' (a single
// bucket is always the newer). Days go whole once all of them is past
// retention; reads leave out what is past it before that.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"
#include "fleet/MetricDayPack.h"
#include "fleet/MetricPack.h"
#include "server/repositories/MetricHistoryRepository.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <vector>

namespace hm::store {
class Database;
}

namespace hm::server {

class FlowEngineHost;

namespace fleet {

// The tiers: bucket length and how long each is kept, in seconds.
struct MetricTier
{
    QString name;   // "raw", "1m", "15m", "1h"
    qint64 seconds; // bucket length (raw: 0)
    qint64 keepSeconds;
};
const QList<MetricTier> &metricTiers();

class MetricHistory : public QObject
{
    Q_OBJECT
public:
    MetricHistory(store::Database &db, FlowEngineHost &host, QObject *parent = nullptr);

    // The clock maintain() measures completeness and retention with (tests
    // give it a simulated time).
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Reports are answered in windows of this long (0: each on its own):
    // one wait for the commit of all the window's log records, so the
    // writer commits a fleet's reports together instead of hurrying a
    // commit for nearly every one (a page or two encrypted and written and
    // a wake-up of both threads each: BenchAgentFleet, docs/benchmarks.md).
    // A report is still answered only once its record committed.
    void setAckWindowMs(int ms) { m_ackWindowMs = ms; }
    // Records deleted per op when a checkpoint empties its log table
    // (tests make it small).
    void setClearChunkRows(int rows) { m_clearChunkRows = std::max(1, rows); }
    // Answers sent per pass of the event loop once their commit is known.
    static constexpr int kAckSlice = 128;
    // A checkpoint queues the minutes in slices of at most this many bytes
    // of minutes or this many writes (at least one node's), each once the
    // previous slice committed, so that the reports' log records queued
    // meanwhile wait behind one slice, not behind the whole fleet's
    // minutes (tests make them small).
    void setCheckpointSlice(qint64 bytes, qint64 writes)
    {
        m_sliceBytes = bytes;
        m_sliceOps = writes;
    }

    // The last report sequence stored or queued for the node.
    Result<qint64> lastSeq(const QString &nodeId);
    // The node's newest report sequence and when it came, as memory knows
    // them (the database has them from the next checkpoint on); false when
    // nothing came since this history started.
    bool latest(const QString &nodeId, qint64 *lastSeq, qint64 *seenAtMs) const;
    // Appends the report to its minute and queues the write; `stored` as
    // FleetService::record() says. A sequence number at or below lastSeq()
    // is not stored again: it is acknowledged once what is queued commits.
    void record(const QString &nodeId, const hm::fleet::ReportMessage &report, QObject *context,
                std::function<void(bool stored)> stored);
    // The node is deleted: its minutes in memory go (the rows go with the
    // node, deleteHistoryOf(); its log records with the next checkpoint).
    void forget(const QString &nodeId);

    // Writes every minute with reports in the log table in use and the
    // nodes' last seen and sequence, then empties that table; `done` once
    // that committed (false: a write failed, the minutes are written again
    // next time). One at a time: a call during one waits for it.
    void checkpoint(std::function<void(bool committed)> done);
    // The node's raw minutes in [from, to] (ms / 60000), oldest first: the
    // stored rows with the minutes in memory over them (the newest reports
    // are in the log and in memory until a checkpoint writes their minute).
    Result<QList<repositories::MetricBlob>> minutes(const QString &nodeId, qint64 from, qint64 to);
    // How many of those minutes hold a report (stored or only in memory).
    Result<qint64> minuteCount(const QString &nodeId, qint64 from, qint64 to);

    // GET /nodes/{id}/metrics: the tier that holds [startMs, endMs] (the
    // finest whose retention reaches back to startMs and whose points fit
    // `limit` over the range), or the one named ("raw", "1m", "15m",
    // "1h"; VALIDATION_ERROR for another). {tier, items: [{time, seq (raw
    // only), metrics: {name: value (raw) or average}, min, max, count
    // (rollups)}]}, oldest first, the newest `limit` when there are more.
    // `names` keeps only those metrics (empty: all of them).
    // More buckets than `limit` are merged into `limit` points
    // (BucketItemsText); raw reports: the newest `limit`.
    Result<QJsonObject> query(const QString &nodeId, qint64 startMs, qint64 endMs, qint64 limit,
                              const QString &tier = {}, const QSet<QString> &names = {});
    // The same answer with its items as JSON text (what the route sends):
    // the rollups' items are written straight from the blobs.
    struct Text
    {
        QString tier;
        QByteArray items; // "[...]"
    };
    Result<Text> queryText(const QString &nodeId, qint64 startMs, qint64 endMs, qint64 limit,
                           const QString &tier = {}, const QSet<QString> &names = {});

    // How many buckets of a tier with starts in [from, to] (s) hold data:
    // the public page's availability.
    Result<qint64> bucketCount(const QString &nodeId, qint64 tier, qint64 from, qint64 to);

    // One pass of rollups and retention over every node with history;
    // `done` runs once its writes are committed (false: one failed).
    void maintain(std::function<void(bool committed)> done);
    // Starts passes every `intervalMs` (each after the previous committed).
    void startMaintenance(int intervalMs);

private:
    struct Minute
    {
        hm::fleet::MinutePackWriter writer;
        int pending = 0; // writes of it queued, not yet committed
        // It has reports in that log table that no checkpoint wrote yet.
        bool logged[2] = {false, false};
        // A row of it is in the database (it was read from one, or a
        // checkpoint's write of it committed).
        bool stored = false;
        bool unwritten() const { return logged[0] || logged[1]; }
    };
    using Waiter = std::pair<QPointer<QObject>, std::function<void(bool)>>;
    struct NodeState
    {
        bool loaded = false;
        qint64 lastSeq = 0;
        QMap<qint64, Minute> minutes; // by minute
        // The newest minute that can have a row: the newest stored when
        // the node was loaded, or queued since. A minute after it that is
        // not in memory is new, and opening it reads nothing (at every
        // minute's start, each reporting node opens one: 10,000 reads of
        // the HTTP thread in a row otherwise).
        qint64 newestWritten = std::numeric_limits<qint64>::min();
        qint64 lastFrom = 0; // tickets of the node's last write
        qint64 lastTo = 0;
        // Rollups must start again from here (seconds): a late report
        // landed behind the marks. INT64_MAX: nothing to redo.
        qint64 dirtyFrom = std::numeric_limits<qint64>::max();
        // The names its last record in the log table of generation
        // logNamesGen carried (the next may leave them out).
        QStringList logNames;
        qint64 logNamesGen = -1;
        // Last seen and sequence to write at the next checkpoint.
        bool seenUnwritten = false;
        qint64 seenAtMs = 0;
        // A log write of one of its reports failed, but the report is in
        // memory: a resent one is acknowledged only once a checkpoint that
        // started at generation awaitGen or later stored the minutes.
        bool awaitCheckpoint = false;
        qint64 awaitGen = 0;
        QList<Waiter> waiting;
    };

    Result<NodeState *> state(const QString &nodeId);
    // Folds both log tables into their minutes (once, before first use).
    Status ensureFolded();
    Status foldLog();
    void checkpointFrom(QStringList nodes, qsizetype index, int table, qint64 startGen, qint64 from,
                        qint64 to, QList<QPair<QString, qint64>> written);
    // After the minutes: empties the checkpoint's log table, `left`
    // records (m_logRecords) a chunk at a time, each chunk committed before
    // the next is queued; then finishCheckpoint.
    // `next` on a later pass of the event loop once the write tickets
    // [from, to] are committed or failed (the caller's range shows which).
    void nextTurnAfterCommit(qint64 from, qint64 to, std::function<void()> next);
    void clearLogFrom(qint64 left, int table, qint64 startGen, qint64 from, qint64 to,
                      QList<QPair<QString, qint64>> written, QStringList nodes);
    void finishCheckpoint(int table, qint64 startGen, qint64 from, qint64 to,
                          QList<QPair<QString, qint64>> written, QStringList nodes);
    Result<Minute *> minute(NodeState &node, const QString &nodeId, qint64 minute);
    void trim(NodeState &node);
    // Queues one write; false when the queue is full.
    bool enqueue(const QString &sql, const QString &fallback, QVariantList params,
                 const QString &key, qint64 *from, qint64 *to);
    // One node's share of a pass (bounded work); `*to` moves to the last
    // ticket queued.
    void maintainAfterCheckpoint(std::function<void(bool)> done);
    Status maintainNode(const QString &nodeId, qint64 nowMs, qint64 *from, qint64 *to);
    using QueueWrite =
        std::function<bool(const QString &sql, const QString &fallback, QVariantList params)>;
    // Folds up to a bounded number of the node's single buckets of the tier
    // with starts in [from, before) into their days; false in *queued when
    // the queue was full.
    Status foldDays(const QString &nodeId, qint64 length, qint64 from, qint64 before,
                    const QueueWrite &queue, bool *queued);
    // A tier's buckets of the node with starts in [from, to], days and
    // single buckets together; `skipDamaged`: a damaged row is left out
    // (with a warning) instead of failing the read.
    Result<hm::fleet::BucketColumns> bucketColumns(const QString &nodeId, qint64 length,
                                                   qint64 from, qint64 to,
                                                   const QSet<QString> &names, bool skipDamaged);
    // The start of what a query may answer of a tier (retention).
    qint64 readableFrom(qint64 length, qint64 from) const;
    void maintainFrom(QStringList nodes, qsizetype index, qint64 nowMs, qint64 from, qint64 to,
                      bool ok, std::function<void(bool)> done);
    qint64 now() const;
    Result<const MetricTier *> tierFor(qint64 startMs, qint64 endMs, const QString &name) const;
    Result<QJsonArray> rawItems(const QString &nodeId, qint64 startMs, qint64 endMs, qint64 limit,
                                const QSet<QString> &names);

    store::Database &m_db;
    FlowEngineHost &m_host;
    std::function<qint64()> m_now;
    QHash<QString, NodeState> m_nodes;
    bool m_maintaining = false;
    bool m_logFolded = false;
    qint64 m_logGen = 0; // reports go to log table m_logGen % 2
    bool m_checkpointing = false;
    QList<std::function<void(bool)>> m_checkpointWaiters;
    // Reports whose log records are queued, waiting to be answered
    // together (flushAckWaits), and the write tickets they span.
    struct AckWait
    {
        QString nodeId;
        QPointer<QObject> context;
        std::function<void(bool)> stored;
    };
    void flushAckWaits();
    std::vector<AckWait> m_ackWaits;
    // Answers a commit made due, a slice (kAckSlice) per pass of the event
    // loop, oldest first: one commit can end a window of thousands of
    // reports, and answering them all in one go (an ack, the summary, the
    // live feeds each) held every other socket of the thread, an
    // operator's request too, for up to 190 ms at 10,000 agents.
    struct DueAck
    {
        QPointer<QObject> context;
        std::function<void(bool)> stored;
        bool committed = false;
    };
    void answerDueAcks();
    std::deque<DueAck> m_dueAcks;
    QTimer m_ackSlices; // 0 ms, active while m_dueAcks holds more
    qint64 m_ackFrom = 0;
    qint64 m_ackTo = 0;
    // Well within the agents' patience and the goal of a p99 below 1 s.
    int m_ackWindowMs = 25;
    // About 1 MiB: a few tens of milliseconds of the writer. 10,000 nodes'
    // minutes queued at once were tens of MB, seconds of the writer, during
    // which the queue filled (reports answered "not stored": 4503) and every
    // acknowledgement waited (BenchAgentFleet, docs/benchmarks.md).
    // Records queued into each log table since it was last emptied.
    qint64 m_logRecords[2] = {0, 0};
    // Records deleted per op when a checkpoint empties its table.
    int m_clearChunkRows = 8192;
    qint64 m_sliceBytes = qint64(1) << 20;
    qint64 m_sliceOps = 1024;
};

} // namespace fleet
} // namespace hm::server
