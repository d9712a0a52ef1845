// TOTP through the real hivemind-server: the ±1 step window on enrolment
// and on login, the guard against guessing codes for a pending login, and
// the pending login's lifetime (5 minutes; the last test restarts the
// server with the hidden --pending-login-ttl-ms to see it expire).

#include "AuthTestSupport.h"
#include "crypto/Totp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");

// The code for `unixTime`, as an authenticator app computes it.
QString codeAt(const QByteArray &secret, qint64 unixTime)
{
    return crypto::totpCode(secret, unixTime).value();
}

} // namespace

class TestTwoFactor : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_users = 0;

    struct Enrolled
    {
        QString name;
        QString token;
        QByteArray secret; // empty when enrolling failed
    };

    // A new USER who started enrolling (2FA not yet on).
    Enrolled enrol()
    {
        Enrolled user;
        user.name = QStringLiteral("totp%1").arg(++m_users);
        user.token = createApiUser(*m_http, m_admin, user.name, kPassword, "user").token;
        const Answer started = m_http->json("POST", "/api/v1/auth/2fa/enroll", {}, user.token);
        if (started.status == 200)
            user.secret = base32Decode(started.data().value("secret").toString());
        return user;
    }
    int verifyEnrolment(const Enrolled &user, const QString &code)
    {
        return m_http->json("POST", "/api/v1/auth/2fa/verify", {{"code", code}}, user.token).status;
    }
    // A user with 2FA on, enabled with the code of `*now`'s step.
    Enrolled enabled(qint64 *now)
    {
        Enrolled user = enrol();
        if (user.secret.isEmpty())
            return user;
        atStableTotpStep(
            [&](qint64 at) { return verifyEnrolment(user, codeAt(user.secret, at)) == 200; }, now);
        return user;
    }
    QString pendingLogin(const Enrolled &user)
    {
        const Answer first = m_http->login(user.name, kPassword);
        if (!first.data().value("two_factor_required").toBool())
            return {};
        return first.data().value("pending_token").toString();
    }
    Answer verifyLogin(const QString &pending, const QString &code)
    {
        return m_http->json("POST", "/api/v1/auth/verify-2fa",
                            {{"pending_token", pending}, {"code", code}, {"method", "totp"}});
    }
    // A six-digit code that matches no step within two of `now`'s.
    static QString wrongCode(const QByteArray &secret, qint64 now)
    {
        for (int candidate = 0;; ++candidate) {
            const QString code = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));
            bool used = false;
            for (int step = -2; step <= 2; ++step)
                used = used || codeAt(secret, now + 30 * step) == code;
            if (!used)
                return code;
        }
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // -60 s and +60 s are refused, +30 s turns 2FA on. A step that begins
    // during the attempt (the server then sees +60 s as +30 s) makes it run
    // once more with a new user.
    void enrolmentAcceptsOneStepEitherSide()
    {
        QString seen;
        qint64 now = 0;
        atStableTotpStep(
            [&](qint64 at) {
                const Enrolled user = enrol();
                if (user.secret.isEmpty()) {
                    seen = QStringLiteral("enrolment failed");
                    return false;
                }
                seen = QStringLiteral("%1 %2 %3")
                           .arg(verifyEnrolment(user, codeAt(user.secret, at - 60)))
                           .arg(verifyEnrolment(user, codeAt(user.secret, at + 60)))
                           .arg(verifyEnrolment(user, codeAt(user.secret, at + 30)));
                return seen == QLatin1String("422 422 200");
            },
            &now);
        QCOMPARE(seen, QStringLiteral("422 422 200"));
    }

    // The same window for a login's second factor.
    void loginAcceptsOneStepEitherSide()
    {
        QString seen;
        qint64 now = 0;
        atStableTotpStep(
            [&](qint64) {
                qint64 at = 0;
                const Enrolled user = enabled(&at);
                const QString pending = pendingLogin(user);
                if (pending.isEmpty()) {
                    seen = QStringLiteral("no pending login");
                    return false;
                }
                QStringList answers;
                for (const qint64 offset : {-60, 60, 30}) {
                    const Answer a = verifyLogin(pending, codeAt(user.secret, at + offset));
                    answers.append(QString::number(a.status) + u' ' + a.code());
                }
                seen = answers.join(u", ");
                return seen == QLatin1String("401 INVALID_CREDENTIALS, 401 INVALID_CREDENTIALS, "
                                             "200 ");
            },
            &now);
        QCOMPARE(seen, QStringLiteral("401 INVALID_CREDENTIALS, 401 INVALID_CREDENTIALS, 200 "));
    }

    // TOTP secrets are sealed under the CREDENTIAL data key: its rotation
    // re-encrypts them too and retires the old version only afterwards, so
    // a second factor enrolled before a rotation still works after it.
    void secretsSurviveACredentialKeyRotation()
    {
        qint64 now = 0;
        const Enrolled user = enabled(&now);
        QVERIFY(!user.secret.isEmpty());
        const Answer rotated = m_http->json("POST", "/api/v1/credentials/rotate-key", {}, m_admin);
        QCOMPARE(rotated.status, 202);
        const int active = rotated.data().value("active_version").toInt();
        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT(
            (status = m_http->get("/api/v1/credentials/key-status", m_admin).data())
                    .value("rotation")
                    .toObject()
                    .value("state")
                    .toString() == "idle",
            30000);
        for (const QJsonValue key : status.value("keys").toArray()) {
            if (key.toObject().value("version").toInt() != active)
                QCOMPARE(key.toObject().value("status").toString(), QStringLiteral("RETIRED"));
        }
        QString seen;
        const bool signedIn = atStableTotpStep(
            [&](qint64 at) {
                const QString pending = pendingLogin(user);
                // The next step's code: the enrolment used this one.
                const Answer answer = verifyLogin(pending, codeAt(user.secret, at + 30));
                seen = QString::number(answer.status) + u' ' + answer.code();
                return answer.status == 200;
            },
            &now);
        QVERIFY2(signedIn, qPrintable(seen));
    }

    // Five wrong codes void the pending login: even the right code is then
    // refused and the password is needed again. Four are not enough. (Wrong
    // codes also count against the account across pending logins, so the
    // "four" half uses a user of its own; TestAuthAbuse covers that count.)
    void fiveWrongCodesVoidThePendingLogin()
    {
        qint64 now = 0;
        const Enrolled user = enabled(&now);
        QVERIFY(!user.secret.isEmpty());
        // The next step's code: unused (enabling used this step's) and
        // still valid if a step begins meanwhile.
        const QString right = codeAt(user.secret, now + 30);
        const QString wrong = wrongCode(user.secret, now);

        const QString voided = pendingLogin(user);
        QVERIFY(!voided.isEmpty());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(verifyLogin(voided, wrong).code(), QStringLiteral("INVALID_CREDENTIALS"));
        // The pending login is gone, so the right code never reaches the
        // account's code check: the documented 401 TOKEN_INVALID, not the
        // account's 429 (five wrong codes also lock the account's checks).
        const Answer refused = verifyLogin(voided, right);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("TOKEN_INVALID"));

        qint64 otherNow = 0;
        const Enrolled other = enabled(&otherNow);
        QVERIFY(!other.secret.isEmpty());
        const QString otherRight = codeAt(other.secret, otherNow + 30);
        const QString otherWrong = wrongCode(other.secret, otherNow);
        const QString pending = pendingLogin(other);
        QVERIFY(!pending.isEmpty());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(verifyLogin(pending, otherWrong).code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        const Answer done = verifyLogin(pending, otherRight);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.data().value("verified").toBool(), true);
        QVERIFY(!done.data().value("access_token").toString().isEmpty());
    }

    // A pending login expires: after its lifetime even the right code is
    // refused with 401 TOKEN_INVALID, while a fresh pending login of the
    // same user completes with the same code. The server is restarted with
    // the lifetime shortened to 1.5 s; expires_in follows it (rounded up).
    void pendingLoginExpires()
    {
        qint64 then = 0;
        const Enrolled before = enabled(&then);
        QVERIFY(!before.secret.isEmpty());
        const Answer byDefault = m_http->login(before.name, kPassword);
        QCOMPARE(byDefault.data().value("expires_in").toInteger(), qint64(300));

        QVERIFY(stopServer());
        const QString failure = restartServer({"--pending-login-ttl-ms", "1500"});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qint64 now = 0;
        const Enrolled user = enabled(&now);
        QVERIFY(!user.secret.isEmpty());
        const QString right = codeAt(user.secret, now + 30);

        const Answer first = m_http->login(user.name, kPassword);
        QCOMPARE(first.data().value("two_factor_required").toBool(), true);
        QCOMPARE(first.data().value("expires_in").toInteger(), qint64(2));
        const QString expired = first.data().value("pending_token").toString();
        QVERIFY(!expired.isEmpty());
        // The server set the deadline before it answered: once 1.5 s have
        // passed since the answer arrived, the pending login has expired.
        QElapsedTimer sinceAnswer;
        sinceAnswer.start();
        QTRY_VERIFY_WITH_TIMEOUT(sinceAnswer.hasExpired(1500 + 50), 10000);
        const Answer refused = verifyLogin(expired, right);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.code(), QStringLiteral("TOKEN_INVALID"));

        const QString fresh = pendingLogin(user);
        QVERIFY(!fresh.isEmpty());
        const Answer done = verifyLogin(fresh, right);
        QCOMPARE(done.status, 200);
        QCOMPARE(done.data().value("verified").toBool(), true);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY(stopServer());
    }
};

QTEST_GUILESS_MAIN(TestTwoFactor)
#include "TestTwoFactor.moc"
