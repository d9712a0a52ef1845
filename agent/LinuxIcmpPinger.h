#pragma once

// ICMP echo through Linux's unprivileged datagram ICMP socket
// (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), likewise for IPv6): no raw
// socket, no capability, no setuid helper. The kernel fills in the
// identifier and the checksum and hands back only the echo replies meant
// for this socket. It opens only where net.ipv4.ping_group_range covers
// the agent's group; openIcmpPinger falls back to TCP otherwise.

#include "agent/IcmpPinger.h"

#include <QElapsedTimer>
#include <QSocketNotifier>

namespace hm::agent {

class LinuxIcmpPinger : public IcmpPinger
{
    Q_OBJECT
public:
    // Takes an open, non-blocking datagram ICMP socket of `ipv6`'s family.
    LinuxIcmpPinger(int fd, bool ipv6, QObject *parent = nullptr);
    ~LinuxIcmpPinger() override;
    void ping(const QHostAddress &address) override;
    bool isFallback() const override { return false; }

private:
    void onReadable();
    void complete(bool up);

    int m_fd;
    bool m_ipv6;
    QSocketNotifier m_notifier;
    QElapsedTimer m_clock;
    quint16 m_sequence = 0;
    bool m_done = false;
};

} // namespace hm::agent
