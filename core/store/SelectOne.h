#pragma once

#include "store/Database.h"

#include <optional>
#include <type_traits>

namespace hm::store {

// Database::selectOne read into a value: `read` turns the row into one
// (called once, on the row); nullopt when the query found no row.
//   auto name = selectOneAs(db, sql, {id}, [](const Statement &s) { return s.text(0); });
template <typename Read>
auto selectOneAs(Database &db, const QString &sql, const QVariantList &binds, Read &&read)
    -> Result<std::optional<std::invoke_result_t<Read, const Statement &>>>
{
    using Value = std::invoke_result_t<Read, const Statement &>;
    auto row = db.selectOne(sql, binds);
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Value>();
    return std::optional<Value>(read(*row.value()));
}

} // namespace hm::store
