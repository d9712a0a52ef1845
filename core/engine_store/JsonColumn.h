#pragma once

// How JSON documents become TEXT columns of the execution history.

#include "common/JsonText.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace hm::engine::persistence {

// Largest JSON text stored in one history column (UTF-8 bytes). Bigger
// values should have become blobs ({"$ref":"blob:<id>"}) long before; one
// that did not is replaced by a marker rather than cut, so every stored
// column stays parseable JSON.
inline constexpr qsizetype kMaxJsonColumnBytes = 256 * 1024;

// Compact JSON text of `object`, or, above kMaxJsonColumnBytes, the marker
// {"$truncated":true,"originalBytes":N}.
QString cappedJson(const QJsonObject &object, qsizetype maxBytes = kMaxJsonColumnBytes);

// The same after SensitiveDataMasker: for inputs and outputs kept as history.
QString maskedJson(const QJsonObject &object, qsizetype maxBytes = kMaxJsonColumnBytes);

// maskedJson() appended to `out`, for texts that embed it (packed node
// states).
void appendMaskedJson(json::TextBuffer &out, const QJsonObject &object,
                      qsizetype maxBytes = kMaxJsonColumnBytes);

// `strings` as a JSON array of strings (node logs, masked by the scheduler).
void appendJsonStrings(json::TextBuffer &out, const QStringList &strings);

// Whether a stored column holds the truncation marker.
bool isTruncatedMarker(const QJsonObject &object);

// NULL for an empty string, the string otherwise: optional TEXT columns.
QVariant textOrNull(const QString &value);
// NULL for 0 ("not yet"), the value otherwise: optional *_at columns.
QVariant msOrNull(qint64 ms);
// The duration_ms of a history row: ended - started, or -1 (NULL) unless
// it started and did not end before it started.
inline qint64 durationMs(qint64 startedAtMs, qint64 endedAtMs)
{
    return startedAtMs > 0 && endedAtMs >= startedAtMs ? endedAtMs - startedAtMs : -1;
}

} // namespace hm::engine::persistence
