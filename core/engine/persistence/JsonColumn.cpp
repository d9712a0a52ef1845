#include "engine/persistence/JsonColumn.h"

#include "common/JsonText.h"

namespace hm::engine::persistence {

namespace {

const QString kTruncatedKey = QStringLiteral("$truncated");

QString capped(QString text, qsizetype maxBytes)
{
    // UTF-8 needs at most three bytes per UTF-16 unit: most texts are
    // measured without encoding them.
    if (text.size() <= maxBytes / 3)
        return text;
    const qsizetype bytes = text.toUtf8().size();
    if (bytes <= maxBytes)
        return text;
    const QJsonObject marker{{kTruncatedKey, true},
                             {QStringLiteral("originalBytes"), double(bytes)}};
    return json::compact(marker);
}

} // namespace

QString cappedJson(const QJsonObject &object, qsizetype maxBytes)
{
    return capped(json::compact(object), maxBytes);
}

QString maskedJson(const QJsonObject &object, qsizetype maxBytes)
{
    // Masked while written: no masked copy of the object is built.
    return capped(json::compact(object, json::Secrets::Mask), maxBytes);
}

bool isTruncatedMarker(const QJsonObject &object)
{
    return object.value(kTruncatedKey).toBool();
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant msOrNull(qint64 ms)
{
    return ms == 0 ? QVariant() : QVariant(ms);
}

} // namespace hm::engine::persistence
