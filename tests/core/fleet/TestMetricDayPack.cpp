// A day of rollup buckets in one blob (core/fleet/MetricDayPack, schema
// 44): every bucket comes back exactly as from its own packed bucket (the
// layout before days); columns not asked for are skipped unread; a single
// bucket replaces its day's bucket at the same start and the range leaves
// out what is outside it; a damaged day is an error, never a crash, and a
// builder goes on without what it added.

#include "fleet/MetricDayPack.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hm::fleet;

namespace {

constexpr qint64 kDay = 1'800'000'000 / kSecondsPerDay * kSecondsPerDay;

const QStringList kNames{QStringLiteral("cpu_usage"),   QStringLiteral("cpu.0"),
                         QStringLiteral("disk_used"),   QStringLiteral("load_avg_1"),
                         QStringLiteral("memory_used"), QStringLiteral("net.eth0.rx_bps"),
                         QStringLiteral("temp.ü"),      QStringLiteral("uptime")};

MetricStats randomStats(QRandomGenerator &rng)
{
    MetricStats s;
    const int samples = 1 + int(rng.bounded(8));
    const double scale = std::pow(10.0, int(rng.bounded(12)) - 2);
    for (int i = 0; i < samples; ++i)
        s.add((rng.generateDouble() - 0.3) * scale);
    s.count = samples * qint64(1 + rng.bounded(200));
    s.sum = s.sum / samples * double(s.count);
    return s;
}

// Random buckets of a day (some metrics missing from some buckets, some
// buckets empty), by start.
QMap<qint64, BucketStats> randomDay(QRandomGenerator &rng, qint64 length)
{
    QMap<qint64, BucketStats> day;
    const qint64 slotCount = kSecondsPerDay / length;
    for (qint64 slot = 0; slot < slotCount; ++slot) {
        if (rng.bounded(3) == 0)
            continue;
        BucketStats bucket;
        for (const QString &name : kNames) {
            if (rng.bounded(5) != 0)
                bucket.insert(name, randomStats(rng));
        }
        day.insert(kDay + slot * length, bucket);
    }
    return day;
}

// What the layout before days gives back for a bucket.
BucketStats viaSingleBucket(const BucketStats &stats)
{
    return unpackBucket(packBucket(stats)).value();
}

BucketColumns columnsOf(const QByteArray &day, const QSet<QString> &only = {})
{
    BucketColumnsBuilder builder(only, kDay, kDay + kSecondsPerDay);
    if (!builder.addDay(kDay, day))
        qFatal("the day does not decode");
    return builder.finish();
}

} // namespace

class TestMetricDayPack : public QObject
{
    Q_OBJECT
private slots:
    void everyBucketAsFromItsOwnBlob()
    {
        for (quint32 seed = 1; seed <= 200; ++seed) {
            QRandomGenerator rng(seed);
            const qint64 length = seed % 2 ? 3600 : 900;
            const QMap<qint64, BucketStats> day = randomDay(rng, length);
            const QByteArray packed = packDay(kDay, length, day);
            const auto back = unpackDay(kDay, packed);
            QVERIFY(back);
            QCOMPARE(back.value().keys(), day.keys());
            for (auto it = day.cbegin(); it != day.cend(); ++it)
                QCOMPARE(back.value().value(it.key()), viaSingleBucket(it.value()));
            // Packing what came back gives the same bytes.
            QCOMPARE(packDay(kDay, length, back.value()), packed);
        }
    }

    // Names once per day and values in columns: far smaller than the
    // single buckets.
    void aDayIsSmallerThanItsBuckets()
    {
        QRandomGenerator rng(35);
        const QMap<qint64, BucketStats> day = randomDay(rng, 900);
        qsizetype single = 0;
        for (const BucketStats &bucket : day)
            single += packBucket(bucket).size();
        QVERIFY2(
            packDay(kDay, 900, day).size() < single * 2 / 3,
            qPrintable(
                QStringLiteral("%1 against %2").arg(packDay(kDay, 900, day).size()).arg(single)));
    }

    void onlyTheMetricsAskedFor()
    {
        QRandomGenerator rng(7);
        const QMap<qint64, BucketStats> day = randomDay(rng, 3600);
        const QByteArray packed = packDay(kDay, 3600, day);
        const QSet<QString> only{QStringLiteral("memory_used"), QStringLiteral("not_stored")};
        const BucketColumns columns = columnsOf(packed, only);
        QCOMPARE(columns.starts.size(), size_t(day.size()));
        QCOMPARE(columns.columns.size(), size_t(1));
        QCOMPARE(columns.columns[0].name, QStringLiteral("memory_used"));
        qsizetype b = 0;
        for (auto it = day.cbegin(); it != day.cend(); ++it, ++b) {
            const BucketStats expected = viaSingleBucket(it.value());
            QCOMPARE(bool(columns.columns[0].present[size_t(b)]),
                     expected.contains(QStringLiteral("memory_used")));
            if (expected.contains(QStringLiteral("memory_used")))
                QCOMPARE(columns.columns[0].stats[size_t(b)],
                         expected.value(QStringLiteral("memory_used")));
        }
        // No metric asked for: only the buckets' starts.
        const BucketColumns starts = columnsOf(packed, {QString()});
        QCOMPARE(starts.starts.size(), size_t(day.size()));
        QVERIFY(starts.columns.empty());
    }

    // A column not asked for is skipped unread: damage inside it (its
    // length intact) shows only when it is asked for.
    void aColumnNotAskedForIsNotRead()
    {
        QMap<qint64, BucketStats> day;
        MetricStats s;
        s.add(5);
        day.insert(kDay, {{QStringLiteral("a"), s}, {QStringLiteral("b"), s}});
        QByteArray packed = packDay(kDay, 3600, day);
        // The last byte is b's last value (q(avg) - q(min) = 0): make it a
        // varint that does not end.
        QCOMPARE(packed.back(), '\0');
        packed.back() = char(0x80);
        BucketColumnsBuilder onlyA({QStringLiteral("a")}, kDay, kDay);
        QVERIFY(onlyA.addDay(kDay, packed));
        BucketColumnsBuilder all({}, kDay, kDay);
        const hm::Status read = all.addDay(kDay, packed);
        QVERIFY(!read);
        QCOMPARE(read.error().code, hm::ErrorCode::DbCorrupt);
    }

    void aSingleBucketReplacesTheDays()
    {
        MetricStats old;
        old.add(1);
        MetricStats fresh;
        fresh.add(2);
        fresh.add(4);
        QMap<qint64, BucketStats> day{{kDay, {{QStringLiteral("cpu_usage"), old}}},
                                      {kDay + 3600, {{QStringLiteral("cpu_usage"), old}}}};
        BucketColumnsBuilder builder({}, kDay, kDay + kSecondsPerDay);
        // A single bucket older than the day's, one that replaces, one after.
        QVERIFY(builder.addBucket(kDay - 3600, packBucket({{QStringLiteral("uptime"), fresh}})));
        QVERIFY(builder.addDay(kDay, packDay(kDay, 3600, day)));
        QVERIFY(builder.addBucket(kDay + 3600, packBucket({{QStringLiteral("load1"), fresh}})));
        QVERIFY(builder.addBucket(kDay + 7200, packBucket({{QStringLiteral("cpu_usage"), fresh}})));
        const BucketColumns columns = builder.finish();
        // kDay - 3600 is outside the range; kDay + 3600 is the single one's.
        QCOMPARE(columns.starts, (std::vector<qint64>{kDay, kDay + 3600, kDay + 7200}));
        QCOMPARE(columns.columns.size(), size_t(2));
        QCOMPARE(columns.columns[0].name, QStringLiteral("cpu_usage"));
        QCOMPARE(columns.columns[0].present, (std::vector<quint8>{1, 0, 1}));
        QCOMPARE(columns.columns[0].stats[2],
                 viaSingleBucket({{QStringLiteral("cpu_usage"), fresh}})
                     .value(QStringLiteral("cpu_usage")));
        QCOMPARE(columns.columns[1].name, QStringLiteral("load1"));
        QCOMPARE(columns.columns[1].present, (std::vector<quint8>{0, 1, 0}));
    }

    void damageIsAnErrorAndAddsNothing()
    {
        QRandomGenerator rng(11);
        const QMap<qint64, BucketStats> day = randomDay(rng, 900);
        const QByteArray packed = packDay(kDay, 900, day);
        QMap<qint64, BucketStats> one{{kDay, {{QStringLiteral("uptime"), randomStats(rng)}}}};
        for (qsizetype cut = 0; cut < packed.size(); ++cut) {
            BucketColumnsBuilder builder({}, kDay, kDay + kSecondsPerDay);
            QVERIFY(builder.addDay(kDay, packDay(kDay, 900, one)));
            const hm::Status read = builder.addDay(kDay + kSecondsPerDay, packed.first(cut));
            QVERIFY2(!read, qPrintable(QString::number(cut)));
            QCOMPARE(read.error().code, hm::ErrorCode::DbCorrupt);
            // What came before the damaged day is all there is.
            const BucketColumns columns = builder.finish();
            QCOMPARE(columns.starts, std::vector<qint64>{kDay});
            QCOMPARE(columns.columns.size(), size_t(1));
        }
        QVERIFY(!unpackDay(kDay, packed + "x"));
        QVERIFY(!unpackDay(kDay, QByteArray("B\x01\x00", 3)));
        // Random bytes changed: an error or some values, never a crash.
        for (int i = 0; i < 2000; ++i) {
            QByteArray bad = packed;
            bad[rng.bounded(int(bad.size()))] = char(rng.bounded(256));
            (void)unpackDay(kDay, bad);
        }
    }

    void namesInOrderOnceAndSlotsInTheDay()
    {
        MetricStats s;
        s.add(1);
        // Hand-made: 'D' 1, length 3600, one bucket at slot 0, two names.
        const auto day = [](const QByteArray &first, const QByteArray &second) {
            QByteArray out("D\x01", 2);
            out += char(0x90);
            out += char(0x1c); // 3600 as a varint
            out += char(1);
            out += char(0);
            out += char(2);
            for (const QByteArray &name : {first, second}) {
                out += char(name.size());
                out += name;
                out += char(5); // column: bitmap, count, min, span, avg
                out += QByteArray("\x01\x02\x02\x00\x00", 5);
            }
            return out;
        };
        QVERIFY(unpackDay(kDay, day("a", "b")));
        QVERIFY(!unpackDay(kDay, day("b", "a")));
        QVERIFY(!unpackDay(kDay, day("a", "a")));
        // A slot beyond the day's 24.
        QByteArray late = day("a", "b");
        late[5] = char(24);
        QVERIFY(!unpackDay(kDay, late));
        QCOMPARE(unpackDay(kDay, day("a", "b")).value().keys(), QList<qint64>{kDay});
    }

    void daysAreUtc()
    {
        QCOMPARE(dayOf(kDay), kDay);
        QCOMPARE(dayOf(kDay + kSecondsPerDay - 1), kDay);
        QCOMPARE(dayOf(-1), -kSecondsPerDay);
    }
};

QTEST_GUILESS_MAIN(TestMetricDayPack)
#include "TestMetricDayPack.moc"
