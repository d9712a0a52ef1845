#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>
#include <concepts>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

struct sqlite3_stmt;

namespace hm::store {

namespace detail {
class Connection;
}

// Movable RAII wrapper of one prepared statement. Bind indexes are 1-based
// (as in SQL), column indexes 0-based (as in sqlite). A bind error is kept
// and reported by the next step()/run(), so binds can be chained.
// Obtained from Database::prepare(); on destruction the statement goes back
// to the connection's cache.
class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value);
    Statement &bind(int index, double value);
    // An empty (even null) QString binds '' — use nullptr for SQL NULL.
    Statement &bind(int index, const QString &value);
    // Binds a BLOB; an empty view binds a zero-length BLOB, not NULL.
    Statement &bind(int index, QByteArrayView blob);
    Statement &bind(int index, const QByteArray &blob) { return bind(index, QByteArrayView(blob)); }
    Statement &bind(int index, std::nullptr_t);
    // Invalid or null variants bind NULL; integers, bool, double, QString and
    // QByteArray map to their SQL types; anything else binds toString().
    Statement &bind(int index, const QVariant &value);
    // Other integer types (long, bool, unsigned ...) without ambiguity.
    template <std::integral T> Statement &bind(int index, T value)
    {
        return bind(index, static_cast<qint64>(value));
    }
    // A string literal would otherwise silently bind as a BLOB.
    Statement &bind(int index, const char *) = delete;

    // true: a row is available; false: the statement is done.
    Result<bool> step();
    // Steps to completion (for writes), then resets, also on error.
    Status run();
    // Makes the statement runnable again; bindings are kept.
    void reset();

    qint64 int64(int col) const;
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;
    int columnCount() const;

private:
    friend class Database;
    Statement(std::shared_ptr<detail::Connection> connection, sqlite3_stmt *stmt, QString sql);

    void noteBindResult(int rc, int index);
    void release() noexcept;

    std::shared_ptr<detail::Connection> m_connection;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    std::optional<Error> m_bindError;
    // The UTF-8 text of each bound string parameter (by index), bound with
    // SQLITE_STATIC: sqlite would otherwise copy every text into a buffer
    // of its own (SQLCipher wipes each freed buffer too). Kept until the
    // parameter is bound again or the statement goes back to the cache,
    // which clears its bindings.
    std::vector<QByteArray> m_text;
};

} // namespace hm::store
