#include "engine/BlobStore.h"

#include "flow/BlobRef.h"

#include <QJsonArray>
#include <QUuid>
#include <QVarLengthArray>

namespace hm::engine {

QString BlobStore::put(const QString &executionId, QJsonValue value)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_blobs[executionId].insert(id, Blob{std::move(value), BlobKind::Json});
    return id;
}

Status BlobStore::putWithId(const QString &executionId, const QString &blobId, QJsonValue value,
                            BlobKind kind)
{
    QHash<QString, Blob> &blobs = m_blobs[executionId];
    if (blobs.contains(blobId))
        return Error{
            ErrorCode::ResourceAlreadyExists,
            QStringLiteral("blob %1 already exists in execution %2").arg(blobId, executionId),
            {{QStringLiteral("blob"), blobId}}};
    blobs.insert(blobId, Blob{std::move(value), kind});
    return {};
}

bool BlobStore::contains(const QString &executionId, const QString &blobId) const
{
    const auto exec = m_blobs.constFind(executionId);
    return exec != m_blobs.cend() && exec->contains(blobId);
}

void BlobStore::share(const QString &fromExecution, const QString &blobId,
                      const QString &toExecution)
{
    const auto from = m_blobs.constFind(fromExecution);
    if (from == m_blobs.cend())
        return;
    const auto blob = from->constFind(blobId);
    if (blob != from->cend())
        m_blobs[toExecution].insert(blobId, *blob);
}

Result<QJsonValue> BlobStore::get(const QString &executionId, const QString &blobId) const
{
    Result<Blob> found = blob(executionId, blobId);
    if (!found)
        return found.error();
    return std::move(found).value().value;
}

Result<Blob> BlobStore::blob(const QString &executionId, const QString &blobId) const
{
    const auto exec = m_blobs.constFind(executionId);
    if (exec != m_blobs.cend()) {
        const auto blob = exec->constFind(blobId);
        if (blob != exec->cend())
            return *blob;
    }
    return Error{ErrorCode::ResourceNotFound,
                 QStringLiteral("blob %1 not found in execution %2").arg(blobId, executionId),
                 {{QStringLiteral("blob"), blobId}}};
}

void BlobStore::dropExecution(const QString &executionId)
{
    m_blobs.remove(executionId);
}

int BlobStore::blobCount(const QString &executionId) const
{
    return static_cast<int>(m_blobs.value(executionId).size());
}

bool BlobStore::externalize(const QString &executionId, QJsonObject &outputs,
                            qsizetype thresholdBytes)
{
    // Read through const iterators: a non-const begin() would detach (copy)
    // the outputs, which are usually shared with the executor's outcome,
    // although nearly every node's outputs stay as they are.
    QVarLengthArray<QString, 4> large;
    for (auto it = outputs.constBegin(); it != outputs.constEnd(); ++it) {
        // The type read in place: most outputs are scalars, and they are
        // passed over without making a QJsonValue of each.
        const QJsonValue::Type type = it->type();
        if (type != QJsonValue::String && type != QJsonValue::Array && type != QJsonValue::Object)
            continue; // scalars are always small
        const QJsonValue value = it.value();
        if (flow::isBlobRef(value))
            continue;
        if (estimatedJsonSize(value, thresholdBytes) <= thresholdBytes)
            continue;
        large.append(it.key());
    }
    for (const QString &key : large)
        outputs.insert(key, flow::makeBlobRef(put(executionId, outputs.value(key))));
    return !large.isEmpty();
}

namespace {
// Counts UTF-16 units plus punctuation: close enough to the compact JSON
// size for a threshold decision, without serialising.
void addSize(const QJsonValue &value, qsizetype limit, qsizetype &total)
{
    if (total > limit)
        return;
    switch (value.type()) {
    case QJsonValue::String:
        total += value.toString().size() + 2;
        break;
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        total += 2 + array.size();
        for (const QJsonValue &item : array) {
            addSize(item, limit, total);
            if (total > limit)
                return;
        }
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        total += 2;
        for (auto it = object.begin(); it != object.end(); ++it) {
            total += it.key().size() + 4;
            addSize(it.value(), limit, total);
            if (total > limit)
                return;
        }
        break;
    }
    case QJsonValue::Double:
        total += 8;
        break;
    default:
        total += 5;
        break;
    }
}
} // namespace

qsizetype estimatedJsonSize(const QJsonValue &value, qsizetype limit)
{
    qsizetype total = 0;
    addSize(value, limit, total);
    return total;
}

} // namespace hm::engine
