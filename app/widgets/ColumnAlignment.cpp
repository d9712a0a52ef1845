#include "widgets/ColumnAlignment.h"

#include <QHeaderView>
#include <QTableWidget>

namespace hm::app {

QVariant columnAlignment(bool number)
{
    return QVariant::fromValue(number ? kNumberColumn : kTextColumn);
}

void alignHeaderLikeCells(QHeaderView *header)
{
    // A view's cells default to left and vertically centred (QStyleOptionViewItem).
    header->setDefaultAlignment(kTextColumn);
}

void alignNumberColumn(QTableWidget *table, int column)
{
    QTableWidgetItem *item = table->horizontalHeaderItem(column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setHorizontalHeaderItem(column, item);
    }
    // setHorizontalHeaderLabels keeps the item and its alignment.
    item->setTextAlignment(kNumberColumn);
}

} // namespace hm::app
