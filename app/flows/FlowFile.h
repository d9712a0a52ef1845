#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace hm::app {

// A flow as a file: the body of POST /api/v1/flows (seed 003 §4.3's
// definition with its settings, name and description), so an exported
// file can also be sent with curl:
//   {"name": …, "description": …, "definition": {schemaVersion, nodes,
//    edges}, "settings": {…}}
// Reading also takes a bare definition ({nodes, edges, …}); its name is
// then the file's base name.
struct FlowFile
{
    QString name;
    QString description;
    QJsonObject definition;
    QJsonObject settings;

    // The file's JSON (indented, for people to read and diff).
    QByteArray toJson() const;
    // Checks the shape of definition and settings (the rules the server
    // applies before it compiles); errors are sentences in the user's
    // language.
    static Result<FlowFile> fromJson(const QByteArray &text, const QString &fallbackName);
    static Result<FlowFile> read(const QString &path);
    Status write(const QString &path) const;
    // A file name for a flow called `flowName`: what file systems take
    // everywhere ("flow.json" for an empty name).
    static QString fileNameFor(const QString &flowName);
};

} // namespace hm::app
