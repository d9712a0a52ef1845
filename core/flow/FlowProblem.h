#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace hm::flow {

// Machine-readable codes of the problems compile() and the fromJson()
// parsers report inside an INVALID_FLOW_DEFINITION error. They are part of
// the API contract (the editor highlights nodes and edges by them), so only
// ever add codes; never rename one.
namespace problem {
inline constexpr QLatin1StringView InvalidShape{"INVALID_SHAPE"};
inline constexpr QLatin1StringView UnsupportedSchemaVersion{"UNSUPPORTED_SCHEMA_VERSION"};
inline constexpr QLatin1StringView DuplicateNodeId{"DUPLICATE_NODE_ID"};
inline constexpr QLatin1StringView DuplicateEdgeId{"DUPLICATE_EDGE_ID"};
inline constexpr QLatin1StringView UnknownEdgeNode{"UNKNOWN_EDGE_NODE"};
inline constexpr QLatin1StringView UnknownSourceHandle{"UNKNOWN_SOURCE_HANDLE"};
inline constexpr QLatin1StringView UnknownTargetHandle{"UNKNOWN_TARGET_HANDLE"};
inline constexpr QLatin1StringView Cycle{"CYCLE"};
inline constexpr QLatin1StringView UnknownComponent{"UNKNOWN_COMPONENT"};
inline constexpr QLatin1StringView UnknownComponentVersion{"UNKNOWN_COMPONENT_VERSION"};
inline constexpr QLatin1StringView MissingRequiredInput{"MISSING_REQUIRED_INPUT"};
inline constexpr QLatin1StringView UnknownInput{"UNKNOWN_INPUT"};
inline constexpr QLatin1StringView InvalidMapping{"INVALID_MAPPING"};
inline constexpr QLatin1StringView MappingUnknownNode{"MAPPING_UNKNOWN_NODE"};
inline constexpr QLatin1StringView MappingNotAncestor{"MAPPING_NOT_ANCESTOR"};
inline constexpr QLatin1StringView MappingUnknownOutput{"MAPPING_UNKNOWN_OUTPUT"};
inline constexpr QLatin1StringView MappingTypeMismatch{"MAPPING_TYPE_MISMATCH"};
inline constexpr QLatin1StringView InvalidConfig{"INVALID_CONFIG"};
inline constexpr QLatin1StringView InvalidConfigSchema{"INVALID_CONFIG_SCHEMA"};
inline constexpr QLatin1StringView InvalidSetting{"INVALID_SETTING"};
// An expression in a built-in's config (transform outputs, condition
// left/right) that every run would refuse; see BuiltinExpressions.h.
inline constexpr QLatin1StringView InvalidBuiltinExpression{"INVALID_BUILTIN_EXPRESSION"};
} // namespace problem

// One thing wrong with a definition or its settings. `node` and `edge` name
// the element to highlight when there is one; `extra` carries the rest
// (input, path, setting, the nodes of a cycle ...).
struct FlowProblem
{
    QString code;
    QString message;
    QString node;
    QString edge;
    QJsonObject extra;

    // {code, message, node?, edge?, ...extra}
    QJsonObject toJson() const;
};

using FlowProblems = QList<FlowProblem>;

// INVALID_FLOW_DEFINITION whose details hold {"problems": [...]} listing
// every problem; the message summarises the first and the count.
Error problemsError(const FlowProblems &problems);

// The problems inside an error built by problemsError() (empty otherwise);
// lets a caller merge the problems of several parsers into one report.
FlowProblems problemsFromError(const Error &error);

} // namespace hm::flow
