#include "server/services/engine/TriggerCallOptions.h"

#include "server/api/AuthCommon.h"

#include <cmath>

namespace hm::server {

namespace {

Error optionError(const QString &field, const QString &message)
{
    return auth::fieldError(QStringLiteral("options.") + field, message);
}

Result<int> readPriority(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return 0;
    if (value.isString()) {
        // The seed writes "normal"; its neighbours name the ends of the
        // common range.
        const QString name = value.toString();
        if (name == QLatin1String("low"))
            return kLowPriority;
        if (name == QLatin1String("normal"))
            return 0;
        if (name == QLatin1String("high"))
            return kHighPriority;
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == std::floor(number) && number >= kMinPriority && number <= kMaxPriority)
            return int(number);
    }
    return optionError(QStringLiteral("priority"),
                       QStringLiteral("priority must be \"low\", \"normal\", \"high\" or a whole "
                                      "number %1..%2 (higher runs first)")
                           .arg(kMinPriority)
                           .arg(kMaxPriority));
}

Result<qint64> readTimeout(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return qint64(0);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < 1 || number > 1e15)
        return optionError(QStringLiteral("timeout_override_ms"),
                           QStringLiteral("timeout_override_ms must be a whole number of "
                                          "milliseconds of at least 1"));
    return qint64(number);
}

Result<QUrl> readCallbackUrl(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QUrl();
    const QString text = value.toString();
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!value.isString() || text.size() > kMaxCallbackUrl || !url.isValid() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment())
        return optionError(QStringLiteral("callback_url"),
                           QStringLiteral("callback_url must be an http:// or https:// URL with "
                                          "a host, without user info or fragment, of at most "
                                          "%1 characters")
                               .arg(kMaxCallbackUrl));
    return url;
}

} // namespace

Result<TriggerCallOptions> readTriggerCallOptions(const QJsonObject &options)
{
    TriggerCallOptions out;
    const Result<int> priority = readPriority(options.value(QStringLiteral("priority")));
    if (!priority)
        return priority.error();
    out.priority = priority.value();
    const Result<qint64> timeout =
        readTimeout(options.value(QStringLiteral("timeout_override_ms")));
    if (!timeout)
        return timeout.error();
    out.timeoutMs = timeout.value();
    const Result<QUrl> url = readCallbackUrl(options.value(QStringLiteral("callback_url")));
    if (!url)
        return url.error();
    out.callbackUrl = url.value();
    const QJsonValue secret = options.value(QStringLiteral("callback_secret"));
    if (!secret.isUndefined() && !secret.isNull()) {
        const QByteArray bytes = secret.toString().toUtf8();
        if (!secret.isString() || bytes.size() < kMinCallbackSecret ||
            bytes.size() > kMaxCallbackSecret)
            return optionError(QStringLiteral("callback_secret"),
                               QStringLiteral("callback_secret must be a string of %1..%2 bytes")
                                   .arg(kMinCallbackSecret)
                                   .arg(kMaxCallbackSecret));
        if (out.callbackUrl.isEmpty())
            return optionError(QStringLiteral("callback_secret"),
                               QStringLiteral("callback_secret needs a callback_url"));
        out.callbackSecret = bytes;
    }
    return out;
}

} // namespace hm::server
