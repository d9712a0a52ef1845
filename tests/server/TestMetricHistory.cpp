// The fleet's metric history in tiers (issue 35, "Metric history"),
// MetricHistory called directly on a real store and the server's real
// write-behind queue, with a simulated clock: three hours of reports
// become 1-minute, 15-minute and 1-hour buckets whose avg/min/max/count
// match a computation of the test's own; each tier goes when its retention
// ends and not before the coarser one has it; a late report is rolled up
// again; a replayed sequence number is stored once; a restarted history
// (a new object on the same file) goes on from what is stored, and folds
// the report log a stopped or killed one left, every report once. The
// 15-minute and 1-hour buckets of complete days are folded into one row
// per day (schema 44), a database of single buckets too, answering the
// same before and after; a damaged day is an error and stays stored.

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "fleet/MetricDayPack.h"
#include "server/repositories/MetricHistoryRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/MetricHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <functional>

using namespace hm;
using namespace hm::server;
using namespace hm::test;

namespace {

const auth::ClientInfo kClient{QStringLiteral("192.0.2.31"), QStringLiteral("test")};
// 2027-01-15T08:00:00Z: a whole hour.
constexpr qint64 kStartMs = 1'800'000'000'000;
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kStepMs = 10 * 1000;
constexpr int kReports = 3 * 360; // three hours, one every 10 s

// The test's own values: exact at the metrics' resolution (hundredths).
double cpuAt(int i)
{
    return double((i * 37) % 200) / 2.0; // 0 .. 99.5
}

struct Expected
{
    qint64 count = 0;
    double min = 1e300;
    double max = -1e300;
    double sum = 0;
    void add(double v)
    {
        ++count;
        min = std::min(min, v);
        max = std::max(max, v);
        sum += v;
    }
};

Expected expectedOver(qint64 fromMs, qint64 toMs)
{
    Expected e;
    for (int i = 0; i < kReports; ++i) {
        const qint64 t = kStartMs + i * kStepMs;
        if (t >= fromMs && t < toMs)
            e.add(cpuAt(i));
    }
    return e;
}

} // namespace

class TestMetricHistory : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    FlowEngineHost m_host;
    auth::AccountEvents m_events;
    std::unique_ptr<server::fleet::FleetService> m_fleet;
    qint64 m_now = kStartMs;
    QString m_node;
    QObject m_context;
    std::optional<auth::Principal> m_admin;

    bool recordOn(server::fleet::MetricHistory &history, const QString &node, qint64 seq,
                  qint64 timeMs, double cpu)
    {
        std::optional<bool> stored;
        history.record(node,
                       hm::fleet::ReportMessage{seq,
                                                timeMs,
                                                {{QStringLiteral("cpu_usage"), cpu},
                                                 {QStringLiteral("processes"), 100.0}}},
                       &m_context, [&stored](bool ok) { stored = ok; });
        return QTest::qWaitFor([&] { return stored.has_value(); }, 20000) && *stored;
    }
    qint64 logRecords()
    {
        auto n =
            m_store.db->queryInt(QStringLiteral("SELECT (SELECT COUNT(*) FROM fleet_report_log0) + "
                                                "(SELECT COUNT(*) FROM fleet_report_log1)"));
        return n ? n.value() : -1;
    }

    server::fleet::MetricHistory &history() { return m_fleet->history(); }

    // Reports of m_node recorded in one answer window of `windowMs`, and
    // what their answers showed: the sequence numbers in the order
    // answered, and whether each came after its log record's commit.
    // `onAnswer(i)` runs inside the i-th report's answer.
    struct WindowAnswers
    {
        qint64 first = 0;
        QList<qint64> answered;
        bool committedWhenAnswered = true;
    };
    void recordWindow(int windowMs, int count, WindowAnswers &out,
                      const std::function<void(int)> &onAnswer = {})
    {
        history().setAckWindowMs(windowMs);
        out.first = history().lastSeq(m_node).value() + 1;
        const qint64 before = logRecords();
        for (int i = 0; i < count; ++i) {
            const qint64 seq = out.first + i;
            history().record(
                m_node, hm::fleet::ReportMessage{seq, m_now, {{QStringLiteral("cpu_usage"), 1.0}}},
                &m_context, [&out, &onAnswer, this, before, i, seq](bool ok) {
                    out.committedWhenAnswered =
                        out.committedWhenAnswered && ok && logRecords() >= before + i + 1;
                    out.answered.append(seq);
                    if (onAnswer)
                        onAnswer(i);
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(out.answered.size(), qsizetype(count), 20000);
        history().setAckWindowMs(0);
        QVERIFY(out.committedWhenAnswered);
        for (int i = 0; i < count; ++i)
            QCOMPARE(out.answered.at(i), out.first + i);
        QCOMPARE(history().lastSeq(m_node).value(), out.first + count - 1);
    }

    // A checkpoint of whatever earlier cases left, waited for.
    void drainCheckpoint()
    {
        std::optional<bool> done;
        history().checkpoint([&done](bool ok) { done = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 20000);
        QVERIFY(*done);
    }

    bool record(qint64 seq, qint64 timeMs, double cpu)
    {
        std::optional<bool> stored;
        history().record(m_node,
                         hm::fleet::ReportMessage{seq,
                                                  timeMs,
                                                  {{QStringLiteral("cpu_usage"), cpu},
                                                   {QStringLiteral("processes"), 100.0}}},
                         &m_context, [&stored](bool ok) { stored = ok; });
        return QTest::qWaitFor([&] { return stored.has_value(); }, 20000) && *stored;
    }
    // Passes until one changes nothing more (each waits for its commit).
    bool maintainUntilSettled()
    {
        for (int pass = 0; pass < 20; ++pass) {
            std::optional<bool> done;
            history().maintain([&done](bool ok) { done = ok; });
            if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !*done)
                return false;
        }
        return true;
    }
    QJsonArray items(const QString &tier, qint64 fromMs, qint64 toMs, qint64 limit = 10000)
    {
        auto answer = history().query(m_node, fromMs, toMs, limit, tier);
        if (!answer)
            qWarning("%s", qPrintable(answer.error().toString()));
        return answer ? answer.value().value("items").toArray() : QJsonArray{};
    }
    static void verifyBucket(const QJsonObject &item, const Expected &e)
    {
        QCOMPARE(item.value("count").toObject().value("cpu_usage").toDouble(), double(e.count));
        QCOMPARE(item.value("min").toObject().value("cpu_usage").toDouble(), e.min);
        QCOMPARE(item.value("max").toObject().value("cpu_usage").toDouble(), e.max);
        // The average is kept at the metric's resolution (0.01).
        QVERIFY(std::abs(item.value("metrics").toObject().value("cpu_usage").toDouble() -
                         e.sum / double(e.count)) <= 0.005 + 1e-9);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        const QString started = m_store.start(m_host);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        auto admin = m_store.addUser(QStringLiteral("historian"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        QVERIFY(admin);
        m_fleet = std::make_unique<server::fleet::FleetService>(*m_store.db, m_host, m_events);
        m_fleet->setClock([this] { return m_now; });
        // Each report answered on its own: the cases below record one at a
        // time and wait for each (the server's window is the last case's).
        history().setAckWindowMs(0);
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("history-01");
        m_admin = principalOf(admin.value());
        auto created = m_fleet->create(*m_admin, kClient, details, 24);
        QVERIFY(created);
        m_node = created.value().node.id;
    }
    void cleanupTestCase()
    {
        m_fleet.reset();
        m_host.stop();
    }

    void reportsBecomeEveryTier()
    {
        for (int i = 0; i < kReports; ++i) {
            m_now = kStartMs + i * kStepMs;
            QVERIFY2(record(i + 1, m_now, cpuAt(i)), qPrintable(QString::number(i)));
        }
        QCOMPARE(history().lastSeq(m_node).value(), kReports);
        // The raw tier holds every report, exactly.
        const QJsonArray raw = items(QStringLiteral("raw"), kStartMs, kStartMs + 3 * kHourMs);
        QCOMPARE(raw.size(), kReports);
        for (int i : {0, 1, 359, 1079}) {
            const QJsonObject item = raw.at(i).toObject();
            QCOMPARE(item.value("seq").toInt(), i + 1);
            QCOMPARE(item.value("metrics").toObject().value("cpu_usage").toDouble(), cpuAt(i));
        }
        // Nothing is rolled up before its minute is complete.
        QVERIFY(maintainUntilSettled());
        QCOMPARE(items(QStringLiteral("1m"), kStartMs, kStartMs + 3 * kHourMs).size(), 177);

        m_now = kStartMs + 3 * kHourMs + 10 * 60 * 1000;
        QVERIFY(maintainUntilSettled());
        const QJsonArray minutes = items(QStringLiteral("1m"), kStartMs, kStartMs + 3 * kHourMs);
        QCOMPARE(minutes.size(), 180);
        for (int m : {0, 1, 77, 179})
            verifyBucket(minutes.at(m).toObject(),
                         expectedOver(kStartMs + m * 60000, kStartMs + (m + 1) * 60000));
        const QJsonArray quarters = items(QStringLiteral("15m"), kStartMs, kStartMs + 3 * kHourMs);
        QCOMPARE(quarters.size(), 12);
        for (int q : {0, 5, 11})
            verifyBucket(quarters.at(q).toObject(),
                         expectedOver(kStartMs + q * 900000, kStartMs + (q + 1) * 900000));
        const QJsonArray hours = items(QStringLiteral("1h"), kStartMs, kStartMs + 3 * kHourMs);
        QCOMPARE(hours.size(), 3);
        for (int h = 0; h < 3; ++h) {
            QCOMPARE(hours.at(h).toObject().value("time").toString(),
                     QDateTime::fromMSecsSinceEpoch(kStartMs + h * kHourMs, Qt::UTC)
                         .toString(Qt::ISODateWithMs));
            verifyBucket(hours.at(h).toObject(),
                         expectedOver(kStartMs + h * kHourMs, kStartMs + (h + 1) * kHourMs));
        }
        // Without a tier named, the range picks one.
        auto picked = history().query(m_node, kStartMs, kStartMs + kHourMs, 1000);
        QCOMPARE(picked.value().value("tier").toString(), QStringLiteral("raw"));
        picked = history().query(m_node, kStartMs, kStartMs + 3 * kHourMs, 1000);
        QCOMPARE(picked.value().value("tier").toString(), QStringLiteral("1m"));
        QVERIFY(!history().query(m_node, kStartMs, kStartMs + kHourMs, 10, QStringLiteral("2m")));
        // Only the metrics named, in buckets and reports alike.
        for (const QString &tier : {QStringLiteral("raw"), QStringLiteral("1h")}) {
            auto chosen = history().query(m_node, kStartMs, kStartMs + kHourMs - 1, 1, tier,
                                          {QStringLiteral("processes")});
            QVERIFY(chosen);
            const QJsonObject item = chosen.value().value("items").toArray().at(0).toObject();
            QCOMPARE(item.value("metrics").toObject().keys(), QStringList{"processes"});
            if (tier != QLatin1String("raw"))
                QCOMPARE(item.value("max").toObject().keys(), QStringList{"processes"});
        }
    }

    void aReplayedReportIsStoredOnce()
    {
        QVERIFY(record(5, kStartMs + 4 * kStepMs, 99.5));
        const QJsonArray raw = items(QStringLiteral("raw"), kStartMs, kStartMs + 59999);
        QCOMPARE(raw.size(), 6);
        QCOMPARE(raw.at(4).toObject().value("metrics").toObject().value("cpu_usage").toDouble(),
                 cpuAt(4));
    }

    // A report that comes late (an agent's buffer after an outage) lands in
    // its minute, and the rollups over it are done again.
    void aLateReportIsRolledUpAgain()
    {
        const qint64 late = kStartMs + 5 * 60000 + 5000; // minute 5, between two reports
        QVERIFY(record(kReports + 1, late, 100.0));
        QVERIFY(maintainUntilSettled());
        Expected minute = expectedOver(kStartMs + 5 * 60000, kStartMs + 6 * 60000);
        minute.add(100.0);
        verifyBucket(items(QStringLiteral("1m"), kStartMs + 5 * 60000, kStartMs + 5 * 60000)
                         .at(0)
                         .toObject(),
                     minute);
        Expected hour = expectedOver(kStartMs, kStartMs + kHourMs);
        hour.add(100.0);
        verifyBucket(items(QStringLiteral("1h"), kStartMs, kStartMs).at(0).toObject(), hour);
    }

    // A new history on the same database (the server restarted) knows the
    // last sequence number and appends to a stored minute, losing nothing.
    void aRestartedHistoryGoesOn()
    {
        server::fleet::MetricHistory again(*m_store.db, m_host);
        again.setClock([this] { return m_now; });
        QCOMPARE(again.lastSeq(m_node).value(), kReports + 1);
        const qint64 t = kStartMs + 3 * kHourMs - 5000; // the last minute, after its last report
        std::optional<bool> stored;
        again.record(
            m_node, hm::fleet::ReportMessage{kReports + 2, t, {{QStringLiteral("cpu_usage"), 1.0}}},
            &m_context, [&stored](bool ok) { stored = ok; });
        QVERIFY(QTest::qWaitFor([&] { return stored.has_value(); }, 20000) && *stored);
        auto answer = again.query(m_node, kStartMs + 3 * kHourMs - 60000, kStartMs + 3 * kHourMs,
                                  1000, QStringLiteral("raw"));
        QVERIFY(answer);
        QCOMPARE(answer.value().value("items").toArray().size(), 6 + 1);
    }

    void everyTierGoesWithItsRetention()
    {
        const auto count = [this](const QString &tier) {
            return items(tier, kStartMs - kDayMs, kStartMs + 4 * kHourMs).size();
        };
        m_now = kStartMs + 3 * kHourMs + kDayMs + 10 * 60000;
        QVERIFY(maintainUntilSettled());
        QCOMPARE(count(QStringLiteral("raw")), 0);
        QCOMPARE(count(QStringLiteral("1m")), 180);
        m_now = kStartMs + 8 * kDayMs;
        QVERIFY(maintainUntilSettled());
        QCOMPARE(count(QStringLiteral("1m")), 0);
        QCOMPARE(count(QStringLiteral("15m")), 12);
        m_now = kStartMs + 91 * kDayMs;
        QVERIFY(maintainUntilSettled());
        QCOMPARE(count(QStringLiteral("15m")), 0);
        QCOMPARE(count(QStringLiteral("1h")), 3);
        m_now = kStartMs + 366 * kDayMs;
        QVERIFY(maintainUntilSettled());
        QCOMPARE(count(QStringLiteral("1h")), 0);
    }

    // An agent's clock is not trusted for more than a day back or ten
    // minutes ahead: such a report is acknowledged and not stored.
    void reportsOutsideTheLastDayAreDropped()
    {
        QVERIFY(record(kReports + 100, m_now - 2 * kDayMs, 50.0));
        QVERIFY(record(kReports + 101, m_now + kHourMs, 50.0));
        QCOMPARE(items(QStringLiteral("raw"), m_now - 3 * kDayMs, m_now - kDayMs).size(), 0);
        QCOMPARE(items(QStringLiteral("raw"), m_now + 1, m_now + 2 * kHourMs).size(), 0);
        // One inside the window still is.
        QVERIFY(record(kReports + 102, m_now - 1000, 50.0));
        QCOMPARE(items(QStringLiteral("raw"), m_now - 60000, m_now).size(), 1);
    }

    // A report is acknowledged on its report-log record; minutes are
    // written at checkpoints. The server stops or is killed between them,
    // even between a checkpoint's minute writes and the emptying of its log
    // table: the next history folds the log into the minutes, every report
    // once, and goes on from the last sequence number.
    void aRestartFoldsTheReportLog()
    {
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("history-02");
        auto created = m_fleet->create(*m_admin, kClient, details, 24);
        QVERIFY(created);
        const QString node = created.value().node.id;
        const qint64 base = (m_now / 60000) * 60000 - 5 * 60000;
        const auto cpu = [](int seq) { return double(seq) + 0.25; };
        {
            server::fleet::MetricHistory first(*m_store.db, m_host);
            first.setClock([this] { return m_now; });
            for (int seq = 1; seq <= 10; ++seq)
                QVERIFY(recordOn(first, node, seq, base + (seq - 1) * 10000, cpu(seq)));
            QCOMPARE(logRecords(), 10);
            QVERIFY(m_store.db
                        ->exec(QStringLiteral("CREATE TEMP TABLE saved_log AS SELECT * FROM "
                                              "fleet_report_log0"))
                        .ok());
            std::optional<bool> done;
            first.checkpoint([&done](bool ok) { done = ok; });
            QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 20000) && *done);
            QCOMPARE(logRecords(), 0);
            // Written whole: a new history reads all ten from the minutes.
            for (int seq = 11; seq <= 20; ++seq)
                QVERIFY(recordOn(first, node, seq, base + (seq - 1) * 10000, cpu(seq)));
            QCOMPARE(logRecords(), 10);
            // As if the table had not been emptied yet when the server died.
            QVERIFY(m_store.db
                        ->exec(QStringLiteral("INSERT INTO fleet_report_log0 SELECT * "
                                              "FROM saved_log; DROP TABLE saved_log"))
                        .ok());
            QCOMPARE(logRecords(), 20);
        }
        server::fleet::MetricHistory second(*m_store.db, m_host);
        second.setClock([this] { return m_now; });
        QCOMPARE(second.lastSeq(node).value(), 20);
        QCOMPARE(logRecords(), 0);
        const auto raw = [&] {
            auto answer = second.query(node, base, base + 10 * 60000, 1000, QStringLiteral("raw"));
            return answer ? answer.value().value("items").toArray() : QJsonArray{};
        };
        QJsonArray items = raw();
        QCOMPARE(items.size(), 20);
        for (int i = 0; i < 20; ++i) {
            const QJsonObject item = items.at(i).toObject();
            QCOMPARE(item.value("seq").toInt(), i + 1);
            QCOMPARE(item.value("metrics").toObject().value("cpu_usage").toDouble(), cpu(i + 1));
        }
        // A resent report is acknowledged and not stored again; a new one is.
        QVERIFY(recordOn(second, node, 15, base + 14 * 10000, 0.0));
        QVERIFY(recordOn(second, node, 21, base + 20 * 10000, cpu(21)));
        items = raw();
        QCOMPARE(items.size(), 21);
        QCOMPARE(items.last().toObject().value("seq").toInt(), 21);
        // Not checkpointed yet, read from memory and the log alike.
        QCOMPARE(logRecords(), 1);
    }

    // A database from before the days (schema 44): single 15-minute and
    // 1-hour buckets of three complete days and of the day in progress.
    // Maintenance folds the complete days into one row each, in bounded
    // passes; every answer is the same bytes before and after; a bucket
    // rolled up again lies over its day until it is folded in as well.
    void singleBucketsOfCompleteDaysBecomeDays()
    {
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("history-03");
        auto created = m_fleet->create(*m_admin, kClient, details, 24);
        QVERIFY(created);
        const QString node = created.value().node.id;
        const qint64 nowS = m_now / 1000 / 3600 * 3600;
        const qint64 today = hm::fleet::dayOf(nowS);
        const auto stats = [](qint64 start, double bias) {
            hm::fleet::MetricStats s;
            s.add(double(start % 7919) / 100.0 + bias);
            s.add(double(start % 104729) / 1000.0);
            return hm::fleet::BucketStats{{QStringLiteral("cpu_usage"), s},
                                          {QStringLiteral("memory_used"), s}};
        };
        const auto put = [&](qint64 tier, qint64 start, double bias) {
            return m_store.db
                ->execute(repositories::insertBucketSql(),
                          {node, tier, start, hm::fleet::packBucket(stats(start, bias))})
                .ok();
        };
        for (const qint64 tier : {qint64(900), qint64(3600)}) {
            for (qint64 t = today - 3 * kDayMs / 1000; t < nowS; t += tier) {
                if ((t / tier) % 11 != 3) // some buckets missing
                    QVERIFY(put(tier, t, 0));
            }
            QVERIFY(m_store.db->execute(repositories::insertMarkSql(), {node, tier, nowS}).ok());
        }
        QVERIFY(m_store.db->execute(repositories::insertMarkSql(), {node, 60, nowS}).ok());
        const auto singles = [&](qint64 tier) {
            return m_store.db
                ->queryInt(QStringLiteral("SELECT COUNT(*) FROM fleet_metric_buckets WHERE "
                                          "node_id = '%1' AND tier = %2")
                               .arg(node)
                               .arg(tier))
                .valueOr(-1);
        };
        const auto days = [&](qint64 tier) {
            return m_store.db
                ->queryInt(QStringLiteral("SELECT COUNT(*) FROM fleet_metric_days WHERE "
                                          "node_id = '%1' AND tier = %2")
                               .arg(node)
                               .arg(tier))
                .valueOr(-1);
        };
        const qint64 fromMs = (today - 3 * kDayMs / 1000) * 1000;
        const auto answers = [&] {
            QByteArrayList out;
            for (const QString &tier : {QStringLiteral("15m"), QStringLiteral("1h")}) {
                for (const qint64 limit : {qint64(10000), qint64(50)}) {
                    auto text = history().queryText(node, fromMs, m_now, limit, tier);
                    auto objects = history().query(node, fromMs, m_now, limit, tier);
                    auto some = history().queryText(node, fromMs, m_now, limit, tier,
                                                    {QStringLiteral("memory_used")});
                    if (!text || !objects || !some)
                        return QByteArrayList{};
                    out << text.value().items
                        << QJsonDocument(objects.value().value("items").toArray())
                               .toJson(QJsonDocument::Compact)
                        << some.value().items;
                }
                const qint64 tierS = tier == QLatin1String("1h") ? 3600 : 900;
                out << QByteArray::number(
                    history().bucketCount(node, tierS, fromMs / 1000, m_now / 1000).valueOr(-1));
            }
            return out;
        };
        const QByteArrayList before = answers();
        QVERIFY(!before.isEmpty());
        QCOMPARE(before.at(0), before.at(1)); // text and objects agree
        const qint64 hourSingles = singles(3600);
        QVERIFY(hourSingles > 3 * 20);
        QCOMPARE(days(3600), 0);

        QVERIFY(maintainUntilSettled());
        QCOMPARE(days(900), 3);
        QCOMPARE(days(3600), 3);
        // What is left single is the day in progress.
        qint64 inProgress = 0;
        for (qint64 t = today; t < nowS; t += 3600)
            inProgress += (t / 3600) % 11 != 3 ? 1 : 0;
        QCOMPARE(singles(3600), inProgress);
        QCOMPARE(answers(), before);

        // Rolled up again: the single bucket is the answer, then its day's.
        const qint64 again = today - 2 * kDayMs / 1000 + 10 * 3600;
        QVERIFY(put(3600, again, 50.0));
        const QByteArrayList laidOver = answers();
        QVERIFY(laidOver != before);
        QVERIFY(maintainUntilSettled());
        QCOMPARE(answers(), laidOver);
        QCOMPARE(days(3600), 3);
        QVERIFY(singles(3600) < 24);

        // A damaged day: the query says so and the row stays as it was.
        QVERIFY(m_store.db
                    ->execute(QStringLiteral("UPDATE fleet_metric_days SET data = X'4401ff' "
                                             "WHERE node_id = ? AND tier = 3600 AND day = ?"),
                              {node, today - kDayMs / 1000})
                    .ok());
        auto damaged = history().queryText(node, fromMs, m_now, 10000, QStringLiteral("1h"));
        QVERIFY(!damaged);
        QCOMPARE(damaged.error().code, ErrorCode::DbCorrupt);
        QVERIFY(maintainUntilSettled());
        QCOMPARE(m_store.db
                     ->queryInt(QStringLiteral("SELECT COUNT(*) FROM fleet_metric_days WHERE "
                                               "data = X'4401ff'"))
                     .valueOr(-1),
                 1);
        QVERIFY(history().queryText(node, fromMs, m_now, 10000, QStringLiteral("15m")));
    }

    // The server answers reports in windows (setAckWindowMs), one wait for
    // the commit of them all: still each answered only once its log record
    // is committed, each answered once, in order.
    void reportsOfAWindowAreAnsweredOnceCommitted()
    {
        WindowAnswers answers;
        recordWindow(50, 10, answers);
    }

    // Emptying a log table turns secure_delete off for that statement only:
    // the connection's setting, on (SQLCipher's build) or off, is what it
    // was afterwards, and only the table asked for is emptied.
    void emptyingALogTableKeepsTheSecureDeleteSetting()
    {
        store::Database &db = *m_store.db;
        const auto secureDelete = [&db] {
            return db.queryInt(QStringLiteral("PRAGMA secure_delete")).valueOr(-1);
        };
        const auto count = [&db](int table) {
            return db.queryInt(QStringLiteral("SELECT COUNT(*) FROM fleet_report_log%1").arg(table))
                .valueOr(-1);
        };
        const qint64 before = secureDelete();
        QCOMPARE(before, 1); // SQLCipher's SECURE_DELETE
        for (const qint64 setting : {qint64(1), qint64(0)}) {
            QVERIFY(db.execute(QStringLiteral("PRAGMA secure_delete = %1").arg(setting)));
            const qint64 in0 = count(0);
            const qint64 in1 = count(1);
            for (int i = 0; i < 50; ++i)
                QVERIFY(db.execute(repositories::insertLogRecordSql(0),
                                   {m_node, qint64(i), QByteArray(300, char('a' + i % 26))}));
            QVERIFY(db.execute(repositories::insertLogRecordSql(1),
                               {m_node, qint64(1), QByteArray("kept")}));
            QCOMPARE(count(0), in0 + 50);
            QVERIFY(repositories::clearLogTable(db, 0));
            QCOMPARE(count(0), 0);
            QCOMPARE(count(1), in1 + 1);
            QCOMPARE(secureDelete(), setting);
            QVERIFY(repositories::clearLogTable(db, 1));
            QCOMPARE(count(1), 0);
        }
        QVERIFY(db.execute(QStringLiteral("PRAGMA secure_delete = %1").arg(before)));
    }

    // A checkpoint empties its log table a chunk of records per op (here 16
    // of 100): every report is in its minute, the table is empty, and the
    // reports recorded while it ran are in the other table, each answered.
    void aCheckpointEmptiesItsLogTableInChunks()
    {
        drainCheckpoint();
        history().setClearChunkRows(16);
        const qint64 timeMs = (m_now / 60000) * 60000 - 60000;
        const qint64 first = history().lastSeq(m_node).value() + 1;
        for (int i = 0; i < 100; ++i)
            QVERIFY(record(first + i, timeMs + i * 100, 1.0 + i));
        const qint64 logged = logRecords();
        QVERIFY(logged >= 100);
        std::optional<bool> checkpointed;
        history().checkpoint([&](bool ok) { checkpointed = ok; });
        // Reports keep coming while it runs, into the other table.
        int during = 0;
        std::optional<bool> lastAck;
        while (!checkpointed.has_value() && during < 50) {
            lastAck.reset();
            history().record(m_node,
                             hm::fleet::ReportMessage{first + 100 + during,
                                                      timeMs + 20000 + during,
                                                      {{QStringLiteral("cpu_usage"), 2.0}}},
                             &m_context, [&lastAck](bool ok) { lastAck = ok; });
            ++during;
            QTRY_VERIFY_WITH_TIMEOUT(lastAck.has_value(), 20000);
            QVERIFY(*lastAck);
        }
        QTRY_VERIFY_WITH_TIMEOUT(checkpointed.has_value(), 20000);
        history().setClearChunkRows(8192);
        QVERIFY(*checkpointed);
        QVERIFY(during >= 1);
        // Only what came during the checkpoint is in the log.
        QCOMPARE(logRecords(), qint64(during));
        auto stored = repositories::storedMinute(*m_store.db, m_node, timeMs / 60000);
        QVERIFY(stored && stored.value());
        auto samples = hm::fleet::unpackMinute(*stored.value());
        QVERIFY(samples);
        QVERIFY(samples.value().size() >= 100);
        QCOMPARE(history().lastSeq(m_node).value(), first + 100 + during - 1);
    }

    // A window of more reports than a slice: answered a slice per pass of
    // the event loop (something posted by the first answer runs before the
    // last answer), still each once, in order, after its commit.
    void aLargeWindowIsAnsweredInSlices()
    {
        constexpr int kCount = 3 * server::fleet::MetricHistory::kAckSlice + 5;
        WindowAnswers answers;
        qsizetype answeredWhenPostedRan = -1;
        recordWindow(200, kCount, answers, [&](int i) {
            if (i == 0)
                QMetaObject::invokeMethod(
                    &m_context, [&] { answeredWhenPostedRan = answers.answered.size(); },
                    Qt::QueuedConnection);
        });
        QVERIFY2(answeredWhenPostedRan >= 1 && answeredWhenPostedRan < kCount,
                 qPrintable(QString::number(answeredWhenPostedRan)));
    }

    // A checkpoint queues its minutes in slices, each once the previous one
    // committed: a report recorded while it runs is acknowledged (once its
    // log record committed) before the checkpoint's last slice, instead of
    // waiting behind every minute of the fleet. The checkpoint still stores
    // every minute and empties its log table.
    void aCheckpointLetsReportsThroughBetweenItsSlices()
    {
        constexpr int kNodes = 12;
        QStringList nodes;
        const qint64 timeMs = (m_now / 60000) * 60000 - 3 * 60000;
        for (int i = 0; i < kNodes; ++i) {
            server::fleet::NodeDetails details;
            details.name = QStringLiteral("sliced-%1").arg(i);
            auto created = m_fleet->create(*m_admin, kClient, details, 24);
            QVERIFY(created);
            nodes << created.value().node.id;
            QVERIFY(recordOn(history(), nodes.last(), 1, timeMs, 1.0 + i));
        }
        // Drain what earlier cases left, so the checkpoint below is only
        // these nodes' minutes.
        drainCheckpoint();
        for (int i = 0; i < kNodes; ++i)
            QVERIFY(recordOn(history(), nodes.at(i), 2, timeMs + 10000, 2.0 + i));
        QVERIFY(logRecords() >= kNodes);
        // One node's minute and its last seen per slice.
        history().setCheckpointSlice(1, 2);
        std::optional<bool> checkpointed;
        std::optional<bool> acked;
        bool ackedBeforeCheckpoint = false;
        qint64 logWhenAcked = -1;
        history().checkpoint([&](bool ok) { checkpointed = ok; });
        const qint64 logBefore = logRecords();
        history().record(m_node,
                         hm::fleet::ReportMessage{history().lastSeq(m_node).value() + 1,
                                                  m_now,
                                                  {{QStringLiteral("cpu_usage"), 7.0}}},
                         &m_context, [&](bool ok) {
                             acked = ok;
                             ackedBeforeCheckpoint = !checkpointed.has_value();
                             logWhenAcked = logRecords();
                         });
        QTRY_VERIFY_WITH_TIMEOUT(checkpointed.has_value() && acked.has_value(), 20000);
        history().setCheckpointSlice(qint64(1) << 20, 1024);
        QVERIFY(*checkpointed);
        QVERIFY(*acked);
        QVERIFY(ackedBeforeCheckpoint);
        // Its log record was committed when it was answered (the other
        // table: the checkpoint empties only the one it began with).
        QVERIFY(logWhenAcked >= 1);
        QVERIFY(logBefore >= kNodes);
        QCOMPARE(logRecords(), 1);
        // Every minute is in the database with both of its reports.
        for (int i = 0; i < kNodes; ++i) {
            auto stored = repositories::storedMinute(*m_store.db, nodes.at(i), timeMs / 60000);
            QVERIFY(stored && stored.value());
            auto samples = hm::fleet::unpackMinute(*stored.value());
            QVERIFY(samples);
            QCOMPARE(samples.value().size(), 2);
            QCOMPARE(samples.value().at(1).seq, 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "TestMetricHistory.moc"
