#include "engine/persistence/JsonColumn.h"

#include "common/SensitiveDataMasker.h"

#include <QJsonDocument>

namespace hm::engine::persistence {

namespace {
const QString kTruncatedKey = QStringLiteral("$truncated");
}

QString cappedJson(const QJsonObject &object, qsizetype maxBytes)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    if (text.size() <= maxBytes)
        return QString::fromUtf8(text);
    const QJsonObject marker{{kTruncatedKey, true},
                             {QStringLiteral("originalBytes"), double(text.size())}};
    return QString::fromUtf8(QJsonDocument(marker).toJson(QJsonDocument::Compact));
}

QString maskedJson(const QJsonObject &object, qsizetype maxBytes)
{
    return cappedJson(SensitiveDataMasker::mask(object), maxBytes);
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
