#include "server/services/auth/Jwt.h"

#include "crypto/Hmac.h"

#include <QJsonDocument>
#include <cmath>

namespace hm::server::auth {
namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodeSegment(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kB64);
}

Error invalid(const QString &why)
{
    // The reason helps whoever debugs a client; it never echoes the token.
    return Error{ErrorCode::TokenInvalid, QStringLiteral("access token is invalid: %1").arg(why)};
}

std::optional<QJsonObject> decodeSegment(const QByteArray &segment)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(segment, kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

QString signJwt(const crypto::SecureBytes &key, const QJsonObject &claims)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = encodeSegment(header) + '.' + encodeSegment(claims);
    const QByteArray signature = crypto::hmacSha256(key.view(), signingInput).toBase64(kB64);
    return QString::fromLatin1(signingInput + '.' + signature);
}

Result<QJsonObject> verifyJwt(const crypto::SecureBytes &key, const QString &token,
                              qint64 nowSeconds)
{
    if (token.size() > 8192)
        return invalid(QStringLiteral("too long"));
    const QByteArray bytes = token.toLatin1();
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return invalid(QStringLiteral("not a compact JWS"));

    const auto header = decodeSegment(parts[0]);
    if (!header)
        return invalid(QStringLiteral("malformed header"));
    if (header->value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return invalid(QStringLiteral("algorithm not allowed"));
    if (header->value(QStringLiteral("typ")).toString() != QLatin1String("JWT"))
        return invalid(QStringLiteral("wrong token type"));
    if (header->contains(QStringLiteral("crit")))
        return invalid(QStringLiteral("unsupported critical header"));

    const auto signature =
        QByteArray::fromBase64Encoding(parts[2], kB64 | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = crypto::hmacSha256(
        key.view(), QByteArrayView(bytes).first(parts[0].size() + 1 + parts[1].size()));
    // Only the canonical encoding: the last character of a 32-byte base64url
    // value carries 2 unused bits, so without this check 4 different token
    // strings would verify for every token (found by tests/fuzz FuzzJwt).
    if (!signature || signature.decoded.toBase64(kB64) != parts[2] ||
        !crypto::constantTimeEquals(*signature, expected))
        return invalid(QStringLiteral("bad signature"));

    const auto claims = decodeSegment(parts[1]);
    if (!claims)
        return invalid(QStringLiteral("malformed claims"));
    if (claims->value(QStringLiteral("iss")).toString() != QLatin1String(kIssuer))
        return invalid(QStringLiteral("wrong issuer"));
    if (claims->value(QStringLiteral("sub")).toString().isEmpty())
        return invalid(QStringLiteral("no subject"));
    const QJsonValue iat = claims->value(QStringLiteral("iat"));
    const QJsonValue exp = claims->value(QStringLiteral("exp"));
    if (!iat.isDouble() || !exp.isDouble())
        return invalid(QStringLiteral("missing iat or exp"));
    // Compared as doubles (whole seconds, as the cast to qint64 did): a
    // value beyond qint64's range, such as 1e300, made that cast undefined
    // (found by tests/fuzz FuzzJwt).
    if (std::trunc(iat.toDouble()) > static_cast<double>(nowSeconds + kClockSkewSeconds))
        return invalid(QStringLiteral("issued in the future"));
    if (std::trunc(exp.toDouble()) <= static_cast<double>(nowSeconds))
        return Error{ErrorCode::TokenExpired, QStringLiteral("access token has expired")};
    return *claims;
}

} // namespace hm::server::auth
