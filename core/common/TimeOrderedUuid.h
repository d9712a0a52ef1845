#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace hm {

// A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds, a
// 12-bit counter within the millisecond, then 62 random bits, written like
// any UUID (lower-case, without braces).
// Execution ids use it: ids made close in time sort close together, so the
// history's primary-key and foreign-key indexes grow at their right edge
// instead of at random pages (fewer pages read, split and re-encrypted per
// batch on a large history). Audit entry ids too: a deleted entry's id
// still tells where the list stood (timeOfTimeOrderedUuid). Ids this
// process makes for the newest millisecond it was asked for sort in the
// order they were made (at least 2,048 of them; random after that).
QString timeOrderedUuid();
QString timeOrderedUuid(qint64 msSinceEpoch);
// The time a version 7 UUID carries (any case, without braces); nullopt
// for any other text, other UUID versions included.
std::optional<qint64> timeOfTimeOrderedUuid(const QString &id);

} // namespace hm
