#include "server/repositories/SettingsRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

#include <QVariant>

namespace hm::server::repositories {

Result<std::optional<QString>> settingText(store::Database &db, const QString &key)
{
    return store::selectOneAs(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key},
                              [](const store::Statement &s) { return s.text(0); });
}

Status saveSettingText(store::Database &db, const QString &key, const QString &text,
                       qint64 updatedAt, const QString &updatedBy)
{
    // INSERT OR REPLACE: the bundled SQLCipher predates UPSERT syntax.
    return db.execute(
        QStringLiteral("INSERT OR REPLACE INTO settings (key, value, updated_at, "
                       "updated_by) VALUES (?, ?, ?, ?)"),
        {key, text, updatedAt, updatedBy.isEmpty() ? QVariant() : QVariant(updatedBy)});
}

} // namespace hm::server::repositories
