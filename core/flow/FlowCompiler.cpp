#include "flow/FlowCompiler.h"

#include "common/Logging.h"
#include "flow/ConfigSchemaValidator.h"
#include "flow/FlowGraph.h"
#include "flow/FlowProblem.h"
#include "flow/JsonRead.h"

#include <QJsonArray>
#include <QSet>
#include <QVarLengthArray>

namespace hm::flow {

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
            qCDebug(lcEngine) << "flow definition rejected with" << m_problems.size() << "problems";
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
        m_flow->m_nodes.reserve(static_cast<size_t>(m_def.nodes.size()));
        m_flow->m_indexById.reserve(m_def.nodes.size());
        for (qsizetype i = 0; i < m_def.nodes.size(); ++i) {
            const NodeDef &def = m_def.nodes[i];
            if (def.id.isEmpty()) {
                const QString path = QStringLiteral("nodes[%1].id").arg(i);
                add(problem::InvalidShape, path + QStringLiteral(": must not be empty"))
                    .extra.insert(QStringLiteral("path"), path);
                continue;
            }
            if (m_flow->m_indexById.contains(def.id)) {
                add(problem::DuplicateNodeId,
                    QStringLiteral("node id \"%1\" is used more than once").arg(def.id), def.id);
                continue;
            }
            m_flow->m_indexById.insert(def.id, static_cast<int>(m_flow->m_nodes.size()));
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

    // The catalogue's interface, copied once per component version so the
    // CompiledFlow never points into a catalogue that may change.
    std::shared_ptr<const ComponentInterface> lookUp(const NodeDef &def)
    {
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
        return copy;
    }

    void indexEdges()
    {
        std::vector<std::pair<int, int>> links;
        links.reserve(static_cast<size_t>(m_def.edges.size()));
        m_flow->m_edges.reserve(static_cast<size_t>(m_def.edges.size()));
        QSet<QString> edgeIds;
        edgeIds.reserve(m_def.edges.size());
        for (const EdgeDef &def : m_def.edges) {
            if (def.id.isEmpty()) {
                add(problem::InvalidShape, QStringLiteral("an edge from \"%1\" to \"%2\" has no id")
                                               .arg(def.source, def.target))
                    .extra.insert(QStringLiteral("path"), QStringLiteral("edges"));
                continue;
            }
            const qsizetype known = edgeIds.size();
            edgeIds.insert(def.id);
            if (edgeIds.size() == known) {
                add(problem::DuplicateEdgeId,
                    QStringLiteral("edge id \"%1\" is used more than once").arg(def.id), {},
                    def.id);
                continue;
            }
            const int source = m_flow->indexOf(def.source);
            const int target = m_flow->indexOf(def.target);
            bool endpointsKnown = true;
            for (const auto &[index, id, end] :
                 {std::tuple{source, def.source, QStringLiteral("source")},
                  std::tuple{target, def.target, QStringLiteral("target")}}) {
                if (index >= 0)
                    continue;
                endpointsKnown = false;
                add(problem::UnknownEdgeNode,
                    QStringLiteral("edge \"%1\" %2 \"%3\" is not a node of this flow")
                        .arg(def.id, end, id),
                    id, def.id)
                    .extra.insert(QStringLiteral("end"), end);
            }
            if (!endpointsKnown)
                continue;
            checkHandles(def, source, target);
            m_flow->m_edges.push_back(CompiledEdge{
                def.id, source, target, def.effectiveSourceHandle(), def.effectiveTargetHandle()});
            links.emplace_back(source, target);
        }
        m_flow->m_graph = Digraph::fromEdges(m_flow->nodeCount(), std::move(links));
        indexEdgeLists();
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
        if (const auto &iface = m_flow->node(source).interface) {
            const QString handle = def.effectiveSourceHandle();
            if (!iface->outputHandles.contains(handle)) {
                FlowProblem &p =
                    add(problem::UnknownSourceHandle,
                        QStringLiteral("edge \"%1\" leaves \"%2\" from handle \"%3\"; %4 has %5")
                            .arg(def.id, def.source, handle, iface->name,
                                 iface->outputHandles.join(QStringLiteral(", "))),
                        def.source, def.id);
                p.extra.insert(QStringLiteral("handle"), handle);
            }
        }
        if (const auto &iface = m_flow->node(target).interface) {
            const QString handle = def.effectiveTargetHandle();
            if (handle != kDefaultHandle && !iface->input(handle)) {
                FlowProblem &p =
                    add(problem::UnknownTargetHandle,
                        QStringLiteral("edge \"%1\" enters \"%2\" at handle \"%3\", which is "
                                       "neither \"default\" nor an input of %4")
                            .arg(def.id, def.target, handle, iface->name),
                        def.target, def.id);
                p.extra.insert(QStringLiteral("handle"), handle);
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
        for (int i = 0; i < m_flow->nodeCount(); ++i) {
            const CompiledNode &node = m_flow->m_nodes[static_cast<size_t>(i)];
            checkConfig(node);
            const NodeDef &def = m_def.nodes[m_defIndex[static_cast<size_t>(i)]];
            // Mapped input names, unparsable mappings included: those are
            // reported as such, not also as missing.
            QVarLengthArray<QString, 8> mapped;
            for (auto it = def.inputMappings.constBegin(); it != def.inputMappings.constEnd();
                 ++it) {
                mapped.append(it.key());
                checkMapping(i, node, mapped.last(), it.value(), ancestors);
            }
            m_flow->m_inputOffsets.push_back(m_flow->m_inputs.size());
            if (node.interface) {
                for (const PortDef &port : node.interface->inputs) {
                    if (port.required && !port.defaultValue && !mapped.contains(port.name)) {
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
        auto cached = m_validators.constFind(key);
        if (cached == m_validators.cend()) {
            auto created = ConfigSchemaValidator::create(node.interface->configSchema);
            if (!created) {
                // Once per component: the schema is the catalogue's fault.
                add(problem::InvalidConfigSchema,
                    QStringLiteral("the config schema of %1 %2 is unusable: %3")
                        .arg(key->name, key->version, created.error().message),
                    node.id)
                    .extra.insert(QStringLiteral("component"), key->name);
            }
            cached = m_validators.insert(key, created ? created.value() : nullptr);
        }
        if (!*cached)
            return;
        for (const auto &v : (*cached)->validate(node.config)) {
            FlowProblem &p =
                add(problem::InvalidConfig,
                    QStringLiteral("node \"%1\": %2: %3").arg(node.id, v.path, v.message), node.id);
            p.extra.insert(QStringLiteral("path"), v.path);
        }
    }

    template <typename Search>
    void checkMapping(int index, const CompiledNode &node, const QString &input,
                      const QJsonValue &value, Search &ancestors)
    {
        auto report = [&](QLatin1StringView code, const QString &message) -> FlowProblem & {
            FlowProblem &p = add(
                code, QStringLiteral("node \"%1\" input \"%2\": %3").arg(node.id, input, message),
                node.id);
            p.extra.insert(QStringLiteral("input"), input);
            return p;
        };
        Result<Mapping> parsed = parseMapping(value);
        if (!parsed) {
            report(problem::InvalidMapping, parsed.error().message);
            return;
        }
        const Mapping &m = parsed.value();
        const PortDef *port = node.interface ? node.interface->input(input) : nullptr;
        // A component that declares no inputs takes any (log, transform).
        if (node.interface && !port && !node.interface->inputs.isEmpty())
            report(problem::UnknownInput,
                   QStringLiteral("%1 has no such input").arg(node.interface->name));

        if (m.kind == Mapping::Kind::NodeOutput) {
            const int ref = m_flow->indexOf(m.nodeId);
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
        m_flow->m_inputs.push_back(InputBinding{input, std::move(parsed).value()});
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
    FlowProblems m_problems;
    bool m_hasCycle = false;
    std::vector<qsizetype> m_defIndex; // compiled index -> index in m_def.nodes
    QHash<const ComponentInterface *, std::shared_ptr<const ComponentInterface>> m_interfaces;
    QHash<const ComponentInterface *, std::shared_ptr<const ConfigSchemaValidator>> m_validators;
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
