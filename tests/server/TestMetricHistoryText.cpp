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
        for (quint32 seed = 1; seed <= 300; ++seed) {
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
