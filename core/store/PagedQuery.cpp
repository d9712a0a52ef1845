#include "store/PagedQuery.h"

#include "store/Database.h"

namespace hm::store {

namespace {

QString whereClause(const PagedQuery &query)
{
    return query.conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + query.conditions.join(u" AND ");
}

} // namespace

QString pagedCountSql(const PagedQuery &query)
{
    const QString &countFrom = query.countFrom.isEmpty() ? query.from : query.countFrom;
    return QStringLiteral("SELECT COUNT(*) ") + countFrom + whereClause(query);
}

QString pagedPageSql(const PagedQuery &query)
{
    return query.columns + u' ' + query.from + whereClause(query) + u' ' + query.orderBy +
           QStringLiteral(" LIMIT ? OFFSET ?");
}

Result<qint64> runPagedQuery(Database &db, const PagedQuery &query,
                             const std::function<void(const Statement &)> &row)
{
    Result<std::optional<Statement>> count = db.selectOne(pagedCountSql(query), query.binds);
    if (!count.ok())
        return count.error();
    const qint64 total = count.value() ? count.value()->int64(0) : 0;
    count.value().reset(); // the statement back to the cache before the next one

    QVariantList binds = query.columnBinds;
    binds += query.binds;
    binds << query.limit << query.offset;
    const Status page = db.forEachRow(pagedPageSql(query), binds, row);
    if (!page.ok())
        return page.error();
    return total;
}

} // namespace hm::store
