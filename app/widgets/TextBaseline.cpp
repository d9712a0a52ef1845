#include "widgets/TextBaseline.h"

#include <QLabel>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace hm::app {

int textAscent(const QLabel *label)
{
    // The text on one line: which fonts draw it does not depend on where
    // it wraps (only a wrapped text's later lines could differ, the row
    // still levels their first).
    QTextLayout layout(label->text().isEmpty() ? QStringLiteral(" ") : label->text(),
                       label->font());
    layout.beginLayout();
    QTextLine line = layout.createLine();
    layout.endLayout();
    return line.isValid() ? int(std::ceil(line.ascent())) : label->fontMetrics().ascent();
}

void alignTextBaselines(const QList<QLabel *> &row)
{
    int highest = 0;
    for (const QLabel *label : row)
        highest = std::max(highest, textAscent(label));
    for (QLabel *label : row) {
        QMargins margins = label->contentsMargins();
        margins.setTop(highest - textAscent(label));
        if (margins != label->contentsMargins())
            label->setContentsMargins(margins);
    }
}

} // namespace hm::app
