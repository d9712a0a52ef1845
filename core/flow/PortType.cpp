#include "flow/PortType.h"

#include "flow/BlobRef.h"
#include "flow/JsonRead.h"

namespace hm::flow {

namespace {
constexpr PortType kAllTypes[] = {PortType::String,  PortType::Integer, PortType::Number,
                                  PortType::Boolean, PortType::Bytes,   PortType::Object,
                                  PortType::Array,   PortType::Any};
}

QString portTypeName(PortType type)
{
    switch (type) {
    case PortType::String:
        return QStringLiteral("string");
    case PortType::Integer:
        return QStringLiteral("integer");
    case PortType::Number:
        return QStringLiteral("number");
    case PortType::Boolean:
        return QStringLiteral("boolean");
    case PortType::Bytes:
        return QStringLiteral("bytes");
    case PortType::Object:
        return QStringLiteral("object");
    case PortType::Array:
        return QStringLiteral("array");
    case PortType::Any:
        return QStringLiteral("any");
    }
    return QStringLiteral("any");
}

std::optional<PortType> portTypeFromName(const QString &name)
{
    for (PortType t : kAllTypes) {
        if (portTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

bool valueMatchesPortType(const QJsonValue &value, PortType type)
{
    if (value.isUndefined())
        return false;
    switch (type) {
    case PortType::String:
        return value.isString();
    case PortType::Integer:
        return jsonInteger(value).has_value();
    case PortType::Number:
        return value.isDouble();
    case PortType::Boolean:
        return value.isBool();
    case PortType::Bytes:
        // The base64 text is not decoded here: the component decodes it, and
        // decoding a multi-megabyte string twice would only cost time.
        return value.isString() || isBlobRef(value);
    case PortType::Object:
        return value.isObject();
    case PortType::Array:
        return value.isArray();
    case PortType::Any:
        return true;
    }
    return false;
}

} // namespace hm::flow
