#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::flow {

// Version of the definition JSON this build writes. A document without
// `schemaVersion` is version 1; a newer one is refused rather than
// half-understood.
inline constexpr int kCurrentSchemaVersion = 1;

// Handle name an edge uses when the definition does not give one.
inline const QString kDefaultHandle = QStringLiteral("default");

struct Position
{
    double x = 0;
    double y = 0;
    bool operator==(const Position &) const = default;
};

// A node of seed 003 §4.3 flow_versions.definition. `config` and
// `inputMappings` are kept as the JSON they came in; compile() checks the
// config against the component's schema and parses the mappings.
struct NodeDef
{
    QString id;
    QString component;
    QString version;
    Position position;
    QJsonObject config;
    QJsonObject inputMappings; // input name -> mapping (expression or literal)
    bool operator==(const NodeDef &) const = default;
};

// An edge says "target runs after source". The handles pick which output
// branch of the source it leaves from (a condition's "true"/"false") and
// which input port it is drawn to. Empty handles mean "default" and are
// written back as absent, so documents without handles round-trip.
struct EdgeDef
{
    QString id;
    QString source;
    QString target;
    QString sourceHandle;
    QString targetHandle;

    QString effectiveSourceHandle() const
    {
        return sourceHandle.isEmpty() ? kDefaultHandle : sourceHandle;
    }
    QString effectiveTargetHandle() const
    {
        return targetHandle.isEmpty() ? kDefaultHandle : targetHandle;
    }
    bool operator==(const EdgeDef &) const = default;
};

struct FlowDefinition
{
    int schemaVersion = kCurrentSchemaVersion;
    QList<NodeDef> nodes;
    QList<EdgeDef> edges;

    // Checks the shape only (types of fields, required ids); whether the
    // graph makes sense is compile()'s job. Fails with INVALID_FLOW_DEFINITION
    // listing every shape problem (code INVALID_SHAPE with a `path` such as
    // "nodes[2].id", or UNSUPPORTED_SCHEMA_VERSION). Unknown fields are
    // ignored and not written back.
    static Result<FlowDefinition> fromJson(const QJsonObject &json);
    // The same from JSON text; a syntax error is reported with its offset.
    static Result<FlowDefinition> fromJson(const QByteArray &text);

    QJsonObject toJson() const;

    bool operator==(const FlowDefinition &) const = default;
};

} // namespace hm::flow

// Every member is relocatable, so a growing QList of them moves its buffer
// with realloc() instead of moving each element: a definition read from text
// appends nodes and edges without knowing their count.
Q_DECLARE_TYPEINFO(hm::flow::NodeDef, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(hm::flow::EdgeDef, Q_RELOCATABLE_TYPE);
