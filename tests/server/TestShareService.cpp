// ShareService called directly on a real store (no HTTP): only callers
// with Admin permission on a flow manage its shares (others learn nothing
// of the flow); nobody shares with themselves, the owner, a deleted
// account or twice; an unregistered address is invited and becomes a share
// when its account is created; every change is published once, and only
// real changes.

#include "ServiceTestSupport.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEvents.h"
#include "server/services/engine/ShareService.h"

#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using auth::Role;
using auth::UserRecord;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");
const auth::ClientInfo kClient{QStringLiteral("192.0.2.20"), QStringLiteral("test")};

} // namespace

class TestShareService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    FlowEvents m_events;
    QList<FlowEvent> m_published;
    int m_users = 0;
    int m_flows = 0;

    ShareService service() { return ShareService(*m_store.db, m_events); }

    UserRecord newUser(Role role = Role::User)
    {
        auto user = m_store.addUser(QStringLiteral("sharer%1").arg(++m_users), kPassword, role);
        if (!user)
            qFatal("%s", qPrintable(user.error().toString()));
        return user.value();
    }

    QString newFlow(const UserRecord &owner)
    {
        const QString id = QStringLiteral("flow-%1").arg(++m_flows);
        const Status inserted = m_store.db->execute(
            QStringLiteral("INSERT INTO flows (id, name, owner_id) VALUES (?, ?, ?)"),
            {id, id + QStringLiteral("-name"), owner.id});
        if (!inserted)
            qFatal("%s", qPrintable(inserted.error().toString()));
        return id;
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_store.open();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        connect(&m_events, &FlowEvents::published, this,
                [this](const FlowEvent &event) { m_published.append(event); });
    }
    void init() { m_published.clear(); }

    void onlyFlowAdminsManageShares()
    {
        const UserRecord owner = newUser();
        const UserRecord editor = newUser();
        const UserRecord stranger = newUser();
        const QString flow = newFlow(owner);
        QVERIFY(service().create(principalOf(owner), kClient, flow, editor.email, "edit").ok());
        m_published.clear();

        // Edit is not enough to manage shares; no right at all hides the flow.
        auto denied = service().create(principalOf(editor), kClient, flow, stranger.email, "view");
        QCOMPARE(denied.error().code, ErrorCode::ShareAccessDenied);
        auto hidden = service().list(principalOf(stranger), flow);
        QCOMPARE(hidden.error().code, ErrorCode::FlowNotFound);
        // Checked before the request's own content: a bad permission from a
        // stranger still says only FLOW_NOT_FOUND.
        QCOMPARE(service()
                     .create(principalOf(stranger), kClient, flow, stranger.email, "superuser")
                     .error()
                     .code,
                 ErrorCode::FlowNotFound);
        QVERIFY(m_published.isEmpty());

        // An admin share may manage; a system ADMIN may manage every flow.
        QVERIFY(service().create(principalOf(owner), kClient, flow, stranger.email, "admin").ok());
        QVERIFY(service().list(principalOf(stranger), flow).ok());
        QVERIFY(service().list(principalOf(newUser(Role::Admin)), flow).ok());
    }

    void sharingRules_data()
    {
        QTest::addColumn<QString>("whom");
        QTest::addColumn<QString>("permission");
        QTest::addColumn<int>("code");
        QTest::newRow("self") << "self"
                              << "view" << int(ErrorCode::CannotShareToSelf);
        QTest::newRow("owner") << "owner"
                               << "view" << int(ErrorCode::AlreadyShared);
        QTest::newRow("twice") << "shared"
                               << "edit" << int(ErrorCode::AlreadyShared);
        QTest::newRow("deleted") << "deleted"
                                 << "view" << int(ErrorCode::UserNotFound);
        QTest::newRow("not an address") << "nonsense"
                                        << "view" << int(ErrorCode::ValidationError);
        QTest::newRow("no permission") << "other"
                                       << "" << int(ErrorCode::ValidationError);
        QTest::newRow("unknown permission") << "other"
                                            << "superuser" << int(ErrorCode::InvalidPermission);
    }
    void sharingRules()
    {
        QFETCH(QString, whom);
        QFETCH(QString, permission);
        QFETCH(int, code);
        const UserRecord owner = newUser();
        const UserRecord admin = newUser(Role::Admin); // manages, but does not own
        const UserRecord shared = newUser();
        const UserRecord deleted = newUser();
        const QString flow = newFlow(owner);
        QVERIFY(service().create(principalOf(owner), kClient, flow, shared.email, "view").ok());
        QVERIFY(auth::UserRepository(*m_store.db).setStatus(deleted.id, "deleted").ok());
        const QHash<QString, QString> emails{
            {"self", admin.email},      {"owner", owner.email},         {"shared", shared.email},
            {"deleted", deleted.email}, {"nonsense", "not-an-address"}, {"other", newUser().email}};
        m_published.clear();
        auto refused =
            service().create(principalOf(admin), kClient, flow, emails.value(whom), permission);
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().code), code);
        QVERIFY(m_published.isEmpty());
        QCOMPARE(service().list(principalOf(owner), flow).value().size(), 1);
    }

    // An address nobody has registered is invited; the account created
    // with it later holds the share.
    void invitationsBecomeShares()
    {
        const UserRecord owner = newUser();
        const QString flow = newFlow(owner);
        auto invited = service().create(principalOf(owner), kClient, flow,
                                        QStringLiteral("  Later@Example.com "), "EDIT");
        QVERIFY(invited.ok());
        QVERIFY(invited.value().pending());
        QCOMPARE(invited.value().permission, QStringLiteral("edit"));
        QCOMPARE(m_published.size(), 1);
        QCOMPARE(m_published.first().data.value("pending").toBool(), true);

        auth::NewUser later;
        later.username = QStringLiteral("later");
        later.email = QStringLiteral("later@example.com");
        later.password = kPassword;
        auto created = auth::UserRepository(*m_store.db).create(later);
        QVERIFY(created.ok());
        auto shares = service().list(principalOf(owner), flow);
        QVERIFY(shares.ok());
        QCOMPARE(shares.value().size(), 1);
        QCOMPARE(shares.value().first().userId, created.value().id);
        QCOMPARE(flowPermission(*m_store.db, principalOf(created.value()), flow).value(),
                 FlowPermission::Edit);
    }

    void permissionChangesAndRemoval()
    {
        const UserRecord owner = newUser();
        const UserRecord friendUser = newUser();
        const UserRecord other = newUser();
        const QString flow = newFlow(owner);
        const QString otherFlow = newFlow(other);
        auto share = service().create(principalOf(owner), kClient, flow, friendUser.email, "view");
        QVERIFY(share.ok());
        m_published.clear();

        // The same permission again: nothing published.
        QVERIFY(service()
                    .setPermission(principalOf(owner), kClient, flow, share.value().id, "view")
                    .ok());
        QVERIFY(m_published.isEmpty());
        auto raised =
            service().setPermission(principalOf(owner), kClient, flow, share.value().id, "admin");
        QVERIFY(raised.ok());
        QCOMPARE(raised.value().permission, QStringLiteral("admin"));
        QCOMPARE(m_published.size(), 1);
        QCOMPARE(flowPermission(*m_store.db, principalOf(friendUser), flow).value(),
                 FlowPermission::Admin);

        // A share is found only through its own flow.
        QCOMPARE(
            service().remove(principalOf(other), kClient, otherFlow, share.value().id).error().code,
            ErrorCode::ShareNotFound);
        QVERIFY(service().remove(principalOf(owner), kClient, flow, share.value().id).ok());
        QCOMPARE(m_published.size(), 2);
        QCOMPARE(m_published.last().data.value("action").toString(), QStringLiteral("deleted"));
        QCOMPARE(m_published.last().alsoUserId, friendUser.id);
        QCOMPARE(flowPermission(*m_store.db, principalOf(friendUser), flow).value(),
                 FlowPermission::None);
    }

    // The grants the trigger route caches (FlowGrantCache) follow every
    // share change at the very next lookup: ShareService invalidates them,
    // not the repository.
    void shareChangesAreSeenAtOnce()
    {
        const UserRecord owner = newUser();
        const UserRecord friendly = newUser();
        const QString flow = newFlow(owner);
        FlowGrantCache grants(*m_store.db);
        QCOMPARE(grants.permission(principalOf(friendly), flow).value(), FlowPermission::None);

        auto share = service().create(principalOf(owner), kClient, flow, friendly.email, "view");
        QVERIFY(share.ok());
        QCOMPARE(grants.permission(principalOf(friendly), flow).value(), FlowPermission::View);

        QVERIFY(service()
                    .setPermission(principalOf(owner), kClient, flow, share.value().id, "edit")
                    .ok());
        QCOMPARE(grants.permission(principalOf(friendly), flow).value(), FlowPermission::Edit);

        QVERIFY(service().remove(principalOf(owner), kClient, flow, share.value().id).ok());
        QCOMPARE(grants.permission(principalOf(friendly), flow).value(), FlowPermission::None);
    }
};

QTEST_GUILESS_MAIN(TestShareService)
#include "TestShareService.moc"
