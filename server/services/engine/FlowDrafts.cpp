#include "server/services/engine/FlowDrafts.h"

#include "flow/ComponentCatalog.h"
#include "flow/FlowCompiler.h"
#include "flow/FlowProblem.h"
#include "server/api/AuthCommon.h"

namespace hm::server::flowdrafts {

Result<Draft> parseDraft(const QJsonObject &body, const flow::ComponentCatalog &catalog)
{
    const QJsonValue definition = body.value(QStringLiteral("definition"));
    if (!definition.isObject())
        return auth::fieldError(QStringLiteral("definition"), QStringLiteral("must be an object"));
    const QJsonObject settings = body.value(QStringLiteral("settings")).toObject();
    Result<flow::FlowDefinition> parsed = flow::FlowDefinition::fromJson(definition.toObject());
    Result<flow::FlowSettings> parsedSettings = flow::FlowSettings::fromJson(settings);
    if (!parsed || !parsedSettings) {
        // Not storable: compileJson reports the shape and settings problems
        // together with the graph's, as before drafts kept their problems.
        auto compiled = flow::compileJson(definition.toObject(), settings, catalog);
        return compiled ? Error{ErrorCode::InvalidFlowDefinition,
                                QStringLiteral("invalid flow definition")}
                        : compiled.error();
    }
    Draft draft{parsed.value(), parsedSettings.value(), {}};
    draft.problems = problemsOf(draft.definition, draft.settings, catalog);
    return draft;
}

QJsonArray problemsOf(const flow::FlowDefinition &definition, const flow::FlowSettings &settings,
                      const flow::ComponentCatalog &catalog)
{
    const auto compiled = flow::compile(definition, settings, catalog);
    if (compiled)
        return {};
    QJsonArray problems;
    for (const flow::FlowProblem &p : flow::problemsFromError(compiled.error()))
        problems.append(p.toJson());
    if (problems.isEmpty()) // a failure without a list still keeps the draft off
        problems.append(QJsonObject{{QStringLiteral("code"), errorCodeName(compiled.error().code)},
                                    {QStringLiteral("message"), compiled.error().message}});
    return problems;
}

Status requirePublishable(const QString &version, const QJsonArray &problems)
{
    if (problems.isEmpty())
        return {};
    Error error{ErrorCode::InvalidFlowDefinition,
                QStringLiteral("version %1 is a draft with %2 problem(s) and cannot be published: "
                               "fix them and save a new version")
                    .arg(version)
                    .arg(problems.size()),
                {{QStringLiteral("problems"), problems}, {QStringLiteral("version"), version}}};
    return error;
}

} // namespace hm::server::flowdrafts
