#include "remote/TerminalView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace hm::app {

namespace {

// A word for a double-click: letters, digits, non-ASCII text and the
// characters of paths and addresses, so one click takes a whole path.
int tvCharClass(const TerminalGlyph &glyph)
{
    const char32_t ch = glyph.chars[0];
    if (ch == 0 || ch == U' ')
        return 0;
    if (ch >= 0x80)
        return 1;
    if (QChar::isLetterOrNumber(ch) || QStringView(u"_-.~/:@+%#=?&").contains(QChar(char16_t(ch))))
        return 1;
    return 2;
}

bool tvBefore(const QPoint &a, const QPoint &b)
{
    return a.y() < b.y() || (a.y() == b.y() && a.x() < b.x());
}

} // namespace

TerminalView::TerminalView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("terminalView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setFrameShape(QFrame::NoFrame);
    // Always there, so the scrollback appearing never changes the width
    // (and with it the column count) under the remote program.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent, true);
    viewport()->setCursor(Qt::IBeamCursor);
    // Programs in any-motion mouse mode (1003) want moves without a button.
    viewport()->setMouseTracking(true);

    m_screen = new TerminalScreen(24, 80, this);
    m_painter.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_screen, &TerminalScreen::damaged, this, &TerminalView::onDamaged);
    connect(m_screen, &TerminalScreen::scrollbackChanged, this,
            &TerminalView::onScrollbackChanged);
    connect(m_screen, &TerminalScreen::cursorChanged, this, &TerminalView::updateCursor);
    updateScrollRange();
}

TerminalView::~TerminalView() = default;

void TerminalView::setTerminalFont(const QFont &font)
{
    m_painter.setFont(font);
    updateGeometry();
    fitScreenToViewport();
    viewport()->update();
}

QSize TerminalView::sizeHint() const
{
    const QSize cell = cellSize();
    const int frame = 2 * frameWidth();
    return {80 * cell.width() + 2 * Padding + verticalScrollBar()->sizeHint().width() + frame,
            24 * cell.height() + 2 * Padding + frame};
}

// --- Geometry --------------------------------------------------------------

int TerminalView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

int TerminalView::lineTop(int line) const
{
    return Padding + (line - firstVisibleLine()) * cellSize().height();
}

QRect TerminalView::cursorRect() const
{
    const QPoint cursor = m_screen->cursor();
    const int width = m_screen->cellAt(cursor.y(), cursor.x()).width == 2 ? 2 : 1;
    const QSize cell = cellSize();
    return QRect(Padding + cursor.x() * cell.width(),
                 lineTop(m_screen->scrollbackLines() + cursor.y()), width * cell.width(),
                 cell.height());
}

QPoint TerminalView::boundaryAt(const QPoint &pos) const
{
    const QSize cell = cellSize();
    const int col = (pos.x() - Padding + cell.width() / 2) / cell.width();
    const int row = (pos.y() - Padding) / cell.height() - (pos.y() < Padding ? 1 : 0);
    return {std::clamp(col, 0, m_screen->cols()),
            std::clamp(firstVisibleLine() + row, 0, m_screen->historyLines() - 1)};
}

QPoint TerminalView::cellAt(const QPoint &pos) const
{
    const QSize cell = cellSize();
    const int col = (pos.x() - Padding) / cell.width();
    const int row = (pos.y() - Padding) / cell.height();
    return {std::clamp(col, 0, m_screen->cols() - 1),
            std::clamp(firstVisibleLine() + row, 0, m_screen->historyLines() - 1)};
}

void TerminalView::fitScreenToViewport()
{
    const QSize cell = cellSize();
    const int cols = std::max(1, (viewport()->width() - 2 * Padding) / cell.width());
    const int rows = std::max(1, (viewport()->height() - 2 * Padding) / cell.height());
    if (rows == m_screen->rows() && cols == m_screen->cols())
        return;
    clearSelection();
    m_screen->resize(rows, cols);
    updateScrollRange();
    viewport()->update();
    emit terminalSizeChanged(rows, cols);
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    fitScreenToViewport();
}

// --- Scrolling -------------------------------------------------------------

bool TerminalView::isAtBottom() const
{
    return verticalScrollBar()->value() == verticalScrollBar()->maximum();
}

void TerminalView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_follow = true;
}

void TerminalView::updateScrollRange()
{
    QScrollBar *bar = verticalScrollBar();
    const bool follow = m_follow;
    m_adjustingScroll = true;
    bar->setRange(0, m_screen->scrollbackLines());
    bar->setPageStep(m_screen->rows());
    bar->setSingleStep(1);
    if (follow)
        bar->setValue(bar->maximum());
    m_adjustingScroll = false;
}

void TerminalView::scrollContentsBy(int, int)
{
    if (!m_adjustingScroll)
        m_follow = isAtBottom();
    viewport()->update();
}

void TerminalView::onScrollbackChanged(int, int dropped)
{
    // History lines keep their numbers as lines scroll off the screen; only
    // lines falling out of the ring renumber everything below them.
    if (dropped > 0 && hasSelection()) {
        m_selectionAnchor.ry() -= dropped;
        m_selectionEnd.ry() -= dropped;
        if (m_selectionAnchor.y() < 0 || m_selectionEnd.y() < 0)
            clearSelection();
    }
    const int value = verticalScrollBar()->value();
    updateScrollRange();
    if (!m_follow) {
        m_adjustingScroll = true;
        verticalScrollBar()->setValue(std::max(0, value - dropped));
        m_adjustingScroll = false;
    }
    viewport()->update();
}

void TerminalView::onDamaged(const QRect &cells)
{
    const int first = m_screen->scrollbackLines() + cells.top();
    const int last = m_screen->scrollbackLines() + cells.bottom();
    if (hasSelection()) {
        // Output scrolling the selected text up keeps it (history lines keep
        // their numbers); text rewritten under the selection ends it.
        const int start = std::min(m_selectionAnchor.y(), m_selectionEnd.y());
        const int end = std::max(m_selectionAnchor.y(), m_selectionEnd.y());
        for (int line = std::max(first, start); line <= std::min(last, end); ++line) {
            if (m_selecting || selectedLineText(line) != m_selectionLines.value(line - start)) {
                clearSelection();
                break;
            }
        }
    }
    const QSize cell = cellSize();
    viewport()->update(QRect(Padding + cells.x() * cell.width(), lineTop(first),
                             cells.width() * cell.width(), cells.height() * cell.height()));
}

void TerminalView::updateCursor()
{
    viewport()->update(m_lastCursorRect);
    m_lastCursorRect = cursorRect();
    viewport()->update(m_lastCursorRect);
}

// --- Painting --------------------------------------------------------------

void TerminalView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect area = event->rect();
    painter.fillRect(area, m_screen->defaultBackground());

    TerminalPainter::Colors colors;
    colors.selectionBackground = palette().color(QPalette::Active, QPalette::Highlight);
    colors.selectionForeground = palette().color(QPalette::Active, QPalette::HighlightedText);
    colors.defaultBackground = m_screen->defaultBackground().rgb();

    const QSize cell = cellSize();
    const int first = firstVisibleLine();
    const int total = m_screen->historyLines();
    for (int row = 0; first + row < total; ++row) {
        const int top = Padding + row * cell.height();
        if (top > area.bottom())
            break;
        if (top + cell.height() <= area.top())
            continue;
        const int line = first + row;
        m_screen->readLine(line, m_line);
        int from = -1;
        int to = -1;
        if (!selectionOn(line, from, to))
            from = to = -1;
        m_painter.paintLine(painter, QPoint(Padding, top), m_line, from, to, colors);
    }

    m_lastCursorRect = cursorRect();
    const QPoint cursor = m_screen->cursor();
    if (m_screen->cursorVisible() && m_lastCursorRect.intersects(area) &&
        m_lastCursorRect.top() >= 0) {
        m_screen->readLine(m_screen->scrollbackLines() + cursor.y(), m_line);
        if (cursor.x() < m_line.size())
            m_painter.paintCursor(painter, m_lastCursorRect, m_line[cursor.x()],
                                  m_screen->cursorShape(), hasFocus());
    }
    if (!m_preedit.isEmpty())
        m_painter.paintPreedit(painter, m_lastCursorRect.topLeft(), m_preedit,
                               m_screen->defaultForeground(), m_screen->defaultBackground());
}

// --- Keys and input methods ------------------------------------------------

namespace {

bool tvIsCopy(const QKeyEvent *event)
{
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    return mods == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_C;
}

bool tvIsPaste(const QKeyEvent *event)
{
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    return (mods == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_V) ||
           (mods == Qt::ShiftModifier && event->key() == Qt::Key_Insert);
}

} // namespace

bool TerminalView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys belong to the remote program while the terminal has focus
        // (Ctrl+C is ^C, not the window's Copy); Ctrl+Shift combinations
        // other than ours stay the window's.
        auto *key = static_cast<QKeyEvent *>(event);
        const auto mods = key->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
        if (tvIsCopy(key) || tvIsPaste(key) ||
            mods != (Qt::ControlModifier | Qt::ShiftModifier)) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool TerminalView::focusNextPrevChild(bool)
{
    // Tab and Shift+Tab are keys for the remote shell, not focus moves.
    return false;
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    if (tvIsCopy(event)) {
        copy();
        return;
    }
    if (tvIsPaste(event)) {
        pasteClipboard();
        return;
    }
    const auto mods = event->modifiers();
    const auto plain = mods & ~Qt::KeypadModifier;
    if (plain == Qt::ShiftModifier &&
        (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        verticalScrollBar()->triggerAction(event->key() == Qt::Key_PageUp
                                               ? QAbstractSlider::SliderPageStepSub
                                               : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    const QString text = event->text();
    const bool printable =
        !text.isEmpty() && text.front() >= QLatin1Char(' ') && text.front() != QChar(0x7F);
    // AltGr arrives as Ctrl+Alt on Windows, with the character it makes.
    const bool altGr = (mods & Qt::ControlModifier) && (mods & Qt::AltModifier) && printable &&
                       (event->key() > Qt::Key_AsciiTilde || !text.front().isLetter());
    const bool typed =
        printable && (altGr || !(mods & (Qt::ControlModifier | Qt::AltModifier)));
    bool sent = false;
    if (typed) {
        m_screen->sendText(text);
        sent = true;
    } else if (m_screen->sendKey(Qt::Key(event->key()), mods)) {
        sent = true;
    } else if (!text.isEmpty()) {
        m_screen->sendText(text);
        sent = true;
    }
    if (!sent) {
        event->ignore();
        return;
    }
    event->accept();
    scrollToBottom();
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty()) {
        m_screen->sendText(event->commitString());
        scrollToBottom();
    }
    m_preedit = event->preeditString();
    viewport()->update();
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImCursorRectangle:
        return cursorRect().translated(viewport()->pos());
    case Qt::ImFont:
        return m_painter.font();
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return 0;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
        return QString();
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update(cursorRect());
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update(cursorRect());
}

// --- Selection -------------------------------------------------------------

bool TerminalView::hasSelection() const
{
    return m_selectionAnchor != m_selectionEnd;
}

void TerminalView::clearSelection()
{
    if (!hasSelection())
        return;
    m_selectionAnchor = m_selectionEnd = QPoint();
    m_selectionLines.clear();
    viewport()->update();
}

bool TerminalView::selectionOn(int line, int &from, int &to) const
{
    if (!hasSelection())
        return false;
    auto [start, end] = std::minmax(m_selectionAnchor, m_selectionEnd, tvBefore);
    if (line < start.y() || line > end.y())
        return false;
    from = line == start.y() ? start.x() : 0;
    to = line == end.y() ? end.x() : m_screen->cols();
    return from < to;
}

QString TerminalView::selectedLineText(int line) const
{
    int from = 0;
    int to = 0;
    if (!selectionOn(line, from, to))
        return {};
    // A selection starting on a wide character's right half takes it whole.
    if (from > 0) {
        QList<TerminalGlyph> glyphs;
        m_screen->readLine(line, glyphs);
        if (from < glyphs.size() && glyphs[from].width == 0)
            --from;
    }
    return m_screen->lineText(line, from, to);
}

QString TerminalView::selectedText() const
{
    if (!hasSelection())
        return {};
    const int start = std::min(m_selectionAnchor.y(), m_selectionEnd.y());
    const int end = std::max(m_selectionAnchor.y(), m_selectionEnd.y());
    QStringList lines;
    for (int line = start; line <= end; ++line)
        lines.append(selectedLineText(line));
    return lines.join(QLatin1Char('\n'));
}

void TerminalView::selectWordAt(const QPoint &cell)
{
    m_screen->readLine(cell.y(), m_line);
    if (m_line.isEmpty())
        return;
    int col = std::clamp(cell.x(), 0, int(m_line.size()) - 1);
    if (m_line[col].width == 0 && col > 0)
        --col;
    const int wanted = tvCharClass(m_line[col]);
    auto classAt = [&](int at) {
        return tvCharClass(m_line[at].width == 0 && at > 0 ? m_line[at - 1] : m_line[at]);
    };
    int left = col;
    while (left > 0 && classAt(left - 1) == wanted)
        --left;
    int right = col + std::max<int>(1, m_line[col].width);
    while (right < m_line.size() && classAt(right) == wanted)
        ++right;
    m_selectionAnchor = QPoint(left, cell.y());
    m_selectionEnd = QPoint(right, cell.y());
    viewport()->update();
}

void TerminalView::finishSelection()
{
    m_selectionLines.clear();
    if (!hasSelection())
        return;
    const QString text = selectedText();
    m_selectionLines = text.split(QLatin1Char('\n'));
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
}

void TerminalView::copy()
{
    // An ordinary copy the user asked for (not a secret: no ClipboardGuard).
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

void TerminalView::pasteClipboard()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty())
        return;
    m_screen->paste(text);
    scrollToBottom();
}

void TerminalView::clearScrollback()
{
    m_screen->clearScrollback();
}

bool TerminalView::reportsMouse(Qt::KeyboardModifiers modifiers) const
{
    return m_screen->mouseTracking() && !(modifiers & Qt::ShiftModifier) && isAtBottom();
}

void TerminalView::reportButton(const QMouseEvent *event, bool pressed)
{
    int button = 0;
    switch (event->button()) {
    case Qt::LeftButton: button = 1; break;
    case Qt::MiddleButton: button = 2; break;
    case Qt::RightButton: button = 3; break;
    default: return;
    }
    const QPoint cell = cellAt(event->position().toPoint());
    m_screen->sendMouseButton(button, pressed, cell.y() - m_screen->scrollbackLines(), cell.x(),
                              event->modifiers());
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    if (reportsMouse(event->modifiers())) {
        reportButton(event, true);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        clearSelection();
        m_selecting = true;
        m_selectionAnchor = m_selectionEnd = boundaryAt(event->position().toPoint());
        event->accept();
        return;
    }
    if (event->button() == Qt::MiddleButton && QGuiApplication::clipboard()->supportsSelection()) {
        const QString text = QGuiApplication::clipboard()->text(QClipboard::Selection);
        if (!text.isEmpty()) {
            m_screen->paste(text);
            scrollToBottom();
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    if (reportsMouse(event->modifiers()) && !m_selecting) {
        const QPoint cell = cellAt(event->position().toPoint());
        m_screen->sendMouseMove(cell.y() - m_screen->scrollbackLines(), cell.x(),
                                event->modifiers());
        event->accept();
        return;
    }
    if (!m_selecting || !(event->buttons() & Qt::LeftButton)) {
        QAbstractScrollArea::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    // Dragging past the top or bottom edge reaches further lines.
    if (pos.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (pos.y() >= viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_selectionEnd = boundaryAt(pos);
    viewport()->update();
    event->accept();
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (reportsMouse(event->modifiers()) && !m_selecting) {
        reportButton(event, false);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        finishSelection();
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The program counts clicks itself: the second one is just a press.
    if (reportsMouse(event->modifiers())) {
        reportButton(event, true);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    m_selecting = false;
    selectWordAt(cellAt(event->position().toPoint()));
    finishSelection();
    event->accept();
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    if (!reportsMouse(event->modifiers())) {
        // A full-screen program without mouse reports (less, man) has no
        // scrollback to show: the wheel moves it with cursor keys instead.
        if (m_screen->altScreen() && !(event->modifiers() & Qt::ShiftModifier) && isAtBottom()) {
            m_wheelDelta += event->angleDelta().y();
            while (std::abs(m_wheelDelta) >= 120) {
                const bool up = m_wheelDelta > 0;
                for (int line = 0; line < 3; ++line)
                    m_screen->sendKey(up ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier);
                m_wheelDelta += up ? -120 : 120;
            }
            event->accept();
            return;
        }
        m_wheelDelta = 0;
        QAbstractScrollArea::wheelEvent(event);
        return;
    }
    // One report (button 4 up, 5 down) per notch; touchpads send fractions.
    m_wheelDelta += event->angleDelta().y();
    const QPoint cell = cellAt(event->position().toPoint());
    const int row = cell.y() - m_screen->scrollbackLines();
    while (std::abs(m_wheelDelta) >= 120) {
        const bool up = m_wheelDelta > 0;
        m_screen->sendMouseButton(up ? 4 : 5, true, row, cell.x(), event->modifiers());
        m_wheelDelta += up ? -120 : 120;
    }
    event->accept();
}

// --- Context menu ----------------------------------------------------------

QMenu *TerminalView::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("terminalContextMenu"));
    QAction *copyAction = menu->addAction(tr("Copy"), this, &TerminalView::copy);
    copyAction->setObjectName(QStringLiteral("terminalCopy"));
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction->setEnabled(hasSelection());
    QAction *pasteAction = menu->addAction(tr("Paste"), this, &TerminalView::pasteClipboard);
    pasteAction->setObjectName(QStringLiteral("terminalPaste"));
    pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    pasteAction->setEnabled(!QGuiApplication::clipboard()->text().isEmpty());
    menu->addSeparator();
    QAction *clearAction =
        menu->addAction(tr("Clear scrollback"), this, &TerminalView::clearScrollback);
    clearAction->setObjectName(QStringLiteral("terminalClearScrollback"));
    clearAction->setEnabled(m_screen->scrollbackLines() > 0);
    return menu;
}

void TerminalView::contextMenuEvent(QContextMenuEvent *event)
{
    // The right button is the program's then; Shift+right-click still
    // opens the menu.
    if (event->reason() == QContextMenuEvent::Mouse && reportsMouse(event->modifiers())) {
        event->accept();
        return;
    }
    QMenu *menu = createContextMenu(this);
    menu->exec(event->globalPos());
    delete menu;
}

} // namespace hm::app
