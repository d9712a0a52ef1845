#include "vpn/WgTrafficLedger.h"

namespace hm::vpn {

WgTrafficDelta advanceLedger(WgPeerLedger &ledger, const QString &instance, qint64 rx, qint64 tx)
{
    WgTrafficDelta delta;
    rx = qMax<qint64>(rx, 0);
    tx = qMax<qint64>(tx, 0);
    const bool continues = ledger.present && ledger.instance == instance;
    if (continues && rx >= ledger.lastRx && tx >= ledger.lastTx) {
        delta.rx = rx - ledger.lastRx;
        delta.tx = tx - ledger.lastTx;
    } else {
        delta.rx = rx;
        delta.tx = tx;
        delta.counterReset = continues;
    }
    ledger.instance = instance;
    ledger.present = true;
    ledger.lastRx = rx;
    ledger.lastTx = tx;
    ledger.totalRx += delta.rx;
    ledger.totalTx += delta.tx;
    return delta;
}

void markAbsent(WgPeerLedger &ledger)
{
    ledger.present = false;
    ledger.lastRx = 0;
    ledger.lastTx = 0;
}

} // namespace hm::vpn
