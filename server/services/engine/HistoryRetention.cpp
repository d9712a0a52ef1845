#include "server/services/engine/HistoryRetention.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/RetentionRepository.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/remote/TaskFlowPurge.h"
#include "server/services/system/SystemConfig.h"
#include "store/WriteBehindQueue.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <utility>

namespace hm::server {

namespace repo = repositories;

namespace {

constexpr qint64 kRetentionDayMs = 24LL * 3600 * 1000;
constexpr qint64 kRetentionHourMs = 3600LL * 1000;
constexpr qsizetype kRetentionMaxSamples = 24 * 60; // a day of one-minute samples
// A pass removes at most this many batches for the size limit, so one
// pass has an end even when nothing gets the store under it (the rest is
// left for the next pass).
constexpr int kRetentionSizeTurns = 200;
constexpr int kRetentionVacuumTurns = 64;

qint64 storeFileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

} // namespace

HistoryRetention::HistoryRetention(store::Database &db, FlowEngineHost &host, QString databasePath,
                                   QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_path(std::move(databasePath)),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

qint64 HistoryRetention::now() const
{
    return m_now();
}

void HistoryRetention::start(int intervalMs, int sampleMs)
{
    sample();
    auto *passes = new QTimer(this);
    passes->setInterval(intervalMs);
    connect(passes, &QTimer::timeout, this, [this] {
        if (!m_running)
            runPass([](const PassResult &) {});
    });
    passes->start();
    auto *samples = new QTimer(this);
    samples->setInterval(sampleMs);
    connect(samples, &QTimer::timeout, this, &HistoryRetention::sample);
    samples->start();
}

void HistoryRetention::runPass(std::function<void(const PassResult &)> done)
{
    m_waiting.append(std::move(done));
    if (m_running)
        return;
    m_running = true;
    m_pass = Pass{};
    m_pass.nowMs = now();
    const QJsonObject global = system_config::retention(system_config::load(m_db));
    const qint64 globalAge = global.value(QStringLiteral("max_age_days")).toInteger();
    const qint64 globalCount = global.value(QStringLiteral("max_executions_per_flow")).toInteger();
    m_pass.sizeLimitBytes =
        global.value(QStringLiteral("max_database_mib")).toInteger() * 1024 * 1024;
    auto flows = repo::allFlowRetention(m_db);
    if (!flows) {
        qCWarning(lcServer).noquote() << "retention: pass skipped:" << flows.error().toString();
        m_pass.result.ok = false;
        QTimer::singleShot(0, this, [this] { finish(); });
        return;
    }
    for (const repo::FlowRetentionRow &row : flows.value()) {
        FlowLimits limits{row.flowId, row.maxAgeDays.value_or(globalAge),
                          row.maxExecutions.value_or(globalCount)};
        if (limits.maxAgeDays > 0 || limits.maxExecutions > 0)
            m_pass.flows.append(limits);
    }
    QTimer::singleShot(0, this, [this] { turn(); });
}

Status HistoryRetention::collectFlows(QStringList &ids, int room)
{
    QSet<QString> seen(ids.begin(), ids.end());
    const qint64 endedBefore = m_pass.nowMs - m_graceMs;
    QElapsedTimer elapsed;
    elapsed.start();
    while (m_pass.index < m_pass.flows.size() && ids.size() < room &&
           (ids.isEmpty() || elapsed.elapsed() < kTurnMs)) {
        const FlowLimits &flow = m_pass.flows.at(m_pass.index);
        const int want = room - int(ids.size());
        QStringList found;
        if (flow.maxAgeDays > 0) {
            auto expired = repo::expiredExecutions(m_db, flow.flowId,
                                                   m_pass.nowMs - flow.maxAgeDays * kRetentionDayMs,
                                                   endedBefore, want);
            if (!expired)
                return expired.error();
            found = expired.value();
        }
        if (flow.maxExecutions > 0 && found.size() < want) {
            auto surplus =
                repo::surplusExecutions(m_db, flow.flowId, flow.maxExecutions, endedBefore, want);
            if (!surplus)
                return surplus.error();
            for (const QString &id : surplus.value()) {
                if (found.size() >= want)
                    break;
                if (!found.contains(id))
                    found.append(id);
            }
        }
        for (const QString &id : std::as_const(found)) {
            if (!seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
        // A flow that filled the batch may have more: it stays current.
        if (found.size() < want)
            ++m_pass.index;
    }
    return {};
}

void HistoryRetention::turn()
{
    // 1. Per-flow age and count limits.
    QStringList ids;
    const int batch = low() ? kLowBatch : kBatch;
    if (Status s = collectFlows(ids, batch); !s) {
        qCWarning(lcServer).noquote() << "retention: pass stopped:" << s.error().toString();
        m_pass.result.ok = false;
        finish();
        return;
    }
    // 2. The size limit, once the flows' limits are applied.
    if (ids.isEmpty() && m_pass.index >= m_pass.flows.size() && m_pass.sizeLimitBytes > 0 &&
        m_pass.sizeTurns < kRetentionSizeTurns) {
        auto pages = repo::storePages(m_db);
        if (pages && (pages.value().pageCount - pages.value().freePages) * pages.value().pageSize >
                         m_pass.sizeLimitBytes) {
            auto oldest = repo::oldestExecutions(m_db, m_pass.nowMs - m_graceMs, batch);
            if (oldest) {
                ids = oldest.value();
                ++m_pass.sizeTurns;
            }
        }
    }
    if (!ids.isEmpty()) {
        QVariantList params;
        params.reserve(ids.size());
        for (const QString &id : std::as_const(ids))
            params.append(id);
        // The callbacks first, in the same batch: no orphan row is left
        // between the two.
        store::WriteOp callbacks;
        callbacks.sql = repo::deleteExecutionCallbacksSql(int(ids.size()));
        callbacks.params = params;
        store::WriteOp executions;
        executions.sql = repo::deleteExecutionsSql(int(ids.size()));
        executions.params = params;
        writeThenContinue({std::move(callbacks), std::move(executions)}, ids.size(), 0);
        return;
    }
    // 3. Space back to the file system.
    auto pages = repo::storePages(m_db);
    if (pages && pages.value().autoVacuum == 2 && pages.value().freePages > 0 &&
        m_pass.vacuumTurns < kRetentionVacuumTurns) {
        ++m_pass.vacuumTurns;
        const int count = int(
            std::min<qint64>(pages.value().freePages, low() ? kLowVacuumPages : kVacuumPages));
        store::WriteOp vacuum;
        vacuum.sql = repo::incrementalVacuumSql(count);
        writeThenContinue({std::move(vacuum)}, 0, count);
        return;
    }
    finish();
}

void HistoryRetention::writeThenContinue(QList<store::WriteOp> ops, qint64 deleted, qint64 vacuumed)
{
    qint64 from = -1;
    qint64 to = 0;
    for (store::WriteOp &op : ops) {
        qint64 opFrom = 0;
        if (!m_host.tryEnqueueWrite(std::move(op), &opFrom, &to)) {
            // The queue is full (the history is busy): retention waits its
            // turn. Ops already queued are repeated then, harmlessly (a
            // DELETE of rows already gone).
            QTimer::singleShot(100, this, [this] { turn(); });
            return;
        }
        if (from < 0)
            from = opFrom;
    }
    m_host.afterCommit(from, to, this, [this, deleted, vacuumed](bool committed) {
        if (!committed) {
            qCWarning(lcServer) << "retention: a batch was not stored; the pass stops";
            m_pass.result.ok = false;
            finish();
            return;
        }
        m_pass.result.deleted += deleted;
        m_pass.result.vacuumedPages += vacuumed;
        m_deletedTotal += deleted;
        // Next turn through the event loop: requests in between.
        QTimer::singleShot(low() ? kLowPauseMs : 0, this, [this] { turn(); });
    });
}

void HistoryRetention::finish()
{
    const PassResult result = m_pass.result;
    m_lastPassAt = now();
    m_lastPassDeleted = result.deleted;
    if (result.deleted > 0 || result.vacuumedPages > 0)
        qCInfo(lcServer).noquote() << "retention: removed" << result.deleted
                                   << "executions, returned" << result.vacuumedPages << "pages";
    remote::purgeUnusedTaskFlows(m_db, now() - m_graceMs); // tasks' hidden flows (TaskFlowPurge.h)
    m_running = false;
    sample();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(result);
}

void HistoryRetention::sample()
{
    auto pages = repo::storePages(m_db);
    if (!pages)
        return;
    const repo::StorePages &p = pages.value();
    const qint64 used = (p.pageCount - p.freePages) * p.pageSize;
    const qint64 file = storeFileSize(m_path) + storeFileSize(m_path + QStringLiteral("-wal"));
    m_used = used;
    m_fileBytes = file;
    m_freeBytesInFile = p.freePages * p.pageSize;
    m_autoVacuum = p.autoVacuum;
    const qint64 t = now();
    // One sample a minute at most (a pass's own sample replaces the last
    // one when it comes sooner).
    if (!m_samples.isEmpty() && t - m_samples.last().timeMs < 60 * 1000 && m_samples.size() > 1)
        m_samples.last() = {t, used, file};
    else
        m_samples.append({t, used, file});
    while (m_samples.size() > kRetentionMaxSamples)
        m_samples.removeFirst();
    // Growth: from the newest sample at least an hour old (or the oldest).
    const Sample *base = &m_samples.first();
    for (const Sample &s : std::as_const(m_samples)) {
        if (t - s.timeMs >= kRetentionHourMs)
            base = &s;
    }
    const qint64 span = t - base->timeMs;
    m_growth = span >= 60 * 1000
                   ? std::max<qint64>(0, (used - base->usedBytes) * kRetentionHourMs / span)
                   : -1;
}

QJsonObject HistoryRetention::json() const
{
    QJsonArray samples;
    for (const Sample &s : m_samples)
        samples.append(QJsonObject{{QStringLiteral("time"), auth::isoOrNull(s.timeMs)},
                                   {QStringLiteral("used_bytes"), s.usedBytes},
                                   {QStringLiteral("database_bytes"), s.fileBytes}});
    const qint64 growth = m_growth.load();
    return {
        {QStringLiteral("database_bytes"), m_fileBytes.load()},
        {QStringLiteral("used_bytes"), m_used.load()},
        {QStringLiteral("free_pages_bytes"), m_freeBytesInFile},
        {QStringLiteral("auto_vacuum"), m_autoVacuum == 2   ? QStringLiteral("incremental")
                                        : m_autoVacuum == 1 ? QStringLiteral("full")
                                                            : QStringLiteral("none")},
        {QStringLiteral("growth_bytes_per_hour"), growth < 0 ? QJsonValue() : QJsonValue(growth)},
        {QStringLiteral("samples"), samples},
        {QStringLiteral("retention"),
         QJsonObject{{QStringLiteral("running"), m_running},
                     {QStringLiteral("last_pass_at"), auth::isoOrNull(m_lastPassAt)},
                     {QStringLiteral("last_pass_deleted"), m_lastPassDeleted},
                     {QStringLiteral("deleted_total"), m_deletedTotal.load()}}}};
}

} // namespace hm::server
