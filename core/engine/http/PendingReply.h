#pragma once

// Internal to the HTTP executors: one QNetworkReply with the limits every
// engine-side HTTP call needs (a whole-call deadline, a cap on the reply
// size) and a single "it ended" callback that is never called after the
// PendingReply is destroyed.

#include <QByteArray>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace hm::engine::http {

class PendingReply
{
public:
    enum class End
    {
        Finished,
        TimedOut,
        TooLarge
    };
    // `reply` is taken over (deleted with this object). `onEnd` gets the
    // reply (finished or aborted) and why it ended; it may destroy this
    // PendingReply.
    using EndHandler = std::function<void(QNetworkReply &, End)>;

    PendingReply(QNetworkReply *reply, int timeoutMs, qint64 maxReplyBytes, EndHandler onEnd);
    ~PendingReply();
    PendingReply(const PendingReply &) = delete;
    PendingReply &operator=(const PendingReply &) = delete;

    // Aborts the request without reporting anything.
    void abandon();
    bool isRunning() const { return m_reply && !m_ended; }

private:
    void end(End how);

    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<QTimer> m_deadline;
    qint64 m_maxReplyBytes;
    EndHandler m_onEnd;
    bool m_ended = false;
};

} // namespace hm::engine::http
