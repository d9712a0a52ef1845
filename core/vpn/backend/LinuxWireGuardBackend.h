#pragma once

#include "vpn/backend/CommandRunner.h"
#include "vpn/backend/WireGuardBackend.h"

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
    Status down(const QString &name) override;
    Result<QByteArray> dump(const QString &name) override;
    Result<LinkState> linkState(const QString &name) override;

private:
    // This boot's id (/proc/sys/kernel/random/boot_id), read once.
    static QString bootId();
    CommandResult run(const QString &program, QStringList arguments,
                      const QByteArray &input = {}) const;
    Status createLink(const QString &name);
    Status syncAddresses(const InterfaceSpec &spec);
    Status syncRoutes(const InterfaceSpec &spec);
    // Adds what `wanted` has and `current` lacks, removes the rest.
    Status reconcile(const QString &name, const QSet<QString> &current, const QSet<QString> &wanted,
                     const QString &object, const QString &addVerb);

    Options m_options;
};

} // namespace hm::vpn
