#pragma once

#include "common/Result.h"
#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowGraphTypes.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

class QMimeData;
class QUndoStack;

namespace hm::app {

class FlowGraphCommand;

// The flow editor's graph model, after QtNodes v3's AbstractGraphModel /
// DataFlowGraphModel: it owns the nodes, ports and connections of one flow
// version and validates every connection; a scene only mirrors its signals
// and a view only asks it for changes.
//
// The definition is kept as the JSON it came in: every node and edge object
// whole, unknown fields included, in definition order, plus the document's
// other members (schemaVersion and anything else). So a flow made with curl
// opens and saves unchanged, and undoing an edit gives back the exact
// document. The fields the editor works with (FlowNode, FlowEdge) are read
// from that JSON after every change.
//
// Every edit goes through the undo stack as one QUndoCommand (see
// FlowGraphCommands.h); the edit methods below refuse invalid edits before
// anything changes, with a translated message.
class FlowGraphModel : public QObject
{
    Q_OBJECT

public:
    explicit FlowGraphModel(QObject *parent = nullptr);
    ~FlowGraphModel() override;

    // --- components -------------------------------------------------------
    // Ports come from here. Changing it re-derives every node's ports
    // (nodeUpdated for each node); the definition itself is untouched.
    void setCatalogue(ComponentCatalogue catalogue);
    const ComponentCatalogue &catalogue() const { return m_catalogue; }
    // Components whose ports follow each node's config (the "service"
    // node): the configs whose interface the catalogue does not have yet,
    // one entry per distinct (component, version, config).
    struct NodeInterfaceNeed
    {
        QString component;
        QString version;
        QJsonObject config;
    };
    QList<NodeInterfaceNeed> missingNodeInterfaces() const;
    // The server's answer for one config (an interface, or the error that
    // becomes the node's problem): every node with that config re-derives
    // its ports (nodeUpdated). The definition is untouched.
    void setNodeInterface(const QString &component, const QString &version,
                          const QJsonObject &config,
                          const Result<flow::ComponentInterface> &interface);
    // Who fetches a missing per-node interface (the editor page, from the
    // server); it answers later through setNodeInterface(). The model asks
    // once per config, shortly after a node with a config whose interface
    // is missing appears or changes. Without one nothing is fetched.
    using NodeInterfaceFetcher = std::function<void(const NodeInterfaceNeed &)>;
    void setNodeInterfaceFetcher(NodeInterfaceFetcher fetcher);
    // Drops the per-node interfaces and errors fetched so far (a view of a
    // stored version asking the server again): the nodes fall back to
    // their generic ports and the fetcher is asked anew.
    void forgetNodeInterfaces();
    // Asks the fetcher for the interface of a config no node has yet (quick
    // add weighing a service endpoint); nodeInterfaceKnown() when it is in.
    // Nothing when it is known or asked already, or without a fetcher.
    void requestNodeInterface(const NodeInterfaceNeed &need);
    // setNodeConfig() once the interface of the new config is known (at
    // once when it is, or when there is no fetcher), so that edges into
    // inputs the new config no longer has go in the same undo step. The
    // inspector picks a service node's endpoint through it.
    Status setNodeConfigWhenPortsKnown(const QString &nodeId, const QJsonObject &config);
    // The external services' endpoints the palette and the inspector list.
    void setServiceEndpoints(QList<ServiceEndpointEntry> endpoints);

    // --- documents --------------------------------------------------------
    // Replaces the whole model with a stored definition and its settings
    // (empty settings: all defaults). The definition's shape is checked with
    // flow::FlowDefinition's rules and ids must be unique; components need
    // not be known, and edges to missing nodes are kept (danglingEdges()).
    // On failure nothing changes. Clears the undo stack and emits
    // modelReset.
    Status load(const QJsonObject &definition, const QJsonObject &settings = {});
    // The same from definition text (as the API returns it).
    Status load(const QByteArray &definitionText, const QJsonObject &settings = {});
    // An empty flow (a new draft).
    void clear();

    QJsonObject definition() const;
    QByteArray definitionText() const; // compact JSON of definition()
    QJsonObject settings() const { return m_settings; }

    // --- queries ----------------------------------------------------------
    QStringList nodeIds() const; // definition order
    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    bool hasNode(const QString &id) const { return m_nodeIndex.contains(id); }
    // Valid until the next change of the model.
    const FlowNode *node(const QString &id) const;

    QStringList edgeIds() const; // definition order
    int edgeCount() const { return static_cast<int>(m_edges.size()); }
    const FlowEdge *edge(const QString &id) const;
    // Edges whose source or target is not a node of the flow. Only a
    // hand-made document has them; they are kept so it saves unchanged.
    QStringList danglingEdges() const;
    // Edges leaving (Out) or entering (In) a node, in definition order.
    QStringList edgesOf(const QString &nodeId, PortDirection direction) const;
    // Edges attached to one port of a node.
    QStringList edgesAt(const QString &nodeId, PortDirection direction, const QString &port) const;

    // The node's ports, declared ones first in interface order, then the
    // derived ones in the order the definition first uses them. Inputs
    // always start with "default".
    QList<FlowPort> ports(const QString &nodeId, PortDirection direction) const;
    std::optional<FlowPort> port(const QString &nodeId, PortDirection direction,
                                 const QString &name) const;

    // Whether `edge` may be added: both nodes and ports exist, the output's
    // type feeds the input's (portTypeFeeds), a named input is not fed by an
    // edge already ("default" takes any number: fan-in), no identical edge
    // exists, no self-loop, no cycle. Never changes anything.
    ConnectionCheck connectionPossible(const EdgeSpec &edge) const;

    // --- read-only ----------------------------------------------------------
    // A read-only model (an old version shown, a diff, an execution's
    // graph) refuses every edit below with a translated Forbidden error and
    // changes nothing; load() still replaces the whole document.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // --- edits (each one undoable step) ------------------------------------
    QUndoStack *undoStack() const { return m_undoStack; }

    // A new node with a fresh id (component name + counter); its id.
    Result<QString> addNode(const QString &component, const QString &version, QPointF position,
                            const QJsonObject &config = {}, const QJsonObject &inputMappings = {});
    // Removes the nodes and every edge attached to them.
    Status removeNodes(const QStringList &ids);
    // New positions. While dragging, the view calls this on every mouse
    // move with the same `gesture` (any number other than 0, new per drag):
    // consecutive moves of the same nodes in one gesture merge into one
    // undo step. gesture 0 never merges.
    Status moveNodes(const QHash<QString, QPointF> &positions, int gesture = 0);
    // New positions for many nodes (an automatic layout) as one step.
    Status applyLayout(const QHash<QString, QPointF> &positions);
    // Adds an edge after connectionPossible() allowed it; the edge's id.
    Result<QString> addConnection(const EdgeSpec &edge);
    Status removeConnections(const QStringList &edgeIds);
    // Config, mapping and settings changes take a `gesture` like
    // moveNodes(): consecutive changes of the same member (the node's
    // config, its inputMappings, the settings) with the same non-zero
    // gesture merge into one undo step. The inspector gives each field edit
    // one gesture, so typing a word into a field is one step; see
    // newEditGesture().
    // A node whose ports follow its config (a service node given another
    // endpoint) loses, in the same undo step, its edges into inputs the new
    // config's interface does not declare, when that interface is known.
    Status setNodeConfig(const QString &nodeId, const QJsonObject &config, int gesture = 0);
    Status setInputMappings(const QString &nodeId, const QJsonObject &inputMappings,
                            int gesture = 0);
    // One input's mapping; an undefined value removes it.
    Status setInputMapping(const QString &nodeId, const QString &input, const QJsonValue &mapping,
                           int gesture = 0);
    // Checked with flow::FlowSettings' rules; invalid settings are refused.
    Status setSettings(const QJsonObject &settings, int gesture = 0);
    // A gesture number not handed out before by this model (never 0).
    int newEditGesture() { return ++m_lastEditGesture; }

    // --- clipboard ----------------------------------------------------------
    // The nodes (in definition order) and the edges among them as fragment
    // text (FlowFragment.h); unknown ids are ignored.
    QByteArray copy(const QStringList &nodeIds) const;
    // The same as clipboard data: kFragmentMimeType and text/plain.
    QMimeData *mimeData(const QStringList &nodeIds) const;
    // Inserts a fragment (or a whole definition) with fresh node and edge
    // ids, positions moved by `offset`, and mappings that referred to a
    // pasted node rewritten to its new id; one undo step. The new node ids,
    // in fragment order. Malformed text changes nothing.
    Result<QStringList> paste(const QByteArray &text, QPointF offset);
    Result<QStringList> paste(const QMimeData *mime, QPointF offset);

    // A node id not used in the flow nor in `taken`: the component name
    // (characters a mapping path cannot hold turned into '-') and a counter,
    // e.g. "http-request-2".
    QString uniqueNodeId(const QString &component, const QSet<QString> &taken = {}) const;
    // "edge-<n>", not used in the flow nor in `taken`.
    QString uniqueEdgeId(const QSet<QString> &taken = {}) const;

signals:
    void nodeCreated(const QString &nodeId);
    void nodeDeleted(const QString &nodeId);
    // Component, config, mappings or ports changed.
    void nodeUpdated(const QString &nodeId);
    void nodePositionUpdated(const QString &nodeId);
    void connectionCreated(const QString &edgeId);
    // After removal; the edge as it was, so the scene knows its ends.
    void connectionDeleted(const hm::app::FlowEdge &edge);
    void settingsChanged();
    void modelReset();
    void readOnlyChanged(bool readOnly);
    // setServiceEndpoints() changed the catalogue's list of endpoints.
    void serviceEndpointsChanged();
    // setNodeInterface() stored the server's answer for this config.
    void nodeInterfaceKnown(const QString &component, const QString &version,
                            const QJsonObject &config);

private:
    friend class FlowGraphCommand;

    // Primitive changes for the commands. Each keeps the indices and the
    // adjacency in step and emits its signal.
    void insertNode(int index, const QJsonObject &json);
    QJsonObject takeNode(const QString &id, int *index = nullptr);
    void insertEdge(int index, const QJsonObject &json);
    QJsonObject takeEdge(const QString &id, int *index = nullptr);
    // Sets (undefined value: removes) one member of a node's JSON object.
    void setNodeMember(const QString &id, const QString &key, const QJsonValue &value);
    void setSettingsJson(const QJsonObject &settings);

    FlowNode makeNode(const QJsonObject &json) const;
    static FlowEdge makeEdge(const QJsonObject &json);
    void reindexNodes(int from);
    void reindexEdges(int from);
    // Emits nodeUpdated when the node's derived ports differ from `before`.
    void notifyIfPortsChanged(const QString &nodeId, const QList<FlowPort> &inBefore,
                              const QList<FlowPort> &outBefore);
    // Edges into `nodeId`'s named inputs that `iface` does not declare.
    QStringList edgesToUndeclaredInputs(const QString &nodeId,
                                        const flow::ComponentInterface &iface) const;
    // A path target → … → source along existing edges, or empty.
    QStringList pathBetween(const QString &from, const QString &to) const;
    void push(FlowGraphCommand *command);
    // Asks the fetcher (soon, once) for every missing per-node interface.
    void scheduleNodeInterfaceFetch();
    void fetchMissingNodeInterfaces();
    Error readOnlyError() const;

    ComponentCatalogue m_catalogue;
    QJsonObject m_root;       // the definition's members other than nodes and edges
    bool m_writeEdges = true; // the document had "edges" (it may be left out)
    QList<FlowNode> m_nodes;
    QHash<QString, int> m_nodeIndex;
    QList<FlowEdge> m_edges;
    QHash<QString, int> m_edgeIndex;
    QHash<QString, QStringList> m_outEdges; // node -> edges leaving it
    QHash<QString, QStringList> m_inEdges;  // node -> edges entering it
    QJsonObject m_settings;
    QUndoStack *m_undoStack;
    int m_lastEditGesture = 0;
    NodeInterfaceFetcher m_interfaceFetcher;
    QSet<QString> m_interfacesAsked; // nodeKeys asked for, no answer yet
    bool m_interfaceFetchScheduled = false;
    QHash<QString, QPair<QString, QJsonObject>> m_configsWaiting; // nodeKey -> node, config
    bool m_readOnly = false;
};

} // namespace hm::app
