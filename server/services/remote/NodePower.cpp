#include "server/services/remote/NodePower.h"

#include "server/api/AuthCommon.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/RecentAuthentication.h"

#include <QTimer>
#include <memory>
#include <utility>

namespace hm::server::remote {

void awaitReconnect(fleet::FleetService &fleet, const QString &nodeId, int timeoutMs,
                    QObject *context, std::function<void(Status)> done)
{
    // A helper object owns the connection and the timer: whichever ends
    // first deletes it, so `done` runs once.
    auto *watch = new QObject(context);
    auto seenOffline = std::make_shared<bool>(!fleet.isOnline(nodeId));
    auto finished = std::make_shared<bool>(false);
    auto finish = std::make_shared<std::function<void(Status)>>(
        [watch, finished, done = std::move(done)](Status outcome) {
            if (std::exchange(*finished, true))
                return;
            watch->deleteLater();
            done(std::move(outcome));
        });
    QObject::connect(&fleet, &fleet::FleetService::nodeStatusChanged, watch,
                     [watch, nodeId, seenOffline, finish](const QString &id, bool online) {
                         if (id != nodeId)
                             return;
                         if (!online) {
                             *seenOffline = true;
                             return;
                         }
                         if (*seenOffline) {
                             QObject::disconnect(watch, nullptr, nullptr, nullptr);
                             (*finish)(Status{});
                         }
                     });
    QTimer::singleShot(timeoutMs, watch, [finish, timeoutMs] {
        (*finish)(Error{ErrorCode::Timeout,
                        QStringLiteral("the agent did not come back within %1 s")
                            .arg(timeoutMs / 1000)});
    });
}

bool NodePower::refuseStale(const auth::Principal &caller, const auth::ClientInfo &client,
                            const RemoteAction &action, QObject *context,
                            const std::function<void(Result<QJsonObject>)> &done)
{
    if (m_recent.isFresh(caller, auth::nowMs()))
        return false;
    const Error error{ErrorCode::ReauthenticationRequired,
                      QStringLiteral("enter your password or a 2FA code again (POST "
                                     "/api/v1/auth/reauthenticate) first")};
    m_actions.recordAudit(caller, client, action, error);
    QTimer::singleShot(0, context ? context : &m_actions.fleet(), [done, error] { done(error); });
    return true;
}

void NodePower::restartAgent(const auth::Principal &caller, const auth::ClientInfo &client,
                             const QString &nodeId, QObject *context,
                             std::function<void(Result<QJsonObject>)> done)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("upgrade");
    action.action = QStringLiteral("restart");
    action.auditAction = QStringLiteral("NODE_AGENT_RESTARTED");
    action.auditTarget = nodeId;
    if (refuseStale(caller, client, action, context, done))
        return;
    fleet::FleetService &fleet = m_actions.fleet();
    m_actions.run(caller, client, std::move(action), context,
                  [&fleet, nodeId, context, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      awaitReconnect(fleet, nodeId, kReconnectMs,
                                     context ? context : &fleet,
                                     [&fleet, nodeId, done](Status back) {
                                         if (!back)
                                             return done(back.error());
                                         auto row = fleet.get(nodeId);
                                         done(QJsonObject{
                                             {QStringLiteral("node_id"), nodeId},
                                             {QStringLiteral("restarted"), true},
                                             {QStringLiteral("agent_version"),
                                              row ? row.value().facts.agentVersion : QString()}});
                                     });
                  });
}

void NodePower::reboot(const auth::Principal &caller, const auth::ClientInfo &client,
                       const QString &nodeId, QObject *context,
                       std::function<void(Result<QJsonObject>)> done)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("reboot");
    action.action = QStringLiteral("reboot");
    action.auditAction = QStringLiteral("NODE_REBOOTED");
    action.auditTarget = nodeId;
    if (refuseStale(caller, client, action, context, done))
        return;
    m_actions.run(caller, client, std::move(action), context,
                  [nodeId, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{{QStringLiteral("node_id"), nodeId},
                                       {QStringLiteral("rebooting"), true}});
                  });
}

} // namespace hm::server::remote
