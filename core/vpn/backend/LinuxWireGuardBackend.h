#pragma once

#include "vpn/backend/CommandRunner.h"
#include "vpn/backend/WgPeerDelta.h"
#include "vpn/backend/WireGuardBackend.h"

#include <QHash>
#include <QMutex>

#include <QSet>
#include <optional>

namespace hm::vpn {

// WireGuard on Linux through iproute2 and wireguard-tools: the kernel
// module when it is there (`ip link add … type wireguard`), else
// wireguard-go, which makes the same interface in user space. Addresses,
// MTU and routes are set with `ip`, peers with `wg setconf`/`wg syncconf`
// reading the config on stdin (no key in a file or an argument).
class LinuxWireGuardBackend final : public WireGuardBackend
{
public:
    enum class Mode
    {
        Kernel,
        Userspace, // wireguard-go
    };
    struct Options
    {
        Mode mode = Mode::Kernel;
        // Run every command inside this network namespace
        // (`ip netns exec NS …`): the tests' namespaces; empty for the host.
        QString netns;
        int timeoutMs = 15'000;
    };

    explicit LinuxWireGuardBackend(Options options);

    // Which mode this host supports: Kernel when the module creates an
    // interface, Userspace when wireguard-go is installed, nothing when
    // neither (use the config-only backend). Runs `ip`; blocks.
    static std::optional<Mode> detect(const QString &netns = {});

    QString name() const override;
    bool applies() const override { return true; }
    Status up(const InterfaceSpec &spec) override;
    Status sync(const InterfaceSpec &spec) override;
    Result<bool> patchPeers(const PeerPatch &patch) override;
    Status down(const QString &name) override;
    Result<QByteArray> dump(const QString &name) override;
    Result<LinkState> linkState(const QString &name) override;
    Result<QString> publicKey(const QString &name) override;

private:
    // This boot's id (/proc/sys/kernel/random/boot_id), read once.
    static QString bootId();
    // wireguard-go's control socket for an interface (wg(8) finds it there).
    static QString uapiSocketOf(const QString &name);
    CommandResult run(const QString &program, QStringList arguments,
                      const QByteArray &input = {}) const;
    Status createLink(const QString &name);
    Status syncAddresses(const InterfaceSpec &spec);
    Status syncRoutes(const InterfaceSpec &spec);
    // Adds what `wanted` has and `current` lacks, removes the rest.
    Status reconcile(const QString &name, const QSet<QString> &current, const QSet<QString> &wanted,
                     const QString &object, const QString &addVerb);

    // What was last applied to each interface (digests only, no keys) and
    // on which instance of it: a re-sync of the same instance whose
    // [Interface] is unchanged sets just the peers that changed (`wg set`),
    // flat in the interface's size; anything else goes through
    // `wg syncconf`.
    struct Applied
    {
        QString instance;
        WgSetconfDigest digest;
    };
    void remember(const QString &name, const QByteArray &setconf);
    // `wg set` for the delta's peers; false when any call failed (the
    // caller falls back to `wg syncconf`).
    bool applyPeerDelta(const QString &name, WgPeerDelta &delta);
    static constexpr qsizetype kIncrementalPeers = 256;

    Options m_options;
    QMutex m_appliedMutex;
    QHash<QString, Applied> m_applied;
};

} // namespace hm::vpn
