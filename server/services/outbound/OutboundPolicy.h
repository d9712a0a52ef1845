#pragma once

// Where the server may send the requests it makes for users: schema
// fetches of external services, credential tests, and (later) webhooks and
// probes (design/architecture.md, "Security model"). Only public
// addresses, unless an administrator allows private networks (system
// configuration security.allow_private_networks): a user who may register a
// service must not be able to make the server scan or call what sits behind
// it (its own loopback, the LAN, a cloud metadata address).
//
// A host name is resolved first (QHostInfo, asynchronously) and every
// address it has must be allowed; Qt's sockets then connect through the
// same QHostInfo cache, so a name that answers a public address to the
// check cannot answer a private one to the connection a moment later
// (DNS rebinding) within the cache's minute. Clients that resolve on their
// own (the database drivers, libssh) are checked the same way before they
// start.

#include "common/Result.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <functional>

class QObject;

namespace hm::store {
class Database;
}

namespace hm::server::outbound {

// False for loopback, unspecified, private (RFC 1918, unique local
// fc00::/7), shared (100.64/10), link-local (169.254/16 with the cloud
// metadata address, fe80::/10), multicast, broadcast, documentation,
// benchmarking and reserved ranges; IPv4-mapped and NAT64 (64:ff9b::/96)
// IPv6 addresses are judged by the IPv4 address they carry.
bool isPublicAddress(const QHostAddress &address);

class OutboundPolicy
{
public:
    // Reads the setting from `database` at every check (an administrator's
    // change applies at once). Without a database (tests of a fetcher on
    // its own) every address is allowed.
    explicit OutboundPolicy(store::Database *database = nullptr) : m_db(database) {}

    bool allowsPrivateNetworks() const;

    // VALIDATION_ERROR (details.reason PRIVATE_ADDRESS, details.field
    // `field`, details.host) when `address` is not public and private
    // networks are not allowed.
    Status check(const QHostAddress &address, const QString &host, const QString &field) const;

    // Resolves `host` (an IP literal is not looked up) and checks every
    // address. `done` runs once, on `context`'s thread (not when context
    // is gone): Status{} to go on; the check's error, or SERVICE_UNAVAILABLE
    // (details.reason UNREACHABLE) when the name does not resolve.
    void admit(const QString &host, const QString &field, QObject *context,
               std::function<void(Status)> done) const;
    // The same, handing on the addresses it checked, so that a client that
    // resolves on its own (libcurl) can be pinned to them and a second
    // lookup cannot answer another address. Empty when nothing was looked
    // up: `host` is an IP literal, or private networks are allowed and any
    // address may be reached anyway.
    void admitAddresses(const QString &host, const QString &field, QObject *context,
                        std::function<void(Result<QList<QHostAddress>>)> done) const;

private:
    store::Database *m_db;
};

} // namespace hm::server::outbound
