// WireGuard traffic kept exact, in tiers (issue 36 point 5): WgTrafficBook
// called directly on a real SQLCipher store with a simulated clock. Samples
// as `wg show dump` would give them — counters that start again when the
// interface is made anew or a peer is removed — add up to exactly what the
// test sent; the minutes become 1-minute buckets, rolled up into 15-minute
// and 1-hour ones whose sums match; each tier goes when its retention ends
// and not before the coarser one has it; a book opened again on the same
// file (a server killed and restarted) takes up where the last commit left
// off; endpoints are remembered; a deleted client's sample changes nothing.

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/repositories/WgTrafficRepository.h"
#include "server/repositories/WireGuardRepository.h"
#include "server/services/vpn/WgTrafficBook.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::server::repositories;
using hm::server::vpn::WgTrafficBook;
using hm::server::vpn::WgTrafficSample;

namespace {

// 2027-01-15T08:00:00Z: a whole hour.
constexpr qint64 kTbStartMs = 1'800'000'000'000;
constexpr qint64 kTbMinuteMs = 60'000;
constexpr qint64 kTbHourMs = 60 * kTbMinuteMs;
constexpr qint64 kTbDayMs = 24 * kTbHourMs;

// One interface as the test drives it: its instance, its peers' counters.
struct FakeInterface
{
    int ifindex = 5;
    QHash<QString, std::pair<qint64, qint64>> counters; // public key -> rx, tx
    QHash<QString, QString> endpoints;

    QString instance() const { return QStringLiteral("boot/ns/") + QString::number(ifindex); }
    WgTrafficSample sample() const
    {
        WgTrafficSample s;
        s.taken = true;
        s.exists = true;
        s.instance = instance();
        for (auto it = counters.cbegin(); it != counters.cend(); ++it)
            s.peers.append(
                {it.key(), it.value().first, it.value().second, endpoints.value(it.key())});
        return s;
    }
    void restart()
    {
        ++ifindex;
        for (auto &c : counters)
            c = {0, 0};
    }
};

} // namespace

class TestWgTrafficBook : public QObject
{
    Q_OBJECT

private:
    hm::test::ServiceStore m_store;
    qint64 m_now = kTbStartMs;
    qint64 m_serverId = 0;
    qint64 m_otherServerId = 0;
    QList<qint64> m_clients;
    QStringList m_keys;

    std::unique_ptr<WgTrafficBook> openBook()
    {
        auto book = std::make_unique<WgTrafficBook>(*m_store.db);
        book->setClock([this] { return m_now; });
        if (Status s = book->load(); !s)
            qWarning("%s", qPrintable(s.error().toString()));
        return book;
    }

    // `host`: the address's last number; -1: the next after m_clients'.
    qint64 addClient(qint64 serverId, const QString &name, const QString &key, int host = -1)
    {
        WgClientRow row;
        row.serverId = serverId;
        row.name = name;
        row.addressFamily = QStringLiteral("ipv4");
        row.ipv4Address = QStringLiteral("10.9.0.%1").arg(host >= 0 ? host : m_clients.size() + 2);
        row.publicKey = key;
        row.sealedPrivateKey = QStringLiteral("sealed");
        row.createdAt = row.updatedAt = m_now;
        auto id = insertWgClient(*m_store.db, row);
        return id ? id.value() : 0;
    }

    qint64 addServer(const QString &interfaceName, int port)
    {
        WgServerRow row;
        row.name = interfaceName;
        row.interfaceName = interfaceName;
        row.listenPort = port;
        row.ipv4Address = QStringLiteral("10.9.0.1/24");
        row.publicKey = QStringLiteral("server-key-") + interfaceName;
        row.sealedPrivateKey = QStringLiteral("sealed");
        row.createdAt = row.updatedAt = m_now;
        auto id = insertWgServer(*m_store.db, row);
        return id ? id.value() : 0;
    }

    static QString key(int i) { return QStringLiteral("peer-key-%1=").arg(i); }

    // The sums over a history answer's items.
    static std::pair<qint64, qint64> itemSums(const QJsonObject &answer)
    {
        qint64 rx = 0;
        qint64 tx = 0;
        for (const QJsonValue &item : answer.value(QStringLiteral("items")).toArray()) {
            rx += qint64(item[QStringLiteral("rx_bytes")].toDouble());
            tx += qint64(item[QStringLiteral("tx_bytes")].toDouble());
        }
        return {rx, tx};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        m_serverId = addServer(QStringLiteral("wgt0"), 51900);
        m_otherServerId = addServer(QStringLiteral("wgt1"), 51901);
        QVERIFY(m_serverId > 0 && m_otherServerId > 0);
        for (int i = 0; i < 3; ++i) {
            m_keys << key(i);
            m_clients << addClient(m_serverId, QStringLiteral("c%1").arg(i), key(i));
            QVERIFY(m_clients.last() > 0);
        }
    }

    // A maintenance pass that finds nothing to roll up or delete (no
    // WireGuard traffic at all) takes no write lock: it runs while another
    // connection holds the lock, where a BEGIN IMMEDIATE would wait and
    // fail (the server's thread waited behind the writer's batches).
    void aPassWithNothingToDoTakesNoWriteLock()
    {
        hm::test::ServiceStore empty;
        const QString opened = empty.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto other =
            store::Database::open(empty.path(), crypto::SecureBytes::fromRaw(empty.rawKey));
        QVERIFY(other);
        auto held = other.value()->begin();
        QVERIFY(held);
        empty.db->setBusyTimeout(50);
        // The lock is held: a write transaction here cannot begin.
        QVERIFY(!empty.db->begin());
        WgTrafficBook book(*empty.db);
        book.setClock([this] { return m_now; });
        QVERIFY(book.load());
        QVERIFY(book.maintain());
        QVERIFY(held.value().commit());
        empty.db->setBusyTimeout(store::Database::kBusyTimeoutMs);
    }

    // Restarts, a disable and enable, a kill and restart of the server: the
    // totals equal the bytes sent, none lost or counted twice.
    void totalsStayExactThroughResets()
    {
        auto book = openBook();
        FakeInterface wg;
        qint64 sentRx = 0;
        qint64 sentTx = 0;
        const QString k = m_keys[0];
        const auto carry = [&](qint64 rx, qint64 tx) {
            wg.counters[k].first += rx;
            wg.counters[k].second += tx;
            sentRx += rx;
            sentTx += tx;
        };
        // `beforeChange`: the sample the server takes just before it
        // restarts the interface or removes a peer.
        const auto account = [&](bool beforeChange = false) {
            WgTrafficSample sample = wg.sample();
            sample.beforeChange = beforeChange;
            const Status s = book->account(m_serverId, sample);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        };
        wg.counters[k] = {0, 0};
        carry(1000, 500);
        account();
        carry(300, 20);
        m_now += 5000;
        account();
        // Interface restart, sampled before it went down.
        carry(77, 7);
        account(true);
        wg.restart();
        carry(5000, 4000); // more than before: no "went down" to guess from
        m_now += 5000;
        account();
        // Disabled: sampled before removal, then absent, then back from 0.
        carry(11, 12);
        account(true);
        wg.counters.remove(k);
        account();
        QCOMPARE(book->totals(m_clients[0]), std::make_pair(sentRx, sentTx));
        wg.counters[k] = {0, 0};
        carry(900, 800);
        m_now += 5000;
        account();
        // Busy samples in between are not all stored at once (each client's
        // row at most once a minute at its phase): the server killed now
        // loses what memory had, the interface runs on and carries more,
        // and a new book on the same file takes up from the stored row.
        for (int i = 0; i < 5; ++i) {
            carry(50, 60);
            m_now += 5000;
            account();
        }
        carry(123, 456);
        book = openBook();
        m_now += 5000;
        account();
        QCOMPARE(book->totals(m_clients[0]), std::make_pair(sentRx, sentTx));
        // The interface gone altogether (stopped): absent, then a new one.
        account(true);
        WgTrafficSample gone;
        gone.taken = true;
        gone.beforeChange = true;
        QVERIFY(book->account(m_serverId, gone).ok());
        wg.restart();
        carry(42, 24);
        account();
        QCOMPARE(book->totals(m_clients[0]), std::make_pair(sentRx, sentTx));

        // What the history shows adds up to the same.
        QVERIFY(book->maintain().ok());
        auto answer =
            book->history({m_clients[0], std::nullopt}, kTbStartMs - kTbHourMs, m_now, QString());
        QVERIFY(answer);
        QCOMPARE(answer.value().value("tier").toString(), QStringLiteral("1m"));
        QCOMPARE(answer.value().value("total_rx_bytes").toDouble(), double(sentRx));
        QCOMPARE(itemSums(answer.value()), std::make_pair(sentRx, sentTx));
        // An untaken sample (a tool failed) concludes nothing.
        QVERIFY(book->account(m_serverId, WgTrafficSample{}).ok());
        QCOMPARE(book->totals(m_clients[0]), std::make_pair(sentRx, sentTx));
    }

    // A change of one client (changingClients, what the server passes when
    // a client is edited, disabled or deleted) stores that client's
    // counters before it and nobody else's: the other peers stay in the
    // interface with their counters and keep their own cadence, so one
    // change among 10,000 busy clients writes one row. After a kill the
    // next sample still makes every total exact.
    void aClientsChangeStoresOnlyItsCounters()
    {
        // A server of its own: the other tests' sums stay theirs.
        const qint64 serverId = addServer(QStringLiteral("wgt2"), 51902);
        const qint64 changed = addClient(serverId, QStringLiteral("c-changed"), key(10), 100);
        const qint64 other = addClient(serverId, QStringLiteral("c-other"), key(11), 101);
        QVERIFY(serverId > 0 && changed > 0 && other > 0);
        auto book = openBook();
        FakeInterface wg;
        wg.counters[key(10)] = {0, 0};
        wg.counters[key(11)] = {0, 0};
        QVERIFY(book->account(serverId, wg.sample()).ok());
        // Both carry traffic; the same millisecond, so neither is due by
        // its cadence: only the change decides what is stored.
        wg.counters[key(10)] = {700, 70};
        wg.counters[key(11)] = {900, 90};
        WgTrafficSample before = wg.sample();
        before.beforeChange = true;
        before.changingClients = {changed};
        QVERIFY(book->account(serverId, before).ok());
        // What the store holds (a book opened again reads only that).
        book = openBook();
        QCOMPARE(book->totals(changed), std::make_pair(qint64(700), qint64(70)));
        QCOMPARE(book->totals(other), std::make_pair(qint64(0), qint64(0)));
        // The changed client's peer removed, the other's runs on: exact.
        wg.counters.remove(key(10));
        wg.counters[key(11)] = {950, 95};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(changed), std::make_pair(qint64(700), qint64(70)));
        QCOMPARE(book->totals(other), std::make_pair(qint64(950), qint64(95)));
        // The interface's own change (no clients named) stores everyone.
        wg.counters[key(11)] = {1000, 100};
        WgTrafficSample whole = wg.sample();
        whole.beforeChange = true;
        QVERIFY(book->account(serverId, whole).ok());
        book = openBook();
        QCOMPARE(book->totals(other), std::make_pair(qint64(1000), qint64(100)));
    }

    // A change's sample books the changing clients only, not even in
    // memory: the other peers' bytes wait for their next sample, which books
    // them once, exactly (a change of one client among 10,000 works on one).
    void aClientsChangeBooksOnlyItsPeer()
    {
        const qint64 serverId = addServer(QStringLiteral("wgt5"), 51905);
        const qint64 changed = addClient(serverId, QStringLiteral("c-booked"), key(20), 120);
        const qint64 other = addClient(serverId, QStringLiteral("c-later"), key(21), 121);
        const qint64 gone = addClient(serverId, QStringLiteral("c-gone"), key(22), 122);
        QVERIFY(serverId > 0 && changed > 0 && other > 0 && gone > 0);
        auto book = openBook();
        FakeInterface wg;
        wg.counters[key(20)] = {0, 0};
        wg.counters[key(21)] = {0, 0};
        wg.counters[key(22)] = {0, 0};
        QVERIFY(book->account(serverId, wg.sample()).ok());
        // The third peer leaves the interface outside any change; the change
        // of the first does not notice (not its client), the next sample does.
        wg.counters.remove(key(22));
        wg.counters[key(20)] = {300, 30};
        wg.counters[key(21)] = {500, 50};
        WgTrafficSample before = wg.sample();
        before.beforeChange = true;
        before.changingClients = {changed};
        QVERIFY(book->account(serverId, before).ok());
        QCOMPARE(book->totals(changed), std::make_pair(qint64(300), qint64(30)));
        QCOMPARE(book->totals(other), std::make_pair(qint64(0), qint64(0)));
        wg.counters.remove(key(20));
        wg.counters[key(21)] = {800, 80};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(changed), std::make_pair(qint64(300), qint64(30)));
        QCOMPARE(book->totals(other), std::make_pair(qint64(800), qint64(80)));
        // Back with counters from zero: the absence was seen, nothing lost.
        wg.counters[key(22)] = {40, 4};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(gone), std::make_pair(qint64(40), qint64(4)));
        // A change of a client whose peer is gone marks it absent at once.
        wg.counters.remove(key(21));
        WgTrafficSample removed = wg.sample();
        removed.beforeChange = true;
        removed.changingClients = {other};
        QVERIFY(book->account(serverId, removed).ok());
        wg.counters[key(21)] = {10, 1};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(other), std::make_pair(qint64(810), qint64(81)));
        // A change applied together with one stored meanwhile: the other
        // client's peer goes too (removedKeys), so its counters are booked
        // before it goes, and none of its bytes are lost.
        wg.counters[key(20)] = {0, 0};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        wg.counters[key(20)] = {60, 6};
        wg.counters[key(21)] = {30, 3};
        WgTrafficSample together = wg.sample();
        together.beforeChange = true;
        together.changingClients = {changed};
        together.removedKeys = {key(20), key(21)};
        QVERIFY(book->account(serverId, together).ok());
        QCOMPARE(book->totals(other), std::make_pair(qint64(830), qint64(83)));
        wg.counters.remove(key(20));
        wg.counters.remove(key(21));
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(changed), std::make_pair(qint64(360), qint64(36)));
        QCOMPARE(book->totals(other), std::make_pair(qint64(830), qint64(83)));
    }

    // The samples the WireGuard worker builds without reading the
    // interface: a parked peer's last counters before it is taken off
    // (lastOf), and a peer's absence before it is added again (absentBefore).
    void theWorkersOwnSamplesBookExactly()
    {
        const qint64 serverId = addServer(QStringLiteral("wgt6"), 51906);
        const qint64 parked = addClient(serverId, QStringLiteral("c-parked"), key(30), 130);
        const qint64 stays = addClient(serverId, QStringLiteral("c-stays"), key(31), 131);
        QVERIFY(serverId > 0 && parked > 0 && stays > 0);
        auto book = openBook();
        FakeInterface wg;
        wg.counters[key(30)] = {100, 10};
        wg.counters[key(31)] = {70, 7};
        QVERIFY(book->account(serverId, wg.sample()).ok());

        // Taken off: its last counters, and nobody else's, booked first.
        wg.counters[key(30)] = {150, 15};
        wg.counters[key(31)] = {90, 9};
        const WgTrafficSample last = WgTrafficSample::lastOf(wg.sample(), {{key(30), parked}});
        QCOMPARE(last.peers.size(), 1);
        QCOMPARE(last.peers.first().publicKey, key(30));
        QVERIFY(last.beforeChange && last.onlySome && last.removedKeys.contains(key(30)));
        QCOMPARE(last.instance, wg.instance());
        QVERIFY(book->account(serverId, last).ok());
        QCOMPARE(book->totals(parked), std::make_pair(qint64(150), qint64(15)));
        QCOMPARE(book->totals(stays), std::make_pair(qint64(70), qint64(7)));
        wg.counters.remove(key(30));
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(parked), std::make_pair(qint64(150), qint64(15)));
        QCOMPARE(book->totals(stays), std::make_pair(qint64(90), qint64(9)));

        // Back, then off and on again between two samples: the absence
        // booked before it was added makes its new counters (above the
        // old ones) count from zero, not on from 150.
        wg.counters[key(30)] = {0, 0};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        wg.counters[key(30)] = {50, 5};
        QVERIFY(book->account(serverId, WgTrafficSample::lastOf(wg.sample(), {{key(30), parked}}))
                    .ok());
        QVERIFY(book->account(serverId, WgTrafficSample::absentBefore({parked})).ok());
        wg.counters[key(30)] = {200, 20};
        m_now += 5000;
        QVERIFY(book->account(serverId, wg.sample()).ok());
        QCOMPARE(book->totals(parked), std::make_pair(qint64(400), qint64(40)));
    }

    // Three hours of traffic, one sample a minute: 1-minute buckets, their
    // 15-minute and 1-hour rollups, each equal to the test's own sums.
    void tiersRollUpExactly()
    {
        m_now = kTbStartMs + kTbDayMs; // a fresh day, away from the last test
        const qint64 begin = m_now;
        auto book = openBook();
        FakeInterface wg;
        wg.ifindex = 40;
        const QString k = m_keys[1];
        wg.counters[k] = {0, 0};
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        QHash<qint64, std::pair<qint64, qint64>> perMinute;
        for (int minute = 0; minute < 180; ++minute) {
            m_now = begin + minute * kTbMinuteMs + 30'000;
            const qint64 rx = 1 + (minute * 7919) % 10000;
            const qint64 tx = 1 + (minute * 104729) % 5000;
            wg.counters[k].first += rx;
            wg.counters[k].second += tx;
            perMinute[begin + minute * kTbMinuteMs] = {rx, tx};
            QVERIFY(book->account(m_serverId, wg.sample()).ok());
            if (minute % 10 == 0)
                QVERIFY(book->maintain().ok());
        }
        m_now = begin + 3 * kTbHourMs + 5 * kTbMinuteMs;
        for (int pass = 0; pass < 5; ++pass)
            QVERIFY(book->maintain().ok());

        const auto expected = [&](qint64 from, qint64 to) {
            std::pair<qint64, qint64> sum{0, 0};
            for (auto it = perMinute.cbegin(); it != perMinute.cend(); ++it)
                if (it.key() >= from && it.key() < to) {
                    sum.first += it.value().first;
                    sum.second += it.value().second;
                }
            return sum;
        };
        const WgTrafficScope scope{m_clients[1], std::nullopt};
        for (const auto &[tier, length] : {std::pair{QStringLiteral("1m"), kTbMinuteMs},
                                           std::pair{QStringLiteral("15m"), 15 * kTbMinuteMs},
                                           std::pair{QStringLiteral("1h"), kTbHourMs}}) {
            auto answer = book->history(scope, begin, begin + 3 * kTbHourMs - 1, tier);
            QVERIFY(answer);
            const QJsonArray items = answer.value().value("items").toArray();
            QCOMPARE(items.size(), int(3 * kTbHourMs / length));
            for (const QJsonValue &item : items) {
                const qint64 at = QDateTime::fromString(item[QStringLiteral("time")].toString(),
                                                        Qt::ISODateWithMs)
                                      .toMSecsSinceEpoch();
                const auto want = expected(at, at + length);
                QCOMPARE(qint64(item[QStringLiteral("rx_bytes")].toDouble()), want.first);
                QCOMPARE(qint64(item[QStringLiteral("tx_bytes")].toDouble()), want.second);
            }
        }
        // The rollups are in the store (not only summed on the fly).
        auto rolled = wgTrafficPoints(*m_store.db, scope, 3, begin, begin + 3 * kTbHourMs);
        QVERIFY(rolled);
        QCOMPARE(rolled.value().size(), 3);
        QCOMPARE(std::make_pair(rolled.value()[1].rx, rolled.value()[1].tx),
                 expected(begin + kTbHourMs, begin + 2 * kTbHourMs));
        // Auto tier: a day is minutes, a week quarter hours, a month hours.
        QCOMPARE(book->history(scope, m_now - kTbDayMs, m_now, {}).value().value("tier"),
                 QStringLiteral("1m"));
        QCOMPARE(book->history(scope, m_now - 7 * kTbDayMs, m_now, {}).value().value("tier"),
                 QStringLiteral("15m"));
        QCOMPARE(book->history(scope, m_now - 30 * kTbDayMs, m_now, {}).value().value("tier"),
                 QStringLiteral("1h"));

        // Eight days on: the minutes are gone, the quarter hours still
        // answer with the same sums; a hundred days on, only hours.
        m_now = begin + 8 * kTbDayMs;
        for (int pass = 0; pass < 5; ++pass)
            QVERIFY(book->maintain().ok());
        auto minutes = wgTrafficPoints(*m_store.db, scope, 1, begin, begin + 3 * kTbHourMs);
        QVERIFY(minutes);
        QVERIFY(minutes.value().isEmpty());
        auto quarter =
            book->history(scope, begin, begin + 3 * kTbHourMs - 1, QStringLiteral("15m"));
        QVERIFY(quarter);
        QCOMPARE(itemSums(quarter.value()), expected(begin, begin + 3 * kTbHourMs));
        m_now = begin + 100 * kTbDayMs;
        for (int pass = 0; pass < 5; ++pass)
            QVERIFY(book->maintain().ok());
        auto quarters = wgTrafficPoints(*m_store.db, scope, 2, begin, begin + 3 * kTbHourMs);
        QVERIFY(quarters && quarters.value().isEmpty());
        auto hours = book->history(scope, begin, begin + 3 * kTbHourMs - 1, QStringLiteral("1h"));
        QVERIFY(hours);
        QCOMPARE(itemSums(hours.value()), expected(begin, begin + 3 * kTbHourMs));
        m_now = begin + 400 * kTbDayMs;
        for (int pass = 0; pass < 5; ++pass)
            QVERIFY(book->maintain().ok());
        auto none = book->history(scope, begin, begin + 3 * kTbHourMs - 1, QStringLiteral("1h"));
        QVERIFY(none);
        QVERIFY(none.value().value("items").toArray().isEmpty());
        // The totals are forever.
        QCOMPARE(book->totals(m_clients[1]), expected(begin, begin + 3 * kTbHourMs));
    }

    // A minute left open by a server that was down (a hundred days after
    // the last traffic) is closed when it comes back and rolled up in one
    // pass: the empty months between are skipped, not walked.
    void aLateMinuteIsRolledUpAgain()
    {
        m_now = kTbStartMs + 500 * kTbDayMs;
        const qint64 begin = m_now;
        auto book = openBook();
        FakeInterface wg;
        wg.ifindex = 60;
        const QString k = m_keys[2];
        wg.counters[k] = {100, 100};
        QVERIFY(book->account(m_serverId, wg.sample()).ok()); // open minute: 100/100
        m_now = begin + 2 * kTbHourMs;
        book = openBook(); // restarted: the open minute is in the store
        QVERIFY(book->maintain().ok());
        const WgTrafficScope scope{m_clients[2], std::nullopt};
        auto hours = book->history(scope, begin, m_now, QStringLiteral("1h"));
        QVERIFY(hours);
        QCOMPARE(itemSums(hours.value()), std::make_pair(qint64(100), qint64(100)));
        auto stored = wgTrafficPoints(*m_store.db, scope, 1, begin - kTbHourMs, m_now);
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), 1);
        auto rolled = wgTrafficPoints(*m_store.db, scope, 3, begin - kTbHourMs, m_now);
        QVERIFY(rolled);
        QCOMPARE(rolled.value().size(), 1);
        QCOMPARE(rolled.value()[0].rx, 100);
    }

    void serversSumTheirClients()
    {
        auto book = openBook();
        auto answer = book->history({std::nullopt, m_serverId}, kTbStartMs - kTbHourMs,
                                    kTbStartMs + 600 * kTbDayMs, QStringLiteral("1h"));
        QVERIFY(answer);
        qint64 rx = 0;
        for (const qint64 id : m_clients)
            rx += book->totals(id).first;
        QCOMPARE(answer.value().value("total_rx_bytes").toDouble(), double(rx));
        auto other = book->history({std::nullopt, m_otherServerId}, kTbStartMs, m_now, {});
        QVERIFY(other);
        QCOMPARE(other.value().value("total_rx_bytes").toDouble(), 0.0);
        QVERIFY(other.value().value("items").toArray().isEmpty());
    }

    void endpointsAreRemembered()
    {
        auto book = openBook();
        FakeInterface wg;
        wg.ifindex = 80;
        const QString k = m_keys[0];
        wg.counters[k] = {0, 0};
        wg.endpoints[k] = QStringLiteral("192.0.2.7:51000");
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        m_now += 10'000;
        wg.endpoints[k] = QStringLiteral("[2001:db8::7]:51001");
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        m_now += 10'000;
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        auto list = book->endpoints(m_clients[0], 20);
        QVERIFY(list);
        const QJsonArray items = list.value().value("items").toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0][QStringLiteral("endpoint")].toString(),
                 QStringLiteral("[2001:db8::7]:51001"));
        QCOMPARE(items[1][QStringLiteral("endpoint")].toString(),
                 QStringLiteral("192.0.2.7:51000"));
    }

    void badInputIsRefused()
    {
        auto book = openBook();
        auto wrongTier =
            book->history({m_clients[0], std::nullopt}, m_now - 1000, m_now, QStringLiteral("5m"));
        QVERIFY(!wrongTier);
        QCOMPARE(wrongTier.error().code, ErrorCode::ValidationError);
        auto backwards = book->history({m_clients[0], std::nullopt}, m_now, m_now - 1000, {});
        QVERIFY(!backwards);
        QCOMPARE(backwards.error().code, ErrorCode::ValidationError);
    }

    // A client deleted between the sample and its accounting: nothing of
    // it is written, nothing else fails.
    void aDeletedClientChangesNothing()
    {
        auto book = openBook();
        const qint64 doomed = addClient(m_serverId, QStringLiteral("doomed"), key(9));
        QVERIFY(doomed > 0);
        FakeInterface wg;
        wg.ifindex = 90;
        wg.counters[key(9)] = {10, 10};
        wg.counters[m_keys[0]] = {0, 0};
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        QVERIFY(deleteWgClient(*m_store.db, doomed));
        book->forgetClient(doomed);
        wg.counters[key(9)] = {20, 20};
        wg.counters[m_keys[0]] = {5, 5};
        const auto before = book->totals(m_clients[0]);
        QVERIFY(book->account(m_serverId, wg.sample()).ok());
        QCOMPARE(book->totals(m_clients[0]).first, before.first + 5);
        QCOMPARE(book->totals(doomed), std::make_pair(qint64(0), qint64(0)));
        auto count =
            m_store.db->queryInt(QStringLiteral("SELECT COUNT(*) FROM wg_traffic_state WHERE "
                                                "client_id NOT IN (SELECT id FROM wg_clients)"));
        QVERIFY(count);
        QCOMPARE(count.value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWgTrafficBook)
#include "TestWgTrafficBook.moc"
