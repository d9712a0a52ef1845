#pragma once

#include <QJsonValue>
#include <QString>
#include <optional>

namespace hm::flow {

// Type of a component input or output (seed 003 interface_def "type").
enum class PortType
{
    String,
    Integer,
    Number,
    Boolean,
    Bytes,
    Object,
    Array,
    Any,
};

// "string", "integer", ...
QString portTypeName(PortType type);
std::optional<PortType> portTypeFromName(const QString &name);

// Whether a value may be handed to a port of this type. JSON has one number
// type, so integer accepts whole doubles (3.0) and number accepts integers;
// bytes accepts a base64 string or a blob reference; any accepts everything.
// A missing (undefined) value matches nothing: absence is handled by defaults
// and `required`, not by types.
bool valueMatchesPortType(const QJsonValue &value, PortType type);

} // namespace hm::flow
