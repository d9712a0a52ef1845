#pragma once

// Client side of the blob protocol (docs/component-protocol.md, "Blobs"):
// GET <base_url>/<id> reads a blob, PUT <base_url>/<id> stores one, both
// with the execution's token in X-Execution-Token.

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace refcomp {

struct BlobAccess
{
    QUrl baseUrl;
    QString token;
};

// `done` gets the bytes, or nullopt and a reason.
void getBlob(QNetworkAccessManager &network, const BlobAccess &access, const QString &id,
             std::function<void(std::optional<QByteArray>, QString)> done);
// `done` gets an empty string on success, else a reason.
void putBlob(QNetworkAccessManager &network, const BlobAccess &access, const QString &id,
             const QByteArray &data, std::function<void(QString)> done);

// A fresh id for a blob this component creates: random, URL-safe.
QString newBlobId();

} // namespace refcomp
