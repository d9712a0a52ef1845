#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hm {

// Masks sensitive values before they reach a log, an export or an error
// message (seed 003 §12.4). Keys are matched case-insensitively against:
// password, passwd, pwd, secret, token, accessToken, bearerToken,
// refreshToken, apiKey, api_key, secretKey, authorization, credential, auth,
// connectionString, dbPassword. Objects and arrays are walked recursively.
class SensitiveDataMasker
{
public:
    static bool isSensitiveKey(QStringView key);
    // "ey****fQ..." for long values, "****" for values shorter than 8.
    static QString maskValue(const QString &value);
    static QJsonValue mask(const QJsonValue &value);
    static QJsonObject mask(const QJsonObject &object);
    static QJsonArray mask(const QJsonArray &array);
    // Masks `key=value`, `key: value` and JSON `"key":"value"` pairs inside
    // free text (log messages).
    static QString maskText(const QString &text);
};

} // namespace hm
