#pragma once

// JSON's \uXXXX escapes can spell half of a UTF-16 pair ("\ud800") that
// no Unicode text holds. Qt's parser keeps it in the QString, and what
// then happens depends on where the string goes (UTF-8 turns it into "?",
// SQLite's UTF-16 keeps it): one body could be stored half converted. The
// request body parser refuses such a body instead (RFC 8259 section 8.2
// leaves its meaning open), so nothing downstream ever sees one.

#include <QJsonValue>
#include <QString>
#include <optional>

namespace hm::server {

// Where the first string holding an unpaired surrogate is, as a path of
// keys and indexes (`name`, `nodes[2].config.label`; a key that holds one
// names itself, U+FFFD in place of each surrogate). nullopt: every string,
// keys included, is proper Unicode.
std::optional<QString> firstUnpairedSurrogate(const QJsonValue &value);

} // namespace hm::server
