#include "store/Statement.h"

#include "store/Connection_p.h"
#include "store/SqliteError_p.h"

#include <QMetaType>

namespace hm::store {

namespace {

// A non-null pointer for empty values: sqlite binds NULL for a null pointer,
// but '' and x'' are values.
constexpr char kEmpty[] = "";

} // namespace

Statement::Statement(std::shared_ptr<detail::Connection> connection, sqlite3_stmt *stmt,
                     QString sql)
    : m_connection(std::move(connection)), m_stmt(stmt), m_sql(std::move(sql))
{}

Statement::Statement(Statement &&other) noexcept
    : m_connection(std::move(other.m_connection)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_sql(std::move(other.m_sql)), m_bindError(std::move(other.m_bindError)),
      m_text(std::move(other.m_text))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        release();
        m_connection = std::move(other.m_connection);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_sql = std::move(other.m_sql);
        m_bindError = std::move(other.m_bindError);
        m_text = std::move(other.m_text);
    }
    return *this;
}

Statement::~Statement()
{
    release();
}

void Statement::release() noexcept
{
    if (m_stmt && m_connection)
        m_connection->giveBack(m_sql, m_stmt);
    else if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_connection.reset();
    m_text.clear(); // after giveBack: the cache cleared the bindings
}

void Statement::noteBindResult(int rc, int index)
{
    if (rc == SQLITE_OK || m_bindError)
        return;
    m_bindError = detail::sqliteError(m_connection ? m_connection->handle() : nullptr, rc,
                                      QStringLiteral("binding parameter %1").arg(index));
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        noteBindResult(sqlite3_bind_int64(m_stmt, index, value), index);
    return *this;
}

Statement &Statement::bind(int index, int value)
{
    return bind(index, static_cast<qint64>(value));
}

Statement &Statement::bind(int index, double value)
{
    if (m_stmt)
        noteBindResult(sqlite3_bind_double(m_stmt, index, value), index);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (!m_stmt)
        return *this;
    QByteArray utf8 = value.toUtf8();
    const char *data = utf8.isEmpty() ? kEmpty : utf8.constData();
    const int rc = sqlite3_bind_text64(m_stmt, index, data,
                                       static_cast<sqlite3_uint64>(utf8.size()), SQLITE_STATIC,
                                       SQLITE_UTF8);
    noteBindResult(rc, index);
    if (rc == SQLITE_OK && index > 0) {
        // Bound first, then the text it replaces let go (a move keeps the
        // buffer where sqlite points).
        if (size_t(index) >= m_text.size())
            m_text.resize(size_t(index) + 1);
        m_text[size_t(index)] = std::move(utf8);
    }
    return *this;
}

Statement &Statement::bind(int index, QByteArrayView blob)
{
    if (!m_stmt)
        return *this;
    const void *data = blob.isEmpty() ? static_cast<const void *>(kEmpty) : blob.data();
    noteBindResult(sqlite3_bind_blob64(m_stmt, index, data,
                                       static_cast<sqlite3_uint64>(blob.size()), SQLITE_TRANSIENT),
                   index);
    return *this;
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    if (m_stmt)
        noteBindResult(sqlite3_bind_null(m_stmt, index), index);
    return *this;
}

Statement &Statement::bind(int index, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return bind(index, nullptr);
    switch (value.metaType().id()) {
    case QMetaType::Bool:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return bind(index, value.toLongLong());
    case QMetaType::Float:
    case QMetaType::Double:
        return bind(index, value.toDouble());
    case QMetaType::QByteArray:
        return bind(index, QByteArrayView(value.toByteArray()));
    case QMetaType::QString:
        return bind(index, value.toString());
    default:
        return bind(index, value.toString());
    }
}

Result<bool> Statement::step()
{
    if (!m_stmt)
        return Error{ErrorCode::InternalError, QStringLiteral("step() on an empty statement"), {}};
    if (m_bindError) {
        Error error = std::move(*m_bindError);
        m_bindError.reset();
        return error;
    }
    // Each step runs under the connection's time limit (or what is left of
    // an open QueryBudget).
    const bool clocked = m_connection->startClock();
    const int rc = sqlite3_step(m_stmt);
    if (clocked)
        m_connection->stopClock();
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    if (rc == SQLITE_INTERRUPT && m_connection->takeExpired()) {
        sqlite3_reset(m_stmt);
        return m_connection->expiredError();
    }
    Error error = detail::sqliteError(m_connection->handle(), rc, QStringLiteral("executing"));
    error.details.insert(QStringLiteral("sql"), m_sql.left(200));
    sqlite3_reset(m_stmt);
    return error;
}

Status Statement::run()
{
    for (;;) {
        Result<bool> more = step();
        if (!more.ok()) {
            reset();
            return more.error();
        }
        if (!more.value())
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    m_bindError.reset();
    if (m_stmt)
        sqlite3_reset(m_stmt);
}

qint64 Statement::int64(int col) const
{
    return m_stmt ? sqlite3_column_int64(m_stmt, col) : 0;
}

double Statement::real(int col) const
{
    return m_stmt ? sqlite3_column_double(m_stmt, col) : 0.0;
}

QString Statement::text(int col) const
{
    if (!m_stmt)
        return {};
    // column_text before column_bytes: the byte count is of the converted text.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    const int size = sqlite3_column_bytes(m_stmt, col);
    return data ? QString::fromUtf8(data, size) : QString();
}

QByteArray Statement::blob(int col) const
{
    if (!m_stmt || sqlite3_column_type(m_stmt, col) == SQLITE_NULL)
        return {};
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    const int size = sqlite3_column_bytes(m_stmt, col);
    // A zero-length BLOB comes back as a null pointer; keep it a non-null
    // QByteArray so it stays distinguishable from SQL NULL.
    return data ? QByteArray(data, size) : QByteArray(kEmpty, 0);
}

bool Statement::isNull(int col) const
{
    return !m_stmt || sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

int Statement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

} // namespace hm::store
