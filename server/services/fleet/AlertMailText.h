#pragma once

// The words of alert e-mails (firing, resolved, reminder, test) in the
// channel's language, through the server's catalogues (server/i18n).

#include "server/i18n/ServerLanguage.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace hm::server::fleet {

struct AlertMailText
{
    QString subject;
    QString text;
};

// `event`: "firing", "resolved" or "reminder"; `alert` as the delivery's
// payload holds it (seed 001's alert message).
AlertMailText alertMailText(i18n::Language language, const QString &event, const QJsonObject &alert,
                            const QString &deliveryId);
AlertMailText testMailText(i18n::Language language, const QString &channelName,
                           const QString &deliveryId);

// An e-mail channel's "language": exactly "en", "zh-TW" or "zh-CN".
std::optional<i18n::Language> mailLanguage(const QString &tag);

} // namespace hm::server::fleet
