#pragma once

// What a flow's draft may hold, and what publishing and running need
// (seed 003 §4.2: drafts and published versions are kept apart). A draft
// is stored with its problems so unfinished work is never lost; only
// publish and trigger refuse a definition with problems.
//
//   refused outright  the body is not what a definition can be stored as:
//                     `definition` not an object, a shape FlowDefinition
//                     cannot represent (INVALID_SHAPE, a newer
//                     schemaVersion), or settings FlowSettings cannot hold
//                     (INVALID_SETTING): INVALID_FLOW_DEFINITION or
//                     VALIDATION_ERROR, nothing stored;
//   stored            everything compile() finds on a well-formed
//                     definition (unknown components, missing required
//                     inputs or config, bad mappings, cycles, unknown edge
//                     ends ...): the draft is saved and its problems are
//                     answered with it.
//
// The problems are those of compile() against the engine's current
// components, derived from the stored definition whenever they are asked
// for, so a component installed later clears them and one removed later
// shows up, exactly as publish and trigger would see it.

#include "common/Result.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hm::flow {
class ComponentCatalog;
}

namespace hm::server::flowdrafts {

struct Draft
{
    flow::FlowDefinition definition;
    flow::FlowSettings settings;
    // compile()'s problems, each {code, message, node?, edge?, ...}; empty:
    // the draft can be published.
    QJsonArray problems;
};

// `definition` and optional `settings` of a create or save body.
Result<Draft> parseDraft(const QJsonObject &body, const flow::ComponentCatalog &catalog);

// The problems of a stored definition (empty when it compiles).
QJsonArray problemsOf(const flow::FlowDefinition &definition, const flow::FlowSettings &settings,
                      const flow::ComponentCatalog &catalog);

// INVALID_FLOW_DEFINITION listing `problems` when there are any, for
// publishing `version`: a draft with problems stays a draft.
Status requirePublishable(const QString &version, const QJsonArray &problems);

} // namespace hm::server::flowdrafts
