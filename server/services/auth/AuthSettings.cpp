#include "server/services/auth/AuthSettings.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/SettingsRepository.h"
#include "store/Database.h"

#include <QJsonDocument>

namespace hm::server::auth {
QJsonValue readSetting(store::Database &database, const QString &key)
{
    const auto text = repositories::settingText(database, key);
    if (!text || !*text)
        return {};
    // Wrapped in an array so scalars (true, 5) parse as JSON too.
    return QJsonDocument::fromJson("[" + (*text)->toUtf8() + "]").array().at(0);
}

namespace {

int readInt(const QJsonObject &object, const QString &name, int fallback, int min, int max)
{
    const QJsonValue value = object.value(name);
    return value.isDouble() ? qBound(min, value.toInt(), max) : fallback;
}

} // namespace

AuthSettings AuthSettings::load(store::Database &database)
{
    AuthSettings settings;
    settings.selfRegistration =
        readSetting(database, QStringLiteral("auth.self_registration")).toBool(false);
    settings.passwordPolicy = PasswordPolicy::fromJson(
        readSetting(database, QStringLiteral("password_policy")).toObject());
    const QJsonObject lockout = readSetting(database, QStringLiteral("auth.lockout")).toObject();
    settings.lockoutMaxAttempts =
        readInt(lockout, QStringLiteral("max_attempts"), settings.lockoutMaxAttempts, 1, 1000);
    settings.lockoutDurationSeconds = readInt(lockout, QStringLiteral("duration_seconds"),
                                              settings.lockoutDurationSeconds, 1, 7 * 24 * 3600);
    settings.lockoutDelayMs = readInt(lockout, QStringLiteral("progressive_delay_ms"),
                                      settings.lockoutDelayMs, 0, 60 * 1000);
    const QJsonObject rates = readSetting(database, QStringLiteral("auth.rate_limits")).toObject();
    settings.loginRateLimit =
        readInt(rates, QStringLiteral("login_per_minute"), settings.loginRateLimit, 1, 100000);
    settings.rateWindowSeconds =
        readInt(rates, QStringLiteral("window_seconds"), settings.rateWindowSeconds, 1, 3600);
    return settings;
}

QJsonObject AuthSettings::toJson() const
{
    return {{QStringLiteral("auth.self_registration"), selfRegistration},
            {QStringLiteral("password_policy"), passwordPolicy.toJson()},
            {QStringLiteral("auth.lockout"),
             QJsonObject{{QStringLiteral("max_attempts"), lockoutMaxAttempts},
                         {QStringLiteral("duration_seconds"), lockoutDurationSeconds},
                         {QStringLiteral("progressive_delay_ms"), lockoutDelayMs}}},
            {QStringLiteral("auth.rate_limits"),
             QJsonObject{{QStringLiteral("login_per_minute"), loginRateLimit},
                         {QStringLiteral("window_seconds"), rateWindowSeconds}}}};
}

Status saveSetting(store::Database &database, const QString &key, const QJsonValue &value,
                   const QString &updatedBy)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(array.mid(1, array.size() - 2));
    return repositories::saveSettingText(database, key, text, nowMs(), updatedBy);
}

} // namespace hm::server::auth
