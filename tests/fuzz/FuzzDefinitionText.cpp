// The direct flow-definition reader (core/flow/DefinitionText) against
// QJsonDocument as a differential oracle, as TestFlowDefinitionText does on
// its own mutations: whatever readDefinitionText accepts must be exactly
// what QJsonDocument + FlowDefinition::fromJson(QJsonObject) gives (down to
// integer-vs-double in configs), and FlowDefinition::fromJson(QByteArray)
// must agree with the document path on success and on the error. Plus
// round-trip stability: an accepted definition, written out and read back,
// is the same definition.

#include "FuzzCheck.h"
#include "flow/DefinitionText.h"
#include "flow/FlowDefinition.h"

#include <QCborValue>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hm;
using namespace hm::flow;

namespace {

// CBOR tells integers from doubles, which QJsonValue's == does not.
QByteArray strict(const FlowDefinition &def)
{
    return QCborValue::fromJsonValue(def.toJson()).toCbor();
}

bool same(const FlowDefinition &a, const FlowDefinition &b)
{
    return a == b && strict(a) == strict(b);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    std::optional<Result<FlowDefinition>> expected;
    if (isObject)
        expected = FlowDefinition::fromJson(doc.object());

    if (const std::optional<FlowDefinition> read = readDefinitionText(text)) {
        HM_FUZZ_CHECK(expected && expected->ok(),
                      "direct reader accepted what the document path refuses");
        HM_FUZZ_CHECK(same(*read, expected->value()), "direct reader read something else");
    }

    const Result<FlowDefinition> direct = FlowDefinition::fromJson(text);
    if (!expected) {
        HM_FUZZ_CHECK(!direct.ok(), "accepted text that QJsonDocument refuses");
        HM_FUZZ_CHECK(direct.error().code == ErrorCode::InvalidFlowDefinition, "wrong error code");
        return 0;
    }
    HM_FUZZ_CHECK(direct.ok() == expected->ok(), "fromJson(text) and fromJson(object) disagree");
    if (!direct.ok()) {
        HM_FUZZ_CHECK(direct.error().message == expected->error().message &&
                          direct.error().details == expected->error().details,
                      "different error");
        return 0;
    }
    HM_FUZZ_CHECK(same(direct.value(), expected->value()), "different definition");

    // Stored form: what toJson() writes must read back, directly, as itself.
    const QByteArray stored = QJsonDocument(direct.value().toJson()).toJson(QJsonDocument::Compact);
    const Result<FlowDefinition> again = FlowDefinition::fromJson(stored);
    HM_FUZZ_CHECK(again.ok(), "the stored form of an accepted definition is refused");
    HM_FUZZ_CHECK(same(again.value(), direct.value()), "stored form reads back differently");
    return 0;
}
