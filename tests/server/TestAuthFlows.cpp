// Login, lockout, refresh rotation, sessions, JWT checks, 2FA and hostile
// bodies against the real hivemind-server process on loopback.

#include "AuthTestSupport.h"
#include "crypto/Hmac.h"
#include "crypto/KeyDerivation.h"
#include "crypto/Totp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace hm;
using namespace hm::test;

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QString kUserPassword = QStringLiteral("Us3r!Passw0rd");

QByteArray segment(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kB64);
}

} // namespace

class TestAuthFlows : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_users = 0;

    QJsonObject createUser(const QString &role, QString *name = nullptr)
    {
        const QString username = QStringLiteral("user%1").arg(++m_users);
        if (name)
            *name = username;
        const Answer created = m_http->json("POST", QStringLiteral("/api/v1/users"),
                                            {{"username", username},
                                             {"email", username + QStringLiteral("@example.com")},
                                             {"password", kUserPassword},
                                             {"role", role}},
                                            m_admin);
        return created.status == 201 ? created.data() : QJsonObject{};
    }

    QString signWithServerKey(const QJsonObject &header, const QJsonObject &claims)
    {
        const auto master =
            crypto::SecureBytes::fromRaw(QByteArray::fromBase64(m_server->masterKey()));
        const auto key = crypto::deriveSubkey(master, crypto::Subkey::TokenSigning);
        const QByteArray input = segment(header) + '.' + segment(claims);
        return QString::fromLatin1(input + '.' +
                                   crypto::hmacSha256(key.view(), input).toBase64(kB64));
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // The progressive delay after failed logins, short: the tests make
        // many on purpose (TestAuthAbuse checks the delay itself).
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/auth/settings",
                            {{"auth.lockout", QJsonObject{{"progressive_delay_ms", 10}}}}, m_admin)
                     .status,
                 200);
    }

    void loginByUsernameOrEmail()
    {
        const Answer byName = m_http->login(kAdmin, kAdminPassword);
        QCOMPARE(byName.status, 200);
        const QJsonObject data = byName.data();
        QCOMPARE(data.value("token_type").toString(), QStringLiteral("bearer"));
        QCOMPARE(data.value("expires_in").toInt(), 900);
        QVERIFY(!data.value("refresh_token").toString().isEmpty());
        const QJsonObject user = data.value("user").toObject();
        QCOMPARE(user.value("username").toString(), kAdmin);
        QCOMPARE(user.value("role").toString(), QStringLiteral("admin"));
        QCOMPARE(user.value("permissions").toArray(), QJsonArray{"*"});
        QCOMPARE(user.value("two_factor_enabled").toBool(), false);
        QVERIFY(!user.value("last_login").toString().isEmpty());
        QVERIFY(!user.contains("password_hash"));

        const Answer byEmail =
            m_http->json("POST", "/api/v1/auth/login",
                         {{"email", "ROOT@localhost"}, {"password", kAdminPassword}});
        QCOMPARE(byEmail.status, 200);
        const Answer me =
            m_http->get("/api/v1/users/me", byEmail.data().value("access_token").toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value("username").toString(), kAdmin);
        QCOMPARE(m_http->get("/api/v1/users/me").code(), QStringLiteral("UNAUTHORIZED"));
    }

    void wrongPasswordAndUnknownUserLookAlike()
    {
        QString name;
        QVERIFY(!createUser("user", &name).isEmpty());
        const Answer wrong = m_http->login(name, "Wrong!Passw0rd");
        const Answer unknown = m_http->login("no-such-user", "Wrong!Passw0rd");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.code(), QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(unknown.code(), wrong.code());
        QCOMPARE(unknown.body.value("error").toObject().value("message"),
                 wrong.body.value("error").toObject().value("message"));
        QCOMPARE(unknown.body.value("error").toObject().value("details"),
                 wrong.body.value("error").toObject().value("details"));
    }

    // Failures count per account and client address (TestAuthAbuse has
    // the second address); a locked pair answers like a wrong password.
    void lockoutAfterFiveFailuresAndAdminUnlock()
    {
        QString name;
        const QJsonObject user = createUser("user", &name);
        QVERIFY(!user.isEmpty());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_http->login(name, "Wrong!Passw0rd").code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        // Even the right password is refused while locked, with the same answer.
        const Answer right = m_http->login(name, kUserPassword);
        QCOMPARE(right.status, 401);
        QCOMPARE(right.code(), QStringLiteral("INVALID_CREDENTIALS"));

        const QString path = "/api/v1/users/" + user.value("id").toString();
        const Answer listed = m_http->get(path, m_admin);
        QVERIFY(!listed.data().value("locked_until").isNull());
        QCOMPARE(listed.data().value("login_attempts").toInt(), 5);
        QCOMPARE(m_http->json("PUT", path, {{"status", "active"}}, m_admin).status, 200);
        QCOMPARE(m_http->login(name, kUserPassword).status, 200);
        // Success resets the counter: four more failures do not lock.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_http->login(name, "Wrong!Passw0rd").code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(m_http->login(name, kUserPassword).status, 200);
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        const Answer login = m_http->login(kAdmin, kAdminPassword);
        const QString first = login.data().value("refresh_token").toString();
        const Answer second =
            m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", first}});
        QCOMPARE(second.status, 200);
        const QString next = second.data().value("refresh_token").toString();
        QVERIFY(!next.isEmpty() && next != first);
        // Seed 001 form: the refresh token as bearer.
        const Answer third = m_http->send("POST", "/api/v1/auth/refresh", {}, Http::bearer(next));
        QCOMPARE(third.status, 200);
        const QString latest = third.data().value("refresh_token").toString();
        const QString access = third.data().value("access_token").toString();
        QCOMPARE(m_http->get("/api/v1/users/me", access).status, 200);

        // Replaying a rotated token: refused, and the whole family dies.
        const Answer replay =
            m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", first}});
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", latest}}).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get("/api/v1/users/me", access).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", "bogus"}}).code(),
                 QStringLiteral("TOKEN_INVALID"));
    }

    void sessionsLogoutAndLogoutAll()
    {
        QString name;
        QVERIFY(!createUser("viewer", &name).isEmpty());
        const Answer a = m_http->login(name, kUserPassword, "device-a");
        const Answer b = m_http->login(name, kUserPassword, "device-b");
        const Answer c = m_http->login(name, kUserPassword, "device-c");
        const QString tokenA = a.data().value("access_token").toString();
        const QString tokenB = b.data().value("access_token").toString();
        const QString tokenC = c.data().value("access_token").toString();

        const Answer sessions = m_http->get("/api/v1/users/me/sessions", tokenA);
        QCOMPARE(sessions.status, 200);
        const QJsonArray list = sessions.body.value("data").toArray();
        QCOMPARE(list.size(), 3);
        QString sessionB;
        int current = 0;
        for (const QJsonValue &s : list) {
            const QJsonObject session = s.toObject();
            QCOMPARE(session.value("ip_address").toString(), QStringLiteral("127.0.0.1"));
            QVERIFY(!session.value("created_at").toString().isEmpty());
            QVERIFY(!session.value("last_used_at").toString().isEmpty());
            if (session.value("current").toBool()) {
                ++current;
                QCOMPARE(session.value("device_info").toString(), QStringLiteral("device-a"));
            }
            if (session.value("device_info").toString() == QLatin1String("device-b"))
                sessionB = session.value("id").toString();
        }
        QCOMPARE(current, 1);
        QCOMPARE(
            m_http
                ->send("DELETE", "/api/v1/users/me/sessions/" + sessionB, {}, Http::bearer(tokenA))
                .status,
            200);
        QCOMPARE(m_http->get("/api/v1/users/me", tokenB).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/users/me/sessions/unknown", {}, Http::bearer(tokenA))
                .status,
            404);

        // Logout ends this session only.
        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout", {}, tokenC).status, 200);
        QCOMPARE(m_http->get("/api/v1/users/me", tokenC).status, 401);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/refresh",
                            {{"refresh_token", c.data().value("refresh_token").toString()}})
                     .status,
                 401);
        QCOMPARE(m_http->get("/api/v1/users/me", tokenA).status, 200);

        // DELETE /users/me/sessions keeps the caller's, logout-all ends all.
        const QString tokenD =
            m_http->login(name, kUserPassword, "device-d").data().value("access_token").toString();
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/users/me/sessions", {}, Http::bearer(tokenA)).status,
            200);
        QCOMPARE(m_http->get("/api/v1/users/me", tokenD).status, 401);
        QCOMPARE(
            m_http->get("/api/v1/users/me/sessions", tokenA).body.value("data").toArray().size(),
            1);
        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout-all", {}, tokenA).status, 200);
        QCOMPARE(m_http->get("/api/v1/users/me", tokenA).status, 401);
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/refresh",
                            {{"refresh_token", a.data().value("refresh_token").toString()}})
                     .status,
                 401);
    }

    void badJwtsAreRejected()
    {
        const QString access = m_http->accessToken(kAdmin, kAdminPassword);
        const QStringList parts = access.split('.');
        const QJsonObject claims =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts[1].toLatin1(), kB64)).object();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject hs256{{"alg", "HS256"}, {"typ", "JWT"}};

        QJsonObject expired = claims;
        expired["iat"] = now - 3600;
        expired["exp"] = now - 1800;
        const Answer exp = m_http->get("/api/v1/users/me", signWithServerKey(hs256, expired));
        QCOMPARE(exp.status, 401);
        QCOMPARE(exp.code(), QStringLiteral("TOKEN_EXPIRED"));

        // The server's own key still cannot make these acceptable.
        QJsonObject future = claims;
        future["iat"] = now + 3600;
        future["exp"] = now + 4000;
        QCOMPARE(m_http->get("/api/v1/users/me", signWithServerKey(hs256, future)).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QJsonObject otherIssuer = claims;
        otherIssuer["iss"] = "someone-else";
        QCOMPARE(m_http->get("/api/v1/users/me", signWithServerKey(hs256, otherIssuer)).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http
                     ->get("/api/v1/users/me",
                           signWithServerKey({{"alg", "HS256"}, {"typ", "refresh"}}, claims))
                     .code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http
                     ->get("/api/v1/users/me",
                           signWithServerKey({{"alg", "HS512"}, {"typ", "JWT"}}, claims))
                     .code(),
                 QStringLiteral("TOKEN_INVALID"));

        // alg none, a forged signature, a tampered payload, garbage.
        const QString none = QString::fromLatin1(segment({{"alg", "none"}, {"typ", "JWT"}}) + '.' +
                                                 segment(claims) + '.');
        QCOMPARE(m_http->get("/api/v1/users/me", none).code(), QStringLiteral("TOKEN_INVALID"));
        const QString forged = parts[0] + '.' + parts[1] + '.' +
                               QString::fromLatin1(QByteArray(32, 'x').toBase64(kB64));
        QCOMPARE(m_http->get("/api/v1/users/me", forged).code(), QStringLiteral("TOKEN_INVALID"));
        QJsonObject admin = claims;
        admin["sub"] = "someone";
        const QString tampered =
            parts[0] + '.' + QString::fromLatin1(segment(admin)) + '.' + parts[2];
        QCOMPARE(m_http->get("/api/v1/users/me", tampered).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get("/api/v1/users/me", "not.a.jwt").code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get("/api/v1/users/me", access).status, 200);
    }

    void twoFactorEnrolVerifyAndLogin()
    {
        QString name;
        QVERIFY(!createUser("user", &name).isEmpty());
        const QString token = m_http->accessToken(name, kUserPassword);
        const Answer enrol = m_http->json("POST", "/api/v1/auth/2fa/enroll", {}, token);
        QCOMPARE(enrol.status, 200);
        const QString secretText = enrol.data().value("secret").toString();
        QVERIFY(enrol.data().value("otpauth_uri").toString().startsWith("otpauth://totp/"));
        // Decode base32 (test side) to compute codes like an authenticator app.
        const QByteArray secret = base32Decode(secretText);
        QCOMPARE(secret.size(), 20);
        QCOMPARE(
            m_http->json("POST", "/api/v1/auth/2fa/verify", {{"code", "000000x"}}, token).status,
            422);
        // The previous step's code is valid (±1 step), and later the current
        // one; each code works once.
        qint64 now = 0;
        QString earlier;
        int enabled = 0;
        atStableTotpStep(
            [&](qint64 at) {
                earlier = crypto::totpCode(secret, at - 30).value();
                enabled =
                    m_http->json("POST", "/api/v1/auth/2fa/verify", {{"code", earlier}}, token)
                        .status;
                return enabled == 200;
            },
            &now);
        QCOMPARE(enabled, 200);
        QCOMPARE(m_http->get("/api/v1/users/me", token).data().value("two_factor_enabled").toBool(),
                 true);

        const Answer first = m_http->login(name, kUserPassword);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.data().value("two_factor_required").toBool(), true);
        QVERIFY(!first.data().contains("access_token"));
        const QString pending = first.data().value("pending_token").toString();
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/verify-2fa",
                            {{"pending_token", pending}, {"code", earlier}, {"method", "totp"}})
                     .code(),
                 QStringLiteral("INVALID_CREDENTIALS")); // replay of a used code
        const QString later = crypto::totpCode(secret, now + 30).value();
        const Answer done =
            m_http->json("POST", "/api/v1/auth/verify-2fa",
                         {{"pending_token", pending}, {"code", later}, {"method", "totp"}});
        QCOMPARE(done.status, 200);
        QCOMPARE(done.data().value("verified").toBool(), true);
        const QString access = done.data().value("access_token").toString();
        QCOMPARE(m_http->get("/api/v1/users/me", access).status, 200);
        // The pending token is single-use.
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/verify-2fa",
                            {{"pending_token", pending}, {"code", later}})
                     .code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/2fa/disable",
                            {{"password", "Wrong!Passw0rd"}, {"code", later}}, access)
                     .code(),
                 QStringLiteral("CURRENT_PASSWORD_WRONG"));
    }

    void passwordChangePolicyAndRegistration()
    {
        QString name;
        QVERIFY(!createUser("user", &name).isEmpty());
        const QString token = m_http->accessToken(name, kUserPassword);
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/users/me/password",
                            {{"current_password", "nope"}, {"new_password", "N3w!Passw0rd"}}, token)
                     .code(),
                 QStringLiteral("CURRENT_PASSWORD_WRONG"));
        const Answer weak =
            m_http->json("PUT", "/api/v1/users/me/password",
                         {{"current_password", kUserPassword}, {"new_password", "short"}}, token);
        QCOMPARE(weak.code(), QStringLiteral("INVALID_PASSWORD"));
        const QJsonArray failed = weak.details().value("failed_rules").toArray();
        QVERIFY(failed.contains("min_length"));
        QVERIFY(failed.contains("require_uppercase"));
        QVERIFY(!QJsonDocument(weak.body).toJson().contains("short"));
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/users/me/password",
                            {{"current_password", kUserPassword}, {"new_password", "N3w!Passw0rd"}},
                            token)
                     .status,
                 200);
        QCOMPARE(m_http->login(name, "N3w!Passw0rd").status, 200);

        const Answer disabled =
            m_http->json("POST", "/api/v1/auth/register",
                         {{"email", "new@example.com"}, {"password", "N3w!Passw0rd"}});
        QCOMPARE(disabled.status, 403);
        QCOMPARE(disabled.code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(
            m_http
                ->json("PUT", "/api/v1/auth/settings", {{"auth.self_registration", true}}, m_admin)
                .status,
            200);
        const Answer registered =
            m_http->json("POST", "/api/v1/auth/register",
                         {{"email", "new@example.com"}, {"password", "N3w!Passw0rd"}});
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.data().value("role").toString(), QStringLiteral("user"));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/auth/register",
                            {{"email", "NEW@example.com"},
                             {"username", "other"},
                             {"password", "N3w!Passw0rd"}})
                     .code(),
                 QStringLiteral("EMAIL_EXISTS"));
        QCOMPARE(
            m_http
                ->json("PUT", "/api/v1/auth/settings", {{"auth.self_registration", false}}, m_admin)
                .status,
            200);

        // Without SMTP settings no reset mail can go (TestAccountMail has the
        // rest); a reset or verification without a token is a field fault.
        const Answer forgot =
            m_http->json("POST", "/api/v1/auth/forgot-password", {{"email", "x@example.com"}});
        QCOMPARE(forgot.status, 503);
        QCOMPARE(forgot.details().value("code").toString(), QStringLiteral("SMTP_NOT_CONFIGURED"));
        for (const char *path : {"/api/v1/auth/reset-password", "/api/v1/auth/verify-email"})
            QCOMPARE(m_http->json("POST", path, {{"email", "x@example.com"}}).status, 422);
    }

    // Issue 34, item 16: the rule says letters, so letters of any script;
    // one spelling per name (NFC, case folded); no look-alikes.
    void unicodeUsernames()
    {
        const auto create = [this](const QString &username, const QString &email) {
            return m_http->json("POST", QStringLiteral("/api/v1/users"),
                                {{"username", username},
                                 {"email", email},
                                 {"password", kUserPassword},
                                 {"role", "user"}},
                                m_admin);
        };
        const Answer chinese = create(QStringLiteral("王小明"), "wang@example.com");
        QCOMPARE(chinese.status, 201);
        QCOMPARE(chinese.data().value("username").toString(), QStringLiteral("王小明"));
        const Answer wang = m_http->login(QStringLiteral("王小明"), kUserPassword);
        QCOMPARE(wang.status, 200);
        QCOMPARE(wang.data().value("user").toObject().value("username").toString(),
                 QStringLiteral("王小明"));
        QCOMPARE(create(QStringLiteral("王admin"), "wang.admin@example.com").status, 201);

        // Decomposed on creation: stored composed, found by either spelling.
        const QString decomposed = QStringLiteral("e\u0301ric");
        const QString composed = QStringLiteral("\u00E9ric");
        const Answer eric = create(decomposed, "eric@example.com");
        QCOMPARE(eric.status, 201);
        QCOMPARE(eric.data().value("username").toString(), composed);
        const QString ericId = eric.data().value("id").toString();
        for (const QString &spelling : {composed, decomposed, QStringLiteral("\u00C9RIC")}) {
            const Answer login = m_http->login(spelling, kUserPassword);
            QVERIFY2(login.status == 200, qPrintable(spelling));
            QCOMPARE(login.data().value("user").toObject().value("id").toString(), ericId);
        }
        // One name however it is spelt or cased.
        for (const QString &same : {composed, QStringLiteral("E\u0301RIC")}) {
            const Answer taken = create(same, "eric2@example.com");
            QCOMPARE(taken.code(), QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        }

        // Folding beyond ASCII both ways: the long s (U+017F) folds to "s".
        const Answer longS = create(QStringLiteral("\u017Fam"), "long.s@example.com");
        QCOMPARE(longS.status, 201);
        QCOMPARE(create(QStringLiteral("SAM"), "sam@example.com").code(),
                 QStringLiteral("RESOURCE_ALREADY_EXISTS"));
        QCOMPARE(m_http->login(QStringLiteral("sam"), kUserPassword)
                     .data()
                     .value("user")
                     .toObject()
                     .value("id")
                     .toString(),
                 longS.data().value("id").toString());

        const auto refused = [&create](const QString &username, const char *reason) {
            const Answer answer = create(username, "refused@example.com");
            if (answer.code() != QLatin1String("VALIDATION_ERROR") ||
                answer.details().value("field").toString() != QLatin1String("username") ||
                answer.details().value("reason").toString() != QLatin1String(reason))
                return false;
            // The message says what is allowed.
            const QString message =
                answer.body.value("error").toObject().value("message").toString();
            return message.contains(QLatin1String("letters of any script")) &&
                   message.contains(QLatin1String("Latin, Greek and Cyrillic"));
        };
        QVERIFY(refused(QStringLiteral("\u0430dmin"), "mixed_scripts")); // Cyrillic а
        QVERIFY(refused(QStringLiteral("r\u03BFot"), "mixed_scripts"));  // Greek ο
        QVERIFY(refused(QStringLiteral("ad\u200Bmin"), "character"));    // zero width space
        QVERIFY(refused(QStringLiteral("\u202Enimda"), "character"));    // bidi override
        QVERIFY(refused(QStringLiteral("a b"), "character"));
        // Code points, not UTF-16 units: 𠀀 (U+20000) takes two.
        QVERIFY(refused(QStringLiteral("王明"), "length"));
        QString astral;
        for (int i = 0; i < 33; ++i)
            astral += QStringLiteral("\U00020000");
        QCOMPARE(create(astral, "astral@example.com").status, 201); // 66 UTF-16 units
        QVERIFY(refused(astral + astral, "length"));
        QCOMPARE(m_http->login(QStringLiteral("\u0430dmin"), kUserPassword).code(),
                 QStringLiteral("INVALID_CREDENTIALS"));
    }

    void loginRateLimitPerAddress()
    {
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/auth/settings",
                            {{"auth.rate_limits", QJsonObject{{"login_per_minute", 3}}}}, m_admin)
                     .status,
                 200);
        // Earlier logins from this address may already fill the window, so
        // the refusal comes within at most four attempts.
        Answer limited;
        for (int i = 0; i < 4 && limited.status != 429; ++i)
            limited = m_http->login("rate-limited-name", "Wrong!Passw0rd");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        QCOMPARE(limited.headers.value("x-ratelimit-limit"), QByteArray("3"));
        QCOMPARE(limited.headers.value("x-ratelimit-remaining"), QByteArray("0"));
        QVERIFY(limited.headers.value("retry-after").toInt() >= 1);
        QVERIFY(limited.headers.value("x-ratelimit-reset").toLongLong() > 0);
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/auth/settings",
                            {{"auth.rate_limits", QJsonObject{{"login_per_minute", 10000}}}},
                            m_admin)
                     .status,
                 200);
    }

    void hostileBodiesAnswer4xxAndServerStaysHealthy()
    {
        const Answer truncated = m_http->send("POST", "/api/v1/auth/login", "{\"username\": \"ro");
        QCOMPARE(truncated.status, 422);
        QCOMPARE(truncated.code(), QStringLiteral("VALIDATION_ERROR"));
        QVERIFY(truncated.details().contains("offset"));
        const Answer wrongTypes =
            m_http->send("POST", "/api/v1/auth/login", "{\"username\": 5, \"password\": []}");
        QCOMPARE(wrongTypes.status, 422);
        QCOMPARE(m_http->send("POST", "/api/v1/auth/login", "[1,2]").status, 422);
        const Answer huge =
            m_http->send("POST", "/api/v1/auth/login", QByteArray(11 * 1024 * 1024, 'a'));
        QVERIFY2(huge.status == 413, QByteArray::number(huge.status).constData());
        QCOMPARE(huge.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
        const QByteArray deep = QByteArray(1000, '[') + QByteArray(1000, ']');
        const Answer nested =
            m_http->send("POST", "/api/v1/auth/login", "{\"username\":" + deep + "}");
        QCOMPARE(nested.status, 422);
        const Answer nestedUsers =
            m_http->send("POST", "/api/v1/users", "{\"a\":" + deep + "}", Http::bearer(m_admin));
        QCOMPARE(nestedUsers.status, 422);
        QCOMPARE(m_http->get("/api/v1/health").status, 200);
        QCOMPARE(m_http->login(kAdmin, kAdminPassword).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAuthFlows)
#include "TestAuthFlows.moc"
