#pragma once

// Execution history retention (issue 37 item 6; docs/api.md "History
// retention", docs/engine-persistence.md "History retention"). A pass
// removes, per flow, the ended executions older than its max age and those
// beyond its newest max executions (the flow's own limits, else the global
// ones in system config `retention`), then the oldest ended ones of any
// flow while the store's used size is over max_database_mib, and hands the
// freed pages back to the file system (incremental vacuum).
//
// Shape of MetricHistory::maintain(): the reads run on the server's
// connection in short turns (at most kBatch executions and about kTurnMs
// each), the deletes go through the write-behind queue like every history
// write, and the next turn starts only when they are committed, so a pass
// never holds the writer or the event loop for long and triggers are never
// blocked. Running, queued, pending and cancelling executions are never
// removed, nor any that ended less than kGraceMs ago (a late node record of
// it may still be in the queue, and would fail without its execution row).
//
// It also samples the store's size once a minute for the growth figure and
// the Settings chart (kept in memory: the last 24 hours).

#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace hm::store {
class Database;
struct WriteOp;
}

namespace hm::server {

class FlowEngineHost;

class HistoryRetention : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatch = 500;
    static constexpr int kTurnMs = 20;
    static constexpr qint64 kGraceMs = 60 * 1000;
    void setGraceMs(qint64 ms) { m_graceMs = ms; }
    // Whether the disk is low (StorageGuard): SQLCipher is built with
    // SQLITE_SECURE_DELETE, so every freed page is written again (zeroed)
    // through the WAL, and so is every page an incremental vacuum moves.
    // On a low disk a pass therefore works in small turns (kLowBatch
    // executions, kLowVacuumPages pages) and waits kLowPauseMs between
    // them, so the checkpoint copies the WAL back and the next commit
    // starts it over instead of growing it into the last free bytes.
    void setLowSpace(std::function<bool()> low) { m_lowSpace = std::move(low); }
    static constexpr int kLowBatch = 20;
    static constexpr int kLowVacuumPages = 64;
    static constexpr int kLowPauseMs = 300;
    // Pages handed back per turn (4 MiB of 4 KiB pages).
    static constexpr int kVacuumPages = 1024;

    HistoryRetention(store::Database &db, FlowEngineHost &host, QString databasePath,
                     QObject *parent = nullptr);

    // Tests give it a simulated clock (ages are measured with it).
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    struct PassResult
    {
        bool ok = true;
        qint64 deleted = 0;
        qint64 vacuumedPages = 0;
    };
    // One pass; `done` runs on the server thread once its deletes are
    // committed. A pass asked for while one runs joins it.
    void runPass(std::function<void(const PassResult &)> done);
    // Passes every `intervalMs`, samples every `sampleMs`.
    void start(int intervalMs, int sampleMs = 60 * 1000);

    // GET /api/v1/system/storage's store part.
    QJsonObject json() const;
    // Samples the size now (also after each pass).
    void sample();

    qint64 usedBytes() const { return m_used.load(); }
    qint64 databaseBytes() const { return m_fileBytes.load(); }
    qint64 growthPerHour() const { return m_growth.load(); }
    qint64 deletedTotal() const { return m_deletedTotal.load(); }

private:
    struct FlowLimits
    {
        QString flowId;
        qint64 maxAgeDays = 0; // 0: none
        qint64 maxExecutions = 0;
    };
    struct Pass
    {
        QList<FlowLimits> flows;
        qsizetype index = 0;
        qint64 sizeLimitBytes = 0;
        int sizeTurns = 0;
        int vacuumTurns = 0;
        qint64 nowMs = 0;
        PassResult result;
    };
    void turn();
    // Collects up to `room` ids of the current flows; moves pass.index on.
    Status collectFlows(QStringList &ids, int room);
    // Runs `ops` through the queue (in one batch unless the queue splits
    // it; in this order), then the next turn once they are committed.
    void writeThenContinue(QList<store::WriteOp> ops, qint64 deleted, qint64 vacuumed);
    void finish();
    qint64 now() const;

    store::Database &m_db;
    FlowEngineHost &m_host;
    QString m_path;
    std::function<qint64()> m_now;
    qint64 m_graceMs = kGraceMs;
    std::function<bool()> m_lowSpace;
    bool low() const { return m_lowSpace && m_lowSpace(); }
    bool m_running = false;
    Pass m_pass;
    QList<std::function<void(const PassResult &)>> m_waiting;
    struct Sample
    {
        qint64 timeMs;
        qint64 usedBytes;
        qint64 fileBytes;
    };
    QList<Sample> m_samples;
    qint64 m_lastPassAt = 0;
    qint64 m_lastPassDeleted = 0;
    qint64 m_freeBytesInFile = 0;
    int m_autoVacuum = 0;
    std::atomic<qint64> m_used{-1};
    std::atomic<qint64> m_fileBytes{-1};
    std::atomic<qint64> m_growth{-1};
    std::atomic<qint64> m_deletedTotal{0};
};

} // namespace hm::server
