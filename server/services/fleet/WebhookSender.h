#pragma once

// One webhook delivery of an alert (issue 35; docs/api.md "Alerts",
// channels) or of an execution's callback (ExecutionCallbacks): a JSON POST to the channel's URL, signed so that the receiver
// can tell it came from this server and was not replayed:
//   X-HiveMind-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
//   X-HiveMind-Timestamp: <Unix seconds>, X-HiveMind-Event, X-HiveMind-Delivery
// The host must pass the OutboundPolicy (public addresses only unless an
// administrator allows private networks); redirects are not followed; the
// answer's body is read and dropped (never stored, logged or echoed: a
// receiver's page must not reach the console); a try ends after 10 s.

#include "crypto/SecureBytes.h"
#include "server/services/fleet/DeliveryOutcome.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace hm::server::fleet {

class WebhookSender : public QObject
{
    Q_OBJECT
public:
    explicit WebhookSender(outbound::OutboundPolicy policy, QObject *parent = nullptr);

    struct Message
    {
        QUrl url;
        QByteArray body;
        // Shared by the copies the sending callbacks hold, one buffer wiped
        // when the last of them is gone (a QByteArray copy would leave the
        // unwiped bytes behind in whichever copy was not wiped).
        std::shared_ptr<const crypto::SecureBytes> secret;
        QString event;
        QString deliveryId;
        qint64 timestamp = 0; // Unix seconds
    };
    // `done` runs once, on this object's thread.
    void send(const Message &message, std::function<void(DeliveryOutcome)> done);

    // The signature header's value for `body` sent at `timestamp`.
    static QByteArray signature(QByteArrayView secret, qint64 timestamp, QByteArrayView body);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setUserAgent(const QByteArray &agent) { m_userAgent = agent; }

private:
    void post(const Message &message, std::function<void(DeliveryOutcome)> done);

    outbound::OutboundPolicy m_policy;
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
    QByteArray m_userAgent = QByteArrayLiteral("HiveMind-Alerts/1");
};

} // namespace hm::server::fleet
