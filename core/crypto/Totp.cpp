#include "crypto/Totp.h"

#include "crypto/Random.h"

#include <QUrl>
#include <QUrlQuery>
#include <liboath/oath.h>
#include <mutex>

namespace hm::crypto {
namespace {

// oath_init() sets up liboath's crypto backend once per process.
void ensureOathInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

bool validDigits(int digits)
{
    return digits >= 6 && digits <= 8;
}

} // namespace

QByteArray generateTotpSecret()
{
    return randomBytes(20);
}

Result<QString> totpCode(QByteArrayView secret, qint64 unixTime, const TotpParameters &params)
{
    ensureOathInitialised();
    if (!validDigits(params.digits) || params.stepSeconds <= 0)
        return Error{ErrorCode::ValidationError, QStringLiteral("unsupported TOTP parameters")};
    char output[16] = {};
    const int rc = oath_totp_generate(
        secret.data(), static_cast<size_t>(secret.size()), static_cast<time_t>(unixTime),
        static_cast<unsigned>(params.stepSeconds), 0, static_cast<unsigned>(params.digits), output);
    if (rc != OATH_OK)
        return Error{ErrorCode::InternalError,
                     QStringLiteral("TOTP generation failed: %1")
                         .arg(QString::fromLatin1(oath_strerror_name(rc)))};
    return QString::fromLatin1(output);
}

std::optional<qint64> totpMatchingStep(QByteArrayView secret, const QString &code, qint64 unixTime,
                                       const TotpParameters &params)
{
    ensureOathInitialised();
    if (!validDigits(params.digits) || params.stepSeconds <= 0 || params.window < 0)
        return std::nullopt;
    if (code.size() != params.digits)
        return std::nullopt;
    for (const QChar c : code) {
        if (!c.isDigit() || c.unicode() > 0x7f)
            return std::nullopt;
    }
    const QByteArray otp = code.toLatin1();
    int position = 0;
    const int rc = oath_totp_validate2(
        secret.data(), static_cast<size_t>(secret.size()), static_cast<time_t>(unixTime),
        static_cast<unsigned>(params.stepSeconds), 0, static_cast<size_t>(params.window), &position,
        otp.constData());
    if (rc < 0)
        return std::nullopt;
    return unixTime / params.stepSeconds + position;
}

QString base32Encode(QByteArrayView bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

QString otpauthUri(const QString &issuer, const QString &account, QByteArrayView secret)
{
    QUrl url;
    url.setScheme(QStringLiteral("otpauth"));
    url.setHost(QStringLiteral("totp"));
    url.setPath(QLatin1Char('/') + issuer + QLatin1Char(':') + account);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("secret"), base32Encode(secret));
    query.addQueryItem(QStringLiteral("issuer"), issuer);
    query.addQueryItem(QStringLiteral("algorithm"), QStringLiteral("SHA1"));
    query.addQueryItem(QStringLiteral("digits"), QStringLiteral("6"));
    query.addQueryItem(QStringLiteral("period"), QStringLiteral("30"));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace hm::crypto
