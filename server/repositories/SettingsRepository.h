#pragma once

#include "common/Result.h"

#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

// The settings table: one JSON text value per key.
namespace hm::server::repositories {

// The stored value's JSON text; nullopt when the key has no row.
Result<std::optional<QString>> settingText(store::Database &db, const QString &key);
// Writes (or replaces) the key's value; an empty updatedBy is stored as NULL.
Status saveSettingText(store::Database &db, const QString &key, const QString &text,
                       qint64 updatedAt, const QString &updatedBy);

} // namespace hm::server::repositories
