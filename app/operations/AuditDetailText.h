#pragma once

#include <QJsonObject>
#include <QString>

namespace hm::app {

// An audit entry's details as the trail shows them, in the UI language:
// "Remember me: no · Two-factor authentication: yes", not the server's
// "remember_me: false". The keys the server writes have a title here; a
// key this table does not know (a newer server's) is shown as it is.
// Values: yes/no for booleans, numbers in the locale, lists of plain values
// joined, other lists and objects as compact JSON. The raw JSON stays in
// the row's tooltip and in the exports.
QString auditDetailsText(const QJsonObject &details);
// The title of one detail key ("remember_me" → "Remember me"); the key
// itself when the table does not know it.
QString auditDetailKeyTitle(const QString &key);

} // namespace hm::app
