#pragma once

#include "flow/FlowDefinition.h"

#include <QByteArrayView>
#include <optional>

namespace hm::flow {

// Reads definition JSON text straight into a FlowDefinition, without first
// building a QJsonDocument of the whole text: Qt's reader makes a container
// per node, edge and position, which for a 10,000-node flow costs more than
// compiling it. Only the nodes' config and inputMappings objects, which
// must end up as QJsonObjects, go through Qt's reader, in one batch and each
// distinct text once.
//
// The result is what FlowDefinition::fromJson(QJsonDocument::fromJson(text)
// .object()) would give. It is nullopt whenever the text is not a plainly
// well-formed definition with every field of the right type: bad syntax,
// wrong types, duplicate or escaped keys, escapes or control characters in
// ids, numbers out of range, deep nesting. The caller then takes the
// QJsonDocument path, which reports the problems (or accepts the quirk)
// exactly as before.
std::optional<FlowDefinition> readDefinitionText(QByteArrayView text);

} // namespace hm::flow
