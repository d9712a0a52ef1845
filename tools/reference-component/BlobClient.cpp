#include "BlobClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

namespace refcomp {

namespace {

QNetworkRequest blobRequest(const BlobAccess &access, const QString &id)
{
    QUrl url = access.baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/') + id);
    QNetworkRequest request(url);
    request.setRawHeader("X-Execution-Token", access.token.toUtf8());
    request.setTransferTimeout(30000);
    return request;
}

QString failure(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return reply.errorString();
    if (status >= 200 && status < 300)
        return {};
    return QStringLiteral("blob endpoint answered HTTP %1").arg(status);
}

} // namespace

void getBlob(QNetworkAccessManager &network, const BlobAccess &access, const QString &id,
             std::function<void(std::optional<QByteArray>, QString)> done)
{
    QNetworkReply *reply = network.get(blobRequest(access, id));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        const QString why = failure(*reply);
        if (!why.isEmpty())
            return done(std::nullopt, why);
        done(reply->readAll(), {});
    });
}

void putBlob(QNetworkAccessManager &network, const BlobAccess &access, const QString &id,
             const QByteArray &data, std::function<void(QString)> done)
{
    QNetworkRequest request = blobRequest(access, id);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = network.put(request, data);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(failure(*reply));
    });
}

QString newBlobId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace refcomp
