#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hm::vpn {

// One WireGuard interface as a backend applies it. The server renders the
// texts from its model (core/vpn WgQuickText); the backend never reads
// them except to hand them to `wg`.
struct InterfaceSpec
{
    QString name; // checked by the caller: ^[A-Za-z0-9_=+.-]{1,15}$
    // `wg setconf` text (wg-quick's "strip" form). Holds the private key:
    // given to `wg` on stdin only, never written to a file, a log or an error.
    QByteArray setconf;
    // The whole wg-quick file, for the config-only backend.
    QByteArray quickConfig;
    QStringList addresses; // "10.8.0.1/24", "fd00:8::1/64"
    int mtu = 0;           // 0: the tool's default
    // Prefixes routed into the interface beyond its addresses' own subnets
    // (peers' delegated IPv6 prefixes, site links' networks).
    QStringList routes;
};

// Some peers of a running interface changed, and nothing else: what a
// client's change gives the backend instead of the whole config, so the
// work stays flat in the number of peers (issue 36).
struct PeerPatch
{
    QString name;
    // The [Interface] section and only the peers that may have changed, in
    // the form renderStripped writes. Holds keys: stdin only, wiped after.
    QByteArray setconf;
    QStringList removed;       // public keys to take off
    QStringList routesAdded;   // prefixes routed into the interface from now on
    QStringList routesRemoved; // prefixes no longer routed
};

// What a backend can see of a running interface.
struct LinkState
{
    bool exists = false;
    bool up = false;
    int ifindex = 0; // a new one each time the interface is created
    // Names this incarnation of the interface: different each time it is
    // created, even across reboots (Linux: the boot id and the ifindex).
    // Traffic counters continue only within one instance.
    QString instance;
    qint64 rxBytes = 0;
    qint64 txBytes = 0;
    qint64 rxPackets = 0;
    qint64 txPackets = 0;
};

// Applies WireGuard interfaces to a host. Every call blocks on external
// tools: call it from a worker thread. Errors are in words and name what
// failed; they never hold a key.
class WireGuardBackend
{
public:
    virtual ~WireGuardBackend();

    // "linux-kernel", "linux-wireguard-go" or "config-only" (the API reports it).
    virtual QString name() const = 0;
    // False for the config-only backend: up/sync write files, nothing runs.
    virtual bool applies() const = 0;

    // Creates and starts the interface. CONFLICT when it exists already; on
    // any failure nothing is left behind.
    virtual Status up(const InterfaceSpec &spec) = 0;
    // Changes a running interface to `spec` without touching the sessions
    // of peers that stay (`wg syncconf`), then its addresses, MTU and routes.
    // RESOURCE_NOT_FOUND when it is not running.
    virtual Status sync(const InterfaceSpec &spec) = 0;
    // Applies `patch` when the interface is the instance the last up() or
    // sync() of this backend left, with the same [Interface] section: the
    // patch's peers set, the removed ones taken off, the routes changed,
    // every other peer untouched. False when it cannot (nothing remembered
    // of this instance, the section differs, too many peers, a tool failed;
    // what a failed call left is repaired by the next sync()): the caller
    // then syncs the whole config. The default cannot.
    virtual Result<bool> patchPeers(const PeerPatch &patch);
    // Removes the interface; fine when it is not there.
    virtual Status down(const QString &name) = 0;
    // The server of interface `name` is deleted: whatever this backend
    // keeps of it beyond the running interface (a config file, which holds
    // the private and preshared keys) goes too. Fine when there is none;
    // the default keeps nothing.
    virtual Status forget(const QString &name);
    // `wg show NAME dump`. Its first line holds the interface's private key:
    // hand it to the dump parser (core/vpn WgDump), which drops it at once.
    virtual Result<QByteArray> dump(const QString &name) = 0;
    virtual Result<LinkState> linkState(const QString &name) = 0;
    // The running interface's public key (how the server tells its own
    // interface from another of the same name). The default reads it from
    // dump(), wiping the private key beside it; a backend with a cheaper
    // way (`wg show NAME public-key`) says so.
    virtual Result<QString> publicKey(const QString &name);
};

} // namespace hm::vpn
