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

TerminalScrollback::Line *TerminalScrollback::append(int &dropped)
{
    dropped = 0;
    if (m_limit == 0) {
        dropped = 1;
        return nullptr;
    }
    if (int(m_lines.size()) >= m_limit) {
        Line oldest = std::move(m_lines.front());
        m_lines.pop_front();
        dropped = 1;
        m_lines.push_back(std::move(oldest));
    } else {
        m_lines.emplace_back();
    }
    return &m_lines.back();
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
