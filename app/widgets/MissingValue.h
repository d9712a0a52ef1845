#pragma once

#include <QString>

namespace hm::app {

// What a cell or a field shows for a value that is not known (a process's
// user, a file's time, a container outside compose): an em dash, as the
// dashboard, the VPN and the fleet cards do. An empty cell reads as "not
// loaded yet" or as a fault.
inline QString missingValue()
{
    return QStringLiteral("\u2014");
}

inline QString orMissing(const QString &text)
{
    return text.isEmpty() ? missingValue() : text;
}

} // namespace hm::app
