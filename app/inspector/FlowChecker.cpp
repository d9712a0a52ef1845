#include "inspector/FlowChecker.h"

#include "flow/FlowCompiler.h"
#include "flow/FlowProblem.h"
#include "flow/Mapping.h"
#include "flowgraph/FlowGraphModel.h"

#include <QSet>

namespace hm::app {

FlowChecker::FlowChecker(FlowGraphModel *model, QObject *parent) : QObject(parent), m_model(model)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &FlowChecker::checkNow);
    // Positions do not change what is valid.
    connect(model, &FlowGraphModel::nodeCreated, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::nodeDeleted, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::nodeUpdated, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::connectionCreated, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::connectionDeleted, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::settingsChanged, this, &FlowChecker::onDefinitionChanged);
    connect(model, &FlowGraphModel::modelReset, this, &FlowChecker::onDefinitionChanged);
    checkNow();
}

void FlowChecker::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void FlowChecker::onDefinitionChanged()
{
    m_server.clear();
    schedule();
}

QJsonObject FlowChecker::configSchemaOf(const QString &nodeId) const
{
    const FlowNode *node = m_model->node(nodeId);
    if (!node)
        return {};
    const flow::ComponentInterface *iface =
        m_model->catalogue().forNode(node->component, node->version, node->config);
    return iface ? iface->configSchema : QJsonObject();
}

QList<EditorProblem> FlowChecker::localProblems() const
{
    QList<EditorProblem> out;
    const bool catalogueKnown = !m_model->catalogue().isEmpty();
    auto compiled =
        flow::compileJson(m_model->definition(), m_model->settings(), m_model->catalogue());
    if (!compiled) {
        for (const flow::FlowProblem &fp : flow::problemsFromError(compiled.error())) {
            // Before the catalogue has come every node's component is
            // "unknown": that says nothing about the flow.
            if (!catalogueKnown && (fp.code == flow::problem::UnknownComponent ||
                                    fp.code == flow::problem::UnknownComponentVersion))
                continue;
            out.append(ProblemText::fromJson(fp.toJson(), EditorProblem::Origin::Editor,
                                             configSchemaOf(fp.node)));
        }
    }

    // A mapping that reads a declared output of a type the input does not
    // take: compile() checks literals only, the engine checks the rest when
    // it runs; the editor knows both interfaces, so it says so now.
    for (const QString &nodeId : m_model->nodeIds()) {
        const FlowNode *node = m_model->node(nodeId);
        const flow::ComponentInterface *iface =
            m_model->catalogue().forNode(node->component, node->version, node->config);
        if (!iface)
            continue;
        for (const flow::PortDef &port : iface->inputs) {
            const QJsonValue value = node->inputMappings.value(port.name);
            if (value.isUndefined())
                continue;
            auto mapping = flow::parseMapping(value);
            if (!mapping || mapping->kind != flow::Mapping::Kind::NodeOutput ||
                mapping->output.isEmpty() || !mapping->path.isEmpty())
                continue;
            const FlowNode *source = m_model->node(mapping->nodeId);
            if (!source)
                continue;
            const flow::ComponentInterface *sourceIface =
                m_model->catalogue().forNode(source->component, source->version, source->config);
            const flow::PortDef *output =
                sourceIface ? sourceIface->output(mapping->output) : nullptr;
            if (!output || portTypeFeeds(output->type, port.type))
                continue;
            QJsonObject json{
                {QStringLiteral("code"), QString(flow::problem::MappingTypeMismatch)},
                {QStringLiteral("node"), nodeId},
                {QStringLiteral("input"), port.name},
                {QStringLiteral("ref"), mapping->nodeId},
                {QStringLiteral("output"), mapping->output},
                {QStringLiteral("expected"), flow::portTypeName(port.type)},
                {QStringLiteral("actual"), flow::portTypeName(output->type)},
                {QStringLiteral("severity"), QStringLiteral("warning")},
                {QStringLiteral("message"),
                 QStringLiteral("output \"%1\" of \"%2\" is %3, input wants %4")
                     .arg(mapping->output, mapping->nodeId, flow::portTypeName(output->type),
                          flow::portTypeName(port.type))}};
            out.append(ProblemText::fromJson(json, EditorProblem::Origin::Editor));
        }
    }
    return out;
}

void FlowChecker::checkNow()
{
    m_timer.stop();
    m_local = localProblems();
    merge();
}

void FlowChecker::merge()
{
    QList<EditorProblem> all = m_local;
    QSet<QString> seen;
    for (const EditorProblem &p : std::as_const(m_local))
        seen.insert(p.key());
    for (const EditorProblem &p : std::as_const(m_server)) {
        if (!seen.contains(p.key()))
            all.append(p);
        seen.insert(p.key());
    }
    if (all == m_problems)
        return;
    m_problems = all;
    emit problemsChanged();
}

QList<EditorProblem> FlowChecker::problemsOf(const QString &nodeId) const
{
    QList<EditorProblem> out;
    for (const EditorProblem &p : m_problems) {
        if (p.node == nodeId)
            out.append(p);
    }
    return out;
}

int FlowChecker::errorCount() const
{
    int n = 0;
    for (const EditorProblem &p : m_problems)
        n += p.severity == EditorProblem::Severity::Error ? 1 : 0;
    return n;
}

int FlowChecker::warningCount() const
{
    return static_cast<int>(m_problems.size()) - errorCount();
}

void FlowChecker::setServerProblems(const QJsonValue &details)
{
    // A check still due would drop what is about to be set: run it first.
    if (m_timer.isActive())
        checkNow();
    m_server.clear();
    for (const QJsonValue v : ProblemText::problemArray(details)) {
        const QJsonObject json = v.toObject();
        m_server.append(
            ProblemText::fromJson(json, EditorProblem::Origin::Server,
                                  configSchemaOf(json.value(QStringLiteral("node")).toString())));
    }
    merge();
}

void FlowChecker::clearServerProblems()
{
    if (m_server.isEmpty())
        return;
    m_server.clear();
    merge();
}

} // namespace hm::app

namespace hm::app {

void FlowChecker::retranslate()
{
    for (EditorProblem &p : m_server)
        p = ProblemText::fromJson(p.details, EditorProblem::Origin::Server, configSchemaOf(p.node));
    checkNow();
}

} // namespace hm::app
