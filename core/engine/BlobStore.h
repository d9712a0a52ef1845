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

// What a blob holds: a JSON value, or bytes kept as base64 text (the way
// `bytes` ports carry data), which the blob endpoint hands out decoded.
enum class BlobKind
{
    Json,
    Bytes
};

struct Blob
{
    QJsonValue value;
    BlobKind kind = BlobKind::Json;
};

class BlobStore
{
public:
    // Stores a value and returns its new id.
    QString put(const QString &executionId, QJsonValue value);
    // Stores under a caller-chosen id (components PUT their own, see
    // docs/component-protocol.md); RESOURCE_ALREADY_EXISTS when the
    // execution already has a blob of that id, which is left unchanged.
    Status putWithId(const QString &executionId, const QString &blobId, QJsonValue value,
                     BlobKind kind = BlobKind::Json);
    bool contains(const QString &executionId, const QString &blobId) const;
    // The blob with its kind; RESOURCE_NOT_FOUND when unknown.
    Result<Blob> blob(const QString &executionId, const QString &blobId) const;
    // Shares an existing blob with another execution (re-runs reuse outputs).
    void share(const QString &fromExecution, const QString &blobId, const QString &toExecution);
    Result<QJsonValue> get(const QString &executionId, const QString &blobId) const;
    void dropExecution(const QString &executionId);
    int blobCount(const QString &executionId) const;

    // Replaces each top-level output larger than `thresholdBytes` (as
    // compact JSON) by a {"$ref":"blob:<id>"}. Returns whether any was.
    bool externalize(const QString &executionId, QJsonObject &outputs, qsizetype thresholdBytes);

private:
    QHash<QString, QHash<QString, Blob>> m_blobs;
};

// Size of the compact JSON text of a value, or something above `limit`
// once it is known to exceed it (stops walking early).
qsizetype estimatedJsonSize(const QJsonValue &value, qsizetype limit);

} // namespace hm::engine
