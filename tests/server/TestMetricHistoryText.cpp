// The metric history's items written as text (BucketItemsText, issue 35)
// held against the former path, which built a QJsonObject per bucket
// (kept below as the reference), over many random histories: every tier's
// bucket length, metrics missing from some buckets, a bucket at time 0
// (its time is null), names kept or not; and the merge of neighbouring
// buckets when `limit` is smaller, against a direct computation. The
// answer read from days (schema 44: MetricDayPack, single buckets laid
// over them) is held byte for byte against the answer from single buckets
// (unpackBucket / BucketDecoder) on random histories.

#include "fleet/MetricDayPack.h"
#include "fleet/MetricPack.h"
#include "server/api/AuthCommon.h"
#include "server/services/fleet/BucketItemsText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using hm::fleet::BucketStats;
using hm::fleet::MetricStats;
using hm::server::repositories::MetricBlob;
using namespace hm::server::fleet;

namespace {

// The differential loops below are long; under AddressSanitizer (5-10x
// slower) a fifth of their random cases still runs every path, within the
// sanitizer stage's time (the ci build runs them all).
#if defined(__SANITIZE_ADDRESS__)
constexpr quint32 kCaseShare = 5;
#else
constexpr quint32 kCaseShare = 1;
#endif

const QStringList kNames{QStringLiteral("cpu_usage"),        QStringLiteral("disk_read_bps"),
                         QStringLiteral("load_avg_1"),       QStringLiteral("memory_used"),
                         QStringLiteral("network_in"),       QStringLiteral("swap_total"),
                         QStringLiteral("temperature_cpu0"), QStringLiteral("uptime")};

// The answer as it was built before the text writer: one QJsonObject per
// bucket, every bucket its own item (the former MetricHistory::query()).
QJsonArray referenceItems(const QList<MetricBlob> &rows, const QSet<QString> &names)
{
    QJsonArray items;
    hm::fleet::BucketDecoder decoder(names);
    for (const MetricBlob &row : rows) {
        QJsonObject average;
        QJsonObject min;
        QJsonObject max;
        QJsonObject count;
        const hm::Status decoded =
            decoder.decode(row.data, [&](const QString &name, const MetricStats &s) {
                average.insert(name, s.average());
                min.insert(name, s.min);
                max.insert(name, s.max);
                count.insert(name, double(s.count));
            });
        if (!decoded)
            qFatal("reference: %s", qPrintable(decoded.error().message));
        items.append(
            QJsonObject{{QStringLiteral("time"), hm::server::auth::isoOrNull(row.key * 1000)},
                        {QStringLiteral("metrics"), average},
                        {QStringLiteral("min"), min},
                        {QStringLiteral("max"), max},
                        {QStringLiteral("count"), count}});
    }
    return items;
}

double randomValue(QRandomGenerator &rng)
{
    switch (rng.bounded(6)) {
    case 0:
        return double(rng.bounded(1000)); // integral
    case 1:
        return rng.generateDouble() * 100; // a percentage
    case 2:
        return -rng.generateDouble() * 50; // a temperature below zero
    case 3:
        return double(qint64(rng.bounded(1 << 30)) << 20); // bytes, large
    case 4:
        return rng.generateDouble() * 1e-3;
    default:
        return 1e17 + double(rng.bounded(1000)) * 1024;
    }
}

// `buckets` random buckets of `length` s, oldest first; each metric is in a
// bucket with probability 3/4.
QList<MetricBlob> randomHistory(QRandomGenerator &rng, int buckets, qint64 length, bool atZero)
{
    QList<MetricBlob> rows;
    qint64 key = atZero ? 0 : 1'780'000'000 / length * length;
    for (int b = 0; b < buckets; ++b, key += length) {
        BucketStats stats;
        for (const QString &name : kNames) {
            if (rng.bounded(4) == 0)
                continue;
            MetricStats s;
            const int samples = 1 + int(rng.bounded(720));
            for (int i = 0; i < std::min(samples, 4); ++i)
                s.add(randomValue(rng));
            s.count = samples; // the sum then stands for more samples
            s.sum = s.sum / std::min(samples, 4) * samples;
            stats.insert(name, s);
        }
        rows.append(MetricBlob{key, hm::fleet::packBucket(stats)});
    }
    return rows;
}

QSet<QString> randomNames(QRandomGenerator &rng)
{
    QSet<QString> names;
    if (rng.bounded(3) == 0)
        return names; // all
    for (const QString &name : kNames) {
        if (rng.bounded(2) == 0)
            names.insert(name);
    }
    if (rng.bounded(4) == 0)
        names.insert(QStringLiteral("not_stored"));
    return names;
}

QByteArray textOf(const QList<MetricBlob> &rows, const QSet<QString> &names, qint64 limit)
{
    QByteArray text;
    const hm::Status written = appendBucketItems(text, rows, names, limit);
    if (!written)
        qFatal("text: %s", qPrintable(written.error().message));
    return text;
}

} // namespace

class TestMetricHistoryText : public QObject
{
    Q_OBJECT
private slots:
    void numbersAsQtWritesThem()
    {
        const QList<double> values{0,      -0.0,    1,      -1,      0.1,       1.0 / 3,
                                   1e17,   1e21,    -1e300, 5e-324,  123456.75, 4503599627370497.0,
                                   9.2e18, -9.3e18, qInf(), -qInf(), qQNaN(),   2.5e-7};
        for (double v : values) {
            QByteArray mine;
            appendJsonNumber(mine, v);
            QByteArray qt = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            QCOMPARE(mine, qt.mid(1, qt.size() - 2));
        }
    }

    // The shortest text of random doubles of every magnitude, as Qt writes it.
    void randomNumbersAsQtWritesThem()
    {
        QRandomGenerator rng(35);
        for (int i = 0; i < 200000; ++i) {
            const double v =
                (rng.generateDouble() - 0.5) * std::pow(10.0, int(rng.bounded(60)) - 30);
            QByteArray mine;
            appendJsonNumber(mine, v);
            QByteArray qt = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            QCOMPARE(mine, qt.mid(1, qt.size() - 2));
        }
    }

    void stringsAsQtWritesThem()
    {
        const QString text = QStringLiteral("a\"b\\c\n\t\r\b\f\x01\x1f/ü€😀 end");
        QByteArray mine;
        appendJsonString(mine, text);
        QByteArray qt = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        QCOMPARE(mine, qt.mid(1, qt.size() - 2));
    }

    // Without merging: the same bytes as QJsonDocument writes for the
    // former objects, and so the same values.
    void sameAsTheObjectPath()
    {
        const qint64 lengths[] = {60, 900, 3600};
        for (quint32 seed = 1; seed <= 300; ++seed) {
            QRandomGenerator rng(seed);
            const qint64 length = lengths[seed % 3];
            const QList<MetricBlob> rows =
                randomHistory(rng, int(rng.bounded(40)), length, seed % 10 == 0);
            const QSet<QString> names = randomNames(rng);
            const QJsonArray reference = referenceItems(rows, names);
            const QByteArray text = textOf(rows, names, 10000);
            QCOMPARE(text, QJsonDocument(reference).toJson(QJsonDocument::Compact));
            // Read back, as a client reads it (Qt reads a literal like
            // 100000000000191490 as that integer, not the double it was
            // written from; so does the former answer's text).
            QCOMPARE(QJsonDocument::fromJson(text).array(),
                     QJsonDocument::fromJson(QJsonDocument(reference).toJson()).array());
            auto objects = bucketItemsJson(rows, names, 10000);
            QVERIFY(objects);
            QCOMPARE(objects.value(), reference);
        }
    }

    // `limit` below the bucket count: at most `limit` points, each the exact
    // merge of its neighbouring buckets, computed here directly.
    void mergesNeighbours()
    {
        for (quint32 seed = 1; seed <= 300; ++seed) {
            QRandomGenerator rng(seed * 7919);
            const int buckets = 2 + int(rng.bounded(60));
            const QList<MetricBlob> rows = randomHistory(rng, buckets, 3600, false);
            const QSet<QString> names = randomNames(rng);
            const qint64 limit = 1 + rng.bounded(buckets - 1);
            const QByteArray text = textOf(rows, names, limit);
            const QJsonArray items = QJsonDocument::fromJson(text).array();
            const qsizetype per = (buckets + limit - 1) / limit;
            QVERIFY(items.size() <= limit);
            QCOMPARE(items.size(), (buckets + per - 1) / per);
            for (qsizetype p = 0; p < items.size(); ++p) {
                const QJsonObject item = items.at(p).toObject();
                QCOMPARE(item.value(QStringLiteral("time")),
                         hm::server::auth::isoOrNull(rows.at(p * per).key * 1000));
                // Directly: counts summed, extremes, sums over counts.
                QMap<QString, qint64> count;
                QMap<QString, double> sum;
                QMap<QString, double> min;
                QMap<QString, double> max;
                for (qsizetype b = p * per; b < std::min<qsizetype>(buckets, (p + 1) * per); ++b) {
                    const BucketStats stats = hm::fleet::unpackBucket(rows.at(b).data).value();
                    for (auto it = stats.cbegin(); it != stats.cend(); ++it) {
                        if (!names.isEmpty() && !names.contains(it.key()))
                            continue;
                        const bool first = !count.contains(it.key());
                        count[it.key()] += it.value().count;
                        sum[it.key()] += it.value().sum;
                        min[it.key()] =
                            first ? it.value().min : std::min(min[it.key()], it.value().min);
                        max[it.key()] =
                            first ? it.value().max : std::max(max[it.key()], it.value().max);
                    }
                }
                const QJsonObject counts = item.value(QStringLiteral("count")).toObject();
                QCOMPARE(counts.keys(), count.keys());
                for (const QString &name : count.keys()) {
                    QCOMPARE(counts.value(name).toInteger(), count[name]);
                    QCOMPARE(item[QStringLiteral("min")][name].toDouble(), min[name]);
                    QCOMPARE(item[QStringLiteral("max")][name].toDouble(), max[name]);
                    QCOMPARE(item[QStringLiteral("metrics")][name].toDouble(),
                             sum[name] / double(count[name]));
                }
            }
            // The object path merges the same way.
            auto objects = bucketItemsJson(rows, names, limit);
            QVERIFY(objects);
            QCOMPARE(text, QJsonDocument(objects.value()).toJson(QJsonDocument::Compact));
        }
    }

    // The same history stored as days, with some buckets left single (the
    // day in progress, a bucket rolled up again over an older version in
    // its day, a database not converted yet) and a range inside it: the
    // same text and objects as from the single buckets.
    void daysAnswerAsSingleBuckets()
    {
        const qint64 lengths[] = {60, 900, 3600};
        for (quint32 seed = 1; seed <= 300 / kCaseShare; ++seed) {
            QRandomGenerator rng(seed * 104729);
            const qint64 length = lengths[seed % 3];
            const int buckets = int(rng.bounded(length == 60 ? 3000 : 300));
            const QList<MetricBlob> rows = randomHistory(rng, buckets, length, seed % 10 == 0);
            const QSet<QString> names = randomNames(rng);
            const qint64 limit = rng.bounded(2) ? 10000 : 1 + rng.bounded(buckets + 1);
            // A range inside the history (or all of it).
            qint64 from = rows.isEmpty() ? 0 : rows.first().key;
            qint64 to = rows.isEmpty() ? 0 : rows.last().key;
            if (!rows.isEmpty() && rng.bounded(2)) {
                from = rows.at(rng.bounded(int(rows.size()))).key - length / 2;
                to = from + qint64(rng.bounded(buckets + 1)) * length;
            }
            QList<MetricBlob> inRange;
            for (const MetricBlob &row : rows) {
                if (row.key >= from && row.key <= to)
                    inRange.append(row);
            }
            // Days, and single buckets apart.
            QMap<qint64, QMap<qint64, BucketStats>> days;
            QList<MetricBlob> singles;
            for (const MetricBlob &row : rows) {
                const qint64 day = hm::fleet::dayOf(row.key);
                const int where = int(rng.bounded(8));
                if (where == 0) {
                    singles.append(row);
                } else if (where == 1) {
                    // An older version in the day, the newer one single.
                    BucketStats older;
                    older.insert(QStringLiteral("older_only"), MetricStats{1, 2, 2, 2});
                    days[day].insert(row.key, older);
                    singles.append(row);
                } else {
                    days[day].insert(row.key, hm::fleet::unpackBucket(row.data).value());
                }
            }
            hm::fleet::BucketColumnsBuilder builder(names, from, to);
            for (auto day = days.cbegin(); day != days.cend(); ++day)
                QVERIFY(
                    builder.addDay(day.key(), hm::fleet::packDay(day.key(), length, day.value())));
            for (const MetricBlob &row : singles)
                QVERIFY(builder.addBucket(row.key, row.data));
            const hm::fleet::BucketColumns columns = builder.finish();
            QByteArray text;
            QVERIFY(appendBucketItems(text, columns, limit));
            QCOMPARE(text, textOf(inRange, names, limit));
            QCOMPARE(bucketItemsJson(columns, limit),
                     bucketItemsJson(inRange, names, limit).value());
        }
    }

    // writeJsonSteps() (a value that is a whole number of its metric's
    // steps written from the integer) against writeJsonNumber(), the
    // general writer held against Qt above: every resolution the metrics
    // have, whole steps of every magnitude up to and past the fast path's
    // 10^15 bound, and values between steps (averages), which take the
    // general way.
    void stepsAsTheGeneralWriter()
    {
        const auto same = [](double value, qint64 perUnit) {
            char fast[kJsonNumberRoom];
            char general[kJsonNumberRoom];
            const QByteArray a(fast, writeJsonSteps(fast, value, decimalSteps(perUnit)) - fast);
            const QByteArray b(general, writeJsonNumber(general, value) - general);
            if (a != b)
                qWarning("%.17g at perUnit %lld: %s, expected %s", value,
                         static_cast<long long>(perUnit), a.constData(), b.constData());
            return a == b;
        };
        const qint64 perUnits[] = {1, 10, 100, 1000, 10000, -1024, 7, 0};
        QCOMPARE(decimalSteps(100).perUnit, 100);
        QCOMPARE(decimalSteps(100).places, 2);
        QCOMPARE(decimalSteps(1000).places, 3);
        QCOMPARE(decimalSteps(1).places, 0);
        QCOMPARE(decimalSteps(-1024).perUnit, 0);
        QCOMPARE(decimalSteps(7).perUnit, 0);
        QCOMPARE(decimalSteps(10000).perUnit, 0);
        QRandomGenerator rng(3515);
        for (const qint64 perUnit : perUnits) {
            const hm::fleet::MetricResolution resolution{perUnit == 0 ? 1 : perUnit};
            for (const double v : {0.0, -0.0, 1.0, -1.0, 0.01, -0.01, 0.001, 0.005, 99.99, 1e15,
                                   -1e15, 999999999999999.0, 1e15 - 0.5, 123456789012.345,
                                   qQNaN(), qInf(), -qInf(), 5e-324, 1e300})
                QVERIFY(same(v, perUnit));
            for (int i = 0; i < 100000; ++i) {
                // Whole steps: what MetricResolution::value() gives.
                const int digits = 1 + int(rng.bounded(17));
                qint64 steps = qint64(rng.generateDouble() * std::pow(10.0, digits));
                if (rng.bounded(2))
                    steps = -steps;
                QVERIFY(same(resolution.value(steps), perUnit));
                // An average of a few steps: mostly between them.
                const qint64 count = 1 + rng.bounded(720);
                const double sum = resolution.value(steps) * double(count) +
                                   resolution.value(qint64(rng.bounded(1000)));
                QVERIFY(same(sum / double(count), perUnit));
                QVERIFY(same((rng.generateDouble() - 0.5) *
                                 std::pow(10.0, int(rng.bounded(40)) - 20),
                             perUnit));
            }
        }
    }

    // A year of 1-hour buckets in days, as MetricHistory reads it: metrics
    // that appear and disappear over the year (a disk mounted for a few
    // months, a sensor gone), gaps of hours and of whole days (the agent
    // off), days cut at their UTC edges by the range, the day in progress
    // as single buckets, every limit from 1 to beyond the bucket count.
    // The text (written through a pointer, with the steps' fast numbers)
    // byte for byte against the single-bucket reference and against the
    // object path's QJsonDocument text.
    void aYearOfDaysAsTheReference()
    {
        const qint64 kHour = 3600;
        const qint64 yearStart = 1'764'547'200; // 2025-12-01T00:00:00Z
        for (quint32 seed = 1; seed <= 12 / qMin(kCaseShare, 4u); ++seed) {
            QRandomGenerator rng(seed * 35353);
            // Each metric's span of days (some all year).
            struct Span
            {
                QString name;
                qint64 firstDay;
                qint64 lastDay;
            };
            QList<Span> spans;
            const QStringList names{QStringLiteral("cpu_usage"),     QStringLiteral("cpu.3"),
                                    QStringLiteral("load_avg_15"),   QStringLiteral("temp.nvme0"),
                                    QStringLiteral("memory_used"),   QStringLiteral("disk_total"),
                                    QStringLiteral("network_in"),    QStringLiteral("tcp_connections"),
                                    QStringLiteral("mount./srv.used"), QStringLiteral("x_unknown")};
            for (const QString &name : names) {
                const bool allYear = rng.bounded(2) == 0;
                const qint64 first = allYear ? 0 : rng.bounded(365);
                spans.append({name, first, allYear ? 364 : first + rng.bounded(365 - first)});
            }
            QList<MetricBlob> rows;
            QMap<qint64, QMap<qint64, BucketStats>> days;
            QList<MetricBlob> singles;
            double level = 50;
            for (qint64 day = 0; day < 365; ++day) {
                if (rng.bounded(30) == 0)
                    continue; // a day without reports
                for (qint64 hour = 0; hour < 24; ++hour) {
                    if (rng.bounded(10) == 0)
                        continue; // an hour without reports
                    const qint64 start = yearStart + day * 86400 + hour * kHour;
                    BucketStats stats;
                    for (const Span &span : spans) {
                        if (day < span.firstDay || day > span.lastDay || rng.bounded(20) == 0)
                            continue;
                        level = std::clamp(level + (rng.generateDouble() - 0.5) * 5, -40.0, 200.0);
                        MetricStats s;
                        const int samples = 1 + int(rng.bounded(720));
                        s.add(level);
                        s.add(level * (1 + rng.generateDouble()));
                        if (rng.bounded(50) == 0)
                            s.add(qQNaN()); // quantised to 0, as any non-finite value
                        s.add(span.name.startsWith(u"memory") || span.name.startsWith(u"disk")
                                  ? level * 1e9
                                  : level);
                        s.count = samples;
                        s.sum = s.sum / 3 * samples;
                        stats.insert(span.name, s);
                    }
                    const QByteArray packed = hm::fleet::packBucket(stats);
                    rows.append(MetricBlob{start, packed});
                    if (day == 364 && hour >= 20)
                        singles.append(rows.last()); // the day in progress
                    else
                        days[hm::fleet::dayOf(start)].insert(
                            start, hm::fleet::unpackBucket(packed).value());
                }
            }
            const qint64 cuts[][2] = {{yearStart, yearStart + 365 * 86400},
                                      {yearStart + 86400 * rng.bounded(300), yearStart + 365 * 86400},
                                      {yearStart + 86400 * 100 - 1, yearStart + 86400 * 200},
                                      {yearStart + 86400 * 50 + kHour * rng.bounded(24),
                                       yearStart + 86400 * 51 - 1}};
            for (const auto &cut : cuts) {
                const QSet<QString> only = rng.bounded(2) ? QSet<QString>{} : randomNames(rng);
                hm::fleet::BucketColumnsBuilder builder(only, cut[0], cut[1]);
                for (auto day = days.cbegin(); day != days.cend(); ++day)
                    QVERIFY(builder.addDay(day.key(),
                                           hm::fleet::packDay(day.key(), kHour, day.value())));
                for (const MetricBlob &row : singles)
                    QVERIFY(builder.addBucket(row.key, row.data));
                const hm::fleet::BucketColumns columns = builder.finish();
                QList<MetricBlob> inRange;
                for (const MetricBlob &row : rows) {
                    if (row.key >= cut[0] && row.key <= cut[1])
                        inRange.append(row);
                }
                QCOMPARE(qsizetype(columns.starts.size()), inRange.size());
                for (const qint64 limit : {qint64(1), qint64(7), qint64(1 + rng.bounded(2000)),
                                           qint64(1000), qint64(10000)}) {
                    QByteArray text;
                    QVERIFY(appendBucketItems(text, columns, limit));
                    QCOMPARE(text, textOf(inRange, only, limit));
                    QCOMPARE(text, QJsonDocument(bucketItemsJson(columns, limit))
                                       .toJson(QJsonDocument::Compact));
                }
            }
        }
    }

    // The times at the edges of what the fast ISO writer covers: before
    // 1970 and at 0 (null), the first second, and past the year 9999
    // (QDateTime's form): the same text as the object path.
    void timesAtTheEdges()
    {
        hm::fleet::BucketColumns columns;
        columns.starts = {-86400, -1, 0, 1, 86399, 253'402'300'799, 253'402'300'800,
                          300'000'000'000};
        columns.columns.push_back({QStringLiteral("cpu_usage"),
                                   std::vector<MetricStats>(columns.starts.size(),
                                                            MetricStats{2, 0.25, 99.5, 100.5}),
                                   std::vector<quint8>(columns.starts.size(), 1)});
        columns.columns.front().present[2] = 0; // absent in one bucket
        for (const qint64 limit : {qint64(1), qint64(3), qint64(10000)}) {
            QByteArray text;
            QVERIFY(appendBucketItems(text, columns, limit));
            QCOMPARE(text, QJsonDocument(bucketItemsJson(columns, limit))
                               .toJson(QJsonDocument::Compact));
        }
    }

    void pointsPerLimit()
    {
        QCOMPARE(bucketsPerPoint(8760, 10000), 1);
        QCOMPARE(bucketsPerPoint(8760, 1000), 9); // 974 points
        QCOMPARE(bucketsPerPoint(1000, 1000), 1);
        QCOMPARE(bucketsPerPoint(1001, 1000), 2);
        QCOMPARE(bucketsPerPoint(5, 1), 5);
        QCOMPARE(bucketsPerPoint(0, 1), 1);
    }
};

QTEST_GUILESS_MAIN(TestMetricHistoryText)
#include "TestMetricHistoryText.moc"
