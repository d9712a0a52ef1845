#pragma once

// Large values between nodes, kept in memory per execution (seed 003 §5.2
// execution:{id}:blob:{blob_id}) and dropped with the execution's state.
// Engine thread only.

#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hm::engine {

class BlobStore
{
public:
    // Stores a value and returns its new id.
    QString put(const QString &executionId, QJsonValue value);
    // Shares an existing blob with another execution (re-runs reuse outputs).
    void share(const QString &fromExecution, const QString &blobId, const QString &toExecution);
    Result<QJsonValue> get(const QString &executionId, const QString &blobId) const;
    void dropExecution(const QString &executionId);
    int blobCount(const QString &executionId) const;

    // Replaces each top-level output larger than `thresholdBytes` (as
    // compact JSON) by a {"$ref":"blob:<id>"}. Returns whether any was.
    bool externalize(const QString &executionId, QJsonObject &outputs, qsizetype thresholdBytes);

private:
    QHash<QString, QHash<QString, QJsonValue>> m_blobs;
};

// Size of the compact JSON text of a value, or something above `limit`
// once it is known to exceed it (stops walking early).
qsizetype estimatedJsonSize(const QJsonValue &value, qsizetype limit);

} // namespace hm::engine
