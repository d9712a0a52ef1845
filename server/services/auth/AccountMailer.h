#pragma once

// Account e-mail (seed 003 §7.2; docs/api.md "Account e-mail"): issues and
// redeems the single-use tokens of password resets (1 h) and e-mail
// verification (24 h), and mails them, the lockout notice and the
// administrator's test through the SMTP settings of AccountMailSettings, in
// the user's language (AccountMailText). A token exists in clear only in
// the mail: the store keeps its SHA-256, and neither log lines nor audit
// entries nor answers carry it.
//
// Sends run on SmtpSender's pool; what the server logs of them is the
// purpose, the user id and the outcome in the server's words.

#include "common/Result.h"
#include "server/i18n/ServerLanguage.h"
#include "server/services/auth/RateLimiter.h"
#include "server/services/mail/SmtpSender.h"

#include <QHash>
#include <QObject>

namespace hm::crypto {
class EnvelopeCipher;
}
namespace hm::store {
class Database;
}

namespace hm::server::auth {

struct UserRecord;

class AccountMailer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kResetTokenMs = 60 * 60 * 1000;
    static constexpr qint64 kVerifyTokenMs = 24 * 60 * 60 * 1000;
    // Reset mails one account receives at most per hour, whoever asks.
    static constexpr int kResetMailsPerHour = 5;

    AccountMailer(store::Database &database, crypto::EnvelopeCipher &cipher,
                  QObject *parent = nullptr);

    // Tests only (--account-token-ttl-ms): both token lifetimes.
    void setTokenLifetimeMs(qint64 ms) { m_tokenLifetimeOverrideMs = ms; }

    // Whether SMTP settings for account e-mail exist.
    bool configured() const;

    // Issues a reset token for `user` and mails it. Silently nothing for an
    // account that got kResetMailsPerHour already.
    void sendPasswordReset(const UserRecord &user);
    // Issues a verification token for `user` and mails it.
    void sendVerification(const UserRecord &user);
    // The notice that the account is locked: at most one per account and
    // lock duration, however many addresses lock it.
    void sendLockoutNotice(const QString &userId, int lockSeconds);
    // The administrator's test to `to` in `language`; `done` on this thread.
    void sendTest(const QString &to, i18n::Language language,
                  std::function<void(mail::SmtpOutcome)> done);

    // The user id of an unused, unexpired token of `purpose` ("reset",
    // "verify"), without spending it. TOKEN_INVALID for an unknown or used
    // token, TOKEN_EXPIRED (reset) or VERIFICATION_TOKEN_EXPIRED (verify)
    // for an expired one.
    Result<QString> checkToken(const QString &token, const QString &purpose);
    // checkToken, then spends it in one statement: the same errors, and
    // TOKEN_INVALID when another request spent it in between.
    Result<QString> spendToken(const QString &token, const QString &purpose);

private:
    qint64 lifetimeMs(const QString &purpose) const;
    Result<QString> issue(const QString &userId, const QString &purpose);
    void deliver(const QString &userId, const QString &purpose, const QString &to,
                 const QString &subject, const QString &text,
                 std::function<void(mail::SmtpOutcome)> done = {});

    store::Database &m_db;
    crypto::EnvelopeCipher &m_cipher;
    mail::SmtpSender m_sender;
    RateLimiter m_resetMails;         // per account
    QHash<QString, qint64> m_notices; // user id -> no further lockout notice before
    qint64 m_tokenLifetimeOverrideMs = 0;
};

} // namespace hm::server::auth
