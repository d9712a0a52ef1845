#include "agent/RemoteDispatcher.h"

#include "common/Logging.h"

#include <memory>

namespace hm::agent {

RemoteDispatcher::RemoteDispatcher(QStringList granted, QObject *parent)
    : QObject(parent), m_granted(std::move(granted))
{
}

void RemoteDispatcher::addHandler(const QString &capability, const QString &action,
                                  Handler handler)
{
    m_handlers.insert(capability + u'/' + action, std::move(handler));
}

void RemoteDispatcher::dispatch(const fleet::RequestMessage &request, Respond respond)
{
    const qint64 id = request.id;
    if (!m_granted.contains(request.capability)) {
        qCInfo(lcAgent).noquote()
            << QStringLiteral("refused a %1 request (%2): this agent's config does not grant it")
                   .arg(request.capability, request.action);
        respond(fleet::failedResponse(
            id, Error{ErrorCode::CapabilityDisabled,
                      QStringLiteral("this agent's config does not grant \"%1\"")
                          .arg(request.capability),
                      QJsonObject{{QStringLiteral("capability"), request.capability}}}));
        return;
    }
    const auto handler = m_handlers.constFind(request.capability + u'/' + request.action);
    if (handler == m_handlers.constEnd()) {
        respond(fleet::failedResponse(
            id, Error{ErrorCode::ValidationError,
                      QStringLiteral("this agent cannot do \"%1\" with %2")
                          .arg(request.action, request.capability),
                      QJsonObject{{QStringLiteral("code"), QStringLiteral("UNKNOWN_ACTION")}}}));
        return;
    }
    if (m_inFlight >= kMaxInFlight) {
        respond(fleet::failedResponse(
            id, Error{ErrorCode::RateLimitExceeded,
                      QStringLiteral("the agent is busy with other requests")}));
        return;
    }
    ++m_inFlight;
    // A handler that answered twice would be a bug; the second is dropped.
    auto answered = std::make_shared<bool>(false);
    (*handler)(request.args, [this, id, respond = std::move(respond),
                              answered](Result<QJsonObject> outcome) {
        if (*answered)
            return;
        *answered = true;
        --m_inFlight;
        if (outcome) {
            fleet::ResponseMessage response;
            response.id = id;
            response.result = std::move(outcome.value());
            respond(response);
        } else {
            respond(fleet::failedResponse(id, outcome.error()));
        }
    });
}

} // namespace hm::agent
