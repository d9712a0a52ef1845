#pragma once

// The answer to POST /flows/{id}/trigger?wait=true: where the execution
// stands (status, error, leaf outputs) plus which flow version ran and
// whether the wait timed out.
//
// It is the hot path of trigger-and-wait, so the body is written as text
// directly (waitReplyBody) rather than built as QJsonObjects and
// serialised: a QJsonObject insert costs about as much as writing the whole
// answer. waitReplyJson is the reference it is held against
// (TestWaitOutcome): the same bytes for every input.

#include "common/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace hm::engine {
struct Execution;
}

namespace hm::server {

struct WaitOutcome
{
    QString executionId;
    QString status;
    QJsonObject outputs; // leaf node id -> outputs
    Error error;         // reported unless it is the default (InternalError, no message)

    bool isEmpty() const { return executionId.isEmpty(); }
    bool reportsError() const
    {
        return error.code != ErrorCode::InternalError || !error.message.isEmpty();
    }
};

// From the engine's state (engine thread): the status so far and the leaf
// outputs there are.
WaitOutcome waitOutcomeOf(const engine::Execution &exec);

// The whole response body: {"data":{...},"success":true}, compact, keys in
// QJsonObject's order.
QByteArray waitReplyBody(const WaitOutcome &outcome, const QString &flowId,
                         const QString &flowVersion, bool timedOut);

// The reference: successEnvelope() of the answer's data object.
QJsonObject waitReplyJson(const WaitOutcome &outcome, const QString &flowId,
                          const QString &flowVersion, bool timedOut);

} // namespace hm::server
