#include "server/services/auth/AccountMailer.h"

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/AccountTokenRepository.h"
#include "server/repositories/UserRepository.h"
#include "server/services/auth/AuthLogging.h"
#include "server/services/mail/AccountMailSettings.h"
#include "server/services/mail/AccountMailText.h"

namespace hm::server::auth {

namespace {

const QString kReset = QStringLiteral("reset");
const QString kVerify = QStringLiteral("verify");

// The link a mail carries: the public URL's page for the purpose; empty
// without a public URL (the mail then says to paste the code).
QString linkFor(const mail::AccountMailSettings &settings, const QString &purpose)
{
    if (settings.publicUrl.isEmpty())
        return {};
    QString base = settings.publicUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + (purpose == kReset ? QStringLiteral("/reset-password")
                                     : QStringLiteral("/api/auth/verify-email"));
}

} // namespace

AccountMailer::AccountMailer(store::Database &database, crypto::EnvelopeCipher &cipher,
                             QObject *parent)
    : QObject(parent), m_db(database), m_cipher(cipher),
      m_sender(outbound::OutboundPolicy(&database), this)
{}

bool AccountMailer::configured() const
{
    return mail::AccountMailSettings::load(m_db).configured();
}

qint64 AccountMailer::lifetimeMs(const QString &purpose) const
{
    if (m_tokenLifetimeOverrideMs > 0)
        return m_tokenLifetimeOverrideMs;
    return purpose == kReset ? kResetTokenMs : kVerifyTokenMs;
}

Result<QString> AccountMailer::issue(const QString &userId, const QString &purpose)
{
    const QString token = crypto::randomToken(32);
    repositories::AccountTokenRow row;
    row.userId = userId;
    row.purpose = purpose;
    row.tokenHash = crypto::sha256Hex(token.toLatin1());
    row.createdAt = nowMs();
    row.expiresAt = row.createdAt + lifetimeMs(purpose);
    if (Status s = repositories::replaceAccountToken(m_db, row); !s)
        return s.error();
    return token;
}

void AccountMailer::sendPasswordReset(const UserRecord &user)
{
    // Per account as well as per asking address (the route's limit): many
    // addresses must not be able to flood one mailbox.
    if (!m_resetMails.hit(user.id, kResetMailsPerHour, 60 * 60 * 1000LL, nowMs()).allowed) {
        qCInfo(lcServerAuth).noquote()
            << "account mail: reset for user" << user.id << "not sent (hourly limit)";
        return;
    }
    const mail::AccountMailSettings settings = mail::AccountMailSettings::load(m_db);
    if (!settings.configured())
        return;
    auto token = issue(user.id, kReset);
    if (!token) {
        qCWarning(lcServerAuth).noquote()
            << "account mail: no reset token for user" << user.id << token.error().message;
        return;
    }
    const i18n::Language language =
        mail::accountMailLanguage(repositories::userLanguage(m_db, user.id).valueOr(QString()));
    const mail::AccountMailText text =
        mail::resetMailText(language, user.name, token.value(), linkFor(settings, kReset),
                            int(lifetimeMs(kReset) / 60000));
    deliver(user.id, kReset, user.email, text.subject, text.text);
}

void AccountMailer::sendVerification(const UserRecord &user)
{
    const mail::AccountMailSettings settings = mail::AccountMailSettings::load(m_db);
    if (!settings.configured())
        return;
    auto token = issue(user.id, kVerify);
    if (!token) {
        qCWarning(lcServerAuth).noquote()
            << "account mail: no verification token for user" << user.id << token.error().message;
        return;
    }
    const i18n::Language language =
        mail::accountMailLanguage(repositories::userLanguage(m_db, user.id).valueOr(QString()));
    const mail::AccountMailText text =
        mail::verifyMailText(language, user.name, token.value(), linkFor(settings, kVerify),
                             int(lifetimeMs(kVerify) / 3600000));
    deliver(user.id, kVerify, user.email, text.subject, text.text);
}

void AccountMailer::sendLockoutNotice(const QString &userId, int lockSeconds)
{
    const qint64 now = nowMs();
    if (m_notices.value(userId) > now)
        return;
    if (!configured())
        return;
    auto found = UserRepository(m_db).findById(userId);
    if (!found || !found.value())
        return;
    m_notices.insert(userId, now + qint64(lockSeconds) * 1000);
    const UserRecord &user = *found.value();
    const i18n::Language language =
        mail::accountMailLanguage(repositories::userLanguage(m_db, userId).valueOr(QString()));
    const mail::AccountMailText text =
        mail::lockoutMailText(language, user.name, std::max(1, (lockSeconds + 59) / 60));
    deliver(userId, QStringLiteral("lockout"), user.email, text.subject, text.text);
}

void AccountMailer::sendTest(const QString &to, i18n::Language language,
                             std::function<void(mail::SmtpOutcome)> done)
{
    const mail::AccountMailText text = mail::testMailText(language);
    deliver({}, QStringLiteral("test"), to, text.subject, text.text, std::move(done));
}

void AccountMailer::deliver(const QString &userId, const QString &purpose, const QString &to,
                            const QString &subject, const QString &text,
                            std::function<void(mail::SmtpOutcome)> done)
{
    const auto finish = [userId, purpose, done](const mail::SmtpOutcome &outcome) {
        // The outcome in the server's words: never the token, the text or
        // the SMTP password.
        if (outcome.sent)
            qCInfo(lcServerAuth).noquote()
                << "account mail:" << purpose << "for user"
                << (userId.isEmpty() ? QStringLiteral("-") : userId) << "sent";
        else
            qCWarning(lcServerAuth).noquote() << "account mail:" << purpose << "for user"
                                              << (userId.isEmpty() ? QStringLiteral("-") : userId)
                                              << "not sent:" << outcome.error;
        if (done)
            done(outcome);
    };
    const mail::AccountMailSettings settings = mail::AccountMailSettings::load(m_db);
    if (!settings.configured()) {
        mail::SmtpOutcome refused;
        refused.error = QStringLiteral("account e-mail is not configured");
        return finish(refused);
    }
    auto smtp = settings.smtp(m_cipher);
    if (!smtp) {
        mail::SmtpOutcome refused;
        refused.error = smtp.error().message;
        return finish(refused);
    }
    mail::MailMessage message{settings.from, {to}, subject, text};
    m_sender.send(smtp.value(), message, finish);
    crypto::wipe(smtp.value().password);
}

Result<QString> AccountMailer::checkToken(const QString &token, const QString &purpose)
{
    const Error invalid{ErrorCode::TokenInvalid, QStringLiteral("invalid or used token")};
    if (token.isEmpty() || token.size() > 256)
        return invalid;
    auto found = repositories::findAccountToken(m_db, crypto::sha256Hex(token.toUtf8()), purpose);
    if (!found)
        return found.error();
    if (!found.value() || found.value()->usedAt)
        return invalid;
    if (found.value()->expiresAt <= nowMs())
        return purpose == kReset
                   ? Error{ErrorCode::TokenExpired, QStringLiteral("the reset token has expired")}
                   : Error{ErrorCode::VerificationTokenExpired,
                           QStringLiteral("the verification token has expired")};
    return found.value()->userId;
}

Result<QString> AccountMailer::spendToken(const QString &token, const QString &purpose)
{
    auto user = checkToken(token, purpose);
    if (!user)
        return user;
    auto found = repositories::findAccountToken(m_db, crypto::sha256Hex(token.toUtf8()), purpose);
    if (!found)
        return found.error();
    if (!found.value())
        return Error{ErrorCode::TokenInvalid, QStringLiteral("invalid or used token")};
    auto spent = repositories::spendAccountToken(m_db, found.value()->id, nowMs());
    if (!spent)
        return spent.error();
    if (!spent.value())
        return Error{ErrorCode::TokenInvalid, QStringLiteral("invalid or used token")};
    return user;
}

} // namespace hm::server::auth
