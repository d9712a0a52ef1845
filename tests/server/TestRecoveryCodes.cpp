// Two-factor recovery codes through the real hivemind-server (issue 34,
// item 17): ten codes in the answer that turns 2FA on and in no other
// answer, each good for one login instead of a TOTP code (also when two
// logins send it at once), wrong ones counted like wrong TOTP codes,
// replaced on request, deleted with 2FA, and kept only as hashes.

#include "AuthTestSupport.h"
#include "ServerDatabase.h"
#include "crypto/Totp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");

QString codeAt(const QByteArray &secret, qint64 unixTime)
{
    return crypto::totpCode(secret, unixTime).value();
}

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue value : array.toArray())
        list.append(value.toString());
    return list;
}

} // namespace

class TestRecoveryCodes : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_users = 0;
    std::unique_ptr<store::Database> m_db; // opened once (ServerDatabase.h)

    struct User
    {
        QString id;
        QString name;
        QString token;
        QByteArray secret;
        qint64 enabledAt = 0; // the TOTP step that turned 2FA on
        QStringList codes;    // from the answer that turned 2FA on
    };

    // A USER with 2FA on; `codes` empty when that failed.
    User enabled()
    {
        User user;
        user.name = QStringLiteral("recovery%1").arg(++m_users);
        const ApiUser created = createApiUser(*m_http, m_admin, user.name, kPassword, "user");
        user.id = created.id;
        user.token = created.token;
        const Answer started = m_http->json("POST", "/api/v1/auth/2fa/enroll", {}, user.token);
        if (started.status != 200)
            return user;
        user.secret = base32Decode(started.data().value("secret").toString());
        atStableTotpStep(
            [&](qint64 at) {
                const Answer on = m_http->json("POST", "/api/v1/auth/2fa/verify",
                                               {{"code", codeAt(user.secret, at)}}, user.token);
                if (on.status != 200)
                    return false;
                user.codes = strings(on.data().value("recovery_codes"));
                return true;
            },
            &user.enabledAt);
        return user;
    }
    QString pendingLogin(const User &user)
    {
        const Answer first = m_http->login(user.name, kPassword);
        return first.data().value("pending_token").toString();
    }
    Answer verifyLogin(const QString &pending, const QString &code,
                       const QString &method = QStringLiteral("recovery"))
    {
        return m_http->json("POST", "/api/v1/auth/verify-2fa",
                            {{"pending_token", pending}, {"code", code}, {"method", method}});
    }
    qint64 remaining(const User &user)
    {
        return m_http->get("/api/v1/users/me", user.token)
            .data()
            .value("recovery_codes_remaining")
            .toInteger(-1);
    }
    QStringList storedHashes(const QString &userId)
    {
        if (!m_db)
            m_db = openServerDatabase(m_dir.path(), m_server->masterKey());
        QStringList hashes;
        if (!m_db)
            return {QStringLiteral("database did not open")};
        const Status read = m_db->forEachRow(
            QStringLiteral("SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = ?"),
            {userId}, [&](const store::Statement &s) { hashes.append(s.text(0)); });
        if (!read)
            return {read.error().message};
        return hashes;
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // Ten distinct codes "xxxxx-xxxxx" when 2FA goes on; afterwards only
    // their number is to be seen, and a pending login offers them.
    void codesAreShownOnceWhenTwoFactorGoesOn()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        const QRegularExpression shape(QStringLiteral("^[a-z2-7]{5}-[a-z2-7]{5}$"));
        for (const QString &code : user.codes)
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(QSet<QString>(user.codes.begin(), user.codes.end()).size(), 10);

        const Answer me = m_http->get("/api/v1/users/me", user.token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value("recovery_codes_remaining").toInteger(), qint64(10));
        const Answer status = m_http->get("/api/v1/auth/2fa/recovery-codes", user.token);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.data().value("recovery_codes_remaining").toInteger(), qint64(10));
        QCOMPARE(status.data().value("two_factor_enabled").toBool(), true);
        const Answer pending = m_http->login(user.name, kPassword);
        QCOMPARE(strings(pending.data().value("methods")),
                 QStringList({QStringLiteral("totp"), QStringLiteral("recovery")}));
        const Answer profile = m_http->get("/api/v1/users/" + user.id, m_admin);
        for (const Answer &answer : {me, status, pending, profile}) {
            for (const QString &code : user.codes)
                QVERIFY2(!answer.raw.contains(code.toUtf8()), answer.raw.constData());
        }
        // Enrolling again while 2FA is on is refused: no second set.
        const Answer again = m_http->json("POST", "/api/v1/auth/2fa/enroll", {}, user.token);
        QCOMPARE(again.status, 422);
    }

    // A recovery code completes a login once; used again (by a later
    // login) it gets the answer a wrong code gets. Case and the dash do not
    // matter. Each use is audited.
    void aCodeSignsInOnce()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        const Answer done = verifyLogin(pendingLogin(user), user.codes.at(0));
        QCOMPARE(done.status, 200);
        QCOMPARE(done.data().value("verified").toBool(), true);
        QVERIFY(!done.data().value("access_token").toString().isEmpty());
        QCOMPARE(remaining(user), qint64(9));

        const Answer reused = verifyLogin(pendingLogin(user), user.codes.at(0));
        const Answer wrong = verifyLogin(pendingLogin(user), QStringLiteral("aaaaa-aaaaa"));
        QCOMPARE(reused.status, 401);
        QCOMPARE(reused.code(), QStringLiteral("INVALID_CREDENTIALS"));
        QCOMPARE(wrong.status, reused.status);
        QCOMPARE(wrong.code(), reused.code());
        QCOMPARE(wrong.body.value("error").toObject().value("message"),
                 reused.body.value("error").toObject().value("message"));

        const QString typed = user.codes.at(1).toUpper().remove(QLatin1Char('-'));
        QCOMPARE(verifyLogin(pendingLogin(user), typed).status, 200);
        QCOMPARE(remaining(user), qint64(8));

        const Answer audit =
            m_http->get("/api/v1/audit?action=TWO_FACTOR_RECOVERY_USED", m_admin);
        int uses = 0;
        for (const QJsonValue row : audit.data().value("audit_logs").toArray())
            uses += row.toObject().value("resource_id").toString() == user.id;
        QCOMPARE(uses, 2);
        // A TOTP code still works beside them.
        const Answer totp =
            verifyLogin(pendingLogin(user), codeAt(user.secret, user.enabledAt + 30), "totp");
        QCOMPARE(totp.status, 200);
    }

    // Two logins sending the same code at once: exactly one gets in.
    void concurrentUsesOfOneCodeLetOneIn()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        QList<QByteArray> bodies;
        for (int i = 0; i < 4; ++i)
            bodies.append(QJsonDocument(QJsonObject{{"pending_token", pendingLogin(user)},
                                                    {"code", user.codes.at(3)},
                                                    {"method", "recovery"}})
                              .toJson(QJsonDocument::Compact));
        const QList<Answer> answers = m_http->sendAtOnce("POST", "/api/v1/auth/verify-2fa", bodies);
        QStringList seen;
        for (const Answer &answer : answers)
            seen.append(QString::number(answer.status));
        seen.sort();
        QCOMPARE(seen.join(u' '), QStringLiteral("200 401 401 401"));
        QCOMPARE(remaining(user), qint64(9));
    }

    // Wrong recovery codes count like wrong TOTP codes: five end the
    // pending login, and each is audited as a failed code check.
    void wrongCodesCountAsFailedAttempts()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        const QString pending = pendingLogin(user);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(verifyLogin(pending, QStringLiteral("bbbbb-bbbb%1").arg(i + 2)).code(),
                     QStringLiteral("INVALID_CREDENTIALS"));
        const Answer voided = verifyLogin(pending, user.codes.at(0));
        QCOMPARE(voided.status, 401);
        QCOMPARE(voided.code(), QStringLiteral("TOKEN_INVALID"));
        QCOMPARE(remaining(user), qint64(10));

        const Answer audit = m_http->get("/api/v1/audit?action=TWO_FACTOR_CHECK_FAILED", m_admin);
        int failures = 0;
        for (const QJsonValue row : audit.data().value("audit_logs").toArray())
            failures += row.toObject().value("resource_id").toString() == user.id;
        QCOMPARE(failures, 5);
    }

    // New codes need the password and a code; they replace the old ones,
    // which then fail, and are shown in that answer only.
    void regeneratingReplacesTheCodes()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        const QString totp = codeAt(user.secret, user.enabledAt + 30);

        const Answer wrongPassword =
            m_http->json("POST", "/api/v1/auth/2fa/recovery-codes",
                         {{"password", "Wr0ng!Password"}, {"code", totp}}, user.token);
        QVERIFY2(wrongPassword.status >= 400, wrongPassword.raw.constData());
        const Answer noCode = m_http->json("POST", "/api/v1/auth/2fa/recovery-codes",
                                           {{"password", kPassword}}, user.token);
        QCOMPARE(noCode.status, 422);

        const Answer renewed =
            m_http->json("POST", "/api/v1/auth/2fa/recovery-codes",
                         {{"password", kPassword}, {"code", totp}}, user.token);
        QCOMPARE(renewed.status, 200);
        const QStringList fresh = strings(renewed.data().value("recovery_codes"));
        QCOMPARE(fresh.size(), 10);
        for (const QString &code : fresh)
            QVERIFY(!user.codes.contains(code));
        QCOMPARE(remaining(user), qint64(10));

        QCOMPARE(verifyLogin(pendingLogin(user), user.codes.at(0)).status, 401);
        QCOMPARE(verifyLogin(pendingLogin(user), fresh.at(0)).status, 200);
        QCOMPARE(remaining(user), qint64(9));
        const Answer status = m_http->get("/api/v1/auth/2fa/recovery-codes", user.token);
        for (const QString &code : fresh)
            QVERIFY(!status.raw.contains(code.toUtf8()));

        // A recovery code is proof enough as well (for a lost phone); it is
        // used up by that.
        const Answer byRecovery = m_http->json(
            "POST", "/api/v1/auth/2fa/recovery-codes",
            {{"password", kPassword}, {"code", fresh.at(1)}, {"method", "recovery"}}, user.token);
        QCOMPARE(byRecovery.status, 200);
        QCOMPARE(strings(byRecovery.data().value("recovery_codes")).size(), 10);
        QCOMPARE(verifyLogin(pendingLogin(user), fresh.at(2)).status, 401);
    }

    // Turning 2FA off deletes the codes; a user without 2FA has none to
    // renew.
    void disablingDeletesTheCodes()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        QCOMPARE(storedHashes(user.id).size(), 10);
        const Answer off = m_http->json(
            "POST", "/api/v1/auth/2fa/disable",
            {{"password", kPassword}, {"code", user.codes.at(0)}, {"method", "recovery"}},
            user.token);
        QCOMPARE(off.status, 200);
        QCOMPARE(off.data().value("two_factor_enabled").toBool(), false);
        QCOMPARE(remaining(user), qint64(0));
        QCOMPARE(storedHashes(user.id), QStringList());
        const Answer renew =
            m_http->json("POST", "/api/v1/auth/2fa/recovery-codes",
                         {{"password", kPassword}, {"code", user.codes.at(1)}}, user.token);
        QCOMPARE(renew.status, 422);
        // Signing in needs the password only now.
        QVERIFY(!m_http->accessToken(user.name, kPassword).isEmpty());
    }

    // The database holds a SHA-256 per code, never the code.
    void codesAreStoredHashed()
    {
        const User user = enabled();
        QCOMPARE(user.codes.size(), 10);
        const QStringList hashes = storedHashes(user.id);
        QCOMPARE(hashes.size(), 10);
        const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        for (const QString &hash : hashes) {
            QVERIFY2(hex.match(hash).hasMatch(), qPrintable(hash));
            for (const QString &code : user.codes) {
                QVERIFY(!hash.contains(code));
                QVERIFY(!hash.contains(QString(code).remove(QLatin1Char('-'))));
            }
        }
    }

    void cleanupTestCase()
    {
        m_db.reset();
        if (m_server)
            QVERIFY(stopServer());
    }
};

QTEST_GUILESS_MAIN(TestRecoveryCodes)
#include "TestRecoveryCodes.moc"
