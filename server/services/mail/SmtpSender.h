#pragma once

// Sends one e-mail over SMTP with libcurl (server/services/mail): STARTTLS
// (required, never silently plain), implicit TLS (smtps) or, when an
// administrator chose it for a relay on a trusted network, plain SMTP; the
// server's certificate verified against the system's CAs or the PEM given
// (a private CA); a sign-in when a user name is set. The host must pass the
// OutboundPolicy first. curl blocks, so each send runs on the sender's
// pool and its outcome comes back on the sender's thread. The outcome is in
// the server's words: never the SMTP server's reply text, never the
// password. Shared by the alert channels and, later, account e-mail.

#include "server/services/mail/MailMessage.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace hm::server::mail {

struct SmtpSettings
{
    QString host;
    int port = 587;
    QString security = QStringLiteral("starttls"); // "starttls", "tls" or "none"
    QString username;                              // empty: no sign-in
    QByteArray password;
    QByteArray caPem; // empty: the system's CAs
    int timeoutMs = 30000;
    // The addresses the OutboundPolicy checked for `host` (send() fills
    // them): curl connects to these and looks nothing up again, so a name
    // cannot answer a public address to the check and a private one to the
    // connection (DNS rebinding). Empty: curl resolves (an IP literal, or
    // private networks allowed).
    QList<QHostAddress> pinned;
};

struct SmtpOutcome
{
    bool sent = false;
    bool retryable = false; // no connection, a 4xx reply: worth another try
    int replyCode = 0;      // the SMTP server's last reply code; 0: none
    QString error;
    qint64 durationMs = 0;
};

class SmtpSender : public QObject
{
    Q_OBJECT
public:
    explicit SmtpSender(outbound::OutboundPolicy policy, QObject *parent = nullptr);
    // Waits for the sends under way.
    ~SmtpSender() override;

    // `done` runs once, on this object's thread.
    void send(const SmtpSettings &settings, const MailMessage &message,
              std::function<void(SmtpOutcome)> done);

    // The blocking part, on the calling thread (the pool's).
    static SmtpOutcome sendNow(const SmtpSettings &settings, const MailMessage &message);

private:
    outbound::OutboundPolicy m_policy;
    QThreadPool m_pool;
};

} // namespace hm::server::mail
