#include "store/Database.h"

#include "store/Connection_p.h"
#include "store/SqliteError_p.h"

#include <QJsonObject>

namespace hm::store {

Database::Database(std::shared_ptr<detail::Connection> connection)
    : m_connection(std::move(connection))
{}

Database::~Database() = default;

Status Database::exec(const QString &sql)
{
    sqlite3 *db = m_connection->handle();
    const QByteArray utf8 = sql.toUtf8();
    const bool clocked = m_connection->startClock();
    const int rc = sqlite3_exec(db, utf8.constData(), nullptr, nullptr, nullptr);
    if (clocked)
        m_connection->stopClock();
    if (rc == SQLITE_INTERRUPT && m_connection->takeExpired())
        return m_connection->expiredError();
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("executing"));
    return {};
}

void Database::setQueryTimeLimit(qint64 ms)
{
    m_connection->setTimeLimitMs(ms);
}

void Database::setBusyTimeout(int ms)
{
    m_connection->setBusyTimeoutMs(ms);
}

void Database::setWalCommitListener(std::function<void(int walFrames)> listener)
{
    m_connection->setWalCommitListener(std::move(listener));
}

Status Database::disableAutoCheckpoint()
{
    return exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
}

Status Database::syncFile()
{
    sqlite3_file *file = nullptr;
    const int rc =
        sqlite3_file_control(m_connection->handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file);
    if (rc != SQLITE_OK)
        return detail::sqliteError(m_connection->handle(), rc,
                                   QStringLiteral("getting the database file"));
    if (!file || !file->pMethods)
        return {}; // not opened yet: nothing written
    const int synced = file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
    if (synced != SQLITE_OK)
        return detail::sqliteError(m_connection->handle(), synced,
                                   QStringLiteral("syncing the database file"));
    return {};
}

qint64 Database::queryTimeLimit() const
{
    return m_connection->timeLimitMs();
}

Database::QueryBudget::QueryBudget(std::shared_ptr<detail::Connection> connection)
    : m_connection(std::move(connection))
{
    if (!m_connection->startBudget())
        m_connection.reset(); // no limit, or an outer budget counts
}

Database::QueryBudget::~QueryBudget()
{
    if (m_connection)
        m_connection->endBudget();
}

Database::QueryBudget Database::budget()
{
    return QueryBudget(m_connection);
}

Result<Statement> Database::prepare(const QString &sql)
{
    if (sqlite3_stmt *cached = m_connection->takeCached(sql))
        return Statement(m_connection, cached, sql);

    sqlite3 *db = m_connection->handle();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    const char *tail = nullptr;
    const int rc =
        sqlite3_prepare_v2(db, utf8.constData(), static_cast<int>(utf8.size()) + 1, &stmt, &tail);
    if (rc != SQLITE_OK) {
        Error error = detail::sqliteError(db, rc, QStringLiteral("preparing"));
        error.details.insert(QStringLiteral("sql"), sql.left(200));
        return error;
    }
    // A second statement would be silently ignored; comments and blanks after
    // the first one are fine.
    bool trailing = false;
    if (tail && !QByteArrayView(tail).trimmed().isEmpty()) {
        sqlite3_stmt *next = nullptr;
        trailing = sqlite3_prepare_v2(db, tail, -1, &next, nullptr) != SQLITE_OK || next;
        sqlite3_finalize(next);
    }
    if (!stmt || trailing) {
        sqlite3_finalize(stmt);
        return Error{ErrorCode::InternalError,
                     QStringLiteral("prepare() takes exactly one statement"),
                     QJsonObject{{QStringLiteral("sql"), sql.left(200)}}};
    }
    return Statement(m_connection, stmt, sql);
}

Result<Transaction> Database::begin()
{
    sqlite3 *db = m_connection->handle();
    const int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("begin"));
    return Transaction(m_connection);
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_connection->handle());
}

int Database::changes() const
{
    return sqlite3_changes(m_connection->handle());
}

QString Database::path() const
{
    return m_connection->path();
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_connection->handle()) == 0;
}

Result<qint64> Database::queryInt(const QString &sql)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    const Result<bool> row = stmt.value().step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{ErrorCode::DbError, QStringLiteral("query returned no row"),
                     QJsonObject{{QStringLiteral("sql"), sql.left(200)}}};
    const qint64 value = stmt.value().int64(0);
    stmt.value().reset();
    return value;
}

Result<std::optional<Statement>> Database::selectOne(const QString &sql, const QVariantList &binds)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    for (qsizetype i = 0; i < binds.size(); ++i)
        stmt.value().bind(int(i) + 1, binds.at(i));
    const Result<bool> row = stmt.value().step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Statement>();
    return std::optional<Statement>(std::move(stmt.value()));
}

Status Database::execute(const QString &sql, const QVariantList &binds)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    for (qsizetype i = 0; i < binds.size(); ++i)
        stmt.value().bind(int(i) + 1, binds.at(i));
    return stmt.value().run();
}

Status Database::forEachRow(const QString &sql, const QVariantList &binds,
                            const std::function<void(const Statement &)> &row)
{
    Result<Statement> stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    for (qsizetype i = 0; i < binds.size(); ++i)
        stmt.value().bind(int(i) + 1, binds.at(i));
    for (;;) {
        const Result<bool> more = stmt.value().step();
        if (!more.ok())
            return more.error();
        if (!more.value())
            return {};
        row(stmt.value());
    }
}

Status Database::checkHealth()
{
    const Result<qint64> tables = queryInt(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!tables.ok())
        return tables.error();
    return {};
}

} // namespace hm::store
