// The OpenAPI importer (core/openapi): JSON or YAML text -> endpoints.
// Oracles:
// - never crashes, and a failure is always SCHEMA_PARSE_ERROR with a reason;
// - bounded work: one input takes less than a few seconds, and what an
//   accepted document expands to stays within the limits given (shared
//   schemas counted at every use), so no input makes exponential output;
// - the JSON and YAML forms of one document give the same endpoints: a JSON
//   input is written as block YAML (writeYamlText), a YAML input as JSON
//   (QJsonDocument), and both forms must import to the same endpoints, or
//   fail with the same reason at the same pointer.

#include "FuzzCheck.h"
#include "openapi/DocumentText.h"
#include "openapi/OpenApiImport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hm;
using namespace hm::openapi;

namespace {

ImportLimits fuzzLimits()
{
    ImportLimits limits;
    limits.text.maxNodes = 200'000;
    limits.text.maxDepth = 64;
    limits.maxInlinedNodes = 200'000;
    limits.maxRefNodes = 5'000;
    limits.maxEndpoints = 2'000;
    return limits;
}

qint64 nodesOf(const QJsonValue &v)
{
    qint64 n = 1;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            n += nodesOf(it.value());
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            n += nodesOf(item);
    }
    return n;
}

QByteArray outcome(const Result<ImportedDocument> &r)
{
    if (r.ok())
        return QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact);
    return "error " + importErrorReason(r.error()).toUtf8() + " at " +
           r.error().details.value(QStringLiteral("pointer")).toString().toUtf8();
}

bool textLevel(const Result<ImportedDocument> &r)
{
    if (r.ok())
        return false;
    const QString reason = importErrorReason(r.error());
    return reason == QLatin1String("SYNTAX") || reason == QLatin1String("TOO_LARGE") ||
           reason == QLatin1String("TOO_DEEP");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const ImportLimits limits = fuzzLimits();

    QElapsedTimer timer;
    timer.start();
    const Result<ImportedDocument> direct = importOpenApi(text, TextFormat::Auto, limits);
    HM_FUZZ_CHECK(timer.elapsed() < 5000, "one input took more than 5 s");
    if (!direct.ok()) {
        HM_FUZZ_CHECK(direct.error().code == ErrorCode::SchemaParseError, "wrong error code");
        HM_FUZZ_CHECK(!importErrorReason(direct.error()).isEmpty(), "an error without a reason");
        HM_FUZZ_CHECK(!direct.error().message.isEmpty(), "an error without a message");
    } else {
        qint64 nodes = 0;
        for (const Endpoint &e : direct->endpoints)
            nodes += nodesOf(e.toJson());
        HM_FUZZ_CHECK(nodes <= limits.maxInlinedNodes + 64 * qint64(size) + 1000,
                      "the endpoints expand beyond the limits");
    }

    // The other form of the same document.
    const Result<QJsonValue> parsed = readDocumentText(text, TextFormat::Auto, limits.text);
    if (!parsed.ok() || !(parsed->isObject() || parsed->isArray()))
        return 0;
    const bool wasJson = text.trimmed().startsWith('{') || text.trimmed().startsWith('[');
    QByteArray other;
    TextFormat otherFormat = TextFormat::Json;
    if (wasJson) {
        bool lossless = true;
        other = writeYamlText(*parsed, &lossless);
        if (!lossless)
            return 0; // a lone surrogate has no UTF-8 form
        otherFormat = TextFormat::Yaml;
    } else {
        other = parsed->isObject() ? QJsonDocument(parsed->toObject()).toJson()
                                   : QJsonDocument(parsed->toArray()).toJson();
    }
    const Result<ImportedDocument> again = importOpenApi(other, otherFormat, limits);
    HM_FUZZ_CHECK(!textLevel(again) || textLevel(direct), "the other form does not read back");
    HM_FUZZ_CHECK(outcome(again) == outcome(direct),
                  "JSON and YAML forms give different endpoints");
    return 0;
}
