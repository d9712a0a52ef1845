#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// The audit trail's action categories (GET /audit?category=…, the
// `category` of each entry): every action code belongs to the category
// whose prefix it starts with. Prefixes rather than a list of codes, so a
// code added later (FLOW_CREATED, a new SERVICE_…) lands in its category
// without touching this table; a code no prefix claims is "other".
namespace hm::server::auth {

// auth, users, flows, credentials, services, components, system, fleet, in that
// order (docs/api.md, "Audit log").
QStringList auditCategories();
// The prefixes of `category` (lower case name); nullopt for an unknown one.
std::optional<QStringList> auditCategoryPrefixes(const QString &category);
// The category of `action`; "other" when none claims it.
QString auditCategoryOf(const QString &action);

} // namespace hm::server::auth
