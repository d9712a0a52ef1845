// Commit-confirm of WireGuard changes (issue 36 point 4): WireGuardService
// called directly on a real SQLCipher store with a simulated clock (no
// backend: rows only; the real tunnel's rollback is in TestWireGuardTunnel).
// A change made with a deadline is put back when the deadline passes, also
// by a service started again after being down; a confirmed one stays; a
// second change waits for the first; bad confirm requests change nothing.

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::server;
using hm::test::principalOf;

namespace {

const auth::ClientInfo kConfirmFrom{QStringLiteral("198.51.100.24"), QStringLiteral("test")};
constexpr qint64 kConfirmStartMs = 1'800'000'000'000;

} // namespace

class TestWgCommitConfirm : public QObject
{
    Q_OBJECT

private:
    hm::test::ServiceStore m_store;
    std::unique_ptr<server::vpn::WireGuardService> m_wg;
    auth::Principal m_admin;
    qint64 m_now = kConfirmStartMs;
    qint64 m_serverId = 0;
    qint64 m_clientId = 0;

    std::unique_ptr<server::vpn::WireGuardService> openService()
    {
        auto wg = std::make_unique<server::vpn::WireGuardService>(
            *m_store.db, *m_store.envelope, nullptr, nullptr,
            [] { return QStringLiteral("vpn.example"); });
        wg->setClock([this] { return m_now; });
        return wg;
    }

    static server::vpn::WgConfirmRequest within(qint64 seconds)
    {
        server::vpn::WgConfirmRequest r;
        r.withinSeconds = seconds;
        return r;
    }

    int listenPort() { return m_wg->server(m_serverId).value().listenPort; }
    int pendingCount() { return int(m_wg->pendingChanges().value().size()); }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("confirmer"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_wg = openService();
        server::vpn::WgServerDetails server;
        server.name = QStringLiteral("Site");
        server.interfaceName = QStringLiteral("wgc0");
        server.listenPort = 51840;
        server.ipv4Address = QStringLiteral("10.44.0.1/24");
        auto made = m_wg->createServer(m_admin, kConfirmFrom, server);
        QVERIFY(made);
        m_serverId = made.value().id;
        server::vpn::WgClientDetails client;
        client.serverId = m_serverId;
        client.name = QStringLiteral("branch");
        client.allowedIps = QStringList{QStringLiteral("10.44.0.0/24")};
        auto created = m_wg->createClient(m_admin, kConfirmFrom, client);
        QVERIFY(created);
        m_clientId = created.value().row.id;
    }

    void anUnconfirmedServerChangeIsPutBack()
    {
        server::vpn::WgServerDetails change;
        change.listenPort = 51841;
        change.mtu = 1380;
        change.confirm = within(30);
        QVERIFY(m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, change));
        QCOMPARE(listenPort(), 51841);
        auto pending = m_wg->pendingChange(QStringLiteral("server"), m_serverId);
        QVERIFY(pending && pending.value());
        // Another change waits for this one.
        server::vpn::WgServerDetails other;
        other.description = QStringLiteral("later");
        auto refused = m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);

        m_now += 29'000;
        m_wg->rollBackOverdueChanges();
        QCOMPARE(listenPort(), 51841); // not yet
        m_now += 1'000;
        m_wg->rollBackOverdueChanges();
        QCOMPARE(listenPort(), 51840);
        QCOMPARE(m_wg->server(m_serverId).value().mtu, 1420);
        QCOMPARE(pendingCount(), 0);
    }

    void aConfirmedChangeStays()
    {
        server::vpn::WgServerDetails change;
        change.listenPort = 51842;
        change.confirm = within(30);
        QVERIFY(m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, change));
        QVERIFY(m_wg->confirmChange(m_admin, kConfirmFrom, QStringLiteral("server"), m_serverId));
        m_now += 60'000;
        m_wg->rollBackOverdueChanges();
        QCOMPARE(listenPort(), 51842);
        // Nothing left to confirm.
        auto again = m_wg->confirmChange(m_admin, kConfirmFrom, QStringLiteral("server"),
                                         m_serverId);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::ResourceNotFound);
    }

    // A client's allowed IPs (a site link's networks) put back as well.
    void anUnconfirmedClientChangeIsPutBack()
    {
        server::vpn::WgClientDetails change;
        change.allowedIps = QStringList{QStringLiteral("10.44.0.0/24"),
                                        QStringLiteral("192.168.50.0/24")};
        change.confirm = within(10);
        auto updated = m_wg->updateClient(m_admin, kConfirmFrom, m_clientId, change);
        QVERIFY2(updated, updated ? "" : qPrintable(updated.error().message));
        QCOMPARE(m_wg->clientRow(m_clientId).value().allowedIps.size(), 2);
        m_now += 10'000;
        m_wg->rollBackOverdueChanges();
        QCOMPARE(m_wg->clientRow(m_clientId).value().allowedIps,
                 QStringList{QStringLiteral("10.44.0.0/24")});
    }

    // The service was down when the deadline passed: started again, it puts
    // the change back before it brings anything up.
    void aDeadlinePassedWhileDownIsPutBackAtStart()
    {
        server::vpn::WgServerDetails change;
        change.listenPort = 51843;
        change.confirm = within(20);
        QVERIFY(m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, change));
        m_wg.reset(); // down
        m_now += 3'600'000;
        m_wg = openService();
        QCOMPARE(listenPort(), 51843);
        m_wg->startMarkedServers();
        QCOMPARE(listenPort(), 51842);
        QCOMPARE(pendingCount(), 0);
    }

    void badConfirmRequestsChangeNothing()
    {
        for (const qint64 seconds : {qint64(0), qint64(9), qint64(3601)}) {
            server::vpn::WgServerDetails change;
            change.listenPort = 51844;
            change.confirm = within(seconds);
            auto refused = m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, change);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::ValidationError);
            QCOMPARE(refused.error().details.value("field").toString(),
                     QStringLiteral("confirm_within_seconds"));
        }
        server::vpn::WgServerDetails change;
        change.listenPort = 51844;
        change.confirm = within(30);
        change.confirm->handshakeClientId = 999999;
        auto refused = m_wg->updateServer(m_admin, kConfirmFrom, m_serverId, change);
        QVERIFY(!refused);
        QCOMPARE(refused.error().details.value("field").toString(),
                 QStringLiteral("confirm_by_handshake_of"));
        QCOMPARE(listenPort(), 51842);
        QCOMPARE(pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWgCommitConfirm)
#include "TestWgCommitConfirm.moc"
