#pragma once

#include "flow/ConfigSchemaValidator.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::app {

// A config problem as the inspector shows it: at the path of the field it
// concerns ("config.quality", "config.tags[1]"; a missing required member
// is put at the member's own path, not at its parent's as valijson puts
// it), with a translated message.
struct ConfigIssue
{
    QString path;
    QString message;
    bool missingRequired = false;
};

// Turns valijson's English messages into the user's language, using the
// schema for the numbers and names they mention.
class SchemaText
{
    Q_DECLARE_TR_FUNCTIONS(hm::app::SchemaText)

public:
    // The validator's violations of a config against `schema`.
    static QList<ConfigIssue>
    issues(const QList<flow::ConfigSchemaValidator::Violation> &violations,
           const QJsonObject &schema);
    // One violation at `path`; `fieldSchema` is the schema of that path.
    static ConfigIssue issue(const QString &path, const QString &message,
                             const QJsonObject &fieldSchema);

    // The schema that applies at `path` under `root` ("config" is root):
    // properties for members, items for array elements, additionalProperties
    // for members properties do not name. Empty when the schema says nothing.
    static QJsonObject schemaAt(const QJsonObject &root, const QString &path);

    // Field paths: `parent.key` (`parent["odd key"]` for keys a plain path
    // cannot hold) and `parent[index]`.
    static QString memberPath(const QString &parent, const QString &key);
    static QString itemPath(const QString &parent, int index);
    // Whether `path` is `ancestor` or lies inside it.
    static bool isWithin(const QString &path, const QString &ancestor);

    // "Enter a whole number." and the like, for a value of the wrong type.
    static QString expectType(const QJsonObject &schema);
    // The schema's "type" (the first one when it lists several; empty when
    // it has none).
    static QString typeOf(const QJsonObject &schema);
    // A value for a hint or a placeholder: text as is, other JSON compact.
    static QString valueText(const QJsonValue &value);
};

} // namespace hm::app
