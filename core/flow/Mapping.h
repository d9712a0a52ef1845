#pragma once

#include "common/Result.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace hm::flow {

// One step of a path into a JSON value: a member name or an array index.
struct PathSegment
{
    enum class Kind
    {
        Key,
        Index,
    };
    Kind kind = Kind::Key;
    QString key;   // Kind::Key
    int index = 0; // Kind::Index
    bool operator==(const PathSegment &) const = default;
};

// A parsed input mapping: where an input's value comes from. Parsed once at
// compile time so evaluation at run time never meets a syntax error.
//
//   "$.trigger.order.items[0].sku"        Trigger, path
//   "$.trigger"                           Trigger, empty path (whole input)
//   "$.nodes.fetch.output.body.items[2]"  NodeOutput "fetch", output "body", path
//   "$.nodes.fetch.output"                NodeOutput, empty output (all outputs)
//   {"$ref":"node:fetch:output:body"}     NodeOutput "fetch", output "body"
//   {"$ref":"blob:<id>"}                  BlobRef
//   anything else                         Literal, taken verbatim
//
// Path segments are `.name` (letters, digits, '_' and '-'), `[index]`, or
// `["any name"]` (with \" and \\ escapes) for names with other characters;
// node ids use the same forms. A string is an expression exactly when it
// starts with "$."; any other string is a string literal. Literal objects and
// arrays are not searched for expressions inside them.
struct Mapping
{
    enum class Kind
    {
        Literal,
        Trigger,
        NodeOutput,
        BlobRef,
    };
    Kind kind = Kind::Literal;
    QJsonValue literal;      // Literal; BlobRef: the reference object itself
    QString nodeId;          // NodeOutput
    QString output;          // NodeOutput; empty = the whole output object
    QList<PathSegment> path; // Trigger, NodeOutput: steps after the root
    QString blobId;          // BlobRef

    bool isReference() const { return kind == Kind::Trigger || kind == Kind::NodeOutput; }
    // Canonical "$.trigger.a[0]" text of a reference (node refs given as
    // {"$ref"} print in the same form), the text of a string literal, or
    // compact JSON of other literals; for messages.
    QString toString() const;

    bool operator==(const Mapping &) const = default;
};

// Supplies the names a parsed expression keeps (node id, output name, member
// names) as shared copies of strings the caller already holds: compile()
// parses a mapping per input of every node, and most of those names repeat.
// Without one, each name is a new string.
class MappingNames
{
public:
    virtual ~MappingNames() = default;
    virtual QString nodeId(QStringView id) = 0;
    virtual QString name(QStringView name) = 0;
};

// Parses a mapping value. Fails with INVALID_INPUT_MAPPING whose message says
// what is wrong and where; details carry {expression, position} for
// expressions.
Result<Mapping> parseMapping(const QJsonValue &value, MappingNames *names = nullptr);
// The same into a default-constructed `out` (compile() fills its bindings in
// place); returns the error, after which `out` is unspecified.
std::optional<Error> parseMappingInto(const QJsonValue &value, Mapping &out,
                                      MappingNames *names = nullptr);

// The concurrency scopeKey: a `$.trigger...` expression, or a plain field
// name meaning `$.trigger.<name>`. Node references are refused: the key is
// needed before any node has run.
Result<Mapping> parseScopeKey(const QString &scopeKey);

} // namespace hm::flow
