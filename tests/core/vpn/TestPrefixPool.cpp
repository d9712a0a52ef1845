// Delegated prefix pools (core/vpn/PrefixPool.h, seed 001's IPv6 pools).

#include "vpn/PrefixPool.h"

#include <QRandomGenerator>
#include <QTest>
#include <set>

using namespace hm;
using namespace hm::vpn;

namespace {

IpPrefix poolPrefix(const QString &text)
{
    auto parsed = IpPrefix::parse(text);
    if (!parsed)
        qFatal("bad test prefix %s", qPrintable(text));
    return *parsed;
}

PrefixPool makePool(const QString &prefix, int delegated, quint64 reserved = 0)
{
    auto created = PrefixPool::create(poolPrefix(prefix), delegated, reserved);
    if (!created)
        qFatal("bad test pool: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

QString reasonOf(const Error &error)
{
    return error.details.value(QStringLiteral("reason")).toString();
}

} // namespace

class TestPrefixPool : public QObject
{
    Q_OBJECT
private slots:
    void invalidPools_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("delegated");
        QTest::addColumn<quint64>("reserved");
        QTest::newRow("shorter than pool") << "2001:db8::/32" << 31 << quint64(0);
        QTest::newRow("beyond 128") << "2001:db8::/32" << 129 << quint64(0);
        QTest::newRow("beyond 32") << "10.0.0.0/8" << 33 << quint64(0);
        QTest::newRow("reserved beyond total") << "2001:db8::/46" << 48 << quint64(5);
        QTest::newRow("single, reserved 2") << "2001:db8::/48" << 48 << quint64(2);
    }

    void invalidPools()
    {
        QFETCH(QString, prefix);
        QFETCH(int, delegated);
        QFETCH(quint64, reserved);
        const auto created = PrefixPool::create(poolPrefix(prefix), delegated, reserved);
        QVERIFY(!created.ok());
        QCOMPARE(reasonOf(created.error()), QStringLiteral("invalid_pool"));
        QVERIFY(!PrefixPool::create(IpPrefix(), 64).ok());
    }

    void counts_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("delegated");
        QTest::addColumn<quint64>("reserved");
        QTest::addColumn<QString>("total");
        QTest::addColumn<QString>("available");
        QTest::addColumn<quint64>("availableU64");
        QTest::newRow("/32 of /48") << "2001:db8::/32" << 48 << quint64(1) << "65536"
                                    << "65535" << quint64(65535);
        QTest::newRow("/32 of /64") << "2001:db8::/32" << 64 << quint64(0) << "4294967296"
                                    << "4294967296" << quint64(4294967296ULL);
        QTest::newRow("/32 of /128")
            << "2001:db8::/32" << 128 << quint64(16) << "79228162514264337593543950336"
            << "79228162514264337593543950320" << ~quint64(0);
        QTest::newRow("::/0 of /128")
            << "::/0" << 128 << quint64(0) << "340282366920938463463374607431768211456"
            << "340282366920938463463374607431768211456" << ~quint64(0);
        QTest::newRow("/64 of /64") << "2001:db8::/64" << 64 << quint64(0) << "1"
                                    << "1" << quint64(1);
        QTest::newRow("/64 of /64 reserved") << "2001:db8::/64" << 64 << quint64(1) << "1"
                                             << "0" << quint64(0);
        QTest::newRow("v4 /16 of /24") << "10.0.0.0/16" << 24 << quint64(2) << "256"
                                       << "254" << quint64(254);
    }

    void counts()
    {
        QFETCH(QString, prefix);
        QFETCH(int, delegated);
        QFETCH(quint64, reserved);
        QFETCH(QString, total);
        QFETCH(QString, available);
        QFETCH(quint64, availableU64);
        PrefixPool pool = makePool(prefix, delegated, reserved);
        QCOMPARE(pool.totalCount().toString(), total);
        QCOMPARE(pool.availableCount().toString(), available);
        QCOMPARE(pool.availableCount().toSaturatedU64(), availableU64);
        QCOMPARE(pool.allocatedCount(), quint64(0));
        const QJsonObject json = pool.countsJson();
        QCOMPARE(json.value(QStringLiteral("total")).toString(), total);
        QCOMPARE(json.value(QStringLiteral("available")).toString(), available);
        QCOMPARE(json.value(QStringLiteral("allocated")).toString(), QStringLiteral("0"));
        QCOMPARE(json.value(QStringLiteral("totalNumber")).toDouble(),
                 pool.totalCount().toDouble());
        QVERIFY(json.value(QStringLiteral("totalNumber")).toDouble() >= 1.0);

        // One allocation moves one prefix from available to allocated.
        if (pool.availableCount() > IpCount()) {
            QVERIFY(pool.allocateNext().ok());
            QCOMPARE(pool.allocatedCount(), quint64(1));
            QCOMPARE(pool.availableCount().plusSaturated(IpCount::fromU64(1)).toString(),
                     available);
        }
    }

    void autoAllocation()
    {
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/32"), 48, 2);
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:2::/48"));
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:3::/48"));
        QVERIFY(pool.allocate(QStringLiteral("2001:db8:4::/48")).ok());
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:5::/48"));
        // Release and reuse: the lowest free one comes back first.
        QVERIFY(pool.release(poolPrefix(QStringLiteral("2001:db8:3::/48"))).ok());
        QVERIFY(!pool.isAllocated(poolPrefix(QStringLiteral("2001:db8:3::/48"))));
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:3::/48"));
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:6::/48"));
        QCOMPARE(pool.allocatedCount(), quint64(5));
        QCOMPARE(pool.availableCount().toString(), QStringLiteral("65529"));

        PrefixPool slash64s = makePool(QStringLiteral("2001:db8::/32"), 64);
        QCOMPARE(slash64s.allocateNext()->toString(), QStringLiteral("2001:db8::/64"));
        QCOMPARE(slash64s.allocateNext()->toString(), QStringLiteral("2001:db8:0:1::/64"));
        QVERIFY(slash64s.allocate(QStringLiteral("2001:db8:ffff:ffff::/64")).ok());
        QCOMPARE(slash64s.prefixAt(Ip128::fromU64(0xffffffffULL)).toString(),
                 QStringLiteral("2001:db8:ffff:ffff::/64"));
        QVERIFY(slash64s.prefixAt(Ip128::fromU64(0x100000000ULL)).isNull());
        QCOMPARE(slash64s.availableCount().toString(), QStringLiteral("4294967293"));
    }

    void customRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("outside") << "2001:db9::/48"
                                 << "outside_pool" << ErrorCode::ValidationError;
        QTest::newRow("outside, below") << "2001:db7:ffff::/48"
                                        << "outside_pool" << ErrorCode::ValidationError;
        QTest::newRow("other family") << "10.0.0.0/24"
                                      << "outside_pool" << ErrorCode::ValidationError;
        QTest::newRow("covers the pool") << "2001:db8::/31"
                                         << "outside_pool" << ErrorCode::ValidationError;
        QTest::newRow("shorter") << "2001:db8:10::/47"
                                 << "wrong_length" << ErrorCode::ValidationError;
        QTest::newRow("longer") << "2001:db8:10::/56"
                                << "wrong_length" << ErrorCode::ValidationError;
        QTest::newRow("misaligned") << "2001:db8:10:100::/48"
                                    << "misaligned" << ErrorCode::ValidationError;
        QTest::newRow("misaligned low bit") << "2001:db8:10::1/48"
                                            << "misaligned" << ErrorCode::ValidationError;
        QTest::newRow("reserved first") << "2001:db8::/48"
                                        << "reserved" << ErrorCode::ValidationError;
        QTest::newRow("reserved last") << "2001:db8:3::/48"
                                       << "reserved" << ErrorCode::ValidationError;
        QTest::newRow("overlapping") << "2001:db8:20::/48"
                                     << "overlapping" << ErrorCode::Conflict;
        QTest::newRow("not a prefix") << "2001:db8:20::"
                                      << "invalid_prefix" << ErrorCode::ValidationError;
    }

    void customRefused()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        QFETCH(ErrorCode, code);
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/32"), 48, 4);
        QVERIFY(pool.allocate(QStringLiteral("2001:db8:20::/48")).ok());
        const auto result = pool.allocate(text);
        QVERIFY(!result.ok());
        QCOMPARE(reasonOf(result.error()), reason);
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
        QCOMPARE(pool.allocatedCount(), quint64(1));
        // The first allowed one is right after the reserved range.
        QVERIFY(pool.allocate(QStringLiteral("2001:db8:4::/48")).ok());
    }

    void releaseErrors()
    {
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/32"), 48);
        const Status notThere = pool.release(poolPrefix(QStringLiteral("2001:db8:7::/48")));
        QVERIFY(!notThere.ok());
        QCOMPARE(reasonOf(notThere.error()), QStringLiteral("not_allocated"));
        QCOMPARE(notThere.error().code, ErrorCode::ResourceNotFound);
        QVERIFY(!pool.release(poolPrefix(QStringLiteral("2001:db8::/32"))).ok());
        QVERIFY(!pool.release(IpPrefix()).ok());
        const IpPrefix got = *pool.allocateNext();
        QVERIFY(pool.release(got).ok());
        QVERIFY(!pool.release(got).ok());
    }

    void exhaustion()
    {
        // 2001:db8::/46 holds four /48s; one reserved.
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/46"), 48, 1);
        QStringList got;
        for (int i = 0; i < 3; ++i)
            got << pool.allocateNext()->toString();
        QCOMPARE(got, (QStringList{"2001:db8:1::/48", "2001:db8:2::/48", "2001:db8:3::/48"}));
        const auto none = pool.allocateNext();
        QVERIFY(!none.ok());
        QCOMPARE(reasonOf(none.error()), QStringLiteral("exhausted"));
        QCOMPARE(none.error().code, ErrorCode::Conflict);
        QCOMPARE(pool.availableCount(), IpCount());
        QVERIFY(pool.release(poolPrefix(QStringLiteral("2001:db8:2::/48"))).ok());
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:2::/48"));

        // Everything reserved: exhausted from the start.
        PrefixPool allReserved = makePool(QStringLiteral("2001:db8::/46"), 48, 4);
        QCOMPARE(reasonOf(allReserved.allocateNext().error()), QStringLiteral("exhausted"));

        // The very top of the address space, /128s of a /126.
        PrefixPool top =
            makePool(QStringLiteral("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffc/126"), 128);
        for (int i = 0; i < 4; ++i)
            QVERIFY(top.allocateNext().ok());
        QVERIFY(top.isAllocated(
            poolPrefix(QStringLiteral("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"))));
        QCOMPARE(reasonOf(top.allocateNext().error()), QStringLiteral("exhausted"));
    }

    void hugePoolsWithoutEnumeration()
    {
        // 2^128 /128s: the last one can be allocated and the count moves.
        PrefixPool everything = makePool(QStringLiteral("::/0"), 128, 1);
        QCOMPARE(everything.allocateNext()->toString(), QStringLiteral("::1/128"));
        QVERIFY(everything.allocate(QStringLiteral("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"))
                    .ok());
        QCOMPARE(everything.availableCount().toString(),
                 QStringLiteral("340282366920938463463374607431768211453"));
        QCOMPARE(everything.countsJson().value(QStringLiteral("availableNumber")).toDouble(),
                 std::ldexp(1.0, 128));

        // 2^32 /64s: allocate 100,000 in bulk; each is O(log n).
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/32"), 64, 256);
        for (int i = 0; i < 100000; ++i)
            QVERIFY(pool.allocateNext().ok());
        QCOMPARE(pool.availableCount().toString(), QString::number(4294967296ULL - 256 - 100000));
        // Index 256 + 100,000 = 0x187a0.
        QCOMPARE(pool.allocateNext()->toString(), QStringLiteral("2001:db8:1:87a0::/64"));
    }

    // Allocations against a plain set of indices on random operations.
    void matchesNaiveReference()
    {
        PrefixPool pool = makePool(QStringLiteral("2001:db8::/40"), 48, 3); // 256 prefixes
        std::set<quint64> taken;
        QRandomGenerator random(36);
        for (int op = 0; op < 5000; ++op) {
            const quint64 index = random.bounded(256);
            const IpPrefix prefix = pool.prefixAt(Ip128::fromU64(index));
            const int what = int(random.bounded(3));
            if (what == 0) {
                const bool allowed = index >= 3 && !taken.count(index);
                QCOMPARE(pool.allocate(prefix.network(), 48).ok(), allowed);
                if (allowed)
                    taken.insert(index);
            } else if (what == 1) {
                QCOMPARE(pool.release(prefix).ok(), taken.erase(index) == 1);
            } else {
                quint64 want = 3;
                while (want < 256 && taken.count(want))
                    ++want;
                const auto got = pool.allocateNext();
                QCOMPARE(got.ok(), want < 256);
                if (got.ok()) {
                    QCOMPARE(*got, pool.prefixAt(Ip128::fromU64(want)));
                    taken.insert(want);
                }
            }
            QCOMPARE(pool.allocatedCount(), quint64(taken.size()));
            QCOMPARE(pool.availableCount().toSaturatedU64(), 256 - 3 - quint64(taken.size()));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrefixPool)
#include "TestPrefixPool.moc"
