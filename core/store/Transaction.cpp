#include "store/Transaction.h"

#include "common/Logging.h"
#include "store/Connection_p.h"
#include "store/SqliteError_p.h"

namespace hm::store {

Transaction::Transaction(std::shared_ptr<detail::Connection> connection)
    : m_connection(std::move(connection))
{}

Transaction::Transaction(Transaction &&other) noexcept : m_connection(std::move(other.m_connection))
{}

Transaction &Transaction::operator=(Transaction &&other) noexcept
{
    if (this != &other) {
        (void)rollback();
        m_connection = std::move(other.m_connection);
    }
    return *this;
}

Transaction::~Transaction()
{
    const Status status = rollback();
    if (!status.ok())
        qCWarning(lcStore) << "rollback failed:" << status.error().toString();
}

bool Transaction::isActive() const
{
    return m_connection != nullptr;
}

Status Transaction::commit()
{
    if (!m_connection)
        return Status(ErrorCode::InternalError,
                      QStringLiteral("commit() on a finished transaction"));
    sqlite3 *db = m_connection->handle();
    const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) {
        m_connection.reset();
        return {};
    }
    Error error = detail::sqliteError(db, rc, QStringLiteral("commit"));
    // Some errors (e.g. SQLITE_FULL) already rolled everything back; others
    // (SQLITE_BUSY) leave the transaction open for the destructor to end.
    if (sqlite3_get_autocommit(db))
        m_connection.reset();
    return error;
}

Status Transaction::rollback()
{
    if (!m_connection)
        return {};
    const std::shared_ptr<detail::Connection> connection = std::exchange(m_connection, nullptr);
    sqlite3 *db = connection->handle();
    // sqlite may have ended the transaction itself after an error.
    if (sqlite3_get_autocommit(db))
        return {};
    const int rc = sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return detail::sqliteError(db, rc, QStringLiteral("rollback"));
    return {};
}

} // namespace hm::store
