#include "flowgraph/FlowGraphModel.h"

#include "common/Check.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"
#include "flowgraph/FlowFragment.h"
#include "flowgraph/FlowGraphCommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>
#include <QUndoStack>
#include <algorithm>

namespace hm::app {

namespace {

Error modelError(const QString &message, ErrorCode code = ErrorCode::ValidationError)
{
    return Error{code, message};
}

QJsonValue movedBy(const QJsonValue &position, QPointF offset)
{
    QJsonObject moved = position.toObject();
    moved.insert(QStringLiteral("x"), moved.value(QStringLiteral("x")).toDouble() + offset.x());
    moved.insert(QStringLiteral("y"), moved.value(QStringLiteral("y")).toDouble() + offset.y());
    return moved;
}

// Characters a plain `$.nodes.<id>` path segment holds, so that generated
// ids never need the ["…"] form in mappings.
QString idBase(const QString &component)
{
    QString base;
    for (const QChar c : component) {
        const bool plain = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('_') ||
                           c == QLatin1Char('-');
        base += plain ? c : QLatin1Char('-');
    }
    return base.isEmpty() ? QStringLiteral("node") : base;
}

} // namespace

FlowGraphModel::FlowGraphModel(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    m_root.insert(QStringLiteral("schemaVersion"), flow::kCurrentSchemaVersion);
    // A node whose ports follow its config may need its interface fetched.
    connect(this, &FlowGraphModel::nodeCreated, this, &FlowGraphModel::scheduleNodeInterfaceFetch);
    connect(this, &FlowGraphModel::nodeUpdated, this, &FlowGraphModel::scheduleNodeInterfaceFetch);
    connect(this, &FlowGraphModel::modelReset, this, [this] {
        // A config change waiting for its ports was about the old document.
        m_configsWaiting.clear();
        scheduleNodeInterfaceFetch();
    });
}

FlowGraphModel::~FlowGraphModel()
{
    // The stack's commands point at this model; drop them while it is whole.
    m_undoStack->clear();
}

// --- components ---------------------------------------------------------------

void FlowGraphModel::setCatalogue(ComponentCatalogue catalogue)
{
    // The per-node interfaces fetched so far stay (the server's catalogue
    // does not carry them).
    catalogue.keepNodeInterfacesOf(m_catalogue);
    m_catalogue = std::move(catalogue);
    for (FlowNode &node : m_nodes)
        node = makeNode(node.json);
    for (const FlowNode &node : std::as_const(m_nodes))
        emit nodeUpdated(node.id);
}

QList<FlowGraphModel::NodeInterfaceNeed> FlowGraphModel::missingNodeInterfaces() const
{
    QList<NodeInterfaceNeed> needs;
    QSet<QString> seen;
    for (const FlowNode &n : m_nodes) {
        if (!m_catalogue.find(n.component, n.version) ||
            !m_catalogue.portsFollowConfig(n.component, n.version) ||
            m_catalogue.hasNodeInterface(n.component, n.version, n.config))
            continue;
        const QString key = ComponentCatalogue::nodeKey(n.component, n.version, n.config);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        needs.append({n.component, n.version, n.config});
    }
    return needs;
}

void FlowGraphModel::setNodeInterface(const QString &component, const QString &version,
                                      const QJsonObject &config,
                                      const Result<flow::ComponentInterface> &interface)
{
    if (interface.ok())
        m_catalogue.setNodeInterface(component, version, config, interface.value());
    else
        m_catalogue.setNodeInterfaceError(component, version, config, interface.error());
    const QString key = ComponentCatalogue::nodeKey(component, version, config);
    m_interfacesAsked.remove(key);
    for (const FlowNode &n : std::as_const(m_nodes)) {
        if (n.component == component && n.version == version && n.config == config)
            emit nodeUpdated(n.id);
    }
    if (const auto waiting = m_configsWaiting.take(key); !waiting.first.isEmpty()) {
        // Only an unknown node is refused, and that was checked.
        if (hasNode(waiting.first) && !m_readOnly)
            static_cast<void>(setNodeConfig(waiting.first, waiting.second));
    }
    emit nodeInterfaceKnown(component, version, config);
}

void FlowGraphModel::forgetNodeInterfaces()
{
    m_catalogue.clearNodeInterfaces();
    m_interfacesAsked.clear();
    for (FlowNode &node : m_nodes)
        node = makeNode(node.json);
    for (const FlowNode &node : std::as_const(m_nodes))
        emit nodeUpdated(node.id);
    scheduleNodeInterfaceFetch();
}

void FlowGraphModel::requestNodeInterface(const NodeInterfaceNeed &need)
{
    if (!m_interfaceFetcher || !m_catalogue.portsFollowConfig(need.component, need.version) ||
        m_catalogue.hasNodeInterface(need.component, need.version, need.config))
        return;
    const QString key = ComponentCatalogue::nodeKey(need.component, need.version, need.config);
    if (m_interfacesAsked.contains(key))
        return;
    m_interfacesAsked.insert(key);
    m_interfaceFetcher(need);
}

void FlowGraphModel::setNodeInterfaceFetcher(NodeInterfaceFetcher fetcher)
{
    m_interfaceFetcher = std::move(fetcher);
    m_interfacesAsked.clear();
    scheduleNodeInterfaceFetch();
}

void FlowGraphModel::scheduleNodeInterfaceFetch()
{
    if (!m_interfaceFetcher || m_interfaceFetchScheduled)
        return;
    m_interfaceFetchScheduled = true;
    QMetaObject::invokeMethod(this, &FlowGraphModel::fetchMissingNodeInterfaces,
                              Qt::QueuedConnection);
}

void FlowGraphModel::fetchMissingNodeInterfaces()
{
    m_interfaceFetchScheduled = false;
    if (!m_interfaceFetcher)
        return;
    for (const NodeInterfaceNeed &need : missingNodeInterfaces()) {
        const QString key = ComponentCatalogue::nodeKey(need.component, need.version, need.config);
        if (m_interfacesAsked.contains(key))
            continue;
        m_interfacesAsked.insert(key);
        m_interfaceFetcher(need);
    }
}

Status FlowGraphModel::setNodeConfigWhenPortsKnown(const QString &nodeId, const QJsonObject &config)
{
    if (m_readOnly)
        return readOnlyError();
    const FlowNode *n = node(nodeId);
    if (!n)
        return modelError(tr("There is no node \"%1\".").arg(nodeId), ErrorCode::ResourceNotFound);
    if (!m_interfaceFetcher || !m_catalogue.portsFollowConfig(n->component, n->version) ||
        m_catalogue.hasNodeInterface(n->component, n->version, config))
        return setNodeConfig(nodeId, config);
    const QString key = ComponentCatalogue::nodeKey(n->component, n->version, config);
    m_configsWaiting.insert(key, {nodeId, config});
    if (!m_interfacesAsked.contains(key)) {
        m_interfacesAsked.insert(key);
        m_interfaceFetcher({n->component, n->version, config});
    }
    return {};
}

void FlowGraphModel::setServiceEndpoints(QList<ServiceEndpointEntry> endpoints)
{
    if (endpoints == m_catalogue.serviceEndpoints())
        return;
    m_catalogue.setServiceEndpoints(std::move(endpoints));
    emit serviceEndpointsChanged();
}

QStringList FlowGraphModel::edgesToUndeclaredInputs(const QString &nodeId,
                                                    const flow::ComponentInterface &iface) const
{
    QStringList ids;
    for (const QString &id : edgesOf(nodeId, PortDirection::In)) {
        const FlowEdge *e = edge(id);
        if (e->targetHandle != kDefaultPort && !iface.input(e->targetHandle))
            ids.append(id);
    }
    return ids;
}

// --- documents ----------------------------------------------------------------

Status FlowGraphModel::load(const QJsonObject &definition, const QJsonObject &settings)
{
    if (auto shape = flow::FlowDefinition::fromJson(definition); !shape)
        return modelError(tr("The flow definition cannot be opened: %1").arg(shape.error().message),
                          ErrorCode::InvalidFlowDefinition);
    if (!settings.isEmpty()) {
        if (auto checked = flow::FlowSettings::fromJson(settings); !checked)
            return modelError(
                tr("The flow settings are not valid: %1").arg(checked.error().message),
                ErrorCode::InvalidFlowDefinition);
    }

    // Ids must be unique and edges must join nodes: the model addresses
    // everything by id. The server never stores a flow that breaks this.
    const QJsonArray nodes = definition.value(QStringLiteral("nodes")).toArray();
    const QJsonArray edges = definition.value(QStringLiteral("edges")).toArray();
    QSet<QString> nodeIds;
    for (const QJsonValue value : nodes) {
        const QString id = value.toObject().value(QStringLiteral("id")).toString();
        if (nodeIds.contains(id))
            return modelError(tr("The flow definition uses the node id \"%1\" twice.").arg(id),
                              ErrorCode::InvalidFlowDefinition);
        nodeIds.insert(id);
    }
    // An edge to a missing node is kept as it is (the seed's own example
    // has one): it stays in the document and is listed by danglingEdges(),
    // but the canvas has nothing to draw it to.
    QSet<QString> edgeIds;
    for (const QJsonValue value : edges) {
        const QString id = value.toObject().value(QStringLiteral("id")).toString();
        if (edgeIds.contains(id))
            return modelError(tr("The flow definition uses the edge id \"%1\" twice.").arg(id),
                              ErrorCode::InvalidFlowDefinition);
        edgeIds.insert(id);
    }

    m_undoStack->clear();
    // A freshly loaded flow is unmodified, also after resetClean() on an
    // empty stack (clear() then changes nothing: "restore as draft" refused
    // with a conflict and answered "reload" left the editor modified).
    m_undoStack->setClean();
    m_root = definition;
    m_root.remove(QStringLiteral("nodes"));
    m_root.remove(QStringLiteral("edges"));
    m_writeEdges = definition.contains(QStringLiteral("edges"));
    m_settings = settings;
    m_nodes.clear();
    m_edges.clear();
    m_outEdges.clear();
    m_inEdges.clear();
    m_nodes.reserve(nodes.size());
    for (const QJsonValue value : nodes)
        m_nodes.append(makeNode(value.toObject()));
    m_edges.reserve(edges.size());
    for (const QJsonValue value : edges) {
        FlowEdge edge = makeEdge(value.toObject());
        m_outEdges[edge.source].append(edge.id);
        m_inEdges[edge.target].append(edge.id);
        m_edges.append(std::move(edge));
    }
    m_nodeIndex.clear();
    m_edgeIndex.clear();
    reindexNodes(0);
    reindexEdges(0);
    emit modelReset();
    return {};
}

Status FlowGraphModel::load(const QByteArray &definitionText, const QJsonObject &settings)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(definitionText, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return modelError(
            tr("The flow definition cannot be opened: %1").arg(parseError.errorString()),
            ErrorCode::InvalidFlowDefinition);
    if (!doc.isObject())
        return modelError(tr("The flow definition cannot be opened: the text is not an object."),
                          ErrorCode::InvalidFlowDefinition);
    return load(doc.object(), settings);
}

void FlowGraphModel::clear()
{
    m_undoStack->clear();
    m_root = QJsonObject{{QStringLiteral("schemaVersion"), flow::kCurrentSchemaVersion}};
    m_writeEdges = true;
    m_settings = {};
    m_nodes.clear();
    m_edges.clear();
    m_nodeIndex.clear();
    m_edgeIndex.clear();
    m_outEdges.clear();
    m_inEdges.clear();
    emit modelReset();
}

QJsonObject FlowGraphModel::definition() const
{
    QJsonObject root = m_root;
    QJsonArray nodes;
    for (const FlowNode &node : m_nodes)
        nodes.append(node.json);
    root.insert(QStringLiteral("nodes"), nodes);
    if (m_writeEdges || !m_edges.isEmpty()) {
        QJsonArray edges;
        for (const FlowEdge &edge : m_edges)
            edges.append(edge.json);
        root.insert(QStringLiteral("edges"), edges);
    }
    return root;
}

QByteArray FlowGraphModel::definitionText() const
{
    return QJsonDocument(definition()).toJson(QJsonDocument::Compact);
}

// --- queries ------------------------------------------------------------------

QStringList FlowGraphModel::nodeIds() const
{
    QStringList ids;
    ids.reserve(m_nodes.size());
    for (const FlowNode &node : m_nodes)
        ids.append(node.id);
    return ids;
}

const FlowNode *FlowGraphModel::node(const QString &id) const
{
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.constEnd() ? nullptr : &m_nodes.at(*it);
}

QStringList FlowGraphModel::edgeIds() const
{
    QStringList ids;
    ids.reserve(m_edges.size());
    for (const FlowEdge &edge : m_edges)
        ids.append(edge.id);
    return ids;
}

const FlowEdge *FlowGraphModel::edge(const QString &id) const
{
    const auto it = m_edgeIndex.constFind(id);
    return it == m_edgeIndex.constEnd() ? nullptr : &m_edges.at(*it);
}

QStringList FlowGraphModel::edgesOf(const QString &nodeId, PortDirection direction) const
{
    QStringList ids = (direction == PortDirection::Out ? m_outEdges : m_inEdges).value(nodeId);
    std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        return m_edgeIndex.value(a) < m_edgeIndex.value(b);
    });
    return ids;
}

QStringList FlowGraphModel::edgesAt(const QString &nodeId, PortDirection direction,
                                    const QString &port) const
{
    QStringList ids;
    for (const QString &id : edgesOf(nodeId, direction)) {
        const FlowEdge *e = edge(id);
        if ((direction == PortDirection::Out ? e->sourceHandle : e->targetHandle) == port)
            ids.append(id);
    }
    return ids;
}

QList<FlowPort> FlowGraphModel::ports(const QString &nodeId, PortDirection direction) const
{
    const FlowNode *n = node(nodeId);
    if (!n)
        return {};
    const flow::ComponentInterface *iface =
        m_catalogue.forNode(n->component, n->version, n->config);
    QList<FlowPort> ports;
    QSet<QString> seen;
    auto add = [&](const QString &name, flow::PortType type, bool declared, bool required = false,
                   const QString &description = {}) {
        if (seen.contains(name))
            return;
        seen.insert(name);
        ports.append({name, direction, type, declared, required, description});
    };

    if (direction == PortDirection::In) {
        // Every node runs after its parents through "default" (compile()
        // accepts it on every component).
        add(kDefaultPort, flow::PortType::Any, true);
        if (iface) {
            for (const flow::PortDef &input : iface->inputs)
                add(input.name, input.type, true, input.required, input.description);
        } else {
            for (auto it = n->inputMappings.begin(); it != n->inputMappings.end(); ++it)
                add(it.key(), flow::PortType::Any, false);
        }
        for (const QString &id : edgesOf(nodeId, PortDirection::In))
            add(edge(id)->targetHandle, flow::PortType::Any, false);
    } else {
        if (iface) {
            // An edge carries the node's output as a whole. With a single
            // declared output that is the value a mapping from it gives, so
            // it has that type; with several (or none) the mapping picks
            // the value and is checked on its own, so the handle is `any`.
            const flow::PortType type =
                iface->outputs.size() == 1 ? iface->outputs.first().type : flow::PortType::Any;
            for (const QString &handle : iface->outputHandles)
                add(handle, type, true);
        } else {
            add(kDefaultPort, flow::PortType::Any, false);
        }
        for (const QString &id : edgesOf(nodeId, PortDirection::Out))
            add(edge(id)->sourceHandle, flow::PortType::Any, false);
    }
    return ports;
}

std::optional<FlowPort> FlowGraphModel::port(const QString &nodeId, PortDirection direction,
                                             const QString &name) const
{
    // A declared port is found without listing the node's edges (ports()
    // sorts them all): the scene asks for the port of every edge it places,
    // which was quadratic for a node with a thousand edges (docs/benchmarks.md,
    // Console). Same answer as the loop below: declared ports come first.
    if (const FlowNode *n = node(nodeId)) {
        if (const flow::ComponentInterface *iface =
                m_catalogue.forNode(n->component, n->version, n->config)) {
            if (direction == PortDirection::Out && iface->outputHandles.contains(name)) {
                const flow::PortType type =
                    iface->outputs.size() == 1 ? iface->outputs.first().type : flow::PortType::Any;
                return FlowPort{name, direction, type, true, false, QString()};
            }
            if (direction == PortDirection::In && name == kDefaultPort)
                return FlowPort{name, direction, flow::PortType::Any, true, false, QString()};
        }
    }
    for (const FlowPort &p : ports(nodeId, direction)) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

ConnectionCheck FlowGraphModel::connectionPossible(const EdgeSpec &spec) const
{
    using Code = ConnectionCheck::Code;
    auto refuse = [](Code code, const QString &message) {
        ConnectionCheck check;
        check.code = code;
        check.message = message;
        return check;
    };

    const FlowNode *source = node(spec.source);
    if (!source)
        return refuse(Code::UnknownNode, tr("There is no node \"%1\".").arg(spec.source));
    const FlowNode *target = node(spec.target);
    if (!target)
        return refuse(Code::UnknownNode, tr("There is no node \"%1\".").arg(spec.target));
    if (spec.source == spec.target)
        return refuse(Code::SelfLoop, tr("A node cannot be connected to itself."));

    // A node of a known component takes new edges on its declared ports
    // only, so the editor never makes an edge the server refuses. Ports of
    // unknown components are all derived, and any of them will do.
    const std::optional<FlowPort> out = port(spec.source, PortDirection::Out, spec.sourceHandle);
    if (!out || (source->isKnown() && !out->declared))
        return refuse(Code::UnknownPort,
                      tr("Node \"%1\" has no output \"%2\".").arg(spec.source, spec.sourceHandle));
    const std::optional<FlowPort> in = port(spec.target, PortDirection::In, spec.targetHandle);
    if (!in || (target->isKnown() && !in->declared))
        return refuse(Code::UnknownPort,
                      tr("Node \"%1\" has no input \"%2\".").arg(spec.target, spec.targetHandle));

    if (!portTypeFeeds(out->type, in->type))
        return refuse(Code::TypeMismatch, tr("Output \"%1\" gives %2, but input \"%3\" takes %4.")
                                              .arg(out->name, flow::portTypeName(out->type),
                                                   in->name, flow::portTypeName(in->type)));

    for (const QString &id : edgesAt(spec.target, PortDirection::In, spec.targetHandle)) {
        const FlowEdge *e = edge(id);
        if (e->source == spec.source && e->sourceHandle == spec.sourceHandle) {
            ConnectionCheck check =
                refuse(Code::DuplicateEdge, tr("These ports are already connected."));
            check.conflictingEdge = id;
            return check;
        }
        // "default" is the fan-in port: a node may run after many parents.
        // A named input gets its value from one place only.
        if (spec.targetHandle != kDefaultPort) {
            ConnectionCheck check =
                refuse(Code::AlreadyFed, tr("Input \"%1\" of node \"%2\" is already fed by node "
                                            "\"%3\".")
                                             .arg(spec.targetHandle, spec.target, e->source));
            check.conflictingEdge = id;
            return check;
        }
    }

    // source → target closes a loop exactly when target already reaches
    // source.
    const QStringList back = pathBetween(spec.target, spec.source);
    if (!back.isEmpty()) {
        ConnectionCheck check;
        check.code = Code::Cycle;
        check.path = QStringList{spec.source} + back;
        check.message = tr("This connection would create a cycle: %1")
                            .arg(check.path.join(QStringLiteral(" \u2192 ")));
        return check;
    }
    return {};
}

QStringList FlowGraphModel::pathBetween(const QString &from, const QString &to) const
{
    // Iterative depth-first search (a long chain must not overflow the
    // stack), children in edge order so the path named is stable.
    QHash<QString, QString> parent; // visited node -> the node it was reached from
    parent.insert(from, QString());
    QStringList stack{from};
    while (!stack.isEmpty()) {
        const QString current = stack.takeLast();
        if (current == to) {
            QStringList path;
            for (QString at = to; !at.isNull(); at = parent.value(at))
                path.prepend(at);
            return path;
        }
        const QStringList out = edgesOf(current, PortDirection::Out);
        for (auto it = out.crbegin(); it != out.crend(); ++it) {
            const QString child = edge(*it)->target;
            if (parent.contains(child))
                continue;
            parent.insert(child, current);
            stack.append(child);
        }
    }
    return {};
}

// --- edits --------------------------------------------------------------------

Error FlowGraphModel::readOnlyError() const
{
    return modelError(tr("This flow is open read-only: it cannot be changed here."),
                      ErrorCode::Forbidden);
}

void FlowGraphModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    // Nothing to undo into or out of a version that is only looked at.
    if (readOnly)
        m_undoStack->clear();
    emit readOnlyChanged(readOnly);
}

void FlowGraphModel::push(FlowGraphCommand *command)
{
    HM_CHECK(!m_readOnly, delete command; return );
    m_undoStack->push(command);
}

Result<QString> FlowGraphModel::addNode(const QString &component, const QString &version,
                                        QPointF position, const QJsonObject &config,
                                        const QJsonObject &inputMappings)
{
    if (m_readOnly)
        return readOnlyError();
    if (component.isEmpty())
        return modelError(tr("A node needs a component."));
    const QString id = uniqueNodeId(component);
    const QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("component"), component},
        {QStringLiteral("version"), version},
        {QStringLiteral("position"),
         QJsonObject{{QStringLiteral("x"), position.x()}, {QStringLiteral("y"), position.y()}}},
        {QStringLiteral("config"), config},
        {QStringLiteral("inputMappings"), inputMappings}};
    push(new InsertItemsCommand(this, {json}, {}, tr("Add node")));
    return id;
}

Status FlowGraphModel::removeNodes(const QStringList &ids)
{
    if (m_readOnly)
        return readOnlyError();
    for (const QString &id : ids) {
        if (!hasNode(id))
            return modelError(tr("There is no node \"%1\".").arg(id), ErrorCode::ResourceNotFound);
    }
    if (ids.isEmpty())
        return {};
    push(new RemoveItemsCommand(this, ids, {}, tr("Delete")));
    return {};
}

Status FlowGraphModel::moveNodes(const QHash<QString, QPointF> &positions, int gesture)
{
    if (m_readOnly)
        return readOnlyError();
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (!hasNode(it.key()))
            return modelError(tr("There is no node \"%1\".").arg(it.key()),
                              ErrorCode::ResourceNotFound);
    }
    if (positions.isEmpty())
        return {};
    push(new MoveNodesCommand(this, positions, gesture, tr("Move")));
    return {};
}

Status FlowGraphModel::applyLayout(const QHash<QString, QPointF> &positions)
{
    if (m_readOnly)
        return readOnlyError();
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        if (!hasNode(it.key()))
            return modelError(tr("There is no node \"%1\".").arg(it.key()),
                              ErrorCode::ResourceNotFound);
    }
    if (positions.isEmpty())
        return {};
    push(new MoveNodesCommand(this, positions, 0, tr("Apply layout")));
    return {};
}

Result<QString> FlowGraphModel::addConnection(const EdgeSpec &spec)
{
    if (m_readOnly)
        return readOnlyError();
    const ConnectionCheck check = connectionPossible(spec);
    if (!check.ok())
        return modelError(check.message);
    const QString id = uniqueEdgeId();
    // Handles are written out, "default" too, as the seed's example does.
    const QJsonObject json{{QStringLiteral("id"), id},
                           {QStringLiteral("source"), spec.source},
                           {QStringLiteral("target"), spec.target},
                           {QStringLiteral("sourceHandle"), spec.sourceHandle},
                           {QStringLiteral("targetHandle"), spec.targetHandle}};
    push(new InsertItemsCommand(this, {}, {json}, tr("Connect")));
    return id;
}

Status FlowGraphModel::removeConnections(const QStringList &edgeIds)
{
    if (m_readOnly)
        return readOnlyError();
    for (const QString &id : edgeIds) {
        if (!edge(id))
            return modelError(tr("There is no connection \"%1\".").arg(id),
                              ErrorCode::ResourceNotFound);
    }
    if (edgeIds.isEmpty())
        return {};
    push(new RemoveItemsCommand(this, {}, edgeIds, tr("Disconnect")));
    return {};
}

Status FlowGraphModel::setNodeConfig(const QString &nodeId, const QJsonObject &config, int gesture)
{
    if (m_readOnly)
        return readOnlyError();
    const FlowNode *n = node(nodeId);
    if (!n)
        return modelError(tr("There is no node \"%1\".").arg(nodeId), ErrorCode::ResourceNotFound);
    if (n->json.value(QStringLiteral("config")) == QJsonValue(config))
        return {};
    QStringList vanished;
    if (m_catalogue.portsFollowConfig(n->component, n->version) &&
        m_catalogue.hasNodeInterface(n->component, n->version, config)) {
        if (const flow::ComponentInterface *next =
                m_catalogue.forNode(n->component, n->version, config))
            vanished = edgesToUndeclaredInputs(nodeId, *next);
    }
    if (vanished.isEmpty()) {
        push(new SetNodeMemberCommand(this, nodeId, QStringLiteral("config"), config,
                                      tr("Change configuration"), gesture));
        return {};
    }
    // One step: the new config and the edges into inputs it no longer has.
    m_undoStack->beginMacro(tr("Change configuration"));
    push(new RemoveItemsCommand(this, {}, vanished, tr("Delete")));
    push(new SetNodeMemberCommand(this, nodeId, QStringLiteral("config"), config,
                                  tr("Change configuration"), 0));
    m_undoStack->endMacro();
    return {};
}

Status FlowGraphModel::setInputMappings(const QString &nodeId, const QJsonObject &inputMappings,
                                        int gesture)
{
    if (m_readOnly)
        return readOnlyError();
    const FlowNode *n = node(nodeId);
    if (!n)
        return modelError(tr("There is no node \"%1\".").arg(nodeId), ErrorCode::ResourceNotFound);
    if (n->json.value(QStringLiteral("inputMappings")) == QJsonValue(inputMappings))
        return {};
    push(new SetNodeMemberCommand(this, nodeId, QStringLiteral("inputMappings"), inputMappings,
                                  tr("Change input mappings"), gesture));
    return {};
}

Status FlowGraphModel::setInputMapping(const QString &nodeId, const QString &input,
                                       const QJsonValue &mapping, int gesture)
{
    if (m_readOnly)
        return readOnlyError();
    const FlowNode *n = node(nodeId);
    if (!n)
        return modelError(tr("There is no node \"%1\".").arg(nodeId), ErrorCode::ResourceNotFound);
    if (input.isEmpty())
        return modelError(tr("An input mapping needs an input name."));
    QJsonObject mappings = n->inputMappings;
    if (mapping.isUndefined())
        mappings.remove(input);
    else
        mappings.insert(input, mapping);
    return setInputMappings(nodeId, mappings, gesture);
}

Status FlowGraphModel::setSettings(const QJsonObject &settings, int gesture)
{
    if (m_readOnly)
        return readOnlyError();
    if (auto checked = flow::FlowSettings::fromJson(settings); !checked)
        return modelError(tr("The flow settings are not valid: %1").arg(checked.error().message));
    if (settings == m_settings)
        return {};
    push(new SetSettingsCommand(this, settings, tr("Change flow settings"), gesture));
    return {};
}

// --- clipboard ----------------------------------------------------------------

QByteArray FlowGraphModel::copy(const QStringList &nodeIds) const
{
    const QSet<QString> selected(nodeIds.cbegin(), nodeIds.cend());
    FlowFragment fragment;
    for (const FlowNode &n : m_nodes) {
        if (selected.contains(n.id))
            fragment.nodes.append(n.json);
    }
    for (const FlowEdge &e : m_edges) {
        if (selected.contains(e.source) && selected.contains(e.target))
            fragment.edges.append(e.json);
    }
    return fragmentText(fragment);
}

QMimeData *FlowGraphModel::mimeData(const QStringList &nodeIds) const
{
    const QByteArray text = copy(nodeIds);
    auto *mime = new QMimeData;
    mime->setData(kFragmentMimeType, text);
    mime->setText(QString::fromUtf8(text));
    return mime;
}

Result<QStringList> FlowGraphModel::paste(const QByteArray &text, QPointF offset)
{
    if (m_readOnly)
        return readOnlyError();
    auto read = readFragment(text);
    if (!read)
        return read.error();
    const FlowFragment &fragment = read.value();

    QHash<QString, QString> renamed;
    QSet<QString> takenNodes;
    QStringList newIds;
    for (const QJsonObject &n : fragment.nodes) {
        const QString id =
            uniqueNodeId(n.value(QStringLiteral("component")).toString(), takenNodes);
        takenNodes.insert(id);
        renamed.insert(n.value(QStringLiteral("id")).toString(), id);
        newIds.append(id);
    }

    QList<QJsonObject> nodes;
    for (QJsonObject n : fragment.nodes) {
        n.insert(QStringLiteral("id"), renamed.value(n.value(QStringLiteral("id")).toString()));
        n.insert(QStringLiteral("position"), movedBy(n.value(QStringLiteral("position")), offset));
        if (n.contains(QStringLiteral("inputMappings"))) {
            QJsonObject mappings = n.value(QStringLiteral("inputMappings")).toObject();
            for (auto it = mappings.begin(); it != mappings.end(); ++it)
                it.value() = renameNodeReference(it.value(), renamed);
            n.insert(QStringLiteral("inputMappings"), mappings);
        }
        nodes.append(n);
    }
    QList<QJsonObject> edges;
    QSet<QString> takenEdges;
    for (QJsonObject e : fragment.edges) {
        const QString id = uniqueEdgeId(takenEdges);
        takenEdges.insert(id);
        e.insert(QStringLiteral("id"), id);
        e.insert(QStringLiteral("source"),
                 renamed.value(e.value(QStringLiteral("source")).toString()));
        e.insert(QStringLiteral("target"),
                 renamed.value(e.value(QStringLiteral("target")).toString()));
        edges.append(e);
    }
    push(new InsertItemsCommand(this, nodes, edges, tr("Paste")));
    return newIds;
}

Result<QStringList> FlowGraphModel::paste(const QMimeData *mime, QPointF offset)
{
    if (!mime)
        return paste(QByteArray(), offset);
    if (mime->hasFormat(kFragmentMimeType))
        return paste(mime->data(kFragmentMimeType), offset);
    return paste(mime->text().toUtf8(), offset);
}

QString FlowGraphModel::uniqueNodeId(const QString &component, const QSet<QString> &taken) const
{
    // Ids a dangling edge names are taken too: a new node must not silently
    // pick up an edge that pointed nowhere.
    const QString base = idBase(component) + QLatin1Char('-');
    for (int n = 1;; ++n) {
        QString id = base + QString::number(n);
        if (!hasNode(id) && !taken.contains(id) && m_outEdges.value(id).isEmpty() &&
            m_inEdges.value(id).isEmpty())
            return id;
    }
}

QStringList FlowGraphModel::danglingEdges() const
{
    QStringList ids;
    for (const FlowEdge &e : m_edges) {
        if (!hasNode(e.source) || !hasNode(e.target))
            ids.append(e.id);
    }
    return ids;
}

QString FlowGraphModel::uniqueEdgeId(const QSet<QString> &taken) const
{
    for (int n = 1;; ++n) {
        QString id = QStringLiteral("edge-") + QString::number(n);
        if (!m_edgeIndex.contains(id) && !taken.contains(id))
            return id;
    }
}

// --- primitive changes --------------------------------------------------------

FlowNode FlowGraphModel::makeNode(const QJsonObject &json) const
{
    FlowNode n;
    n.id = json.value(QStringLiteral("id")).toString();
    n.component = json.value(QStringLiteral("component")).toString();
    n.version = json.value(QStringLiteral("version")).toString();
    const QJsonObject position = json.value(QStringLiteral("position")).toObject();
    n.position = QPointF(position.value(QStringLiteral("x")).toDouble(),
                         position.value(QStringLiteral("y")).toDouble());
    n.config = json.value(QStringLiteral("config")).toObject();
    n.inputMappings = json.value(QStringLiteral("inputMappings")).toObject();
    if (m_catalogue.find(n.component, n.version))
        n.state = ComponentState::Known;
    else if (!m_catalogue.versions(n.component).isEmpty())
        n.state = ComponentState::UnknownVersion;
    else
        n.state = ComponentState::UnknownComponent;
    n.json = json;
    return n;
}

FlowEdge FlowGraphModel::makeEdge(const QJsonObject &json)
{
    FlowEdge e;
    e.id = json.value(QStringLiteral("id")).toString();
    e.source = json.value(QStringLiteral("source")).toString();
    e.target = json.value(QStringLiteral("target")).toString();
    // Missing or null handles mean "default" (docs/flow-model.md).
    const QString sourceHandle = json.value(QStringLiteral("sourceHandle")).toString();
    const QString targetHandle = json.value(QStringLiteral("targetHandle")).toString();
    e.sourceHandle = sourceHandle.isEmpty() ? kDefaultPort : sourceHandle;
    e.targetHandle = targetHandle.isEmpty() ? kDefaultPort : targetHandle;
    e.json = json;
    return e;
}

void FlowGraphModel::reindexNodes(int from)
{
    for (int i = from; i < m_nodes.size(); ++i)
        m_nodeIndex.insert(m_nodes.at(i).id, i);
}

void FlowGraphModel::reindexEdges(int from)
{
    for (int i = from; i < m_edges.size(); ++i)
        m_edgeIndex.insert(m_edges.at(i).id, i);
}

void FlowGraphModel::notifyIfPortsChanged(const QString &nodeId, const QList<FlowPort> &inBefore,
                                          const QList<FlowPort> &outBefore)
{
    if (!hasNode(nodeId))
        return;
    if (ports(nodeId, PortDirection::In) != inBefore ||
        ports(nodeId, PortDirection::Out) != outBefore)
        emit nodeUpdated(nodeId);
}

void FlowGraphModel::insertNode(int index, const QJsonObject &json)
{
    index = std::clamp(index, 0, nodeCount());
    FlowNode n = makeNode(json);
    const QString id = n.id;
    m_nodes.insert(index, std::move(n));
    reindexNodes(index);
    emit nodeCreated(id);
}

QJsonObject FlowGraphModel::takeNode(const QString &id, int *index)
{
    const auto it = m_nodeIndex.constFind(id);
    if (it == m_nodeIndex.constEnd())
        return {};
    const int i = *it;
    const QJsonObject json = m_nodes.at(i).json;
    m_nodes.removeAt(i);
    m_nodeIndex.remove(id);
    reindexNodes(i);
    m_outEdges.remove(id);
    m_inEdges.remove(id);
    if (index)
        *index = i;
    emit nodeDeleted(id);
    return json;
}

void FlowGraphModel::insertEdge(int index, const QJsonObject &json)
{
    index = std::clamp(index, 0, edgeCount());
    FlowEdge e = makeEdge(json);
    const QString id = e.id;
    const QString source = e.source;
    const QString target = e.target;
    const QList<FlowPort> sourceIn = ports(source, PortDirection::In);
    const QList<FlowPort> sourceOut = ports(source, PortDirection::Out);
    const QList<FlowPort> targetIn = ports(target, PortDirection::In);
    const QList<FlowPort> targetOut = ports(target, PortDirection::Out);
    m_edges.insert(index, std::move(e));
    reindexEdges(index);
    m_outEdges[source].append(id);
    m_inEdges[target].append(id);
    emit connectionCreated(id);
    notifyIfPortsChanged(source, sourceIn, sourceOut);
    notifyIfPortsChanged(target, targetIn, targetOut);
}

QJsonObject FlowGraphModel::takeEdge(const QString &id, int *index)
{
    const auto it = m_edgeIndex.constFind(id);
    if (it == m_edgeIndex.constEnd())
        return {};
    const int i = *it;
    const FlowEdge e = m_edges.at(i);
    const QList<FlowPort> sourceIn = ports(e.source, PortDirection::In);
    const QList<FlowPort> sourceOut = ports(e.source, PortDirection::Out);
    const QList<FlowPort> targetIn = ports(e.target, PortDirection::In);
    const QList<FlowPort> targetOut = ports(e.target, PortDirection::Out);
    m_edges.removeAt(i);
    m_edgeIndex.remove(id);
    reindexEdges(i);
    m_outEdges[e.source].removeOne(id);
    m_inEdges[e.target].removeOne(id);
    if (index)
        *index = i;
    emit connectionDeleted(e);
    notifyIfPortsChanged(e.source, sourceIn, sourceOut);
    notifyIfPortsChanged(e.target, targetIn, targetOut);
    return e.json;
}

void FlowGraphModel::setNodeMember(const QString &id, const QString &key, const QJsonValue &value)
{
    const auto it = m_nodeIndex.constFind(id);
    if (it == m_nodeIndex.constEnd())
        return;
    FlowNode &n = m_nodes[*it];
    QJsonObject json = n.json;
    if (value.isUndefined())
        json.remove(key);
    else
        json.insert(key, value);
    n = makeNode(json);
    if (key == QLatin1String("position"))
        emit nodePositionUpdated(id);
    else
        emit nodeUpdated(id);
}

void FlowGraphModel::setSettingsJson(const QJsonObject &settings)
{
    m_settings = settings;
    emit settingsChanged();
}

} // namespace hm::app
