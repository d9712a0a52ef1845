// IPv6 prefix pools and allocations against a real server (seed 001
// "IPv6管理"; docs/api.md "IPv6 prefix pools"): pools created, listed,
// changed and deleted; overlapping pools refused naming the other one;
// IPv4 and misaligned prefixes refused; exact counts of a /32 of /64s and
// of ::/0 of /128s without enumerating; allocations lowest-first after the
// reserved ones; each custom-prefix problem with its reason; release and
// reuse; 50 parallel allocations getting 50 distinct prefixes; viewers kept
// from writing; bad input never changing what is stored; a prefix delegated
// to a WireGuard client in its peer of the server's config file.

#include "AuthTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

const QString kPools = QStringLiteral("/api/v1/ipv6/pools");
const QString kAllocations = QStringLiteral("/api/v1/ipv6/allocations");

QString v6Path(const QString &base, qint64 id, const QString &tail = {})
{
    return base + u'/' + QString::number(id) + tail;
}

qint64 idOf(const Answer &answer)
{
    return qint64(answer.data().value("id").toDouble());
}

} // namespace

class TestIpv6PoolsApi : public QObject, private ServerFixture
{
    Q_OBJECT

private:
    qint64 m_poolId = 0;    // "pool1": 2001:db8::/48 of /64s, 100 reserved
    qint64 m_allocPool = 0; // 2001:db8:100::/56 of /64s, 2 reserved
    qint64 m_firstAllocation = 0;

    Answer createPool(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", kPools, body, token.isEmpty() ? m_admin : token);
    }
    Answer allocate(const QJsonObject &body, const QString &token = {})
    {
        return m_http->json("POST", kAllocations, body, token.isEmpty() ? m_admin : token);
    }
    Answer remove(const QString &path, const QString &token = {})
    {
        return m_http->send("DELETE", path, {}, Http::bearer(token.isEmpty() ? m_admin : token));
    }
    // Everything stored, as the API shows it.
    QByteArray everything()
    {
        // The data only: the envelope's request_id and timestamp change.
        return QJsonDocument(m_http->get(kPools + QStringLiteral("?size=100"), m_admin).data())
                   .toJson(QJsonDocument::Compact) +
               QJsonDocument(
                   m_http->get(kAllocations + QStringLiteral("?size=100"), m_admin).data())
                   .toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(startServer({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")})
                     .isEmpty(),
                 "server did not start");
    }

    void hugePoolsAreCountedExactly()
    {
        // 2000::/3 (all global unicast) of /128s: 2^125 prefixes, beyond any
        // JSON number. (::/0 itself is refused: it overlaps the special-use
        // ranges, see invalidPoolsAreRefused.)
        const Answer all = createPool({{"name", "everything"},
                                       {"prefix", "2000::/3"},
                                       {"prefix_length", 128},
                                       {"reserved_prefixes", 5}});
        QVERIFY2(all.status == 201, all.raw.constData());
        QVERIFY(all.data().value("total_prefixes").isNull());
        QCOMPARE(all.data().value("total_prefixes_exact").toString(),
                 QStringLiteral("42535295865117307932921825928971026432"));
        QVERIFY(all.data().value("available_prefixes").isNull());
        QCOMPARE(all.data().value("available_prefixes_exact").toString(),
                 QStringLiteral("42535295865117307932921825928971026427"));
        // The lowest after the five reserved ones.
        const Answer one = allocate({{"pool_id", double(idOf(all))}, {"client_name", "c"}});
        QVERIFY2(one.status == 201, one.raw.constData());
        QCOMPARE(one.data().value("allocated_prefix").toString(), QStringLiteral("2000::5/128"));
        const Answer after = m_http->get(v6Path(kPools, idOf(all)), m_admin);
        QCOMPARE(after.data().value("allocated_prefixes").toInt(), 1);
        QCOMPARE(after.data().value("available_prefixes_exact").toString(),
                 QStringLiteral("42535295865117307932921825928971026426"));
        // It overlaps everything: gone again (forced, it holds an allocation).
        QCOMPARE(remove(v6Path(kPools, idOf(all))).status, 409);
        QCOMPARE(remove(v6Path(kPools, idOf(all), "?force=true")).status, 200);
        QCOMPARE(m_http->get(v6Path(kAllocations, idOf(one)), m_admin).status, 404);

        // A /32 of /64s: 2^32, still a JSON number.
        const Answer big =
            createPool({{"name", "big"}, {"prefix", "2001:db9::/32"}, {"prefix_length", 64}});
        QVERIFY2(big.status == 201, big.raw.constData());
        QCOMPARE(big.data().value("total_prefixes").toDouble(), 4294967296.0);
        QCOMPARE(big.data().value("total_prefixes_exact").toString(), QStringLiteral("4294967296"));
        QCOMPARE(big.data().value("available_prefixes").toDouble(), 4294967296.0);
        QCOMPARE(big.data().value("available_prefixes_exact").toString(),
                 QStringLiteral("4294967296"));
        QCOMPARE(remove(v6Path(kPools, idOf(big))).status, 200);
    }

    void administratorsCreateListChangeAndDeletePools()
    {
        const Answer created = createPool({{"name", "pool1"},
                                           {"prefix", "2001:db8::/48"},
                                           {"prefix_length", 64},
                                           {"description", "主要IPv6前缀池"},
                                           {"auto_assign", true},
                                           {"reserved_prefixes", 100}});
        QVERIFY2(created.status == 201, created.raw.constData());
        m_poolId = idOf(created);
        const QJsonObject pool = created.data();
        QCOMPARE(pool.value("prefix").toString(), QStringLiteral("2001:db8::/48"));
        QCOMPARE(pool.value("prefix_length").toInt(), 64);
        QCOMPARE(pool.value("total_prefixes").toInt(), 65536);
        QCOMPARE(pool.value("allocated_prefixes").toInt(), 0);
        QCOMPARE(pool.value("available_prefixes").toInt(), 65436);
        QCOMPARE(pool.value("total_prefixes_exact").toString(), QStringLiteral("65536"));
        QCOMPARE(pool.value("status").toString(), QStringLiteral("active"));
        QCOMPARE(pool.value("description").toString(), QStringLiteral("主要IPv6前缀池"));
        QVERIFY(pool.value("allocations").toArray().isEmpty());
        QVERIFY(!pool.value("created_at").toString().isEmpty());

        // A prefix written with its zeros spelled out is stored canonical.
        const Answer spelled = createPool(
            {{"name", "spelled"}, {"prefix", "2001:0db8:0002:0000::/48"}, {"prefix_length", 56}});
        QVERIFY2(spelled.status == 201, spelled.raw.constData());
        QCOMPARE(spelled.data().value("prefix").toString(), QStringLiteral("2001:db8:2::/48"));

        const Answer list = m_http->get(kPools + QStringLiteral("?page=1&size=20"), m_admin);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.data().value("pools").toArray().size(), 2);
        QCOMPARE(list.data().value("pagination").toObject().value("total").toInt(), 2);
        QCOMPARE(m_http->get(kPools + QStringLiteral("?search=pool1"), m_admin)
                     .data()
                     .value("pools")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(m_http->get(kPools + QStringLiteral("?search=db8:2"), m_admin)
                     .data()
                     .value("pools")
                     .toArray()
                     .size(),
                 1);

        const Answer got = m_http->get(v6Path(kPools, m_poolId), m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("name").toString(), QStringLiteral("pool1"));
        QCOMPARE(m_http->get(v6Path(kPools, 999999), m_admin).status, 404);

        const Answer disabled =
            m_http->json("PUT", v6Path(kPools, m_poolId),
                         {{"status", "disabled"}, {"description", "Main pool"}}, m_admin);
        QVERIFY2(disabled.status == 200, disabled.raw.constData());
        QCOMPARE(disabled.data().value("status").toString(), QStringLiteral("disabled"));
        QCOMPARE(disabled.data().value("description").toString(), QStringLiteral("Main pool"));
        QCOMPARE(m_http->get(kPools + QStringLiteral("?status=disabled"), m_admin)
                     .data()
                     .value("pools")
                     .toArray()
                     .size(),
                 1);
        // A disabled pool hands nothing out.
        const Answer refused = allocate({{"pool_id", double(m_poolId)}, {"client_name", "x"}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.details().value("reason").toString(), QStringLiteral("pool_disabled"));
        QCOMPARE(m_http->json("PUT", v6Path(kPools, m_poolId), {{"status", "active"}}, m_admin)
                     .data()
                     .value("status")
                     .toString(),
                 QStringLiteral("active"));

        // No allocations yet: the prefix may still change.
        const Answer moved =
            m_http->json("PUT", v6Path(kPools, idOf(spelled)),
                         {{"prefix", "2001:db8:3::/48"}, {"prefix_length", 64}}, m_admin);
        QVERIFY2(moved.status == 200, moved.raw.constData());
        QCOMPARE(moved.data().value("prefix").toString(), QStringLiteral("2001:db8:3::/48"));
        QCOMPARE(remove(v6Path(kPools, idOf(spelled))).status, 200);
        QCOMPARE(m_http->get(v6Path(kPools, idOf(spelled)), m_admin).status, 404);
        QCOMPARE(remove(v6Path(kPools, idOf(spelled))).status, 404);
    }

    void overlappingPoolsAreConflicts()
    {
        const QByteArray before = everything();
        for (const QString &prefix :
             {QStringLiteral("2001:db8::/32"), QStringLiteral("2001:db8:0:1::/64"),
              QStringLiteral("2001:db8::/48"), QStringLiteral("2000::/3")}) {
            const Answer overlap =
                createPool({{"name", "other"}, {"prefix", prefix}, {"prefix_length", 64}});
            QVERIFY2(overlap.status == 409, qPrintable(prefix + QString::fromUtf8(overlap.raw)));
            QCOMPARE(overlap.details().value("field").toString(), QStringLiteral("prefix"));
            QVERIFY(overlap.raw.contains("pool1"));
        }
        const Answer sameName =
            createPool({{"name", "pool1"}, {"prefix", "2001:db8:9::/48"}, {"prefix_length", 64}});
        QCOMPARE(sameName.status, 409);
        QCOMPARE(sameName.details().value("field").toString(), QStringLiteral("name"));
        // Moving another pool onto it is refused too.
        const Answer other =
            createPool({{"name", "other"}, {"prefix", "2001:db8:10::/48"}, {"prefix_length", 64}});
        QCOMPARE(other.status, 201);
        const QByteArray withOther = everything();
        const Answer moved = m_http->json("PUT", v6Path(kPools, idOf(other)),
                                          {{"prefix", "2001:db8::/47"}}, m_admin);
        QCOMPARE(moved.status, 409);
        QCOMPARE(everything(), withOther);
        QCOMPARE(remove(v6Path(kPools, idOf(other))).status, 200);
        QCOMPARE(everything(), before);
    }

    void invalidPoolsAreRefused()
    {
        const QByteArray before = everything();
        const QList<std::tuple<QJsonObject, QString, QString>> cases{
            {{{"prefix", "10.0.0.0/8"}}, "prefix", ""},
            {{{"prefix", "::ffff:10.0.0.0/104"}}, "prefix", ""},
            {{{"prefix", "2001:db8:5::1/48"}}, "prefix", "misaligned"},
            // Special-use ranges: nothing in them can be delegated.
            {{{"prefix", "::/0"}, {"prefix_length", 64}}, "prefix", "special_use"},
            {{{"prefix", "fe80::/10"}, {"prefix_length", 64}}, "prefix", "special_use"},
            {{{"prefix", "ff00::/8"}, {"prefix_length", 64}}, "prefix", "special_use"},
            {{{"prefix", "2001:db8:5::"}}, "prefix", ""},
            {{{"prefix", "nonsense"}}, "prefix", ""},
            {{{"prefix", 42}}, "prefix", ""},
            {{{"prefix_length", 40}}, "prefix_length", ""},
            {{{"prefix_length", 129}}, "prefix_length", ""},
            {{{"prefix_length", 64.5}}, "prefix_length", ""},
            {{{"prefix_length", 50}, {"reserved_prefixes", 4}}, "reserved_prefixes", ""},
            {{{"reserved_prefixes", -1}}, "reserved_prefixes", ""},
            {{{"name", ""}}, "name", ""},
            {{{"name", "x\n[Peer]"}}, "name", ""},
            {{{"status", "paused"}}, "status", ""},
            {{{"auto_assign", "yes"}}, "auto_assign", ""},
        };
        for (const auto &[override, field, reason] : cases) {
            QJsonObject body{{"name", "bad"}, {"prefix", "2001:db8:5::/48"}, {"prefix_length", 64}};
            for (auto it = override.begin(); it != override.end(); ++it)
                body.insert(it.key(), it.value());
            const Answer refused = createPool(body);
            QVERIFY2(refused.status == 422, qPrintable(field + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.code(), QStringLiteral("VALIDATION_ERROR"));
            QCOMPARE(refused.details().value("field").toString(), field);
            if (!reason.isEmpty())
                QCOMPARE(refused.details().value("reason").toString(), reason);
        }
        for (const QString &missing : QStringList{"name", "prefix", "prefix_length"}) {
            QJsonObject body{{"name", "bad"}, {"prefix", "2001:db8:5::/48"}, {"prefix_length", 64}};
            body.remove(missing);
            const Answer refused = createPool(body);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.details().value("field").toString(), missing);
        }
        const Answer badPut =
            m_http->json("PUT", v6Path(kPools, m_poolId), {{"reserved_prefixes", 65536}}, m_admin);
        QCOMPARE(badPut.status, 422);
        QCOMPARE(everything(), before);
    }

    void allocationsAreLowestFirstAfterTheReservedOnes()
    {
        const Answer pool = createPool({{"name", "alloc"},
                                        {"prefix", "2001:db8:100::/56"},
                                        {"prefix_length", 64},
                                        {"reserved_prefixes", 2}});
        QVERIFY2(pool.status == 201, pool.raw.constData());
        m_allocPool = idOf(pool);
        const Answer first = allocate({{"pool_id", double(m_allocPool)},
                                       {"client_name", "client1"},
                                       {"description", "客户端1的IPv6前缀"},
                                       {"auto_assign", true},
                                       {"custom_prefix", QJsonValue::Null}});
        QVERIFY2(first.status == 201, first.raw.constData());
        m_firstAllocation = idOf(first);
        QCOMPARE(first.data().value("pool_id").toInt(), int(m_allocPool));
        QCOMPARE(first.data().value("client_name").toString(), QStringLiteral("client1"));
        QCOMPARE(first.data().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:2::/64"));
        QCOMPARE(first.data().value("status").toString(), QStringLiteral("active"));
        QVERIFY(first.data().value("expires_at").isNull());
        QCOMPARE(first.data().value("description").toString(), QStringLiteral("客户端1的IPv6前缀"));
        QVERIFY(!first.data().value("allocated_at").toString().isEmpty());
        const Answer second = allocate({{"pool_id", double(m_allocPool)},
                                        {"client_name", "client2"},
                                        {"expires_at", "2099-01-01T00:00:00Z"}});
        QCOMPARE(second.status, 201);
        QCOMPARE(second.data().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:3::/64"));
        QVERIFY(!second.data().value("expires_at").isNull());

        const Answer got = m_http->get(v6Path(kAllocations, m_firstAllocation), m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:2::/64"));
        const Answer listed = m_http->get(
            kAllocations + QStringLiteral("?pool_id=") + QString::number(m_allocPool), m_admin);
        QCOMPARE(listed.data().value("allocations").toArray().size(), 2);
        QCOMPARE(m_http->get(kAllocations + QStringLiteral("?search=client2"), m_admin)
                     .data()
                     .value("allocations")
                     .toArray()
                     .size(),
                 1);
        const Answer counted = m_http->get(v6Path(kPools, m_allocPool), m_admin);
        QCOMPARE(counted.data().value("allocated_prefixes").toInt(), 2);
        QCOMPARE(counted.data().value("available_prefixes").toInt(), 252);
        const QJsonArray recent = counted.data().value("allocations").toArray();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.at(0).toObject().value("client_name").toString(),
                 QStringLiteral("client2")); // newest first
        QCOMPARE(recent.at(1).toObject().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:2::/64"));
    }

    void customPrefixesAreChecked()
    {
        const QByteArray before = everything();
        const QList<std::tuple<QString, int, QString>> cases{
            {"2001:db8:200::/64", 422, "outside_pool"},
            {"2001:db8:100:10::/60", 422, "wrong_length"},
            {"2001:db8:100:10::1/64", 422, "misaligned"},
            {"2001:db8:100:1::/64", 422, "reserved"},
            {"2001:db8:100:2::/64", 409, "overlapping"},
            {"10.0.0.0/24", 422, "outside_pool"},
        };
        for (const auto &[prefix, status, reason] : cases) {
            const Answer refused = allocate({{"pool_id", double(m_allocPool)},
                                             {"client_name", "x"},
                                             {"custom_prefix", prefix}});
            QVERIFY2(refused.status == status, qPrintable(prefix + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.details().value("field").toString(), QStringLiteral("custom_prefix"));
            QCOMPARE(refused.details().value("reason").toString(), reason);
        }
        const QList<std::pair<QJsonObject, QString>> others{
            {{{"custom_prefix", "garbage"}}, "custom_prefix"},
            {{{"auto_assign", false}}, "custom_prefix"},
            {{{"client_name", QJsonValue::Null}}, "client_name"},
            {{{"client_name", "a\nb"}}, "client_name"},
            {{{"pool_id", 999999}}, "pool_id"},
            {{{"pool_id", QJsonValue::Null}}, "pool_id"},
            {{{"client_id", 999999}}, "client_id"},
            {{{"expires_at", "yesterday"}}, "expires_at"},
            {{{"expires_at", "2001-01-01T00:00:00Z"}}, "expires_at"},
        };
        for (const auto &[override, field] : others) {
            QJsonObject body{{"pool_id", double(m_allocPool)}, {"client_name", "x"}};
            for (auto it = override.begin(); it != override.end(); ++it) {
                if (it.value().isNull())
                    body.remove(it.key());
                else
                    body.insert(it.key(), it.value());
            }
            const Answer refused = allocate(body);
            QVERIFY2(refused.status == 422, qPrintable(field + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        QCOMPARE(everything(), before);

        const Answer chosen = allocate({{"pool_id", double(m_allocPool)},
                                        {"client_name", "chosen"},
                                        {"auto_assign", false},
                                        {"custom_prefix", "2001:db8:100:80::/64"}});
        QVERIFY2(chosen.status == 201, chosen.raw.constData());
        QCOMPARE(chosen.data().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:80::/64"));
    }

    void exhaustedPoolsRefuse()
    {
        const Answer pool = createPool({{"name", "tiny"},
                                        {"prefix", "2001:db8:300::/62"},
                                        {"prefix_length", 64},
                                        {"reserved_prefixes", 1}});
        QCOMPARE(pool.status, 201);
        QSet<QString> seen;
        for (int i = 0; i < 3; ++i) {
            const Answer made = allocate({{"pool_id", double(idOf(pool))}, {"client_name", "t"}});
            QCOMPARE(made.status, 201);
            seen.insert(made.data().value("allocated_prefix").toString());
        }
        QCOMPARE(seen, (QSet<QString>{"2001:db8:300:1::/64", "2001:db8:300:2::/64",
                                      "2001:db8:300:3::/64"}));
        const QByteArray before = everything();
        const Answer full = allocate({{"pool_id", double(idOf(pool))}, {"client_name", "t"}});
        QCOMPARE(full.status, 409);
        QCOMPARE(full.details().value("reason").toString(), QStringLiteral("exhausted"));
        QCOMPARE(everything(), before);
        const Answer counted = m_http->get(v6Path(kPools, idOf(pool)), m_admin);
        QCOMPARE(counted.data().value("available_prefixes").toInt(), 0);
        QCOMPARE(counted.data().value("available_prefixes_exact").toString(), QStringLiteral("0"));
    }

    void releasedPrefixesAreReused()
    {
        QCOMPARE(remove(v6Path(kAllocations, m_firstAllocation)).status, 200);
        QCOMPARE(m_http->get(v6Path(kAllocations, m_firstAllocation), m_admin).status, 404);
        QCOMPARE(remove(v6Path(kAllocations, m_firstAllocation)).status, 404);
        const Answer again = allocate({{"pool_id", double(m_allocPool)}, {"client_name", "again"}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.data().value("allocated_prefix").toString(),
                 QStringLiteral("2001:db8:100:2::/64"));
        m_firstAllocation = idOf(again);
    }

    void poolsWithAllocationsKeepTheirShape()
    {
        const QByteArray before = everything();
        const QList<std::pair<QJsonObject, QString>> cases{
            {{{"prefix", "2001:db8:100::/48"}}, "prefix"},
            {{{"prefix_length", 60}}, "prefix_length"},
            {{{"reserved_prefixes", 3}}, "reserved_prefixes"}, // 2001:db8:100:2::/64 is index 2
        };
        for (const auto &[body, field] : cases) {
            const Answer refused = m_http->json("PUT", v6Path(kPools, m_allocPool), body, m_admin);
            QVERIFY2(refused.status == 409, qPrintable(field + QString::fromUtf8(refused.raw)));
            QCOMPARE(refused.details().value("field").toString(), field);
        }
        QCOMPARE(everything(), before);
        // The same prefix, fewer reserved ones, a new name: fine.
        const Answer changed = m_http->json(
            "PUT", v6Path(kPools, m_allocPool),
            {{"prefix", "2001:db8:100::/56"}, {"reserved_prefixes", 1}, {"name", "a2"}}, m_admin);
        QVERIFY2(changed.status == 200, changed.raw.constData());
        QCOMPARE(changed.data().value("reserved_prefixes").toInt(), 1);
        QCOMPARE(changed.data().value("name").toString(), QStringLiteral("a2"));
    }

    void fiftyParallelAllocationsGetDistinctPrefixes()
    {
        const Answer pool =
            createPool({{"name", "bulk"}, {"prefix", "2001:db8:400::/56"}, {"prefix_length", 64}});
        QCOMPARE(pool.status, 201);
        QList<QByteArray> bodies;
        for (int i = 0; i < 50; ++i)
            bodies << QJsonDocument(QJsonObject{{"pool_id", double(idOf(pool))},
                                                {"client_name", QStringLiteral("bulk-%1").arg(i)}})
                          .toJson(QJsonDocument::Compact);
        const QList<Answer> answers = m_http->sendAtOnce("POST", kAllocations, bodies, m_admin);
        QSet<QString> prefixes;
        for (const Answer &answer : answers) {
            QVERIFY2(answer.status == 201, answer.raw.constData());
            prefixes.insert(answer.data().value("allocated_prefix").toString());
        }
        QCOMPARE(prefixes.size(), 50);
        const Answer counted = m_http->get(v6Path(kPools, idOf(pool)), m_admin);
        QCOMPARE(counted.data().value("allocated_prefixes").toInt(), 50);
        QCOMPARE(counted.data().value("allocations").toArray().size(), 20); // the newest 20
    }

    void deletingAPoolWithAllocationsNeedsForce()
    {
        const QByteArray before = everything();
        const Answer refused = remove(v6Path(kPools, m_allocPool));
        QCOMPARE(refused.status, 409);
        QCOMPARE(remove(v6Path(kPools, m_allocPool, "?force=maybe")).status, 422);
        QCOMPARE(everything(), before);
        QCOMPARE(remove(v6Path(kPools, m_allocPool, "?force=true")).status, 200);
        QCOMPARE(m_http->get(v6Path(kAllocations, m_firstAllocation), m_admin).status, 404);
        QCOMPARE(
            m_http
                ->get(kAllocations + QStringLiteral("?pool_id=") + QString::number(m_allocPool),
                      m_admin)
                .data()
                .value("pagination")
                .toObject()
                .value("total")
                .toInt(),
            0);
    }

    void viewersReadButCannotWrite()
    {
        const ApiUser viewer =
            createApiUser(*m_http, m_admin, "v6viewer", "Vi3wer!Secret", "viewer");
        QVERIFY(!viewer.token.isEmpty());
        const ApiUser user = createApiUser(*m_http, m_admin, "v6user", "Us3r!Secret1", "user");
        QVERIFY(!user.token.isEmpty());
        const Answer anyAllocation =
            allocate({{"pool_id", double(m_poolId)}, {"client_name", "r"}});
        QCOMPARE(anyAllocation.status, 201);
        const QByteArray before = everything();
        for (const QString &token : {viewer.token, user.token}) {
            QCOMPARE(m_http->get(kPools, token).status, 200);
            QCOMPARE(m_http->get(v6Path(kPools, m_poolId), token).status, 200);
            QCOMPARE(m_http->get(kAllocations, token).status, 200);
            QCOMPARE(m_http->get(v6Path(kAllocations, idOf(anyAllocation)), token).status, 200);
            const QList<Answer> writes{
                createPool(
                    {{"name", "sneaky"}, {"prefix", "2001:db8:777::/48"}, {"prefix_length", 64}},
                    token),
                m_http->json("PUT", v6Path(kPools, m_poolId), {{"name", "mine"}}, token),
                remove(v6Path(kPools, m_poolId, "?force=true"), token),
                allocate({{"pool_id", double(m_poolId)}, {"client_name", "sneaky"}}, token),
                remove(v6Path(kAllocations, idOf(anyAllocation)), token)};
            for (const Answer &write : writes) {
                QCOMPARE(write.status, 403);
                QCOMPARE(write.code(), QStringLiteral("INSUFFICIENT_PERMISSIONS"));
            }
        }
        QCOMPARE(everything(), before);
    }

    void wireGuardClientsGetTheirPrefixes()
    {
        const Answer server = m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                           {{"name", "Office"},
                                            {"interface", "wg6"},
                                            {"listen_port", 51830},
                                            {"ipv4_address", "10.8.0.1/24"},
                                            {"ipv6_address", "fd00:8::1/64"}},
                                           m_admin);
        QVERIFY2(server.status == 201, server.raw.constData());
        const qint64 serverId = idOf(server);
        const Answer client =
            m_http->json("POST", QStringLiteral("/api/v1/wireguard/clients"),
                         {{"server_id", double(serverId)}, {"name", "router"}}, m_admin);
        QVERIFY2(client.status == 201, client.raw.constData());
        const qint64 clientId = idOf(client);
        const Answer started =
            m_http->send("POST", QStringLiteral("/api/v1/wireguard/servers/%1/start").arg(serverId),
                         {}, Http::bearer(m_admin));
        QVERIFY2(started.status == 200, started.raw.constData());
        const QString path = m_dir.filePath(QStringLiteral("wireguard/wg6.conf"));
        const auto fileHolds = [&path](const QString &text) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) &&
                   QString::fromUtf8(file.readAll()).contains(text);
        };
        QTRY_VERIFY_WITH_TIMEOUT(fileHolds(client.data().value("public_key").toString()), 10000);

        const Answer delegated = allocate({{"pool_id", double(m_poolId)},
                                           {"client_id", double(clientId)},
                                           {"client_name", "ignored"}});
        QVERIFY2(delegated.status == 201, delegated.raw.constData());
        QCOMPARE(delegated.data().value("client_name").toString(), QStringLiteral("router"));
        QCOMPARE(delegated.data().value("client_id").toInt(), int(clientId));
        const QString prefix = delegated.data().value("allocated_prefix").toString();
        QTRY_VERIFY_WITH_TIMEOUT(fileHolds(prefix), 10000);
        QCOMPARE(m_http
                     ->get(kAllocations + QStringLiteral("?client_id=") + QString::number(clientId),
                           m_admin)
                     .data()
                     .value("allocations")
                     .toArray()
                     .size(),
                 1);
        // Released: out of the peer again.
        QCOMPARE(remove(v6Path(kAllocations, idOf(delegated))).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!fileHolds(prefix), 10000);

        // The client deleted: its allocation stays (client_id null, the name
        // kept) until it is released.
        const Answer kept =
            allocate({{"pool_id", double(m_poolId)}, {"client_id", double(clientId)}});
        QCOMPARE(kept.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(fileHolds(kept.data().value("allocated_prefix").toString()),
                                 10000);
        QCOMPARE(remove(QStringLiteral("/api/v1/wireguard/clients/%1").arg(clientId)).status, 200);
        const Answer orphan = m_http->get(v6Path(kAllocations, idOf(kept)), m_admin);
        QCOMPARE(orphan.status, 200);
        QVERIFY(orphan.data().value("client_id").isNull());
        QCOMPARE(orphan.data().value("client_name").toString(), QStringLiteral("router"));
        QTRY_VERIFY_WITH_TIMEOUT(!fileHolds(kept.data().value("allocated_prefix").toString()),
                                 10000);
        QCOMPARE(remove(v6Path(kAllocations, idOf(kept))).status, 200);
    }

    // A delegated prefix covering a WireGuard server's own tunnel subnet
    // would route every other client's address to one client: the
    // automatic choice passes over it, and asking for it is a conflict.
    void prefixesInATunnelSubnetAreNotDelegated()
    {
        const Answer server = m_http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                           {{"name", "Tunnel"},
                                            {"interface", "wgt"},
                                            {"listen_port", 51835},
                                            {"ipv6_address", "fd42:42:0:1::1/64"}},
                                           m_admin);
        QVERIFY2(server.status == 201, server.raw.constData());
        const Answer pool =
            createPool({{"name", "site"}, {"prefix", "fd42:42::/48"}, {"prefix_length", 64}});
        QVERIFY2(pool.status == 201, pool.raw.constData());
        const QByteArray before = everything();
        const Answer custom = allocate({{"pool_id", double(idOf(pool))},
                                        {"client_name", "alice"},
                                        {"custom_prefix", "fd42:42:0:1::/64"}});
        QCOMPARE(custom.status, 409);
        QCOMPARE(custom.details().value("reason").toString(), QStringLiteral("tunnel_subnet"));
        QCOMPARE(custom.details().value("field").toString(), QStringLiteral("custom_prefix"));
        QCOMPARE(everything(), before); // nothing stored
        const Answer first = allocate({{"pool_id", double(idOf(pool))}, {"client_name", "a"}});
        const Answer second = allocate({{"pool_id", double(idOf(pool))}, {"client_name", "b"}});
        QVERIFY2(first.status == 201 && second.status == 201, second.raw.constData());
        QCOMPARE(first.data().value("allocated_prefix").toString(), QStringLiteral("fd42:42::/64"));
        QCOMPARE(second.data().value("allocated_prefix").toString(),
                 QStringLiteral("fd42:42:0:2::/64"));
        QCOMPARE(remove(v6Path(kPools, idOf(pool), "?force=true")).status, 200);
        QCOMPARE(m_http
                     ->send("DELETE",
                            QStringLiteral("/api/v1/wireguard/servers/%1").arg(idOf(server)), {},
                            Http::bearer(m_admin))
                     .status,
                 200);
    }

    void everyChangeIsAudited()
    {
        const Answer audit = m_http->get(QStringLiteral("/api/v1/audit?size=100"), m_admin);
        QCOMPARE(audit.status, 200);
        for (const char *action : {"IPV6_POOL_CREATED", "IPV6_POOL_UPDATED", "IPV6_POOL_DELETED",
                                   "IPV6_PREFIX_ALLOCATED", "IPV6_PREFIX_RELEASED"})
            QVERIFY2(audit.raw.contains(action), action);
    }
};

QTEST_GUILESS_MAIN(TestIpv6PoolsApi)
#include "TestIpv6PoolsApi.moc"
