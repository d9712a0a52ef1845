#pragma once

#include <QList>
#include <QString>
#include <QUrl>

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
};

class ServerProfiles
{
public:
    static QList<ServerProfile> load();
    static void save(const QList<ServerProfile> &profiles);
    // Adds or replaces (by name) and saves.
    static void put(const ServerProfile &profile);
    // The profile the console used last ("" = local mode).
    static QString activeName();
    static void setActiveName(const QString &name);
};

} // namespace hm::app
