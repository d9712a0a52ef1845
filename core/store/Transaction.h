#pragma once

#include "common/Result.h"

#include <memory>

namespace hm::store {

namespace detail {
class Connection;
}

// A BEGIN IMMEDIATE transaction from Database::begin(). Rolled back on
// destruction unless commit() succeeded, so an early return cannot leave
// half a change behind.
class Transaction
{
public:
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) noexcept;
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    Status commit();
    // Explicit rollback; the destructor does the same.
    Status rollback();
    // false once committed or rolled back.
    bool isActive() const;

private:
    friend class Database;
    explicit Transaction(std::shared_ptr<detail::Connection> connection);

    std::shared_ptr<detail::Connection> m_connection;
};

} // namespace hm::store
