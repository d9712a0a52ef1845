#pragma once

// executions.node_states (schema v6): the node records of an execution
// that ended within one history batch, packed into the execution's row
// instead of one node_executions row each (WriteOp::group,
// docs/engine-persistence.md). A JSON array of objects keyed like the
// columns of node_executions: JSON columns (inputs, outputs, logs) nested
// as JSON, times in milliseconds. NULL columns are left out (most optional
// columns are NULL, and every byte is encrypted and written twice through
// the WAL): a missing member reads as null.

#include <QJsonArray>
#include <QLatin1StringView>
#include <QString>

namespace hm::engine::persistence {

// Appends one object of the array to `out`: the braces on construction and
// destruction, a member per call. Keys are plain ASCII.
class PackedNodeWriter
{
public:
    explicit PackedNodeWriter(QString &out);
    ~PackedNodeWriter();
    PackedNodeWriter(const PackedNodeWriter &) = delete;
    PackedNodeWriter &operator=(const PackedNodeWriter &) = delete;

    void text(QLatin1StringView key, QStringView value);
    // A string, or nothing when empty (the optional TEXT columns).
    void textOrNull(QLatin1StringView key, QStringView value);
    void number(QLatin1StringView key, qint64 value);
    // A NULL column: leaves the member out.
    void null(QLatin1StringView key);
    // Starts a member whose value the caller appends to the returned text
    // as JSON.
    QString &member(QLatin1StringView key);

private:
    void key(QLatin1StringView name);

    QString &m_out;
    bool m_first = true;
};

// The array stored in executions.node_states; empty when the column is
// NULL or (it never should be) not an array.
QJsonArray readPackedNodeStates(const QString &text);

} // namespace hm::engine::persistence
