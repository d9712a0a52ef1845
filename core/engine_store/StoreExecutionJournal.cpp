#include "engine_store/StoreExecutionJournal.h"

#include "common/JsonText.h"
#include "common/Logging.h"
#include "engine_store/JsonColumn.h"
#include "engine_store/PackedNodeStates.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::engine::persistence {

using namespace Qt::StringLiterals;

namespace {

QVariant durationOrNull(qint64 startedAtMs, qint64 endedAtMs)
{
    const qint64 ms = durationMs(startedAtMs, endedAtMs);
    return ms < 0 ? QVariant() : QVariant(ms);
}

QString renderMasked(const QJsonObject &object)
{
    return maskedJson(object);
}

QString renderCapped(const QJsonObject &object)
{
    return cappedJson(object);
}

// Masking and serialising happen on the writer thread, and not at all for
// a record that a later one replaces in the queue.
QVariant deferredJson(const QJsonObject &object, QString (*render)(const QJsonObject &))
{
    return QVariant::fromValue(store::DeferredJson{object, render});
}

QVariant maskedOrNull(const QJsonObject &object)
{
    return object.isEmpty() ? QVariant() : deferredJson(object, renderMasked);
}

bool isFinal(const QString &status)
{
    return status == u"completed" || status == u"failed" || status == u"cancelled";
}

} // namespace

StoreExecutionJournal::StoreExecutionJournal(store::WriteBehindQueue &queue) : m_queue(queue) {}

StoreExecutionJournal::~StoreExecutionJournal()
{
    releaseHeld();
}

QString StoreExecutionJournal::nodeRowId(const QString &executionId, const QString &nodeId)
{
    // Prefixed by the (time-ordered) execution id, so new rows land at the
    // end of the primary-key index. Rows of older versions keep their
    // UUIDv5 ids; nothing looks a row up by id except the journal's own
    // upserts, which only ever concern executions of this process.
    return executionId + u'/' + nodeId;
}

namespace {

QVariant logsOrNull(const QStringList &logs)
{
    if (logs.isEmpty())
        return QVariant();
    json::TextBuffer text;
    appendJsonStrings(text, logs);
    return text.toString();
}

// The row of a node record: runs on the writer thread, for records that
// do not travel in their execution's row.
void nodeParams(const void *record, QVariantList &params)
{
    const NodeRecord &r = *static_cast<const NodeRecord *>(record);
    params = {StoreExecutionJournal::nodeRowId(r.executionId, r.nodeId),
              r.executionId,
              r.nodeId,
              r.component,
              r.version,
              r.status,
              r.attempt,
              textOrNull(r.skipReason),
              r.inputs.isEmpty() ? QVariant() : QVariant(maskedJson(r.inputs)),
              r.outputs.isEmpty() ? QVariant() : QVariant(maskedJson(r.outputs)),
              textOrNull(r.errorCode),
              textOrNull(r.errorMessage),
              msOrNull(r.startedAtMs),
              msOrNull(r.endedAtMs),
              durationOrNull(r.startedAtMs, r.endedAtMs),
              logsOrNull(r.logs)};
}

// The node records that travel in their execution's row, as the text of
// executions.node_states: the ones the final record brought (held back
// within the engine turn), then queued ones that met it in the batch.
QVariant packNodeStates(const store::WriteOp &host,
                        const std::vector<const store::WriteOp *> &members)
{
    PackedNodeStatesWriter states;
    if (host.ownMembers > 0 && host.record) {
        for (const NodeRecord &r : *static_cast<const std::vector<NodeRecord> *>(host.record.get()))
            states.append(r);
    }
    for (const store::WriteOp *op : members)
        states.append(*static_cast<const NodeRecord *>(op->record.get()));
    return states.take();
}

// Held records beyond this are released: the search for a node's earlier
// record in the held ones stays short, and a very wide turn writes rows as
// before.
constexpr size_t kMaxHeldNodes = 64;

} // namespace

void StoreExecutionJournal::enqueue(store::WriteOp op)
{
    // Blocks only while the queue is full. Failing means the queue was
    // stopped (shutdown): the row is lost, which recovery copes with.
    const Status status = m_queue.enqueue(std::move(op));
    if (!status.ok())
        qCWarning(lcEngine) << "execution journal write dropped:" << status.error().toString();
}

void StoreExecutionJournal::recordExecution(const ExecutionRecord &r)
{
    const bool final = isFinal(r.status);
    // Held records of another execution, or of this one when this record
    // cannot carry them, go first, in the order they were made.
    if (!m_held.empty() && (!final || m_heldId != r.id))
        releaseHeld();
    const QVariant triggerInput = deferredJson(r.triggerInput, renderCapped);
    const QVariant outputs = maskedOrNull(r.outputs);
    const QString historyLevel = r.historyLevel.isEmpty() ? QStringLiteral("all") : r.historyLevel;
    const QVariant duration = durationOrNull(r.startedAtMs, r.endedAtMs);

    // Each record carries the row's whole state, so an upsert keyed by the
    // execution: records that meet in the queue collapse into the last one.
    // INSERT first: under load most records reach the disk as a new row. A
    // row already there (an earlier batch, or a queued request restored
    // from an earlier run) is ignored by the INSERT and takes the UPDATE.
    store::WriteOp op{
        QStringLiteral(
            "INSERT OR IGNORE INTO executions (id, flow_id, flow_version, status,"
            " trigger_key, trigger_input, triggered_by, cancel_reason, error_code,"
            " error_message, outputs, rerun_of, history_level, created_at, started_at,"
            " ended_at, duration_ms, node_states)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
            " ?17, ?18)"),
        {r.id, r.flowId, r.flowVersion, r.status, textOrNull(r.triggerKey), triggerInput,
         textOrNull(r.triggeredBy), textOrNull(r.cancelReason), textOrNull(r.errorCode),
         textOrNull(r.errorMessage), outputs, textOrNull(r.rerunOf), historyLevel, r.createdAtMs,
         msOrNull(r.startedAtMs), msOrNull(r.endedAtMs), duration, QVariant()},
        QStringLiteral("UPDATE executions SET flow_id = ?2, flow_version = ?3, status = ?4,"
                       " trigger_key = ?5, trigger_input = ?6, triggered_by = ?7,"
                       " cancel_reason = ?8, error_code = ?9, error_message = ?10,"
                       " outputs = ?11, rerun_of = ?12, history_level = ?13,"
                       " created_at = ?14, started_at = ?15, ended_at = ?16,"
                       " duration_ms = ?17, node_states = COALESCE(?18, node_states)"
                       " WHERE id = ?1"),
        u"execution/" + r.id};
    // The final record carries the node records that reach the writer in
    // its batch, as long as nothing of the execution is on disk yet: the
    // first record of an execution in this process, or one that replaced it
    // in the queue.
    op.group = r.id;
    if (final) {
        op.packInto = kPackedNodesParam;
        op.pack = packNodeStates;
        const auto started = m_started.constFind(r.id);
        op.groupFirst = started == m_started.cend();
        // The held records ride along only when the journal saw the
        // execution's first record and no node record of it went to the
        // queue as an op of its own: then every node record of it is here,
        // and none can be (or become) a row as well.
        const bool carryHeld = !op.groupFirst && !started.value();
        if (!op.groupFirst)
            m_started.erase(started);
        if (!m_held.empty()) {
            if (carryHeld) {
                op.ownMembers = qsizetype(m_held.size());
                op.record = std::make_shared<const std::vector<NodeRecord>>(std::move(m_held));
                m_held.clear();
                m_held.reserve(16); // one allocation for the next flow's nodes
                m_heldId.clear();
            } else {
                releaseHeld();
            }
        }
    } else if (!m_started.contains(r.id)) {
        m_started.insert(r.id, false);
        op.groupFirst = true;
    }
    enqueue(std::move(op));
}

void StoreExecutionJournal::recordNode(const NodeRecord &r)
{
    takeNode(NodeRecord(r));
}

void StoreExecutionJournal::takeNode(NodeRecord &&r)
{
    if (!m_held.empty() && m_heldId != r.executionId)
        releaseHeld();
    if (m_held.empty())
        m_heldId = r.executionId;
    // A newer record of a node replaces its older one, as the queue's keys
    // would.
    for (NodeRecord &held : m_held) {
        if (held.nodeId == r.nodeId) {
            held = std::move(r);
            return;
        }
    }
    m_held.push_back(std::move(r));
    if (m_held.size() >= kMaxHeldNodes)
        releaseHeld();
}

void StoreExecutionJournal::releaseHeld()
{
    if (m_held.empty())
        return;
    // From now on the execution has node rows queued of its own: its final
    // record carries none (a node must not be both a row and packed). An
    // execution without an entry (records after its final one) carries
    // none either.
    const auto started = m_started.find(m_heldId);
    if (started != m_started.end())
        started.value() = true;
    std::vector<NodeRecord> held = std::exchange(m_held, {});
    m_heldId.clear();
    for (NodeRecord &r : held)
        enqueueNode(std::move(r));
    // The next turn's nodes reuse the allocation.
    held.clear();
    m_held = std::move(held);
}

void StoreExecutionJournal::endTurn()
{
    releaseHeld();
}

void StoreExecutionJournal::enqueueNode(NodeRecord &&r)
{
    // An upsert keyed by the row, like executions: a node that starts and
    // ends within one batch is written once, by the INSERT, or not at all
    // when it travels in its execution's row (packNodeStates). The writer
    // thread builds the row or the packed object from a copy of the record
    // (its strings and objects are shared, not copied).
    static const QString insert = QStringLiteral(
        "INSERT OR IGNORE INTO node_executions (id, execution_id, node_id, component,"
        " version, status, attempt, skip_reason, inputs, outputs, error_code,"
        " error_message, started_at, ended_at, duration_ms, logs)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    static const QString update = QStringLiteral(
        "UPDATE node_executions SET component = ?4, version = ?5, status = ?6,"
        " attempt = ?7, skip_reason = ?8, inputs = ?9, outputs = ?10, error_code = ?11,"
        " error_message = ?12, started_at = ?13, ended_at = ?14, duration_ms = ?15,"
        " logs = ?16 WHERE execution_id = ?2 AND node_id = ?3");
    store::WriteOp op{insert, {}, update, u"node/" + r.executionId + u'/' + r.nodeId};
    op.group = r.executionId;
    op.record = std::make_shared<const NodeRecord>(std::move(r));
    op.makeParams = nodeParams;
    op.packable = true;
    enqueue(std::move(op));
}

void StoreExecutionJournal::recordQueued(const QueuedRequest &q)
{
    releaseHeld();
    // Not masked and not capped: these inputs start the execution later.
    const QString inputs =
        QString::fromUtf8(QJsonDocument(q.inputs).toJson(QJsonDocument::Compact));
    // Keyed like removeQueued: a request that starts (or is cancelled)
    // within one batch is never written at all.
    enqueue({QStringLiteral("INSERT INTO execution_queue (execution_id, flow_id,"
                            " flow_version, scope_key, inputs, triggered_by, queued_at, sequence,"
                            " priority, timeout_ms)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
             {q.executionId, q.flowId, q.flowVersion, q.scopeKey, inputs, textOrNull(q.triggeredBy),
              q.queuedAtMs, q.sequence, q.priority, q.timeoutMs},
             {},
             u"queue/" + q.executionId});
}

void StoreExecutionJournal::removeQueued(const QString &executionId)
{
    releaseHeld();
    enqueue({QStringLiteral("DELETE FROM execution_queue WHERE execution_id = ?"),
             {executionId},
             {},
             u"queue/" + executionId});
}

qint64 StoreExecutionJournal::durabilityTicket()
{
    // A ticket covers every record made before it.
    releaseHeld();
    return m_queue.ticket();
}

ExecutionJournal::Durability StoreExecutionJournal::durability(qint64 from, qint64 ticket) const
{
    switch (m_queue.state(from, ticket)) {
    case store::CommitState::Pending:
        return Durability::Pending;
    case store::CommitState::Committed:
        return Durability::Durable;
    case store::CommitState::Failed:
        break;
    }
    return Durability::Lost;
}

void StoreExecutionJournal::requestDurable(qint64 ticket)
{
    qint64 seen = m_awaited.load(std::memory_order_relaxed);
    while (seen < ticket &&
           !m_awaited.compare_exchange_weak(seen, ticket, std::memory_order_acq_rel)) {
    }
    m_queue.requestCommit(ticket);
}

} // namespace hm::engine::persistence
