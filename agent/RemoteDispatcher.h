#pragma once

// The agent's side of remote operations (issue 38; fleet/AgentProtocol.h
// `request` / `response`): every request is checked against the
// capabilities THIS agent's own config grants before anything else looks
// at it — the server's word counts for nothing here — and refused with
// CAPABILITY_DISABLED otherwise. Then the handler registered for the
// capability and action answers (VALIDATION_ERROR, details.code
// UNKNOWN_ACTION, when there is none). At most kMaxInFlight requests run
// at once (RATE_LIMIT_EXCEEDED beyond): the server bounds them too, but the
// agent does not rely on it.

#include "common/Result.h"
#include "fleet/AgentProtocol.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>

namespace hm::agent {

class RemoteDispatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxInFlight = 16;

    using Reply = std::function<void(Result<QJsonObject>)>;
    // Calls `reply` exactly once, now or later (on the agent's thread).
    using Handler = std::function<void(const QJsonObject &args, Reply reply)>;
    using Respond = std::function<void(const fleet::ResponseMessage &response)>;

    explicit RemoteDispatcher(QStringList granted, QObject *parent = nullptr);

    void addHandler(const QString &capability, const QString &action, Handler handler);
    // Answers through `respond` exactly once.
    void dispatch(const fleet::RequestMessage &request, Respond respond);

    const QStringList &granted() const { return m_granted; }
    int inFlight() const { return m_inFlight; }

private:
    QStringList m_granted;
    QHash<QString, Handler> m_handlers; // "capability/action"
    int m_inFlight = 0;
};

} // namespace hm::agent
