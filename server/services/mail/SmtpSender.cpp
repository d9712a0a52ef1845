#include "server/services/mail/SmtpSender.h"

#include "crypto/Random.h"
#include "crypto/SecureBytes.h"

#include <QElapsedTimer>
#include <QPointer>
#include <curl/curl.h>
#include <mutex>

namespace hm::server::mail {

namespace {

struct Upload
{
    QByteArray data;
    qsizetype position = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype room = qsizetype(size * count);
    const qsizetype left = upload->data.size() - upload->position;
    const qsizetype n = std::min(room, left);
    if (n > 0) {
        memcpy(buffer, upload->data.constData() + upload->position, size_t(n));
        upload->position += n;
    }
    return size_t(n);
}

// An IPv6 literal goes in brackets; a name in its ASCII form.
QByteArray hostForUrl(const QString &host)
{
    return host.contains(u':') ? '[' + host.toLatin1() + ']' : QUrl::toAce(host);
}

// CURLOPT_RESOLVE's "host:port:address[,address…]" for the checked
// addresses (IPv6 in brackets).
QByteArray pinnedResolveEntry(const SmtpSettings &settings)
{
    QByteArrayList addresses;
    for (const QHostAddress &address : settings.pinned)
        addresses.append(address.protocol() == QAbstractSocket::IPv6Protocol
                             ? '[' + address.toString().toLatin1() + ']'
                             : address.toString().toLatin1());
    return settings.host.toLatin1() + ':' + QByteArray::number(settings.port) + ':' +
           addresses.join(',');
}

void initCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What went wrong, in the server's words.
SmtpOutcome outcomeOf(CURLcode code, long reply)
{
    SmtpOutcome out;
    out.replyCode = int(reply);
    switch (code) {
    case CURLE_OK:
        out.sent = true;
        return out;
    case CURLE_LOGIN_DENIED:
        out.error = QStringLiteral("the SMTP server refused the sign-in");
        return out;
    case CURLE_USE_SSL_FAILED:
        out.error = QStringLiteral("the SMTP server does not offer STARTTLS");
        return out;
    case CURLE_PEER_FAILED_VERIFICATION:
        out.error = QStringLiteral("the SMTP server's certificate is not trusted");
        return out;
    case CURLE_SSL_CONNECT_ERROR:
        out.error = QStringLiteral("TLS handshake failed");
        return out;
    case CURLE_COULDNT_RESOLVE_HOST:
        out.error = QStringLiteral("host not found");
        out.retryable = true;
        return out;
    case CURLE_COULDNT_CONNECT:
        out.error = QStringLiteral("connection refused");
        out.retryable = true;
        return out;
    case CURLE_OPERATION_TIMEDOUT:
        out.error = QStringLiteral("timed out");
        out.retryable = true;
        return out;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        out.error = QStringLiteral("connection lost");
        out.retryable = true;
        return out;
    default:
        break;
    }
    if (reply >= 400) {
        out.error = QStringLiteral("SMTP error %1").arg(reply);
        out.retryable = reply < 500; // 4xx: try later; 5xx: refused for good
        return out;
    }
    out.error = QStringLiteral("mail error %1").arg(int(code));
    out.retryable = true;
    return out;
}

} // namespace

SmtpSender::SmtpSender(outbound::OutboundPolicy policy, QObject *parent)
    : QObject(parent), m_policy(policy)
{
    m_pool.setMaxThreadCount(2);
}

SmtpSender::~SmtpSender()
{
    m_pool.waitForDone();
}

void SmtpSender::send(const SmtpSettings &settings, const MailMessage &message,
                      std::function<void(SmtpOutcome)> done)
{
    if (Status checked = checkMessage(message); !checked) {
        SmtpOutcome refused;
        refused.error = checked.error().message;
        return done(refused);
    }
    m_policy.admitAddresses(
        settings.host, QStringLiteral("smtp_host"), this,
        [this, settings, message, done = std::move(done)](Result<QList<QHostAddress>> admitted) {
            if (!admitted) {
                SmtpOutcome refused;
                refused.error = admitted.error().message;
                return done(refused);
            }
            SmtpSettings pinnedSettings = settings;
            pinnedSettings.pinned = admitted.value();
            QPointer<SmtpSender> self(this);
            m_pool.start([self, settings = std::move(pinnedSettings), message, done] {
                SmtpOutcome outcome = sendNow(settings, message);
                if (!self)
                    return;
                QMetaObject::invokeMethod(
                    self, [done, outcome] { done(outcome); }, Qt::QueuedConnection);
            });
        });
}

SmtpOutcome SmtpSender::sendNow(const SmtpSettings &settings, const MailMessage &message)
{
    initCurl();
    QElapsedTimer clock;
    clock.start();
    CURL *curl = curl_easy_init();
    if (!curl)
        return outcomeOf(CURLE_FAILED_INIT, 0);
    const bool implicitTls = settings.security == QLatin1String("tls");
    const QByteArray url =
        (implicitTls ? QByteArrayLiteral("smtps://") : QByteArrayLiteral("smtp://")) +
        hostForUrl(settings.host) + ':' + QByteArray::number(settings.port);
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_slist *resolve = nullptr;
    if (!settings.pinned.isEmpty()) {
        resolve = curl_slist_append(resolve, pinnedResolveEntry(settings).constData());
        curl_easy_setopt(curl, CURLOPT_RESOLVE, resolve);
    }
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(settings.timeoutMs, 15000)));
    if (settings.security == QLatin1String("starttls"))
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    curl_blob ca{};
    if (!settings.caPem.isEmpty()) {
        ca.data = const_cast<char *>(settings.caPem.constData());
        ca.len = size_t(settings.caPem.size());
        ca.flags = CURL_BLOB_COPY;
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &ca);
    }
    QByteArray username = settings.username.toUtf8();
    QByteArray password = settings.password;
    if (!username.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const QByteArray from = '<' + message.from.toLatin1() + '>';
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_slist *recipients = nullptr;
    for (const QString &to : message.to)
        recipients =
            curl_slist_append(recipients, QByteArray('<' + to.toLatin1() + '>').constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    const QString domain = message.from.section(u'@', 1);
    Upload upload{
        renderMessage(message, QDateTime::currentDateTimeUtc(), crypto::uuid() + u'@' + domain), 0};
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readUpload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_slist_free_all(resolve);
    curl_easy_cleanup(curl);
    crypto::wipe(password);
    SmtpOutcome outcome = outcomeOf(code, reply);
    outcome.durationMs = clock.elapsed();
    return outcome;
}

} // namespace hm::server::mail
