#include "agent/LinuxTcpSocketCount.h"

#include "agent/LinuxProcParsers.h"

#include <QFile>
#include <array>
#include <cerrno>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hm::agent {

namespace {

// Closes the netlink socket on every way out.
class NetlinkFd
{
public:
    NetlinkFd() : m_fd(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)) {}
    ~NetlinkFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    NetlinkFd(const NetlinkFd &) = delete;
    NetlinkFd &operator=(const NetlinkFd &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// One dump of the TCP sockets of `family`; the number of sockets, or
// nothing on any error (the caller then reads /proc for both families, so
// that the two are never mixed).
std::optional<int> dumpCount(int fd, quint8 family)
{
    struct Request
    {
        nlmsghdr header;
        inet_diag_req_v2 body;
    };
    Request request{};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = family;
    request.body.sdiag_family = family;
    request.body.sdiag_protocol = IPPROTO_TCP;
    // Every state, as /proc/net/tcp lists them; no extensions asked, so
    // each message is the bare inet_diag_msg.
    request.body.idiag_states = ~0U;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(fd, &request, sizeof(request), 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof(kernel)) != ssize_t(sizeof(request)))
        return std::nullopt;

    int count = 0;
    alignas(nlmsghdr) std::array<char, 32 * 1024> buffer{};
    for (;;) {
        const ssize_t received = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            return std::nullopt;
        auto length = int(received);
        for (auto *message = reinterpret_cast<nlmsghdr *>(buffer.data()); NLMSG_OK(message, length);
             message = NLMSG_NEXT(message, length)) {
            if (message->nlmsg_type == NLMSG_DONE)
                return count;
            if (message->nlmsg_type == NLMSG_ERROR)
                return std::nullopt;
            if (message->nlmsg_type == SOCK_DIAG_BY_FAMILY)
                ++count;
        }
    }
}

int countProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return procfs::countTcpConnections(file.readAll());
}

} // namespace

std::optional<int> countTcpSocketsNetlink()
{
    const NetlinkFd socket;
    if (socket.fd() < 0)
        return std::nullopt;
    const auto v4 = dumpCount(socket.fd(), AF_INET);
    if (!v4)
        return std::nullopt;
    const auto v6 = dumpCount(socket.fd(), AF_INET6);
    if (!v6)
        return std::nullopt;
    return *v4 + *v6;
}

int countTcpSocketsProc()
{
    return countProcFile(QStringLiteral("/proc/net/tcp")) +
           countProcFile(QStringLiteral("/proc/net/tcp6"));
}

int countTcpSockets()
{
    if (const auto count = countTcpSocketsNetlink())
        return *count;
    return countTcpSocketsProc();
}

} // namespace hm::agent
