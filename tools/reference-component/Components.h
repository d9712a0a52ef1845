#pragma once

// What the reference component serves: names, versions and interface_def
// documents (seed 003 §4.3 plus "name" and "version").

#include <QJsonArray>
#include <QString>

namespace refcomp {

inline constexpr char kVersion[] = "1.0.0";

// GET /interface: one interface_def per component.
QJsonArray interfaceDefs();
// GET /health "components": [{name, version}].
QJsonArray componentSummaries();
bool isKnownComponent(const QString &name);

} // namespace refcomp
