#include "server/services/engine/WaitOutcome.h"

#include "common/JsonText.h"
#include "engine/ExecutionState.h"
#include "server/api/ApiEnvelope.h"

namespace hm::server {

WaitOutcome waitOutcomeOf(const engine::Execution &exec)
{
    WaitOutcome outcome{exec.id, engine::executionStatusName(exec.status), {}, exec.error};
    if (exec.flow) {
        for (int leaf : exec.flow->leaves())
            outcome.outputs.insert(exec.flow->node(leaf).id, size_t(leaf) < exec.nodes.size()
                                                                 ? exec.nodes[size_t(leaf)].outputs
                                                                 : QJsonObject());
    }
    return outcome;
}

QByteArray waitReplyBody(const WaitOutcome &outcome, const QString &flowId,
                         const QString &flowVersion, bool timedOut)
{
    // Keys in the order QJsonObject keeps them (sorted): error,
    // execution_id, flow_id, flow_version, outputs, status, timed_out.
    QString text;
    text.reserve(256);
    text += u"{\"data\":{";
    if (outcome.reportsError()) {
        text += u"\"error\":{\"code\":";
        json::appendString(text, outcome.error.codeName());
        text += u",\"message\":";
        json::appendString(text, outcome.error.message);
        text += u"},";
    }
    text += u"\"execution_id\":";
    json::appendString(text, outcome.executionId);
    text += u",\"flow_id\":";
    json::appendString(text, flowId);
    text += u",\"flow_version\":";
    json::appendString(text, flowVersion);
    text += u",\"outputs\":";
    json::appendCompact(text, outcome.outputs);
    text += u",\"status\":";
    json::appendString(text, outcome.status);
    text += timedOut ? u",\"timed_out\":true},\"success\":true}"
                     : u",\"timed_out\":false},\"success\":true}";
    return text.toUtf8();
}

QJsonObject waitReplyJson(const WaitOutcome &outcome, const QString &flowId,
                          const QString &flowVersion, bool timedOut)
{
    QJsonObject data{{QStringLiteral("execution_id"), outcome.executionId},
                     {QStringLiteral("status"), outcome.status},
                     {QStringLiteral("outputs"), outcome.outputs},
                     {QStringLiteral("flow_id"), flowId},
                     {QStringLiteral("flow_version"), flowVersion},
                     {QStringLiteral("timed_out"), timedOut}};
    if (outcome.reportsError())
        data.insert(QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), outcome.error.codeName()},
                                {QStringLiteral("message"), outcome.error.message}});
    return successEnvelope(data);
}

} // namespace hm::server
