#pragma once

#include <QVariant>
#include <Qt>

class QHeaderView;
class QTableWidget;

namespace hm::app {

// Where a table's values sit, and its header with them: text reads from
// the left, numbers (sizes, percentages, ids) from the right so that their
// digits line up, and each header sits like its column's values, so that
// it stands over what it names. QHeaderView centres what a model says
// nothing about while the cells sit left: one more reason for one place.
inline constexpr Qt::Alignment kTextColumn = Qt::AlignLeft | Qt::AlignVCenter;
inline constexpr Qt::Alignment kNumberColumn = Qt::AlignRight | Qt::AlignVCenter;

// A model's answer to Qt::TextAlignmentRole, the same for a column's cells
// and for its header.
QVariant columnAlignment(bool number);

// Set where a view is built: the columns its model gives no alignment sit
// as text in the header too, as their cells do.
void alignHeaderLikeCells(QHeaderView *header);

// A QTableWidget's column of numbers: its header item right-aligned (the
// cells are given kNumberColumn where they are made).
void alignNumberColumn(QTableWidget *table, int column);

} // namespace hm::app
