#pragma once

#include "common/Error.h"

#include <QHash>
#include <QString>
#include <functional>
#include <sqlite3.h>
#include <utility>

namespace hm::store::detail {

// The sqlite3 handle plus its prepared-statement cache. Shared (not owned)
// by Database, Statement and Transaction so that a Statement outliving its
// Database can never touch a closed handle: the handle closes when the last
// of them goes away.
class Connection
{
public:
    Connection(sqlite3 *db, QString path);
    ~Connection();

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // A cached statement for `sql`, removed from the cache so no two live
    // Statement objects ever share one sqlite3_stmt; nullptr if none.
    sqlite3_stmt *takeCached(const QString &sql);
    // Resets `stmt` and keeps it for the next prepare() of `sql`, or
    // finalizes it when the cache already holds one or is full.
    void giveBack(const QString &sql, sqlite3_stmt *stmt);

    // The query time limit (Database::setQueryTimeLimit); 0 = none.
    void setTimeLimitMs(qint64 ms);
    qint64 timeLimitMs() const { return m_timeLimitMs; }
    // Around each call into sqlite that runs SQL: startClock() arms the
    // deadline (the limit, or what is left of a budget) and returns true
    // when the caller must call stopClock() once sqlite returned. Nothing
    // happens without a limit.
    bool startClock();
    void stopClock();
    // A budget (Database::QueryBudget): until endBudget() the running times
    // of all statements add up against one limit. False when there is no
    // limit or a budget is already open (the outer one counts).
    bool startBudget();
    void endBudget() { m_budgetOpen = false; }
    // Whether the last SQLITE_INTERRUPT came from the clock; clears it.
    bool takeExpired() { return std::exchange(m_expired, false); }
    // The error a statement stopped by the clock reports.
    Error expiredError() const;

    // Database::setWalCommitListener.
    void setWalCommitListener(std::function<void(int walFrames)> listener);

    // How long a statement waits for a lock another connection holds
    // (Database::setBusyTimeout). Installs busyHandler on the handle.
    void setBusyTimeoutMs(int ms);

private:
    // sqlite3_busy_handler's callback. sqlite's own (sqlite3_busy_timeout)
    // sleeps 1, 2, 5, 10, … up to 100 ms between tries, so a connection
    // that meets the writer's lock for 3 ms waits 8, one that meets it for
    // 40 ms waits up to 100: on the server's one thread every request
    // waits with it. This one tries again after 100 µs, then 500 µs, then
    // 2 ms, until the timeout.
    static int busyHandler(void *connection, int count);

    // sqlite3_progress_handler's callback: non-zero stops the statement.
    static int onProgress(void *connection);
    // sqlite3_wal_hook's callback.
    static int onWalCommit(void *connection, sqlite3 *db, const char *schema, int walFrames);

    // Enough for every distinct statement a repository or the write-behind
    // queue uses; beyond it statements are simply finalized.
    static constexpr qsizetype kMaxCached = 128;

    // VM instructions between two looks at the clock: a few microseconds
    // of work, so a look costs nothing measurable.
    static constexpr int kProgressOps = 1000;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QHash<QString, sqlite3_stmt *> m_cache;
    qint64 m_timeLimitMs = 0;
    qint64 m_deadlineNs = 0; // steady clock; 0 = no clock running
    qint64 m_stepStartNs = 0;
    bool m_budgetOpen = false;
    qint64 m_budgetLeftNs = 0;
    bool m_expired = false;
    int m_busyTimeoutMs = 0;
    qint64 m_busySinceNs = 0; // steady clock, set at a wait's first try
    std::function<void(int walFrames)> m_walListener;
};

} // namespace hm::store::detail
