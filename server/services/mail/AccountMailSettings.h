#pragma once

// The SMTP server account e-mail goes through (password resets, e-mail
// verification, lockout notices; docs/api.md "Account e-mail"), part of the
// system configuration under the settings key "mail.smtp". Apart from the
// alert channels' own SMTP settings: an operator may send alerts through one
// relay and account mail through another.
//
// The password is write-only: sealed with the General DEK (associated data
// "account_mail:smtp", as an alert channel seals its own) and never in an
// answer; the JSON says only password_set.

#include "common/Result.h"
#include "server/services/mail/SmtpSender.h"

#include <QJsonObject>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server::mail {

struct AccountMailSettings
{
    QString host; // empty: no account e-mail
    int port = 587;
    QString security = QStringLiteral("starttls");
    QString username;
    QString from;
    QString caPem;
    // The console's or a web page's address that takes ?token= (e.g.
    // https://ops.example.com/reset-password); empty: the mail carries the
    // token to paste into the console's sign-in dialog.
    QString publicUrl;
    QString passwordSealed;

    bool configured() const { return !host.isEmpty() && !from.isEmpty(); }

    static AccountMailSettings load(store::Database &database);
    // {smtp_host, smtp_port, security, username, from, ca_pem, public_url,
    // password_set, configured}: never the password.
    QJsonObject toJson() const;

    // Applies a partial document (the fields above, "password" write-only:
    // absent keeps it, "" or null clears it; smtp_host "" turns account
    // e-mail off). VALIDATION_ERROR with details.field for a bad field; a
    // private or loopback host literal is refused unless the outbound
    // policy allows private networks (details.reason PRIVATE_ADDRESS).
    static Result<AccountMailSettings> merge(const AccountMailSettings &current,
                                             const QJsonObject &patch, store::Database &database,
                                             crypto::EnvelopeCipher &cipher);
    Status save(store::Database &database, const QString &updatedBy) const;

    // What SmtpSender takes; the password unsealed (the caller's to wipe).
    Result<SmtpSettings> smtp(crypto::EnvelopeCipher &cipher) const;
};

} // namespace hm::server::mail
