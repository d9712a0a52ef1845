#include "common/TimeOrderedUuid.h"

#include <QDateTime>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace hm;

class TestTimeOrderedUuid : public QObject
{
    Q_OBJECT

private slots:
    void isAVersion7UuidCarryingItsTime()
    {
        const qint64 ms = 1'795'254'724'123; // 2026-11-21T09:52:04.123Z
        const QString id = timeOrderedUuid(ms);
        QCOMPARE(id.size(), 36);
        QCOMPARE(id, id.toLower());
        const QUuid parsed(id);
        QVERIFY(!parsed.isNull());
        QCOMPARE(parsed.toString(QUuid::WithoutBraces), id);
        // Qt 6.4's QUuid::version() predates version 7: read the nibbles.
        QCOMPARE(id.at(14), QLatin1Char('7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19))); // RFC 9562 variant bits 10
        QCOMPARE(parsed.variant(), QUuid::DCE);
        // The first 48 bits are the milliseconds, big-endian.
        QCOMPARE(id.left(8) + id.mid(9, 4), QStringLiteral("%1").arg(ms, 12, 16, QLatin1Char('0')));
    }

    void givesBackItsTime()
    {
        const qint64 ms = 1'795'254'724'123;
        const QString id = timeOrderedUuid(ms);
        QCOMPARE(timeOfTimeOrderedUuid(id).value_or(-1), ms);
        QCOMPARE(timeOfTimeOrderedUuid(id.toUpper()).value_or(-1), ms);
        QCOMPARE(timeOfTimeOrderedUuid(timeOrderedUuid(0)).value_or(-1), qint64(0));
        // Not version 7, not a UUID, braces: no time.
        for (const QString &other :
             {QUuid::createUuid().toString(QUuid::WithoutBraces), QUuid::createUuid().toString(),
              QStringLiteral("{") + id + u'}', id.left(35), QString(), QStringLiteral("x"),
              QStringLiteral("00000000-0000-0000-0000-000000000000")})
            QVERIFY2(!timeOfTimeOrderedUuid(other), qPrintable(other));
    }

    void sortsByTimeAndIsUnique()
    {
        QSet<QString> seen;
        QString previous;
        const qint64 start = 1'700'000'000'000;
        for (qint64 ms = start; ms < start + 2000; ++ms) {
            // Several per millisecond: unique, and all after the last one
            // of the previous millisecond.
            QString latestOfThisMs;
            for (int i = 0; i < 5; ++i) {
                const QString id = timeOrderedUuid(ms);
                QVERIFY2(!seen.contains(id), qPrintable(id));
                seen.insert(id);
                QVERIFY2(previous < id, qPrintable(previous + QStringLiteral(" !< ") + id));
                latestOfThisMs = qMax(latestOfThisMs, id);
            }
            previous = latestOfThisMs;
        }
        QCOMPARE(seen.size(), 10000);
    }

    // The audit trail lists the entries of one millisecond in the order
    // they were written: ids of one millisecond count up.
    void oneMillisecondKeepsTheOrderMade()
    {
        // Later than any time asked for before in this process.
        const qint64 ms = 4'000'000'000'000;
        QString previous = timeOrderedUuid(ms);
        QSet<QString> seen{previous};
        for (int i = 0; i < 2047; ++i) {
            const QString id = timeOrderedUuid(ms);
            QVERIFY2(previous < id, qPrintable(previous + QStringLiteral(" !< ") + id));
            QCOMPARE(timeOfTimeOrderedUuid(id).value_or(-1), ms);
            seen.insert(id);
            previous = id;
        }
        // Past the counter's room: still unique and of that millisecond.
        for (int i = 0; i < 3000; ++i) {
            const QString id = timeOrderedUuid(ms);
            QVERIFY2(!seen.contains(id), qPrintable(id));
            QCOMPARE(timeOfTimeOrderedUuid(id).value_or(-1), ms);
            seen.insert(id);
        }
        // The next millisecond starts after all of them.
        const QString next = timeOrderedUuid(ms + 1);
        for (const QString &id : std::as_const(seen))
            QVERIFY(id < next);
    }

    void nowIsCloseToTheClock()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString id = timeOrderedUuid();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        bool ok = false;
        const qint64 ms = (id.left(8) + id.mid(9, 4)).toLongLong(&ok, 16);
        QVERIFY(ok);
        QVERIFY(ms >= before && ms <= after);
    }
};

QTEST_GUILESS_MAIN(TestTimeOrderedUuid)
#include "TestTimeOrderedUuid.moc"
