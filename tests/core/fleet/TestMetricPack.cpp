// The packed metric history (core/fleet/MetricPack): a minute of samples
// and a rollup bucket survive the round trip within each metric's
// resolution; appending to a resumed minute gives the same bytes as
// writing it in one go (the incremental writer against the one-pass
// reference); names that appear late are kept apart; a damaged blob is an
// error, never a crash or a wrong value.

#include "fleet/MetricPack.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace hm::fleet;

namespace {

// A minute as an agent reports it: values that move a little each second,
// one that holds still, a per-core and per-interface set.
QList<PackedSample> realisticMinute(quint32 seed, int samples = 60)
{
    QRandomGenerator random(seed);
    QList<PackedSample> out;
    double cpu = 12.5;
    double memory = 3.2e9;
    double rx = 1.5e5;
    for (int i = 0; i < samples; ++i) {
        cpu = std::clamp(cpu + random.bounded(-300, 301) / 100.0, 0.0, 100.0);
        memory += double(random.bounded(-64, 65)) * 4096;
        rx = std::max(0.0, rx + random.bounded(-20000, 20001));
        PackedSample s;
        s.timeMs = 1'764'000'000'000 + i * 1000 + random.bounded(0, 20);
        s.seq = 5000 + i;
        s.metrics = {{QStringLiteral("cpu_usage"), cpu},
                     {QStringLiteral("cpu.0"), std::clamp(cpu + 1.25, 0.0, 100.0)},
                     {QStringLiteral("memory_total"), 8.0e9 - std::fmod(8.0e9, 1024)},
                     {QStringLiteral("memory_used"), memory},
                     {QStringLiteral("load1"), 0.42 + i / 100.0},
                     {QStringLiteral("net.eth0.rx_bps"), rx},
                     {QStringLiteral("processes"), 212.0 + (i % 3)},
                     {QStringLiteral("uptime"), 86400.0 + i}};
        out.append(s);
    }
    return out;
}

bool near(const MetricValue &a, const MetricValue &b)
{
    if (a.name != b.name)
        return false;
    const MetricResolution r = metricResolution(a.name);
    const double step = r.perUnit > 0 ? 1.0 / double(r.perUnit) : double(-r.perUnit);
    return std::abs(a.value - b.value) <= step / 2 + 1e-9 * std::abs(b.value);
}

} // namespace

class TestMetricPack : public QObject
{
    Q_OBJECT
private slots:
    void resolutionsFollowTheMetric()
    {
        QCOMPARE(metricResolution(QStringLiteral("cpu_usage")).perUnit, 100);
        QCOMPARE(metricResolution(QStringLiteral("cpu.3")).perUnit, 100);
        QCOMPARE(metricResolution(QStringLiteral("memory_used")).perUnit, -1024);
        QCOMPARE(metricResolution(QStringLiteral("disk.root.used")).perUnit, -1024);
        QCOMPARE(metricResolution(QStringLiteral("net.eth0.tx_bps")).perUnit, 1);
        QCOMPARE(metricResolution(QStringLiteral("something_else")).perUnit, 1000);
        // Exact at the resolution: a percentage in hundredths, sizes in KiB.
        const MetricResolution percent = metricResolution(QStringLiteral("cpu_usage"));
        QCOMPARE(percent.value(percent.quantise(12.34)), 12.34);
        const MetricResolution size = metricResolution(QStringLiteral("memory_used"));
        QCOMPARE(size.value(size.quantise(4096.0 * 1000)), 4096.0 * 1000);
        // Out of range and not finite: clamped, not undefined.
        QCOMPARE(percent.quantise(qInf()), 0);
        QCOMPARE(percent.quantise(1e300), qint64(1) << 50);
        QCOMPARE(percent.quantise(-1e300), -(qint64(1) << 50));
    }

    void aMinuteRoundTrips()
    {
        const QList<PackedSample> minute = realisticMinute(7);
        MinutePackWriter writer;
        for (const PackedSample &s : minute)
            writer.append(s.timeMs, s.seq, s.metrics);
        QCOMPARE(writer.sampleCount(), 60);
        QCOMPARE(writer.valueCount(), 60 * 8);
        QCOMPARE(writer.lastSeq(), 5059);
        const auto back = unpackMinute(writer.packed());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(back.value().size(), minute.size());
        for (qsizetype i = 0; i < minute.size(); ++i) {
            QCOMPARE(back.value()[i].timeMs, minute[i].timeMs);
            QCOMPARE(back.value()[i].seq, minute[i].seq);
            QCOMPARE(back.value()[i].metrics.size(), minute[i].metrics.size());
            for (const MetricValue &expected : minute[i].metrics) {
                const auto found =
                    std::find_if(back.value()[i].metrics.begin(), back.value()[i].metrics.end(),
                                 [&](const MetricValue &m) { return m.name == expected.name; });
                QVERIFY(found != back.value()[i].metrics.end());
                QVERIFY2(near(*found, expected), qPrintable(QStringLiteral("%1: %2 for %3")
                                                                .arg(expected.name)
                                                                .arg(found->value)
                                                                .arg(expected.value)));
            }
        }
        // The figure the issue asks for, in a test as a bound only: a
        // realistic minute packs well below 4 bytes a value (the benchmark
        // reports the measured figure).
        QVERIFY2(double(writer.packed().size()) / double(writer.valueCount()) < 4.0,
                 qPrintable(QString::number(writer.packed().size())));
    }

    // The writer appends in place; resuming a stored minute and going on
    // must give the very bytes of writing every sample in one go.
    void resumingGivesTheSameBytes_data()
    {
        QTest::addColumn<int>("cut");
        for (int cut : {1, 17, 59})
            QTest::newRow(qPrintable(QString::number(cut))) << cut;
    }
    void resumingGivesTheSameBytes()
    {
        QFETCH(int, cut);
        const QList<PackedSample> minute = realisticMinute(11);
        MinutePackWriter whole;
        for (const PackedSample &s : minute)
            whole.append(s.timeMs, s.seq, s.metrics);
        MinutePackWriter first;
        for (int i = 0; i < cut; ++i)
            first.append(minute[i].timeMs, minute[i].seq, minute[i].metrics);
        auto resumed = MinutePackWriter::resume(first.packed());
        QVERIFY(resumed.ok());
        QCOMPARE(resumed.value().lastSeq(), minute[cut - 1].seq);
        for (qsizetype i = cut; i < minute.size(); ++i)
            resumed.value().append(minute[i].timeMs, minute[i].seq, minute[i].metrics);
        QCOMPARE(resumed.value().packed(), whole.packed());
    }

    void namesMayComeAndGo()
    {
        MinutePackWriter writer;
        writer.append(1000, 1, {{QStringLiteral("a"), 1.5}});
        // A new name, an old one missing, a repeated one (the last counts).
        writer.append(
            2000, 2,
            {{QStringLiteral("b"), 2.0}, {QStringLiteral("b"), 3.0}, {QStringLiteral("c"), -4.25}});
        writer.append(3000, 3, {});
        writer.append(4000, 4, {{QStringLiteral("a"), 1.5}, {QStringLiteral("c"), -4.25}});
        const auto back = unpackMinute(writer.packed());
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), 4);
        QCOMPARE(back.value()[0].metrics, QList<MetricValue>({{QStringLiteral("a"), 1.5}}));
        QCOMPARE(back.value()[1].metrics,
                 QList<MetricValue>({{QStringLiteral("b"), 3.0}, {QStringLiteral("c"), -4.25}}));
        QCOMPARE(back.value()[2].metrics, QList<MetricValue>());
        QCOMPARE(back.value()[3].metrics,
                 QList<MetricValue>({{QStringLiteral("a"), 1.5}, {QStringLiteral("c"), -4.25}}));
        QCOMPARE(back.value()[2].timeMs, 3000);
        QCOMPARE(writer.valueCount(), 5);
    }

    // Every cut and every flipped byte of a valid minute: an error or a
    // decode, never a crash (the fuzz target goes further).
    void damageIsAnErrorNotACrash()
    {
        MinutePackWriter writer;
        for (const PackedSample &s : realisticMinute(3, 5))
            writer.append(s.timeMs, s.seq, s.metrics);
        const QByteArray good = writer.packed();
        for (qsizetype cut = 0; cut < good.size(); ++cut) {
            const auto result = unpackMinute(good.first(cut));
            QVERIFY2(!result.ok(), qPrintable(QString::number(cut)));
            QCOMPARE(result.error().code, hm::ErrorCode::DbCorrupt);
        }
        QVERIFY(!unpackMinute(good + QByteArray(1, '\0')).ok());
        QVERIFY(!MinutePackWriter::resume(good.first(good.size() - 1)).ok());
        for (qsizetype at = 0; at < good.size(); ++at) {
            QByteArray flipped = good;
            flipped[at] = char(flipped.at(at) ^ 0x5a);
            (void)unpackMinute(flipped);
        }
        QByteArray wrongVersion = good;
        wrongVersion[1] = 9;
        QVERIFY(unpackMinute(wrongVersion).error().message.contains(QLatin1String("version 9")));
        QVERIFY(!unpackBucket(good).ok());
    }

    void bucketsSummariseAndRoundTrip()
    {
        const QList<PackedSample> minute = realisticMinute(5);
        const BucketStats stats = summarise(minute);
        QCOMPARE(stats.size(), 8);
        const MetricStats cpu = stats.value(QStringLiteral("cpu_usage"));
        QCOMPARE(cpu.count, 60);
        double min = 1e9, max = -1e9, sum = 0;
        for (const PackedSample &s : minute) {
            const double v = s.metrics.first().value;
            min = std::min(min, v);
            max = std::max(max, v);
            sum += v;
        }
        QCOMPARE(cpu.min, min);
        QCOMPARE(cpu.max, max);
        QVERIFY(std::abs(cpu.sum - sum) < 1e-6);

        const auto back = unpackBucket(packBucket(stats));
        QVERIFY(back.ok());
        QCOMPARE(back.value().size(), stats.size());
        for (auto it = stats.begin(); it != stats.end(); ++it) {
            const MetricStats got = back.value().value(it.key());
            QCOMPARE(got.count, it.value().count);
            QVERIFY(near({it.key(), got.min}, {it.key(), it.value().min}));
            QVERIFY(near({it.key(), got.max}, {it.key(), it.value().max}));
            QVERIFY(near({it.key(), got.average()}, {it.key(), it.value().average()}));
        }
        // Merging two halves equals summarising the whole.
        BucketStats merged = summarise(minute.first(25));
        const BucketStats rest = summarise(minute.sliced(25));
        for (auto it = rest.begin(); it != rest.end(); ++it)
            merged[it.key()].merge(it.value());
        QCOMPARE(merged.value(QStringLiteral("cpu_usage")).count, 60);
        QCOMPARE(merged.value(QStringLiteral("cpu_usage")).min, cpu.min);
        QCOMPARE(merged.value(QStringLiteral("cpu_usage")).max, cpu.max);
        // Packing is stable: what was unpacked packs to the same bytes.
        QCOMPARE(packBucket(back.value()), packBucket(stats));
        QVERIFY(!unpackBucket(packBucket(stats).chopped(1)).ok());
    }

    // One decoder over buckets whose names change from one to the next (it
    // reuses what it decoded at each place): the same statistics as
    // unpackBucket(), only the metrics asked for, in the bucket's order.
    void oneDecoderOverManyBuckets()
    {
        const BucketStats first = summarise(realisticMinute(5));
        BucketStats second = first;
        second.remove(QStringLiteral("cpu_usage"));
        second.insert(QStringLiteral("aaa_new"), first.value(QStringLiteral("processes")));
        const QSet<QString> only{QStringLiteral("cpu_usage"), QStringLiteral("aaa_new"),
                                 QStringLiteral("processes")};
        BucketDecoder decoder(only);
        BucketDecoder everything;
        for (const BucketStats &stats : {first, second, first, second}) {
            const QByteArray packed = packBucket(stats);
            BucketStats expected = unpackBucket(packed).value();
            BucketStats all;
            QVERIFY(everything
                        .decode(packed, [&all](const QString &name,
                                               const MetricStats &s) { all.insert(name, s); })
                        .ok());
            QCOMPARE(all, expected);
            expected.removeIf(
                [&only](BucketStats::iterator it) { return !only.contains(it.key()); });
            BucketStats kept;
            QStringList order;
            QVERIFY(decoder
                        .decode(packed,
                                [&](const QString &name, const MetricStats &s) {
                                    kept.insert(name, s);
                                    order.append(name);
                                })
                        .ok());
            QCOMPARE(kept, expected);
            QCOMPARE(kept.size(), 2);
            QStringList sorted = order;
            sorted.sort();
            QCOMPARE(order, sorted);
        }
        // A name twice is damage in whichever order; names out of order are not.
        const MetricStats one = first.value(QStringLiteral("processes"));
        const QByteArray a = packBucket({{QStringLiteral("aa"), one}}).sliced(3);
        const QByteArray b = packBucket({{QStringLiteral("bb"), one}}).sliced(3);
        const auto bucketOf = [](const QList<QByteArray> &entries) {
            QByteArray out("B\x01", 2);
            out.append(char(entries.size()));
            for (const QByteArray &entry : entries)
                out.append(entry);
            return out;
        };
        QCOMPARE(unpackBucket(bucketOf({b, a})).value().size(), 2);
        QVERIFY(!unpackBucket(bucketOf({a, b, a})).ok());
        QVERIFY(!unpackBucket(bucketOf({b, a, b})).ok());
        QVERIFY(!unpackBucket(bucketOf({a, a})).ok());
        QVERIFY(
            !decoder.decode(bucketOf({b, b}), [](const QString &, const MetricStats &) {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestMetricPack)
#include "TestMetricPack.moc"
