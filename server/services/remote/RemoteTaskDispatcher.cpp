#include "server/services/remote/RemoteTaskDispatcher.h"

#include "common/Logging.h"
#include "server/repositories/ApiKeyRepository.h"
#include "server/repositories/FlowsRepository.h"
#include "server/repositories/NodeRepository.h"
#include "server/repositories/UserRepository.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/auth/ApiKeyPermissions.h"
#include "server/services/remote/NodeGrants.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace hm::server::remote {

namespace {

const QString kTasks = QStringLiteral("tasks");

Error noTargets(const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_TARGETS")},
                             {QStringLiteral("field"), QStringLiteral("target")}}};
}

QString taskProgram(const engine::TaskCommand &command)
{
    return command.shell ? QStringLiteral("shell script") : command.argv.value(0).left(256);
}

QJsonObject agentTaskArgs(const QString &taskId, const engine::TaskCommand &command)
{
    QJsonObject args{{QStringLiteral("task_id"), taskId},
                     {QStringLiteral("timeout_ms"), command.timeoutMs}};
    if (command.shell) {
        args.insert(QStringLiteral("shell"), true);
        args.insert(QStringLiteral("script"), command.script);
    } else {
        args.insert(QStringLiteral("argv"), QJsonArray::fromStringList(command.argv));
    }
    if (!command.env.isEmpty())
        args.insert(QStringLiteral("env"), command.env);
    if (!command.workingDir.isEmpty())
        args.insert(QStringLiteral("working_dir"), command.workingDir);
    return args;
}

auth::Role roleOfAccessLevel(const QString &level)
{
    if (level == u"admin")
        return auth::Role::Admin;
    if (level == u"write")
        return auth::Role::User;
    return auth::Role::Viewer;
}

using ActiveUser = std::function<Result<std::optional<auth::Principal>>(const QString &)>;

// The owner of the API key that started an execution, capped by the key.
Result<auth::Principal> actingForKey(const repositories::ApiKeyCredential &key,
                                     const ActiveUser &asUser)
{
    if (key.status != u"active"
        || (key.expiresAt > 0 && key.expiresAt <= QDateTime::currentMSecsSinceEpoch()))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("the API key that started the execution is no longer active"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("API_KEY_INACTIVE")}}};
    // Running a command on a node is "nodes.execute" for a key that lists
    // permissions (a key without any is limited by its level alone).
    QStringList permissions;
    for (const QJsonValue &permission : QJsonDocument::fromJson(key.permissions.toUtf8()).array())
        permissions << permission.toString();
    if (!auth::permits(permissions, QStringLiteral("nodes.execute")))
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("the API key that started the execution may not run "
                                    "commands on nodes (its permissions lack nodes.execute)"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("API_KEY_SCOPE")}}};
    auto owner = asUser(key.userId);
    if (!owner)
        return owner.error();
    if (!owner.value())
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("nobody may run this task: the owner of the API key that "
                                    "started the execution is not an active user"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_ACTING_USER")}}};
    auth::Principal p = *owner.value();
    p.role = std::min(p.role, roleOfAccessLevel(key.accessLevel));
    p.apiKeyId = key.id;
    return p;
}

} // namespace

RemoteTaskDispatcher::RemoteTaskDispatcher(store::Database &db, QObject *parent)
    : QObject(parent), m_db(db)
{
}

RemoteTaskDispatcher::~RemoteTaskDispatcher() = default;

quint64 RemoteTaskDispatcher::start(const engine::TaskRequest &request, Callbacks callbacks)
{
    const quint64 handle = m_nextHandle++;
    QMetaObject::invokeMethod(
        this,
        [this, handle, request, callbacks = std::move(callbacks)]() mutable {
            begin(handle, std::nullopt,
                  auth::ClientInfo{QString(),
                                   QStringLiteral("flow execution %1").arg(request.executionId)},
                  std::move(request), std::move(callbacks));
        },
        Qt::QueuedConnection);
    return handle;
}

void RemoteTaskDispatcher::cancel(quint64 handle)
{
    QMetaObject::invokeMethod(this, [this, handle] { cancelHere(handle); }, Qt::QueuedConnection);
}

Result<auth::Principal> RemoteTaskDispatcher::actingFor(const engine::TaskRequest &request)
{
    auth::UserRepository users(m_db);
    const ActiveUser asUser = [&](const QString &id) -> Result<std::optional<auth::Principal>> {
        if (id.isEmpty())
            return std::optional<auth::Principal>();
        auto user = users.findById(id);
        if (!user)
            return user.error();
        if (!user.value() || user.value()->status != u"active")
            return std::optional<auth::Principal>();
        auth::Principal p;
        p.userId = user.value()->id;
        p.username = user.value()->username;
        p.role = user.value()->role;
        return std::optional<auth::Principal>(p);
    };
    auto user = asUser(request.triggeredBy);
    if (!user)
        return user.error();
    if (user.value())
        return *user.value();
    // An API key started it: its owner answers for it, as they are now,
    // capped by the key's access level and its permissions.
    auto key = repositories::apiKeyCredentialById(m_db, request.triggeredBy);
    if (!key)
        return key.error();
    if (key.value())
        return actingForKey(*key.value(), asUser);
    // Nobody signed in started it: the flow's owner answers for it.
    auto owner = repositories::flowOwner(m_db, request.flowId);
    if (!owner)
        return owner.error();
    auto ownerUser = asUser(owner.value());
    if (!ownerUser)
        return ownerUser.error();
    if (!ownerUser.value())
        return Error{ErrorCode::Forbidden,
                     QStringLiteral("nobody may run this task: the execution was not started by "
                                    "a user and the flow's owner is not an active user"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_ACTING_USER")}}};
    return *ownerUser.value();
}

Result<QList<engine::TaskTargetNode>>
RemoteTaskDispatcher::resolveTargets(const engine::TaskTarget &target)
{
    fleet::FleetService &fleet = m_actions->fleet();
    if (!target.nodeId.isEmpty()) {
        auto node = fleet.get(target.nodeId);
        if (!node)
            return node.error().code == ErrorCode::ResourceNotFound
                       ? Result<QList<engine::TaskTargetNode>>(noTargets(
                             QStringLiteral("no node %1").arg(target.nodeId.left(64))))
                       : Result<QList<engine::TaskTargetNode>>(node.error());
        return QList<engine::TaskTargetNode>{{node.value().id, node.value().name}};
    }
    repositories::NodeFilter filter;
    filter.label = target.label;
    filter.enrolment = QStringLiteral("enrolled");
    auto ids = repositories::nodeIdsMatching(m_db, filter);
    if (!ids)
        return ids.error();
    auto rows = repositories::nodesByIds(m_db, ids.value());
    if (!rows)
        return rows.error();
    QList<engine::TaskTargetNode> matched;
    for (const repositories::NodeRow &row : rows.value())
        matched.append({row.id, row.name});
    if (matched.isEmpty())
        return noTargets(
            QStringLiteral("no enrolled node has the label \"%1\"").arg(target.label.left(64)));
    if (target.mode == u"one") {
        if (matched.size() != 1)
            return noTargets(QStringLiteral("the label \"%1\" matches %2 nodes; mode \"one\" "
                                            "needs exactly one (use \"any\" or \"all\")")
                                 .arg(target.label.left(64))
                                 .arg(matched.size()));
        return matched;
    }
    if (target.mode == u"any") {
        for (const engine::TaskTargetNode &node : std::as_const(matched))
            if (fleet.isOnline(node.nodeId))
                return QList<engine::TaskTargetNode>{node};
        return Error{ErrorCode::NodeOffline,
                     QStringLiteral("none of the %1 nodes with the label \"%2\" is online")
                         .arg(matched.size())
                         .arg(target.label.left(64)),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("NO_ONLINE_TARGET")}}};
    }
    return matched;
}

void RemoteTaskDispatcher::begin(quint64 handle, std::optional<auth::Principal> caller,
                                 auth::ClientInfo client, engine::TaskRequest request,
                                 Callbacks callbacks)
{
    if (!m_actions)
        return callbacks.refused(Error{ErrorCode::ServiceUnavailable,
                                       QStringLiteral("the server is not running tasks now")},
                                 true);
    if (!caller) {
        auto acting = actingFor(request);
        if (!acting)
            return callbacks.refused(acting.error(), false);
        caller = acting.value();
    }
    auto targets = resolveTargets(request.target);
    if (!targets)
        return callbacks.refused(targets.error(), targets.error().code == ErrorCode::NodeOffline);

    // Every target is checked before anything runs anywhere.
    const QString program = taskProgram(request.command);
    const QJsonObject auditDetails{{QStringLiteral("program"), program},
                                   {QStringLiteral("execution_id"), request.executionId},
                                   {QStringLiteral("flow_id"), request.flowId},
                                   {QStringLiteral("on_behalf_of"), request.triggeredBy}};
    for (const engine::TaskTargetNode &target : std::as_const(targets.value())) {
        auto node = m_actions->fleet().get(target.nodeId);
        if (!node)
            return callbacks.refused(node.error(), false);
        if (Status allowed = m_actions->grants().authorise(*caller, node.value(), kTasks);
            !allowed) {
            RemoteAction refused{target.nodeId, kTasks, QStringLiteral("run"), {},
                                 QStringLiteral("NODE_TASK_RUN"), program, auditDetails};
            m_actions->recordAudit(*caller, client, refused, allowed);
            Error error = allowed.error();
            error.message = QStringLiteral("%1 may not run tasks on %2: %3")
                                .arg(caller->username, target.name, error.message);
            return callbacks.refused(error, false);
        }
    }

    Run &run = m_runs[handle];
    run.caller = *caller;
    run.client = client;
    run.request = request;
    run.callbacks = std::move(callbacks);
    for (const engine::TaskTargetNode &target : std::as_const(targets.value()))
        run.parts.append(Part{target, QUuid::createUuid().toString(QUuid::Id128), true});
    run.pending = int(run.parts.size());
    qCInfo(lcServer).noquote() << QStringLiteral("tasks: %1 on %2 node(s) for %3 (execution %4)")
                                      .arg(program)
                                      .arg(run.parts.size())
                                      .arg(caller->username, request.executionId);
    run.callbacks.targets(targets.value());

    for (int i = 0; i < run.parts.size(); ++i) {
        RemoteAction action;
        action.nodeId = run.parts[i].node.nodeId;
        action.capability = kTasks;
        action.action = QStringLiteral("run");
        action.args = agentTaskArgs(run.parts[i].taskId, request.command);
        action.timeoutMs = request.command.timeoutMs + kAnswerMarginMs;
        m_actions->run(run.caller, run.client, std::move(action), this,
                       [this, handle, i](Result<QJsonObject> outcome) {
                           partDone(handle, i, std::move(outcome));
                       });
    }
}

void RemoteTaskDispatcher::partDone(quint64 handle, int index, Result<QJsonObject> outcome)
{
    const auto it = m_runs.find(handle);
    if (it == m_runs.end())
        return;
    Run &run = it->second;
    Part &part = run.parts[index];
    part.running = false;
    QJsonObject details{{QStringLiteral("program"), taskProgram(run.request.command)},
                        {QStringLiteral("execution_id"), run.request.executionId},
                        {QStringLiteral("flow_id"), run.request.flowId},
                        {QStringLiteral("on_behalf_of"), run.request.triggeredBy}};
    if (outcome) {
        details.insert(QStringLiteral("exit_code"),
                       outcome.value().value(QStringLiteral("exit_code")).toInt(-1));
        details.insert(QStringLiteral("timed_out"),
                       outcome.value().value(QStringLiteral("timed_out")).toBool());
        details.insert(QStringLiteral("cancelled"),
                       outcome.value().value(QStringLiteral("cancelled")).toBool());
    }
    RemoteAction audited{part.node.nodeId, kTasks, QStringLiteral("run"), {},
                         QStringLiteral("NODE_TASK_RUN"), taskProgram(run.request.command),
                         details};
    if (m_actions)
        m_actions->recordAudit(run.caller, run.client, audited,
                               outcome ? Status() : Status(outcome.error()));
    Callbacks callbacks = run.callbacks; // the run may go below
    const engine::TaskTargetNode node = part.node;
    if (--run.pending == 0)
        m_runs.erase(it);
    callbacks.nodeDone(node, std::move(outcome));
}

void RemoteTaskDispatcher::cancelHere(quint64 handle)
{
    const auto it = m_runs.find(handle);
    if (it == m_runs.end() || it->second.cancelled || !m_actions)
        return;
    it->second.cancelled = true;
    for (const Part &part : std::as_const(it->second.parts)) {
        if (!part.running)
            continue;
        qCInfo(lcServer).noquote()
            << QStringLiteral("tasks: cancelling task %1 on node %2").arg(part.taskId, part.node.nodeId);
        m_actions->fleet().calls().call(
            part.node.nodeId, kTasks, QStringLiteral("cancel"),
            QJsonObject{{QStringLiteral("task_id"), part.taskId}}, this,
            [](Result<QJsonObject>) {});
    }
}

} // namespace hm::server::remote
