#pragma once

// Whether a table's headers sit like its cells (text left, numbers right):
// the alignment QHeaderView draws a section's title with (the model's
// Qt::TextAlignmentRole for the header, else the header's default) beside
// the one QStyledItemDelegate draws a cell with (the cell's
// Qt::TextAlignmentRole, else left as every item view's option says).
// For TestNodesPage, TestNodeProcesses, TestNodeDocker, TestNodeFiles,
// TestNodeNginx and TestNodeTerminal.

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QStringList>

namespace admintest {

inline Qt::Alignment casHorizontal(const QVariant &alignment, Qt::Alignment otherwise)
{
    return (alignment.isValid() ? Qt::Alignment(alignment.toInt()) : otherwise) &
           Qt::AlignHorizontal_Mask;
}

// The horizontal alignment of `column`'s title in `header`.
inline Qt::Alignment headerAlignment(const QHeaderView *header, int column)
{
    return casHorizontal(header->model()->headerData(column, Qt::Horizontal, Qt::TextAlignmentRole),
                         header->defaultAlignment());
}

// The horizontal alignment of the cell at `row`, `column` of `header`'s model.
inline Qt::Alignment cellAlignment(const QHeaderView *header, int row, int column)
{
    return casHorizontal(header->model()->index(row, column).data(Qt::TextAlignmentRole),
                         Qt::AlignLeft);
}

// The columns whose title does not sit like their cell of `row` (empty
// when all do), for QVERIFY2.
inline QString headersUnlikeCells(const QHeaderView *header, int row)
{
    const QAbstractItemModel *model = header->model();
    QStringList unlike;
    for (int column = 0; column < model->columnCount(); ++column) {
        const Qt::Alignment title = headerAlignment(header, column);
        const Qt::Alignment cell = cellAlignment(header, row, column);
        if (title != cell)
            unlike << QStringLiteral("%1 (title %2, cells %3)")
                          .arg(model->headerData(column, Qt::Horizontal).toString())
                          .arg(int(title))
                          .arg(int(cell));
    }
    return unlike.join(QStringLiteral("; "));
}

} // namespace admintest
