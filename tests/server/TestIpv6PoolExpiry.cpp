// Delegated IPv6 prefixes that expire (issue 36 point 6, allocations'
// expires_at): Ipv6PoolService called directly on a real SQLCipher store
// with a simulated clock. An allocation is kept until its expiry and
// released at it — audited as IPV6_PREFIX_EXPIRED — and its prefix is
// handed out again; one without an expiry stays.

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/services/vpn/Ipv6PoolService.h"
#include "store/Database.h"

#include <QTest>

using namespace hm;
using namespace hm::server;
using hm::test::principalOf;

namespace {

const auth::ClientInfo kV6From{QStringLiteral("198.51.100.25"), QStringLiteral("test")};
constexpr qint64 kV6StartMs = 1'800'000'000'000;

} // namespace

class TestIpv6PoolExpiry : public QObject
{
    Q_OBJECT

private:
    hm::test::ServiceStore m_store;
    std::unique_ptr<server::vpn::Ipv6PoolService> m_pools;
    auth::Principal m_admin;
    qint64 m_now = kV6StartMs;
    qint64 m_poolId = 0;

    Result<repositories::Ipv6AllocationRow> allocate(const QString &name,
                                                     std::optional<qint64> expiresAt)
    {
        server::vpn::Ipv6AllocationDetails d;
        d.poolId = m_poolId;
        d.clientName = name;
        d.expiresAt = expiresAt;
        return m_pools->allocate(m_admin, kV6From, d);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("v6admin"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_pools = std::make_unique<server::vpn::Ipv6PoolService>(*m_store.db);
        m_pools->setClock([this] { return m_now; });
        server::vpn::Ipv6PoolDetails pool;
        pool.name = QStringLiteral("sites");
        pool.prefix = QStringLiteral("2001:db8:100::/48");
        pool.prefixLength = 56;
        auto made = m_pools->createPool(m_admin, kV6From, pool);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        m_poolId = made.value().id;
    }

    void anExpiredPrefixIsReleasedAndHandedOutAgain()
    {
        auto lasting = allocate(QStringLiteral("hq"), std::nullopt);
        auto leased = allocate(QStringLiteral("popup"), m_now + 60'000);
        QVERIFY2(lasting && leased, leased ? "" : qPrintable(leased.error().message));
        const QString prefix = leased.value().prefix;

        auto early = m_pools->releaseExpired();
        QVERIFY(early);
        QCOMPARE(early.value(), 0);
        QVERIFY(m_pools->allocation(leased.value().id));

        m_now += 60'000;
        auto released = m_pools->releaseExpired();
        QVERIFY(released);
        QCOMPARE(released.value(), 1);
        QCOMPARE(m_pools->allocation(leased.value().id).error().code,
                 ErrorCode::ResourceNotFound);
        QVERIFY(m_pools->allocation(lasting.value().id));
        auto audited = m_store.db->queryInt(QStringLiteral(
            "SELECT COUNT(*) FROM audit_logs WHERE action = 'IPV6_PREFIX_EXPIRED'"));
        QVERIFY(audited);
        QCOMPARE(audited.value(), 1);

        // The lowest free prefix again: the one that expired.
        auto again = allocate(QStringLiteral("next"), std::nullopt);
        QVERIFY(again);
        QCOMPARE(again.value().prefix, prefix);
        m_now += 3'600'000;
        QCOMPARE(m_pools->releaseExpired().value(), 0);
    }

    // An expiry in the past is refused, not stored to be released at once.
    void anExpiryInThePastIsRefused()
    {
        auto refused = allocate(QStringLiteral("late"), m_now - 1000);
        if (refused)
            QFAIL("an allocation that expired before it was made was accepted");
        QCOMPARE(refused.error().code, ErrorCode::ValidationError);
    }
};

QTEST_GUILESS_MAIN(TestIpv6PoolExpiry)
#include "TestIpv6PoolExpiry.moc"
