#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
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
    // HTTPS when both are set (PEM files); see docs/api.md "TLS".
    QString tlsCertFile;
    QString tlsKeyFile;
    // CIDRs of reverse proxies whose X-Forwarded-For is believed.
    QList<QPair<QHostAddress, int>> trustedProxies;
    // Lifetime of access tokens in seconds (short values for tests and
    // high-security setups; refresh keeps sessions going).
    qint64 accessTokenSeconds = 15 * 60;
    // Console only: OS keychain access for the master key (see MasterKeyOptions).
    std::function<std::optional<QByteArray>()> keychainRead;
    std::function<bool(const QByteArray &)> keychainWrite;
};

} // namespace hm::server
