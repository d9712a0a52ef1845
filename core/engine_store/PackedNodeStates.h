#pragma once

// executions.node_states (schema v6): the node records of an execution
// that ended within one history batch, packed into the execution's row
// instead of one node_executions row each (WriteOp::group,
// docs/engine-persistence.md).
//
// Every byte here is encrypted and written twice (WAL, then the database
// file), and a row that outgrows half a page costs a page of its own, so
// the text is positional rather than keyed:
//
//   {"format":2,
//    "nodes":[[node_id, component, status, attempt, started, ended,
//              inputs, outputs, skip_reason, error_code, error_message,
//              logs], ...],
//    "components":[[component, version], ...]}
//
// - `component` is an index into "components" (a flow uses few).
// - Times are milliseconds, each given as the difference from the time
//   before it in the document (the started then ended time of each node in
//   turn; the first from 0); null when the node has none. Durations are
//   not stored: ended - started, as the journal computes them for rows.
// - inputs and outputs are masked, capped JSON objects (JsonColumn.h), logs
//   a JSON array of strings; null when empty. Trailing nulls are left out.
//
// Format 1, written by the first schema v6 builds and still read: a JSON
// array of objects keyed like the columns of node_executions, NULL columns
// left out.

#include "common/JsonText.h"
#include "engine/ExecutionJournal.h"
#include "engine_store/StoredNodes.h"

#include <QList>
#include <QString>
#include <utility>

namespace hm::engine::persistence {

// Builds the text of one execution's node_states, a record at a time.
class PackedNodeStatesWriter
{
public:
    PackedNodeStatesWriter();

    void append(const NodeRecord &record);
    // The finished text; the writer is spent.
    QString take();

private:
    qsizetype componentIndex(const QString &component, const QString &version);
    void appendTime(qint64 ms);

    json::TextBuffer m_text;
    QList<std::pair<QString, QString>> m_components;
    qint64 m_previousMs = 0;
    bool m_empty = true;
};

// The nodes of a node_states text of either format, in stored order.
// Empty for an empty (NULL) column and for a text that is neither format.
QList<StoredNode> readPackedNodeStates(const QString &text);

} // namespace hm::engine::persistence
