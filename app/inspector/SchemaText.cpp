#include "inspector/SchemaText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace hm::app {

namespace {

QString schemaNumberText(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

// A number of a schema keyword, or the number in valijson's message (which
// prints it with six decimals) when the schema does not have it.
QString limitText(const QJsonObject &schema, const char *keyword, const QString &message)
{
    const QJsonValue v = schema.value(QLatin1String(keyword));
    if (v.isDouble())
        return schemaNumberText(v.toDouble());
    static const QRegularExpression number(QStringLiteral("(-?[0-9]+(?:\\.[0-9]+)?)"));
    const QRegularExpressionMatch m = number.match(message);
    return m.hasMatch() ? schemaNumberText(m.captured(1).toDouble()) : QString();
}

int countIn(const QJsonObject &schema, const char *keyword, const QString &message)
{
    const QJsonValue v = schema.value(QLatin1String(keyword));
    if (v.isDouble())
        return v.toInt();
    static const QRegularExpression number(QStringLiteral("([0-9]+)"));
    const QRegularExpressionMatch m = number.match(message);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool isPlainKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    bool allDigits = true;
    for (const QChar c : key) {
        const bool ok = (c.unicode() < 128 && c.isLetterOrNumber()) || c == QLatin1Char('_') ||
                        c == QLatin1Char('-');
        if (!ok)
            return false;
        allDigits = allDigits && c.isDigit();
    }
    // ConfigSchemaValidator prints a numeric member name as an index.
    return !allDigits;
}

// Path steps after "config": {true, key} for members, {false, index} for items.
struct Step
{
    bool member = true;
    QString key;
    int index = 0;
};

QList<Step> stepsOf(const QString &path)
{
    QList<Step> steps;
    qsizetype i = path.startsWith(QLatin1String("config")) ? 6 : 0;
    while (i < path.size()) {
        if (path[i] == QLatin1Char('.')) {
            qsizetype j = i + 1;
            while (j < path.size() && path[j] != QLatin1Char('.') && path[j] != QLatin1Char('['))
                ++j;
            steps.append({true, path.mid(i + 1, j - i - 1), 0});
            i = j;
        } else if (path[i] == QLatin1Char('[')) {
            if (i + 1 < path.size() && path[i + 1] == QLatin1Char('"')) {
                // ["odd key"] with \" and \\ escapes
                QString key;
                qsizetype j = i + 2;
                while (j < path.size() && path[j] != QLatin1Char('"')) {
                    if (path[j] == QLatin1Char('\\') && j + 1 < path.size())
                        ++j;
                    key += path[j];
                    ++j;
                }
                steps.append({true, key, 0});
                i = path.indexOf(QLatin1Char(']'), j);
                i = i < 0 ? path.size() : i + 1;
            } else {
                const qsizetype close = path.indexOf(QLatin1Char(']'), i);
                const qsizetype end = close < 0 ? path.size() : close;
                steps.append({false, {}, path.mid(i + 1, end - i - 1).toInt()});
                i = end + 1;
            }
        } else {
            ++i;
        }
    }
    return steps;
}

} // namespace

QString SchemaText::memberPath(const QString &parent, const QString &key)
{
    if (isPlainKey(key))
        return parent + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    escaped.replace(QLatin1String("\""), QLatin1String("\\\""));
    return parent + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

QString SchemaText::itemPath(const QString &parent, int index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool SchemaText::isWithin(const QString &path, const QString &ancestor)
{
    if (path == ancestor)
        return true;
    return path.startsWith(ancestor) && (path.at(ancestor.size()) == QLatin1Char('.') ||
                                         path.at(ancestor.size()) == QLatin1Char('['));
}

QJsonObject SchemaText::schemaAt(const QJsonObject &root, const QString &path)
{
    QJsonObject schema = root;
    for (const Step &step : stepsOf(path)) {
        if (step.member) {
            const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
            if (properties.contains(step.key))
                schema = properties.value(step.key).toObject();
            else
                schema = schema.value(QStringLiteral("additionalProperties")).toObject();
        } else {
            const QJsonValue items = schema.value(QStringLiteral("items"));
            if (items.isArray())
                schema = items.toArray().at(step.index).toObject();
            else
                schema = items.toObject();
        }
        if (schema.isEmpty())
            return {};
    }
    return schema;
}

QString SchemaText::typeOf(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isString())
        return type.toString();
    if (type.isArray()) {
        // ["string", "null"]: the first type that is not null.
        for (const QJsonValue t : type.toArray()) {
            if (t.toString() != QLatin1String("null"))
                return t.toString();
        }
    }
    return {};
}

QString SchemaText::valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isUndefined())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

QString SchemaText::expectType(const QJsonObject &schema)
{
    const QString type = typeOf(schema);
    if (type == QLatin1String("string"))
        return tr("Enter text.");
    if (type == QLatin1String("integer"))
        return tr("Enter a whole number.");
    if (type == QLatin1String("number"))
        return tr("Enter a number.");
    if (type == QLatin1String("boolean"))
        return tr("Choose true or false.");
    if (type == QLatin1String("object"))
        return tr("Enter a JSON object.");
    if (type == QLatin1String("array"))
        return tr("Enter a list.");
    return tr("This value has the wrong type.");
}

ConfigIssue SchemaText::issue(const QString &path, const QString &message,
                              const QJsonObject &fieldSchema)
{
    ConfigIssue out{path, message, false};
    const QJsonObject &s = fieldSchema;
    auto starts = [&](const char *prefix) { return message.startsWith(QLatin1String(prefix)); };
    if (starts("Value type not permitted") && !typeOf(s).isEmpty()) {
        out.message = expectType(s);
    } else if (starts("Expected number greater than or equal to")) {
        out.message = tr("Enter a value of at least %1.").arg(limitText(s, "minimum", message));
    } else if (starts("Expected number greater than")) {
        const QString limit = s.value(QStringLiteral("exclusiveMinimum")).isDouble()
                                  ? limitText(s, "exclusiveMinimum", message)
                                  : limitText(s, "minimum", message);
        out.message = tr("Enter a value greater than %1.").arg(limit);
    } else if (starts("Expected number less than or equal to")) {
        out.message = tr("Enter a value of at most %1.").arg(limitText(s, "maximum", message));
    } else if (starts("Expected number less than")) {
        const QString limit = s.value(QStringLiteral("exclusiveMaximum")).isDouble()
                                  ? limitText(s, "exclusiveMaximum", message)
                                  : limitText(s, "maximum", message);
        out.message = tr("Enter a value less than %1.").arg(limit);
    } else if (starts("Value should be a multiple of")) {
        out.message = tr("Enter a multiple of %1.").arg(limitText(s, "multipleOf", message));
    } else if (starts("String should be no fewer than")) {
        out.message =
            tr("Enter at least %n character(s).", nullptr, countIn(s, "minLength", message));
    } else if (starts("String should be no more than")) {
        out.message =
            tr("Enter at most %n character(s).", nullptr, countIn(s, "maxLength", message));
    } else if (starts("Array should contain no fewer than")) {
        out.message = tr("Add at least %n item(s).", nullptr, countIn(s, "minItems", message));
    } else if (starts("Array should contain no more than")) {
        out.message = tr("Keep at most %n item(s).", nullptr, countIn(s, "maxItems", message));
    } else if (starts("Failed to match against any enum values") &&
               s.value(QStringLiteral("enum")).isArray()) {
        QStringList values;
        for (const QJsonValue v : s.value(QStringLiteral("enum")).toArray())
            values.append(valueText(v));
        out.message = tr("Choose one of: %1.").arg(values.join(QStringLiteral(", ")));
    } else if (starts("Failed to match expected value set by 'const'") &&
               s.contains(QStringLiteral("const"))) {
        out.message = tr("Enter %1.").arg(valueText(s.value(QStringLiteral("const"))));
    } else if (starts("Failed to match regex") && s.value(QStringLiteral("pattern")).isString()) {
        out.message =
            tr("Enter text that matches %1.").arg(s.value(QStringLiteral("pattern")).toString());
    } else if (starts("String should be a valid date-time")) {
        out.message = tr("Enter a date and time such as 2024-01-31T13:45:00Z.");
    } else if (starts("String should be a valid date")) {
        out.message = tr("Enter a date such as 2024-01-31.");
    } else if (starts("String should be a valid time")) {
        out.message = tr("Enter a time such as 13:45:00Z.");
    } else if (starts("Object should have no fewer than")) {
        out.message =
            tr("Add at least %n member(s).", nullptr, countIn(s, "minProperties", message));
    } else if (starts("Object should have no more than")) {
        out.message =
            tr("Keep at most %n member(s).", nullptr, countIn(s, "maxProperties", message));
    } else if (starts("Object contains a property that could not be validated")) {
        static const QRegularExpression name(QStringLiteral("'([^']*)'\\.?$"));
        const QRegularExpressionMatch m = name.match(message);
        out.message = tr("“%1” is not a setting this component knows.")
                          .arg(m.hasMatch() ? m.captured(1) : QString());
    }
    return out;
}

QList<ConfigIssue>
SchemaText::issues(const QList<flow::ConfigSchemaValidator::Violation> &violations,
                   const QJsonObject &schema)
{
    static const QRegularExpression required(QStringLiteral("^Missing required property '(.*)'"));
    QList<ConfigIssue> out;
    for (const auto &v : violations) {
        const QRegularExpressionMatch m = required.match(v.message);
        if (m.hasMatch()) {
            ConfigIssue issue;
            issue.path = memberPath(v.path, m.captured(1));
            issue.message = tr("Required.");
            issue.missingRequired = true;
            out.append(issue);
            continue;
        }
        out.append(SchemaText::issue(v.path, v.message, schemaAt(schema, v.path)));
    }
    return out;
}

} // namespace hm::app
