// A password somebody else chose must be changed at the first sign-in
// (issue 34, item 17): the generated first administrator's, and a user an
// administrator created or reset with password_change_required. Until the
// change, the session answers only its own account's routes: everything
// else is 403 PASSWORD_CHANGE_REQUIRED and WebSockets close with 4403.
// Through the real hivemind-server over HTTP and WebSocket.

#include "AuthTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QWebSocket>

using namespace hm;
using namespace hm::test;

namespace {

const QString kFirst = QStringLiteral("Chosen-by-Admin1");
const QString kOwn = QStringLiteral("My-Own-Secret-2");

} // namespace

class TestPasswordChange : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    // The close code /ws/events answers `token` with (0: it stayed open).
    int eventSocketCloseCode(const QString &token)
    {
        QWebSocket socket;
        QUrl url = m_http->base();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws/events"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QSignalSpy closed(&socket, &QWebSocket::disconnected);
        QSignalSpy message(&socket, &QWebSocket::textMessageReceived);
        socket.open(request);
        // An accepted socket says the server's status first.
        if (!QTest::qWaitFor([&] { return closed.size() > 0 || message.size() > 0; }, 30000))
            return -1;
        return closed.isEmpty() ? 0 : int(socket.closeCode());
    }
    Answer createUser(const QString &name, bool mustChange)
    {
        return m_http->json("POST", QStringLiteral("/api/v1/users"),
                            {{"username", name},
                             {"email", name + "@example.com"},
                             {"password", kFirst},
                             {"role", "user"},
                             {"password_change_required", mustChange}},
                            m_admin);
    }
    Answer changeOwn(const QString &token, const QString &current, const QString &next)
    {
        return m_http->json("PUT", QStringLiteral("/api/v1/users/me/password"),
                            {{"current_password", current}, {"new_password", next}}, token);
    }

private slots:
    void initTestCase()
    {
        const QString failed = startServer();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void aChosenPasswordAllowsOnlyTheOwnAccountUntilChanged()
    {
        const Answer created = createUser(QStringLiteral("newcomer"), true);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("password_change_required").toBool(), true);

        const Answer login = m_http->login(QStringLiteral("newcomer"), kFirst);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.data().value("user").toObject().value("password_change_required").toBool(),
                 true);
        const QString token = login.data().value("access_token").toString();
        QVERIFY(!token.isEmpty());

        // Refused: reads, writes, the event stream.
        const Answer flows = m_http->get("/api/v1/flows", token);
        QCOMPARE(flows.status, 403);
        QCOMPARE(flows.code(), QStringLiteral("PASSWORD_CHANGE_REQUIRED"));
        const Answer key = m_http->json("POST", QStringLiteral("/api/v1/auth/api-keys"),
                                        {{"name", "sneaky"}}, token);
        QCOMPARE(key.status, 403);
        QCOMPARE(key.code(), QStringLiteral("PASSWORD_CHANGE_REQUIRED"));
        QCOMPARE(eventSocketCloseCode(token), 4403);
        // Allowed: the own account.
        const Answer me = m_http->get("/api/v1/users/me", token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.data().value("password_change_required").toBool(), true);

        // A new password the policy refuses changes nothing.
        const Answer weak = changeOwn(token, kFirst, QStringLiteral("short"));
        QCOMPARE(weak.status, 400);
        QCOMPARE(weak.code(), QStringLiteral("INVALID_PASSWORD"));
        QCOMPARE(m_http->get("/api/v1/flows", token).status, 403);
        const Answer wrong = changeOwn(token, QStringLiteral("Not-The-Password-9"), kOwn);
        QCOMPARE(wrong.code(), QStringLiteral("CURRENT_PASSWORD_WRONG"));
        QCOMPARE(m_http->get("/api/v1/flows", token).status, 403);

        QCOMPARE(changeOwn(token, kFirst, kOwn).status, 200);
        // The same session goes on, now with everything its role allows.
        QCOMPARE(m_http->get("/api/v1/flows", token).status, 200);
        QCOMPARE(eventSocketCloseCode(token), 0);
        QCOMPARE(m_http->get("/api/v1/users/me", token)
                     .data()
                     .value("password_change_required")
                     .toBool(),
                 false);
        const Answer again = m_http->login(QStringLiteral("newcomer"), kOwn);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.data().value("user").toObject().value("password_change_required").toBool(),
                 false);
        QCOMPARE(m_http->login(QStringLiteral("newcomer"), kFirst).status, 401);
    }

    void withoutTheOptionNothingChanges()
    {
        QCOMPARE(createUser(QStringLiteral("plain"), false).status, 201);
        const Answer login = m_http->login(QStringLiteral("plain"), kFirst);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.data().value("user").toObject().value("password_change_required").toBool(),
                 false);
        QCOMPARE(m_http->get("/api/v1/flows", login.data().value("access_token").toString()).status,
                 200);
    }

    void anAdministratorsResetMayRequireAChange()
    {
        const Answer created = createUser(QStringLiteral("forgetful"), false);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        const QString reset = QStringLiteral("/api/v1/users/%1/reset-password").arg(id);

        QCOMPARE(m_http
                     ->json("POST", reset,
                            {{"new_password", kOwn}, {"password_change_required", true}}, m_admin)
                     .status,
                 200);
        const Answer flagged = m_http->login(QStringLiteral("forgetful"), kOwn);
        QCOMPARE(flagged.data().value("user").toObject().value("password_change_required").toBool(),
                 true);
        QCOMPARE(
            m_http->get("/api/v1/flows", flagged.data().value("access_token").toString()).code(),
            QStringLiteral("PASSWORD_CHANGE_REQUIRED"));
        // The administration lists it too.
        const Answer listed = m_http->get("/api/v1/users/" + id, m_admin);
        QCOMPARE(listed.data().value("password_change_required").toBool(), true);

        // A reset without the option leaves the choice with the admin.
        QCOMPARE(m_http->json("POST", reset, {{"new_password", kFirst}}, m_admin).status, 200);
        const Answer plain = m_http->login(QStringLiteral("forgetful"), kFirst);
        QCOMPARE(plain.data().value("user").toObject().value("password_change_required").toBool(),
                 false);
        // A wrong type is a clear error, and the stored password stays.
        const Answer bad = m_http->json(
            "POST", reset, {{"new_password", kOwn}, {"password_change_required", "yes"}}, m_admin);
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.details().value("field").toString(),
                 QStringLiteral("password_change_required"));
        QCOMPARE(m_http->login(QStringLiteral("forgetful"), kFirst).status, 200);
    }

    // The generated first administrator: its password is in the data
    // directory until it is changed, then the file is gone.
    void theGeneratedAdministratorPasswordFileGoesWithTheChange()
    {
        QTemporaryDir dir;
        ServerProcess server(dir.path());
        server.setEnv(QStringLiteral("HIVEMIND_ADMIN_USER"), QString());
        const QUrl url = server.start();
        QVERIFY(!url.isEmpty());
        const QString file = dir.filePath("initial-admin-password");
        QFile stored(file);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        const QString generated = QString::fromUtf8(stored.readAll()).trimmed();
        stored.close();

        Http http(url);
        const Answer login = http.login(QStringLiteral("admin"), generated);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.data().value("user").toObject().value("password_change_required").toBool(),
                 true);
        const QString token = login.data().value("access_token").toString();
        QCOMPARE(http.get("/api/v1/users", token).code(),
                 QStringLiteral("PASSWORD_CHANGE_REQUIRED"));
        QVERIFY(QFile::exists(file));
        // A refused change keeps the file: its password still works.
        QCOMPARE(http.json("PUT", QStringLiteral("/api/v1/users/me/password"),
                           {{"current_password", generated}, {"new_password", "weak"}}, token)
                     .status,
                 400);
        QVERIFY(QFile::exists(file));

        QCOMPARE(http.json("PUT", QStringLiteral("/api/v1/users/me/password"),
                           {{"current_password", generated}, {"new_password", kOwn}}, token)
                     .status,
                 200);
        QVERIFY(!QFile::exists(file));
        QCOMPARE(http.get("/api/v1/users", token).status, 200);
        // The change is audited, the generated password no longer signs in.
        const Answer audit = http.get("/api/v1/audit?action=PASSWORD_CHANGED", token);
        QCOMPARE(audit.status, 200);
        QVERIFY(!audit.data().value("audit_logs").toArray().isEmpty());
        QCOMPARE(http.login(QStringLiteral("admin"), generated).status, 401);

        // A restart neither writes a new file nor asks again.
        server.process().terminate();
        QVERIFY(server.process().waitForFinished(30000));
        ServerProcess again(dir.path(), server.masterKey());
        again.setEnv(QStringLiteral("HIVEMIND_ADMIN_USER"), QString());
        const QUrl url2 = again.start();
        QVERIFY(!url2.isEmpty());
        QVERIFY(!QFile::exists(file));
        const Answer relogin = Http(url2).login(QStringLiteral("admin"), kOwn);
        QCOMPARE(relogin.status, 200);
        QCOMPARE(relogin.data().value("user").toObject().value("password_change_required").toBool(),
                 false);
    }

    // An operator who chose the password through the environment keeps it.
    void aPasswordFromTheEnvironmentNeedsNoChange()
    {
        const Answer login = m_http->login(kAdmin, kAdminPassword);
        QCOMPARE(login.status, 200);
        QCOMPARE(login.data().value("user").toObject().value("password_change_required").toBool(),
                 false);
    }
};

QTEST_GUILESS_MAIN(TestPasswordChange)
#include "TestPasswordChange.moc"
