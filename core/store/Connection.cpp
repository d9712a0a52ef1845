#include "common/Logging.h"
#include "store/Connection_p.h"

#include <QJsonObject>
#include <algorithm>
#include <chrono>
#include <thread>

namespace hm::store::detail {

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

Connection::Connection(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

void Connection::setBusyTimeoutMs(int ms)
{
    m_busyTimeoutMs = std::max(0, ms);
    if (m_db)
        sqlite3_busy_handler(m_db, &Connection::busyHandler, this);
}

int Connection::busyHandler(void *connection, int count)
{
    auto *self = static_cast<Connection *>(connection);
    const qint64 nowNs = steadyNs();
    if (count == 0)
        self->m_busySinceNs = nowNs;
    if (nowNs - self->m_busySinceNs >= qint64(self->m_busyTimeoutMs) * 1'000'000)
        return 0; // SQLITE_BUSY to the caller
    const int sleepUs = count < 20 ? 100 : count < 100 ? 500 : 2000;
    std::this_thread::sleep_for(std::chrono::microseconds(sleepUs));
    return 1;
}

Connection::~Connection()
{
    for (sqlite3_stmt *stmt : std::as_const(m_cache))
        sqlite3_finalize(stmt);
    m_cache.clear();
    // close_v2 defers the close if a statement is somehow still alive
    // instead of leaking the handle with SQLITE_BUSY.
    if (sqlite3_close_v2(m_db) != SQLITE_OK)
        qCWarning(lcStore) << "closing" << m_path << "failed:" << sqlite3_errmsg(m_db);
}

sqlite3_stmt *Connection::takeCached(const QString &sql)
{
    return m_cache.take(sql);
}

void Connection::giveBack(const QString &sql, sqlite3_stmt *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (m_cache.size() >= kMaxCached || m_cache.contains(sql)) {
        sqlite3_finalize(stmt);
        return;
    }
    m_cache.insert(sql, stmt);
}

void Connection::setWalCommitListener(std::function<void(int walFrames)> listener)
{
    m_walListener = std::move(listener);
    // There is one WAL hook per connection: setting it replaces SQLite's
    // automatic checkpoint (which is itself a WAL hook).
    if (m_walListener)
        sqlite3_wal_hook(m_db, &Connection::onWalCommit, this);
    else
        sqlite3_wal_hook(m_db, nullptr, nullptr);
}

int Connection::onWalCommit(void *connection, sqlite3 *, const char *schema, int walFrames)
{
    // Only the main database: an attached one (exportTo) has a WAL of its own.
    if (qstrcmp(schema, "main") == 0)
        static_cast<Connection *>(connection)->m_walListener(walFrames);
    return SQLITE_OK;
}

void Connection::setTimeLimitMs(qint64 ms)
{
    m_timeLimitMs = ms > 0 ? ms : 0;
    // The handler runs every kProgressOps VM instructions while a statement
    // runs; a function call such as one LIKE on one row is one instruction,
    // so what a single call costs must be bounded where its inputs come in.
    if (m_timeLimitMs > 0)
        sqlite3_progress_handler(m_db, kProgressOps, &Connection::onProgress, this);
    else
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
}

bool Connection::startClock()
{
    if (m_timeLimitMs == 0 || m_deadlineNs != 0)
        return false;
    m_stepStartNs = steadyNs();
    const qint64 allowedNs =
        m_budgetOpen ? std::max<qint64>(m_budgetLeftNs, 0) : m_timeLimitMs * 1000000;
    // 0 means "no clock": a spent budget still gets a deadline, now.
    m_deadlineNs = std::max<qint64>(m_stepStartNs + allowedNs, 1);
    m_expired = false;
    return true;
}

void Connection::stopClock()
{
    if (m_budgetOpen)
        m_budgetLeftNs -= steadyNs() - m_stepStartNs;
    m_deadlineNs = 0;
}

bool Connection::startBudget()
{
    if (m_timeLimitMs == 0 || m_budgetOpen)
        return false;
    m_budgetOpen = true;
    m_budgetLeftNs = m_timeLimitMs * 1000000;
    return true;
}

int Connection::onProgress(void *connection)
{
    auto *self = static_cast<Connection *>(connection);
    if (self->m_deadlineNs == 0 || steadyNs() < self->m_deadlineNs)
        return 0;
    self->m_expired = true;
    return 1;
}

Error Connection::expiredError() const
{
    // TIMEOUT: the catalogue's code for a request that did not finish in
    // time; details.reason tells it from the API client's own timeout.
    return Error{ErrorCode::Timeout,
                 QStringLiteral("the query took longer than %1 ms and was stopped; narrow it "
                                "(filters, shorter search text, smaller pages) or retry later")
                     .arg(m_timeLimitMs),
                 QJsonObject{{QStringLiteral("reason"), QStringLiteral("query_time_limit")},
                             {QStringLiteral("limit_ms"), m_timeLimitMs}}};
}

} // namespace hm::store::detail
