#pragma once

// How many TCP sockets the machine's network namespace has, IPv4 and IPv6,
// in every state (LISTEN, ESTABLISHED, TIME_WAIT, SYN_RECV, …): what the
// lines of /proc/net/tcp and /proc/net/tcp6 count (procfs::countTcpConnections),
// the meaning of the `tcp_connections` metric.
//
// Rendering /proc/net/tcp costs the kernel a text line per socket (1.5 MB and
// most of the agent's CPU on a host with a few thousand sockets), so the
// count comes from netlink sock_diag (binary messages, no text) and the
// /proc files only when netlink is not available (an old kernel, a seccomp
// filter, a container without it).
//
// /proc/net/sockstat's "TCP: inuse N" would be cheaper still but means
// something else: it leaves out TIME_WAIT ("tw") and half-open (SYN_RECV)
// sockets, so the metric would drop silently on a busy server.

#include <optional>

namespace hm::agent {

// Through netlink sock_diag; nothing when netlink fails. One dump for both
// families (TCPDIAG_GETSOCK), else one per family (SOCK_DIAG_BY_FAMILY).
std::optional<int> countTcpSocketsNetlink();
std::optional<int> countTcpSocketsOneDump();
std::optional<int> countTcpSocketsPerFamily();
// Through /proc/net/tcp and tcp6.
int countTcpSocketsProc();
// Netlink, else /proc.
int countTcpSockets();

} // namespace hm::agent
