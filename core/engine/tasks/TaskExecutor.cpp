#include "engine/tasks/TaskExecutor.h"

#include "common/TaskCommandLimits.h"
#include "flow/BlobRef.h"
#include "flow/SchemaOrder.h"

#include <QAbstractEventDispatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <map>

namespace hm::engine {

namespace {

Error taskConfigError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field},
                             {QStringLiteral("code"), QStringLiteral("INVALID_TASK")}}};
}

// Worth another attempt: the node or its agent was away or busy.
bool retryableTaskError(const Error &error)
{
    switch (error.code) {
    case ErrorCode::NodeOffline:
    case ErrorCode::Timeout:
    case ErrorCode::RateLimitExceeded:
    case ErrorCode::ServiceUnavailable:
    case ErrorCode::NetworkError:
        return true;
    default:
        return false;
    }
}

// What all the outputs of one task node may hold together: a fan-out to
// many nodes keeps a shorter tail of each (never under kMinOutputTail),
// so the execution's stored outputs stay bounded whatever the fleet's size.
constexpr qsizetype kOutputsBudget = 4 * 1024 * 1024;
constexpr qsizetype kMinOutputTail = 4 * 1024;
// The tail of a long output kept beside it: at most 6 bytes of JSON per
// character (\u001f), so 8,000 stay below flow::kBlobThresholdBytes.
constexpr qsizetype kInlineTailChars = 8000;
static_assert(kInlineTailChars * 6 + 2 < flow::kBlobThresholdBytes);

// The last `limit` characters of `text`; `truncated` set when cut.
QString outputTail(const QString &text, qsizetype limit, bool &truncated)
{
    if (text.size() <= limit)
        return text;
    truncated = true;
    return text.right(limit);
}

QJsonObject nodeResultJson(const TaskTargetNode &node, const QJsonObject &r, qsizetype tail)
{
    const int exitCode = r.value(QStringLiteral("exit_code")).toInt(-1);
    const bool timedOut = r.value(QStringLiteral("timed_out")).toBool();
    bool outCut = r.value(QStringLiteral("stdout_truncated")).toBool();
    bool errCut = r.value(QStringLiteral("stderr_truncated")).toBool();
    const QString out = outputTail(r.value(QStringLiteral("stdout")).toString(), tail, outCut);
    const QString err = outputTail(r.value(QStringLiteral("stderr")).toString(), tail, errCut);
    return {{QStringLiteral("node_id"), node.nodeId},
            {QStringLiteral("node_name"), node.name},
            {QStringLiteral("exit_code"), exitCode},
            {QStringLiteral("signal"), r.value(QStringLiteral("signal")).toInt()},
            {QStringLiteral("stdout"), out},
            {QStringLiteral("stderr"), err},
            {QStringLiteral("stdout_truncated"), outCut},
            {QStringLiteral("stderr_truncated"), errCut},
            {QStringLiteral("duration_ms"), r.value(QStringLiteral("duration_ms")).toDouble()},
            {QStringLiteral("timed_out"), timedOut},
            {QStringLiteral("ok"), exitCode == 0 && !timedOut}};
}

QString targetsText(const QList<TaskTargetNode> &targets)
{
    QStringList names;
    for (const TaskTargetNode &t : targets)
        names << QStringLiteral("%1 (%2)").arg(t.name, t.nodeId);
    return names.join(QStringLiteral(", "));
}

// One attempt. Engine thread only; the dispatcher's callbacks are posted
// here through the engine thread's event dispatcher and dropped once the
// run is over or gone (`alive`).
class TaskRun final : public NodeRun
{
public:
    struct State
    {
        bool alive = true;
        bool fanOut = false;
        NodeDone done;
        QList<TaskTargetNode> targets;
        std::map<QString, QJsonObject> results; // by node id
        std::map<QString, Error> errors;
        int pending = 0;
        QStringList logs;
        // The scheduler's live log (NodeTask::log), or null: the target
        // list goes there the moment it is known, not with the outcome.
        std::function<void(const QString &)> log;
    };

    TaskRun(TaskDispatcher *dispatcher, std::shared_ptr<State> state)
        : m_dispatcher(dispatcher), m_state(std::move(state))
    {}
    ~TaskRun() override
    {
        // Abandoned (the node's timeout, the execution gone): nothing may
        // keep running for it on the agents.
        if (m_state->alive && m_handle)
            m_dispatcher->cancel(m_handle);
        m_state->alive = false;
    }
    void setHandle(quint64 handle) { m_handle = handle; }
    void cancel() override
    {
        if (!m_state->alive)
            return;
        m_dispatcher->cancel(m_handle);
        m_state->alive = false;
        NodeOutcome outcome = NodeOutcome::cancelled();
        outcome.logs = m_state->logs;
        outcome.logs << QStringLiteral("cancelled: the agents were asked to stop the command");
        m_state->done(std::move(outcome));
    }

private:
    TaskDispatcher *m_dispatcher;
    std::shared_ptr<TaskRun::State> m_state;
    quint64 m_handle = 0;
};

void finishTaskRun(TaskRun::State &state)
{
    state.alive = false;
    QJsonArray targets;
    for (const TaskTargetNode &t : std::as_const(state.targets))
        targets.append(QJsonObject{{QStringLiteral("node_id"), t.nodeId},
                                   {QStringLiteral("node_name"), t.name}});
    QJsonArray results;
    QStringList failures;
    bool retryable = true;
    int succeeded = 0, failed = 0;
    for (const TaskTargetNode &t : std::as_const(state.targets)) {
        if (const auto error = state.errors.find(t.nodeId); error != state.errors.end()) {
            failures << QStringLiteral("%1: %2").arg(t.name, error->second.message);
            retryable = retryable && retryableTaskError(error->second);
            state.logs << QStringLiteral("%1 (%2): did not run: %3 %4")
                              .arg(t.name, t.nodeId, error->second.codeName(),
                                   error->second.message);
            results.append(QJsonObject{{QStringLiteral("node_id"), t.nodeId},
                                       {QStringLiteral("node_name"), t.name},
                                       {QStringLiteral("ok"), false},
                                       {QStringLiteral("error"), error->second.codeName()},
                                       {QStringLiteral("message"), error->second.message}});
            continue;
        }
        const QJsonObject &raw = state.results[t.nodeId];
        if (raw.value(QStringLiteral("cancelled")).toBool()) {
            failures << QStringLiteral("%1: the command was stopped on the node").arg(t.name);
            results.append(QJsonObject{{QStringLiteral("node_id"), t.nodeId},
                                       {QStringLiteral("node_name"), t.name},
                                       {QStringLiteral("ok"), false},
                                       {QStringLiteral("error"), QStringLiteral("CANCELLED")}});
            continue;
        }
        const qsizetype tail = std::max<qsizetype>(
            kMinOutputTail, kOutputsBudget / (2 * std::max<qsizetype>(1, state.targets.size())));
        const QJsonObject result = nodeResultJson(t, raw, tail);
        result.value(QStringLiteral("ok")).toBool() ? ++succeeded : ++failed;
        state.logs << QStringLiteral("%1 (%2): exit code %3")
                          .arg(t.name, t.nodeId)
                          .arg(result.value(QStringLiteral("exit_code")).toInt());
        results.append(result);
    }
    if (!failures.isEmpty()) {
        // The code of the first error that another attempt would not
        // change, else of the first error (NODE_OFFLINE for an agent that
        // went mid-task); a command stopped on the node is a CONFLICT.
        ErrorCode code = state.errors.empty() ? ErrorCode::Conflict
                                              : state.errors.begin()->second.code;
        for (const auto &[id, error] : state.errors)
            if (!retryableTaskError(error)) {
                code = error.code;
                break;
            }
        NodeOutcome outcome = NodeOutcome::failed(
            Error{code,
                  QStringLiteral("the command did not run on %1 of %2 nodes: %3")
                      .arg(failures.size())
                      .arg(state.targets.size())
                      .arg(failures.join(QStringLiteral("; "))),
                  QJsonObject{{QStringLiteral("code"), QStringLiteral("TASK_NOT_RUN")},
                              {QStringLiteral("targets"), targets},
                              {QStringLiteral("results"), results}}},
            retryable);
        outcome.logs = state.logs;
        return state.done(std::move(outcome));
    }
    QJsonObject outputs;
    if (state.fanOut) {
        outputs = {{QStringLiteral("results"), results},
                   {QStringLiteral("succeeded"), succeeded},
                   {QStringLiteral("failed"), failed}};
    } else {
        outputs = results.first().toObject();
        // An output longer than the engine keeps inline goes to a blob that
        // lives as long as the execution runs; its tail stays readable
        // afterwards (the task list, the history) in a value short enough
        // never to be moved (kInlineTailChars characters escape to less
        // than the blob threshold).
        for (const QString &name : {QStringLiteral("stdout"), QStringLiteral("stderr")}) {
            const QString text = outputs.value(name).toString();
            if (text.size() > kInlineTailChars)
                outputs.insert(name + QStringLiteral("_tail"), text.right(kInlineTailChars));
        }
    }
    outputs.insert(QStringLiteral("targets"), targets);
    NodeOutcome outcome = NodeOutcome::completed(outputs);
    outcome.logs = state.logs;
    state.done(std::move(outcome));
}

// Runs `work` on `thread`'s event loop (the engine's), later.
void postTo(QThread *thread, std::function<void()> work)
{
    QAbstractEventDispatcher *loop = QAbstractEventDispatcher::instance(thread);
    if (!loop)
        return;
    QMetaObject::invokeMethod(loop, std::move(work), Qt::QueuedConnection);
}

} // namespace

flow::ComponentInterface taskInterface()
{
    static const char json[] = R"json({"name": "task", "inputs": [],
        "outputs": [
            {"name": "targets", "type": "array", "description": "the nodes the command ran on, fixed before it started"},
            {"name": "exit_code", "type": "integer", "description": "one target: the command's exit code (-1 when killed)"},
            {"name": "stdout", "type": "string", "description": "one target: the last 256 KiB of its standard output"},
            {"name": "stderr", "type": "string", "description": "one target: the last 256 KiB of its standard error"},
            {"name": "stdout_tail", "type": "string", "description": "one target, stdout over 8,000 characters: its last 8,000, kept after the execution"},
            {"name": "stderr_tail", "type": "string", "description": "one target, stderr over 8,000 characters: its last 8,000, kept after the execution"},
            {"name": "results", "type": "array", "description": "mode all: one item per node"},
            {"name": "succeeded", "type": "integer", "description": "mode all: nodes where it exited with 0"},
            {"name": "failed", "type": "integer", "description": "mode all: nodes where it did not"}],
        "configSchema": {"type": "object", "required": ["target"],
            "properties": {
                "target": {"type": "object", "properties": {
                    "node_id": {"type": "string", "minLength": 1},
                    "label": {"type": "string", "minLength": 1},
                    "mode": {"enum": ["one", "any", "all"]}}},
                "argv": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                "shell": {"type": "boolean"},
                "script": {"type": "string"},
                "env": {"type": "object", "additionalProperties": {"type": "string"}},
                "working_dir": {"type": "string"},
                "timeout_s": {"type": "integer", "minimum": 1, "maximum": 86400}}}})json";
    auto parsed = flow::ComponentInterface::fromJson(
        flow::schemaorder::parseKeepingOrder(QByteArray(json)).object(), {},
        QStringLiteral("1.0.0"));
    Q_ASSERT_X(parsed.ok(), "task", qPrintable(parsed.error().toString()));
    return parsed.value();
}

Result<TaskRequest> parseTaskConfig(const QJsonObject &config)
{
    TaskRequest request;
    const QJsonObject target = config.value(QStringLiteral("target")).toObject();
    request.target.nodeId = target.value(QStringLiteral("node_id")).toString().trimmed();
    request.target.label = target.value(QStringLiteral("label")).toString().trimmed();
    request.target.mode = target.value(QStringLiteral("mode")).toString(QStringLiteral("one"));
    if (request.target.nodeId.isEmpty() == request.target.label.isEmpty())
        return taskConfigError(QStringLiteral("target"),
                               QStringLiteral("target needs a node_id or a label (one of them): "
                                              "a task never runs on \"all nodes\""));
    if (!request.target.label.isEmpty()
        && !QStringList{QStringLiteral("one"), QStringLiteral("any"), QStringLiteral("all")}
                .contains(request.target.mode))
        return taskConfigError(QStringLiteral("target.mode"),
                               QStringLiteral("target.mode must be one, any or all"));
    TaskCommand &command = request.command;
    command.shell = config.value(QStringLiteral("shell")).toBool(false);
    const QJsonValue script = config.value(QStringLiteral("script"));
    const QJsonValue argv = config.value(QStringLiteral("argv"));
    if (command.shell) {
        if (!script.isString() || script.toString().trimmed().isEmpty())
            return taskConfigError(QStringLiteral("script"),
                                   QStringLiteral("shell: true needs a non-empty script"));
        if (!argv.isUndefined() && !argv.isNull())
            return taskConfigError(QStringLiteral("argv"),
                                   QStringLiteral("give argv or a script with shell: true, not both"));
        command.script = script.toString();
    } else {
        if (!script.isUndefined() && !script.isNull())
            return taskConfigError(QStringLiteral("script"),
                                   QStringLiteral("a script runs only with shell: true; give argv "
                                                  "to run a program without a shell"));
        if (!argv.isArray() || argv.toArray().isEmpty())
            return taskConfigError(QStringLiteral("argv"),
                                   QStringLiteral("argv must be a non-empty list of strings "
                                                  "(the program, then its arguments)"));
        if (argv.toArray().size() > kTaskMaxArguments)
            return taskConfigError(
                QStringLiteral("argv"),
                QStringLiteral("argv has more than %1 items").arg(kTaskMaxArguments));
        for (const QJsonValue &item : argv.toArray()) {
            if (!item.isString() || item.toString().contains(QChar(0)))
                return taskConfigError(QStringLiteral("argv"),
                                       QStringLiteral("every argv item must be a string without "
                                                      "NUL characters"));
            command.argv << item.toString();
        }
        if (command.argv.first().trimmed().isEmpty())
            return taskConfigError(QStringLiteral("argv"),
                                   QStringLiteral("argv[0] (the program) is empty"));
    }
    const QJsonValue env = config.value(QStringLiteral("env"));
    if (!env.isUndefined() && !env.isNull()) {
        if (!env.isObject())
            return taskConfigError(QStringLiteral("env"),
                                   QStringLiteral("env must be an object of strings"));
        const QJsonObject variables = env.toObject();
        if (variables.size() > kTaskMaxEnvironment)
            return taskConfigError(
                QStringLiteral("env"),
                QStringLiteral("env has more than %1 names").arg(kTaskMaxEnvironment));
        for (auto it = variables.constBegin(); it != variables.constEnd(); ++it) {
            if (!isValidEnvironmentName(it.key()))
                return taskConfigError(QStringLiteral("env"),
                                       QStringLiteral("\"%1\" is not an environment variable "
                                                      "name (letters, digits and _, not first a "
                                                      "digit)")
                                           .arg(it.key().left(64)));
            if (!it.value().isString() || it.value().toString().contains(QChar(0)) ||
                it.value().toString().size() > kTaskMaxEnvironmentValue)
                return taskConfigError(QStringLiteral("env"),
                                       QStringLiteral("the value of %1 must be a string of at most "
                                                      "32 KiB without NUL characters")
                                           .arg(it.key()));
        }
        command.env = env.toObject();
    }
    const QJsonValue dir = config.value(QStringLiteral("working_dir"));
    if (!dir.isUndefined() && !dir.isNull() && !dir.toString().isEmpty()) {
        if (!dir.isString() || !dir.toString().startsWith(QLatin1Char('/')) ||
            dir.toString().contains(QChar(0)))
            return taskConfigError(QStringLiteral("working_dir"),
                                   QStringLiteral("working_dir must be an absolute path"));
        command.workingDir = dir.toString();
    }
    const QJsonValue timeout = config.value(QStringLiteral("timeout_s"));
    int seconds = kTaskDefaultTimeoutSeconds;
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const double s = timeout.toDouble(-1);
        if (!timeout.isDouble() || s < 1 || s > kTaskMaxTimeoutSeconds)
            return taskConfigError(QStringLiteral("timeout_s"),
                                   QStringLiteral("timeout_s must be between 1 and %1 seconds")
                                       .arg(kTaskMaxTimeoutSeconds));
        seconds = int(s);
    }
    command.timeoutMs = seconds * 1000;
    return request;
}

std::unique_ptr<NodeRun> TaskExecutor::start(const NodeTask &task, NodeDone done)
{
    auto parsed = parseTaskConfig(task.config);
    if (!parsed) {
        done(NodeOutcome::failed(parsed.error(), false));
        return nullptr;
    }
    if (!m_dispatcher) {
        done(NodeOutcome::failed(Error{ErrorCode::ComponentUnavailable,
                                       QStringLiteral("this server runs no tasks")},
                                 false));
        return nullptr;
    }
    TaskRequest request = std::move(parsed.value());
    request.executionId = task.executionId;
    request.flowId = task.flowId;
    request.flowNodeId = task.nodeId;
    request.triggeredBy = task.triggeredBy;

    auto state = std::make_shared<TaskRun::State>();
    state->done = std::move(done);
    state->log = task.log;
    state->fanOut = !request.target.label.isEmpty() && request.target.mode == u"all";
    auto run = std::make_unique<TaskRun>(m_dispatcher, state);
    QThread *engine = QThread::currentThread();

    TaskDispatcher::Callbacks callbacks;
    callbacks.refused = [engine, state](Error error, bool retryable) {
        postTo(engine, [state, error, retryable] {
            if (!state->alive)
                return;
            state->alive = false;
            NodeOutcome outcome = NodeOutcome::failed(error, retryable);
            outcome.logs = state->logs;
            outcome.logs << QStringLiteral("refused: %1").arg(error.message);
            state->done(std::move(outcome));
        });
    };
    callbacks.targets = [engine, state](QList<TaskTargetNode> targets) {
        postTo(engine, [state, targets] {
            if (!state->alive)
                return;
            state->targets = targets;
            state->pending = int(targets.size());
            const QString line =
                QStringLiteral("targets (%1): %2").arg(targets.size()).arg(targetsText(targets));
            if (state->log)
                state->log(line);
            else
                state->logs << line;
        });
    };
    callbacks.nodeDone = [engine, state](TaskTargetNode node, Result<QJsonObject> outcome) {
        postTo(engine, [state, node, outcome] {
            if (!state->alive)
                return;
            if (outcome)
                state->results[node.nodeId] = outcome.value();
            else
                state->errors.emplace(node.nodeId, outcome.error());
            if (--state->pending == 0)
                finishTaskRun(*state);
        });
    };
    run->setHandle(m_dispatcher->start(request, std::move(callbacks)));
    return run;
}

void registerTaskNode(ExecutorRegistry &registry, TaskDispatcher *dispatcher)
{
    registry.add(taskInterface(), std::make_shared<TaskExecutor>(dispatcher));
}

} // namespace hm::engine
