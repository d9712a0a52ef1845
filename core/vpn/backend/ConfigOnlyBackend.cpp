#include "vpn/backend/ConfigOnlyBackend.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace hm::vpn {

ConfigOnlyBackend::ConfigOnlyBackend(QString directory) : m_directory(std::move(directory)) {}

QString ConfigOnlyBackend::configPath(const QString &name) const
{
    return QDir(m_directory).filePath(name + QStringLiteral(".conf"));
}

Status ConfigOnlyBackend::write(const InterfaceSpec &spec)
{
    if (!QDir().mkpath(m_directory))
        return Error{ErrorCode::InternalError,
                     QStringLiteral("could not create the directory %1").arg(m_directory)};
    QSaveFile file(configPath(spec.name));
    // Owner only before a byte is written: the file holds the private key.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(spec.quickConfig) != spec.quickConfig.size() || !file.commit())
        return Error{ErrorCode::InternalError, QStringLiteral("could not write %1: %2")
                                                   .arg(configPath(spec.name), file.errorString())};
    return {};
}

Status ConfigOnlyBackend::up(const InterfaceSpec &spec)
{
    return write(spec);
}

Status ConfigOnlyBackend::sync(const InterfaceSpec &spec)
{
    return write(spec);
}

Status ConfigOnlyBackend::down(const QString &)
{
    return {};
}

Status ConfigOnlyBackend::forget(const QString &name)
{
    QFile file(configPath(name));
    if (!file.exists() || file.remove())
        return {};
    return Error{
        ErrorCode::IoError,
        QStringLiteral("cannot delete the config file of %1: %2").arg(name, file.errorString())};
}

Result<QByteArray> ConfigOnlyBackend::dump(const QString &name)
{
    return Error{
        ErrorCode::ServiceUnavailable,
        QStringLiteral("interface %1 is not run by this server (config-only backend)").arg(name)};
}

Result<LinkState> ConfigOnlyBackend::linkState(const QString &)
{
    return LinkState{};
}

} // namespace hm::vpn
