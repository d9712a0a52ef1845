// The hand-written ISO-8601 formatter against QDateTime, which it replaces
// on the hot paths (log lines, answer envelopes): same text for every
// instant, leap years, century rules, day/year boundaries and before 1970.
#include "common/IsoTime.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

using namespace hm;

namespace {
QString reference(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
qint64 at(int year, int month, int day, int h = 0, int m = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(h, m, s, ms), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

class TestIsoTime : public QObject
{
    Q_OBJECT
private slots:
    void knownInstants()
    {
        QCOMPARE(formatIsoUtcMs(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        QCOMPARE(formatIsoUtcMs(-1), QStringLiteral("1969-12-31T23:59:59.999Z"));
        QCOMPARE(formatIsoUtcMs(at(2026, 11, 21, 9, 52, 4, 123)),
                 QStringLiteral("2026-11-21T09:52:04.123Z"));
        QCOMPARE(formatIsoUtcMs(at(2000, 2, 29, 23, 59, 59, 7)),
                 QStringLiteral("2000-02-29T23:59:59.007Z"));
    }

    void boundariesMatchQDateTime_data()
    {
        QTest::addColumn<qint64>("ms");
        // Leap years (2000, 2024), century non-leap years (1900, 2100),
        // year ends, the epoch, the first and last supported instants.
        const QList<QDate> days{{1, 1, 1},     {1, 12, 31},    {4, 2, 29},     {100, 3, 1},
                                {1582, 10, 4}, {1582, 10, 15}, {1600, 2, 29},  {1899, 12, 31},
                                {1900, 2, 28}, {1900, 3, 1},   {1969, 12, 31}, {1970, 1, 1},
                                {1972, 2, 29}, {1999, 12, 31}, {2000, 1, 1},   {2000, 2, 29},
                                {2000, 3, 1},  {2024, 2, 29},  {2024, 12, 31}, {2038, 1, 19},
                                {2100, 2, 28}, {2100, 3, 1},   {2400, 2, 29},  {9999, 12, 31}};
        for (const QDate &day : days) {
            const qint64 start = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            for (const qint64 offset : {qint64(0), qint64(1), qint64(999), qint64(1000),
                                        qint64(43'200'000), qint64(86'399'999)})
                QTest::addRow("%s+%lld", qPrintable(day.toString(Qt::ISODate)),
                              static_cast<long long>(offset))
                    << start + offset;
        }
    }
    void boundariesMatchQDateTime()
    {
        QFETCH(qint64, ms);
        QCOMPARE(formatIsoUtcMs(ms), reference(ms));
    }

    void everyDayOfFourCenturiesMatchesQDateTime()
    {
        // 1800..2200 day by day, at a varying time of day.
        const qint64 first = at(1800, 1, 1);
        const qint64 last = at(2200, 1, 1);
        qint64 timeOfDay = 0;
        for (qint64 day = first; day < last; day += 86'400'000) {
            timeOfDay = (timeOfDay + 3'601'001) % 86'400'000;
            const qint64 ms = day + timeOfDay;
            if (formatIsoUtcMs(ms) != reference(ms))
                QFAIL(qPrintable(
                    QStringLiteral("%1: %2 != %3").arg(ms).arg(formatIsoUtcMs(ms), reference(ms))));
        }
    }

    void randomInstantsMatchQDateTime()
    {
        QRandomGenerator random(20261121); // fixed seed: a failure repeats
        const qint64 first = at(1, 1, 1);
        const qint64 end = at(9999, 12, 31, 23, 59, 59, 999) + 1;
        for (int i = 0; i < 200000; ++i) {
            const qint64 ms =
                first + static_cast<qint64>(random.bounded(static_cast<quint64>(end - first)));
            if (formatIsoUtcMs(ms) != reference(ms))
                QFAIL(qPrintable(
                    QStringLiteral("%1: %2 != %3").arg(ms).arg(formatIsoUtcMs(ms), reference(ms))));
        }
    }

    void outsideYearsOneToNineThousandFallsBack()
    {
        char text[kIsoUtcMsLength] = {};
        const qint64 before = at(1, 1, 1) - 1;
        const qint64 after = at(9999, 12, 31, 23, 59, 59, 999) + 1;
        QVERIFY(writeIsoUtcMs(before + 1, text));
        QVERIFY(writeIsoUtcMs(after - 1, text));
        QVERIFY(!writeIsoUtcMs(before, text));
        QVERIFY(!writeIsoUtcMs(after, text));
        QCOMPARE(formatIsoUtcMs(before), reference(before));
        QCOMPARE(formatIsoUtcMs(after), reference(after));
    }

    void nowIsParsable()
    {
        const QString now = isoUtcNowMs();
        QCOMPARE(now.size(), kIsoUtcMsLength);
        QVERIFY(QDateTime::fromString(now, Qt::ISODateWithMs).isValid());
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "TestIsoTime.moc"
