#pragma once

#include "common/Result.h"
#include "store/Statement.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>

namespace hm::store {

class Database;

// One page of a list and the count of the whole list, the way every paged
// list route asks for it: COUNT(*) over the filtered rows, then the page in
// a fixed order with LIMIT and OFFSET.
//
//   SELECT COUNT(*) <countFrom or from> [WHERE <conditions joined by AND>]
//   <columns> <from> [WHERE …] <orderBy> LIMIT ? OFFSET ?
//
// Binds go in the order the placeholders appear: columnBinds, then binds.
struct PagedQuery
{
    QString columns;          // "SELECT a, b, …" (may hold placeholders: columnBinds)
    QVariantList columnBinds; // values of the placeholders in `columns`
    QString from;             // "FROM t JOIN u ON …"
    // Tables the count needs when the page joins more (LEFT JOINs that never
    // change the number of rows); empty: `from`.
    QString countFrom;
    QStringList conditions; // SQL conditions, joined with AND
    QVariantList binds;     // values of the placeholders in `conditions`
    QString orderBy;        // "ORDER BY …"
    qint64 limit = 20;
    qint64 offset = 0;
};

// What a repository's paged list returns: the rows of the page and how many
// rows the whole list has.
template <typename Row> struct Page
{
    QList<Row> items;
    qint64 total = 0;
};

// The two statements runPagedQuery() runs: the count, and the page (binds:
// columnBinds, binds, limit, offset). For query plan checks and benchmarks.
QString pagedCountSql(const PagedQuery &query);
QString pagedPageSql(const PagedQuery &query);

// Runs the count, then hands each row of the page to `row`; returns the
// count.
Result<qint64> runPagedQuery(Database &db, const PagedQuery &query,
                             const std::function<void(const Statement &)> &row);

} // namespace hm::store
