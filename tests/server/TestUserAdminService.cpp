// UserAdminService called directly on a real store (no HTTP): the
// last-admin rule holds for demotion, suspension and deletion alike and
// leaves the store unchanged when it refuses; a refused change of several
// fields writes none of them (one transaction); taken e-mail addresses are
// EMAIL_EXISTS; deletion ends sessions; unlock lifts the address locks.

#include "ServiceTestSupport.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/UserAdminService.h"

#include <QTest>

using namespace hm;
using namespace hm::server::auth;
using namespace hm::test;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");
const ClientInfo kClient{QStringLiteral("192.0.2.10"), QStringLiteral("test")};

} // namespace

class TestUserAdminService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    int m_users = 0;

    UserAdminService service() { return UserAdminService(*m_store.auth); }

    UserRecord newUser(Role role, const QString &status = QStringLiteral("active"))
    {
        auto user =
            m_store.addUser(QStringLiteral("admin%1").arg(++m_users), kPassword, role, status);
        if (!user)
            qFatal("%s", qPrintable(user.error().toString()));
        return user.value();
    }

    UserRecord stored(const QString &id)
    {
        auto user = UserRepository(*m_store.db).requireById(id);
        if (!user)
            qFatal("%s", qPrintable(user.error().toString()));
        return user.value();
    }

    // Every active administrator but `keep` made a plain user, so that
    // `keep` is the last one.
    void makeLastAdmin(const UserRecord &keep)
    {
        UserRepository users(*m_store.db);
        UserRepository::ListQuery everyone;
        everyone.size = 100;
        auto page = users.list(everyone);
        QVERIFY(page.ok());
        for (const UserRecord &user : std::as_const(page.value().users)) {
            if (user.id != keep.id && user.role == Role::Admin)
                QVERIFY(users.setRole(user.id, Role::User).ok());
        }
        QCOMPARE(users.countActiveAdmins(keep.id).value(), 0);
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_store.open();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // One rule for every way of losing the last active administrator.
    void theLastAdminStays_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("demoted") << "role";
        QTest::newRow("suspended") << "status";
        QTest::newRow("deleted") << "delete";
    }
    void theLastAdminStays()
    {
        QFETCH(QString, change);
        const UserRecord last = newUser(Role::Admin);
        makeLastAdmin(last);
        const Principal self = principalOf(last);
        Status refused;
        if (change == QLatin1String("delete")) {
            refused = service().remove(last.id, self, kClient);
        } else {
            UserUpdate update;
            if (change == QLatin1String("role"))
                update.role = Role::User;
            else
                update.status = QStringLiteral("suspended");
            // Also a profile change: refused with the rest, none of it written.
            update.name = QStringLiteral("Renamed");
            auto result = service().update(last.id, update, self, kClient);
            refused = result ? Status{} : Status{result.error()};
        }
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::ValidationError);
        QCOMPARE(refused.error().message, UserAdminService::lastAdminError().message);
        const UserRecord after = stored(last.id);
        QCOMPARE(after.role, Role::Admin);
        QCOMPARE(after.status, QStringLiteral("active"));
        QCOMPARE(after.name, last.name);

        // With a second active administrator the same change goes through.
        const UserRecord second = newUser(Role::Admin);
        if (change == QLatin1String("delete")) {
            QVERIFY(service().remove(last.id, principalOf(second), kClient).ok());
            QCOMPARE(stored(last.id).status, QStringLiteral("deleted"));
        } else {
            UserUpdate update;
            if (change == QLatin1String("role"))
                update.role = Role::User;
            else
                update.status = QStringLiteral("suspended");
            QVERIFY(service().update(last.id, update, principalOf(second), kClient).ok());
            QVERIFY(stored(last.id).role != Role::Admin ||
                    stored(last.id).status != QLatin1String("active"));
        }
    }

    // A taken address: EMAIL_EXISTS, and the role change asked for with it
    // is not written either.
    void aRefusedUpdateWritesNothing()
    {
        const UserRecord a = newUser(Role::User);
        const UserRecord b = newUser(Role::User);
        const UserRecord admin = newUser(Role::Admin);
        UserUpdate update;
        update.email = b.email;
        update.role = Role::Viewer;
        auto result = service().update(a.id, update, principalOf(admin), kClient);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::EmailExists);
        QCOMPARE(stored(a.id).role, Role::User);
        QCOMPARE(stored(a.id).email, a.email);

        update.email = QStringLiteral("fresh@example.com");
        result = service().update(a.id, update, principalOf(admin), kClient);
        QVERIFY(result.ok());
        QCOMPARE(result.value().value("email").toString(), QStringLiteral("fresh@example.com"));
        QCOMPARE(stored(a.id).role, Role::Viewer);
    }

    void unknownAndDeletedUsersAreNotFound()
    {
        const UserRecord admin = newUser(Role::Admin);
        QCOMPARE(service()
                     .remove(QStringLiteral("no-such-id"), principalOf(admin), kClient)
                     .error()
                     .code,
                 ErrorCode::UserNotFound);
        const UserRecord user = newUser(Role::User);
        QVERIFY(service().remove(user.id, principalOf(admin), kClient).ok());
        QCOMPARE(service().remove(user.id, principalOf(admin), kClient).error().code,
                 ErrorCode::UserNotFound);
        QCOMPARE(service()
                     .update(QStringLiteral("no-such-id"), {}, principalOf(admin), kClient)
                     .error()
                     .code,
                 ErrorCode::UserNotFound);
    }

    void unlockLiftsEveryAddress()
    {
        const UserRecord admin = newUser(Role::Admin);
        const UserRecord user = newUser(Role::User);
        AuthModule &auth = *m_store.auth;
        AttemptTracker::Policy policy = auth.loginPolicy();
        policy.maxFailures = 1;
        const QString subject = QStringLiteral("account:") + user.id;
        for (const QString &ip : {QStringLiteral("203.0.113.1"), QStringLiteral("203.0.113.2")})
            (void)auth.loginAttempts.recordFailure(subject, ip, policy, nowMs());
        auto unlocked = service().unlock(user.id, principalOf(admin), kClient);
        QVERIFY(unlocked.ok());
        QCOMPARE(unlocked.value(), 2);
        QCOMPARE(auth.loginAttempts.summary(subject, policy, nowMs()).failures, 0);
        QCOMPARE(service()
                     .unlock(QStringLiteral("no-such-id"), principalOf(admin), kClient)
                     .error()
                     .code,
                 ErrorCode::UserNotFound);
    }
};

QTEST_GUILESS_MAIN(TestUserAdminService)
#include "TestUserAdminService.moc"
