#pragma once

#include "flow/PortType.h"

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace hm::app {

// Handle name of the plain "runs after" ports every node has, and the one a
// definition means when an edge gives no handle.
inline const QString kDefaultPort = QStringLiteral("default");

enum class PortDirection
{
    In,  // an edge's targetHandle: "default" or an input name
    Out, // an edge's sourceHandle: one of the component's outputHandles
};

// One port of a node as the canvas draws it. Ports are the definition's
// handles, so that every connection the model makes is an edge the server
// accepts.
struct FlowPort
{
    QString name;
    PortDirection direction = PortDirection::In;
    flow::PortType type = flow::PortType::Any;
    // From the component's interface. False: derived from the definition
    // (edges, mappings) because the component is unknown or the stored flow
    // uses a handle the interface does not have.
    bool declared = true;
    bool required = false; // inputs only
    QString description;
    bool operator==(const FlowPort &) const = default;
};

// What the catalogue knows of a node's component.
enum class ComponentState
{
    Known,
    UnknownVersion,   // the component exists, this version does not
    UnknownComponent, // no such component (yet): ports are derived
};

// A node as the model holds it: the stored JSON object (every field,
// unknown ones too) and the fields the editor reads, taken from it.
struct FlowNode
{
    QString id;
    QString component;
    QString version;
    QPointF position;
    QJsonObject config;
    QJsonObject inputMappings;
    ComponentState state = ComponentState::UnknownComponent;
    QJsonObject json;

    bool isKnown() const { return state == ComponentState::Known; }
};

// An edge: "target runs after source", leaving from an output handle and
// entering an input handle. Handles are the effective ones ("default" when
// the JSON leaves them out); `json` is the edge as stored.
struct FlowEdge
{
    QString id;
    QString source;
    QString sourceHandle = kDefaultPort;
    QString target;
    QString targetHandle = kDefaultPort;
    QJsonObject json;
};

// A connection asked for (dragged on the canvas, or made in code).
struct EdgeSpec
{
    QString source;
    QString sourceHandle = kDefaultPort;
    QString target;
    QString targetHandle = kDefaultPort;
};

// The answer of FlowGraphModel::connectionPossible: a code the canvas can
// act on (highlight, dim) and a translated message for the tooltip.
struct ConnectionCheck
{
    enum class Code
    {
        Ok,
        UnknownNode,   // source or target does not exist
        UnknownPort,   // the handle is not a port of that node
        SelfLoop,      // source == target
        TypeMismatch,  // the output's type cannot feed the input's type
        AlreadyFed,    // a named input takes one edge, and it has one
        DuplicateEdge, // exactly this edge exists already
        Cycle,         // the edge would close a loop (see `path`)
    };
    Code code = Code::Ok;
    QString message;
    // Code::Cycle: the loop as node ids, first == last, starting at the
    // edge's source: source → target → … → source.
    QStringList path;
    // Code::AlreadyFed: the edge that feeds the input already.
    QString conflictingEdge;

    bool ok() const { return code == Code::Ok; }
};

// Whether a value of type `from` may flow into an input of type `to` (see
// FlowGraphTypes.cpp for the table and its reasons).
bool portTypeFeeds(flow::PortType from, flow::PortType to);

} // namespace hm::app
