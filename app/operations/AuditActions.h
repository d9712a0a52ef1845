#pragma once

#include <QString>
#include <QStringList>

namespace hm::app {

// The audit trail's action codes as the console shows them: the one table
// mapping each code the server writes to its translated name and its
// category (the server's categories, docs/api.md "Audit log": a code's
// prefix decides). A code the table does not know (a newer server) shows
// as itself.

// The categories in the order the filter offers them: auth, users, flows,
// credentials, services, components, system.
QStringList auditCategories();
// A category's translated name ("other" and unknown ones: "Other").
QString auditCategoryName(const QString &category);
// The codes the table knows, in its order; of one category when given.
QStringList auditActionCodes(const QString &category = {});
// The translated name of `code`; the code itself when the table does not
// know it.
QString auditActionName(const QString &code);
// The category of a known code; "" for an unknown one.
QString auditActionCategory(const QString &code);
// The known codes whose translated name contains `text` (any case).
QStringList auditActionsNamed(const QString &text);
// `text` as a known code: the code it is (any case) or whose translated
// name it is exactly (any case); "" when none.
QString auditActionCodeOf(const QString &text);

} // namespace hm::app
