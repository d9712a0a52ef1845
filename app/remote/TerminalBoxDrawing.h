#pragma once

class QColor;
class QPainter;
class QRect;

namespace hm::app {

// Draws the common box-drawing lines (─ │ ┌ ┼ ━ ╭ …) and block elements
// (█ ▀ ▄ ▌ ▐ ░ ▒ ▓, eighths and quadrants) as rectangles filling `cell`
// exactly, so borders and bars join across cells without the seams a
// font's glyph leaves when its advance is not the cell's. False for any
// other character: the caller draws it from the font.
bool paintBoxCharacter(QPainter &painter, const QRect &cell, char32_t ch, const QColor &color);

// Whether paintBoxCharacter draws `ch`.
bool isBoxCharacter(char32_t ch);

} // namespace hm::app
