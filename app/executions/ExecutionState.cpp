#include "executions/ExecutionState.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>

namespace hm::app {

namespace {

constexpr int kFrameMs = 16;

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

qint64 isoToMs(const QJsonValue &value)
{
    if (!value.isString())
        return 0;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

ExecutionState::ExecutionState(QObject *parent) : QObject(parent)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(kFrameMs);
    connect(&m_frame, &QTimer::timeout, this, &ExecutionState::flushFrame);
}

void ExecutionState::reset(const QString &executionId)
{
    m_frame.stop();
    m_executionId = executionId;
    m_flowId.clear();
    m_flowVersion.clear();
    m_status = RunStatus::Unknown;
    m_createdMs = m_startedMs = m_endedMs = 0;
    m_clockOffsetMs = 0;
    m_errorCode.clear();
    m_errorMessage.clear();
    m_cancelReason.clear();
    m_rerunOf.clear();
    m_queuePosition = 0;
    m_canCancel = false;
    m_endAnnounced = false;
    m_graphOrder.clear();
    m_dependents.clear();
    m_order.clear();
    m_nodes.clear();
    m_log.clear();
    m_logFlushed = 0;
    m_applied.clear();
    m_covered.clear();
    m_firstSnapshotSeq = -1;
    m_lastSeq = 0;
    m_snapshots = 0;
    m_pendingCover = -1;
    m_dirtyNodes.clear();
    m_dirtyExecution = false;
}

void ExecutionState::setGraph(const QStringList &nodeIds,
                              const QList<QPair<QString, QString>> &edges)
{
    // Kahn's algorithm; among ready nodes the one first in the definition
    // goes first, so the Gantt reads like the flow.
    QHash<QString, int> index;
    for (int i = 0; i < nodeIds.size(); ++i)
        index.insert(nodeIds[i], i);
    QList<int> indegree(nodeIds.size(), 0);
    QList<QList<int>> out(nodeIds.size());
    m_dependents.clear();
    for (const auto &[source, target] : edges) {
        if (!index.contains(source) || !index.contains(target))
            continue;
        out[index[source]].append(index[target]);
        ++indegree[index[target]];
        m_dependents[source].append(target);
    }
    QList<int> ready;
    for (int i = 0; i < nodeIds.size(); ++i) {
        if (indegree[i] == 0)
            ready.append(i);
    }
    QList<bool> placed(nodeIds.size(), false);
    m_graphOrder.clear();
    while (!ready.isEmpty()) {
        const auto first = std::min_element(ready.begin(), ready.end());
        const int i = *first;
        ready.erase(first);
        placed[i] = true;
        m_graphOrder.append(nodeIds[i]);
        for (int j : std::as_const(out[i])) {
            if (--indegree[j] == 0)
                ready.append(j);
        }
    }
    // A cycle (never in a stored flow): the rest in definition order.
    for (int i = 0; i < nodeIds.size(); ++i) {
        if (!placed[i])
            m_graphOrder.append(nodeIds[i]);
    }
    for (const QString &id : std::as_const(m_graphOrder))
        ensureNode(id);
    rebuildOrder();
    markExecution();
    for (const QString &id : std::as_const(m_order))
        markNode(id);
}

void ExecutionState::rebuildOrder()
{
    QStringList order = m_graphOrder;
    const QSet<QString> inGraph(m_graphOrder.cbegin(), m_graphOrder.cend());
    for (const QString &id : std::as_const(m_order)) {
        if (!inGraph.contains(id))
            order.append(id);
    }
    m_order = order;
}

NodeRun &ExecutionState::ensureNode(const QString &id)
{
    auto found = m_nodes.find(id);
    if (found != m_nodes.end())
        return found.value();
    NodeRun run;
    run.id = id;
    if (!m_order.contains(id))
        m_order.append(id);
    return m_nodes.insert(id, run).value();
}

const NodeRun *ExecutionState::node(const QString &id) const
{
    const auto found = m_nodes.constFind(id);
    return found == m_nodes.cend() ? nullptr : &found.value();
}

int ExecutionState::countOf(RunStatus status) const
{
    int count = 0;
    for (const NodeRun &n : m_nodes)
        count += n.status == status ? 1 : 0;
    return count;
}

int ExecutionState::finishedCount() const
{
    int count = 0;
    for (const NodeRun &n : m_nodes)
        count += isFinalRunStatus(n.status) ? 1 : 0;
    return count;
}

bool ExecutionState::isFinal() const
{
    return m_status == RunStatus::Completed || m_status == RunStatus::Failed ||
           m_status == RunStatus::Cancelled;
}

bool ExecutionState::canCancel() const
{
    return m_status == RunStatus::Pending || m_status == RunStatus::Queued ||
           m_status == RunStatus::Running;
}

qint64 ExecutionState::serverNowMs() const
{
    return nowMs() - m_clockOffsetMs;
}

qint64 ExecutionState::elapsedMs() const
{
    if (m_startedMs <= 0)
        return -1;
    if (m_endedMs > 0)
        return std::max<qint64>(0, m_endedMs - m_startedMs);
    return std::max<qint64>(0, serverNowMs() - m_startedMs);
}

qint64 ExecutionState::estimatedRemainingMs() const
{
    if (isFinal())
        return 0;
    const int finished = finishedCount();
    const qint64 elapsed = elapsedMs();
    if (finished == 0 || elapsed < 0)
        return -1;
    return elapsed * (nodeCount() - finished) / finished;
}

void ExecutionState::setStatus(RunStatus status)
{
    if (status == RunStatus::Unknown || status == m_status)
        return;
    m_status = status;
    markExecution();
}

QJsonObject ExecutionState::statusAsSnapshot(const QJsonObject &status)
{
    QJsonObject execution = status;
    execution.remove(QStringLiteral("nodes"));
    execution.remove(QStringLiteral("event_sequence"));
    execution.insert(
        QStringLiteral("started_at"),
        status.value(QStringLiteral("timing")).toObject().value(QStringLiteral("started_at")));
    return {{QStringLiteral("type"), QStringLiteral("snapshot")},
            {QStringLiteral("source"), QStringLiteral("status")},
            {QStringLiteral("seq"), status.value(QStringLiteral("event_sequence")).toInteger()},
            {QStringLiteral("execution"), execution},
            {QStringLiteral("nodes"), status.value(QStringLiteral("nodes"))}};
}

void ExecutionState::applySnapshot(const QJsonObject &message)
{
    const QJsonObject exec = message.value(QStringLiteral("execution")).toObject();
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
    const bool first = m_snapshots == 0;
    if (first) {
        m_firstSnapshotSeq = seq;
    } else if (m_pendingCover >= 0) {
        if (seq > m_pendingCover)
            m_covered.append({m_pendingCover, seq});
        appendLog({serverNowMs(),
                   ExecutionLogLine::Kind::Reconnected,
                   ExecutionLogLine::Level::Info,
                   {},
                   0,
                   std::max<qint64>(0, seq - m_pendingCover),
                   {},
                   {}});
        m_pendingCover = -1;
    }
    m_lastSeq = std::max(m_lastSeq, seq);
    ++m_snapshots;

    if (!str(exec, "flow_id").isEmpty())
        m_flowId = str(exec, "flow_id");
    if (!str(exec, "flow_version").isEmpty())
        m_flowVersion = str(exec, "flow_version");
    const QJsonObject timing = exec.value(QStringLiteral("timing")).toObject();
    qint64 started = isoToMs(exec.value(QStringLiteral("started_at")));
    if (started == 0)
        started = isoToMs(timing.value(QStringLiteral("started_at")));
    qint64 ended = isoToMs(timing.value(QStringLiteral("ended_at")));
    if (ended == 0)
        ended = isoToMs(exec.value(QStringLiteral("ended_at")));
    if (started > 0)
        m_startedMs = started;
    if (ended > 0)
        m_endedMs = ended;
    const qint64 created = isoToMs(exec.value(QStringLiteral("created_at")));
    if (created > 0)
        m_createdMs = created;
    // The server's clock: started + elapsed was its "now" a moment ago.
    if (started > 0 && ended == 0 && timing.contains(QStringLiteral("elapsed_ms")))
        m_clockOffsetMs =
            nowMs() - (started + timing.value(QStringLiteral("elapsed_ms")).toInteger());
    const QJsonObject error = exec.value(QStringLiteral("error")).toObject();
    m_errorCode = str(error, "code");
    m_errorMessage = str(error, "message");
    m_cancelReason = str(exec, "cancel_reason");
    m_rerunOf = str(exec, "rerun_of");
    m_queuePosition = exec.value(QStringLiteral("queue_position")).toInt();
    setStatus(runStatusFromName(str(exec, "status")));
    markExecution();

    QList<ExecutionLogLine> history;
    for (const QJsonValue value : message.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject n = value.toObject();
        const QString id = str(n, "node_id");
        if (id.isEmpty())
            continue;
        NodeRun &r = ensureNode(id);
        const NodeRun before = r;
        const RunStatus status = runStatusFromName(str(n, "status"));
        const int attempt = n.value(QStringLiteral("attempt")).toInt();
        const qint64 nodeStart = isoToMs(n.value(QStringLiteral("started_at")));
        const qint64 nodeEnd = isoToMs(n.value(QStringLiteral("ended_at")));
        r.component = str(n, "component").isEmpty() ? r.component : str(n, "component");
        r.version = str(n, "version").isEmpty() ? r.version : str(n, "version");
        r.reused = n.value(QStringLiteral("reused")).toBool();
        r.skipReason = str(n, "skip_reason");
        const QJsonObject nodeError = n.value(QStringLiteral("error")).toObject();
        r.errorCode = str(nodeError, "code");
        r.errorMessage = str(nodeError, "message");
        if (status != RunStatus::Unknown)
            r.status = status;
        r.attempt = attempt;
        r.startedMs = nodeStart;
        r.endedMs = isFinalRunStatus(r.status) ? nodeEnd : 0;

        // Attempts: keep what events told when it agrees with the snapshot,
        // otherwise one bar for the attempts made while not watching.
        const bool ran = attempt > 0 && nodeStart > 0;
        const NodeAttempt *last = r.attempts.isEmpty() ? nullptr : &r.attempts.last();
        const bool agrees = last && (last->number == attempt ||
                                     (last->number == attempt - 1 && last->willRetry &&
                                      last->endMs > 0 && r.status == RunStatus::Running));
        if (!ran) {
            r.attempts.clear();
            r.unseenAttempts = 0;
        } else if (agrees) {
            NodeAttempt &a = r.attempts.last();
            if (a.number == attempt && isFinalRunStatus(r.status) && a.endMs == 0) {
                a.endMs = nodeEnd;
                a.outcome = r.status;
                a.errorCode = r.errorCode;
                a.errorMessage = r.errorMessage;
            }
        } else {
            NodeAttempt a;
            a.number = attempt;
            a.startMs = nodeStart;
            a.endMs = r.endedMs;
            a.outcome = isFinalRunStatus(r.status) ? r.status : RunStatus::Running;
            a.errorCode = r.errorCode;
            a.errorMessage = r.errorMessage;
            r.attempts = {a};
            r.unseenAttempts = attempt - 1;
        }

        const bool changed = before.status != r.status || before.attempt != r.attempt ||
                             before.endedMs != r.endedMs || before.startedMs != r.startedMs;
        if (changed)
            markNode(id);
        // The log: the story so far (first snapshot), or what changed while
        // not watching (later ones).
        if (!changed && !first)
            continue;
        if (nodeStart > 0 && (first || before.startedMs == 0))
            history.append({nodeStart,
                            ExecutionLogLine::Kind::NodeStarted,
                            ExecutionLogLine::Level::Info,
                            id,
                            1,
                            0,
                            {},
                            {}});
        if (isFinalRunStatus(r.status) && before.status != r.status) {
            ExecutionLogLine end{nodeEnd > 0 ? nodeEnd : serverNowMs(),
                                 ExecutionLogLine::Kind::NodeCompleted,
                                 ExecutionLogLine::Level::Info,
                                 id,
                                 attempt,
                                 nodeStart > 0 && nodeEnd > 0 ? nodeEnd - nodeStart : -1,
                                 r.errorCode,
                                 r.errorMessage};
            if (r.status == RunStatus::Failed) {
                end.kind = ExecutionLogLine::Kind::NodeFailed;
                end.level = ExecutionLogLine::Level::Error;
            } else if (r.status == RunStatus::Skipped) {
                end.kind = ExecutionLogLine::Kind::NodeSkipped;
                end.level = ExecutionLogLine::Level::Warning;
                end.code = r.skipReason;
            } else if (r.status == RunStatus::Cancelled) {
                end.kind = ExecutionLogLine::Kind::NodeCancelled;
                end.level = ExecutionLogLine::Level::Warning;
            }
            history.append(end);
        }
    }
    std::stable_sort(
        history.begin(), history.end(),
        [](const ExecutionLogLine &a, const ExecutionLogLine &b) { return a.timeMs < b.timeMs; });
    if (first && m_startedMs > 0)
        history.prepend({m_startedMs,
                         ExecutionLogLine::Kind::ExecutionStarted,
                         ExecutionLogLine::Level::Info,
                         {},
                         0,
                         0,
                         {},
                         {}});
    for (ExecutionLogLine &line : history)
        appendLog(std::move(line));
    if (first)
        appendLog({serverNowMs(),
                   ExecutionLogLine::Kind::Connected,
                   ExecutionLogLine::Level::Info,
                   {},
                   0,
                   finishedCount(),
                   runStatusName(m_status),
                   {}});
    scheduleFrame();
}

void ExecutionState::noteResumed(qint64 previousSequence, qint64 snapshotSequence)
{
    Q_UNUSED(snapshotSequence);
    m_pendingCover = previousSequence;
}

void ExecutionState::noteConnectionLost(const QString &reason)
{
    appendLog({serverNowMs(),
               ExecutionLogLine::Kind::ConnectionLost,
               ExecutionLogLine::Level::Warning,
               {},
               0,
               0,
               {},
               reason});
    scheduleFrame();
}

void ExecutionState::applyEvent(const client::ExecutionEvent &event)
{
    using Type = client::ExecutionEvent::Type;
    const qint64 seq = event.seq;
    if (seq > 0) {
        m_applied.append(seq);
        m_lastSeq = std::max(m_lastSeq, seq);
    }
    qint64 ts = event.timestampMs;
    if (ts <= 0)
        ts = serverNowMs();
    else if (ts > serverNowMs())
        m_clockOffsetMs = nowMs() - ts; // the server is ahead of our estimate
    const QString &id = event.nodeId;
    const int attempt = event.attempt;
    using Kind = ExecutionLogLine::Kind;
    using Level = ExecutionLogLine::Level;

    if (event.type == Type::ExecutionStarted) {
        if (m_startedMs == 0)
            m_startedMs = ts;
        setStatus(RunStatus::Running);
        appendLog({ts, Kind::ExecutionStarted, Level::Info, {}, 0, 0, {}, {}});
    } else if (event.type == Type::NodeStarted) {
        NodeRun &r = ensureNode(id);
        r.status = RunStatus::Running;
        r.attempt = std::max(1, attempt);
        if (r.startedMs == 0 || r.attempt == 1)
            r.startedMs = ts;
        r.endedMs = 0;
        if (!event.component.isEmpty())
            r.component = event.component;
        NodeAttempt a;
        a.number = r.attempt;
        a.startMs = ts;
        r.attempts.append(a);
        markNode(id);
        appendLog({ts, Kind::NodeStarted, Level::Info, id, r.attempt, 0, {}, {}});
    } else if (event.type == Type::NodeCompleted || event.type == Type::NodeFailed) {
        NodeRun &r = ensureNode(id);
        const bool failed = event.type == Type::NodeFailed;
        const bool retry = failed && event.willRetry;
        if (r.attempts.isEmpty() || r.attempts.last().endMs > 0) {
            NodeAttempt a; // its start came before we watched
            a.number = std::max(1, attempt);
            a.startMs = r.startedMs;
            r.attempts.append(a);
        }
        NodeAttempt &a = r.attempts.last();
        a.endMs = ts;
        a.outcome = failed ? RunStatus::Failed : RunStatus::Completed;
        a.willRetry = retry;
        a.errorCode = event.errorCode;
        a.errorMessage = event.errorMessage;
        r.attempt = std::max(r.attempt, attempt);
        if (failed) {
            r.errorCode = a.errorCode;
            r.errorMessage = a.errorMessage;
        }
        if (retry) {
            r.status = RunStatus::Running; // waits for the next attempt
            appendLog({ts, Kind::NodeRetrying, Level::Warning, id, a.number, 0, a.errorCode,
                       a.errorMessage});
        } else {
            r.status = failed ? RunStatus::Failed : RunStatus::Completed;
            r.endedMs = ts;
            if (failed)
                appendLog({ts, Kind::NodeFailed, Level::Error, id, a.number, 0, a.errorCode,
                           a.errorMessage});
            else
                appendLog(
                    {ts, Kind::NodeCompleted, Level::Info, id, a.number, event.durationMs, {}, {}});
        }
        markNode(id);
        if (failed && !retry)
            skipDescendants(id, ts);
    } else if (event.type == Type::ExecutionCompleted) {
        m_endedMs = ts;
        m_errorCode = event.errorCode;
        m_errorMessage = event.errorMessage;
        const RunStatus status = runStatusFromName(event.status);
        setStatus(status == RunStatus::Unknown ? RunStatus::Completed : status);
        if (m_status == RunStatus::Failed)
            appendLog({ts,
                       Kind::ExecutionFailed,
                       Level::Error,
                       {},
                       0,
                       event.durationMs,
                       m_errorCode,
                       m_errorMessage});
        else
            appendLog({ts, Kind::ExecutionCompleted, Level::Info, {}, 0, event.durationMs, {}, {}});
    } else if (event.type == Type::ExecutionCancelled) {
        m_endedMs = ts;
        m_cancelReason = event.reason;
        setStatus(RunStatus::Cancelled);
        appendLog({ts,
                   Kind::ExecutionCancelled,
                   Level::Warning,
                   {},
                   0,
                   event.killed ? 1 : 0,
                   m_cancelReason,
                   event.cancelledBy});
    }
    markExecution();
}

void ExecutionState::skipDescendants(const QString &failed, qint64 timeMs)
{
    // What the engine does at the same moment (Scheduler::skipDescendants):
    // every pending descendant is skipped, reason DEPENDENCY_FAILED. It
    // sends no event for them; GET …/status at the end confirms.
    QStringList work{failed};
    while (!work.isEmpty()) {
        const QString parent = work.takeLast();
        for (const QString &child : m_dependents.value(parent)) {
            NodeRun &r = ensureNode(child);
            if (r.status != RunStatus::Pending)
                continue;
            r.status = RunStatus::Skipped;
            r.skipReason = QStringLiteral("DEPENDENCY_FAILED");
            r.endedMs = timeMs;
            markNode(child);
            appendLog({timeMs,
                       ExecutionLogLine::Kind::NodeSkipped,
                       ExecutionLogLine::Level::Warning,
                       child,
                       0,
                       0,
                       r.skipReason,
                       {}});
            work.append(child);
        }
    }
}

void ExecutionState::markNode(const QString &id)
{
    m_dirtyNodes.insert(id);
    scheduleFrame();
}

void ExecutionState::markExecution()
{
    m_dirtyExecution = true;
    scheduleFrame();
}

void ExecutionState::appendLog(ExecutionLogLine line)
{
    m_log.append(std::move(line));
    scheduleFrame();
}

void ExecutionState::scheduleFrame()
{
    if (!m_frame.isActive())
        m_frame.start();
}

void ExecutionState::flushNow()
{
    m_frame.stop();
    flushFrame();
}

void ExecutionState::flushFrame()
{
    if (!m_dirtyNodes.isEmpty())
        emit nodesChanged(std::exchange(m_dirtyNodes, {}));
    if (std::exchange(m_dirtyExecution, false))
        emit executionChanged();
    if (m_log.size() > m_logFlushed) {
        const int first = m_logFlushed;
        m_logFlushed = int(m_log.size());
        emit logAppended(first);
    }
    if (isFinal() && !m_endAnnounced) {
        m_endAnnounced = true;
        emit ended();
    }
}

} // namespace hm::app
