#pragma once

// executions.node_states (schema v6): the node records of an execution
// that ended within one history batch, packed into the execution's row
// instead of one node_executions row each (WriteOp::group,
// docs/engine-persistence.md). A JSON array of objects keyed like the
// columns of node_executions: JSON columns (inputs, outputs, logs) nested
// as JSON, times in milliseconds, absent values null.

#include <QJsonArray>
#include <QLatin1StringView>
#include <QString>
#include <QVariant>

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

    // A string, or null for a null or invalid value.
    void text(QLatin1StringView key, const QVariant &value);
    // An integer, or null.
    void number(QLatin1StringView key, const QVariant &value);
    // JSON text inserted as it is (it came from QJsonDocument), or null.
    void json(QLatin1StringView key, const QVariant &value);

private:
    void key(QLatin1StringView name);

    QString &m_out;
    bool m_first = true;
};

// The array stored in executions.node_states; empty when the column is
// NULL or (it never should be) not an array.
QJsonArray readPackedNodeStates(const QString &text);

} // namespace hm::engine::persistence
