#include "common/SensitiveDataMasker.h"

#include <QRegularExpression>
#include <algorithm>
#include <array>

namespace hm {
namespace {

constexpr std::array<QStringView, 16> kSensitiveKeys = {
    u"password",    u"passwd",        u"pwd",          u"secret", u"token",
    u"accesstoken", u"bearertoken",   u"refreshtoken", u"apikey", u"api_key",
    u"secretkey",   u"authorization", u"credential",   u"auth",   u"connectionstring",
    u"dbpassword",
};

QString maskScalar(const QJsonValue &value)
{
    if (value.isString())
        return SensitiveDataMasker::maskValue(value.toString());
    return QStringLiteral("****");
}

} // namespace

bool SensitiveDataMasker::isSensitiveKey(QStringView key)
{
    return std::any_of(kSensitiveKeys.begin(), kSensitiveKeys.end(), [key](QStringView candidate) {
        return key.compare(candidate, Qt::CaseInsensitive) == 0;
    });
}

QString SensitiveDataMasker::maskValue(const QString &value)
{
    if (value.size() < 8)
        return QStringLiteral("****");
    const qsizetype show = std::min<qsizetype>(2, value.size() / 4);
    return value.left(show) + QStringLiteral("****") + value.right(show) + QStringLiteral("...");
}

QJsonValue SensitiveDataMasker::mask(const QJsonValue &value)
{
    if (value.isObject())
        return mask(value.toObject());
    if (value.isArray())
        return mask(value.toArray());
    return value;
}

QJsonObject SensitiveDataMasker::mask(const QJsonObject &object)
{
    QJsonObject masked;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        // A sensitive key hides its whole value, even a nested object: a
        // "credential" object is secret through and through.
        if (isSensitiveKey(it.key()) && !value.isNull())
            masked.insert(it.key(), value.isObject() || value.isArray()
                                        ? QJsonValue(QStringLiteral("****"))
                                        : QJsonValue(maskScalar(value)));
        else
            masked.insert(it.key(), mask(value));
    }
    return masked;
}

QJsonArray SensitiveDataMasker::mask(const QJsonArray &array)
{
    QJsonArray masked;
    for (const QJsonValue &value : array)
        masked.append(mask(value));
    return masked;
}

QString SensitiveDataMasker::maskText(const QString &text)
{
    // "key":"value"  |  key=value  |  key: value   (value up to a delimiter)
    static const QRegularExpression pattern(QStringLiteral(
        R"((["']?)\b([A-Za-z_]+)\1(\s*[:=]\s*)(["']?)((?:Bearer\s+|Basic\s+)?[^\s"',;&}]+)\4)"));
    QString result;
    result.reserve(text.size());
    qsizetype last = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (!isSensitiveKey(match.capturedView(2)))
            continue;
        result += QStringView(text).mid(last, match.capturedStart(5) - last);
        result += maskValue(match.captured(5));
        last = match.capturedEnd(5);
    }
    result += QStringView(text).mid(last);
    return result;
}

} // namespace hm
