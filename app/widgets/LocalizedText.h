#pragma once

#include <QString>
#include <functional>

namespace hm::app {

// A text kept as the way to make it, so that it is said again in the
// language of the moment (issue 34, item 13): a section's state message,
// the outcome of its last action. Read it with toString() each time it is
// shown (a page's retranslation shows it again).
class LocalizedText
{
public:
    LocalizedText() = default;
    LocalizedText(std::function<QString()> make) : m_make(std::move(make)) {}

    bool isEmpty() const { return !m_make || m_make().isEmpty(); }
    void clear() { m_make = nullptr; }
    QString toString() const { return m_make ? m_make() : QString(); }

private:
    std::function<QString()> m_make;
};

} // namespace hm::app
