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

// Sends one dump request and counts the sockets in the answer; nothing on
// any error (the caller then tries the next way, so that two ways are never
// mixed in one count).
template <typename Body> std::optional<int> dumpCount(int fd, quint16 type, const Body &body)
{
    struct Request
    {
        nlmsghdr header;
        Body body;
    };
    Request request{};
    request.header.nlmsg_len = sizeof(request);
    request.header.nlmsg_type = type;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.body = body;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(fd, &request, sizeof(request), 0, reinterpret_cast<sockaddr *>(&kernel),
                 sizeof(kernel)) != ssize_t(sizeof(request)))
        return std::nullopt;

    int count = 0;
    alignas(nlmsghdr) std::array<char, 32 * 1024> buffer;
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
            if (message->nlmsg_type == type)
                ++count;
        }
    }
}

// Every state, as /proc/net/tcp lists them; no extensions asked, so each
// answer is the bare inet_diag_msg.
constexpr quint32 kAllStates = ~0U;

// The kernel walks its whole established-socket hash table for each dump
// (262,144 buckets here, whether the sockets are few or many), so one dump
// for both families costs half of two. Only the older request
// (TCPDIAG_GETSOCK, inet_diag_req) dumps every family at once.
std::optional<int> countBothFamilies(int fd)
{
    inet_diag_req body{};
    body.idiag_states = kAllStates;
    return dumpCount(fd, TCPDIAG_GETSOCK, body);
}

std::optional<int> countFamily(int fd, quint8 family)
{
    inet_diag_req_v2 body{};
    body.sdiag_family = family;
    body.sdiag_protocol = IPPROTO_TCP;
    body.idiag_states = kAllStates;
    return dumpCount(fd, SOCK_DIAG_BY_FAMILY, body);
}

int countProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return procfs::countTcpConnections(file.readAll());
}

} // namespace

std::optional<int> countTcpSocketsOneDump()
{
    const NetlinkFd socket;
    if (socket.fd() < 0)
        return std::nullopt;
    return countBothFamilies(socket.fd());
}

std::optional<int> countTcpSocketsPerFamily()
{
    const NetlinkFd socket;
    if (socket.fd() < 0)
        return std::nullopt;
    const auto v4 = countFamily(socket.fd(), AF_INET);
    if (!v4)
        return std::nullopt;
    const auto v6 = countFamily(socket.fd(), AF_INET6);
    if (!v6)
        return std::nullopt;
    return *v4 + *v6;
}

std::optional<int> countTcpSocketsNetlink()
{
    if (const auto both = countTcpSocketsOneDump())
        return both;
    // A kernel without the older request.
    return countTcpSocketsPerFamily();
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
