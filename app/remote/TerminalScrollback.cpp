#include "remote/TerminalScrollback.h"

#include <algorithm>

namespace hm::app {

TerminalScrollback::TerminalScrollback(int limit) : m_limit(std::max(0, limit)) {}

void TerminalScrollback::setLimit(int limit)
{
    m_limit = std::max(0, limit);
    while (int(m_lines.size()) > m_limit)
        m_lines.pop_front();
}

int TerminalScrollback::push(Line &&line)
{
    if (m_limit == 0)
        return 1;
    int dropped = 0;
    if (int(m_lines.size()) >= m_limit) {
        // Reuses the oldest line's storage: a flood allocates nothing new.
        Line oldest = std::move(m_lines.front());
        m_lines.pop_front();
        ++dropped;
        oldest.cells.assign(line.cells.begin(), line.cells.end());
        oldest.marks.assign(line.marks.begin(), line.marks.end());
        m_lines.push_back(std::move(oldest));
        return dropped;
    }
    m_lines.push_back(std::move(line));
    return dropped;
}

bool TerminalScrollback::pop(Line &line)
{
    if (m_lines.empty())
        return false;
    line = std::move(m_lines.back());
    m_lines.pop_back();
    return true;
}

void TerminalScrollback::clear()
{
    m_lines.clear();
}

} // namespace hm::app
