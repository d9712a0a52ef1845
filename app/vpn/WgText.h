#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace hm {
struct Error;
}

namespace hm::app {

// The VPN section's words for the server's values: states, byte counts,
// handshake ages, and what a refusal means at its field.
class WgText
{
    Q_DECLARE_TR_FUNCTIONS(WgText)

public:
    // running, stopped, error.
    static QString serverStatus(const QString &status);
    // active, disabled, expired.
    static QString clientStatus(const QString &status);
    // ipv4, ipv6, dual.
    static QString family(const QString &family);
    static QString bytes(qint64 bytes);
    // "12 s ago", "5 min ago", "Never".
    static QString handshakeAge(const QDateTime &at, const QDateTime &now);
    // The field a refusal names ("interface", "listen_port", ...), empty
    // when it names none.
    static QString refusalField(const hm::Error &error);
    // The refusal in the user's words (its English reason from the server
    // kept after the translated part: it names the rule).
    static QString refusalText(const hm::Error &error, const QString &role);
};

} // namespace hm::app
