#include "agent/DockerHandlers.h"

#include "agent/DockerCompose.h"
#include "agent/DockerEngine.h"
#include "agent/DockerLogs.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/AgentProtocol.h"
#include "fleet/DockerNames.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <cmath>
#include <map>

namespace hm::agent {

namespace {

using Reply = RemoteDispatcher::Reply;

const QString kProjectLabel = QStringLiteral("com.docker.compose.project");
const QString kWorkingDirLabel = QStringLiteral("com.docker.compose.project.working_dir");
// Room left in a response for the envelope around a list.
constexpr qsizetype kListBudget = fleet::kMaxAgentResponseBytes - 8192;

QString isoFromEpochSeconds(const QJsonValue &value)
{
    const double seconds = value.toDouble(0);
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC)
                             .toString(Qt::ISODate)
                       : QString();
}

QString textOf(const QJsonValue &value, qsizetype maxLength = 512)
{
    return value.toString().left(maxLength);
}

// "Up 5 minutes (healthy)" → healthy; Docker lists carry health only there.
QString healthFromStatus(const QString &status)
{
    if (status.contains(QStringLiteral("(healthy)")))
        return QStringLiteral("healthy");
    if (status.contains(QStringLiteral("(unhealthy)")))
        return QStringLiteral("unhealthy");
    if (status.contains(QStringLiteral("(health: starting)")))
        return QStringLiteral("starting");
    return {};
}

QJsonObject containerJson(const QJsonObject &in)
{
    QJsonArray names;
    for (const QJsonValue &name : in.value(QStringLiteral("Names")).toArray()) {
        QString text = textOf(name, 256);
        if (text.startsWith(u'/'))
            text.remove(0, 1);
        names.append(text);
    }
    QJsonArray ports;
    for (const QJsonValue &value : in.value(QStringLiteral("Ports")).toArray()) {
        const QJsonObject port = value.toObject();
        QJsonObject out{{QStringLiteral("private"), port.value(QStringLiteral("PrivatePort")).toInt()},
                        {QStringLiteral("type"), textOf(port.value(QStringLiteral("Type")), 8)}};
        if (port.contains(QStringLiteral("PublicPort")))
            out.insert(QStringLiteral("public"), port.value(QStringLiteral("PublicPort")).toInt());
        if (port.contains(QStringLiteral("IP")))
            out.insert(QStringLiteral("ip"), textOf(port.value(QStringLiteral("IP")), 64));
        ports.append(out);
        if (ports.size() >= 64)
            break;
    }
    const QJsonObject labels = in.value(QStringLiteral("Labels")).toObject();
    const QString status = textOf(in.value(QStringLiteral("Status")), 128);
    return {{QStringLiteral("id"), textOf(in.value(QStringLiteral("Id")), 64)},
            {QStringLiteral("names"), names},
            {QStringLiteral("image"), textOf(in.value(QStringLiteral("Image")), 256)},
            {QStringLiteral("state"), textOf(in.value(QStringLiteral("State")), 32)},
            {QStringLiteral("status"), status},
            {QStringLiteral("created"), isoFromEpochSeconds(in.value(QStringLiteral("Created")))},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("compose_project"), textOf(labels.value(kProjectLabel), 128)},
            {QStringLiteral("health"), healthFromStatus(status)}};
}

QJsonObject imageJson(const QJsonObject &in)
{
    QString id = textOf(in.value(QStringLiteral("Id")), 80);
    if (id.startsWith(QStringLiteral("sha256:")))
        id.remove(0, 7);
    QJsonArray tags;
    for (const QJsonValue &tag : in.value(QStringLiteral("RepoTags")).toArray()) {
        tags.append(textOf(tag, 256));
        if (tags.size() >= 32)
            break;
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("size"), in.value(QStringLiteral("Size")).toDouble()},
            {QStringLiteral("created"), isoFromEpochSeconds(in.value(QStringLiteral("Created")))}};
}

// The JSON array the daemon answered, or why not.
Result<QJsonArray> arrayOf(const Result<DockerResponse> &outcome)
{
    if (!outcome)
        return outcome.error();
    if (outcome->status >= 400)
        return dockerApiError(outcome.value());
    if (outcome->truncated)
        return Error{ErrorCode::PayloadTooLarge,
                     QStringLiteral("the Docker daemon's list is too large for the agent")};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(outcome->body, &parseError);
    if (!document.isArray())
        return Error{ErrorCode::ServiceUnavailable,
                     QStringLiteral("the Docker daemon's answer is not a JSON list"),
                     QJsonObject{{QStringLiteral("code"), QStringLiteral("DOCKER_ERROR")}}};
    return document.array();
}

// Items while they fit in the budget.
QJsonObject boundedList(const QString &key, const QList<QJsonObject> &items)
{
    QJsonArray out;
    qsizetype budget = kListBudget;
    bool truncated = false;
    for (const QJsonObject &item : items) {
        budget -= QJsonDocument(item).toJson(QJsonDocument::Compact).size();
        if (budget < 0) {
            truncated = true;
            break;
        }
        out.append(item);
    }
    return {{key, out}, {QStringLiteral("truncated"), truncated}};
}

Result<QString> containerArg(const QJsonObject &args)
{
    const QJsonValue value = args.value(QStringLiteral("container"));
    return fleet::dockerContainerRef(value.isString() ? value.toString() : QString());
}

Result<QString> projectArg(const QJsonObject &args)
{
    const QJsonValue value = args.value(QStringLiteral("project"));
    return fleet::composeProjectName(value.isString() ? value.toString() : QString());
}

Error argumentError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

QByteArray projectFilter(const QString &project)
{
    const QJsonObject filter{
        {QStringLiteral("label"),
         QJsonArray{project.isEmpty() ? kProjectLabel : kProjectLabel + u'=' + project}}};
    return QUrl::toPercentEncoding(
        QString::fromUtf8(QJsonDocument(filter).toJson(QJsonDocument::Compact)));
}

} // namespace

DockerHandlers::DockerHandlers(const QString &socketPath, const QString &composeCommand,
                               const QStringList &composeRoots, QObject *parent)
    : QObject(parent), m_engine(new DockerEngine(socketPath, this)),
      m_compose(new DockerCompose(socketPath, composeCommand, composeRoots, this))
{
}

DockerHandlers::~DockerHandlers() = default;

void DockerHandlers::addHandlers(RemoteDispatcher &dispatcher)
{
    const QString docker = QStringLiteral("docker");
    DockerEngine *engine = m_engine;

    dispatcher.addHandler(docker, QStringLiteral("containers"),
                          [engine](const QJsonObject &, const Reply &reply) {
                              engine->request(
                                  "GET", "/containers/json?all=1", {},
                                  DockerEngine::kDefaultMaxBody,
                                  [reply](Result<DockerResponse> outcome) {
                                      auto list = arrayOf(outcome);
                                      if (!list)
                                          return reply(list.error());
                                      QList<QJsonObject> items;
                                      for (const QJsonValue &value : list.value())
                                          items.append(containerJson(value.toObject()));
                                      reply(boundedList(QStringLiteral("containers"), items));
                                  });
                          });

    // start, stop and restart: 204 done, 304 nothing to do (already so).
    for (const char *verb : {"start", "stop", "restart"}) {
        const QString action = QString::fromLatin1(verb);
        // stop and restart wait the container's own stop timeout (10 s
        // unless it was created with another) before SIGKILL.
        const QByteArray suffix = QByteArray("/") + verb;
        dispatcher.addHandler(
            docker, action, [engine, suffix](const QJsonObject &args, const Reply &reply) {
                auto container = containerArg(args);
                if (!container)
                    return reply(container.error());
                const QString ref = container.value();
                engine->request("POST", dockerContainerPath(ref) + suffix, {}, 64 * 1024,
                                [reply, ref](Result<DockerResponse> outcome) {
                                    if (!outcome)
                                        return reply(outcome.error());
                                    if (outcome->status >= 400)
                                        return reply(dockerApiError(outcome.value()));
                                    reply(QJsonObject{{QStringLiteral("container"), ref},
                                                      {QStringLiteral("changed"),
                                                       outcome->status != 304}});
                                });
            });
    }

    dispatcher.addHandler(
        docker, QStringLiteral("remove"), [engine](const QJsonObject &args, const Reply &reply) {
            auto container = containerArg(args);
            if (!container)
                return reply(container.error());
            const QJsonValue force = args.value(QStringLiteral("force"));
            if (!force.isUndefined() && !force.isBool())
                return reply(argumentError(QStringLiteral("force"),
                                           QStringLiteral("force must be true or false")));
            const QString ref = container.value();
            const auto remove = [engine, reply, ref](bool forced) {
                engine->request("DELETE",
                                dockerContainerPath(ref) + (forced ? "?force=1" : "?force=0"), {},
                                64 * 1024, [reply, ref](Result<DockerResponse> outcome) {
                                    if (!outcome)
                                        return reply(outcome.error());
                                    if (outcome->status >= 400)
                                        return reply(dockerApiError(outcome.value()));
                                    reply(QJsonObject{{QStringLiteral("container"), ref},
                                                      {QStringLiteral("removed"), true}});
                                });
            };
            if (force.toBool())
                return remove(true);
            // Without force a running container is CONFLICT: asked first,
            // since daemons differ in how they refuse it (Docker 409,
            // podman 500).
            engine->request("GET", dockerContainerPath(ref, "/json"), {},
                            DockerEngine::kDefaultMaxBody,
                            [reply, ref, remove](Result<DockerResponse> outcome) {
                                if (!outcome)
                                    return reply(outcome.error());
                                if (outcome->status >= 400)
                                    return reply(dockerApiError(outcome.value()));
                                const QJsonObject state = QJsonDocument::fromJson(outcome->body)
                                                              .object()
                                                              .value(QStringLiteral("State"))
                                                              .toObject();
                                if (state.value(QStringLiteral("Running")).toBool()
                                    || state.value(QStringLiteral("Restarting")).toBool())
                                    return reply(Error{
                                        ErrorCode::Conflict,
                                        QStringLiteral("the container %1 is running: stop it "
                                                       "first, or remove it with force")
                                            .arg(ref),
                                        QJsonObject{{QStringLiteral("code"),
                                                     QStringLiteral("CONTAINER_RUNNING")}}});
                                remove(false);
                            });
        });

    dispatcher.addHandler(
        docker, QStringLiteral("logs"), [engine](const QJsonObject &args, const Reply &reply) {
            auto container = containerArg(args);
            if (!container)
                return reply(container.error());
            const QJsonValue tailValue = args.value(QStringLiteral("tail"));
            const double tail = tailValue.isUndefined() ? 200 : tailValue.toDouble(-1);
            if (tail != std::floor(tail) || tail < 1 || tail > kMaxLogTail)
                return reply(argumentError(
                    QStringLiteral("tail"),
                    QStringLiteral("tail must be a whole number from 1 to %1").arg(kMaxLogTail)));
            const QJsonValue sinceValue = args.value(QStringLiteral("since"));
            const double since = sinceValue.isUndefined() ? 0 : sinceValue.toDouble(-1);
            if (!std::isfinite(since) || since < 0 || since > 1e11)
                return reply(argumentError(
                    QStringLiteral("since"),
                    QStringLiteral("since must be a time in seconds since 1970")));
            const QJsonValue timestamps = args.value(QStringLiteral("timestamps"));
            if (!timestamps.isUndefined() && !timestamps.isBool())
                return reply(argumentError(QStringLiteral("timestamps"),
                                           QStringLiteral("timestamps must be true or false")));
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
            query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
            query.addQueryItem(QStringLiteral("tail"), QString::number(qint64(tail)));
            if (since > 0)
                query.addQueryItem(QStringLiteral("since"), QString::number(since, 'f', 3));
            query.addQueryItem(QStringLiteral("timestamps"),
                               timestamps.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
            const QString ref = container.value();
            // Raw bytes beyond the text budget: frames carry headers, and
            // the newest lines are kept when it is cut.
            engine->request(
                "GET",
                dockerContainerPath(ref, "/logs?") + query.toString(QUrl::FullyEncoded).toLatin1(),
                {}, 4 * kLogBudgetBytes, [reply, ref](Result<DockerResponse> outcome) {
                    if (!outcome)
                        return reply(outcome.error());
                    if (outcome->status >= 400)
                        return reply(dockerApiError(outcome.value()));
                    const DockerLogText text = dockerLogText(outcome->body, kLogBudgetBytes);
                    reply(QJsonObject{{QStringLiteral("container"), ref},
                                      {QStringLiteral("logs"), text.text},
                                      {QStringLiteral("lines"), text.lines},
                                      {QStringLiteral("truncated"),
                                       text.truncated || outcome->truncated}});
                });
        });

    dispatcher.addHandler(docker, QStringLiteral("images"),
                          [engine](const QJsonObject &, const Reply &reply) {
                              engine->request("GET", "/images/json", {},
                                              DockerEngine::kDefaultMaxBody,
                                              [reply](Result<DockerResponse> outcome) {
                                                  auto list = arrayOf(outcome);
                                                  if (!list)
                                                      return reply(list.error());
                                                  QList<QJsonObject> items;
                                                  for (const QJsonValue &value : list.value())
                                                      items.append(imageJson(value.toObject()));
                                                  reply(boundedList(QStringLiteral("images"),
                                                                    items));
                                              });
                          });

    dispatcher.addHandler(
        docker, QStringLiteral("composes"), [this, engine](const QJsonObject &, const Reply &reply) {
            engine->request(
                "GET", "/containers/json?all=1&filters=" + projectFilter({}), {},
                DockerEngine::kDefaultMaxBody, [this, reply](Result<DockerResponse> outcome) {
                    auto list = arrayOf(outcome);
                    if (!list)
                        return reply(list.error());
                    std::map<QString, QJsonObject> projects; // sorted by name
                    for (const QJsonValue &value : list.value()) {
                        const QJsonObject raw = value.toObject();
                        const QJsonObject labels = raw.value(QStringLiteral("Labels")).toObject();
                        const QString name = labels.value(kProjectLabel).toString();
                        if (!fleet::isComposeProjectName(name))
                            continue;
                        const QString dir = labels.value(kWorkingDirLabel).toString().left(4096);
                        if (!dir.isEmpty())
                            m_projectDirs.insert(name, dir);
                        const QJsonObject container = containerJson(raw);
                        QJsonObject &project = projects[name];
                        QJsonArray members = project.value(QStringLiteral("containers")).toArray();
                        if (members.size() < 100)
                            members.append(QJsonObject{
                                {QStringLiteral("id"), container.value(QStringLiteral("id"))},
                                {QStringLiteral("name"),
                                 container.value(QStringLiteral("names")).toArray().first()},
                                {QStringLiteral("state"), container.value(QStringLiteral("state"))}});
                        const bool running =
                            container.value(QStringLiteral("state")).toString() == u"running";
                        project.insert(QStringLiteral("name"), name);
                        project.insert(QStringLiteral("working_dir"), dir);
                        project.insert(QStringLiteral("containers"), members);
                        project.insert(QStringLiteral("total"),
                                       project.value(QStringLiteral("total")).toInt() + 1);
                        project.insert(QStringLiteral("running"),
                                       project.value(QStringLiteral("running")).toInt()
                                           + (running ? 1 : 0));
                    }
                    // The projects defined under the compose roots, also
                    // those with no container (down, or never up).
                    const QHash<QString, QString> defined = m_compose->definedProjects();
                    for (auto it = defined.cbegin(); it != defined.cend(); ++it) {
                        QJsonObject &project = projects[it.key()];
                        project.insert(QStringLiteral("name"), it.key());
                        project.insert(QStringLiteral("working_dir"), it.value());
                        project.insert(QStringLiteral("defined"), true);
                        if (!project.contains(QStringLiteral("containers")))
                            project.insert(QStringLiteral("containers"), QJsonArray());
                    }
                    QList<QJsonObject> items;
                    for (auto &[name, project] : projects) {
                        const int running = project.value(QStringLiteral("running")).toInt();
                        const int total = project.value(QStringLiteral("total")).toInt();
                        project.insert(QStringLiteral("state"),
                                       total == 0       ? QStringLiteral("down")
                                       : running == total ? QStringLiteral("running")
                                       : running == 0   ? QStringLiteral("exited")
                                                        : QStringLiteral("partial"));
                        project.insert(QStringLiteral("total"), total);
                        project.insert(QStringLiteral("running"), running);
                        if (!project.contains(QStringLiteral("defined")))
                            project.insert(QStringLiteral("defined"), false);
                        project.insert(QStringLiteral("busy"), m_compose->isRunning(name));
                        items.append(project);
                    }
                    QJsonObject answer = boundedList(QStringLiteral("projects"), items);
                    answer.insert(QStringLiteral("compose_available"),
                                  !m_compose->findTool().isEmpty());
                    reply(answer);
                });
        });

    for (const bool up : {true, false}) {
        dispatcher.addHandler(
            docker, up ? QStringLiteral("compose_up") : QStringLiteral("compose_down"),
            [this, engine, up](const QJsonObject &args, const Reply &reply) {
                auto project = projectArg(args);
                if (!project)
                    return reply(project.error());
                const QString name = project.value();
                // The project's directory from its containers now, else as
                // last seen.
                engine->request(
                    "GET", "/containers/json?all=1&filters=" + projectFilter(name), {},
                    DockerEngine::kDefaultMaxBody,
                    [this, reply, name, up](Result<DockerResponse> outcome) {
                        auto list = arrayOf(outcome);
                        if (!list)
                            return reply(list.error());
                        for (const QJsonValue &value : list.value()) {
                            const QString dir = value.toObject()
                                                    .value(QStringLiteral("Labels"))
                                                    .toObject()
                                                    .value(kWorkingDirLabel)
                                                    .toString();
                            if (!dir.isEmpty()) {
                                m_projectDirs.insert(name, dir.left(4096));
                                break;
                            }
                        }
                        auto dir = m_compose->projectDir(name, m_projectDirs.value(name));
                        if (!dir)
                            return reply(dir.error());
                        m_compose->run(name, dir.value(), up, reply);
                    });
            });
    }
}

} // namespace hm::agent
