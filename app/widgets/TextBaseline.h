#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QFormLayout;
class QLabel;
class QWidget;

namespace hm::app {

// Labels side by side in a row (a form's label and value) whose text
// starts at their top: their first lines' baselines level. A line is as
// tall above its baseline as the tallest font that draws it, and Chinese
// falls back on a font taller than the Latin one: "地址：" beside
// "10.0.0.11" sat 2-3 px lower than the value. The labels that rise less
// get that much more top margin. Call again whenever a text changes.
void alignTextBaselines(const QList<QLabel *> &row);

// How far below its text's top `label` draws its first baseline, in
// whole pixels: the ascent of the tallest font its text is drawn with
// (its text on one line), rounded as the glyphs are placed.
int textAscent(const QLabel *label);

// The rows of `form` whose label and field are both QLabels with one
// line of plain text: the read-only "caption: value" rows. Rows with an
// editor, a layout, no label or a value of several lines are not among
// them (their first lines need not meet the label's).
QList<QList<QLabel *>> formTextRows(const QFormLayout *form);

// Aligns the rows of formTextRows(form) once (see alignTextBaselines).
void alignFormBaselines(const QFormLayout *form);

// Keeps rows of labels on one baseline while their texts, fonts and the
// language change, so a form need not call alignTextBaselines after
// each setText. A QLabel has no signal for a new text, but a new text
// or font asks the widget that lays the label out for a new layout
// (LayoutRequest): the keeper watches those widgets and aligns its rows
// whenever one comes. Its rows' labels are made to draw their text from
// their top (keeping their horizontal alignment): only then does a top
// margin lower the text by exactly its height, in a form's cell as in a
// grid's. Owned by (and lives as long as) `parent`.
class BaselineKeeper final : public QObject
{
public:
    explicit BaselineKeeper(QObject *parent);

    // A row of labels side by side (a label and its value; both pairs of
    // a row with two).
    void addRow(const QList<QLabel *> &row);
    // The text rows of `form` (formTextRows), looked up at each alignment:
    // rows added or shown later count too.
    void addForm(QFormLayout *form);
    // Aligns every row now (the keeper does it on its own afterwards).
    void align();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watch(QLabel *label);

    QList<QList<QPointer<QLabel>>> m_rows;
    QList<QPointer<QFormLayout>> m_forms;
    QList<QPointer<QWidget>> m_watched;
    bool m_aligning = false;
};

} // namespace hm::app
