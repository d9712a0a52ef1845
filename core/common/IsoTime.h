#pragma once

#include <QString>
#include <QtGlobal>

namespace hm {

// ISO-8601 UTC with milliseconds ("2026-11-21T09:52:04.123Z"), the API's and
// the logs' only time format. Produces exactly what
// QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
// does, at a fraction of its cost (no QDateTime, no asprintf): it runs for
// every log line and every answer envelope.

inline constexpr int kIsoUtcMsLength = 24;

// Writes the 24 characters (no terminator) for years 1..9999 and returns
// true; other instants return false and leave `out` untouched.
bool writeIsoUtcMs(qint64 msSinceEpoch, char *out);

// Any instant; outside years 1..9999 it falls back to QDateTime.
QString formatIsoUtcMs(qint64 msSinceEpoch);
// formatIsoUtcMs of the current time.
QString isoUtcNowMs();

} // namespace hm
