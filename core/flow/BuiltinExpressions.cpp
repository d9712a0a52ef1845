#include "flow/BuiltinExpressions.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hm::flow {

namespace {

const QString kInputsPrefix = QStringLiteral("$.inputs");
const QString kTriggerRoot = QStringLiteral("$.trigger");
const QString kExpressionPrefix = QStringLiteral("$.");

// The text a problem shows for a config value: a string as it is, anything
// else as compact JSON.
QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // Scalars: the one-element array's text without its brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

// What a problem says about a refused value. The executors see the error
// of the "$.trigger" text an "$.inputs" expression is rewritten to; the
// problem speaks of what the author wrote, with the position in it.
QString problemReason(const QJsonValue &value, const Error &error)
{
    const QString rewritten = error.details.value(QStringLiteral("expression")).toString();
    const int position = error.details.value(QStringLiteral("position")).toInt(-1);
    if (!value.isString() || !rewritten.startsWith(kTriggerRoot) || position < 0)
        return error.message;
    const QString prefix =
        QStringLiteral("invalid mapping \"%1\" at position %2: ").arg(rewritten).arg(position);
    if (!error.message.startsWith(prefix))
        return error.message;
    // Past the root: "$.inputs" is one character shorter than "$.trigger".
    return QStringLiteral("invalid expression \"%1\" at position %2: %3")
        .arg(value.toString())
        .arg(position - (kTriggerRoot.size() - kInputsPrefix.size()))
        .arg(error.message.mid(prefix.size()));
}

} // namespace

Result<Mapping> parseInputsExpression(const QJsonValue &value)
{
    if (!value.isString() || !value.toString().startsWith(kExpressionPrefix))
        return parseMapping(value);
    const QString text = value.toString();
    // "$.inputs" itself, or followed by a path step; "$.inputsX" is not it.
    if (!text.startsWith(kInputsPrefix) ||
        (text.size() > kInputsPrefix.size() && text[kInputsPrefix.size()] != u'.' &&
         text[kInputsPrefix.size()] != u'['))
        return Error{ErrorCode::InvalidInputMapping,
                     QStringLiteral("built-in expressions read \"$.inputs...\", not %1").arg(text),
                     {{QStringLiteral("expression"), text}}};
    return parseMapping(QString(kTriggerRoot + text.mid(kInputsPrefix.size())));
}

QList<BuiltinExpression> builtinExpressions(const QString &component, const QJsonObject &config)
{
    QList<BuiltinExpression> expressions;
    if (component == kTransformComponent) {
        const QJsonObject outputs = config.value(QStringLiteral("outputs")).toObject();
        expressions.reserve(outputs.size());
        for (auto it = outputs.begin(); it != outputs.end(); ++it)
            expressions.append({QStringLiteral("outputs.") + it.key(), it.value()});
    } else if (component == kConditionComponent) {
        for (const QString &key : {QStringLiteral("left"), QStringLiteral("right")}) {
            const QJsonValue value = config.value(key);
            if (!value.isUndefined())
                expressions.append({key, value});
        }
    }
    return expressions;
}

FlowProblems builtinExpressionProblems(const QString &nodeId, const QString &component,
                                       const QJsonObject &config)
{
    FlowProblems problems;
    for (const BuiltinExpression &expression : builtinExpressions(component, config)) {
        const Result<Mapping> parsed = parseInputsExpression(expression.value);
        if (parsed)
            continue;
        FlowProblem p;
        p.code = problem::InvalidBuiltinExpression;
        p.message =
            QStringLiteral("node \"%1\" config %2: %3")
                .arg(nodeId, expression.path, problemReason(expression.value, parsed.error()));
        p.node = nodeId;
        p.extra.insert(QStringLiteral("path"), expression.path);
        p.extra.insert(QStringLiteral("expression"), valueText(expression.value));
        problems.append(p);
    }
    return problems;
}

} // namespace hm::flow
