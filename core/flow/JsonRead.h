#pragma once

#include "flow/FlowProblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace hm::flow {

// The JSON type of a value as people say it: "string", "integer" (a whole
// number), "number", "boolean", "object", "array", "null", or "missing" for
// an undefined value.
QString jsonTypeName(const QJsonValue &value);

// The value as a whole number, if it is a JSON number without a fraction
// that fits a qint64 (JSON has no separate integer type).
std::optional<qint64> jsonInteger(const QJsonValue &value);

// Reads fields of a JSON document and records a problem, with the field's
// path, for every field of the wrong type instead of stopping at the first,
// so one round trip to the editor shows everything to fix. Absent and null
// fields yield the fallback.
class JsonReader
{
public:
    // `code` is the problem code to report; `pathKey` the name of the extra
    // field that carries the path ("path" for definitions, "setting").
    JsonReader(FlowProblems *problems, QLatin1StringView code, QLatin1StringView pathKey);

    static QString join(const QString &prefix, const QString &key);

    void report(const QString &path, const QString &message, const QString &node = {},
                const QString &edge = {});

    QString string(const QJsonObject &obj, const QString &key, const QString &prefix, bool required,
                   const QString &fallback = {});
    qint64 integer(const QJsonObject &obj, const QString &key, const QString &prefix,
                   qint64 fallback);
    double number(const QJsonObject &obj, const QString &key, const QString &prefix,
                  double fallback);
    bool boolean(const QJsonObject &obj, const QString &key, const QString &prefix, bool fallback);
    QJsonObject object(const QJsonObject &obj, const QString &key, const QString &prefix);
    QJsonArray array(const QJsonObject &obj, const QString &key, const QString &prefix,
                     bool required);

    bool failed() const { return m_problems->size() > m_initialCount; }

    // "expected <expected>, got <type of actual>" at `path`.
    void wrongType(const QString &path, const char *expected, const QJsonValue &actual);

private:
    FlowProblems *m_problems;
    QLatin1StringView m_code;
    QLatin1StringView m_pathKey;
    qsizetype m_initialCount;
};

} // namespace hm::flow
