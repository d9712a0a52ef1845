#pragma once

// One ICMP echo, behind an interface: on Linux an unprivileged datagram
// ICMP socket (LinuxIcmpPinger.cpp; allowed where net.ipv4.ping_group_range
// covers the agent's group), everywhere else, or where the kernel refuses
// that socket, a TCP connect to port 80 and 443 (TcpFallbackPinger).

#include <QHostAddress>
#include <QObject>
#include <memory>

namespace hm::agent {

class IcmpPinger : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // One echo to `address`; finished() once, never from inside ping().
    // Deleting the pinger cancels it.
    virtual void ping(const QHostAddress &address) = 0;
    // True for the TCP fallback: the result is reported with
    // probe.<id>.fallback = 1.
    virtual bool isFallback() const = 0;

signals:
    // up: the host answered; latencyMs only meaningful when up.
    void finished(bool up, double latencyMs);
};

struct OpenedPinger
{
    std::unique_ptr<IcmpPinger> pinger;
    QString fallbackReason; // why the TCP fallback is used; empty otherwise
};

// The best pinger this system allows for `address`'s family.
OpenedPinger openIcmpPinger(const QHostAddress &address);

} // namespace hm::agent
