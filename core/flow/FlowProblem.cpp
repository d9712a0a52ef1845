#include "flow/FlowProblem.h"

#include <QJsonArray>

namespace hm::flow {

QJsonObject FlowProblem::toJson() const
{
    QJsonObject json = extra;
    json.insert(QStringLiteral("code"), code);
    json.insert(QStringLiteral("message"), message);
    if (!node.isEmpty())
        json.insert(QStringLiteral("node"), node);
    if (!edge.isEmpty())
        json.insert(QStringLiteral("edge"), edge);
    return json;
}

Error problemsError(const FlowProblems &problems)
{
    QJsonArray list;
    for (const FlowProblem &p : problems)
        list.append(p.toJson());
    QString message;
    if (problems.isEmpty())
        message = QStringLiteral("invalid flow definition");
    else if (problems.size() == 1)
        message = problems.first().message;
    else
        message = problems.first().message +
                  QStringLiteral(" (and %1 more problems)").arg(problems.size() - 1);
    QJsonObject details;
    details.insert(QStringLiteral("problems"), list);
    return Error{ErrorCode::InvalidFlowDefinition, message, details};
}

FlowProblems problemsFromError(const Error &error)
{
    FlowProblems problems;
    const QJsonArray list = error.details.value(QStringLiteral("problems")).toArray();
    for (const QJsonValue &v : list) {
        QJsonObject json = v.toObject();
        FlowProblem p;
        p.code = json.take(QStringLiteral("code")).toString();
        p.message = json.take(QStringLiteral("message")).toString();
        p.node = json.take(QStringLiteral("node")).toString();
        p.edge = json.take(QStringLiteral("edge")).toString();
        p.extra = json;
        problems.append(p);
    }
    return problems;
}

} // namespace hm::flow
