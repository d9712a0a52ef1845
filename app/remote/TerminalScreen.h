#pragma once

#include "remote/TerminalScrollback.h"

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QObject>
#include <QPoint>
#include <QRect>
#include <QString>

#include <array>

// libvterm's types (vterm.h), declared here so that only TerminalScreen.cpp
// includes the C header.
struct VTerm;
struct VTermScreen;
struct VTermState;

namespace hm::app {

// One cell as the view paints it: plain values and no QString, so a paint
// allocates nothing per cell.
struct TerminalGlyph
{
    enum Flag : quint8 {
        Bold = 1 << 0,
        Italic = 1 << 1,
        Underline = 1 << 2,
        Reverse = 1 << 3,
        Strike = 1 << 4,
        DefaultFg = 1 << 5,
        DefaultBg = 1 << 6,
    };
    // The base character and its combining marks, 0-terminated unless all
    // six are used; chars[0] == 0 is a blank cell.
    std::array<char32_t, 6> chars{};
    QRgb fg = 0; // resolved through the palette, before Reverse is applied
    QRgb bg = 0;
    quint8 width = 1; // 1; 2 a wide character's left half; 0 its right half
    quint8 flags = 0;

    bool has(Flag flag) const { return (flags & flag) != 0; }
};

// One cell for readers that are not painting (tests, copying).
struct TerminalCell
{
    QString text;  // the cell's characters; empty when blank or a right half
    int width = 1; // 1; 2 a wide character (the next cell is its right half); 0 that right half
    QColor fg;     // resolved: palette, 256 colours, RGB or the default colour
    QColor bg;
    bool defaultFg = true; // no SGR colour was set (fg is the default colour)
    bool defaultBg = true;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool reverse = false;
    bool strike = false;
};

// A terminal's screen on libvterm: bytes from the remote program in (feed),
// a grid of cells, a cursor, a title and a bounded scrollback out; keys and
// text from the user in, the bytes for the remote program out (output).
// UTF-8, the alternate screen (full-screen programs leave the scrollback
// alone) and damage merged by rows. Nothing grows beyond the screen and the
// scrollback limit however much comes in.
//
// Lines are counted two ways: screen rows 0..rows()-1, and "history lines"
// 0..historyLines()-1, the scrollback (oldest first) followed by the screen
// rows, which is what a view scrolls through.
class TerminalScreen final : public QObject
{
    Q_OBJECT

public:
    explicit TerminalScreen(int rows = 24, int cols = 80, QObject *parent = nullptr);
    ~TerminalScreen() override;

    // Bytes from the remote program: text, escapes, answers to its queries.
    void feed(const QByteArray &bytes);
    // A shorter screen pushes its top lines into the scrollback and a taller
    // one takes them back. Lines already written keep their breaks:
    // libvterm 0.1.4 does not reflow them, later output wraps at the new width.
    void resize(int rows, int cols);
    int rows() const { return m_rows; }
    int cols() const { return m_cols; }

    TerminalCell cellAt(int row, int col) const;
    QPoint cursor() const { return m_cursor; } // x = column, y = row
    bool cursorVisible() const { return m_cursorVisible; }
    // What the program asked for with DECSCUSR (vim's insert mode: a bar).
    enum class CursorShape { Block, Underline, Bar };
    CursorShape cursorShape() const { return m_cursorShape; }
    bool altScreen() const { return m_altScreen; }
    QString title() const { return m_title; }

    // The colours of cells that set none, and the 256 indexed colours (0-15
    // the ANSI ones, then the 6x6x6 cube and the grey ramp).
    QColor defaultForeground() const;
    QColor defaultBackground() const;
    QColor paletteColor(int index) const;

    // The user's keys: special keys and Ctrl/Alt combinations through
    // libvterm's keyboard (cursor keys follow the application-cursor mode),
    // plain text as UTF-8. Returns false for a key libvterm has no bytes for.
    bool sendKey(Qt::Key key, Qt::KeyboardModifiers modifiers);
    void sendText(const QString &text);
    // Whether the program asked for mouse reports (modes 1000, 1002, 1003);
    // then the view sends it clicks, drags and the wheel instead of
    // selecting (Shift still selects).
    bool mouseTracking() const { return m_mouseMode != 0; }
    // A button (1 left, 2 middle, 3 right, 4/5 wheel up/down) pressed or
    // released over screen cell (row, col), in the encoding the program
    // chose; nothing when it asked for no reports.
    void sendMouseButton(int button, bool pressed, int row, int col,
                         Qt::KeyboardModifiers modifiers);
    // The pointer over screen cell (row, col): a drag or move report when
    // the program's mode wants one.
    void sendMouseMove(int row, int col, Qt::KeyboardModifiers modifiers);
    // Pasted text: line ends become CR, as a terminal types them, inside
    // bracketed-paste markers when the program asked for them (mode 2004).
    void paste(const QString &text);

    // Scrollback: at most `limit` lines, 10,000 unless set.
    void setScrollbackLimit(int limit);
    int scrollbackLimit() const { return m_scrollback.limit(); }
    int scrollbackLines() const { return m_scrollback.size(); }
    // The cells of scrollback line `index` (0 the oldest), cols() of them.
    QList<TerminalCell> scrollbackLine(int index) const;
    void clearScrollback();

    // Scrollback then screen rows (see above).
    int historyLines() const { return m_scrollback.size() + m_rows; }
    // History line `line` as cols() glyphs into `out` (reusing its storage).
    void readLine(int line, QList<TerminalGlyph> &out) const;
    // The text of history line `line`, columns [fromCol, toCol): a wide
    // character once, trailing blanks dropped.
    QString lineText(int line, int fromCol, int toCol) const;

signals:
    // Bytes for the remote program: keys, pastes and answers to queries.
    void output(const QByteArray &bytes);
    // Screen cells that changed (x column, y row), once per feed or resize.
    void damaged(const QRect &cells);
    void cursorChanged();
    void titleChanged(const QString &title);
    void bell();
    // Lines went into the scrollback (added) or came back (added < 0);
    // `dropped` old ones fell out of the ring at the top.
    void scrollbackChanged(int added, int dropped);

private:
    struct Callbacks;
    friend struct Callbacks;

    void flushOutput();
    void flushChanges();
    TerminalCell cellOf(const TerminalGlyph &glyph) const;
    void readScrollback(int index, QList<TerminalGlyph> &out) const;
    void readScreenRow(int row, QList<TerminalGlyph> &out) const;

    VTerm *m_vt = nullptr;             // owned, freed in the destructor
    VTermScreen *m_screen = nullptr;   // owned by m_vt
    VTermState *m_state = nullptr;     // owned by m_vt
    QRgb m_defaultFg = 0;
    QRgb m_defaultBg = 0;
    int m_rows;
    int m_cols;
    QPoint m_cursor;
    bool m_cursorVisible = true;
    CursorShape m_cursorShape = CursorShape::Block;
    bool m_altScreen = false;
    int m_mouseMode = 0; // libvterm's VTERM_PROP_MOUSE
    QString m_title;
    TerminalScrollback m_scrollback;

    // Gathered while libvterm runs, announced once it returns.
    QByteArray m_pendingOutput;
    QRect m_damage;
    bool m_cursorMoved = false;
    bool m_titleChanged = false;
    int m_bells = 0;
    int m_added = 0;
    int m_dropped = 0;
};

} // namespace hm::app
