#include "common/Logging.h"
#include "store/Connection_p.h"

namespace hm::store::detail {

Connection::Connection(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

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

} // namespace hm::store::detail
