#include "agent/LinuxIcmpPinger.h"

#include "agent/TcpFallbackPinger.h"

#include <QRandomGenerator>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hm::agent {

namespace {

// RFC 792 and RFC 4443 echo types; the datagram socket keeps the rest of
// the header (identifier, checksum) to the kernel.
constexpr quint8 kEchoRequestV4 = 8;
constexpr quint8 kEchoReplyV4 = 0;
constexpr quint8 kEchoRequestV6 = 128;
constexpr quint8 kEchoReplyV6 = 129;
constexpr int kEchoHeaderBytes = 8;
constexpr int kEchoPayloadBytes = 16;

QString icmpSocketRefusal(int error)
{
    const QString why = QString::fromLocal8Bit(std::strerror(error));
    if (error == EACCES || error == EPERM)
        return QStringLiteral("the kernel refused an unprivileged ICMP socket (%1): "
                              "net.ipv4.ping_group_range does not include the agent's group")
            .arg(why);
    return QStringLiteral("no unprivileged ICMP socket on this system (%1)").arg(why);
}

} // namespace

OpenedPinger openIcmpPinger(const QHostAddress &address)
{
    const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    const int family = ipv6 ? AF_INET6 : AF_INET;
    const int protocol = ipv6 ? int(IPPROTO_ICMPV6) : int(IPPROTO_ICMP);
    const int fd = ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0)
        return {std::make_unique<TcpFallbackPinger>(), icmpSocketRefusal(errno)};
    return {std::make_unique<LinuxIcmpPinger>(fd, ipv6), QString()};
}

LinuxIcmpPinger::LinuxIcmpPinger(int fd, bool ipv6, QObject *parent)
    : IcmpPinger(parent), m_fd(fd), m_ipv6(ipv6), m_notifier(fd, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &LinuxIcmpPinger::onReadable);
}

LinuxIcmpPinger::~LinuxIcmpPinger()
{
    m_notifier.setEnabled(false);
    ::close(m_fd);
}

void LinuxIcmpPinger::ping(const QHostAddress &address)
{
    m_sequence = quint16(QRandomGenerator::global()->bounded(1, 65536));
    unsigned char packet[kEchoHeaderBytes + kEchoPayloadBytes] = {};
    packet[0] = m_ipv6 ? kEchoRequestV6 : kEchoRequestV4;
    packet[6] = quint8(m_sequence >> 8);
    packet[7] = quint8(m_sequence & 0xff);
    std::memcpy(packet + kEchoHeaderBytes, "hivemind-probe..", kEchoPayloadBytes);

    sockaddr_storage to{};
    socklen_t toLength = 0;
    if (m_ipv6) {
        auto *v6 = reinterpret_cast<sockaddr_in6 *>(&to);
        v6->sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&v6->sin6_addr, bytes.c, sizeof bytes.c);
        v6->sin6_scope_id = address.scopeId().toUInt();
        toLength = sizeof(sockaddr_in6);
    } else {
        auto *v4 = reinterpret_cast<sockaddr_in *>(&to);
        v4->sin_family = AF_INET;
        v4->sin_addr.s_addr = htonl(address.toIPv4Address());
        toLength = sizeof(sockaddr_in);
    }
    m_clock.start();
    if (::sendto(m_fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr *>(&to), toLength) < 0)
        QTimer::singleShot(0, this, [this] { complete(false); });
}

void LinuxIcmpPinger::onReadable()
{
    unsigned char reply[512];
    for (;;) {
        const ssize_t got = ::recv(m_fd, reply, sizeof reply, 0);
        if (got < 0)
            return; // EAGAIN: nothing more; errors leave it to the timeout
        if (got < kEchoHeaderBytes)
            continue;
        const quint16 sequence = quint16((reply[6] << 8) | reply[7]);
        if (reply[0] == (m_ipv6 ? kEchoReplyV6 : kEchoReplyV4) && sequence == m_sequence)
            return complete(true);
    }
}

void LinuxIcmpPinger::complete(bool up)
{
    if (std::exchange(m_done, true))
        return;
    m_notifier.setEnabled(false);
    emit finished(up, double(m_clock.nsecsElapsed()) / 1e6);
}

} // namespace hm::agent
