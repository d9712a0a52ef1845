#pragma once

// Whether the labels of a row (a form's caption and value) draw their
// first line on one baseline, as it looks: in Chinese the caption is drawn
// with the CJK fallback font, taller above its baseline than the Latin
// one of a value such as "10.0.0.11", so the value sat 2-3 px above its
// caption. For TestNodesPage, TestAccountPanel, TestRetentionSettings
// and TestMainWindow (the dashboard's server card). The names start with "bs": the tests of a
// target build as one unit.

#include <QAbstractTextDocumentLayout>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QWidget>
#include <algorithm>

namespace admintest {

// Where `label` draws its first line's baseline, in `in`'s coordinates,
// computed as QLabel draws: its text starts at the top of its contents,
// or lower by the room left when it centres (or bottom-aligns) the text,
// and the baseline lies the line's ascent below, the ascent of the
// tallest font that draws the line. A label with selectable text draws
// it as a QTextDocument (without margin) placed in whole pixels; other
// labels as QPainter::drawText does.
inline int bsBaseline(const QLabel *label, const QWidget *in)
{
    const QString text = label->text().isEmpty() ? QStringLiteral(" ") : label->text();
    const int margin = label->margin();
    const QRect contents = label->contentsRect().adjusted(margin, margin, -margin, -margin);
    const Qt::Alignment align = label->alignment();
    qreal baseline = contents.top();
    if (label->textInteractionFlags() &
        (Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard)) {
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setPlainText(text);
        QTextFrameFormat frame = document.rootFrame()->frameFormat();
        frame.setMargin(0);
        document.rootFrame()->setFrameFormat(frame);
        document.setTextWidth(label->wordWrap() ? contents.width() : -1);
        const int height = int(document.documentLayout()->documentSize().height());
        int offset = 0;
        if (align & Qt::AlignVCenter)
            offset = std::max((contents.height() - height) / 2, 0);
        else if (align & Qt::AlignBottom)
            offset = std::max(contents.height() - height, 0);
        const QTextLine line = document.firstBlock().layout()->lineAt(0);
        baseline += offset + line.y() + line.ascent();
    } else {
        QTextLayout layout(text, label->font());
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(contents.width());
        layout.endLayout();
        const qreal height = line.ascent() + line.descent();
        if (align & Qt::AlignVCenter)
            baseline += (contents.height() - height) / 2;
        else if (align & Qt::AlignBottom)
            baseline += contents.height() - height;
        baseline += line.ascent();
    }
    return label->mapTo(in, QPoint(0, qRound(baseline))).y();
}

// One line of plain text, shown: a row the baselines are compared in.
inline bool bsOneLineShown(const QLabel *label, const QWidget *in)
{
    const QString text = label->text();
    return label->isVisibleTo(in) && !text.isEmpty() && !text.contains(u'\n') &&
           (label->textFormat() == Qt::PlainText || !Qt::mightBeRichText(text));
}

// The rows of every QFormLayout under `root` whose caption and value are
// shown QLabels with one line of plain text.
inline QList<QList<const QLabel *>> bsFormRows(const QWidget *root)
{
    QList<QList<const QLabel *>> rows;
    for (const QFormLayout *form : root->findChildren<QFormLayout *>()) {
        for (int i = 0; i < form->rowCount(); ++i) {
            const QLayoutItem *labelItem = form->itemAt(i, QFormLayout::LabelRole);
            const QLayoutItem *fieldItem = form->itemAt(i, QFormLayout::FieldRole);
            const auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
            const auto *value = fieldItem ? qobject_cast<QLabel *>(fieldItem->widget()) : nullptr;
            if (label && value && bsOneLineShown(label, root) && bsOneLineShown(value, root))
                rows.append(QList<const QLabel *>{label, value});
        }
    }
    return rows;
}

// The label in the first column of the grid row that holds `cell` (a
// value, or the widget a value sits in with others), or nullptr.
inline const QLabel *bsGridCaption(const QWidget *cell)
{
    for (const QGridLayout *grid : cell->parentWidget()->findChildren<QGridLayout *>()) {
        const int index = grid->indexOf(cell);
        if (index < 0)
            continue;
        int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
        grid->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
        const QLayoutItem *item = grid->itemAtPosition(row, 0);
        return item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
    }
    return nullptr;
}

// The rows whose labels' baselines lie more than `tolerance` px apart,
// each as "caption" at y / "value" at y (empty when all are level), for
// QVERIFY2. bsBaseline computes what QLabel draws to the pixel: the forms
// the console aligns are checked with no tolerance.
inline QStringList bsMisalignedRows(const QList<QList<const QLabel *>> &rows, const QWidget *in,
                                    int tolerance = 1)
{
    QStringList off;
    for (const QList<const QLabel *> &row : rows) {
        QList<int> baselines;
        QStringList texts;
        for (const QLabel *label : row) {
            baselines << bsBaseline(label, in);
            texts << QStringLiteral("\"%1\" at %2").arg(label->text()).arg(baselines.last());
        }
        const auto [low, high] = std::minmax_element(baselines.cbegin(), baselines.cend());
        if (*high - *low > tolerance)
            off << texts.join(QStringLiteral(" / "));
    }
    return off;
}

// Whether `caption` has its text in `language` yet: Han characters in
// Chinese (the retranslation follows the switch by an event).
inline bool bsTranslated(const QLabel *caption, const QString &language)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return language == QLatin1String("en") || caption->text().contains(han);
}

// bsMisalignedRows for the form rows under `root` (bsFormRows).
inline QStringList bsMisalignedFormRows(const QWidget *root, int tolerance = 1)
{
    return bsMisalignedRows(bsFormRows(root), root, tolerance);
}

} // namespace admintest
