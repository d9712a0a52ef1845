#pragma once

#include "flow/PortType.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::app {

class FlowGraphModel;
struct FlowPort;

// How the input-mapping editor shows and reads mappings (docs/flow-model.md,
// "Mapping language"), and what it offers to complete. No widgets.
class MappingText
{
    Q_DECLARE_TR_FUNCTIONS(hm::app::MappingText)

public:
    // The text a mapping is edited as: expressions ("$.trigger.x") and other
    // strings as they are, other literals as compact JSON. A string that
    // would read back as something else ("42", "true", "{…}") is shown
    // quoted, so text and value always round-trip.
    static QString toText(const QJsonValue &mapping);

    struct Parsed
    {
        QJsonValue value; // undefined: no mapping (empty text)
        QString error;    // translated; set when the text is not applied
    };
    // The value of edited text: empty removes the mapping; "$." starts an
    // expression, which must parse; JSON (numbers, true/false/null, "…",
    // {…}, […], {"$ref": …}) is that value; anything else is a string
    // literal. Text that begins like JSON ({ [ ") but is not is refused
    // rather than taken as text.
    static Parsed fromText(const QString &text);

    // What completing a mapping of `input` on `nodeId` offers, sorted:
    // the `$.trigger…` expressions other mappings of the flow use, and
    // `$.nodes.<id>.output.<name>` for each declared output of every node
    // upstream of `nodeId` (`$.nodes.<id>.output` for one that declares
    // none).
    static QStringList completions(const FlowGraphModel &model, const QString &nodeId,
                                   const QString &input);
    // The nodes that run before `nodeId` (its ancestors along the edges), in
    // definition order.
    static QStringList upstreamNodes(const FlowGraphModel &model, const QString &nodeId);
    // "$.nodes.fetch.output.body", with ["…"] for ids a plain path cannot hold.
    static QString outputExpression(const QString &nodeId, const QString &output = {});

    // Where a mapping's value comes from, in words, and its type when that
    // is known before the flow runs.
    struct Source
    {
        QString text;                       // translated
        std::optional<flow::PortType> type; // known type of the value
        bool literal = false;
        bool mismatch = false; // the type cannot feed the input
    };
    static Source describe(const FlowGraphModel &model, const QJsonValue &mapping,
                           const FlowPort &port);
};

} // namespace hm::app
