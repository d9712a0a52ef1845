#pragma once

#include "common/Result.h"
#include "flow/CompiledFlow.h"
#include "flow/ComponentCatalog.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"

#include <QJsonObject>

namespace hm::flow {

// At most this many CYCLE problems are listed; a tangle has more cycles than
// anyone will read.
inline constexpr int kMaxReportedCycles = 10;

// Checks a definition and its settings against the catalogue and builds the
// CompiledFlow the engine runs. On failure returns INVALID_FLOW_DEFINITION
// whose details.problems lists every problem found (see FlowProblem.h for
// the codes), not just the first. Done once per flow version.
//
// Incoming edges do not satisfy inputs: an edge orders nodes, a mapping
// moves data, and a required input needs a mapping or a default.
Result<CompiledFlowPtr> compile(const FlowDefinition &definition, const FlowSettings &settings,
                                const ComponentCatalog &catalog);

// Parses both documents and compiles, reporting shape problems of the
// definition and of the settings in one list. What the API layer calls.
Result<CompiledFlowPtr> compileJson(const QJsonObject &definition, const QJsonObject &settings,
                                    const ComponentCatalog &catalog);

} // namespace hm::flow
