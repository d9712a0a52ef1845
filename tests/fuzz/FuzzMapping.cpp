// Mapping expressions (core/flow/Mapping): parseMapping on the input as a
// JSON value (when it is one) and as a plain string. Oracles:
// - the canonical text of a parsed reference parses back to the same
//   mapping, and is a fixed point of parse + toString;
// - parsing with a MappingNames (shared names, as compile() does) and
//   parseMappingInto give the same mapping as plain parseMapping;
// - parseScopeKey accepts only trigger references;
// - evaluating a trigger or node reference matches an independent walk of
//   its path over the same JSON (no blobs in reach, so it cannot fail).

#include "FuzzCheck.h"
#include "flow/Mapping.h"
#include "flow/MappingEvaluator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hm;
using namespace hm::flow;

namespace {

// Hands out copies, as compile()'s interner would hand out shared strings.
class CopyingNames : public MappingNames
{
public:
    QString nodeId(QStringView id) override { return id.toString(); }
    QString name(QStringView name) override { return name.toString(); }
};

const QJsonObject &sample()
{
    static const QJsonObject object = QJsonDocument::fromJson(R"({
        "order": {"items": [{"sku": "a-1", "qty": 2}, {"sku": "b", "qty": null}], "id": 7},
        "a b": {"\"q\\": [1, [2, 3]]}, "": 1, "x-y_z": true, "0": "zero"})")
                                          .object();
    return object;
}

QJsonValue walk(QJsonValue value, const QList<PathSegment> &path)
{
    for (const PathSegment &step : path) {
        if (step.kind == PathSegment::Kind::Key) {
            if (!value.isObject() || !value.toObject().contains(step.key))
                return QJsonValue(QJsonValue::Undefined);
            value = value.toObject().value(step.key);
        } else {
            if (!value.isArray() || step.index < 0 || step.index >= value.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            value = value.toArray().at(step.index);
        }
    }
    return value;
}

void check(const QJsonValue &value)
{
    const Result<Mapping> parsed = parseMapping(value);
    CopyingNames names;
    const Result<Mapping> withNames = parseMapping(value, &names);
    HM_FUZZ_CHECK(parsed.ok() == withNames.ok(), "MappingNames changes whether it parses");
    Mapping into;
    const std::optional<Error> intoError = parseMappingInto(value, into);
    HM_FUZZ_CHECK(parsed.ok() == !intoError.has_value(), "parseMappingInto disagrees");
    if (!parsed.ok()) {
        HM_FUZZ_CHECK(parsed.error().code == ErrorCode::InvalidInputMapping, "wrong error code");
        HM_FUZZ_CHECK(parsed.error().message == withNames.error().message, "different error");
        return;
    }
    const Mapping &m = parsed.value();
    HM_FUZZ_CHECK(m == withNames.value() && m == into, "different mapping");

    if (m.isReference()) {
        const QString canonical = m.toString();
        const Result<Mapping> again = parseMapping(QJsonValue(canonical));
        HM_FUZZ_CHECK(again.ok(), "canonical text of a reference does not parse");
        HM_FUZZ_CHECK(again.value() == m, "canonical text parses to another mapping");
        HM_FUZZ_CHECK(again.value().toString() == canonical, "canonical text is not stable");

        EvaluationContext context;
        context.trigger = sample();
        context.nodeOutputs = [](const QString &) { return std::optional(sample()); };
        const Result<QJsonValue> value = evaluate(m, context);
        HM_FUZZ_CHECK(value.ok(), "evaluation without blobs failed");
        QJsonValue root = sample();
        if (m.kind == Mapping::Kind::NodeOutput && !m.output.isEmpty())
            root = sample().contains(m.output) ? sample().value(m.output)
                                               : QJsonValue(QJsonValue::Undefined);
        const QJsonValue expected = walk(root, m.path);
        HM_FUZZ_CHECK(value.value() == expected &&
                          value.value().isUndefined() == expected.isUndefined(),
                      "evaluation differs from walking the path");
    }
    if (value.isString()) {
        const Result<Mapping> scope = parseScopeKey(value.toString());
        if (scope.ok())
            HM_FUZZ_CHECK(scope.value().kind == Mapping::Kind::Trigger,
                          "a scope key that is not a trigger reference");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    check(QJsonValue(QString::fromUtf8(bytes)));
    // Any JSON value: wrapped in an array so scalars parse too.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error == QJsonParseError::NoError && doc.array().size() == 1)
        check(doc.array().at(0));
    return 0;
}
