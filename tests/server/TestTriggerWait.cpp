// ?wait=true's timeout rule (docs/api.md "Trigger"): the default when
// timeout_ms is missing or not positive, the request itself below the cap,
// and never more than the cap. A server process cannot show the cap in a
// test (it is five minutes), so the rule the trigger route uses is checked
// here directly.

#include "server/services/engine/TriggerService.h"

#include <QTest>

using namespace hm::server;

class TestTriggerWait : public QObject
{
    Q_OBJECT
private slots:
    void waitIsDefaultedAndCapped_data()
    {
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("expected");
        QTest::newRow("missing") << 0 << 30000;
        QTest::newRow("negative") << -5 << 30000;
        QTest::newRow("short") << 250 << 250;
        QTest::newRow("just below the cap") << 299999 << 299999;
        QTest::newRow("the cap") << 300000 << 300000;
        QTest::newRow("above the cap") << 300001 << 300000;
        QTest::newRow("huge") << 2000000000 << 300000;
    }
    void waitIsDefaultedAndCapped()
    {
        QFETCH(int, requested);
        QFETCH(int, expected);
        QCOMPARE(effectiveWaitMs(requested), expected);
        QCOMPARE(kDefaultWaitMs, 30000);
        QCOMPARE(kMaxWaitMs, 300000);
    }
};

QTEST_GUILESS_MAIN(TestTriggerWait)
#include "TestTriggerWait.moc"
