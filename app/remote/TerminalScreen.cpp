#include "remote/TerminalScreen.h"

#include "remote/TerminalPalette.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vterm.h>

namespace hm::app {

namespace {

// libvterm marks the right half of a wide character with this first char.
constexpr uint32_t tsWideRightHalf = 0xFFFFFFFFu;

static_assert(sizeof(VTermColor) == 4, "TerminalScrollback keeps VTermColor in 4 bytes");

VTermColor tsVTermRgb(QRgb rgb)
{
    VTermColor colour;
    vterm_color_rgb(&colour, uint8_t(qRed(rgb)), uint8_t(qGreen(rgb)), uint8_t(qBlue(rgb)));
    return colour;
}

QRgb tsResolve(const VTermScreen *screen, VTermColor colour, bool foreground, QRgb fallback)
{
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&colour) : VTERM_COLOR_IS_DEFAULT_BG(&colour))
        return fallback;
    if (VTERM_COLOR_IS_INDEXED(&colour))
        vterm_screen_convert_color_to_rgb(screen, &colour);
    return qRgb(colour.rgb.red, colour.rgb.green, colour.rgb.blue);
}

quint16 tsPackAttrs(const VTermScreenCellAttrs &attrs)
{
    using S = TerminalScrollback;
    return quint16((attrs.bold ? S::Bold : 0) | (attrs.italic ? S::Italic : 0) |
                   (attrs.blink ? S::Blink : 0) | (attrs.reverse ? S::Reverse : 0) |
                   (attrs.strike ? S::Strike : 0) | (attrs.underline << S::UnderlineShift) |
                   (attrs.font << S::FontShift));
}

void tsUnpackAttrs(quint16 packed, VTermScreenCellAttrs &attrs)
{
    using S = TerminalScrollback;
    attrs = {};
    attrs.bold = (packed & S::Bold) != 0;
    attrs.italic = (packed & S::Italic) != 0;
    attrs.blink = (packed & S::Blink) != 0;
    attrs.reverse = (packed & S::Reverse) != 0;
    attrs.strike = (packed & S::Strike) != 0;
    attrs.underline = (packed >> S::UnderlineShift) & 0x3;
    attrs.font = (packed >> S::FontShift) & 0xF;
}

// A cell nobody wrote: what a line shorter than the screen is padded with.
VTermScreenCell tsBlankCell(const VTermState *state)
{
    VTermScreenCell cell;
    std::memset(&cell, 0, sizeof cell);
    cell.width = 1;
    vterm_state_get_default_colors(state, &cell.fg, &cell.bg);
    return cell;
}

bool tsIsBlank(const VTermScreenCell &cell)
{
    return cell.chars[0] == 0 && VTERM_COLOR_IS_DEFAULT_BG(&cell.bg) && !cell.attrs.reverse &&
           cell.attrs.underline == 0 && !cell.attrs.strike;
}

void tsStore(const VTermScreenCell *cells, int cols, TerminalScrollback::Line &line)
{
    // Trailing blanks are implied: most lines are much shorter than the screen.
    int used = cols;
    while (used > 0 && tsIsBlank(cells[used - 1]))
        --used;
    line.cells.resize(std::size_t(used));
    line.marks.clear();
    for (int col = 0; col < used; ++col) {
        const VTermScreenCell &from = cells[col];
        TerminalScrollback::Cell &to = line.cells[std::size_t(col)];
        to.ch = from.chars[0];
        std::memcpy(to.fg.data(), &from.fg, sizeof from.fg);
        std::memcpy(to.bg.data(), &from.bg, sizeof from.bg);
        to.attrs = tsPackAttrs(from.attrs);
        to.width = quint8(std::clamp(int(from.width), 1, 2));
        if (from.chars[0] != 0 && from.chars[0] != tsWideRightHalf && from.chars[1] != 0) {
            TerminalScrollback::Marks marks;
            marks.column = col;
            for (int i = 1; i < VTERM_MAX_CHARS_PER_CELL && from.chars[i] != 0; ++i)
                marks.chars[std::size_t(i - 1)] = from.chars[i];
            line.marks.push_back(marks);
        }
    }
}

// A stored cell as libvterm's cell, its combining marks aside.
VTermScreenCell tsCellOf(const TerminalScrollback::Cell &from)
{
    VTermScreenCell to;
    std::memset(&to, 0, sizeof to);
    to.chars[0] = from.ch;
    std::memcpy(&to.fg, from.fg.data(), sizeof to.fg);
    std::memcpy(&to.bg, from.bg.data(), sizeof to.bg);
    tsUnpackAttrs(from.attrs, to.attrs);
    to.width = char(from.width);
    return to;
}

void tsRestore(const TerminalScrollback::Line &line, const VTermState *state, int cols,
               VTermScreenCell *cells)
{
    const VTermScreenCell blank = tsBlankCell(state);
    const int stored = std::min(cols, int(line.cells.size()));
    for (int col = 0; col < cols; ++col)
        cells[col] = col < stored ? tsCellOf(line.cells[std::size_t(col)]) : blank;
    // libvterm steps over a line by its cells' widths: never 0, and a wide
    // character cut by a narrower screen becomes a narrow one.
    if (stored > 0 && stored == cols && cells[cols - 1].width == 2)
        cells[cols - 1].width = 1;
    for (const TerminalScrollback::Marks &marks : line.marks) {
        if (marks.column >= stored)
            continue;
        for (std::size_t i = 0; i < marks.chars.size(); ++i)
            cells[marks.column].chars[i + 1] = marks.chars[i];
    }
}

TerminalGlyph tsGlyph(const VTermScreenCell &cell, const VTermScreen *screen, QRgb defaultFg,
                      QRgb defaultBg)
{
    TerminalGlyph glyph;
    if (cell.chars[0] == tsWideRightHalf) {
        glyph.width = 0;
    } else {
        for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; ++i)
            glyph.chars[std::size_t(i)] = cell.chars[i];
        glyph.width = quint8(cell.width == 2 ? 2 : 1);
    }
    glyph.fg = tsResolve(screen, cell.fg, true, defaultFg);
    glyph.bg = tsResolve(screen, cell.bg, false, defaultBg);
    quint8 flags = 0;
    if (cell.attrs.bold)
        flags |= TerminalGlyph::Bold;
    if (cell.attrs.italic)
        flags |= TerminalGlyph::Italic;
    if (cell.attrs.underline != 0)
        flags |= TerminalGlyph::Underline;
    if (cell.attrs.reverse)
        flags |= TerminalGlyph::Reverse;
    if (cell.attrs.strike)
        flags |= TerminalGlyph::Strike;
    if (VTERM_COLOR_IS_DEFAULT_FG(&cell.fg))
        flags |= TerminalGlyph::DefaultFg;
    if (VTERM_COLOR_IS_DEFAULT_BG(&cell.bg))
        flags |= TerminalGlyph::DefaultBg;
    glyph.flags = flags;
    return glyph;
}

VTermModifier tsModifiers(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

VTermKey tsSpecialKey(int key)
{
    switch (key) {
    // The keypad's Enter too: libvterm's KP_ENTER is LF outside application
    // keypad mode, where shells want CR as xterm sends it.
    case Qt::Key_Return:
    case Qt::Key_Enter: return VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab: return VTERM_KEY_TAB;
    case Qt::Key_Backspace: return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape: return VTERM_KEY_ESCAPE;
    case Qt::Key_Up: return VTERM_KEY_UP;
    case Qt::Key_Down: return VTERM_KEY_DOWN;
    case Qt::Key_Left: return VTERM_KEY_LEFT;
    case Qt::Key_Right: return VTERM_KEY_RIGHT;
    case Qt::Key_Insert: return VTERM_KEY_INS;
    case Qt::Key_Delete: return VTERM_KEY_DEL;
    case Qt::Key_Home: return VTERM_KEY_HOME;
    case Qt::Key_End: return VTERM_KEY_END;
    case Qt::Key_PageUp: return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown: return VTERM_KEY_PAGEDOWN;
    default: break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
    return VTERM_KEY_NONE;
}

} // namespace

// libvterm's callbacks: they only gather; TerminalScreen announces once
// libvterm has returned, so a slot may feed or resize again safely.
struct TerminalScreen::Callbacks
{
    static TerminalScreen *self(void *user) { return static_cast<TerminalScreen *>(user); }

    static void output(const char *bytes, size_t length, void *user)
    {
        self(user)->m_pendingOutput.append(bytes, qsizetype(length));
    }
    static int damage(VTermRect rect, void *user)
    {
        TerminalScreen *screen = self(user);
        screen->m_damage |= QRect(rect.start_col, rect.start_row, rect.end_col - rect.start_col,
                                  rect.end_row - rect.start_row);
        return 1;
    }
    static int moveCursor(VTermPos pos, VTermPos, int visible, void *user)
    {
        TerminalScreen *screen = self(user);
        screen->m_cursor = QPoint(pos.col, pos.row);
        screen->m_cursorVisible = visible != 0;
        screen->m_cursorMoved = true;
        return 1;
    }
    static int setTermProp(VTermProp prop, VTermValue *value, void *user)
    {
        TerminalScreen *screen = self(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            screen->m_cursorVisible = value->boolean != 0;
            screen->m_cursorMoved = true;
            break;
        case VTERM_PROP_ALTSCREEN:
            screen->m_altScreen = value->boolean != 0;
            screen->m_damage |= QRect(0, 0, screen->m_cols, screen->m_rows);
            break;
        case VTERM_PROP_CURSORSHAPE:
            screen->m_cursorShape = value->number == VTERM_PROP_CURSORSHAPE_UNDERLINE
                                        ? CursorShape::Underline
                                    : value->number == VTERM_PROP_CURSORSHAPE_BAR_LEFT
                                        ? CursorShape::Bar
                                        : CursorShape::Block;
            screen->m_cursorMoved = true;
            break;
        case VTERM_PROP_MOUSE:
            screen->m_mouseMode = value->number;
            break;
        case VTERM_PROP_TITLE: {
            const QString title = QString::fromUtf8(value->string ? value->string : "");
            if (title != screen->m_title) {
                screen->m_title = title;
                screen->m_titleChanged = true;
            }
            break;
        }
        default:
            break;
        }
        return 1;
    }
    static int bell(void *user)
    {
        ++self(user)->m_bells;
        return 1;
    }
    static int pushLine(int cols, const VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        int dropped = 0;
        if (TerminalScrollback::Line *line = screen->m_scrollback.append(dropped))
            tsStore(cells, cols, *line);
        screen->m_dropped += dropped;
        ++screen->m_added;
        return 1;
    }
    static int popLine(int cols, VTermScreenCell *cells, void *user)
    {
        TerminalScreen *screen = self(user);
        TerminalScrollback::Line line;
        if (!screen->m_scrollback.pop(line))
            return 0;
        tsRestore(line, screen->m_state, cols, cells);
        --screen->m_added;
        return 1;
    }

    static const VTermScreenCallbacks table;
};

const VTermScreenCallbacks TerminalScreen::Callbacks::table = {
    &Callbacks::damage,  nullptr /* moverect: damage instead */,
    &Callbacks::moveCursor, &Callbacks::setTermProp,
    &Callbacks::bell,    nullptr /* resize: resize() knows */,
    &Callbacks::pushLine, &Callbacks::popLine,
};

TerminalScreen::TerminalScreen(int rows, int cols, QObject *parent)
    : QObject(parent), m_rows(std::max(1, rows)), m_cols(std::max(1, cols))
{
    m_vt = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &Callbacks::output, this);
    m_state = vterm_obtain_state(m_vt);
    m_screen = vterm_obtain_screen(m_vt);
    vterm_screen_set_callbacks(m_screen, &Callbacks::table, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_ROW);
    vterm_screen_enable_altscreen(m_screen, 1);

    m_defaultFg = TerminalPalette::defaultForeground;
    m_defaultBg = TerminalPalette::defaultBackground;
    const VTermColor fg = tsVTermRgb(m_defaultFg);
    const VTermColor bg = tsVTermRgb(m_defaultBg);
    vterm_state_set_default_colors(m_state, &fg, &bg);
    for (int index = 0; index < int(TerminalPalette::ansi.size()); ++index) {
        const VTermColor colour = tsVTermRgb(TerminalPalette::ansi[std::size_t(index)]);
        vterm_state_set_palette_color(m_state, index, &colour);
    }
    vterm_screen_reset(m_screen, 1);
    // The reset's damage and cursor are the starting state, not news.
    m_damage = QRect();
    m_cursorMoved = false;
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vt);
}

void TerminalScreen::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(m_vt, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    flushChanges();
    flushOutput();
}

void TerminalScreen::resize(int rows, int cols)
{
    rows = std::max(1, rows);
    cols = std::max(1, cols);
    if (rows == m_rows && cols == m_cols)
        return;
    // libvterm pushes lines above a shrinking screen into the scrollback and
    // pops them back when it grows; the callbacks see the new column count.
    vterm_set_size(m_vt, rows, cols);
    m_rows = rows;
    m_cols = cols;
    vterm_screen_flush_damage(m_screen);
    VTermPos cursor;
    vterm_state_get_cursorpos(m_state, &cursor);
    m_cursor = QPoint(cursor.col, cursor.row);
    m_cursorMoved = true;
    m_damage = QRect(0, 0, m_cols, m_rows);
    flushChanges();
    flushOutput();
}

void TerminalScreen::flushOutput()
{
    if (m_pendingOutput.isEmpty())
        return;
    const QByteArray bytes = m_pendingOutput;
    m_pendingOutput.clear();
    emit output(bytes);
}

void TerminalScreen::flushChanges()
{
    const int added = std::exchange(m_added, 0);
    const int dropped = std::exchange(m_dropped, 0);
    const QRect damage = std::exchange(m_damage, QRect()) & QRect(0, 0, m_cols, m_rows);
    const bool cursorMoved = std::exchange(m_cursorMoved, false);
    const bool titleIsNew = std::exchange(m_titleChanged, false);
    const int bells = std::exchange(m_bells, 0);
    if (added != 0 || dropped != 0)
        emit scrollbackChanged(added, dropped);
    if (!damage.isEmpty())
        emit damaged(damage);
    if (cursorMoved)
        emit cursorChanged();
    if (titleIsNew)
        emit titleChanged(m_title);
    if (bells > 0)
        emit bell(); // one ring for a burst of BELs
}

TerminalCell TerminalScreen::cellAt(int row, int col) const
{
    if (row < 0 || row >= m_rows || col < 0 || col >= m_cols)
        return {};
    VTermScreenCell cell;
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &cell))
        return {};
    return cellOf(tsGlyph(cell, m_screen, m_defaultFg, m_defaultBg));
}

TerminalCell TerminalScreen::cellOf(const TerminalGlyph &glyph) const
{
    TerminalCell cell;
    for (char32_t ch : glyph.chars) {
        if (ch == 0)
            break;
        cell.text += QString::fromUcs4(&ch, 1);
    }
    cell.width = glyph.width;
    cell.fg = QColor(glyph.fg);
    cell.bg = QColor(glyph.bg);
    cell.defaultFg = glyph.has(TerminalGlyph::DefaultFg);
    cell.defaultBg = glyph.has(TerminalGlyph::DefaultBg);
    cell.bold = glyph.has(TerminalGlyph::Bold);
    cell.italic = glyph.has(TerminalGlyph::Italic);
    cell.underline = glyph.has(TerminalGlyph::Underline);
    cell.reverse = glyph.has(TerminalGlyph::Reverse);
    cell.strike = glyph.has(TerminalGlyph::Strike);
    return cell;
}

QColor TerminalScreen::defaultForeground() const
{
    return QColor(m_defaultFg);
}

QColor TerminalScreen::defaultBackground() const
{
    return QColor(m_defaultBg);
}

QColor TerminalScreen::paletteColor(int index) const
{
    VTermColor colour;
    vterm_state_get_palette_color(m_state, std::clamp(index, 0, 255), &colour);
    vterm_state_convert_color_to_rgb(m_state, &colour);
    return QColor(colour.rgb.red, colour.rgb.green, colour.rgb.blue);
}

bool TerminalScreen::sendKey(Qt::Key key, Qt::KeyboardModifiers modifiers)
{
    const VTermModifier mod = tsModifiers(modifiers);
    const VTermKey special = tsSpecialKey(key);
    if (special != VTERM_KEY_NONE) {
        // Shift+Tab arrives as Backtab; libvterm wants Tab with Shift (CSI Z).
        const VTermModifier withShift =
            key == Qt::Key_Backtab ? VTermModifier(mod | VTERM_MOD_SHIFT) : mod;
        vterm_keyboard_key(m_vt, special, withShift);
        flushOutput();
        return true;
    }
    if (key < Qt::Key_Space || key > Qt::Key_AsciiTilde)
        return false;
    // Qt names letters by their capital; the terminal types the small one
    // unless Shift is down (Ctrl+C is ^C either way: libvterm masks it).
    char32_t ch = char32_t(key);
    if (ch >= U'A' && ch <= U'Z' && !(modifiers & Qt::ShiftModifier))
        ch = ch - U'A' + U'a';
    if ((mod & VTERM_MOD_CTRL) && ch >= U'A' && ch <= U'Z')
        ch = ch - U'A' + U'a';
    vterm_keyboard_unichar(m_vt, uint32_t(ch), mod);
    flushOutput();
    return true;
}

void TerminalScreen::sendText(const QString &text)
{
    for (char32_t ch : text.toUcs4())
        vterm_keyboard_unichar(m_vt, uint32_t(ch), VTERM_MOD_NONE);
    flushOutput();
}

void TerminalScreen::sendMouseButton(int button, bool pressed, int row, int col,
                                     Qt::KeyboardModifiers modifiers)
{
    if (m_mouseMode == 0)
        return;
    const VTermModifier mod = tsModifiers(modifiers);
    vterm_mouse_move(m_vt, std::clamp(row, 0, m_rows - 1), std::clamp(col, 0, m_cols - 1), mod);
    vterm_mouse_button(m_vt, button, pressed, mod);
    flushOutput();
}

void TerminalScreen::sendMouseMove(int row, int col, Qt::KeyboardModifiers modifiers)
{
    if (m_mouseMode == 0)
        return;
    vterm_mouse_move(m_vt, std::clamp(row, 0, m_rows - 1), std::clamp(col, 0, m_cols - 1),
                     tsModifiers(modifiers));
    flushOutput();
}

void TerminalScreen::paste(const QString &text)
{
    QString typed = text;
    typed.replace(QStringLiteral("\r\n"), QStringLiteral("\r"));
    typed.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    // libvterm writes the markers only when the program set mode 2004.
    vterm_keyboard_start_paste(m_vt);
    for (char32_t ch : typed.toUcs4())
        vterm_keyboard_unichar(m_vt, uint32_t(ch), VTERM_MOD_NONE);
    vterm_keyboard_end_paste(m_vt);
    flushOutput();
}

void TerminalScreen::setScrollbackLimit(int limit)
{
    const int before = m_scrollback.size();
    m_scrollback.setLimit(limit);
    const int dropped = before - m_scrollback.size();
    if (dropped > 0)
        emit scrollbackChanged(0, dropped);
}

QList<TerminalCell> TerminalScreen::scrollbackLine(int index) const
{
    QList<TerminalCell> cells;
    if (index < 0 || index >= m_scrollback.size())
        return cells;
    QList<TerminalGlyph> glyphs;
    readScrollback(index, glyphs);
    cells.reserve(glyphs.size());
    for (const TerminalGlyph &glyph : glyphs)
        cells.append(cellOf(glyph));
    return cells;
}

void TerminalScreen::clearScrollback()
{
    const int dropped = m_scrollback.size();
    m_scrollback.clear();
    if (dropped > 0)
        emit scrollbackChanged(0, dropped);
}

void TerminalScreen::readLine(int line, QList<TerminalGlyph> &out) const
{
    if (line < m_scrollback.size())
        readScrollback(std::max(0, line), out);
    else
        readScreenRow(line - m_scrollback.size(), out);
}

void TerminalScreen::readScrollback(int index, QList<TerminalGlyph> &out) const
{
    const TerminalScrollback::Line &line = m_scrollback.at(index);
    TerminalGlyph blank;
    blank.fg = m_defaultFg;
    blank.bg = m_defaultBg;
    blank.flags = TerminalGlyph::DefaultFg | TerminalGlyph::DefaultBg;
    out.resize(m_cols);
    const int stored = std::min(m_cols, int(line.cells.size()));
    for (int col = 0; col < m_cols; ++col) {
        out[col] = col < stored ? tsGlyph(tsCellOf(line.cells[std::size_t(col)]), m_screen,
                                          m_defaultFg, m_defaultBg)
                                : blank;
    }
    // A wide character cut at the right edge by a narrower screen.
    if (stored == m_cols && out[m_cols - 1].width == 2)
        out[m_cols - 1].width = 1;
    for (const TerminalScrollback::Marks &marks : line.marks) {
        if (marks.column < stored && out[marks.column].width != 0)
            std::copy(marks.chars.begin(), marks.chars.end(), out[marks.column].chars.begin() + 1);
    }
}

void TerminalScreen::readScreenRow(int row, QList<TerminalGlyph> &out) const
{
    out.resize(m_cols);
    if (row < 0 || row >= m_rows) {
        std::fill(out.begin(), out.end(), TerminalGlyph{});
        return;
    }
    VTermScreenCell cell;
    for (int col = 0; col < m_cols; ++col) {
        if (vterm_screen_get_cell(m_screen, VTermPos{row, col}, &cell))
            out[col] = tsGlyph(cell, m_screen, m_defaultFg, m_defaultBg);
        else
            out[col] = TerminalGlyph{};
    }
}

QString TerminalScreen::lineText(int line, int fromCol, int toCol) const
{
    QList<TerminalGlyph> glyphs;
    readLine(line, glyphs);
    QString text;
    const int end = std::min(toCol, int(glyphs.size()));
    for (int col = std::max(0, fromCol); col < end; ++col) {
        const TerminalGlyph &glyph = glyphs[col];
        if (glyph.width == 0)
            continue;
        if (glyph.chars[0] == 0) {
            text += QLatin1Char(' ');
            continue;
        }
        for (char32_t ch : glyph.chars) {
            if (ch == 0)
                break;
            text += QString::fromUcs4(&ch, 1);
        }
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

} // namespace hm::app
