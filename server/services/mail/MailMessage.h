#pragma once

// One plain-text e-mail as RFC 5322 text (server/services/mail): headers
// that cannot be injected into (an address or subject with a line break is
// refused or flattened), the subject as an RFC 2047 encoded word when it is
// not ASCII, the body UTF-8 in base64 lines of 76. Shared by everything the
// server mails: alert channels now, account e-mail later.

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace hm::server::mail {

struct MailMessage
{
    QString from;    // one address: "alerts@example.com"
    QStringList to;  // one or more addresses
    QString subject; // one line
    QString text;    // the body, plain text
};

// A bare address as SMTP takes it (local@domain, printable ASCII, no
// spaces, brackets or line breaks, at most 254 characters).
bool isMailAddress(const QString &address);
// Comma- or semicolon-separated addresses, trimmed, blanks dropped.
QStringList splitAddresses(const QString &text);

// VALIDATION_ERROR naming "from" or "to" for an address SMTP would not take.
Status checkMessage(const MailMessage &message);

// The message as sent, CRLF line ends, with `messageId` ("id@domain") as
// its Message-ID.
QByteArray renderMessage(const MailMessage &message, const QDateTime &date,
                         const QString &messageId);

} // namespace hm::server::mail
