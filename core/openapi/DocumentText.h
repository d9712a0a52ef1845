#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonValue>

namespace hm::openapi {

enum class TextFormat
{
    Auto, // '{' or '[' first: JSON, anything else: YAML
    Json,
    Yaml,
};

// Bounds on one document's text, so that no input can take unbounded time
// or memory (YAML aliases can repeat a subtree without repeating its text:
// the expanded node count is what is bounded).
struct TextLimits
{
    qsizetype maxBytes = 64 * 1024 * 1024;
    qint64 maxNodes = 8'000'000; // scalars + containers, aliases expanded
    int maxDepth = 200;
};

// Reads a JSON or YAML document (YAML 1.2 core schema: plain null, booleans,
// integers, floats; quoted scalars are strings; anchors, aliases and "<<"
// merge keys; only the first YAML document is read). Failures are
// SCHEMA_PARSE_ERROR with details {reason: "SYNTAX" | "TOO_LARGE" |
// "TOO_DEEP", line, column} (1-based).
Result<QJsonValue> readDocumentText(const QByteArray &text, TextFormat format = TextFormat::Auto,
                                    const TextLimits &limits = {});

// Block-style YAML of a JSON value that readDocumentText() reads back as the
// same value: every string double-quoted with JSON/YAML escapes (non-ASCII
// as \u / \U), numbers as JSON writes them. lossless is false when a string
// holds a lone UTF-16 surrogate, which no UTF-8 text can carry.
QByteArray writeYamlText(const QJsonValue &value, bool *lossless = nullptr);

} // namespace hm::openapi
