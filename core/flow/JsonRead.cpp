#include "flow/JsonRead.h"

#include <cmath>

namespace hm::flow {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return jsonInteger(value) ? QStringLiteral("integer") : QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    // 2^63 is exactly representable; anything at or beyond it overflows.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(d) || std::trunc(d) != d || d >= kLimit || d < -kLimit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

JsonReader::JsonReader(FlowProblems *problems, QLatin1StringView code, QLatin1StringView pathKey)
    : m_problems(problems), m_code(code), m_pathKey(pathKey), m_initialCount(problems->size())
{}

QString JsonReader::join(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

void JsonReader::report(const QString &path, const QString &message, const QString &node,
                        const QString &edge)
{
    FlowProblem p;
    p.code = m_code;
    p.message = path + QStringLiteral(": ") + message;
    p.node = node;
    p.edge = edge;
    p.extra.insert(m_pathKey, path);
    m_problems->append(p);
}

void JsonReader::wrongType(const QString &path, const char *expected, const QJsonValue &actual)
{
    report(path, QStringLiteral("expected %1, got %2")
                     .arg(QLatin1StringView(expected), jsonTypeName(actual)));
}

QString JsonReader::string(const QJsonObject &obj, const QString &key, const QString &prefix,
                           bool required, const QString &fallback)
{
    const QJsonValue v = obj.value(key);
    if (v.isString()) {
        if (required && v.toString().isEmpty())
            report(join(prefix, key), QStringLiteral("must not be empty"));
        return v.toString();
    }
    if (required || !(v.isUndefined() || v.isNull()))
        wrongType(join(prefix, key), "a string", v);
    return fallback;
}

qint64 JsonReader::integer(const QJsonObject &obj, const QString &key, const QString &prefix,
                           qint64 fallback)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (const auto i = jsonInteger(v))
        return *i;
    wrongType(join(prefix, key), "an integer", v);
    return fallback;
}

double JsonReader::number(const QJsonObject &obj, const QString &key, const QString &prefix,
                          double fallback)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (v.isDouble())
        return v.toDouble();
    wrongType(join(prefix, key), "a number", v);
    return fallback;
}

bool JsonReader::boolean(const QJsonObject &obj, const QString &key, const QString &prefix,
                         bool fallback)
{
    const QJsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (v.isBool())
        return v.toBool();
    wrongType(join(prefix, key), "a boolean", v);
    return fallback;
}

QJsonObject JsonReader::object(const QJsonObject &obj, const QString &key, const QString &prefix)
{
    const QJsonValue v = obj.value(key);
    if (v.isObject())
        return v.toObject();
    if (!(v.isUndefined() || v.isNull()))
        wrongType(join(prefix, key), "an object", v);
    return {};
}

QJsonArray JsonReader::array(const QJsonObject &obj, const QString &key, const QString &prefix,
                             bool required)
{
    const QJsonValue v = obj.value(key);
    if (v.isArray())
        return v.toArray();
    if (required || !(v.isUndefined() || v.isNull()))
        wrongType(join(prefix, key), "an array", v);
    return {};
}

} // namespace hm::flow
