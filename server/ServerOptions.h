#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <functional>
#include <optional>

namespace hm::server {

struct ServerOptions
{
    QString dataDir;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080; // 0 = any free port (the console's local server)
    QString masterKeyFile;
    // Console only: OS keychain access for the master key (see MasterKeyOptions).
    std::function<std::optional<QByteArray>()> keychainRead;
    std::function<bool(const QByteArray &)> keychainWrite;
};

} // namespace hm::server
