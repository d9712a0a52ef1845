#pragma once

#include "common/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Small helpers every auth route uses: time, and typed reads of JSON body
// fields that answer VALIDATION_ERROR naming the field instead of guessing.
namespace hm::server::auth {

qint64 nowMs();
// ISO-8601 UTC with milliseconds, or JSON null for 0 (never happened).
QJsonValue isoOrNull(qint64 epochMs);
// Parses ISO-8601; 0 when text is not a date.
qint64 parseIsoMs(const QString &text);

Error fieldError(const QString &field, const QString &message);
// Required non-empty string.
Result<QString> requiredString(const QJsonObject &body, const QString &field);
// Absent or null gives fallback; any other non-string is an error.
Result<QString> optionalString(const QJsonObject &body, const QString &field,
                               const QString &fallback = {});
Result<bool> optionalBool(const QJsonObject &body, const QString &field, bool fallback);
// Array of strings (absent gives an empty list).
Result<QStringList> optionalStringList(const QJsonObject &body, const QString &field);

} // namespace hm::server::auth
