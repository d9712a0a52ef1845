#pragma once

#include "common/Result.h"
#include "flow/PortType.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace hm::flow {

// One input or output of a component (seed 003 §4.3 interface_def).
struct PortDef
{
    QString name;
    PortType type = PortType::Any;
    bool required = false;                  // inputs only
    std::optional<QJsonValue> defaultValue; // inputs only; may hold null
    QString description;
    // Optional JSON Schema (draft 7) of the port's value, for documentation
    // and tools; checked to be a usable schema when a component registers.
    QJsonObject schema;
    bool operator==(const PortDef &) const = default;
};

// What a component version accepts and produces. The catalogue hands these
// to compile(); a CompiledFlow keeps its own copies, so a catalogue change
// never alters a running execution.
struct ComponentInterface
{
    QString name;
    QString version;
    QList<PortDef> inputs;
    QList<PortDef> outputs;
    // JSON Schema (draft 7) for the node's `config`; empty = anything goes.
    QJsonObject configSchema;
    // The branches an edge may leave from, e.g. {"default"} or a condition's
    // {"true","false"}. interface_def without the key means {"default"}.
    QStringList outputHandles{QStringLiteral("default")};

    const PortDef *input(const QString &portName) const;
    const PortDef *output(const QString &portName) const;

    // Parses seed 003's interface_def JSON ({inputs, outputs} plus the
    // optional configSchema and outputHandles). Name and version usually
    // live in the component_versions row; when not given here they are read
    // from "name" and "version" in the JSON. Fails with VALIDATION_ERROR on a
    // wrong shape, an unknown type, a duplicate port or a default that does
    // not match its port's type.
    static Result<ComponentInterface> fromJson(const QJsonObject &interfaceDef,
                                               const QString &name = {},
                                               const QString &version = {});
    QJsonObject toJson() const;

    bool operator==(const ComponentInterface &) const = default;
};

} // namespace hm::flow
