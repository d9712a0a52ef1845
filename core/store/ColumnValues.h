#pragma once

// Small conversions between columns and values that every repository needs:
// NULL for an empty text when binding, nullopt for a NULL column when
// reading. One definition here, so repositories do not each keep a copy.

#include "store/Statement.h"

#include <QString>
#include <QVariant>
#include <optional>

namespace hm::store {

// An empty text is stored as NULL.
inline QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

inline std::optional<QString> optionalText(const Statement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<QString>(s.text(column));
}

inline std::optional<qint64> optionalInt(const Statement &s, int column)
{
    return s.isNull(column) ? std::nullopt : std::optional<qint64>(s.int64(column));
}

} // namespace hm::store
