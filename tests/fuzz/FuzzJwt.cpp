// Access-token verification (server/services/auth/Jwt) on arbitrary tokens, at a
// fixed clock. Oracles:
// - never accept a token not signed with the key: an accepted token's third
//   segment must be the HMAC-SHA256, computed here independently with
//   QMessageAuthenticationCode, of its first two segments exactly as sent;
//   and the same token must be refused under any other key;
// - an accepted token is HS256/JWT, unexpired, issued by "hivemind";
// - sign-verify stability: the accepted claims, signed again, verify to
//   the same claims.
// Seeds are real tokens signed with kKey (see tests/fuzz/README.md); the
// fuzzer mutates them, and any mutation of the signed part must be refused.

#include "FuzzCheck.h"
#include "server/services/auth/Jwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>

using namespace hm;
using namespace hm::server::auth;

namespace {

constexpr auto kKey = "hivemind-fuzz-test-signing-key-0123456789abcdef";
constexpr qint64 kNow = 1700000000; // the seeds are valid at this instant
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const crypto::SecureBytes &key()
{
    static const crypto::SecureBytes bytes = crypto::SecureBytes::fromRaw(QByteArray(kKey));
    return bytes;
}

const crypto::SecureBytes &otherKey()
{
    static const crypto::SecureBytes bytes =
        crypto::SecureBytes::fromRaw(QByteArray(kKey).append("-other"));
    return bytes;
}

bool signedWithKey(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return false;
    const QByteArray input = parts[0] + '.' + parts[1];
    const QByteArray mac =
        QMessageAuthenticationCode::hash(input, QByteArray(kKey), QCryptographicHash::Sha256);
    return mac.toBase64(kB64) == parts[2];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // Tokens arrive as header or query text: UTF-8 decoded, then verified.
    const QString token = QString::fromUtf8(bytes);
    const Result<QJsonObject> claims = verifyJwt(key(), token, kNow);
    if (!claims.ok()) {
        HM_FUZZ_CHECK(claims.error().code == ErrorCode::TokenInvalid ||
                          claims.error().code == ErrorCode::TokenExpired,
                      "a refusal that is neither TOKEN_INVALID nor TOKEN_EXPIRED");
        return 0;
    }
    HM_FUZZ_CHECK(signedWithKey(token.toUtf8()), "accepted a token not signed with the key");
    HM_FUZZ_CHECK(!verifyJwt(otherKey(), token, kNow).ok(), "accepted under another key");
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(token.toUtf8().split('.').at(0), kB64))
            .object();
    HM_FUZZ_CHECK(header.value(QStringLiteral("alg")).toString() == QLatin1String("HS256") &&
                      header.value(QStringLiteral("typ")).toString() == QLatin1String("JWT") &&
                      !header.contains(QStringLiteral("crit")),
                  "accepted a header other than HS256/JWT");
    HM_FUZZ_CHECK(claims.value().value(QStringLiteral("iss")).toString() == QLatin1String(kIssuer),
                  "accepted another issuer");
    HM_FUZZ_CHECK(claims.value().value(QStringLiteral("exp")).toDouble() > double(kNow),
                  "accepted an expired token");

    const Result<QJsonObject> again = verifyJwt(key(), signJwt(key(), claims.value()), kNow);
    HM_FUZZ_CHECK(again.ok() && again.value() == claims.value(), "re-signed claims differ");
    return 0;
}
