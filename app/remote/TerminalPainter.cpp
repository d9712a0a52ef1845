#include "remote/TerminalPainter.h"

#include "remote/TerminalBoxDrawing.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPainter>
#include <QPoint>
#include <QRect>

#include <algorithm>
#include <cmath>

namespace hm::app {

namespace {

constexpr quint8 tpStyleFlags = TerminalGlyph::Bold | TerminalGlyph::Italic |
                                TerminalGlyph::Underline | TerminalGlyph::Strike;

void tpAppend(QString &text, char32_t ch)
{
    if (QChar::requiresSurrogates(ch)) {
        text += QChar(QChar::highSurrogate(ch));
        text += QChar(QChar::lowSurrogate(ch));
    } else {
        text += QChar(char16_t(ch));
    }
}

// The colours a cell shows: reverse swaps them, the selection overrides
// them; `paintBackground` is false where the line's background shows.
struct TpColors
{
    QRgb fg;
    QRgb bg;
    bool paintBackground;
};

TpColors tpColorsOf(const TerminalGlyph &glyph, bool selected,
                    const TerminalPainter::Colors &colors)
{
    TpColors out{glyph.fg, glyph.bg, !glyph.has(TerminalGlyph::DefaultBg)};
    if (glyph.has(TerminalGlyph::Reverse)) {
        std::swap(out.fg, out.bg);
        out.paintBackground = true;
    }
    if (selected) {
        out.fg = colors.selectionForeground.rgb();
        out.bg = colors.selectionBackground.rgb();
        out.paintBackground = true;
    }
    return out;
}

} // namespace

TerminalPainter::TerminalPainter()
{
    m_run.reserve(512);
    m_text.reserve(16);
}

void TerminalPainter::setFont(const QFont &font)
{
    QFont regular = font;
    regular.setStyleHint(QFont::TypeWriter);
    regular.setFixedPitch(true);
    regular.setKerning(false);
    m_fonts[0] = regular;
    m_fonts[1] = regular;
    m_fonts[1].setBold(true);
    m_fonts[2] = regular;
    m_fonts[2].setItalic(true);
    m_fonts[3] = m_fonts[1];
    m_fonts[3].setItalic(true);

    // Whole pixels, as QFontMetrics rounds them: cells on a pixel grid keep
    // text and block characters sharp.
    const QFontMetrics metrics(regular);
    m_cellWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = std::max(1, metrics.height());
    m_ascent = metrics.ascent();
    // A fractional advance would let a long run drift off the grid; the
    // spacing makes every style's advance exactly one cell.
    for (QFont &style : m_fonts) {
        const qreal advance = QFontMetricsF(style).horizontalAdvance(QLatin1Char('M'));
        style.setLetterSpacing(QFont::AbsoluteSpacing, m_cellWidth - advance);
    }
}

bool TerminalPainter::inRun(char32_t ch) const
{
    if (ch < 0x80)
        return ch >= 0x20 && ch != 0x7F;
    if (isBoxCharacter(ch))
        return false;
    return QFontMetricsF(m_fonts[0]).inFontUcs4(uint(ch));
}

const QFont &TerminalPainter::fontFor(quint8 flags) const
{
    const int index = ((flags & TerminalGlyph::Bold) ? 1 : 0) +
                      ((flags & TerminalGlyph::Italic) ? 2 : 0);
    return m_fonts[std::size_t(index)];
}

void TerminalPainter::paintLine(QPainter &painter, const QPoint &topLeft,
                                const QList<TerminalGlyph> &glyphs, int selectFrom,
                                int selectTo, const Colors &colors)
{
    const int count = int(glyphs.size());
    const int x0 = topLeft.x();
    const int y = topLeft.y();
    auto selected = [&](int col) { return col >= selectFrom && col < selectTo; };

    // Backgrounds, in runs of one colour.
    for (int col = 0; col < count;) {
        const TpColors first = tpColorsOf(glyphs[col], selected(col), colors);
        int end = col + 1;
        while (end < count) {
            const TpColors next = tpColorsOf(glyphs[end], selected(end), colors);
            if (next.bg != first.bg || next.paintBackground != first.paintBackground)
                break;
            ++end;
        }
        if (first.paintBackground)
            painter.fillRect(x0 + col * m_cellWidth, y, (end - col) * m_cellWidth, m_cellHeight,
                             QColor(first.bg));
        col = end;
    }

    // Text, in runs of one colour and style.
    for (int col = 0; col < count;) {
        const TerminalGlyph &glyph = glyphs[col];
        const TpColors colours = tpColorsOf(glyph, selected(col), colors);
        const quint8 style = glyph.flags & tpStyleFlags;
        if (glyph.width == 0) {
            ++col;
            continue;
        }
        const bool blank = glyph.chars[0] == 0 || glyph.chars[0] == U' ';
        const bool single = glyph.width == 2 || glyph.chars[1] != 0 ||
                            (!blank && !inRun(glyph.chars[0]));
        if (single) {
            painter.setPen(QColor(colours.fg));
            painter.setFont(fontFor(style));
            drawSingle(painter, x0 + col * m_cellWidth, y, glyph.width, glyph);
            drawDecorations(painter, x0 + col * m_cellWidth, y, glyph.width * m_cellWidth, style);
            col += glyph.width;
            continue;
        }
        const int start = col;
        m_run.resize(0);
        bool inked = false;
        while (col < count) {
            const TerminalGlyph &next = glyphs[col];
            if (next.width != 1 || next.chars[1] != 0 || (next.flags & tpStyleFlags) != style ||
                tpColorsOf(next, selected(col), colors).fg != colours.fg)
                break;
            const char32_t ch = next.chars[0];
            if (ch != 0 && ch != U' ' && !inRun(ch))
                break;
            inked = inked || (ch != 0 && ch != U' ');
            tpAppend(m_run, ch == 0 ? U' ' : ch);
            ++col;
        }
        if (inked) {
            painter.setPen(QColor(colours.fg));
            painter.setFont(fontFor(style));
            painter.drawText(QPoint(x0 + start * m_cellWidth, y + m_ascent), m_run);
        }
        drawDecorations(painter, x0 + start * m_cellWidth, y, (col - start) * m_cellWidth, style);
    }
}

void TerminalPainter::drawSingle(QPainter &painter, int x, int y, int cells,
                                 const TerminalGlyph &glyph)
{
    if (glyph.chars[0] == 0 || glyph.chars[0] == U' ')
        return;
    if (glyph.chars[1] == 0 &&
        paintBoxCharacter(painter, QRect(x, y, std::max(1, cells) * m_cellWidth, m_cellHeight),
                          glyph.chars[0], painter.pen().color()))
        return;
    m_text.resize(0);
    for (char32_t ch : glyph.chars) {
        if (ch == 0)
            break;
        tpAppend(m_text, ch);
    }
    // A fallback font's glyph has its own advance: centre it in its cells,
    // on the grid's baseline, and narrow it if it would spill over.
    const int box = std::max(1, cells) * m_cellWidth;
    const qreal advance = QFontMetricsF(painter.font()).horizontalAdvance(m_text);
    if (advance <= box + 0.5) {
        const int left = x + int(std::floor((box - advance) / 2));
        painter.drawText(QPoint(left, y + m_ascent), m_text);
        return;
    }
    painter.save();
    painter.translate(x, y + m_ascent);
    painter.scale(box / advance, 1.0);
    painter.drawText(QPoint(0, 0), m_text);
    painter.restore();
}

void TerminalPainter::drawDecorations(QPainter &painter, int x, int y, int width, quint8 flags)
{
    if (!(flags & (TerminalGlyph::Underline | TerminalGlyph::Strike)))
        return;
    const QColor colour = painter.pen().color();
    if (flags & TerminalGlyph::Underline)
        painter.fillRect(x, y + std::min(m_cellHeight - 1, m_ascent + 2), width, 1, colour);
    if (flags & TerminalGlyph::Strike)
        painter.fillRect(x, y + m_ascent * 2 / 3, width, 1, colour);
}

void TerminalPainter::paintCursor(QPainter &painter, const QRect &cell, const TerminalGlyph &glyph,
                                  TerminalScreen::CursorShape shape, bool focused)
{
    QRgb fg = glyph.fg;
    QRgb bg = glyph.bg;
    if (glyph.has(TerminalGlyph::Reverse))
        std::swap(fg, bg);
    const int thickness = std::max(2, m_cellWidth / 4);
    if (shape == TerminalScreen::CursorShape::Underline) {
        painter.fillRect(cell.x(), cell.bottom() + 1 - thickness, cell.width(), thickness,
                         QColor(fg));
        return;
    }
    if (shape == TerminalScreen::CursorShape::Bar) {
        painter.fillRect(cell.x(), cell.y(), thickness, cell.height(), QColor(fg));
        return;
    }
    if (!focused) {
        painter.setPen(QColor(fg));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell.adjusted(0, 0, -1, -1));
        return;
    }
    painter.fillRect(cell, QColor(fg));
    painter.setPen(QColor(bg));
    painter.setFont(fontFor(glyph.flags & tpStyleFlags));
    drawSingle(painter, cell.x(), cell.y(), glyph.width == 2 ? 2 : 1, glyph);
}

void TerminalPainter::paintPreedit(QPainter &painter, const QPoint &topLeft, const QString &text,
                                   const QColor &foreground, const QColor &background)
{
    if (text.isEmpty())
        return;
    painter.setFont(m_fonts[0]);
    const int width = int(std::ceil(QFontMetricsF(m_fonts[0]).horizontalAdvance(text)));
    painter.fillRect(topLeft.x(), topLeft.y(), width, m_cellHeight, background);
    painter.setPen(foreground);
    painter.drawText(QPoint(topLeft.x(), topLeft.y() + m_ascent), text);
    drawDecorations(painter, topLeft.x(), topLeft.y(), width, TerminalGlyph::Underline);
}

} // namespace hm::app
