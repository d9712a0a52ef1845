#pragma once

#include "remote/TerminalPainter.h"
#include "remote/TerminalScreen.h"

#include <QAbstractScrollArea>
#include <QList>
#include <QPoint>
#include <QString>
#include <QStringList>

class QMenu;

namespace hm::app {

// A terminal on screen (issue 38): paints its TerminalScreen on a grid of
// fixed-pitch cells with colours, attributes, wide characters and a block
// cursor (hollow without focus); the vertical scroll bar reaches back through
// the scrollback, and new output brings the view back to the bottom unless
// the user scrolled up. A resize gives the screen as many rows and columns as
// fit (terminalSizeChanged, for the remote PTY). Keys and input-method text
// go to the screen, whose output() carries the bytes for the remote program;
// Ctrl+C is ^C there, Ctrl+Shift+C copies the selection and Ctrl+Shift+V
// (or Shift+Insert) pastes. The mouse selects (drag; a double-click takes a
// word); the context menu copies, pastes and clears the scrollback. When the
// remote program asks for mouse reports (htop, tmux, vim's mouse=a), clicks,
// drags and the wheel go to it instead, and Shift+mouse still selects.
class TerminalView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TerminalView(QWidget *parent = nullptr);
    ~TerminalView() override;

    TerminalScreen *screen() const { return m_screen; }

    void setTerminalFont(const QFont &font);
    QFont terminalFont() const { return m_painter.font(); }
    QSize cellSize() const { return m_painter.cellSize(); }
    // The empty border around the grid, in pixels, on every side.
    static constexpr int Padding = 4;

    bool hasSelection() const;
    QString selectedText() const;
    void clearSelection();
    // The selection onto the clipboard; the clipboard's text to the remote.
    void copy();
    void pasteClipboard();
    void clearScrollback();
    // Whether the view shows the bottom (the screen) and follows new output.
    bool isAtBottom() const;
    void scrollToBottom();

    // The context menu's actions (Copy, Paste, Clear scrollback), for a
    // menu owned by `parent`.
    QMenu *createContextMenu(QWidget *parent);

    QSize sizeHint() const override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

signals:
    // The screen now has this many rows and columns: tell the remote PTY.
    void terminalSizeChanged(int rows, int cols);

protected:
    bool event(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void onDamaged(const QRect &cells);
    void onScrollbackChanged(int added, int dropped);
    void updateCursor();
    void updateScrollRange();
    void fitScreenToViewport();

    int firstVisibleLine() const;
    // A history line (TerminalScreen's numbering) and its top in pixels.
    int lineTop(int line) const;
    QRect cursorRect() const;
    // The selection boundary nearest a point: x column (0..cols), y line.
    QPoint boundaryAt(const QPoint &pos) const;
    // The cell under a point: x column, y line.
    QPoint cellAt(const QPoint &pos) const;
    // Whether the mouse goes to the remote program (it asked for reports,
    // Shift is not held and the view shows the screen) rather than selecting.
    bool reportsMouse(Qt::KeyboardModifiers modifiers) const;
    // Reports a button of `event` to the remote program.
    void reportButton(const QMouseEvent *event, bool pressed);
    // [from, to) of `line` that the selection covers, or false.
    bool selectionOn(int line, int &from, int &to) const;
    // The selected text of one line (empty when none of it is selected).
    QString selectedLineText(int line) const;
    void selectWordAt(const QPoint &cell);
    // Remembers the selected text, line by line, and offers it as the X11
    // primary selection: the selection is made.
    void finishSelection();

    TerminalScreen *m_screen = nullptr;
    TerminalPainter m_painter;
    QList<TerminalGlyph> m_line; // the line being painted, reused
    QRect m_lastCursorRect;
    QString m_preedit;

    // The selection between two boundaries (x column, y history line);
    // empty when they are equal.
    QPoint m_selectionAnchor;
    QPoint m_selectionEnd;
    QStringList m_selectionLines; // the text under it when it was made, first line first
    bool m_selecting = false;
    int m_wheelDelta = 0; // eighths of a degree not reported yet
    bool m_follow = true;
    bool m_adjustingScroll = false;
};

} // namespace hm::app
