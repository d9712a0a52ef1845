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
    // isSensitiveKey by Qt's case-insensitive compare alone: the reference
    // the tests hold its ASCII fast path against.
    static bool isSensitiveKeyByCompare(QStringView key);
    // "ey****fQ..." for long values, "****" for values shorter than 8.
    static QString maskValue(const QString &value);
    static QJsonValue mask(const QJsonValue &value);
    static QJsonObject mask(const QJsonObject &object);
    static QJsonArray mask(const QJsonArray &array);
    // Masks `key=value`, `key: value` and JSON `"key":"value"` pairs inside
    // free text (log messages).
    static QString maskText(const QString &text);

    // maskText's pre-check, one pass over the text: false when no
    // sensitive key can be in it (none of the stems "pass", "pwd", "secret",
    // "token", "apikey", "api_key", "auth", "credential", "connectionstring"
    // occurs, in any case), and maskText then returns the text as it is without
    // running its regular expression.
    static bool mayHoldSensitiveKey(QStringView text);
    // The keys listed above (tests hold the pre-check against them).
    static QList<QStringView> sensitiveKeys();
    // maskText without the pre-checks: the reference the tests compare it with.
    static QString maskTextByPattern(const QString &text);
};

} // namespace hm
