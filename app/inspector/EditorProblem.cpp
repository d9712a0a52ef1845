#include "inspector/EditorProblem.h"

#include "flow/FlowProblem.h"
#include "inspector/InspectorStyle.h"
#include "inspector/SchemaText.h"

#include <QJsonArray>

namespace hm::app {

EditorProblem::Place EditorProblem::place() const
{
    namespace p = flow::problem;
    if (code == p::InvalidConfig || code == p::InvalidConfigSchema ||
        code == p::InvalidBuiltinExpression)
        return Place::Config;
    if (!input.isEmpty() || code == p::MissingRequiredInput || code == p::UnknownInput ||
        code.startsWith(QLatin1String("MAPPING_")) || code == p::InvalidMapping)
        return Place::Inputs;
    if (code == p::InvalidSetting || !setting.isEmpty())
        return Place::Settings;
    return Place::None;
}

QString EditorProblem::key() const
{
    return QStringList{code, node, edge, input, path, setting}.join(QLatin1Char('\x1f'));
}

EditorProblem ProblemText::fromJson(const QJsonObject &json, EditorProblem::Origin origin,
                                    const QJsonObject &configSchema)
{
    namespace p = flow::problem;
    EditorProblem pr;
    pr.origin = origin;
    pr.details = json;
    pr.code = json.value(QStringLiteral("code")).toString();
    pr.node = json.value(QStringLiteral("node")).toString();
    pr.edge = json.value(QStringLiteral("edge")).toString();
    pr.input = json.value(QStringLiteral("input")).toString();
    pr.setting = json.value(QStringLiteral("setting")).toString();
    if (pr.code == p::InvalidConfig || pr.code == p::InvalidBuiltinExpression)
        pr.path = json.value(QStringLiteral("path")).toString();
    if (json.value(QStringLiteral("severity")).toString() == QLatin1String("warning"))
        pr.severity = EditorProblem::Severity::Warning;

    const QString serverMessage = json.value(QStringLiteral("message")).toString();
    auto str = [&](const char *key) { return json.value(QLatin1String(key)).toString(); };
    const QString &code = pr.code;
    const QString &node = pr.node;
    QString m;
    if (code == p::InvalidShape) {
        m = tr("The flow definition is malformed at %1.").arg(str("path"));
    } else if (code == p::UnsupportedSchemaVersion) {
        m = tr("The flow definition uses schema version %1, which this server cannot read.")
                .arg(json.value(QStringLiteral("schemaVersion")).toInt());
    } else if (code == p::DuplicateNodeId) {
        m = tr("The node id “%1” is used more than once.").arg(node);
    } else if (code == p::DuplicateEdgeId) {
        m = tr("The connection id “%1” is used more than once.").arg(pr.edge);
    } else if (code == p::UnknownEdgeNode) {
        m = tr("Connection “%1” leads to “%2”, which is not a node of this flow.")
                .arg(pr.edge, node);
    } else if (code == p::UnknownSourceHandle) {
        m = tr("Connection “%1” leaves node “%2” from “%3”, which its component does not have.")
                .arg(pr.edge, node, str("handle"));
    } else if (code == p::UnknownTargetHandle) {
        m = tr("Connection “%1” enters node “%2” at “%3”, which is not one of its inputs.")
                .arg(pr.edge, node, str("handle"));
    } else if (code == p::Cycle) {
        QStringList nodes;
        for (const QJsonValue v : json.value(QStringLiteral("nodes")).toArray())
            nodes.append(v.toString());
        if (!nodes.isEmpty())
            nodes.append(nodes.first());
        m = tr("The flow has a cycle: %1.").arg(nodes.join(QStringLiteral(" \u2192 ")));
    } else if (code == p::UnknownComponent) {
        m = tr("Node “%1” uses the component %2, which the server does not know.")
                .arg(node, str("component"));
    } else if (code == p::UnknownComponentVersion) {
        QStringList known;
        for (const QJsonValue v : json.value(QStringLiteral("knownVersions")).toArray())
            known.append(v.toString());
        m = tr("Node “%1” uses version %3 of %2, which does not exist (known versions: %4).")
                .arg(node, str("component"), str("version"), known.join(QStringLiteral(", ")));
    } else if (code == p::MissingRequiredInput) {
        m = tr("Input “%2” of node “%1” is required: map it to a value.").arg(node, pr.input);
    } else if (code == p::UnknownInput) {
        m = tr("Node “%1” maps “%2”, which is not an input of its component.").arg(node, pr.input);
    } else if (code == p::InvalidMapping) {
        m = tr("The mapping of input “%2” of node “%1” cannot be read.").arg(node, pr.input);
    } else if (code == p::MappingUnknownNode) {
        m = tr("Input “%2” of node “%1” reads from “%3”, which is not a node of this flow.")
                .arg(node, pr.input, str("ref"));
    } else if (code == p::MappingNotAncestor) {
        m = tr("Input “%2” of node “%1” reads from node “%3”, which does not run before it: "
               "connect “%3” upstream of “%1”.")
                .arg(node, pr.input, str("ref"));
    } else if (code == p::MappingUnknownOutput) {
        m = tr("Input “%2” of node “%1” reads output “%4” of node “%3”, which its component "
               "does not have.")
                .arg(node, pr.input, str("ref"), str("output"));
    } else if (code == p::MappingTypeMismatch) {
        // Type names as the inspector writes them ("null" stays as it is).
        auto typeName = [&](const char *key) {
            const QString name = str(key);
            const std::optional<flow::PortType> type = flow::portTypeFromName(name);
            return type ? portTypeText(*type) : name;
        };
        m = tr("Input “%2” of node “%1” takes %3, but its mapping gives %4.")
                .arg(node, pr.input, typeName("expected"), typeName("actual"));
    } else if (code == p::InvalidConfig) {
        // compile() writes "node \"x\": <path>: <valijson's message>": the
        // same text SchemaText turns into the inspector's own messages.
        const QString prefix = QStringLiteral("node \"%1\": %2: ")
                                   .arg(node, json.value(QStringLiteral("path")).toString());
        QString detail;
        if (serverMessage.startsWith(prefix)) {
            const QList<ConfigIssue> issues = SchemaText::issues(
                {flow::ConfigSchemaValidator::Violation{pr.path, serverMessage.mid(prefix.size())}},
                configSchema);
            if (!issues.isEmpty()) {
                pr.path = issues.first().path;
                if (issues.first().missingRequired)
                    m = tr("The configuration of node “%1” needs a value for %2.")
                            .arg(node, pr.path);
                else
                    detail = issues.first().message;
            }
        }
        // Without a path: the config names something the server refused
        // as a whole (a service node's endpoint removed from its service):
        // its reason, as the server gave it.
        const QString wholePrefix = QStringLiteral("node \"%1\": ").arg(node);
        if (m.isEmpty() && detail.isEmpty() && pr.path.isEmpty() &&
            serverMessage.startsWith(wholePrefix))
            m = tr("The configuration of node “%1” cannot be used: %2")
                    .arg(node, serverMessage.mid(wholePrefix.size()));
        if (m.isEmpty())
            m = detail.isEmpty()
                    ? tr("The configuration of node “%1” is not valid at %2.").arg(node, pr.path)
                    : tr("The configuration of node “%1” is not valid at %2: %3")
                          .arg(node, pr.path, detail);
    } else if (code == p::InvalidBuiltinExpression) {
        m = tr("The expression “%3” at %2 in the configuration of node “%1” cannot run: "
               "write a value, or read the node's inputs with “$.inputs…”.")
                .arg(node, pr.path, str("expression"));
    } else if (code == p::InvalidConfigSchema) {
        m = tr("The configuration schema of component %1 cannot be used.").arg(str("component"));
    } else if (code == p::InvalidSetting) {
        m = tr("The flow setting %1 is not valid.").arg(pr.setting);
    }
    pr.message = m.isEmpty() ? serverMessage : m;
    return pr;
}

QJsonArray ProblemText::problemArray(const QJsonValue &details)
{
    QJsonValue list = details;
    if (list.isObject()) {
        QJsonObject o = list.toObject();
        if (o.contains(QStringLiteral("error")))
            o = o.value(QStringLiteral("error")).toObject();
        else if (o.contains(QStringLiteral("data")))
            o = o.value(QStringLiteral("data")).toObject();
        if (o.contains(QStringLiteral("details")))
            o = o.value(QStringLiteral("details")).toObject();
        list = o.value(QStringLiteral("problems"));
    }
    return list.toArray();
}

QList<EditorProblem> ProblemText::fromDetails(const QJsonValue &details,
                                              EditorProblem::Origin origin)
{
    QList<EditorProblem> out;
    for (const QJsonValue v : problemArray(details)) {
        if (v.isObject())
            out.append(fromJson(v.toObject(), origin));
    }
    return out;
}

QString ProblemText::severityText(EditorProblem::Severity severity)
{
    return severity == EditorProblem::Severity::Error ? tr("Error") : tr("Warning");
}

QString ProblemText::originText(EditorProblem::Origin origin)
{
    return origin == EditorProblem::Origin::Editor ? tr("Editor") : tr("Server");
}

} // namespace hm::app
