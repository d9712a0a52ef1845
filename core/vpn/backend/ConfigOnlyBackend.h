#pragma once

#include "vpn/backend/WireGuardBackend.h"

namespace hm::vpn {

// For hosts without WireGuard (or where HiveMind must not touch it): up
// and sync write DIR/<name>.conf (the whole wg-quick file, mode 0600,
// replaced atomically) for an operator or a config tool to apply; nothing
// runs, no status can be read.
class ConfigOnlyBackend final : public WireGuardBackend
{
public:
    explicit ConfigOnlyBackend(QString directory);

    QString name() const override { return QStringLiteral("config-only"); }
    bool applies() const override { return false; }
    Status up(const InterfaceSpec &spec) override;
    Status sync(const InterfaceSpec &spec) override;
    // Leaves the file: the operator's tool may still be using it.
    Status down(const QString &name) override;
    // Deletes the file (it holds the keys).
    Status forget(const QString &name) override;
    Result<QByteArray> dump(const QString &name) override;
    Result<LinkState> linkState(const QString &name) override;

    QString configPath(const QString &name) const;

private:
    Status write(const InterfaceSpec &spec);

    QString m_directory;
};

} // namespace hm::vpn
