#include "server/services/remote/TaskLog.h"

#include "engine/tasks/TaskExecutor.h"
#include "server/services/remote/RemoteTaskDispatcher.h"

#include <QDateTime>
#include <QUuid>

namespace hm::server::remote {

Result<QString> TaskLog::create(const auth::Principal &caller, const auth::ClientInfo &client,
                                const QJsonObject &body)
{
    const QJsonValue nodeId = body.value(QStringLiteral("node_id"));
    if (!nodeId.isString() || nodeId.toString().trimmed().isEmpty())
        return Error{ErrorCode::ValidationError, QStringLiteral("node_id: the node to run on"),
                     QJsonObject{{QStringLiteral("field"), QStringLiteral("node_id")}}};
    // The same config a flow's task node has, aimed at one node.
    QJsonObject config = body;
    config.remove(QStringLiteral("node_id"));
    config.insert(QStringLiteral("target"),
                  QJsonObject{{QStringLiteral("node_id"), nodeId.toString().trimmed()}});
    auto request = engine::parseTaskConfig(config);
    if (!request)
        return request.error();

    Entry entry;
    entry.id = QUuid::createUuid().toString(QUuid::Id128);
    entry.nodeId = request.value().target.nodeId;
    entry.program = request.value().command.shell ? QStringLiteral("shell script")
                                                   : request.value().command.argv.value(0);
    entry.createdBy = caller.userId;
    entry.createdAt = QDateTime::currentMSecsSinceEpoch();
    request.value().executionId = QStringLiteral("task:") + entry.id;
    request.value().triggeredBy = caller.userId;
    m_entries.push_front(entry);
    if (m_entries.size() > size_t(kMaxTasks))
        m_entries.pop_back();

    const QString id = entry.id;
    RemoteTaskDispatcher::Callbacks callbacks;
    const auto fail = [this, id](const Error &error) {
        if (Entry *e = find(id)) {
            e->status = QStringLiteral("failed");
            e->finishedAt = QDateTime::currentMSecsSinceEpoch();
            e->error = {{QStringLiteral("code"), error.codeName()},
                        {QStringLiteral("message"), error.message}};
        }
    };
    callbacks.refused = [fail](Error error, bool) { fail(error); };
    callbacks.targets = [this, id](QList<engine::TaskTargetNode> targets) {
        if (Entry *e = find(id); e && !targets.isEmpty())
            e->nodeName = targets.first().name;
    };
    callbacks.nodeDone = [this, id, fail](engine::TaskTargetNode, Result<QJsonObject> outcome) {
        if (!outcome)
            return fail(outcome.error());
        if (Entry *e = find(id)) {
            e->result = outcome.value();
            e->finishedAt = QDateTime::currentMSecsSinceEpoch();
            const bool ok = e->result.value(QStringLiteral("exit_code")).toInt(-1) == 0
                            && !e->result.value(QStringLiteral("timed_out")).toBool()
                            && !e->result.value(QStringLiteral("cancelled")).toBool();
            e->status = ok ? QStringLiteral("completed") : QStringLiteral("failed");
        }
    };
    m_dispatcher.startAs(caller, client, request.value(), std::move(callbacks));
    return id;
}

TaskLog::Entry *TaskLog::find(const QString &id)
{
    for (Entry &e : m_entries)
        if (e.id == id)
            return &e;
    return nullptr;
}

QJsonArray TaskLog::list(const auth::Principal &caller) const
{
    const auto time = [](qint64 ms) {
        return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
                  : QJsonValue();
    };
    QJsonArray items;
    for (const Entry &e : m_entries) {
        if (caller.role != auth::Role::Admin && e.createdBy != caller.userId)
            continue;
        const auto number = [&](const char *key) {
            const QJsonValue v = e.result.value(QLatin1String(key));
            return v.isUndefined() ? QJsonValue() : v;
        };
        items.append(QJsonObject{
            {QStringLiteral("task_id"), e.id},
            {QStringLiteral("node_id"), e.nodeId},
            {QStringLiteral("node_name"), e.nodeName},
            {QStringLiteral("command"), e.program},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("exit_code"), number("exit_code")},
            {QStringLiteral("stdout"), e.result.value(QStringLiteral("stdout")).toString()},
            {QStringLiteral("stderr"), e.result.value(QStringLiteral("stderr")).toString()},
            {QStringLiteral("timed_out"), e.result.value(QStringLiteral("timed_out")).toBool()},
            {QStringLiteral("error"), e.error.isEmpty() ? QJsonValue() : QJsonValue(e.error)},
            {QStringLiteral("created_by"), e.createdBy},
            {QStringLiteral("created_at"), time(e.createdAt)},
            {QStringLiteral("finished_at"), time(e.finishedAt)},
        });
    }
    return items;
}

} // namespace hm::server::remote
