#pragma once

#include "store/PagedQuery.h"

#include <type_traits>

namespace hm::store {

// runPagedQuery read into a Page: `read` turns each row of the page into
// one (as selectOneAs does for a single row), and the count becomes
// Page::total.
//   auto page = selectPageAs(db, query, readNode);
template <typename Read>
auto selectPageAs(Database &db, const PagedQuery &query, Read &&read)
    -> Result<Page<std::decay_t<std::invoke_result_t<Read &, const Statement &>>>>
{
    using Row = std::decay_t<std::invoke_result_t<Read &, const Statement &>>;
    Page<Row> page;
    const Result<qint64> total = runPagedQuery(
        db, query, [&page, &read](const Statement &s) { page.items.append(read(s)); });
    if (!total)
        return total.error();
    page.total = total.value();
    return page;
}

} // namespace hm::store
