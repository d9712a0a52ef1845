#pragma once

// Compact JSON text straight from Qt's JSON values, byte for byte what
// QJsonDocument::toJson(QJsonDocument::Compact) writes once encoded as
// UTF-8, without its UTF-8 buffer and the QString conversion after it; and
// with SensitiveDataMasker's rules applied on the way, without building the
// masked copy first. The execution history writes every node's inputs and
// outputs this way (docs/benchmarks.md, "HTTP API").

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace hm::json {

enum class Secrets
{
    Keep,
    Mask, // as SensitiveDataMasker::mask() would have left them
};

void appendCompact(QString &out, const QJsonValue &value, Secrets secrets = Secrets::Keep);
void appendCompact(QString &out, const QJsonObject &object, Secrets secrets = Secrets::Keep);
void appendCompact(QString &out, const QJsonArray &array, Secrets secrets = Secrets::Keep);

// `text` as a JSON string literal, quotes included, escaped as Qt does.
void appendString(QString &out, QStringView text);

// `value` in decimal, as Qt writes an integral JSON number.
void appendInteger(QString &out, qint64 value);

QString compact(const QJsonObject &object, Secrets secrets = Secrets::Keep);

} // namespace hm::json
