#pragma once

#include <QtGlobal>

#include <array>
#include <deque>
#include <vector>

namespace hm::app {

// The lines a terminal pushed off the top of its screen, oldest first, in a
// ring that never holds more than its limit: a remote command that floods
// the terminal costs at most `limit` lines, the oldest go first. A line keeps
// its cells in a compact form (16 bytes a cell, trailing blanks dropped) so
// the default 10,000 lines of a wide terminal stay a few megabytes; the
// screen turns them back into libvterm's cells when they come back
// (TerminalScreen's sb_popline).
class TerminalScrollback
{
public:
    // One cell as libvterm had it. The colours are libvterm's VTermColor
    // bytes, unresolved, so a line that comes back onto the screen keeps
    // its default-colour flags and palette indexes.
    struct Cell
    {
        char32_t ch = 0; // the first character; 0 blank, 0xFFFFFFFF a wide char's right half
        std::array<quint8, 4> fg{};
        std::array<quint8, 4> bg{};
        quint16 attrs = 0; // TerminalScrollback::Attr bits
        quint8 width = 1;
    };
    enum Attr : quint16 {
        Bold = 1 << 0,
        Italic = 1 << 1,
        Blink = 1 << 2,
        Reverse = 1 << 3,
        Strike = 1 << 4,
        UnderlineShift = 5, // two bits: libvterm's underline kind
        FontShift = 7,      // four bits: libvterm's alternative font
    };
    // Combining marks after a cell's first character (rare, so kept aside).
    struct Marks
    {
        int column = 0;
        std::array<char32_t, 5> chars{};
    };
    struct Line
    {
        std::vector<Cell> cells;
        std::vector<Marks> marks;
    };

    static constexpr int DefaultLimit = 10000;

    explicit TerminalScrollback(int limit = DefaultLimit);

    // Keeps at most `limit` lines (0: none), dropping the oldest now.
    void setLimit(int limit);
    int limit() const { return m_limit; }
    int size() const { return int(m_lines.size()); }

    // The line to fill as the newest, or null when the limit is 0. When the
    // ring is full it is the oldest line's storage (`dropped` says so): a
    // flood allocates nothing once the ring is full.
    Line *append(int &dropped);
    // Takes the newest line back; false when there is none.
    bool pop(Line &line);
    // 0 is the oldest line.
    const Line &at(int index) const { return m_lines[std::size_t(index)]; }
    void clear();

private:
    std::deque<Line> m_lines;
    int m_limit;
};

} // namespace hm::app
