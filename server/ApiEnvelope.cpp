#include "server/ApiEnvelope.h"

#include "crypto/Random.h"

#include <QDateTime>

namespace hm::server {

QJsonObject successEnvelope(const QJsonValue &data, const QString &message)
{
    QJsonObject envelope{{QStringLiteral("success"), true}, {QStringLiteral("data"), data}};
    if (!message.isEmpty())
        envelope.insert(QStringLiteral("message"), message);
    return envelope;
}

QJsonObject errorEnvelope(const Error &error, const QString &requestId)
{
    const QJsonObject body{{QStringLiteral("code"), error.codeName()},
                           {QStringLiteral("message"), error.message},
                           {QStringLiteral("details"), error.details},
                           {QStringLiteral("request_id"), requestId},
                           {QStringLiteral("timestamp"), isoUtcNow()}};
    return QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("error"), body}};
}

QString newRequestId()
{
    return QStringLiteral("req_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
}

QString isoUtcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace hm::server
