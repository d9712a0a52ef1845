// LoginService called directly on a real store (no HTTP): a wrong password
// and an unknown account answer alike and both cost an Argon2id check on
// the password worker; failures lock the pair of account and address and
// no other, and delay the name as typed, not the account's other name; an inactive account is
// refused only after its password matched; the pending two-factor login ends after five wrong codes
// and completes with the right one.

#include "ServiceTestSupport.h"
#include "crypto/Totp.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuthSettings.h"
#include "server/services/auth/LoginService.h"

#include <QDateTime>
#include <QTest>

using namespace hm;
using namespace hm::server::auth;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");
const QString kWrong = QStringLiteral("Wrong!Passw0rd");

} // namespace

class TestLoginService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    int m_users = 0;

    AuthModule &auth() { return *m_store.auth; }

    UserRecord newUser(const QString &status = QStringLiteral("active"))
    {
        auto user = m_store.addUser(QStringLiteral("login%1").arg(++m_users), kPassword, Role::User,
                                    status);
        if (!user)
            qFatal("%s", qPrintable(user.error().toString()));
        return user.value();
    }

    // One login through the service, waited for.
    Result<QJsonObject> login(const QString &name, const QString &password,
                              const QString &ip = QStringLiteral("192.0.2.1"))
    {
        std::optional<Result<QJsonObject>> outcome;
        LoginService(auth()).login(
            LoginRequest{name, password, false, {ip, QStringLiteral("test")}},
            [&outcome](Result<QJsonObject> r) { outcome = std::move(r); });
        const bool answered = QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 30000);
        if (!answered)
            return Error{ErrorCode::InternalError, QStringLiteral("no answer within 30 s")};
        return *outcome;
    }

    void setLockout(int maxAttempts, int delayMs = 0)
    {
        QVERIFY(saveSetting(*m_store.db, QStringLiteral("auth.lockout"),
                            QJsonObject{{QStringLiteral("max_attempts"), maxAttempts},
                                        {QStringLiteral("duration_seconds"), 1800},
                                        {QStringLiteral("progressive_delay_ms"), delayMs}},
                            {})
                    .ok());
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_store.open();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        setLockout(3);
    }

    void rightPasswordStartsASession()
    {
        const UserRecord user = newUser();
        const Result<QJsonObject> done = login(user.username, kPassword);
        QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().toString()));
        QVERIFY(!done.value().value(QStringLiteral("access_token")).toString().isEmpty());
        QCOMPARE(done.value().value(QStringLiteral("user")).toObject().value("id").toString(),
                 user.id);
        // By e-mail address too.
        QVERIFY(login(user.email, kPassword).ok());
    }

    // An unknown account and a wrong password: the same error, and both
    // hand an Argon2id check to the password worker (the unknown one
    // against its dummy hash) rather than answering at once.
    void unknownAccountAndWrongPasswordAnswerAlike()
    {
        const UserRecord user = newUser();
        for (const QString &name : {user.username, QStringLiteral("nobody-at-all")}) {
            std::optional<Result<QJsonObject>> outcome;
            LoginService(auth()).login(
                LoginRequest{name, kWrong, false, {QStringLiteral("192.0.2.2"), {}}},
                [&outcome](Result<QJsonObject> r) { outcome = std::move(r); });
            QCOMPARE(auth().passwords.inProgress(), 1);
            QVERIFY(!outcome);
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 30000);
            QVERIFY(!outcome->ok());
            QCOMPARE(outcome->error().code, ErrorCode::InvalidCredentials);
            QCOMPARE(outcome->error().message, LoginService::invalidCredentials().message);
        }
    }

    // max_attempts failures lock the account for that address: the right
    // password then answers like a wrong one (after the same check), while
    // another address logs in.
    void failuresLockTheAccountForTheirAddressOnly()
    {
        const UserRecord user = newUser();
        const QString attacker = QStringLiteral("203.0.113.9");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(user.username, kWrong, attacker).error().code,
                     ErrorCode::InvalidCredentials);
        const AttemptTracker::State state = auth().loginAttempts.state(
            LoginService::lockSubjectOf(user.id), attacker, auth().loginPolicy(), nowMs());
        QCOMPARE(state.failures, 3);
        QVERIFY(state.locked(nowMs()));
        const Result<QJsonObject> locked = login(user.username, kPassword, attacker);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, ErrorCode::InvalidCredentials);
        QVERIFY(login(user.username, kPassword, QStringLiteral("198.51.100.9")).ok());
        // Unknown names lock the same way.
        for (int i = 0; i < 3; ++i)
            (void)login(QStringLiteral("ghost"), kWrong, attacker);
        QVERIFY(auth()
                    .loginAttempts
                    .state(LoginService::unknownSubjectOf(QStringLiteral("ghost")), attacker,
                           auth().loginPolicy(), nowMs())
                    .locked(nowMs()));
        // The administrator's unlock lifts it.
        auth().clearLockouts(user.id);
        QVERIFY(login(user.username, kPassword, attacker).ok());
    }

    // The delay counts per name as typed, the lock per account: a wrong
    // password by username delays the next try of the username, not of
    // the e-mail address (which starts its check at once, as an unknown
    // name would), while both count towards the account's lock.
    void theDelayFollowsTheNameTheLockTheAccount()
    {
        setLockout(3, 60000);
        const UserRecord user = newUser();
        const QString ip = QStringLiteral("192.0.2.7");
        QCOMPARE(login(user.username, kWrong, ip).error().code, ErrorCode::InvalidCredentials);
        const qint64 now = nowMs();
        const AttemptTracker::Policy policy = auth().loginPolicy();
        QVERIFY(
            auth()
                .loginAttempts.state(LoginService::nameSubjectOf(user.username), ip, policy, now)
                .nextAttemptMs > now);

        std::optional<Result<QJsonObject>> byEmail;
        LoginService(auth()).login(LoginRequest{user.email, kWrong, false, {ip, {}}},
                                   [&byEmail](Result<QJsonObject> r) { byEmail = std::move(r); });
        QCOMPARE(auth().passwords.inProgress(), 1); // checking now, not waiting a minute
        QTRY_VERIFY_WITH_TIMEOUT(byEmail.has_value(), 30000);
        QCOMPARE(byEmail->error().code, ErrorCode::InvalidCredentials);
        QCOMPARE(auth()
                     .loginAttempts.state(LoginService::lockSubjectOf(user.id), ip, policy, nowMs())
                     .failures,
                 2);

        // The administrator's unlock also lifts the names' delays.
        auth().clearLockouts(user.id);
        QCOMPARE(auth()
                     .loginAttempts
                     .state(LoginService::nameSubjectOf(user.username), ip, policy, nowMs())
                     .nextAttemptMs,
                 0);
        QVERIFY(login(user.username, kPassword, ip).ok());
        setLockout(3);
    }

    void inactiveAccountsAreRefusedAfterTheirPassword()
    {
        const UserRecord suspended = newUser(QStringLiteral("suspended"));
        QCOMPARE(login(suspended.username, kPassword).error().code, ErrorCode::AccountSuspended);
        QCOMPARE(login(suspended.username, kWrong).error().code, ErrorCode::InvalidCredentials);
        const UserRecord pending = newUser(QStringLiteral("pending"));
        QCOMPARE(login(pending.username, kPassword).error().code, ErrorCode::EmailNotVerified);
    }

    void twoFactorLoginWaitsForTheCode()
    {
        setLockout(10); // five wrong codes must reach the pending login, not the code limit
        const UserRecord user = newUser();
        const QByteArray secret = crypto::generateTotpSecret();
        auto sealed =
            m_store.envelope->encrypt(secret, crypto::DekPurpose::Credential, user.id.toUtf8());
        QVERIFY(sealed.ok());
        QVERIFY(UserRepository(*m_store.db).setTotp(user.id, sealed.value(), true).ok());
        const ClientInfo client{QStringLiteral("192.0.2.3"), QStringLiteral("test")};

        // The password alone gives a pending token, no session.
        Result<QJsonObject> first = login(user.username, kPassword);
        QVERIFY(first.ok());
        QCOMPARE(first.value().value("two_factor_required").toBool(), true);
        QVERIFY(!first.value().contains("access_token"));
        const QString pending = first.value().value("pending_token").toString();
        QVERIFY(!pending.isEmpty());

        // Five wrong codes end it: the right code then finds nothing.
        for (int i = 0; i < 5; ++i) {
            const Result<QJsonObject> wrong =
                LoginService(auth()).verifyTwoFactor(pending, QStringLiteral("000000"), client);
            QVERIFY(!wrong.ok());
            QCOMPARE(wrong.error().code, ErrorCode::InvalidCredentials);
        }
        const QString code = crypto::totpCode(secret, QDateTime::currentSecsSinceEpoch()).value();
        QCOMPARE(LoginService(auth()).verifyTwoFactor(pending, code, client).error().code,
                 ErrorCode::TokenInvalid);
        auth().clearLockouts(user.id); // the wrong codes also counted per account

        // A fresh pending login and the right code: a session.
        Result<QJsonObject> second = login(user.username, kPassword);
        QVERIFY(second.ok());
        const QString token = second.value().value("pending_token").toString();
        const Result<QJsonObject> verified =
            LoginService(auth()).verifyTwoFactor(token, code, client);
        QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().toString()));
        QCOMPARE(verified.value().value("verified").toBool(), true);
        QVERIFY(!verified.value().value("access_token").toString().isEmpty());
        // Used up.
        QCOMPARE(LoginService(auth()).verifyTwoFactor(token, code, client).error().code,
                 ErrorCode::TokenInvalid);
        setLockout(3);
    }
};

QTEST_GUILESS_MAIN(TestLoginService)
#include "TestLoginService.moc"
