// The server caches what authentication learnt per credential (AuthCache).
// Every test here first uses a credential so that it is cached, then changes
// what it depends on, and checks that the very next request sees the change
// with the answer the uncached server gave.

#include "AuthTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");
const QString kNewPassword = QStringLiteral("N3w!Passw0rd");
const QString kMe = QStringLiteral("/api/v1/users/me");

} // namespace

class TestAuthCache : public QObject, private ServerFixture
{
    Q_OBJECT

    int m_users = 0;

    // A fresh user with `role`, logged in; empty token when that failed.
    ApiUser newUser(const QString &role)
    {
        return createApiUser(*m_http, m_admin, QStringLiteral("cache%1%2").arg(role).arg(++m_users),
                             kPassword, role);
    }
    QString username(const ApiUser &user) const
    {
        return user.email.section(QLatin1Char('@'), 0, 0);
    }
    // GET /users/me twice with `token`: the second answer comes from the cache.
    bool usable(const QString &token)
    {
        return m_http->get(kMe, token).status == 200 && m_http->get(kMe, token).status == 200;
    }
    static QList<QPair<QByteArray, QByteArray>> keyHeader(const QString &key,
                                                          const QByteArray &forwardedFor = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"X-API-Key", key.toLatin1()}};
        if (!forwardedFor.isEmpty())
            headers.append({"X-Forwarded-For", forwardedFor});
        return headers;
    }
    Answer withKey(const QByteArray &verb, const QString &path, const QString &key,
                   const QByteArray &body = "{}", const QByteArray &forwardedFor = {})
    {
        return m_http->send(verb, path, verb == "GET" ? QByteArray() : body,
                            keyHeader(key, forwardedFor));
    }
    QString createKey(const QString &token, const QJsonObject &body)
    {
        const Answer created = m_http->json("POST", "/api/v1/auth/api-keys", body, token);
        return created.data().value("api_key").toString();
    }
    QString sessionIdOf(const QString &token, const QByteArray &device)
    {
        const QJsonArray sessions =
            m_http->get("/api/v1/users/me/sessions", token).body.value("data").toArray();
        for (const QJsonValue &s : sessions) {
            if (s.toObject().value("device_info").toString() == QLatin1String(device))
                return s.toObject().value("id").toString();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        // X-Forwarded-For from loopback names the client: lets one test
        // present another address with a cached API key.
        const QString failure = startServer({"--trusted-proxy", "127.0.0.1/32"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void logoutEndsTheCachedToken()
    {
        const ApiUser user = newUser("user");
        QVERIFY(usable(user.token));
        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout", {}, user.token).status, 200);
        const Answer after = m_http->get(kMe, user.token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.code(), QStringLiteral("TOKEN_INVALID"));
    }

    void logoutAllEndsEveryCachedToken()
    {
        const ApiUser user = newUser("viewer");
        const QString other = m_http->accessToken(username(user), kPassword);
        QVERIFY(usable(user.token));
        QVERIFY(usable(other));
        QCOMPARE(m_http->json("POST", "/api/v1/auth/logout-all", {}, user.token).status, 200);
        QCOMPARE(m_http->get(kMe, user.token).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, other).code(), QStringLiteral("TOKEN_INVALID"));
    }

    void sessionRevokeEndsOnlyThatSession()
    {
        const ApiUser user = newUser("viewer");
        const QString other = m_http->login(username(user), kPassword, "other-device")
                                  .data()
                                  .value("access_token")
                                  .toString();
        QVERIFY(usable(user.token));
        QVERIFY(usable(other));
        const QString session = sessionIdOf(user.token, "other-device");
        QVERIFY(!session.isEmpty());
        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/users/me/sessions/" + session, {},
                            Http::bearer(user.token))
                     .status,
                 200);
        QCOMPARE(m_http->get(kMe, other).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, user.token).status, 200);

        // DELETE /users/me/sessions: every session but the caller's.
        const QString third = m_http->accessToken(username(user), kPassword);
        QVERIFY(usable(third));
        QCOMPARE(m_http->send("DELETE", "/api/v1/users/me/sessions", {}, Http::bearer(user.token))
                     .status,
                 200);
        QCOMPARE(m_http->get(kMe, third).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, user.token).status, 200);
    }

    void refreshTokenReuseEndsTheSessionsAccessTokens()
    {
        const ApiUser user = newUser("user");
        const Answer login = m_http->login(username(user), kPassword);
        const QString access = login.data().value("access_token").toString();
        const QString first = login.data().value("refresh_token").toString();
        QVERIFY(usable(access));
        const Answer rotated =
            m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", first}});
        QCOMPARE(rotated.status, 200);
        const QString rotatedAccess = rotated.data().value("access_token").toString();
        // Rotation keeps the session: both access tokens still work.
        QVERIFY(usable(rotatedAccess));
        QVERIFY(usable(access));
        // The rotated-away token comes back: the whole session ends.
        QCOMPARE(m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", first}}).code(),
                 QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, access).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, rotatedAccess).code(), QStringLiteral("TOKEN_INVALID"));
        // Other sessions of the user are not touched.
        QCOMPARE(m_http->get(kMe, user.token).status, 200);
    }

    void passwordChangeEndsTheOtherSessions()
    {
        const ApiUser user = newUser("viewer");
        const QString other = m_http->accessToken(username(user), kPassword);
        QVERIFY(usable(user.token));
        QVERIFY(usable(other));
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/users/me/password",
                            {{"current_password", kPassword}, {"new_password", kNewPassword}},
                            user.token)
                     .status,
                 200);
        QCOMPARE(m_http->get(kMe, other).code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->get(kMe, user.token).status, 200);
    }

    void adminPasswordResetEndsEverySession()
    {
        const ApiUser user = newUser("user");
        QVERIFY(usable(user.token));
        QCOMPARE(m_http
                     ->json("POST", "/api/v1/users/" + user.id + "/reset-password",
                            {{"new_password", kNewPassword}}, m_admin)
                     .status,
                 200);
        QCOMPARE(m_http->get(kMe, user.token).code(), QStringLiteral("TOKEN_INVALID"));
        QVERIFY(!m_http->accessToken(username(user), kNewPassword).isEmpty());
    }

    void suspensionRefusesTokensAndKeysAtOnce()
    {
        const ApiUser user = newUser("user");
        const QString key = createKey(user.token, {{"name", "suspend"}, {"access_level", "read"}});
        QVERIFY(!key.isEmpty());
        QVERIFY(usable(user.token));
        QCOMPARE(withKey("GET", kMe, key).status, 200);
        QCOMPARE(withKey("GET", kMe, key).status, 200);

        QCOMPARE(m_http->json("PUT", "/api/v1/users/" + user.id, {{"status", "suspended"}}, m_admin)
                     .status,
                 200);
        const Answer token = m_http->get(kMe, user.token);
        QCOMPARE(token.status, 403);
        QCOMPARE(token.code(), QStringLiteral("ACCOUNT_SUSPENDED"));
        const Answer byKey = withKey("GET", kMe, key);
        QCOMPARE(byKey.status, 403);
        QCOMPARE(byKey.code(), QStringLiteral("ACCOUNT_SUSPENDED"));

        // A refusal is not cached: reactivated, the key works again (the
        // suspension ended the token's session for good).
        QCOMPARE(
            m_http->json("PUT", "/api/v1/users/" + user.id, {{"status", "active"}}, m_admin).status,
            200);
        QCOMPARE(withKey("GET", kMe, key).status, 200);
        QCOMPARE(m_http->get(kMe, user.token).code(), QStringLiteral("TOKEN_INVALID"));
    }

    void roleChangesApplyAtOnce()
    {
        const ApiUser user = newUser("user");
        const QString key = createKey(user.token, {{"name", "writer"}, {"access_level", "write"}});
        QVERIFY(!key.isEmpty());
        // As USER, a POST that needs USER gets past the role check (and then
        // fails validation: no side effects).
        const auto postAs = [this](const QString &token) {
            return m_http->json("POST", "/api/v1/auth/api-keys", {}, token);
        };
        QCOMPARE(postAs(user.token).code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(postAs(user.token).code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(withKey("POST", "/api/v1/auth/api-keys", key).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(withKey("POST", "/api/v1/auth/api-keys", key).code(),
                 QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(m_http->get("/api/v1/users", user.token).code(),
                 QStringLiteral("INSUFFICIENT_PERMISSIONS"));

        QCOMPARE(
            m_http->json("PUT", "/api/v1/users/" + user.id, {{"role", "viewer"}}, m_admin).status,
            200);
        const Answer demoted = postAs(user.token);
        QCOMPARE(demoted.status, 403);
        QCOMPARE(demoted.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        // The key grants no more than its owner has.
        const Answer demotedKey = withKey("POST", "/api/v1/auth/api-keys", key);
        QCOMPARE(demotedKey.status, 403);
        QCOMPARE(demotedKey.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
        QCOMPARE(m_http->get(kMe, user.token).data().value("role").toString(),
                 QStringLiteral("viewer"));

        QCOMPARE(
            m_http->json("PUT", "/api/v1/users/" + user.id, {{"role", "admin"}}, m_admin).status,
            200);
        QCOMPARE(m_http->get("/api/v1/users", user.token).status, 200);
        QCOMPARE(postAs(user.token).code(), QStringLiteral("VALIDATION_ERROR"));
    }

    void deletedUserIsRefusedAtOnce()
    {
        const ApiUser user = newUser("user");
        const QString key = createKey(user.token, {{"name", "gone"}, {"access_level", "read"}});
        QVERIFY(!key.isEmpty());
        QVERIFY(usable(user.token));
        QCOMPARE(withKey("GET", kMe, key).status, 200);
        QCOMPARE(withKey("GET", kMe, key).status, 200);
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/users/" + user.id, {}, Http::bearer(m_admin)).status,
            200);
        const Answer token = m_http->get(kMe, user.token);
        QCOMPARE(token.status, 401);
        QCOMPARE(token.code(), QStringLiteral("TOKEN_INVALID"));
        const Answer byKey = withKey("GET", kMe, key);
        QCOMPARE(byKey.status, 401);
        QCOMPARE(byKey.code(), QStringLiteral("TOKEN_INVALID"));
    }

    void revokedApiKeyIsRefusedAtOnce()
    {
        const ApiUser user = newUser("user");
        const Answer created =
            m_http->json("POST", "/api/v1/auth/api-keys",
                         {{"name", "revoke-me"}, {"access_level", "read"}}, user.token);
        QCOMPARE(created.status, 201);
        const QString key = created.data().value("api_key").toString();
        QCOMPARE(withKey("GET", kMe, key).status, 200);
        QCOMPARE(m_http->send("GET", kMe, {}, Http::bearer(key)).status, 200);
        QCOMPARE(m_http
                     ->send("DELETE",
                            "/api/v1/auth/api-keys/" + created.data().value("id").toString(), {},
                            Http::bearer(user.token))
                     .status,
                 200);
        const Answer after = withKey("GET", kMe, key);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(m_http->send("GET", kMe, {}, Http::bearer(key)).code(),
                 QStringLiteral("TOKEN_INVALID"));
        // The owner's token is not affected.
        QCOMPARE(m_http->get(kMe, user.token).status, 200);
    }

    // A cached key still has its request-dependent restrictions checked on
    // every request: address, endpoints, access level, rate limit.
    void cachedKeyRestrictionsApplyPerRequest()
    {
        const ApiUser user = newUser("user");
        const QString key =
            createKey(user.token, {{"name", "restricted"},
                                   {"access_level", "read"},
                                   {"allowed_ips", QJsonArray{"10.1.2.0/24"}},
                                   {"allowed_endpoints", QJsonArray{kMe + "*"}},
                                   {"rate_limit", QJsonObject{{"requests_per_minute", 3}}}});
        QVERIFY(!key.isEmpty());
        QCOMPARE(withKey("GET", kMe, key, {}, "10.1.2.3").status, 200);
        const Answer wrongAddress = withKey("GET", kMe, key, {}, "10.9.9.9");
        QCOMPARE(wrongAddress.status, 403);
        QCOMPARE(wrongAddress.code(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(withKey("GET", kMe, key).code(), QStringLiteral("FORBIDDEN")); // 127.0.0.1
        const Answer wrongEndpoint = withKey("GET", "/api/v1/flows", key, {}, "10.1.2.3");
        QCOMPARE(wrongEndpoint.status, 403);
        QCOMPARE(wrongEndpoint.code(), QStringLiteral("FORBIDDEN"));
        const Answer write = withKey("PUT", kMe + "/password", key, "{}", "10.1.2.3");
        QCOMPARE(write.status, 403);
        QCOMPARE(write.code(), QStringLiteral("FORBIDDEN"));
        // Only the first request above was admitted and counts.
        QCOMPARE(withKey("GET", kMe, key, {}, "10.1.2.4").status, 200);
        QCOMPARE(withKey("GET", kMe, key, {}, "10.1.2.5").status, 200);
        const Answer limited = withKey("GET", kMe, key, {}, "10.1.2.3");
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.code(), QStringLiteral("RATE_LIMIT_EXCEEDED"));
        // The first use was recorded.
        const QJsonArray keys =
            m_http->get("/api/v1/auth/api-keys", user.token).body.value("data").toArray();
        QCOMPARE(keys.size(), 1);
        QVERIFY(!keys.first().toObject().value("last_used").isNull());
    }

    // A cached access token still expires at its exp: TOKEN_EXPIRED, as an
    // uncached one.
    void cachedTokenExpires()
    {
        QTemporaryDir dir;
        std::unique_ptr<ServerProcess> server;
        std::unique_ptr<Http> http;
        QString admin;
        const QString failure =
            startWithAdmin(dir, server, http, admin, {"--access-token-ttl", "2"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QString token = http->accessToken(kAdmin, kAdminPassword);
        QCOMPARE(http->get(kMe, token).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(http->get(kMe, token).code(), QStringLiteral("TOKEN_EXPIRED"),
                                  15000);
        QCOMPARE(http->get(kMe, token).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestAuthCache)
#include "TestAuthCache.moc"
