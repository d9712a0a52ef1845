#pragma once

#include <QJsonValue>
#include <QString>

namespace hm::flow {

// Values between nodes larger than this are stored as blobs and travel as
// {"$ref":"blob:<id>"} (seed 003 §5.2). The engine's blob store applies it;
// it lives here so the model and the engine agree on one number.
inline constexpr qsizetype kBlobThresholdBytes = 64 * 1024;

// {"$ref":"blob:<id>"} with a non-empty id and no other member.
bool isBlobRef(const QJsonValue &value);
// The <id> of a blob reference, empty if the value is none.
QString blobRefId(const QJsonValue &value);
QJsonValue makeBlobRef(const QString &blobId);

} // namespace hm::flow
