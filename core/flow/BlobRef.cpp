#include "flow/BlobRef.h"

#include <QJsonObject>

namespace hm::flow {

namespace {
const QString kRefKey = QStringLiteral("$ref");
const QString kBlobPrefix = QStringLiteral("blob:");
} // namespace

QString blobRefId(const QJsonValue &value)
{
    if (!value.isObject())
        return {};
    const QJsonObject obj = value.toObject();
    if (obj.size() != 1)
        return {};
    const QJsonValue ref = obj.value(kRefKey);
    if (!ref.isString())
        return {};
    const QString text = ref.toString();
    if (!text.startsWith(kBlobPrefix) || text.size() == kBlobPrefix.size())
        return {};
    return text.mid(kBlobPrefix.size());
}

bool isBlobRef(const QJsonValue &value)
{
    return !blobRefId(value).isEmpty();
}

QJsonValue makeBlobRef(const QString &blobId)
{
    QJsonObject obj;
    obj.insert(kRefKey, QString(kBlobPrefix + blobId));
    return obj;
}

} // namespace hm::flow
