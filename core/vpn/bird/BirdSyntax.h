#pragma once

#include "common/Result.h"

#include <QHostAddress>
#include <QString>

namespace hm::bird {

// What may reach BIRD's configuration language and its CLI commands. Each
// check returns a ValidationError naming the field (never its value where
// the value is a secret).

// BIRD symbol names HiveMind uses: ^[A-Za-z_][A-Za-z0-9_]{0,31}$ and not a
// keyword of the configuration language.
bool isValidBirdName(const QString &name);
Status checkBirdName(const QString &name, const QString &what);

// A string literal for BIRD: refuses '"', '\\', control characters and more
// than maxBytes UTF-8 bytes (no escaping: BIRD's lexer has none worth
// relying on). Returns the text in double quotes.
Result<QString> quoteBirdString(const QString &text, const QString &what, qsizetype maxBytes);

// A file path for `configure "…"`: absolute, no '"', '\\' or control characters.
Result<QString> quoteBirdPath(const QString &path);

// A BGP password (TCP-MD5 key): 1..80 bytes, no '"', '\\' or control
// characters. The error text never contains the password.
Status checkBirdPassword(const QString &password, const QString &session);

// An IP prefix "address/length" with no host bits set.
struct BirdPrefix
{
    QHostAddress address;
    int length = -1;

    bool isIPv4() const { return address.protocol() == QAbstractSocket::IPv4Protocol; }
    QString toString() const;
    static Result<BirdPrefix> parse(const QString &text);
    friend bool operator==(const BirdPrefix &, const BirdPrefix &) = default;
};

// An address usable as a BGP neighbor or local address (IPv4 or IPv6, not
// unspecified, not multicast, no scope id).
Status checkBirdAddress(const QHostAddress &address, const QString &what);

} // namespace hm::bird
