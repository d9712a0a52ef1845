#include "engine/http/PendingReply.h"

namespace hm::engine::http {

PendingReply::PendingReply(QNetworkReply *reply, int timeoutMs, qint64 maxReplyBytes,
                           EndHandler onEnd)
    : m_reply(reply), m_maxReplyBytes(maxReplyBytes), m_onEnd(std::move(onEnd))
{
    // A whole-call deadline rather than QNetworkRequest::setTransferTimeout:
    // the latter only measures inactivity, so a component trickling bytes
    // would never time out.
    if (timeoutMs > 0) {
        m_deadline = std::make_unique<QTimer>();
        m_deadline->setSingleShot(true);
        QObject::connect(m_deadline.get(), &QTimer::timeout, m_reply,
                         [this] { end(End::TimedOut); });
        m_deadline->start(timeoutMs);
    }
    QObject::connect(m_reply, &QNetworkReply::downloadProgress, m_reply,
                     [this](qint64 received, qint64) {
                         if (m_maxReplyBytes > 0 && received > m_maxReplyBytes)
                             end(End::TooLarge);
                     });
    QObject::connect(m_reply, &QNetworkReply::finished, m_reply, [this] { end(End::Finished); });
}

PendingReply::~PendingReply()
{
    abandon();
}

void PendingReply::abandon()
{
    m_ended = true;
    if (m_deadline)
        m_deadline->stop();
    if (m_reply) {
        // Disconnect first: abort() emits finished() synchronously. Only
        // our own connections (their context is the reply): the reply's
        // internal ones carry the abort to Qt's HTTP thread, and without
        // them the connection stays open, the request still in flight.
        QObject::disconnect(m_reply, nullptr, m_reply, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
}

void PendingReply::end(End how)
{
    if (m_ended || !m_reply)
        return;
    m_ended = true;
    if (m_deadline)
        m_deadline->stop();
    QPointer<QNetworkReply> reply = m_reply;
    if (how != End::Finished) {
        QObject::disconnect(reply, nullptr, reply, nullptr); // ours only, see abandon()
        reply->abort();
    }
    // The handler may destroy `this`; the reply stays valid until the event
    // loop runs again, because it is only ever deleteLater()'d.
    EndHandler handler = m_onEnd;
    handler(*reply, how);
}

} // namespace hm::engine::http
