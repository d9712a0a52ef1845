// Refresh tokens through the real hivemind-server: their documented
// lifetimes (7 days, 30 with remember_me) and REFRESH_TOKEN_EXPIRED once
// one is past it. The server cannot be told to shorten the lifetime, so the
// expiry is brought forward in the database itself, as it stands on disk.

#include "AuthTestSupport.h"
#include "ServerDatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

} // namespace

class TestSessions : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    // expires_at - created_at of the caller's current session, in ms.
    qint64 sessionLifetimeMs(const QString &accessToken)
    {
        const Answer sessions = m_http->get("/api/v1/users/me/sessions", accessToken);
        for (const QJsonValue s : sessions.body.value("data").toArray()) {
            const QJsonObject session = s.toObject();
            if (!session.value("current").toBool())
                continue;
            const QDateTime created =
                QDateTime::fromString(session.value("created_at").toString(), Qt::ISODateWithMs);
            const QDateTime expires =
                QDateTime::fromString(session.value("expires_at").toString(), Qt::ISODateWithMs);
            return created.isValid() && expires.isValid() ? created.msecsTo(expires) : -1;
        }
        return -1;
    }
    Answer login(bool rememberMe)
    {
        return m_http->send("POST", "/api/v1/auth/login",
                            QJsonDocument(QJsonObject{{"username", kAdmin},
                                                      {"password", kAdminPassword},
                                                      {"remember_me", rememberMe}})
                                .toJson(QJsonDocument::Compact));
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void refreshTokenLifetimes()
    {
        const Answer plain = login(false);
        QCOMPARE(plain.status, 200);
        const qint64 week = sessionLifetimeMs(plain.data().value("access_token").toString());
        QVERIFY2(qAbs(week - 7 * kDayMs) < 1000, qPrintable(QString::number(week)));

        const Answer remembered = login(true);
        QCOMPARE(remembered.status, 200);
        const qint64 month = sessionLifetimeMs(remembered.data().value("access_token").toString());
        QVERIFY2(qAbs(month - 30 * kDayMs) < 1000, qPrintable(QString::number(month)));
    }

    // A refresh token past its expiry: REFRESH_TOKEN_EXPIRED, not a new
    // pair, and not TOKEN_INVALID (the client should log in again rather
    // than suspect theft).
    void expiredRefreshTokenIsRefused()
    {
        const Answer signedIn = login(false);
        QCOMPARE(signedIn.status, 200);
        const QString refresh = signedIn.data().value("refresh_token").toString();
        QVERIFY(!refresh.isEmpty());

        {
            // The server keeps the token's SHA-256 (docs/api.md, Login).
            const std::unique_ptr<store::Database> db =
                openServerDatabase(m_dir.path(), m_server->masterKey());
            QVERIFY(db);
            auto update = db->prepare(
                "UPDATE refresh_tokens SET expires_at = ? WHERE token_hash = ?");
            QVERIFY(update.ok());
            update.value().bind(1, QDateTime::currentMSecsSinceEpoch() - 1000);
            update.value().bind(
                2, QString::fromLatin1(
                       QCryptographicHash::hash(refresh.toUtf8(), QCryptographicHash::Sha256)
                           .toHex()));
            QVERIFY(update.value().run().ok());
            QCOMPARE(db->changes(), 1);
        }

        const Answer expired =
            m_http->json("POST", "/api/v1/auth/refresh", {{"refresh_token", refresh}});
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.code(), QStringLiteral("REFRESH_TOKEN_EXPIRED"));
        QVERIFY(!expired.raw.contains("access_token"));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY(stopServer());
    }
};

QTEST_GUILESS_MAIN(TestSessions)
#include "TestSessions.moc"
