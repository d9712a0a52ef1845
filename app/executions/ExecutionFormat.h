#pragma once

#include <QString>

namespace hm::app {

// Durations and times of executions in the current language, through
// QLocale: "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min".
QString formatDuration(qint64 ms);
// A wall-clock time with seconds ("10:00:01"), milliseconds when asked.
QString formatClock(qint64 msSinceEpoch, bool withMs = false);
// Date and time, short form of the locale.
QString formatDateTime(qint64 msSinceEpoch);

} // namespace hm::app
