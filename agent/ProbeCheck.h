#pragma once

// One run of one probe, started once and finished once. The ProbeRunner
// bounds it by the probe's timeout by deleting it, so a check needs no
// timer of its own: deleting it must abort whatever it has in flight.

#include "agent/ProbeResult.h"
#include "fleet/ProbeTarget.h"

#include <QObject>

class QNetworkAccessManager;

namespace hm::agent {

class ProbeCheck : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;
    // What the runner reports when the timeout ends the check: down, with
    // whatever the check already knows (a certificate, the ICMP fallback).
    virtual ProbeResult timedOut() const = 0;

signals:
    // Exactly once; the receiver deletes the check later, not in the slot.
    void finished(const hm::agent::ProbeResult &result);
};

// The check for `probe`'s kind; HTTP checks share `network`.
std::unique_ptr<ProbeCheck> createProbeCheck(const fleet::ProbeTarget &probe,
                                             QNetworkAccessManager &network);

} // namespace hm::agent
