#include "store/PagedQuery.h"

#include "store/Database.h"

namespace hm::store {

Result<qint64> runPagedQuery(Database &db, const PagedQuery &query,
                             const std::function<void(const Statement &)> &row)
{
    const QString where = query.conditions.isEmpty()
                              ? QString()
                              : QStringLiteral(" WHERE ") + query.conditions.join(u" AND ");
    const QString &countFrom = query.countFrom.isEmpty() ? query.from : query.countFrom;
    Result<std::optional<Statement>> count =
        db.selectOne(QStringLiteral("SELECT COUNT(*) ") + countFrom + where, query.binds);
    if (!count.ok())
        return count.error();
    const qint64 total = count.value() ? count.value()->int64(0) : 0;
    count.value().reset(); // the statement back to the cache before the next one

    QVariantList binds = query.columnBinds;
    binds += query.binds;
    binds << query.limit << query.offset;
    const Status page = db.forEachRow(query.columns + u' ' + query.from + where + u' ' +
                                          query.orderBy + QStringLiteral(" LIMIT ? OFFSET ?"),
                                      binds, row);
    if (!page.ok())
        return page.error();
    return total;
}

} // namespace hm::store
