#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace hm::app {

// How the audit trail shows what an entry acted on and its details: the
// resource by its kind and name ("Node web-01"), not a type code and a
// UUID (the details: AuditDetailText). The codes and the whole JSON stay
// in the tooltips and the exports.

// The translated name of a resource type the server writes ("node" →
// "Node"); the code itself for one this table does not know.
QString auditResourceTypeName(const QString &type);
// The types this table knows, in its order.
QStringList auditResourceTypes();
// `text` as a type code: the code whose translated name it is (any case),
// else the text itself (a code, or one of a newer server's).
QString auditResourceTypeOf(const QString &text);
// "<type name> <name>": the resource's name now, else the name its entry's
// details recorded (a resource since deleted), else its id (a UUID by its
// first characters); the type name alone without an id; "" without either.
QString auditResourceText(const QString &type, const QString &id, const QString &name,
                          const QJsonObject &details = {});

} // namespace hm::app
