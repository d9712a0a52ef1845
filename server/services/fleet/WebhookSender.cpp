#include "server/services/fleet/WebhookSender.h"

#include "crypto/Hmac.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <memory>

namespace hm::server::fleet {

namespace {

// What went wrong, in our words: Qt's error strings may carry the URL and
// the receiver's reason phrase.
QString networkErrorText(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("connection closed by the receiver");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("timed out");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed");
    default:
        return QStringLiteral("network error %1").arg(int(error));
    }
}

} // namespace

WebhookSender::WebhookSender(outbound::OutboundPolicy policy, QObject *parent)
    : QObject(parent), m_policy(policy), m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QByteArray WebhookSender::signature(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    const QByteArray signed_ = QByteArray::number(timestamp) + '.' + body.toByteArray();
    return QByteArrayLiteral("sha256=") + crypto::hmacSha256(secret, signed_).toHex();
}

void WebhookSender::send(const Message &message, std::function<void(DeliveryOutcome)> done)
{
    m_policy.admit(message.url.host(), QStringLiteral("url"), this,
                   [this, message, done = std::move(done)](Status admitted) {
                       if (!admitted) {
                           DeliveryOutcome refused;
                           refused.error = admitted.error().message;
                           done(refused);
                           return;
                       }
                       post(message, done);
                   });
}

void WebhookSender::post(const Message &message, std::function<void(DeliveryOutcome)> done)
{
    QNetworkRequest request(message.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader("X-HiveMind-Event", message.event.toUtf8());
    request.setRawHeader("X-HiveMind-Delivery", message.deliveryId.toUtf8());
    request.setRawHeader("X-HiveMind-Timestamp", QByteArray::number(message.timestamp));
    request.setRawHeader("X-HiveMind-Signature",
                         signature(message.secret ? message.secret->view() : QByteArrayView(),
                                   message.timestamp, message.body));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply *reply = m_network->post(request, message.body);
    // The answer's body is not wanted: read and dropped as it comes, so a
    // large one costs no memory.
    connect(reply, &QNetworkReply::readyRead, reply,
            [reply] { reply->skip(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this, [reply, clock, done = std::move(done)] {
        reply->deleteLater();
        DeliveryOutcome outcome;
        outcome.durationMs = clock->elapsed();
        outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (outcome.status >= 200 && outcome.status < 300) {
            outcome.delivered = true;
        } else if (outcome.status > 0) {
            outcome.error = QStringLiteral("HTTP %1").arg(outcome.status);
            outcome.retryable =
                outcome.status == 429 || outcome.status >= 500 || outcome.status == 408;
        } else {
            outcome.error = networkErrorText(reply->error());
            outcome.retryable = true;
        }
        done(outcome);
    });
}

} // namespace hm::server::fleet
