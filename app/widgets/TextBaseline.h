#pragma once

#include <QList>

class QLabel;

namespace hm::app {

// Labels side by side in a row (a form's label and value) whose text
// starts at their top: their first lines' baselines level. A line is as
// tall above its baseline as the tallest font that draws it, and Chinese
// falls back on a font taller than the Latin one: "地址：" beside
// "10.0.0.11" sat 2-3 px lower than the value. The labels that rise less
// get that much more top margin. Call again whenever a text changes.
void alignTextBaselines(const QList<QLabel *> &row);

// How far below its text's top `label` draws its first baseline: the
// ascent of the tallest font its text is drawn with (its text on one line).
int textAscent(const QLabel *label);

} // namespace hm::app
