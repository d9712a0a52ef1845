#include "server/services/remote/DockerOps.h"

#include "fleet/DockerNames.h"

#include <QJsonArray>
#include <cmath>

namespace hm::server::remote {

namespace {

const QString kDocker = QStringLiteral("docker");

QString dockerText(const QJsonValue &value, qsizetype maxLength)
{
    return value.isString() ? value.toString().left(maxLength) : QString();
}

double dockerNumber(const QJsonValue &value)
{
    return value.isDouble() && std::isfinite(value.toDouble()) ? value.toDouble() : 0;
}

QJsonArray dockerTexts(const QJsonValue &value, qsizetype maxItems, qsizetype maxLength)
{
    QJsonArray out;
    for (const QJsonValue &item : value.toArray()) {
        if (out.size() >= maxItems)
            break;
        if (item.isString())
            out.append(item.toString().left(maxLength));
    }
    return out;
}

// The agent's list under `key`, each item through `clean`.
QJsonArray sanitisedList(const QJsonObject &result, const QString &key,
                         QJsonObject (*clean)(const QJsonObject &))
{
    QJsonArray out;
    for (const QJsonValue &value : result.value(key).toArray())
        if (value.isObject())
            out.append(clean(value.toObject()));
    return out;
}

} // namespace

QJsonObject sanitisedContainer(const QJsonObject &in)
{
    QJsonArray ports;
    for (const QJsonValue &value : in.value(QStringLiteral("ports")).toArray()) {
        const QJsonObject port = value.toObject();
        QJsonObject out{{QStringLiteral("private"), dockerNumber(port.value(QStringLiteral("private")))},
                        {QStringLiteral("type"), dockerText(port.value(QStringLiteral("type")), 8)}};
        if (port.value(QStringLiteral("public")).isDouble())
            out.insert(QStringLiteral("public"), dockerNumber(port.value(QStringLiteral("public"))));
        if (port.value(QStringLiteral("ip")).isString())
            out.insert(QStringLiteral("ip"), dockerText(port.value(QStringLiteral("ip")), 64));
        ports.append(out);
        if (ports.size() >= 64)
            break;
    }
    const QJsonArray names = dockerTexts(in.value(QStringLiteral("names")), 16, 256);
    return {{QStringLiteral("id"), dockerText(in.value(QStringLiteral("id")), 64)},
            {QStringLiteral("name"), names.isEmpty() ? QString() : names.first().toString()},
            {QStringLiteral("names"), names},
            {QStringLiteral("image"), dockerText(in.value(QStringLiteral("image")), 256)},
            {QStringLiteral("state"), dockerText(in.value(QStringLiteral("state")), 32)},
            {QStringLiteral("status"), dockerText(in.value(QStringLiteral("status")), 128)},
            {QStringLiteral("created"), dockerText(in.value(QStringLiteral("created")), 40)},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("compose_project"),
             dockerText(in.value(QStringLiteral("compose_project")), 128)},
            {QStringLiteral("health"), dockerText(in.value(QStringLiteral("health")), 16)}};
}

QJsonObject sanitisedImage(const QJsonObject &in)
{
    return {{QStringLiteral("id"), dockerText(in.value(QStringLiteral("id")), 80)},
            {QStringLiteral("tags"), dockerTexts(in.value(QStringLiteral("tags")), 32, 256)},
            {QStringLiteral("size"), dockerNumber(in.value(QStringLiteral("size")))},
            {QStringLiteral("created"), dockerText(in.value(QStringLiteral("created")), 40)}};
}

QJsonObject sanitisedComposeProject(const QJsonObject &in)
{
    QJsonArray containers;
    for (const QJsonValue &value : in.value(QStringLiteral("containers")).toArray()) {
        const QJsonObject c = value.toObject();
        containers.append(
            QJsonObject{{QStringLiteral("id"), dockerText(c.value(QStringLiteral("id")), 64)},
                        {QStringLiteral("name"), dockerText(c.value(QStringLiteral("name")), 256)},
                        {QStringLiteral("state"), dockerText(c.value(QStringLiteral("state")), 32)}});
        if (containers.size() >= 100)
            break;
    }
    return {{QStringLiteral("name"), dockerText(in.value(QStringLiteral("name")), 64)},
            {QStringLiteral("working_dir"), dockerText(in.value(QStringLiteral("working_dir")), 4096)},
            {QStringLiteral("state"), dockerText(in.value(QStringLiteral("state")), 16)},
            {QStringLiteral("running"), dockerNumber(in.value(QStringLiteral("running")))},
            {QStringLiteral("total"), dockerNumber(in.value(QStringLiteral("total")))},
            // Found as a directory with a compose file under the agent's
            // compose roots (also when none of its containers exist).
            {QStringLiteral("defined"), in.value(QStringLiteral("defined")).toBool()},
            // A compose up or down of it is running on the agent.
            {QStringLiteral("busy"), in.value(QStringLiteral("busy")).toBool()},
            {QStringLiteral("containers"), containers}};
}

void DockerOps::containers(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &nodeId, QObject *context, Done done)
{
    m_actions.run(caller, client, RemoteAction{nodeId, kDocker, QStringLiteral("containers")},
                  context, [done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{
                          {QStringLiteral("items"),
                           sanitisedList(outcome.value(), QStringLiteral("containers"),
                                         &sanitisedContainer)},
                          {QStringLiteral("truncated"),
                           outcome->value(QStringLiteral("truncated")).toBool()}});
                  });
}

void DockerOps::containerAction(const auth::Principal &caller, const auth::ClientInfo &client,
                                const QString &nodeId, const QString &container,
                                const QString &verb, QObject *context, Done done)
{
    static const QHash<QString, QString> audits{
        {QStringLiteral("start"), QStringLiteral("NODE_CONTAINER_STARTED")},
        {QStringLiteral("stop"), QStringLiteral("NODE_CONTAINER_STOPPED")},
        {QStringLiteral("restart"), QStringLiteral("NODE_CONTAINER_RESTARTED")}};
    if (auto ref = ::hm::fleet::dockerContainerRef(container); !ref)
        return done(ref.error());
    if (!audits.contains(verb))
        return done(Error{ErrorCode::ValidationError,
                          QStringLiteral("action must be start, stop or restart")});
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kDocker;
    action.action = verb;
    action.args = {{QStringLiteral("container"), container}};
    action.auditAction = audits.value(verb);
    action.auditTarget = container;
    action.auditDetails = {{QStringLiteral("container"), container}};
    action.timeoutMs = kContainerActionTimeoutMs;
    m_actions.run(caller, client, std::move(action), context,
                  [container, verb, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{{QStringLiteral("container"), container},
                                       {QStringLiteral("action"), verb},
                                       {QStringLiteral("changed"),
                                        outcome->value(QStringLiteral("changed")).toBool(true)}});
                  });
}

void DockerOps::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                       const QString &nodeId, const QString &container, bool force,
                       QObject *context, Done done)
{
    if (auto ref = ::hm::fleet::dockerContainerRef(container); !ref)
        return done(ref.error());
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kDocker;
    action.action = QStringLiteral("remove");
    action.args = {{QStringLiteral("container"), container}, {QStringLiteral("force"), force}};
    action.auditAction = QStringLiteral("NODE_CONTAINER_REMOVED");
    action.auditTarget = container;
    action.auditDetails = {{QStringLiteral("container"), container},
                           {QStringLiteral("force"), force}};
    action.timeoutMs = kContainerActionTimeoutMs;
    m_actions.run(caller, client, std::move(action), context,
                  [container, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{{QStringLiteral("container"), container},
                                       {QStringLiteral("removed"), true}});
                  });
}

void DockerOps::logs(const auth::Principal &caller, const auth::ClientInfo &client,
                     const QString &nodeId, const QString &container,
                     const ContainerLogQuery &query, QObject *context, Done done)
{
    if (auto ref = ::hm::fleet::dockerContainerRef(container); !ref)
        return done(ref.error());
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kDocker;
    action.action = QStringLiteral("logs");
    action.args = {{QStringLiteral("container"), container},
                   {QStringLiteral("tail"), query.tail},
                   {QStringLiteral("timestamps"), query.timestamps}};
    if (query.since > 0)
        action.args.insert(QStringLiteral("since"), query.since);
    m_actions.run(caller, client, std::move(action), context,
                  [container, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{
                          {QStringLiteral("container"), container},
                          {QStringLiteral("logs"), dockerText(outcome->value(QStringLiteral("logs")),
                                                              1024 * 1024)},
                          {QStringLiteral("lines"), dockerNumber(outcome->value(QStringLiteral("lines")))},
                          {QStringLiteral("truncated"),
                           outcome->value(QStringLiteral("truncated")).toBool()}});
                  });
}

void DockerOps::images(const auth::Principal &caller, const auth::ClientInfo &client,
                       const QString &nodeId, QObject *context, Done done)
{
    m_actions.run(caller, client, RemoteAction{nodeId, kDocker, QStringLiteral("images")},
                  context, [done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{
                          {QStringLiteral("items"),
                           sanitisedList(outcome.value(), QStringLiteral("images"),
                                         &sanitisedImage)},
                          {QStringLiteral("truncated"),
                           outcome->value(QStringLiteral("truncated")).toBool()}});
                  });
}

void DockerOps::composes(const auth::Principal &caller, const auth::ClientInfo &client,
                         const QString &nodeId, QObject *context, Done done)
{
    m_actions.run(caller, client, RemoteAction{nodeId, kDocker, QStringLiteral("composes")},
                  context, [done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{
                          {QStringLiteral("items"),
                           sanitisedList(outcome.value(), QStringLiteral("projects"),
                                         &sanitisedComposeProject)},
                          {QStringLiteral("compose_available"),
                           outcome->value(QStringLiteral("compose_available")).toBool()},
                          {QStringLiteral("truncated"),
                           outcome->value(QStringLiteral("truncated")).toBool()}});
                  });
}

void DockerOps::compose(const auth::Principal &caller, const auth::ClientInfo &client,
                        const QString &nodeId, const QString &project, bool up,
                        QObject *context, Done done)
{
    if (auto name = ::hm::fleet::composeProjectName(project); !name)
        return done(name.error());
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = kDocker;
    action.action = up ? QStringLiteral("compose_up") : QStringLiteral("compose_down");
    action.args = {{QStringLiteral("project"), project}};
    action.auditAction = up ? QStringLiteral("NODE_COMPOSE_UP") : QStringLiteral("NODE_COMPOSE_DOWN");
    action.auditTarget = project;
    action.auditDetails = {{QStringLiteral("project"), project}};
    action.timeoutMs = kComposeTimeoutMs;
    m_actions.run(caller, client, std::move(action), context,
                  [project, up, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{
                          {QStringLiteral("project"), project},
                          {QStringLiteral("action"), up ? QStringLiteral("up") : QStringLiteral("down")},
                          {QStringLiteral("exit_code"), dockerNumber(outcome->value(QStringLiteral("exit_code")))},
                          {QStringLiteral("output"),
                           dockerText(outcome->value(QStringLiteral("output")), 64 * 1024)},
                          {QStringLiteral("output_truncated"),
                           outcome->value(QStringLiteral("output_truncated")).toBool()}});
                  });
}

} // namespace hm::server::remote
