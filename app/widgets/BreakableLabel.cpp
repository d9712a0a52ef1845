#include "widgets/BreakableLabel.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QKeyEvent>

namespace hm::app {

namespace {

constexpr QChar kZeroWidthBreak(0x200B);
// A run up to this long stays whole; longer, it breaks after a separator,
// or every this many characters where it has none.
constexpr int kWholeRun = 16;

bool isBreakSeparator(QChar ch)
{
    return ch == u':' || ch == u'.' || ch == u'-' || ch == u'/' || ch == u'_' || ch == u'@' ||
           ch == u',' || ch == u'=';
}

} // namespace

QString withBreakOpportunities(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    qsizetype runStart = 0;
    const auto flush = [&](qsizetype end) {
        const QStringView run = QStringView(text).mid(runStart, end - runStart);
        if (run.size() <= kWholeRun) {
            out += run;
            return;
        }
        int sinceBreak = 0;
        for (qsizetype i = 0; i < run.size(); ++i) {
            out += run[i];
            ++sinceBreak;
            const bool last = i + 1 == run.size();
            if (!last && (isBreakSeparator(run[i]) || sinceBreak >= kWholeRun)) {
                out += kZeroWidthBreak;
                sinceBreak = 0;
            }
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        // Lines already break at a space and around Chinese characters.
        const QChar ch = text.at(i);
        if (ch.isSpace() || ch.unicode() >= 0x2E80) {
            flush(i);
            out += ch;
            runStart = i + 1;
        }
    }
    flush(text.size());
    return out;
}

BreakableLabel::BreakableLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    // Only where there is a selection clipboard (X11); elsewhere the
    // signal never comes.
    connect(QGuiApplication::clipboard(), &QClipboard::selectionChanged, this,
            &BreakableLabel::cleanSelectionClipboard);
}

void BreakableLabel::setValue(const QString &value)
{
    m_value = value;
    setText(withBreakOpportunities(value));
}

void BreakableLabel::keyPressEvent(QKeyEvent *event)
{
    QLabel::keyPressEvent(event);
    if (event->matches(QKeySequence::Copy))
        cleanCopiedText();
}

void BreakableLabel::contextMenuEvent(QContextMenuEvent *event)
{
    QLabel::contextMenuEvent(event); // its menu's Copy, chosen or not
    cleanCopiedText();
}

void BreakableLabel::cleanCopiedText()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    const QString copied = clipboard->text();
    // Only what was just copied from here carries our breaks. (Not asked
    // through ownsClipboard(): a platform that cannot tell, such as
    // offscreen, says false even right after our own copy.)
    if (copied.contains(kZeroWidthBreak) && text().contains(copied))
        clipboard->setText(QString(copied).remove(kZeroWidthBreak));
}

void BreakableLabel::cleanSelectionClipboard()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard->ownsSelection() || !hasSelectedText())
        return;
    const QString selected = clipboard->text(QClipboard::Selection);
    // Only a selection of ours, as Qt put it there (another label may hold
    // a selection too: it cleans the same text the same way). The clean
    // text has no break left, so the selectionChanged it causes ends here.
    if (selected.contains(kZeroWidthBreak) && text().contains(selected))
        clipboard->setText(QString(selected).remove(kZeroWidthBreak), QClipboard::Selection);
}

} // namespace hm::app
