#pragma once

#include "client/ExecutionEvent.h"
#include "widgets/RunStatus.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace hm::app {

// One attempt of a node, as far as it is known: from node_started to
// node_completed / node_failed, or (for attempts that happened while the
// viewer was not connected) only from a snapshot.
struct NodeAttempt
{
    int number = 1;
    qint64 startMs = 0; // 0: not known (the snapshot gave only the node's first start)
    qint64 endMs = 0;   // 0: still running
    RunStatus outcome = RunStatus::Running;
    QString errorCode;
    QString errorMessage;
    bool willRetry = false; // failed, and another attempt follows after a wait
};

// A node of the execution: its status and what is known of its attempts.
struct NodeRun
{
    QString id;
    QString component;
    QString version;
    RunStatus status = RunStatus::Pending;
    int attempt = 0;      // the current (or last) attempt's number; 0 = never started
    qint64 startedMs = 0; // first attempt's start
    qint64 endedMs = 0;   // end of the last attempt, once the node ended
    QList<NodeAttempt> attempts;
    QString errorCode;
    QString errorMessage;
    QString skipReason;
    bool reused = false; // a re-run from the failed node took its outputs
    // Attempts before attempts.first() happened but only their number is
    // known (the viewer was not connected).
    int unseenAttempts = 0;
};

// One line of the execution log, kept structured so that it is worded in
// the current language when shown (and again after a language change).
struct ExecutionLogLine
{
    enum class Kind
    {
        Connected,      // first snapshot: what it showed
        ConnectionLost, // detail: the reason
        Reconnected,    // count: events that happened meanwhile
        ExecutionQueued,
        ExecutionStarted,
        NodeStarted,
        NodeCompleted,
        NodeRetrying, // failed, another attempt follows
        NodeFailed,
        NodeSkipped,
        NodeCancelled,
        ExecutionCompleted,
        ExecutionFailed,
        ExecutionCancelled,
    };
    enum class Level
    {
        Info,
        Warning,
        Error,
    };
    qint64 timeMs = 0;
    Kind kind = Kind::Connected;
    Level level = Level::Info;
    QString nodeId;
    int attempt = 0;
    qint64 count = 0; // Reconnected: events; durations in ms elsewhere
    QString code;     // error code
    QString detail;   // error message, reason, status
};

// The live state of one execution as the viewer shows it: built from the
// /ws/executions/{id} snapshot and events (and from GET …/status at the
// end), with the account of every event sequence number applied.
//
// Events are applied to this model at once; what changed is announced at
// most once per frame (nodesChanged, executionChanged, logAppended), so a
// burst of thousands of events costs one repaint.
class ExecutionState : public QObject
{
    Q_OBJECT

public:
    explicit ExecutionState(QObject *parent = nullptr);

    // Forgets everything: a new execution.
    void reset(const QString &executionId);
    // The flow version's graph: node ids in definition order and edges
    // (source -> target). Sets the topological order of nodes() and
    // the dependents used to mark skipped descendants.
    void setGraph(const QStringList &nodeIds, const QList<QPair<QString, QString>> &edges);

    // A snapshot message of the WebSocket ({type: snapshot, seq, execution,
    // nodes}), or GET …/status wrapped as one (statusAsSnapshot).
    void applySnapshot(const QJsonObject &message);
    // One event of the WebSocket, as core/client reads it.
    void applyEvent(const hm::client::ExecutionEvent &event);
    // The watcher resumed: the next snapshot covers previous+1 … seq.
    void noteResumed(qint64 previousSequence, qint64 snapshotSequence);
    void noteConnectionLost(const QString &reason);
    static QJsonObject statusAsSnapshot(const QJsonObject &status);
    // Announces what changed now instead of at the end of the frame (the
    // final status: nothing follows it).
    void flushNow();

    // --- the execution -----------------------------------------------------
    QString executionId() const { return m_executionId; }
    QString flowId() const { return m_flowId; }
    QString flowVersion() const { return m_flowVersion; }
    RunStatus status() const { return m_status; }
    bool isKnown() const { return m_snapshots > 0; }
    bool isFinal() const;
    bool canCancel() const;
    qint64 createdMs() const { return m_createdMs; }
    qint64 startedMs() const { return m_startedMs; }
    qint64 endedMs() const { return m_endedMs; }
    QString errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    QString cancelReason() const { return m_cancelReason; }
    QString rerunOf() const { return m_rerunOf; }
    int queuePosition() const { return m_queuePosition; }
    // The server's clock now, estimated from the last snapshot.
    qint64 serverNowMs() const;
    // Ended - started, or up to now while running; -1 before it started.
    qint64 elapsedMs() const;
    // A linear estimate from the share of nodes done; -1 when unknown.
    qint64 estimatedRemainingMs() const;

    // --- nodes -------------------------------------------------------------
    // Topological order (definition order breaks ties), then any nodes the
    // server named that the graph lacks.
    const QStringList &nodeIds() const { return m_order; }
    const NodeRun *node(const QString &id) const;
    int nodeCount() const { return int(m_order.size()); }
    int countOf(RunStatus status) const;
    int finishedCount() const;

    // --- log ---------------------------------------------------------------
    const QList<ExecutionLogLine> &log() const { return m_log; }

    // --- the account of sequence numbers (tests, diagnostics) --------------
    // Every event applied, by number, in order.
    const QList<qint64> &appliedSequences() const { return m_applied; }
    // The first snapshot's number, and the ranges (from, to] later
    // snapshots covered.
    qint64 firstSnapshotSequence() const { return m_firstSnapshotSeq; }
    const QList<QPair<qint64, qint64>> &coveredSequences() const { return m_covered; }
    qint64 lastSequence() const { return m_lastSeq; }
    int snapshotCount() const { return m_snapshots; }

signals:
    // At most once per frame: the nodes whose status or attempts changed.
    void nodesChanged(const QSet<QString> &nodeIds);
    // At most once per frame: status, times, progress.
    void executionChanged();
    // At most once per frame: log lines [first, log().size()) are new.
    void logAppended(int first);
    // The execution reached a final status (once).
    void ended();

private:
    NodeRun &ensureNode(const QString &id);
    void markNode(const QString &id);
    void markExecution();
    void appendLog(ExecutionLogLine line);
    void scheduleFrame();
    void flushFrame();
    void skipDescendants(const QString &failed, qint64 timeMs);
    void rebuildOrder();
    void setStatus(RunStatus status);

    QString m_executionId;
    QString m_flowId;
    QString m_flowVersion;
    RunStatus m_status = RunStatus::Unknown;
    qint64 m_createdMs = 0;
    qint64 m_startedMs = 0;
    qint64 m_endedMs = 0;
    qint64 m_clockOffsetMs = 0; // local clock - server clock
    QString m_errorCode;
    QString m_errorMessage;
    QString m_cancelReason;
    QString m_rerunOf;
    int m_queuePosition = 0;
    bool m_canCancel = false;
    bool m_endAnnounced = false;

    QStringList m_graphOrder; // topological, from setGraph
    QHash<QString, QStringList> m_dependents;
    QStringList m_order;
    QHash<QString, NodeRun> m_nodes;

    QList<ExecutionLogLine> m_log;
    int m_logFlushed = 0;

    QList<qint64> m_applied;
    QList<QPair<qint64, qint64>> m_covered;
    qint64 m_firstSnapshotSeq = -1;
    qint64 m_lastSeq = 0;
    int m_snapshots = 0;
    qint64 m_pendingCover = -1; // noteResumed's previous sequence

    QSet<QString> m_dirtyNodes;
    bool m_dirtyExecution = false;
    QTimer m_frame;
};

// Milliseconds since the epoch of an ISO-8601 time; 0 for none.
qint64 isoToMs(const QJsonValue &value);

} // namespace hm::app
