#pragma once

#include "client/TlsPolicy.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace hm::app {

// A remote server the console can connect to, as the connection dialog
// saved it (QSettings "serverProfiles"). The certificate fingerprint is
// the SHA-256 of the server's certificate seen at first use; a different
// one later means the certificate changed and is shown before connecting.
struct ServerProfile
{
    QString name;
    QUrl url;
    bool verifyTls = true;
    QString fingerprint; // hex SHA-256, empty for plain HTTP / not seen yet

    bool operator==(const ServerProfile &) const = default;

    // How the client trusts the server's certificate: `verifyTls`, and the
    // fingerprint as a pin (a certificate with another one is refused).
    hm::client::TlsPolicy tlsPolicy() const { return {verifyTls, fingerprint}; }
};

class ServerProfiles
{
public:
    static QList<ServerProfile> load();
    static void save(const QList<ServerProfile> &profiles);
    // Adds or replaces (by name) and saves.
    static void put(const ServerProfile &profile);
    // Removes the profile `name` (and forgets it as the active one).
    static void remove(const QString &name);
    static std::optional<ServerProfile> find(const QString &name);
    // The profile the console used last ("" = local mode).
    static QString activeName();
    static void setActiveName(const QString &name);
};

} // namespace hm::app
