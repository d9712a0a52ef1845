#include "widgets/TextBaseline.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QTextDocument>
#include <QTextLayout>
#include <algorithm>

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
    // Rounded as the painter places the glyphs: a label whose text starts
    // at y draws its baseline on the pixel row y + qRound(ascent). With
    // the ascent rounded up (13.9 and 11.1 → 14 and 12) a Latin value
    // beside a Chinese caption still sat 1 px high.
    return line.isValid() ? qRound(line.ascent()) : label->fontMetrics().ascent();
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

namespace {

// One line of plain text: what textAscent measures is what it draws.
bool isOneLineText(const QLabel *label)
{
    const QString text = label->text();
    if (text.contains(u'\n') || text.contains(QChar::LineSeparator) ||
        text.contains(QChar::ParagraphSeparator))
        return false;
    return label->textFormat() == Qt::PlainText ||
           (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(text));
}

} // namespace

QList<QList<QLabel *>> formTextRows(const QFormLayout *form)
{
    QList<QList<QLabel *>> rows;
    if (!form)
        return rows;
    for (int i = 0; i < form->rowCount(); ++i) {
        const QLayoutItem *labelItem = form->itemAt(i, QFormLayout::LabelRole);
        const QLayoutItem *fieldItem = form->itemAt(i, QFormLayout::FieldRole);
        auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
        auto *value = fieldItem ? qobject_cast<QLabel *>(fieldItem->widget()) : nullptr;
        if (label && value && isOneLineText(label) && isOneLineText(value))
            rows.append(QList<QLabel *>{label, value});
    }
    return rows;
}

void alignFormBaselines(const QFormLayout *form)
{
    for (const QList<QLabel *> &row : formTextRows(form))
        alignTextBaselines(row);
}

BaselineKeeper::BaselineKeeper(QObject *parent) : QObject(parent) {}

void BaselineKeeper::addRow(const QList<QLabel *> &row)
{
    QList<QPointer<QLabel>> kept;
    for (QLabel *label : row) {
        kept << label;
        watch(label);
    }
    m_rows << kept;
    align();
}

void BaselineKeeper::addForm(QFormLayout *form)
{
    m_forms << form;
    if (QWidget *owner = form->parentWidget(); owner && !m_watched.contains(owner)) {
        m_watched << owner;
        owner->installEventFilter(this);
    }
    align();
}

void BaselineKeeper::watch(QLabel *label)
{
    label->setAlignment((label->alignment() & ~Qt::AlignVertical_Mask) | Qt::AlignTop);
    // The widget whose layout holds the label is told of its new size
    // hint (a new text, font or style).
    QWidget *owner = label->parentWidget();
    if (owner && !m_watched.contains(owner)) {
        m_watched << owner;
        owner->installEventFilter(this);
    }
}

void BaselineKeeper::align()
{
    // Setting an alignment or a margin sends events of its own.
    if (m_aligning)
        return;
    m_aligning = true;
    for (const QList<QPointer<QLabel>> &kept : std::as_const(m_rows)) {
        QList<QLabel *> row;
        for (const QPointer<QLabel> &label : kept)
            if (label)
                row << label.data();
        alignTextBaselines(row);
    }
    for (const QPointer<QFormLayout> &form : std::as_const(m_forms)) {
        if (!form)
            continue;
        for (const QList<QLabel *> &row : formTextRows(form)) {
            for (QLabel *label : row) {
                if (!(label->alignment() & Qt::AlignTop))
                    label->setAlignment((label->alignment() & ~Qt::AlignVertical_Mask) |
                                        Qt::AlignTop);
            }
            alignTextBaselines(row);
        }
    }
    m_aligning = false;
}

bool BaselineKeeper::eventFilter(QObject *watched, QEvent *event)
{
    // The widget's layout has seen the request first (Qt hands it to the
    // layout before the filters); a margin changed here asks for one more
    // layout. LanguageChange and FontChange end up here too, as the texts
    // and fonts they change ask for a layout.
    if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show)
        align();
    return QObject::eventFilter(watched, event);
}

} // namespace hm::app
