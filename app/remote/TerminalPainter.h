#pragma once

#include "remote/TerminalScreen.h"

#include <QColor>
#include <QFont>
#include <QList>
#include <QSize>
#include <QString>

#include <array>

class QPainter;
class QPoint;
class QRect;

namespace hm::app {

// Paints terminal lines cell by cell on a fixed grid: backgrounds in runs,
// text in runs of one style drawn with one drawText call, characters the
// fixed-pitch font lacks (CJK and other fallback glyphs) one by one centred
// in their one or two cells, so nothing drifts off the grid. Keeps its
// buffers between lines: painting allocates nothing per cell.
class TerminalPainter
{
public:
    TerminalPainter();

    // The font's four styles; the cell is 'M' wide and a line high.
    void setFont(const QFont &font);
    const QFont &font() const { return m_fonts[0]; }
    QSize cellSize() const { return {m_cellWidth, m_cellHeight}; }

    struct Colors
    {
        QColor selectionBackground;
        QColor selectionForeground;
        QRgb defaultBackground = 0;
    };

    // One line of glyphs at `topLeft` (the top-left corner of its first
    // cell); cells [selectFrom, selectTo) are drawn selected.
    void paintLine(QPainter &painter, const QPoint &topLeft, const QList<TerminalGlyph> &glyphs,
                   int selectFrom, int selectTo, const Colors &colors);
    // The cursor over `glyph` in `cell`: a block (filled, the glyph in
    // reverse, when focused; hollow otherwise), an underline or a bar.
    void paintCursor(QPainter &painter, const QRect &cell, const TerminalGlyph &glyph,
                     TerminalScreen::CursorShape shape, bool focused);
    // Input-method text being composed, underlined, at `topLeft`.
    void paintPreedit(QPainter &painter, const QPoint &topLeft, const QString &text,
                      const QColor &foreground, const QColor &background);

private:
    // Whether `ch` is drawn as part of a run in the primary font (same
    // advance as every other cell) rather than on its own.
    bool inRun(char32_t ch) const;
    const QFont &fontFor(quint8 flags) const;
    void drawSingle(QPainter &painter, int x, int y, int cells, const TerminalGlyph &glyph);
    void drawDecorations(QPainter &painter, int x, int y, int width, quint8 flags);

    std::array<QFont, 4> m_fonts; // regular, bold, italic, bold italic
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    QString m_run;  // the text run being gathered, reused
    QString m_text; // one cell's characters, reused
};

} // namespace hm::app
