#include "server/services/fleet/MetricHistory.h"

#include "common/JsonText.h"
#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/MetricHistoryRepository.h"
#include "server/repositories/NodeRepository.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/BucketItemsText.h"
#include "server/services/fleet/ReportLogRecord.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "store/WriteBehindQueue.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <memory>
#include <utility>

namespace hm::server::fleet {

using namespace repositories;
using hm::fleet::BucketStats;
using hm::fleet::MinutePackWriter;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDay = 24 * 3600;
// How far ahead of the server's clock an agent's may run.
constexpr qint64 kFutureSlackMs = 10 * 60 * 1000;
// A minute counts as complete (its reports are in) two minutes after it ends.
constexpr qint64 kGraceMinutes = 2;
// A pass rolls up at most this many minutes / spans per node and tier.
constexpr qint64 kMinutesPerPass = 240;
constexpr qint64 kSpansPerPass = 96;
// Minutes kept in memory per node once nothing of theirs waits.
constexpr qsizetype kMinutesInMemory = 2;
// Nodes a pass handles before it lets the event loop run, and the time
// after which it lets it run sooner (at least one node a turn).
constexpr qsizetype kNodesPerTurn = 20;
constexpr qint64 kTurnMs = 5;
// Resent reports a node may have waiting for a checkpoint (after a failed
// log write); more are answered "not stored" and come again.
constexpr qsizetype kMaxWaiting = 256;
// A checkpoint that finds the queue full tries again after this long.
constexpr int kQueueFullRetryMs = 50;

// Single buckets a pass folds into their days, per node and tier: about
// four days of 15-minute buckets, so that a database of single buckets
// (before schema 44) is converted over some passes while a node's share
// stays near one turn (400 took ~0.1 s a node on a loaded machine, 20
// turns' worth: docs/benchmarks.md). Steady state folds one day's 96 + 24.
constexpr qint64 kFoldRowsPerPass = 100;

// The tiers kept one row per day (fleet_metric_days).
bool keptByDay(qint64 length)
{
    return length == 900 || length == 3600;
}

qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 q = value / step;
    return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}

} // namespace

const QList<MetricTier> &metricTiers()
{
    static const QList<MetricTier> tiers{{QStringLiteral("raw"), 0, kDay},
                                         {QStringLiteral("1m"), 60, 7 * kDay},
                                         {QStringLiteral("15m"), 900, 90 * kDay},
                                         {QStringLiteral("1h"), 3600, 365 * kDay}};
    return tiers;
}

MetricHistory::MetricHistory(store::Database &db, FlowEngineHost &host, QObject *parent)
    : QObject(parent), m_db(db), m_host(host)
{
    m_ackSlices.setInterval(0);
    connect(&m_ackSlices, &QTimer::timeout, this, &MetricHistory::answerDueAcks);
}

qint64 MetricHistory::now() const
{
    return m_now ? m_now() : auth::nowMs();
}

Result<MetricHistory::NodeState *> MetricHistory::state(const QString &nodeId)
{
    if (Status folded = ensureFolded(); !folded)
        return folded.error();
    NodeState &node = m_nodes[nodeId];
    if (!node.loaded) {
        // fleet_nodes.last_seq is written after the report's minute in the
        // same queue, never before it, and the log was folded into both:
        // what it says is stored.
        auto row = nodeById(m_db, nodeId);
        if (!row) {
            m_nodes.remove(nodeId);
            return row.error();
        }
        node.lastSeq = row.value() ? row.value()->lastSeq : 0;
        auto newest = newestStoredMinute(m_db, nodeId);
        if (!newest) {
            m_nodes.remove(nodeId);
            return newest.error();
        }
        node.newestWritten = newest.value().value_or(std::numeric_limits<qint64>::min());
        node.loaded = true;
    }
    return &node;
}

Result<qint64> MetricHistory::lastSeq(const QString &nodeId)
{
    auto node = state(nodeId);
    if (!node)
        return node.error();
    return node.value()->lastSeq;
}

bool MetricHistory::latest(const QString &nodeId, qint64 *lastSeq, qint64 *seenAtMs) const
{
    const auto found = m_nodes.constFind(nodeId);
    if (found == m_nodes.constEnd() || found->seenAtMs == 0)
        return false;
    *lastSeq = found->lastSeq;
    *seenAtMs = found->seenAtMs;
    return true;
}

Result<MetricHistory::Minute *> MetricHistory::minute(NodeState &node, const QString &nodeId,
                                                      qint64 minute)
{
    auto found = node.minutes.find(minute);
    if (found != node.minutes.end())
        return &found.value();
    if (minute > node.newestWritten)
        return &node.minutes.insert(minute, Minute()).value(); // never written: new
    // Not in memory, so no write of it waits: the stored row is current.
    auto stored = storedMinute(m_db, nodeId, minute);
    if (!stored)
        return stored.error();
    Minute fresh;
    if (stored.value()) {
        auto resumed = MinutePackWriter::resume(*stored.value());
        if (!resumed)
            return resumed.error();
        fresh.writer = std::move(resumed.value());
        fresh.stored = true;
    }
    return &node.minutes.insert(minute, std::move(fresh)).value();
}

void MetricHistory::trim(NodeState &node)
{
    // Keep the newest few; older ones only once nothing of theirs waits.
    while (node.minutes.size() > kMinutesInMemory) {
        auto oldest =
            std::find_if(node.minutes.begin(), std::prev(node.minutes.end()),
                         [](const Minute &m) { return m.pending == 0 && !m.unwritten(); });
        if (oldest == std::prev(node.minutes.end()))
            return;
        node.minutes.erase(oldest);
    }
}

bool MetricHistory::enqueue(const QString &sql, const QString &fallback, QVariantList params,
                            const QString &key, qint64 *from, qint64 *to)
{
    store::WriteOp op;
    op.sql = sql;
    op.fallbackSql = fallback;
    op.params = std::move(params);
    op.key = key;
    return m_host.tryEnqueueWrite(std::move(op), from, to);
}

void MetricHistory::record(const QString &nodeId, const hm::fleet::ReportMessage &report,
                           QObject *context, std::function<void(bool)> stored)
{
    auto node = state(nodeId);
    if (!node) {
        qCWarning(lcServer).noquote()
            << "fleet: cannot read node" << nodeId << ":" << node.error().toString();
        QMetaObject::invokeMethod(
            context, [stored] { stored(false); }, Qt::QueuedConnection);
        return;
    }
    NodeState &n = *node.value();
    // The agent's clock decides the minute: only a time the raw tier can
    // hold is taken (an agent's buffer after an outage of up to a day, a
    // clock a little ahead). Anything else would open rows, and rollup
    // work, anywhere in time; it is acknowledged and dropped, and said.
    const qint64 nowMs = now();
    if (report.timeMs < nowMs - kDay * 1000 || report.timeMs > nowMs + kFutureSlackMs) {
        qCInfo(lcServer).noquote() << "fleet: report" << report.seq << "of node" << nodeId
                                   << "dropped: its time is outside the last day";
        if (report.seq > n.lastSeq)
            n.lastSeq = report.seq;
        QMetaObject::invokeMethod(
            context, [stored] { stored(true); }, Qt::QueuedConnection);
        return;
    }
    if (report.seq <= n.lastSeq) {
        // Stored already, or queued: acknowledged once the queue has it.
        if (n.awaitCheckpoint) {
            // Its log write may have failed: only a checkpoint stores it.
            if (n.waiting.size() >= kMaxWaiting) {
                QMetaObject::invokeMethod(
                    context, [stored] { stored(false); }, Qt::QueuedConnection);
                return;
            }
            n.waiting.append({QPointer<QObject>(context), std::move(stored)});
            return;
        }
        if (n.lastTo > 0)
            m_host.afterCommit(n.lastFrom, n.lastTo, context, std::move(stored));
        else
            QMetaObject::invokeMethod(
                context, [stored] { stored(true); }, Qt::QueuedConnection);
        return;
    }
    const qint64 minuteKey = floorTo(report.timeMs, kMinuteMs) / kMinuteMs;
    auto slot = minute(n, nodeId, minuteKey);
    if (!slot) {
        qCWarning(lcServer).noquote() << "fleet: minute" << minuteKey << "of node" << nodeId
                                      << "cannot be read:" << slot.error().toString();
        QMetaObject::invokeMethod(
            context, [stored] { stored(false); }, Qt::QueuedConnection);
        return;
    }
    Minute &m = *slot.value();
    const int table = int(m_logGen % 2);
    const bool withNames =
        n.logNamesGen != m_logGen || !sameMetricNames(n.logNames, report.metrics);
    qint64 from = 0;
    qint64 to = 0;
    // Built once: a report is appended to one of the two tables.
    static const QString insertSql[2] = {insertLogRecordSql(0), insertLogRecordSql(1)};
    if (!enqueue(insertSql[table], {},
                 {nodeId, minuteKey, encodeReportLogRecord(report, withNames)}, {}, &from, &to)) {
        QMetaObject::invokeMethod(
            context, [stored] { stored(false); }, Qt::QueuedConnection);
        return;
    }
    ++m_logRecords[table];
    if (withNames) {
        n.logNames.clear();
        n.logNames.reserve(report.metrics.size());
        for (const hm::fleet::MetricValue &v : report.metrics)
            n.logNames.append(v.name);
        n.logNamesGen = m_logGen;
    }
    m.writer.append(report.timeMs, report.seq, report.metrics);
    m.logged[table] = true;
    n.lastSeq = report.seq;
    n.lastFrom = from;
    n.lastTo = to;
    n.seenUnwritten = true;
    n.seenAtMs = nowMs;
    // A report behind the rollups: they start again from its minute.
    n.dirtyFrom = std::min(n.dirtyFrom, minuteKey * 60);
    // Answered with the other reports of this window, once their commit
    // is known (flushAckWaits).
    if (m_ackWaits.empty())
        m_ackFrom = from;
    m_ackTo = to;
    m_ackWaits.push_back(AckWait{nodeId, QPointer<QObject>(context), std::move(stored)});
    if (m_ackWindowMs <= 0)
        flushAckWaits();
    else if (m_ackWaits.size() == 1)
        QTimer::singleShot(m_ackWindowMs, this, [this] { flushAckWaits(); });
}

void MetricHistory::flushAckWaits()
{
    if (m_ackWaits.empty())
        return;
    auto waits = std::make_shared<std::vector<AckWait>>(std::exchange(m_ackWaits, {}));
    // One wait for the whole window: a failure anywhere in it counts for
    // each of its reports (as a failure elsewhere in one report's range
    // always could: WriteBehindQueue::stateAt), which only makes a
    // resent report wait for a checkpoint.
    m_host.afterCommit(m_ackFrom, m_ackTo, this, [this, waits](bool committed) {
        for (AckWait &wait : *waits) {
            if (!committed) {
                // The report is in memory, not in the log: the next
                // checkpoint stores it, and a resent one is acknowledged
                // after that. Marked now, before any answer goes out.
                auto found = m_nodes.find(wait.nodeId);
                if (found != m_nodes.end() && !found->awaitCheckpoint) {
                    found->awaitCheckpoint = true;
                    found->awaitGen = m_logGen;
                }
            }
            m_dueAcks.push_back(DueAck{std::move(wait.context), std::move(wait.stored), committed});
        }
        // The first slice at once (a small window is answered as before),
        // the rest on the next passes, behind what is waiting meanwhile.
        if (!m_ackSlices.isActive())
            answerDueAcks();
    });
}

void MetricHistory::answerDueAcks()
{
    for (int n = 0; n < kAckSlice && !m_dueAcks.empty(); ++n) {
        DueAck due = std::move(m_dueAcks.front());
        m_dueAcks.pop_front();
        if (due.context)
            due.stored(due.committed);
    }
    if (m_dueAcks.empty())
        m_ackSlices.stop();
    else if (!m_ackSlices.isActive())
        m_ackSlices.start();
}

void MetricHistory::forget(const QString &nodeId)
{
    m_nodes.remove(nodeId);
}

Status MetricHistory::ensureFolded()
{
    if (m_logFolded)
        return {};
    return foldLog();
}

Status MetricHistory::foldLog()
{
    auto count = logRecordCount(m_db);
    if (!count)
        return count.error();
    if (count.value() == 0) {
        m_logFolded = true;
        return {};
    }
    // node → minute → its reports in the log (a few minutes of the fleet).
    std::map<QString, std::map<qint64, QList<hm::fleet::ReportMessage>>> logged;
    qint64 unreadable = 0;
    for (int table = 0; table < 2; ++table) {
        QHash<QString, QStringList> names;
        const Status read = forEachLogRecord(
            m_db, table, [&](const QString &nodeId, qint64 minuteKey, const QByteArray &data) {
                auto report = decodeReportLogRecord(data, names[nodeId]);
                if (!report) {
                    ++unreadable;
                    return;
                }
                logged[nodeId][minuteKey].append(std::move(report.value()));
            });
        if (!read)
            return read.error();
    }
    auto tx = m_db.begin();
    if (!tx)
        return tx.error();
    qint64 folded = 0;
    for (auto &[nodeId, minutes] : logged) {
        auto node = nodeById(m_db, nodeId);
        if (!node)
            return node.error();
        if (!node.value())
            continue; // deleted since
        qint64 lastSeq = 0;
        for (auto &[minuteKey, reports] : minutes) {
            MinutePackWriter writer;
            QSet<qint64> seqs;
            auto stored = storedMinute(m_db, nodeId, minuteKey);
            if (!stored)
                return stored.error();
            if (stored.value()) {
                auto resumed = MinutePackWriter::resume(*stored.value());
                auto samples = hm::fleet::unpackMinute(*stored.value());
                if (!resumed || !samples)
                    return Error{ErrorCode::DbCorrupt,
                                 QStringLiteral("fleet: minute %1 of node %2 cannot be read")
                                     .arg(minuteKey)
                                     .arg(nodeId)};
                writer = std::move(resumed.value());
                for (const hm::fleet::PackedSample &sample : samples.value())
                    seqs.insert(sample.seq);
            }
            std::stable_sort(reports.begin(), reports.end(),
                             [](const auto &a, const auto &b) { return a.seq < b.seq; });
            bool changed = false;
            for (const hm::fleet::ReportMessage &report : reports) {
                lastSeq = std::max(lastSeq, report.seq);
                // Written by a checkpoint already (the crash came before the
                // table was emptied).
                if (seqs.contains(report.seq))
                    continue;
                seqs.insert(report.seq);
                writer.append(report.timeMs, report.seq, report.metrics);
                changed = true;
                ++folded;
            }
            if (!changed)
                continue;
            if (Status s = storeMinute(m_db, nodeId, minuteKey, writer.packed()); !s)
                return s;
            // Folding comes before any node is loaded; should one be, it
            // learns of the row.
            if (auto loaded = m_nodes.find(nodeId); loaded != m_nodes.end())
                loaded->newestWritten = std::max(loaded->newestWritten, minuteKey);
        }
        if (Status s = raiseLastSeq(m_db, nodeId, lastSeq); !s)
            return s;
    }
    if (Status s = clearLogs(m_db); !s)
        return s;
    if (Status s = tx.value().commit(); !s)
        return s;
    qCInfo(lcServer).noquote() << "fleet:" << count.value() << "reports in the report log,"
                               << folded << "folded into their minutes" << unreadable
                               << "unreadable";
    m_nodes.clear();
    m_logGen = 0;
    m_logFolded = true;
    return {};
}

void MetricHistory::checkpoint(std::function<void(bool)> done)
{
    if (done)
        m_checkpointWaiters.append(std::move(done));
    if (m_checkpointing)
        return;
    if (Status folded = ensureFolded(); !folded) {
        qCWarning(lcServer).noquote()
            << "fleet: the report log cannot be folded:" << folded.error().toString();
        auto waiters = std::move(m_checkpointWaiters);
        m_checkpointWaiters.clear();
        QMetaObject::invokeMethod(
            this,
            [waiters] {
                for (const auto &w : waiters)
                    w(false);
            },
            Qt::QueuedConnection);
        return;
    }
    m_checkpointing = true;
    const qint64 startGen = m_logGen;
    const int table = int(startGen % 2);
    // New reports go to the other table from now on.
    ++m_logGen;
    QStringList nodes;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        bool any = it->seenUnwritten || it->awaitCheckpoint;
        for (auto m = it->minutes.cbegin(); !any && m != it->minutes.cend(); ++m)
            any = m->logged[table];
        if (any)
            nodes.append(it.key());
    }
    checkpointFrom(std::move(nodes), 0, table, startGen, 0, 0, {});
}

void MetricHistory::checkpointFrom(QStringList nodes, qsizetype index, int table, qint64 startGen,
                                   qint64 from, qint64 to, QList<QPair<QString, qint64>> written)
{
    const auto queue = [&](const QString &sql, const QString &fallback, QVariantList params,
                           const QString &key) {
        qint64 f = 0;
        qint64 t = 0;
        if (!enqueue(sql, fallback, std::move(params), key, &f, &t))
            return false;
        if (from == 0)
            from = f;
        to = std::max(to, t);
        return true;
    };
    const auto later = [&](int delayMs) {
        QTimer::singleShot(delayMs, this,
                           [this, nodes, index, table, startGen, from, to, written]() mutable {
                               checkpointFrom(std::move(nodes), index, table, startGen, from, to,
                                              std::move(written));
                           });
    };
    // The slice queued by this call, waited for before the next is queued.
    const qint64 sliceFrom = m_host.journalTicket();
    qint64 sliceBytes = 0;
    qint64 sliceOps = 0;
    const auto sliceFull = [&] { return sliceBytes >= m_sliceBytes || sliceOps >= m_sliceOps; };
    // The next slice once this one committed: reports' log records queued
    // meanwhile wait behind one slice at most, not behind the whole fleet's
    // minutes (10,000 nodes: tens of MB, seconds of the writer, during
    // which the queue filled and reports were answered "not stored").
    const auto nextSlice = [&] {
        // A failure shows in the whole range's state at the end
        // (finishCheckpoint).
        nextTurnAfterCommit(sliceFrom, std::max(sliceFrom, to),
                            [this, nodes, index, table, startGen, from, to, written]() mutable {
                                checkpointFrom(std::move(nodes), index, table, startGen, from, to,
                                               std::move(written));
                            });
    };
    QElapsedTimer turn;
    turn.start();
    const qsizetype first = index;
    for (; index < nodes.size(); ++index) {
        // A turn that ran out waits for its slice too (the event loop runs
        // meanwhile), so slices cut short by time do not pile up.
        if (index > first && (sliceFull() || turn.elapsed() >= kTurnMs))
            return nextSlice();
        const QString &nodeId = nodes.at(index);
        auto found = m_nodes.find(nodeId);
        if (found == m_nodes.end())
            continue; // forgotten meanwhile
        NodeState &n = *found;
        // Every minute with records in the table: whole, as memory has it.
        for (auto it = n.minutes.begin(); it != n.minutes.end(); ++it) {
            if (!it->logged[table])
                continue;
            QByteArray packed = it->writer.packed();
            sliceBytes += packed.size();
            ++sliceOps;
            if (!queue(updateMinuteSql(), insertMinuteSql(), {nodeId, it.key(), std::move(packed)},
                       QStringLiteral("fleet-minute:%1:%2").arg(nodeId).arg(it.key())))
                return later(kQueueFullRetryMs);
            it->logged[table] = false;
            ++it->pending;
            n.newestWritten = std::max(n.newestWritten, it.key());
            written.append({nodeId, it.key()});
        }
        // After the minutes: a stored last_seq has its report stored.
        if (n.seenUnwritten) {
            ++sliceOps;
            if (!queue(nodeSeenSql(), {}, {n.seenAtMs, n.lastSeq, nodeId},
                       QStringLiteral("fleet-seen:%1").arg(nodeId)))
                return later(kQueueFullRetryMs);
            n.seenUnwritten = false;
        }
    }
    // Every record of the table is in a minute queued ahead of what
    // empties it.
    const qint64 records = std::exchange(m_logRecords[table], 0);
    clearLogFrom(records, table, startGen, from, to, std::move(written), std::move(nodes));
}

void MetricHistory::clearLogFrom(qint64 left, int table, qint64 startGen, qint64 from, qint64 to,
                                 QList<QPair<QString, qint64>> written, QStringList nodes)
{
    const qint64 chunkFrom = m_host.journalTicket();
    qint64 f = 0;
    qint64 t = 0;
    // The last op takes what is left whatever the count says (a record
    // written before a restart, a count off by a dropped write).
    const bool last = left <= 0;
    if (!m_host.tryEnqueueWrite(
            last ? clearLogWrite(table) : clearLogChunkWrite(table, m_clearChunkRows), &f, &t)) {
        QTimer::singleShot(kQueueFullRetryMs, this, [=, this]() mutable {
            clearLogFrom(left, table, startGen, from, to, std::move(written), std::move(nodes));
        });
        return;
    }
    if (from == 0)
        from = f;
    to = std::max(to, t);
    if (last)
        return finishCheckpoint(table, startGen, from, to, std::move(written), std::move(nodes));
    // A failure shows in the whole range's state at the end
    // (finishCheckpoint).
    nextTurnAfterCommit(chunkFrom, std::max(chunkFrom, to), [=, this]() mutable {
        clearLogFrom(left - m_clearChunkRows, table, startGen, from, to, std::move(written),
                     std::move(nodes));
    });
}

void MetricHistory::nextTurnAfterCommit(qint64 from, qint64 to, std::function<void()> next)
{
    // Through the event loop either way: afterCommit may call at once,
    // and the turn that queued the writes is still on the stack.
    m_host.afterCommit(from, to, this, [this, next = std::move(next)](bool) mutable {
        QTimer::singleShot(0, this, std::move(next));
    });
}

void MetricHistory::finishCheckpoint(int table, qint64 startGen, qint64 from, qint64 to,
                                     QList<QPair<QString, qint64>> written, QStringList nodes)
{
    Q_UNUSED(table);
    m_host.afterCommit(
        from, to, this,
        [this, startGen, written = std::move(written), nodes = std::move(nodes)](bool committed) {
            for (const auto &[nodeId, minuteKey] : written) {
                auto found = m_nodes.find(nodeId);
                if (found == m_nodes.end())
                    continue;
                auto slot = found->minutes.find(minuteKey);
                if (slot == found->minutes.end())
                    continue;
                if (slot->pending > 0)
                    --slot->pending;
                // Not stored: the next checkpoint writes it again before
                // it empties the table in use now.
                if (!committed)
                    slot->logged[m_logGen % 2] = true;
                else
                    slot->stored = true;
            }
            for (const QString &nodeId : nodes) {
                auto found = m_nodes.find(nodeId);
                if (found == m_nodes.end())
                    continue;
                if (!committed) {
                    found->seenUnwritten = true;
                } else if (found->awaitCheckpoint && found->awaitGen <= startGen) {
                    found->awaitCheckpoint = false;
                    const QList<Waiter> waiting = std::move(found->waiting);
                    found->waiting.clear();
                    for (const Waiter &w : waiting) {
                        if (w.first)
                            w.second(true);
                    }
                }
                trim(*found);
            }
            m_checkpointing = false;
            const auto waiters = std::move(m_checkpointWaiters);
            m_checkpointWaiters.clear();
            for (const auto &w : waiters)
                w(committed);
        });
}

Result<qint64> MetricHistory::minuteCount(const QString &nodeId, qint64 from, qint64 to)
{
    if (Status folded = ensureFolded(); !folded)
        return folded.error();
    auto count = repositories::minuteCount(m_db, nodeId, from, to);
    if (!count)
        return count.error();
    qint64 n = count.value();
    const auto found = m_nodes.constFind(nodeId);
    if (found != m_nodes.constEnd()) {
        for (auto it = found->minutes.lowerBound(from);
             it != found->minutes.end() && it.key() <= to; ++it) {
            if (!it->stored && it->writer.sampleCount() > 0)
                ++n;
        }
    }
    return n;
}

Result<QList<MetricBlob>> MetricHistory::minutes(const QString &nodeId, qint64 from, qint64 to)
{
    if (Status folded = ensureFolded(); !folded)
        return folded.error();
    auto rows = minutesOf(m_db, nodeId, from, to);
    if (!rows)
        return rows.error();
    const auto found = m_nodes.constFind(nodeId);
    if (found == m_nodes.constEnd() || found->minutes.isEmpty())
        return rows;
    // A minute not written yet, or on its way: memory holds what is stored
    // and more. Others are as stored (retention may have deleted them).
    QMap<qint64, QByteArray> merged;
    for (const MetricBlob &row : rows.value())
        merged.insert(row.key, row.data);
    for (auto it = found->minutes.lowerBound(from); it != found->minutes.end() && it.key() <= to;
         ++it) {
        if (it->writer.sampleCount() > 0 && (it->unwritten() || it->pending > 0))
            merged.insert(it.key(), it->writer.packed());
    }
    QList<MetricBlob> out;
    out.reserve(merged.size());
    for (auto it = merged.cbegin(); it != merged.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

Status MetricHistory::maintainNode(const QString &nodeId, qint64 nowMs, qint64 *from, qint64 *to)
{
    const auto found = m_nodes.constFind(nodeId);
    const qint64 completeEnd = (floorTo(nowMs, kMinuteMs) / kMinuteMs - kGraceMinutes) * 60;
    qint64 dirtyFrom = std::numeric_limits<qint64>::max();
    if (found != m_nodes.constEnd()) {
        // A minute still on its way to the database is rolled up next time.
        for (auto it = found->minutes.begin(); it != found->minutes.end(); ++it) {
            if ((it->pending > 0 || it->unwritten()) && it.key() * 60 < completeEnd)
                return {};
        }
        dirtyFrom = found->dirtyFrom;
    }
    // The node's oldest minute, read only for a tier without a mark yet (a
    // read of the node's first leaf: 10,000 a pass at 10,000 nodes, on the
    // server's thread, when every pass read it).
    std::optional<std::optional<qint64>> oldestRead;
    const auto oldest = [&]() -> Result<std::optional<qint64>> {
        if (!oldestRead) {
            auto read = oldestMinute(m_db, nodeId);
            if (!read)
                return read.error();
            oldestRead = read.value();
        }
        return *oldestRead;
    };
    const qint64 nowS = nowMs / 1000;
    qint64 firstFrom = 0;
    bool queuedAny = false;
    const auto queue = [&](const QString &sql, const QString &fallback, QVariantList params) {
        qint64 f = 0;
        qint64 t = 0;
        if (!enqueue(sql, fallback, std::move(params), {}, &f, &t))
            return false;
        if (!queuedAny)
            firstFrom = f;
        queuedAny = true;
        *to = std::max(*to, t);
        return true;
    };
    const auto full = [] {
        return Error{ErrorCode::ServiceUnavailable,
                     QStringLiteral("the write queue is full; the rollups wait")};
    };

    // The marks as stored, moved back to where late reports landed.
    qint64 marks[3] = {0, 0, 0};
    qint64 foldBefore[3] = {0, 0, 0};
    std::optional<qint64> inDatabase[3]; // the marks as the rows hold them
    const qint64 lengths[3] = {60, 900, 3600};
    for (int t = 0; t < 3; ++t) {
        auto mark = rollupMark(m_db, nodeId, lengths[t]);
        if (!mark)
            return mark.error();
        inDatabase[t] = mark.value();
        // Days that end by the stored mark are complete.
        foldBefore[t] = mark.value() ? hm::fleet::dayOf(*mark.value()) : 0;
        qint64 start = std::numeric_limits<qint64>::max();
        if (mark.value()) {
            start = *mark.value();
        } else {
            auto first = oldest();
            if (!first)
                return first.error();
            if (first.value())
                start = floorTo(*first.value() * 60, lengths[t]);
        }
        if (dirtyFrom != std::numeric_limits<qint64>::max())
            start = std::min(start, floorTo(dirtyFrom, lengths[t]));
        marks[t] = start;
    }
    const qint64 storedMarks[3] = {marks[0], marks[1], marks[2]};
    const QList<MetricTier> &tiers = metricTiers();

    // Single buckets of complete days into their days, before this pass
    // queues any bucket: a fold deletes the rows it read, and a bucket
    // rolled up again below is written after that delete, to be folded by
    // a later pass.
    for (int t = 1; t < 3; ++t) {
        bool queued = true;
        if (Status s = foldDays(
                nodeId, lengths[t], nowS - tiers[t + 1].keepSeconds, foldBefore[t],
                [&](const QString &sql, const QString &fallback, QVariantList params) {
                    return queue(sql, fallback, std::move(params));
                },
                &queued);
            !s)
            return s;
        if (!queued)
            return full();
    }

    // 1-minute buckets from complete minutes.
    if (marks[0] != std::numeric_limits<qint64>::max() && marks[0] < completeEnd) {
        const qint64 last = std::min(completeEnd / 60 - 1, marks[0] / 60 + kMinutesPerPass - 1);
        auto minutes = minutesOf(m_db, nodeId, marks[0] / 60, last);
        if (!minutes)
            return minutes.error();
        for (const MetricBlob &row : minutes.value()) {
            auto samples = hm::fleet::unpackMinute(row.data);
            if (!samples) {
                qCWarning(lcServer).noquote() << "fleet: minute" << row.key << "of node" << nodeId
                                              << "skipped:" << samples.error().message;
                continue;
            }
            if (!queue(updateBucketSql(), insertBucketSql(),
                       {nodeId, 60, row.key * 60,
                        hm::fleet::packBucket(hm::fleet::summarise(samples.value()))}))
                return full();
        }
        marks[0] = (last + 1) * 60;
    }
    // 15-minute and 1-hour buckets from the finer tier's committed buckets
    // (below its mark as stored: this pass's are not in the database yet).
    for (int t = 1; t < 3; ++t) {
        const qint64 length = lengths[t];
        const qint64 finer = lengths[t - 1];
        const qint64 ready = floorTo(storedMarks[t - 1], length);
        if (marks[t] == std::numeric_limits<qint64>::max() ||
            storedMarks[t - 1] == std::numeric_limits<qint64>::max() || marks[t] >= ready)
            continue;
        const qint64 until = std::min(ready, marks[t] + kSpansPerPass * length);
        auto buckets = bucketColumns(nodeId, finer, marks[t], until - 1, {}, true);
        if (!buckets)
            return buckets.error();
        const hm::fleet::BucketColumns &finerBuckets = buckets.value();
        QMap<qint64, BucketStats> spans;
        for (const qint64 start : finerBuckets.starts)
            spans[floorTo(start, length)]; // a span of empty buckets is a bucket too
        // Each metric merged oldest first, as bucket by bucket.
        for (const auto &column : finerBuckets.columns) {
            for (size_t i = 0; i < finerBuckets.starts.size(); ++i) {
                if (column.present[i])
                    spans[floorTo(finerBuckets.starts[i], length)][column.name].merge(
                        column.stats[i]);
            }
        }
        for (auto it = spans.begin(); it != spans.end(); ++it) {
            if (!queue(updateBucketSql(), insertBucketSql(),
                       {nodeId, length, it.key(), hm::fleet::packBucket(it.value())}))
                return full();
        }
        marks[t] = until;
    }
    for (int t = 0; t < 3; ++t) {
        // A mark the row holds already is not written again: at 10,000
        // nodes that was 30,000 writes a pass for the idle tiers.
        if (marks[t] != std::numeric_limits<qint64>::max() && inDatabase[t] != marks[t] &&
            !queue(updateMarkSql(), insertMarkSql(), {nodeId, lengths[t], marks[t]}))
            return full();
    }
    if (found != m_nodes.constEnd())
        m_nodes[nodeId].dirtyFrom = std::numeric_limits<qint64>::max();

    // Retention, never ahead of the rollups.
    if (marks[0] != std::numeric_limits<qint64>::max()) {
        const qint64 rawBound = std::min(nowS - tiers[0].keepSeconds, marks[0]) / 60;
        if (!queue(deleteMinutesBeforeSql(), {}, {nodeId, rawBound}))
            return full();
    }
    for (int t = 0; t < 3; ++t) {
        qint64 bound = nowS - tiers[t + 1].keepSeconds;
        if (t < 2 && marks[t + 1] != std::numeric_limits<qint64>::max())
            bound = std::min(bound, marks[t + 1]);
        if (!queue(deleteBucketsBeforeSql(), {}, {nodeId, lengths[t], bound}))
            return full();
        // A day goes once all of it is past the bound (reads leave out its
        // older buckets meanwhile: readableFrom()).
        if (keptByDay(lengths[t]) &&
            !queue(deleteDaysBeforeSql(), {}, {nodeId, lengths[t], hm::fleet::dayOf(bound)}))
            return full();
    }
    if (queuedAny && *from == 0)
        *from = firstFrom;
    return {};
}

Status MetricHistory::foldDays(const QString &nodeId, qint64 length, qint64 from, qint64 before,
                               const QueueWrite &queue, bool *queued)
{
    *queued = true;
    if (before <= from)
        return {};
    auto read = bucketsToFold(m_db, nodeId, length, from, before, kFoldRowsPerPass);
    if (!read)
        return read.error();
    const QList<MetricBlob> &rows = read.value();
    if (rows.isEmpty())
        return {};
    for (qsizetype i = 0; i < rows.size();) {
        const qint64 day = hm::fleet::dayOf(rows.at(i).key);
        QMap<qint64, BucketStats> buckets;
        auto stored = storedDay(m_db, nodeId, length, day);
        if (!stored)
            return stored.error();
        if (stored.value()) {
            auto unpacked = hm::fleet::unpackDay(day, *stored.value());
            if (unpacked)
                buckets = std::move(unpacked.value());
            else
                qCWarning(lcServer).noquote()
                    << "fleet: day" << day << "of node" << nodeId
                    << "is damaged; its single buckets replace it:" << unpacked.error().message;
        }
        for (; i < rows.size() && hm::fleet::dayOf(rows.at(i).key) == day; ++i) {
            const MetricBlob &row = rows.at(i);
            auto stats = hm::fleet::unpackBucket(row.data);
            // A damaged bucket (or one off its tier's grid, which rollups
            // never write) could not be read either: it goes with the fold.
            if (!stats || row.key % length != 0) {
                qCWarning(lcServer).noquote()
                    << "fleet: bucket" << row.key << "of node" << nodeId << "dropped:"
                    << (stats ? QStringLiteral("not on the tier's grid") : stats.error().message);
                continue;
            }
            buckets.insert(row.key, std::move(stats.value()));
        }
        if (!queue(updateDaySql(), insertDaySql(),
                   {nodeId, length, day, hm::fleet::packDay(day, length, buckets)})) {
            *queued = false; // folded again next pass: a day is written whole
            return {};
        }
    }
    // Every row in [first, last] was read (in order, up to the limit).
    if (!queue(deleteBucketRangeSql(), {}, {nodeId, length, rows.first().key, rows.last().key}))
        *queued = false;
    return {};
}

qint64 MetricHistory::readableFrom(qint64 length, qint64 from) const
{
    if (!keptByDay(length))
        return from; // single rows: retention deletes them as they pass
    for (const MetricTier &tier : metricTiers()) {
        if (tier.seconds == length)
            return std::max(from, now() / 1000 - tier.keepSeconds);
    }
    return from;
}

Result<hm::fleet::BucketColumns> MetricHistory::bucketColumns(const QString &nodeId, qint64 length,
                                                              qint64 from, qint64 to,
                                                              const QSet<QString> &names,
                                                              bool skipDamaged)
{
    hm::fleet::BucketColumnsBuilder builder(names, from, to);
    const auto damaged = [&](const char *what, qint64 key, const Error &error) {
        qCWarning(lcServer).noquote()
            << "fleet:" << what << key << "of node" << nodeId << "skipped:" << error.message;
    };
    if (keptByDay(length)) {
        auto days = daysOf(m_db, nodeId, length, hm::fleet::dayOf(from), to);
        if (!days)
            return days.error();
        for (const MetricBlob &row : days.value()) {
            if (Status s = builder.addDay(row.key, row.data); !s) {
                if (!skipDamaged)
                    return s.error();
                damaged("day", row.key, s.error());
            }
        }
    }
    // Buckets not folded yet: the day in progress, rolled up again, or
    // stored before days were.
    auto rows = bucketsOf(m_db, nodeId, length, from, to);
    if (!rows)
        return rows.error();
    for (const MetricBlob &row : rows.value()) {
        if (Status s = builder.addBucket(row.key, row.data); !s) {
            if (!skipDamaged)
                return s.error();
            damaged("bucket", row.key, s.error());
        }
    }
    return builder.finish();
}

Result<qint64> MetricHistory::bucketCount(const QString &nodeId, qint64 tier, qint64 from,
                                          qint64 to)
{
    if (!keptByDay(tier))
        return repositories::bucketCount(m_db, nodeId, tier, from, to);
    // No metric asked for: only the buckets' starts are read.
    auto columns = bucketColumns(nodeId, tier, readableFrom(tier, from), to, {QString()}, false);
    if (!columns)
        return columns.error();
    return qint64(columns.value().starts.size());
}

void MetricHistory::maintain(std::function<void(bool)> done)
{
    // The minutes complete by now are written first, then rolled up.
    checkpoint([this, done = std::move(done)](bool committed) mutable {
        if (!committed)
            qCWarning(lcServer) << "fleet: a report-log checkpoint failed; it is tried again";
        maintainAfterCheckpoint(std::move(done));
    });
}

void MetricHistory::maintainAfterCheckpoint(std::function<void(bool)> done)
{
    auto nodes = nodesWithHistory(m_db);
    if (!nodes) {
        qCWarning(lcServer).noquote() << "fleet: rollups skipped:" << nodes.error().toString();
        QMetaObject::invokeMethod(
            this, [done] { done(false); }, Qt::QueuedConnection);
        return;
    }
    maintainFrom(nodes.value(), 0, now(), 0, 0, true, std::move(done));
}

void MetricHistory::maintainFrom(QStringList nodes, qsizetype index, qint64 nowMs, qint64 from,
                                 qint64 to, bool ok, std::function<void(bool)> done)
{
    const qsizetype end = std::min(nodes.size(), index + kNodesPerTurn);
    // Also bounded in time: between two turns the event loop serves at most
    // one batch of ready sockets, so long turns starve thousands of agents
    // (BenchAgentFleet: 20 nodes' rollups per turn closed agents as silent).
    QElapsedTimer turn;
    turn.start();
    const qsizetype first = index;
    const qint64 toBefore = to;
    for (; index < end && (index == first || turn.elapsed() < kTurnMs); ++index) {
        if (Status s = maintainNode(nodes.at(index), nowMs, &from, &to); !s) {
            qCWarning(lcServer).noquote()
                << "fleet: rollups of node" << nodes.at(index) << "wait:" << s.error().message;
            ok = false;
        }
    }
    if (index < nodes.size()) {
        auto next = [this, nodes = std::move(nodes), index, nowMs, from, to, ok,
                     done = std::move(done)]() mutable {
            maintainFrom(std::move(nodes), index, nowMs, from, to, ok, std::move(done));
        };
        // The next turn once this turn's writes are committed: a pass
        // queues about ten writes a node, and at 10,000 nodes a pass that
        // runs ahead of the writer fills the queue, which then refuses the
        // agents' reports (4503, BenchAgentFleet).
        if (to > toBefore)
            nextTurnAfterCommit(to, to, std::move(next));
        else
            QTimer::singleShot(0, this, std::move(next));
        return;
    }
    if (to == 0) {
        QMetaObject::invokeMethod(
            this, [done, ok] { done(ok); }, Qt::QueuedConnection);
        return;
    }
    m_host.afterCommit(from, to, this, [done, ok](bool committed) { done(ok && committed); });
}

void MetricHistory::startMaintenance(int intervalMs)
{
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this] {
        if (m_maintaining)
            return;
        m_maintaining = true;
        maintain([this](bool) { m_maintaining = false; });
    });
    timer->start();
}

Result<const MetricTier *> MetricHistory::tierFor(qint64 startMs, qint64 endMs,
                                                  const QString &tierName) const
{
    const QList<MetricTier> &tiers = metricTiers();
    if (!tierName.isEmpty()) {
        for (const MetricTier &t : tiers) {
            if (t.name == tierName)
                return &t;
        }
        return auth::fieldError(QStringLiteral("tier"), QStringLiteral("one of raw, 1m, 15m, 1h"));
    }
    // The finest tier that still holds the start and whose points over the
    // range stay near the limit (raw: up to 2 hours).
    const qint64 nowS = now() / 1000;
    const qint64 rangeS = (endMs - startMs) / 1000;
    const qint64 widest[] = {2 * 3600, 2 * kDay, 30 * kDay, std::numeric_limits<qint64>::max()};
    for (qsizetype i = 0; i < tiers.size() - 1; ++i) {
        if (startMs / 1000 >= nowS - tiers[i].keepSeconds && rangeS <= widest[i])
            return &tiers[i];
    }
    return &tiers.last();
}

Result<QJsonArray> MetricHistory::rawItems(const QString &nodeId, qint64 startMs, qint64 endMs,
                                           qint64 limit, const QSet<QString> &names)
{
    auto minutes = this->minutes(nodeId, floorTo(startMs, kMinuteMs) / kMinuteMs,
                                 floorTo(endMs, kMinuteMs) / kMinuteMs);
    if (!minutes)
        return minutes.error();
    QList<hm::fleet::PackedSample> samples;
    for (const MetricBlob &row : minutes.value()) {
        auto unpacked = hm::fleet::unpackMinute(row.data);
        if (!unpacked)
            return unpacked.error();
        for (const hm::fleet::PackedSample &s : unpacked.value()) {
            if (s.timeMs >= startMs && s.timeMs <= endMs)
                samples.append(s);
        }
    }
    std::stable_sort(samples.begin(), samples.end(),
                     [](const auto &a, const auto &b) { return a.timeMs < b.timeMs; });
    if (samples.size() > limit)
        samples = samples.sliced(samples.size() - limit);
    QJsonArray items;
    for (const hm::fleet::PackedSample &s : samples) {
        QJsonObject metrics;
        for (const hm::fleet::MetricValue &m : s.metrics) {
            if (names.isEmpty() || names.contains(m.name))
                metrics.insert(m.name, m.value);
        }
        items.append(QJsonObject{{QStringLiteral("seq"), s.seq},
                                 {QStringLiteral("time"), auth::isoOrNull(s.timeMs)},
                                 {QStringLiteral("metrics"), metrics}});
    }
    return items;
}

Result<QJsonObject> MetricHistory::query(const QString &nodeId, qint64 startMs, qint64 endMs,
                                         qint64 limit, const QString &tierName,
                                         const QSet<QString> &names)
{
    auto tier = tierFor(startMs, endMs, tierName);
    if (!tier)
        return tier.error();
    QJsonArray items;
    if (tier.value()->seconds == 0) {
        auto raw = rawItems(nodeId, startMs, endMs, limit, names);
        if (!raw)
            return raw.error();
        items = raw.value();
    } else {
        const qint64 length = tier.value()->seconds;
        auto buckets =
            bucketColumns(nodeId, length, readableFrom(length, floorTo(startMs / 1000, length)),
                          endMs / 1000, names, false);
        if (!buckets)
            return buckets.error();
        items = bucketItemsJson(buckets.value(), limit);
    }
    return QJsonObject{{QStringLiteral("node_id"), nodeId},
                       {QStringLiteral("tier"), tier.value()->name},
                       {QStringLiteral("items"), items}};
}

Result<MetricHistory::Text> MetricHistory::queryText(const QString &nodeId, qint64 startMs,
                                                     qint64 endMs, qint64 limit,
                                                     const QString &tierName,
                                                     const QSet<QString> &names)
{
    auto tier = tierFor(startMs, endMs, tierName);
    if (!tier)
        return tier.error();
    Text text{tier.value()->name, {}};
    if (tier.value()->seconds == 0) {
        // Raw reports: at most `limit` (10,000) small items, as objects.
        auto raw = rawItems(nodeId, startMs, endMs, limit, names);
        if (!raw)
            return raw.error();
        QString compact;
        json::appendCompact(compact, raw.value());
        text.items = compact.toUtf8();
        return text;
    }
    const qint64 length = tier.value()->seconds;
    auto buckets =
        bucketColumns(nodeId, length, readableFrom(length, floorTo(startMs / 1000, length)),
                      endMs / 1000, names, false);
    if (!buckets)
        return buckets.error();
    if (Status s = appendBucketItems(text.items, buckets.value(), limit); !s)
        return s.error();
    return text;
}

} // namespace hm::server::fleet
