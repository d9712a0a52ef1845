// The rule that keeps a peer's traffic exact across counter resets
// (core/vpn WgTrafficLedger): a script of what the interface did, the bytes
// it really carried counted on the side, and the ledger's totals held
// against them after every step.

#include "vpn/WgTrafficLedger.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hm::vpn;

class TestWgTrafficLedger : public QObject
{
    Q_OBJECT

private slots:
    void countersContinueOnTheSameInstance()
    {
        WgPeerLedger ledger;
        WgTrafficDelta d = advanceLedger(ledger, QStringLiteral("b:7"), 100, 40);
        QCOMPARE(d.rx, 100);
        QCOMPARE(d.tx, 40);
        d = advanceLedger(ledger, QStringLiteral("b:7"), 150, 40);
        QCOMPARE(d.rx, 50);
        QCOMPARE(d.tx, 0);
        QVERIFY(!d.counterReset);
        QCOMPARE(ledger.totalRx, 150);
        QCOMPARE(ledger.totalTx, 40);
    }

    void aNewInstanceStartsFromZeroEvenWithHigherCounters()
    {
        // The interface was made anew and carried more since than the old
        // one had: a guess by "counter went down" would miss it.
        WgPeerLedger ledger;
        advanceLedger(ledger, QStringLiteral("b:7"), 100, 100);
        const WgTrafficDelta d = advanceLedger(ledger, QStringLiteral("b:9"), 500, 300);
        QCOMPARE(d.rx, 500);
        QCOMPARE(d.tx, 300);
        QVERIFY(!d.counterReset);
        QCOMPARE(ledger.totalRx, 600);
        QCOMPARE(ledger.totalTx, 400);
    }

    void aPeerBackAfterAbsenceStartsFromZero()
    {
        WgPeerLedger ledger;
        advanceLedger(ledger, QStringLiteral("b:7"), 1000, 10);
        markAbsent(ledger); // disabled: the peer is gone from the interface
        QVERIFY(!ledger.present);
        const WgTrafficDelta d = advanceLedger(ledger, QStringLiteral("b:7"), 2000, 5);
        QCOMPARE(d.rx, 2000);
        QCOMPARE(d.tx, 5);
        QCOMPARE(ledger.totalRx, 3000);
        QCOMPARE(ledger.totalTx, 15);
    }

    void countersGoingDownOnTheSameInstanceAreAReset()
    {
        WgPeerLedger ledger;
        advanceLedger(ledger, QStringLiteral("b:7"), 1000, 1000);
        const WgTrafficDelta d = advanceLedger(ledger, QStringLiteral("b:7"), 30, 2000);
        QVERIFY(d.counterReset);
        QCOMPARE(d.rx, 30);
        QCOMPARE(d.tx, 2000);
        QCOMPARE(ledger.totalRx, 1030);
        QCOMPARE(ledger.totalTx, 3000);
    }

    void negativeCountersCountAsZero()
    {
        WgPeerLedger ledger;
        const WgTrafficDelta d = advanceLedger(ledger, QStringLiteral("b:7"), -5, -1);
        QCOMPARE(d.rx, 0);
        QCOMPARE(d.tx, 0);
        QCOMPARE(ledger.totalRx, 0);
    }

    // A random script of traffic, samples, restarts and disables, each
    // removal sampled just before (as the server does): the totals equal the
    // bytes carried.
    void randomScriptsStayExact()
    {
        QRandomGenerator random(36);
        for (int run = 0; run < 200; ++run) {
            WgPeerLedger ledger;
            int ifindex = 3;
            bool peerThere = true;
            qint64 rx = 0; // the interface's counters
            qint64 tx = 0;
            qint64 carriedRx = 0; // what really went through
            qint64 carriedTx = 0;
            const auto instance = [&] { return QStringLiteral("boot:%1").arg(ifindex); };
            const auto sample = [&] {
                if (peerThere)
                    advanceLedger(ledger, instance(), rx, tx);
                else
                    markAbsent(ledger);
            };
            for (int step = 0; step < 60; ++step) {
                switch (random.bounded(5)) {
                case 0:
                case 1: // traffic
                    if (peerThere) {
                        const qint64 in = random.bounded(100000);
                        const qint64 out = random.bounded(100000);
                        rx += in;
                        tx += out;
                        carriedRx += in;
                        carriedTx += out;
                    }
                    break;
                case 2: // a periodic sample
                    sample();
                    break;
                case 3: // interface restart, sampled before
                    sample();
                    ++ifindex;
                    rx = tx = 0;
                    sample();
                    break;
                case 4: // disable or enable, sampled before
                    sample();
                    peerThere = !peerThere;
                    rx = tx = 0;
                    break;
                }
            }
            sample();
            QCOMPARE(ledger.totalRx, carriedRx);
            QCOMPARE(ledger.totalTx, carriedTx);
        }
    }
};

QTEST_GUILESS_MAIN(TestWgTrafficLedger)
#include "TestWgTrafficLedger.moc"
