#pragma once

#include "server/api/ApiRouter.h"

#include <QDateTime>

namespace hm::server {

// An export's answer (logs, audit trail): the body as an attachment named
// hivemind-<what>-<UTC time>.<format>, so every export downloads alike.
inline ApiReply exportReply(QByteArray body, QByteArray contentType, const QString &what,
                            const QString &format)
{
    ApiReply reply = ApiReply::raw(std::move(body), std::move(contentType));
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                          QStringLiteral("attachment; filename=\"hivemind-%1-%2.%3\"")
                              .arg(what, stamp, format)
                              .toLatin1()});
    return reply;
}

} // namespace hm::server
