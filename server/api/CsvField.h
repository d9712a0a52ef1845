#pragma once

#include <QString>

namespace hm::server {

// One RFC 4180 field of an export (logs, audit trail), always quoted; a
// leading = + - @ is neutralised with ' so a spreadsheet opening the export
// never evaluates a logged or audited string as a formula.
inline QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.at(0)))
        text.prepend(u'\'');
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

} // namespace hm::server
