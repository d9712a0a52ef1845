#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace hm::app {

// Copy and paste of flow nodes. A fragment is a flow definition of its own:
//   {"format": "hivemind-flow-fragment", "schemaVersion": 1,
//    "nodes": [...as stored...], "edges": [...among those nodes...]}
// so a fragment pasted into a file is a valid definition, and a whole
// definition pasted into the editor is a valid fragment.
inline const QString kFragmentMimeType =
    QStringLiteral("application/x-hivemind-flow-fragment+json");
inline const QString kFragmentFormat = QStringLiteral("hivemind-flow-fragment");

struct FlowFragment
{
    QList<QJsonObject> nodes;
    QList<QJsonObject> edges;
};

// Compact fragment text of these node and edge objects.
QByteArray fragmentText(const FlowFragment &fragment);

// Reads fragment text and checks it: JSON syntax, the definition's shape
// (flow::FlowDefinition's rules), at least one node, unique node ids, edges
// only among the fragment's nodes, no cycle. The error message is
// translated and says what is wrong.
Result<FlowFragment> readFragment(const QByteArray &text);

// A mapping value with its node reference renamed when it names a node in
// `renamed` ("$.nodes.<old>.output..." and {"$ref":"node:<old>:output:..."}),
// the rest of the expression kept as written; any other value unchanged.
QJsonValue renameNodeReference(const QJsonValue &mapping, const QHash<QString, QString> &renamed);

} // namespace hm::app
