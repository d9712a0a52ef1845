#pragma once

// The rule that keeps a WireGuard peer's traffic exact (issue 36 point 5).
//
// `wg show dump` gives a peer's rx/tx bytes since the peer was added to the
// interface. The counters start again from zero when the interface is
// created anew (a restart, a reboot, wireguard-go started again) or the
// peer is removed and added back (a disable and enable). Nothing here guesses
// from the numbers: each sample carries the interface's instance (boot id
// and ifindex, new each time the interface is made), and the ledger
// remembers whether the previous sample saw the peer. Counters continue only
// when the instance is the same and the peer was there last time; otherwise
// they started from zero and all of them are new. Whoever removes a peer or
// an interface samples it just before (the server does, on the same worker),
// so only what passes between that sample and the removal — nothing, when
// the change comes from HiveMind — escapes the count.

#include <QString>
#include <QtGlobal>

namespace hm::vpn {

// What the ledger remembers of one peer between samples.
struct WgPeerLedger
{
    QString instance;    // the interface instance of the last sample that saw it
    bool present = false; // the last sample of its interface saw it
    qint64 lastRx = 0;   // its counters in that sample
    qint64 lastTx = 0;
    qint64 totalRx = 0;  // everything counted so far
    qint64 totalTx = 0;
};

struct WgTrafficDelta
{
    qint64 rx = 0;
    qint64 tx = 0;
    // The counters went down on the same instance with the peer there all
    // along: it was removed and added back between two samples by someone
    // else than HiveMind. Counted from zero; what it had sent since the
    // previous sample is lost (logged).
    bool counterReset = false;
};

// A sample saw the peer with these counters on `instance`: the bytes that
// are new since the last sample, added to the totals; the ledger now
// remembers this sample.
WgTrafficDelta advanceLedger(WgPeerLedger &ledger, const QString &instance, qint64 rx, qint64 tx);

// A sample of its interface did not see the peer (or the interface is gone):
// whatever it counts next started from zero.
void markAbsent(WgPeerLedger &ledger);

} // namespace hm::vpn
