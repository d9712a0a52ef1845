#include "server/services/vpn/WireGuardBackends.h"

#include "vpn/backend/ConfigOnlyBackend.h"
#include "vpn/backend/LinuxWireGuardBackend.h"

#include <QDir>
#include <QMutex>

namespace hm::server::vpn {

namespace {

using hm::vpn::InterfaceSpec;
using hm::vpn::LinkState;
using hm::vpn::LinuxWireGuardBackend;
using hm::vpn::WireGuardBackend;

// "auto": the real backend is chosen on the first call (worker thread).
// Every virtual of WireGuardBackend is handed on: one left out runs the
// base's default instead of the chosen backend's (forget() did, and a
// deleted server's config file kept its keys).
class AutoWireGuardBackend final : public WireGuardBackend
{
public:
    AutoWireGuardBackend(QString configDir, QString netns)
        : m_configDir(std::move(configDir)), m_netns(std::move(netns))
    {}

    QString name() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_chosen ? m_chosen->name() : QStringLiteral("auto");
    }
    bool applies() const override { return chosen().applies(); }
    Status up(const InterfaceSpec &spec) override { return chosen().up(spec); }
    Status sync(const InterfaceSpec &spec) override { return chosen().sync(spec); }
    Result<bool> patchPeers(const hm::vpn::PeerPatch &patch) override
    {
        return chosen().patchPeers(patch);
    }
    Status down(const QString &name) override { return chosen().down(name); }
    Result<QByteArray> dump(const QString &name) override { return chosen().dump(name); }
    Status forget(const QString &name) override { return chosen().forget(name); }
    Result<LinkState> linkState(const QString &name) override { return chosen().linkState(name); }
    Result<QString> publicKey(const QString &name) override { return chosen().publicKey(name); }

private:
    WireGuardBackend &chosen() const
    {
        QMutexLocker lock(&m_mutex);
        if (!m_chosen) {
            const auto mode = LinuxWireGuardBackend::detect(m_netns);
            if (mode)
                m_chosen = std::make_unique<LinuxWireGuardBackend>(
                    LinuxWireGuardBackend::Options{*mode, m_netns, 15'000});
            else
                m_chosen = std::make_unique<hm::vpn::ConfigOnlyBackend>(m_configDir);
        }
        return *m_chosen;
    }

    QString m_configDir;
    QString m_netns;
    mutable QMutex m_mutex;
    mutable std::unique_ptr<WireGuardBackend> m_chosen;
};

} // namespace

Result<std::shared_ptr<WireGuardBackend>>
makeWireGuardBackend(const QString &choice, const QString &dataDir, const QString &netns)
{
    const QString configDir = QDir(dataDir).filePath(QStringLiteral("wireguard"));
    if (choice.isEmpty() || choice == QLatin1String("auto"))
        return std::shared_ptr<WireGuardBackend>(
            std::make_shared<AutoWireGuardBackend>(configDir, netns));
    if (choice == QLatin1String("config-only"))
        return std::shared_ptr<WireGuardBackend>(
            std::make_shared<hm::vpn::ConfigOnlyBackend>(configDir));
    if (choice == QLatin1String("kernel"))
        return std::shared_ptr<WireGuardBackend>(std::make_shared<LinuxWireGuardBackend>(
            LinuxWireGuardBackend::Options{LinuxWireGuardBackend::Mode::Kernel, netns, 15'000}));
    if (choice == QLatin1String("wireguard-go"))
        return std::shared_ptr<WireGuardBackend>(std::make_shared<LinuxWireGuardBackend>(
            LinuxWireGuardBackend::Options{LinuxWireGuardBackend::Mode::Userspace, netns, 15'000}));
    return Error{ErrorCode::ValidationError,
                 QStringLiteral("--wireguard-backend must be auto, kernel, wireguard-go or "
                                "config-only")};
}

} // namespace hm::server::vpn
