#include "remote/TerminalBoxDrawing.h"

#include <QColor>
#include <QPainter>
#include <QRect>

#include <algorithm>

namespace hm::app {

namespace {

// A line character's four arms: 0 none, 1 light, 2 heavy.
struct TbArms
{
    char32_t ch;
    quint8 left, right, up, down;
};

constexpr TbArms tbLines[] = {
    {U'─', 1, 1, 0, 0}, {U'━', 2, 2, 0, 0}, {U'│', 0, 0, 1, 1}, {U'┃', 0, 0, 2, 2},
    {U'┌', 0, 1, 0, 1}, {U'┐', 1, 0, 0, 1}, {U'└', 0, 1, 1, 0}, {U'┘', 1, 0, 1, 0},
    {U'├', 0, 1, 1, 1}, {U'┤', 1, 0, 1, 1}, {U'┬', 1, 1, 0, 1}, {U'┴', 1, 1, 1, 0},
    {U'┼', 1, 1, 1, 1}, {U'┏', 0, 2, 0, 2}, {U'┓', 2, 0, 0, 2}, {U'┗', 0, 2, 2, 0},
    {U'┛', 2, 0, 2, 0}, {U'┣', 0, 2, 2, 2}, {U'┫', 2, 0, 2, 2}, {U'┳', 2, 2, 0, 2},
    {U'┻', 2, 2, 2, 0}, {U'╋', 2, 2, 2, 2}, {U'╭', 0, 1, 0, 1}, {U'╮', 1, 0, 0, 1},
    {U'╯', 1, 0, 1, 0}, {U'╰', 0, 1, 1, 0}, {U'╴', 1, 0, 0, 0}, {U'╵', 0, 0, 1, 0},
    {U'╶', 0, 1, 0, 0}, {U'╷', 0, 0, 0, 1},
};

const TbArms *tbArmsOf(char32_t ch)
{
    const auto *found = std::find_if(std::begin(tbLines), std::end(tbLines),
                                     [ch](const TbArms &arms) { return arms.ch == ch; });
    return found == std::end(tbLines) ? nullptr : found;
}

void tbPaintLines(QPainter &painter, const QRect &cell, const TbArms &arms, const QColor &color)
{
    const int light = std::max(1, cell.width() / 8);
    auto thickness = [light](quint8 weight) { return weight == 2 ? light * 2 : light; };
    const int x = cell.x();
    const int y = cell.y();
    const int w = cell.width();
    const int h = cell.height();
    // Each arm runs from the cell's edge to the far side of the centre
    // stroke, so arms of different weights still meet.
    const int vertical = thickness(std::max(arms.up, arms.down));
    const int horizontal = thickness(std::max(arms.left, arms.right));
    const int vx = x + (w - vertical) / 2;
    const int hy = y + (h - horizontal) / 2;
    if (arms.left) {
        const int t = thickness(arms.left);
        painter.fillRect(x, y + (h - t) / 2, vx + vertical - x, t, color);
    }
    if (arms.right) {
        const int t = thickness(arms.right);
        painter.fillRect(vx, y + (h - t) / 2, x + w - vx, t, color);
    }
    if (arms.up) {
        const int t = thickness(arms.up);
        painter.fillRect(x + (w - t) / 2, y, t, hy + horizontal - y, color);
    }
    if (arms.down) {
        const int t = thickness(arms.down);
        painter.fillRect(x + (w - t) / 2, hy, t, y + h - hy, color);
    }
}

bool tbPaintBlock(QPainter &painter, const QRect &cell, char32_t ch, const QColor &color)
{
    const int x = cell.x();
    const int y = cell.y();
    const int w = cell.width();
    const int h = cell.height();
    if (ch == U'▀') {
        painter.fillRect(x, y, w, h / 2, color);
    } else if (ch >= U'▁' && ch <= U'█') { // lower eighths up to the full block
        const int part = h * int(ch - U'▁' + 1) / 8;
        painter.fillRect(x, y + h - part, w, part, color);
    } else if (ch >= U'▉' && ch <= U'▏') { // left seven eighths down to one
        const int part = std::max(1, w * int(U'▏' - ch + 1) / 8);
        painter.fillRect(x, y, part, h, color);
    } else if (ch == U'▐') {
        painter.fillRect(x + w / 2, y, w - w / 2, h, color);
    } else if (ch >= U'░' && ch <= U'▓') { // light, medium, dark shade
        QColor shade = color;
        shade.setAlphaF(0.25f * float(ch - U'░' + 1));
        painter.fillRect(cell, shade);
    } else if (ch == U'▔') {
        painter.fillRect(x, y, w, std::max(1, h / 8), color);
    } else if (ch == U'▕') {
        const int part = std::max(1, w / 8);
        painter.fillRect(x + w - part, y, part, h, color);
    } else if (ch >= U'▖' && ch <= U'▟') {
        // Quadrants: bits upper-left 1, upper-right 2, lower-left 4, lower-right 8.
        static constexpr quint8 quadrants[] = {4, 8, 1, 1 | 4 | 8, 1 | 8, 1 | 2 | 4,
                                               1 | 2 | 8, 2, 2 | 4, 2 | 4 | 8};
        const quint8 bits = quadrants[ch - U'▖'];
        const int half = w / 2;
        const int middle = h / 2;
        if (bits & 1)
            painter.fillRect(x, y, half, middle, color);
        if (bits & 2)
            painter.fillRect(x + half, y, w - half, middle, color);
        if (bits & 4)
            painter.fillRect(x, y + middle, half, h - middle, color);
        if (bits & 8)
            painter.fillRect(x + half, y + middle, w - half, h - middle, color);
    } else {
        return false;
    }
    return true;
}

} // namespace

bool isBoxCharacter(char32_t ch)
{
    return (ch >= U'▀' && ch <= U'▟') || tbArmsOf(ch) != nullptr;
}

bool paintBoxCharacter(QPainter &painter, const QRect &cell, char32_t ch, const QColor &color)
{
    if (ch >= U'▀' && ch <= U'▟')
        return tbPaintBlock(painter, cell, ch, color);
    if (const TbArms *arms = tbArmsOf(ch)) {
        tbPaintLines(painter, cell, *arms, color);
        return true;
    }
    return false;
}

} // namespace hm::app
