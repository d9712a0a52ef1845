#include "flow/FlowCompiler.h"

#include "common/Logging.h"
#include "flow/BuiltinExpressions.h"
#include "flow/ConfigSchemaValidator.h"
#include "flow/FlowGraph.h"
#include "flow/FlowLogging.h"
#include "flow/FlowProblem.h"
#include "flow/JsonRead.h"

#include <QCborMap>
#include <QJsonArray>
#include <QVarLengthArray>
#include <bit>

namespace hm::flow {

namespace {

// Names for parsed mappings: node ids shared with the compiled nodes (when
// the id is one), everything else from a pool.
class CompileNames final : public MappingNames
{
public:
    explicit CompileNames(const CompiledFlow &flow) : m_flow(flow) {}

    QString nodeId(QStringView id) override
    {
        const int index = m_flow.indexOf(id);
        return index >= 0 ? m_flow.node(index).id : id.toString();
    }
    QString name(QStringView name) override { return m_pool.get(name); }

private:
    const CompiledFlow &m_flow;
    StringPool m_pool;
};

// Node index by the address of an id's characters. FlowDefinition::fromJson
// of stored text gives a node and the edges naming it one shared string, so
// an edge's ends resolve without hashing or comparing text; ids that share
// nothing (definitions built from a QJsonObject) miss here and are looked up
// by text. A live string's characters are its own, so the same address and
// length means the same id.
class AddressIndex
{
public:
    void reserve(qsizetype count)
    {
        m_slots.assign(std::bit_ceil(static_cast<size_t>(count) * 2 + 2), Slot{});
    }
    void insert(const QString &id, int index)
    {
        if (m_slots.empty() || id.isEmpty())
            return;
        size_t slot = slotOf(id.constData());
        while (m_slots[slot].data)
            slot = (slot + 1) & (m_slots.size() - 1);
        m_slots[slot] = Slot{id.constData(), id.size(), index};
    }
    int find(const QString &id) const
    {
        if (m_slots.empty() || id.isEmpty())
            return -1;
        for (size_t slot = slotOf(id.constData());; slot = (slot + 1) & (m_slots.size() - 1)) {
            const Slot &s = m_slots[slot];
            if (!s.data)
                return -1;
            if (s.data == id.constData() && s.size == id.size())
                return s.index;
        }
    }

private:
    struct Slot
    {
        const QChar *data = nullptr;
        qsizetype size = 0;
        int index = -1;
    };
    size_t slotOf(const QChar *data) const
    {
        const auto bits = static_cast<quint64>(reinterpret_cast<quintptr>(data));
        return static_cast<size_t>((bits * 0x9E3779B97F4A7C15ULL) >> 32) & (m_slots.size() - 1);
    }
    std::vector<Slot> m_slots;
};

} // namespace

// Builds a CompiledFlow in passes, each adding the problems it finds and
// carrying on, so the caller sees everything wrong at once. Later passes
// skip what earlier ones found broken (an edge to an unknown node is not
// also checked for handles).
class FlowCompiler
{
public:
    FlowCompiler(const FlowDefinition &definition, const FlowSettings &settings,
                 const ComponentCatalog &catalog)
        : m_def(definition), m_settings(settings), m_catalog(catalog), m_flow(new CompiledFlow)
    {}

    Result<CompiledFlowPtr> run()
    {
        checkSchemaVersion();
        checkSettings();
        indexNodes();
        indexEdges();
        orderGraph();
        checkNodes();
        if (!m_problems.isEmpty()) {
            qCDebug(lcFlow) << "flow definition rejected with" << m_problems.size() << "problems";
            return problemsError(m_problems);
        }
        finish();
        return CompiledFlowPtr(std::move(m_flow));
    }

private:
    FlowProblem &add(QLatin1StringView code, const QString &message, const QString &node = {},
                     const QString &edge = {})
    {
        m_problems.append(FlowProblem{code, message, node, edge, {}});
        return m_problems.last();
    }

    void checkSchemaVersion()
    {
        if (m_def.schemaVersion > kCurrentSchemaVersion) {
            add(problem::UnsupportedSchemaVersion,
                QStringLiteral("schemaVersion %1 is newer than the %2 this server reads")
                    .arg(m_def.schemaVersion)
                    .arg(kCurrentSchemaVersion))
                .extra.insert(QStringLiteral("schemaVersion"), m_def.schemaVersion);
        } else if (m_def.schemaVersion < 1) {
            add(problem::InvalidShape, QStringLiteral("schemaVersion must be at least 1"))
                .extra.insert(QStringLiteral("path"), QStringLiteral("schemaVersion"));
        }
    }

    void checkSettings()
    {
        m_problems.append(validateSettings(m_settings));
        if (m_settings.concurrency.scope == ConcurrencyScope::TriggerKey) {
            if (auto key = parseScopeKey(m_settings.concurrency.scopeKey))
                m_flow->m_scopeKey = std::move(key).value();
        }
    }

    void indexNodes()
    {
        const qsizetype count = m_def.nodes.size();
        m_flow->m_nodes.reserve(static_cast<size_t>(count));
        m_flow->m_indexById.reserve(count);
        m_byAddress.reserve(count);
        m_defIndex.reserve(static_cast<size_t>(count));
        for (qsizetype i = 0; i < count; ++i) {
            const NodeDef &def = m_def.nodes[i];
            if (def.id.isEmpty()) {
                const QString path = QStringLiteral("nodes[%1].id").arg(i);
                add(problem::InvalidShape, path + QStringLiteral(": must not be empty"))
                    .extra.insert(QStringLiteral("path"), path);
                continue;
            }
            // The index keeps a view of def.id's characters, which the
            // CompiledNode's copy of the id (and m_definition) share, so they
            // live as long as the CompiledFlow. Its numbering matches
            // m_nodes: only ids added here get a node.
            if (!m_flow->m_indexById.insert(def.id).second) {
                add(problem::DuplicateNodeId,
                    QStringLiteral("node id \"%1\" is used more than once").arg(def.id), def.id);
                continue;
            }
            m_byAddress.insert(def.id, static_cast<int>(m_flow->m_nodes.size()));
            CompiledNode node;
            node.id = def.id;
            node.component = def.component;
            node.version = def.version;
            node.config = def.config;
            node.interface = lookUp(def);
            m_flow->m_nodes.push_back(std::move(node));
            m_defIndex.push_back(i);
        }
    }

    // The node's interface: its component version's, or for components
    // whose ports follow the config, the one the catalogue gives this config.
    std::shared_ptr<const ComponentInterface> lookUp(const NodeDef &def)
    {
        bool perNode = false;
        std::shared_ptr<const ComponentInterface> base = catalogInterface(def, &perNode);
        return base && perNode ? nodeInterface(def, base) : base;
    }

    std::shared_ptr<const ComponentInterface>
    nodeInterface(const NodeDef &def, const std::shared_ptr<const ComponentInterface> &base)
    {
        QHash<QJsonObject, NodeInterface> &byConfig = m_nodeInterfaces[base.get()];
        auto it = byConfig.constFind(def.config);
        if (it == byConfig.cend()) {
            Result<ComponentInterface> found =
                m_catalog.nodeInterface(def.component, def.version, def.config);
            NodeInterface entry;
            if (found)
                entry.interface = std::make_shared<const ComponentInterface>(std::move(*found));
            else
                entry.error = found.error().message;
            it = byConfig.insert(def.config, std::move(entry));
        }
        if (it->interface)
            return it->interface;
        add(problem::InvalidConfig, QStringLiteral("node \"%1\": %2").arg(def.id, it->error),
            def.id)
            .extra.insert(QStringLiteral("component"), def.component);
        return base;
    }

    // The catalogue's interface, copied once per component version so the
    // CompiledFlow never points into a catalogue that may change.
    // `perNode`: whether its nodes' ports follow their config.
    std::shared_ptr<const ComponentInterface> catalogInterface(const NodeDef &def, bool *perNode)
    {
        // Flows use a handful of component versions many times each: look
        // the recent ones up here before asking the catalogue.
        for (const Known &k : m_known) {
            if (k.component == def.component && k.version == def.version) {
                *perNode = k.perNode;
                return k.interface;
            }
        }
        const ComponentInterface *found = m_catalog.find(def.component, def.version);
        if (!found) {
            const QStringList versions = m_catalog.versions(def.component);
            if (versions.isEmpty()) {
                add(problem::UnknownComponent,
                    QStringLiteral("node \"%1\" uses unknown component \"%2\"")
                        .arg(def.id, def.component),
                    def.id)
                    .extra.insert(QStringLiteral("component"), def.component);
            } else {
                FlowProblem &p =
                    add(problem::UnknownComponentVersion,
                        QStringLiteral("node \"%1\" uses %2 version \"%3\", which does "
                                       "not exist (known: %4)")
                            .arg(def.id, def.component, def.version,
                                 versions.join(QStringLiteral(", "))),
                        def.id);
                p.extra.insert(QStringLiteral("component"), def.component);
                p.extra.insert(QStringLiteral("version"), def.version);
                p.extra.insert(QStringLiteral("knownVersions"),
                               QJsonArray::fromStringList(versions));
            }
            return nullptr;
        }
        auto &copy = m_interfaces[found];
        if (!copy)
            copy = std::make_shared<const ComponentInterface>(*found);
        *perNode = m_catalog.portsFollowConfig(def.component, def.version);
        if (m_known.size() < kKnownLimit)
            m_known.append(Known{def.component, def.version, copy, *perNode});
        return copy;
    }

    void indexEdges()
    {
        std::vector<std::pair<int, int>> links;
        links.reserve(static_cast<size_t>(m_def.edges.size()));
        m_flow->m_edges.reserve(static_cast<size_t>(m_def.edges.size()));
        StringIndex edgeIds; // views into m_def, which outlives this pass
        edgeIds.reserve(m_def.edges.size());
        for (const EdgeDef &def : m_def.edges) {
            if (def.id.isEmpty()) {
                add(problem::InvalidShape, QStringLiteral("an edge from \"%1\" to \"%2\" has no id")
                                               .arg(def.source, def.target))
                    .extra.insert(QStringLiteral("path"), QStringLiteral("edges"));
                continue;
            }
            if (!edgeIds.insert(def.id).second) {
                add(problem::DuplicateEdgeId,
                    QStringLiteral("edge id \"%1\" is used more than once").arg(def.id), {},
                    def.id);
                continue;
            }
            const int source = nodeIndex(def.source);
            const int target = nodeIndex(def.target);
            if (source < 0)
                unknownEnd(def, def.source, QStringLiteral("source"));
            if (target < 0)
                unknownEnd(def, def.target, QStringLiteral("target"));
            if (source < 0 || target < 0)
                continue;
            checkHandles(def, source, target);
            m_flow->m_edges.push_back(CompiledEdge{
                def.id, source, target, def.effectiveSourceHandle(), def.effectiveTargetHandle()});
            links.emplace_back(source, target);
        }
        m_flow->m_graph = Digraph::fromEdges(m_flow->nodeCount(), std::move(links));
        indexEdgeLists();
    }

    int nodeIndex(const QString &id) const
    {
        const int shared = m_byAddress.find(id);
        return shared >= 0 ? shared : m_flow->indexOf(id);
    }

    void unknownEnd(const EdgeDef &def, const QString &id, const QString &end)
    {
        add(problem::UnknownEdgeNode,
            QStringLiteral("edge \"%1\" %2 \"%3\" is not a node of this flow").arg(def.id, end, id),
            id, def.id)
            .extra.insert(QStringLiteral("end"), end);
    }

    // Per node, the indices of its incoming and outgoing edges (CSR, filled
    // in edge order so each list is ascending).
    void indexEdgeLists()
    {
        const size_t n = static_cast<size_t>(m_flow->nodeCount());
        Adjacency &in = m_flow->m_inEdges;
        Adjacency &out = m_flow->m_outEdges;
        in.offsets.assign(n + 1, 0);
        out.offsets.assign(n + 1, 0);
        for (const CompiledEdge &e : m_flow->m_edges) {
            ++out.offsets[static_cast<size_t>(e.source) + 1];
            ++in.offsets[static_cast<size_t>(e.target) + 1];
        }
        for (size_t i = 0; i < n; ++i) {
            out.offsets[i + 1] += out.offsets[i];
            in.offsets[i + 1] += in.offsets[i];
        }
        in.list.resize(m_flow->m_edges.size());
        out.list.resize(m_flow->m_edges.size());
        std::vector<int> inFill(in.offsets.begin(), in.offsets.end() - 1);
        std::vector<int> outFill(out.offsets.begin(), out.offsets.end() - 1);
        for (size_t e = 0; e < m_flow->m_edges.size(); ++e) {
            const CompiledEdge &edge = m_flow->m_edges[e];
            out.list[static_cast<size_t>(outFill[static_cast<size_t>(edge.source)]++)] =
                static_cast<int>(e);
            in.list[static_cast<size_t>(inFill[static_cast<size_t>(edge.target)]++)] =
                static_cast<int>(e);
        }
    }

    void checkHandles(const EdgeDef &def, int source, int target)
    {
        // Views, not effective*Handle() copies: this runs for every edge.
        const auto effective = [](const QString &handle) {
            return handle.isEmpty() ? QStringView(kDefaultHandle) : QStringView(handle);
        };
        if (const auto &iface = m_flow->node(source).interface) {
            const QStringView handle = effective(def.sourceHandle);
            if (!iface->outputHandles.contains(handle)) {
                FlowProblem &p =
                    add(problem::UnknownSourceHandle,
                        QStringLiteral("edge \"%1\" leaves \"%2\" from handle \"%3\"; %4 has %5")
                            .arg(def.id, def.source, handle, iface->name,
                                 iface->outputHandles.join(QStringLiteral(", "))),
                        def.source, def.id);
                p.extra.insert(QStringLiteral("handle"), handle.toString());
            }
        }
        if (const auto &iface = m_flow->node(target).interface) {
            const QStringView handle = effective(def.targetHandle);
            if (handle != kDefaultHandle && !iface->input(handle.toString())) {
                FlowProblem &p =
                    add(problem::UnknownTargetHandle,
                        QStringLiteral("edge \"%1\" enters \"%2\" at handle \"%3\", which is "
                                       "neither \"default\" nor an input of %4")
                            .arg(def.id, def.target, handle, iface->name),
                        def.target, def.id);
                p.extra.insert(QStringLiteral("handle"), handle.toString());
            }
        }
    }

    void orderGraph()
    {
        const int n = m_flow->nodeCount();
        m_flow->m_topoOrder = topologicalOrder(m_flow->m_graph);
        if (m_flow->m_topoOrder.size() == n) {
            m_flow->m_topoPos.assign(static_cast<size_t>(n), 0);
            for (int pos = 0; pos < n; ++pos)
                m_flow->m_topoPos[static_cast<size_t>(m_flow->m_topoOrder[pos])] = pos;
            return;
        }
        m_hasCycle = true;
        const QList<QList<int>> cycles = findCycles(m_flow->m_graph, kMaxReportedCycles);
        for (const QList<int> &cycle : cycles) {
            QStringList ids;
            for (int index : cycle)
                ids.append(m_flow->node(index).id);
            FlowProblem &p = add(problem::Cycle,
                                 QStringLiteral("the flow has a cycle: %1 -> %2")
                                     .arg(ids.join(QStringLiteral(" -> ")), ids.first()),
                                 ids.first());
            p.extra.insert(QStringLiteral("nodes"), QJsonArray::fromStringList(ids));
        }
    }

    void checkNodes()
    {
        auto parentsOf = [this](int i) { return m_flow->m_graph.parents.of(i); };
        AncestorSearch<decltype(parentsOf)> ancestors(m_flow->nodeCount(), parentsOf,
                                                      m_hasCycle ? nullptr : &m_flow->m_topoPos);
        // A guess (most nodes map an input or two) rather than a count: a
        // counting pass would read every node's mappings object once more,
        // and those reads are cache misses.
        m_flow->m_inputs.reserve(m_defIndex.size() * 2);
        m_flow->m_inputOffsets.reserve(m_defIndex.size() + 1);
        for (int i = 0; i < m_flow->nodeCount(); ++i) {
            const CompiledNode &node = m_flow->m_nodes[static_cast<size_t>(i)];
            checkConfig(node);
            checkBuiltinExpressions(node);
            const NodeDef &def = m_def.nodes[m_defIndex[static_cast<size_t>(i)]];
            const QJsonObject &mappings = def.inputMappings;
            const qsizetype mappingsSize = mappings.size();
            // The port each mapping feeds, by position in the object, and
            // which ports are mapped (unparsable mappings included: those
            // are reported as such, not also as missing). Ports are looked
            // up by name, which needs no copy of a key; only names that are
            // not ports are read out of the object.
            QVarLengthArray<const PortDef *, 8> portAt(mappingsSize, nullptr);
            QVarLengthArray<bool, 8> portMapped;
            if (node.interface && mappingsSize > 0) {
                // A QCborMap view shares the object's data; its linear
                // search of a few keys is much cheaper than QJsonObject's.
                const QCborMap view = QCborMap::fromJsonObject(mappings);
                for (const PortDef &port : node.interface->inputs) {
                    const auto found = view.constFind(port.name);
                    portMapped.append(found != view.constEnd());
                    // A later port of the same name does not replace the
                    // first, as ComponentInterface::input() returns the first.
                    const qsizetype at = found - view.constBegin();
                    if (portMapped.last() && !portAt[at])
                        portAt[at] = &port;
                }
            }
            auto it = mappings.constBegin();
            for (qsizetype k = 0; k < mappingsSize; ++k, ++it) {
                const PortDef *port = portAt[k];
                checkMapping(i, node, port ? port->name : it.key(), port, it.value(), ancestors);
            }
            m_flow->m_inputOffsets.push_back(m_flow->m_inputs.size());
            if (node.interface) {
                const QList<PortDef> &ports = node.interface->inputs;
                for (qsizetype p = 0; p < ports.size(); ++p) {
                    const PortDef &port = ports[p];
                    const bool mapped = !portMapped.isEmpty() && portMapped[p];
                    if (port.required && !port.defaultValue && !mapped) {
                        add(problem::MissingRequiredInput,
                            QStringLiteral("node \"%1\": required input \"%2\" has no mapping "
                                           "and no default")
                                .arg(node.id, port.name),
                            node.id)
                            .extra.insert(QStringLiteral("input"), port.name);
                    }
                }
            }
        }
    }

    void checkConfig(const CompiledNode &node)
    {
        if (!node.interface || node.interface->configSchema.isEmpty())
            return;
        const ComponentInterface *key = node.interface.get();
        auto cached = m_validators.find(key);
        if (cached == m_validators.end()) {
            auto created = ConfigSchemaValidator::cached(node.interface->configSchema);
            if (!created) {
                // Once per component: the schema is the catalogue's fault.
                add(problem::InvalidConfigSchema,
                    QStringLiteral("the config schema of %1 %2 is unusable: %3")
                        .arg(key->name, key->version, created.error().message),
                    node.id)
                    .extra.insert(QStringLiteral("component"), key->name);
            }
            cached = m_validators.insert(key, SchemaCheck{created ? created.value() : nullptr, {}});
        }
        SchemaCheck &check = *cached;
        if (!check.validator)
            return;
        // Nodes of one component often share a config ({"timeout": 30});
        // equal configs (QJsonObject ==, which is all the validator sees)
        // get equal answers, so each distinct config is validated once.
        auto seen = check.seen.constFind(node.config);
        if (seen == check.seen.cend())
            seen = check.seen.insert(node.config, check.validator->validate(node.config));
        for (const auto &v : *seen) {
            FlowProblem &p =
                add(problem::InvalidConfig,
                    QStringLiteral("node \"%1\": %2: %3").arg(node.id, v.path, v.message), node.id);
            p.extra.insert(QStringLiteral("path"), v.path);
        }
    }

    // The built-ins' config expressions, parsed as their executors parse
    // them when the node runs: one that fails there fails every run, so it
    // is reported here. Only for nodes whose component is known (an
    // unknown one is already a problem, and may not be the built-in).
    void checkBuiltinExpressions(const CompiledNode &node)
    {
        if (node.interface)
            m_problems.append(builtinExpressionProblems(node.id, node.component, node.config));
    }

    // `port` is the input the mapping feeds, null when the component has no
    // input of that name.
    template <typename Search>
    void checkMapping(int index, const CompiledNode &node, const QString &input,
                      const PortDef *port, const QJsonValue &value, Search &ancestors)
    {
        auto report = [&](QLatin1StringView code, const QString &message) -> FlowProblem & {
            FlowProblem &p = add(
                code, QStringLiteral("node \"%1\" input \"%2\": %3").arg(node.id, input, message),
                node.id);
            p.extra.insert(QStringLiteral("input"), input);
            return p;
        };
        // Parsed straight into its binding; dropped again if it fails.
        std::vector<InputBinding> &inputs = m_flow->m_inputs;
        inputs.push_back(InputBinding{input, {}});
        if (const std::optional<Error> error =
                parseMappingInto(value, inputs.back().mapping, &m_names)) {
            inputs.pop_back();
            report(problem::InvalidMapping, error->message);
            return;
        }
        const Mapping &m = inputs.back().mapping;
        // A component that declares no inputs takes any (log, transform).
        if (node.interface && !port && !node.interface->inputs.isEmpty())
            report(problem::UnknownInput,
                   QStringLiteral("%1 has no such input").arg(node.interface->name));

        if (m.kind == Mapping::Kind::NodeOutput) {
            const int ref = nodeIndex(m.nodeId);
            if (ref < 0) {
                report(
                    problem::MappingUnknownNode,
                    QStringLiteral("%1 refers to unknown node \"%2\"").arg(m.toString(), m.nodeId))
                    .extra.insert(QStringLiteral("ref"), m.nodeId);
            } else if (!ancestors.isAncestor(ref, index)) {
                report(problem::MappingNotAncestor,
                       QStringLiteral("%1 refers to \"%2\", which does not run before it")
                           .arg(m.toString(), m.nodeId))
                    .extra.insert(QStringLiteral("ref"), m.nodeId);
            } else if (const auto &refIface = m_flow->node(ref).interface;
                       refIface && !m.output.isEmpty() && !refIface->outputs.isEmpty() &&
                       !refIface->output(m.output)) {
                FlowProblem &p = report(problem::MappingUnknownOutput,
                                        QStringLiteral("%1: %2 has no output \"%3\"")
                                            .arg(m.toString(), refIface->name, m.output));
                p.extra.insert(QStringLiteral("ref"), m.nodeId);
                p.extra.insert(QStringLiteral("output"), m.output);
            }
        } else if (m.kind == Mapping::Kind::Literal && port &&
                   !valueMatchesPortType(m.literal, port->type)) {
            FlowProblem &p = report(problem::MappingTypeMismatch,
                                    QStringLiteral("literal is %1, input wants %2")
                                        .arg(jsonTypeName(m.literal), portTypeName(port->type)));
            p.extra.insert(QStringLiteral("expected"), portTypeName(port->type));
            p.extra.insert(QStringLiteral("actual"), jsonTypeName(m.literal));
        }
    }

    void finish()
    {
        for (int i = 0; i < m_flow->nodeCount(); ++i) {
            CompiledNode &node = m_flow->m_nodes[static_cast<size_t>(i)];
            node.inDegree = static_cast<int>(m_flow->dependencies(i).size());
            if (node.inDegree == 0)
                m_flow->m_roots.append(i);
            if (m_flow->dependents(i).empty())
                m_flow->m_leaves.append(i);
        }
        m_flow->m_definition = m_def;
        m_flow->m_settings = m_settings;
    }

    const FlowDefinition &m_def;
    const FlowSettings &m_settings;
    const ComponentCatalog &m_catalog;
    std::shared_ptr<CompiledFlow> m_flow;
    CompileNames m_names{*m_flow};
    AddressIndex m_byAddress;
    FlowProblems m_problems;
    bool m_hasCycle = false;
    std::vector<qsizetype> m_defIndex; // compiled index -> index in m_def.nodes
    QHash<const ComponentInterface *, std::shared_ptr<const ComponentInterface>> m_interfaces;
    struct Known
    {
        QString component;
        QString version;
        std::shared_ptr<const ComponentInterface> interface;
        bool perNode = false;
    };
    static constexpr qsizetype kKnownLimit = 16;
    // Per-node interfaces (ports that follow the config) by base interface
    // and config: nodes with equal configs share one, and one question.
    struct NodeInterface
    {
        std::shared_ptr<const ComponentInterface> interface; // null: error
        QString error;
    };
    QHash<const ComponentInterface *, QHash<QJsonObject, NodeInterface>> m_nodeInterfaces;
    QVarLengthArray<Known, kKnownLimit> m_known;
    struct SchemaCheck
    {
        std::shared_ptr<const ConfigSchemaValidator> validator; // null: unusable schema
        QHash<QJsonObject, QList<ConfigSchemaValidator::Violation>> seen;
    };
    QHash<const ComponentInterface *, SchemaCheck> m_validators;
};

Result<CompiledFlowPtr> compile(const FlowDefinition &definition, const FlowSettings &settings,
                                const ComponentCatalog &catalog)
{
    return FlowCompiler(definition, settings, catalog).run();
}

Result<CompiledFlowPtr> compileJson(const QJsonObject &definition, const QJsonObject &settings,
                                    const ComponentCatalog &catalog)
{
    Result<FlowDefinition> def = FlowDefinition::fromJson(definition);
    Result<FlowSettings> set = FlowSettings::fromJson(settings);
    if (def && set)
        return compile(def.value(), set.value(), catalog);
    FlowProblems problems;
    if (!set)
        problems.append(problemsFromError(set.error()));
    if (!def) {
        problems.append(problemsFromError(def.error()));
    } else {
        // Bad settings should not hide graph problems: check the graph with
        // default settings (always valid) and report both.
        const Result<CompiledFlowPtr> graph = compile(def.value(), FlowSettings{}, catalog);
        if (!graph)
            problems.append(problemsFromError(graph.error()));
    }
    return problemsError(problems);
}

} // namespace hm::flow
