#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QString>
#include <QVariantList>
#include <functional>
#include <memory>
#include <optional>

namespace hm::store {

namespace detail {
class Connection;
}

// The limit hivemind-server puts on its request connection
// (--db-query-timeout-ms): far above any legitimate query, short enough
// that /health and other requests are not held up noticeably.
inline constexpr qint64 kDefaultQueryTimeLimitMs = 2000;

struct OpenOptions
{
    bool createIfMissing = true;
    // synchronous=FULL: every commit is fsynced, so it also survives an OS
    // crash or a power loss (slower). Default NORMAL: a commit survives the
    // process being killed, which is what acknowledgements promise.
    bool fullSync = false;
};

// One SQLCipher connection, used from one thread at a time.
//
// Opening rules (DatabaseOpen.cpp): the 32-byte database key is applied as
// a raw key (no PBKDF2), checked by reading sqlite_master, then the
// connection runs in WAL mode with foreign keys on. An existing file is only
// ever opened read-write, never created, truncated or replaced, whatever
// goes wrong. A wrong key is DbKeyInvalid, a damaged file DbCorrupt; since
// SQLCipher reports both as "not a database", a key-check sidecar
// "<path>.keycheck" written at creation tells them apart (KeyCheck_p.h).
// Pages are 4096 bytes (PRAGMA cipher_page_size = 4096 after the key, for
// anyone inspecting a database with the sqlcipher shell).
class Database
{
public:
    // How long a statement waits for a lock another connection holds
    // before it fails with DbBusy (tries again every 0.1–2 ms meanwhile:
    // detail::Connection::busyHandler).
    static constexpr int kBusyTimeoutMs = 5000;

    static Result<std::unique_ptr<Database>>
    open(const QString &path, const crypto::SecureBytes &key, OpenOptions options = {});
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Runs one or more ';'-separated statements without parameters.
    Status exec(const QString &sql);
    // One statement; repeated SQL reuses a cached sqlite3_stmt.
    Result<Statement> prepare(const QString &sql);
    // BEGIN IMMEDIATE: takes the write lock now, so a transaction never fails
    // half-way with SQLITE_BUSY when it upgrades from reading to writing.
    Result<Transaction> begin();

    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const;
    // True between begin() and commit()/rollback() (sqlite may also end a
    // transaction on its own after some errors).
    bool inTransaction() const;

    // First column of the first row; DbError if there is no row.
    Result<qint64> queryInt(const QString &sql);
    // A one-row lookup: prepares `sql`, binds `binds` to ?1, ?2, … and steps
    // once. The statement stands on the row (read its columns), or nullopt
    // when the query found none.
    Result<std::optional<Statement>> selectOne(const QString &sql, const QVariantList &binds = {});
    // One write: prepares `sql`, binds `binds` to ?1, ?2, … and runs it to
    // completion (changes() tells how many rows it touched).
    Status execute(const QString &sql, const QVariantList &binds = {});
    // Every row of a query: prepares `sql`, binds `binds` and hands each row
    // to `row` (read its columns there; the statement moves on afterwards).
    Status forEachRow(const QString &sql, const QVariantList &binds,
                      const std::function<void(const Statement &)> &row);
    // Reads the schema, for /health.
    Status checkHealth();

    // Writes a complete copy of this database (schema and rows) to the new
    // file `path`, encrypted with `key` as a raw key with the same page size
    // (SQLCipher's sqlcipher_export into an attached database). `path` must
    // not exist. Not inside a transaction. Nothing is renamed: the caller
    // decides what the copy becomes (master-key rotation). The key passes
    // through a bound parameter that is wiped afterwards.
    Status exportTo(const QString &path, const crypto::SecureBytes &key);

    // Bounds the time a statement may run on this connection: a statement
    // still running `ms` after it started is stopped and reports Timeout
    // with details.reason "query_time_limit" (the connection stays usable;
    // a write stopped inside a transaction rolls the transaction back).
    // Meant for the connection
    // that serves requests on the server's one thread, so that no request
    // holds it, and every other request, for long. 0 = no limit, the
    // default: the write-behind queue and the engine never lose a write to
    // a clock. sqlite looks at the clock between VM instructions, so one
    // instruction (one function call such as a LIKE on one value) is never
    // cut short: bound such inputs where they come in (store/Like.h).
    void setQueryTimeLimit(qint64 ms);
    // kBusyTimeoutMs unless changed here (a checkpoint that must not wait
    // long); not through PRAGMA busy_timeout, which would put sqlite's
    // own, coarser handler back.
    void setBusyTimeout(int ms);
    qint64 queryTimeLimit() const;

    // After every commit on this connection, on the committing thread and
    // once the write lock is released, `listener` gets the number of frames
    // the WAL file then holds (sqlite3_wal_hook). This replaces SQLite's
    // automatic checkpoints on the connection, as PRAGMA
    // wal_autocheckpoint = 0 would. An empty function removes it.
    void setWalCommitListener(std::function<void(int walFrames)> listener);
    // Turns SQLite's automatic checkpoint in this connection's commits off,
    // for a connection whose file another thread checkpoints (the
    // write-behind queue's checkpoint thread).
    Status disableAutoCheckpoint();
    // Flushes what has been written to the database file itself (not the
    // WAL) to disk, through this connection's own handle (the VFS's xSync):
    // a descriptor of our own would drop the process's POSIX locks on the
    // file when closed. A PASSIVE checkpoint under steady writes never
    // syncs the file (SQLite syncs only once it copied every frame), so the
    // next RESTART would sync everything copied since.
    Status syncFile();

    // While alive, the running times of all statements on the connection
    // add up against one time limit (a whole request's queries); time spent
    // outside sqlite does not count. Without a limit, or inside another
    // budget, it does nothing.
    class [[nodiscard]] QueryBudget
    {
    public:
        QueryBudget(QueryBudget &&) = default;
        QueryBudget(const QueryBudget &) = delete;
        QueryBudget &operator=(const QueryBudget &) = delete;
        QueryBudget &operator=(QueryBudget &&) = delete;
        ~QueryBudget();

    private:
        friend class Database;
        explicit QueryBudget(std::shared_ptr<detail::Connection> connection);
        std::shared_ptr<detail::Connection> m_connection; // null: nothing to end
    };
    QueryBudget budget();

private:
    explicit Database(std::shared_ptr<detail::Connection> connection);

    std::shared_ptr<detail::Connection> m_connection;
};

} // namespace hm::store
