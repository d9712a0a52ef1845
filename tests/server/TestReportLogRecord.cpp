// The fleet report log's record (server/services/fleet/ReportLogRecord):
// what is written comes back exactly (every double's bits, the names
// carried from the node's previous record when left out), and a record
// that is cut short, too long, of an unknown kind or without names to go
// on with is refused rather than read as something else.

#include "server/services/fleet/ReportLogRecord.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

using namespace hm;
using namespace hm::server::fleet;

namespace {

hm::fleet::ReportMessage report(qint64 seq, std::initializer_list<std::pair<const char *, double>> values)
{
    hm::fleet::ReportMessage r;
    r.seq = seq;
    r.timeMs = 1'800'000'000'000 + seq * 1000;
    for (const auto &[name, value] : values)
        r.metrics.append({QString::fromLatin1(name), value});
    return r;
}

bool same(const hm::fleet::ReportMessage &a, const hm::fleet::ReportMessage &b)
{
    return a.seq == b.seq && a.timeMs == b.timeMs && a.metrics == b.metrics;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestReportLogRecord : public QObject
{
    Q_OBJECT
private slots:
    void roundTripsWithAndWithoutNames()
    {
        const auto first = report(7, {{"cpu_usage", 12.5}, {"disk_used:/var", 1e12}, {"load_avg_1", -0.0}});
        const auto second = report(8, {{"cpu_usage", 99.99}, {"disk_used:/var", 3.0}, {"load_avg_1", 1e-300}});
        QVERIFY(sameMetricNames({QStringLiteral("cpu_usage"), QStringLiteral("disk_used:/var"),
                                 QStringLiteral("load_avg_1")},
                                second.metrics));
        QVERIFY(!sameMetricNames({QStringLiteral("cpu_usage")}, second.metrics));

        const QByteArray a = encodeReportLogRecord(first, true);
        const QByteArray b = encodeReportLogRecord(second, false);
        QVERIFY(b.size() < a.size());
        QCOMPARE(b.size(), 1 + 1 + 6 + 1 + 3 * 8); // flags, seq, time, count, values
        QStringList names;
        auto readA = decodeReportLogRecord(a, names);
        QVERIFY(readA);
        QVERIFY(same(readA.value(), first));
        auto readB = decodeReportLogRecord(b, names);
        QVERIFY(readB);
        QVERIFY(same(readB.value(), second));
        QVERIFY(sameBits(readA.value().metrics.at(2).value, -0.0));
    }

    void randomReportsComeBackBitForBit()
    {
        QRandomGenerator random(35);
        QStringList names;
        for (int round = 0; round < 500; ++round) {
            hm::fleet::ReportMessage r;
            r.seq = qint64(random.generate64() >> 2);
            r.timeMs = qint64(random.generate64() >> 3);
            const int count = random.bounded(0, 70);
            for (int i = 0; i < count; ++i) {
                quint64 bits = random.generate64();
                double value = 0;
                std::memcpy(&value, &bits, 8);
                if (!std::isfinite(value))
                    value = double(bits % 1000);
                r.metrics.append({QStringLiteral("m%1_%2").arg(i).arg(random.bounded(3)), value});
            }
            const bool withNames = round == 0 || !sameMetricNames(names, r.metrics);
            auto read = decodeReportLogRecord(encodeReportLogRecord(r, withNames), names);
            QVERIFY(read);
            QCOMPARE(read.value().seq, r.seq);
            QCOMPARE(read.value().timeMs, r.timeMs);
            QCOMPARE(read.value().metrics.size(), r.metrics.size());
            for (int i = 0; i < count; ++i) {
                QCOMPARE(read.value().metrics.at(i).name, r.metrics.at(i).name);
                QVERIFY(sameBits(read.value().metrics.at(i).value, r.metrics.at(i).value));
            }
        }
    }

    void damagedRecordsAreRefused()
    {
        const QByteArray good = encodeReportLogRecord(report(3, {{"cpu_usage", 1.0}, {"processes", 2.0}}), true);
        QStringList names;
        QVERIFY(decodeReportLogRecord(good, names));
        // Every shorter prefix, one byte more, unknown flags.
        for (qsizetype n = 0; n < good.size(); ++n) {
            QStringList none;
            auto read = decodeReportLogRecord(QByteArrayView(good).first(n), none);
            QVERIFY2(!read, qPrintable(QString::number(n)));
            QCOMPARE(read.error().code, ErrorCode::ValidationError);
        }
        QStringList none;
        QVERIFY(!decodeReportLogRecord(good + 'x', none));
        QByteArray flags = good;
        flags[0] = char(0x03);
        QVERIFY(!decodeReportLogRecord(flags, none));
        // Names left out with nothing to go on with, or a different count.
        const QByteArray bare = encodeReportLogRecord(report(4, {{"cpu_usage", 1.0}, {"processes", 2.0}}), false);
        QStringList empty;
        QVERIFY(!decodeReportLogRecord(bare, empty));
        QStringList one{QStringLiteral("cpu_usage")};
        QVERIFY(!decodeReportLogRecord(bare, one));
        QVERIFY(decodeReportLogRecord(bare, names));
    }
};

QTEST_GUILESS_MAIN(TestReportLogRecord)
#include "TestReportLogRecord.moc"
