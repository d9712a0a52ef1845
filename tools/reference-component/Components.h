#pragma once

// What the reference component serves: names, versions and interface_def
// documents (seed 003 §4.3 plus "name" and "version").

#include <QJsonArray>
#include <QString>

namespace refcomp {

inline constexpr char kVersion[] = "1.0.0";

// GET /interface: one interface_def per component.
// What /interface serves: the built-in list under servedVersion(), or the
// list set with setInterfaceOverride() (tests: a bad schema, ...).
QJsonArray interfaceDefs();
// --component-version: every component under this version (default kVersion).
void setServedVersion(const QString &version);
QString servedVersion();
// --interface-file: serve this list instead (execute still runs the
// components above by name).
void setInterfaceOverride(const QJsonArray &defs);
// GET /health "components": [{name, version}].
QJsonArray componentSummaries();
bool isKnownComponent(const QString &name);

} // namespace refcomp
