#include "server/api/ApiEnvelope.h"

#include "common/IsoTime.h"
#include "crypto/Random.h"

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
    // Every request gets one. Random bytes are drawn 512 at a time (one
    // system call per 64 ids instead of one per id); each byte is used once.
    thread_local QByteArray pool;
    thread_local qsizetype used = 0;
    if (used + 8 > pool.size()) {
        pool = crypto::randomBytes(512);
        used = 0;
    }
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    QString id(20, Qt::Uninitialized);
    QChar *out = id.data();
    out[0] = u'r';
    out[1] = u'e';
    out[2] = u'q';
    out[3] = u'_';
    for (int i = 0; i < 8; ++i) {
        const auto byte = static_cast<uchar>(pool.at(used + i));
        out[4 + 2 * i] = QChar(kHex[byte >> 4]);
        out[5 + 2 * i] = QChar(kHex[byte & 0x0f]);
    }
    used += 8;
    return id;
}

QString isoUtcNow()
{
    return isoUtcNowMs();
}

} // namespace hm::server
