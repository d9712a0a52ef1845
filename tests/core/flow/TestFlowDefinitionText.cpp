// FlowDefinition::fromJson(QByteArray) reads well-formed text directly
// (DefinitionText.cpp) and leaves everything else to QJsonDocument. Either
// way the outcome must be exactly that of parsing the text with
// QJsonDocument and calling fromJson(QJsonObject): same definition down to
// integer-vs-double in configs, same errors. Checked on hand-picked corner
// cases and on thousands of random mutations of a stored definition.

#include "FlowDefinitionTextCases.h"
#include "FlowFixtures.h"
#include "flow/DefinitionText.h"
#include "flow/FlowDefinition.h"
#include "flow/FlowProblem.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace hm;
using namespace hm::flow;
using namespace hm::flow::fixtures;

namespace {

// Strict form of a definition: CBOR tells integers from doubles, which
// QJsonValue's == and JSON text do not.
QByteArray strict(const FlowDefinition &def)
{
    return QCborValue::fromJsonValue(def.toJson()).toCbor();
}

// What fromJson(QByteArray) must agree with. Empty when the text is not a
// JSON object, in which case fromJson(QByteArray) must fail.
std::optional<Result<FlowDefinition>> viaDocument(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return FlowDefinition::fromJson(doc.object());
}

// Empty when both agree, else what differs.
QString difference(const QByteArray &text)
{
    const Result<FlowDefinition> direct = FlowDefinition::fromJson(text);
    const auto expected = viaDocument(text);
    // The direct reader on its own: whatever it accepts must be exactly
    // what the document path gives.
    if (const std::optional<FlowDefinition> read = readDefinitionText(text)) {
        if (!expected || !expected->ok())
            return QStringLiteral("direct reader accepted what the document path refuses");
        if (!(*read == expected->value()) || strict(*read) != strict(expected->value()))
            return QStringLiteral("direct reader read something else");
    }
    if (!expected) {
        if (direct.ok())
            return QStringLiteral("accepted text that QJsonDocument refuses");
        if (direct.error().code != ErrorCode::InvalidFlowDefinition)
            return QStringLiteral("wrong error code");
        return {};
    }
    if (direct.ok() != expected->ok())
        return direct.ok() ? QStringLiteral("accepted a definition with problems")
                           : QStringLiteral("refused a good definition: ") + direct.error().message;
    if (direct.ok()) {
        if (!(direct.value() == expected->value()))
            return QStringLiteral("different definition");
        if (strict(direct.value()) != strict(expected->value()))
            return QStringLiteral("different number representation");
        return {};
    }
    if (direct.error().message != expected->error().message ||
        direct.error().details != expected->error().details)
        return QStringLiteral("different error: ") + direct.error().message +
               QStringLiteral(" vs ") + expected->error().message;
    return {};
}

QByteArray storedText(const QJsonObject &definition)
{
    const auto def = FlowDefinition::fromJson(definition);
    return def.ok() ? QJsonDocument(def.value().toJson()).toJson(QJsonDocument::Compact)
                    : QByteArray();
}

} // namespace

class TestFlowDefinitionText : public QObject
{
    Q_OBJECT

private slots:
    void storedFormReadsDirectly()
    {
        const QJsonObject json = layeredDag(300, 20);
        const QByteArray text = storedText(json);
        QVERIFY(readDefinitionText(text).has_value()); // not the fallback
        auto def = FlowDefinition::fromJson(text);
        QVERIFY2(def.ok(), errorText(def).constData());
        QCOMPARE(def.value().nodes.size(), 300);
        QCOMPARE(def.value(), FlowDefinition::fromJson(json).value());
        QCOMPARE(strict(def.value()), strict(FlowDefinition::fromJson(json).value()));
        QVERIFY(difference(text).isEmpty());
        // Indented, as a person or another tool might write it.
        QVERIFY(difference(QJsonDocument(json).toJson(QJsonDocument::Indented)).isEmpty());
    }

    void sharedConfigsAreEqualNotConfused()
    {
        const QByteArray text = R"({"nodes": [
            {"id": "a", "component": "c", "version": "1", "config": {"t": 1}},
            {"id": "b", "component": "c", "version": "1", "config": {"t": 1}},
            {"id": "c", "component": "c", "version": "1", "config": {"t": 1.0}},
            {"id": "d", "component": "c", "version": "1", "config": {"t":1}}]})";
        auto def = FlowDefinition::fromJson(text);
        QVERIFY(def.ok());
        QCOMPARE(def.value().nodes[0].config, def.value().nodes[1].config);
        QVERIFY(difference(text).isEmpty());
        // The copies are independent.
        FlowDefinition changed = def.value();
        changed.nodes[0].config.insert("t", 2);
        QCOMPARE(def.value().nodes[1].config.value("t").toInt(), 1);
    }

    void cornerCases_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const auto &[name, text] : definitionTextCases())
            QTest::newRow(name) << text;
    }

    void cornerCases()
    {
        QFETCH(QByteArray, text);
        const QString diff = difference(text);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Random byte edits of a stored definition: most break the JSON or the
    // shape somewhere, some do not; none may make the two paths disagree.
    void randomMutationsAgree()
    {
        const QByteArray base = mutationBase();
        const QByteArray alphabet = mutationAlphabet();
        QRandomGenerator random(20261121);
        int accepted = 0;
        int readDirectly = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = base;
            const int edits = 1 + int(random.bounded(3));
            for (int e = 0; e < edits; ++e) {
                const auto at = qsizetype(random.bounded(quint32(text.size())));
                const char c = alphabet.at(qsizetype(random.bounded(quint32(alphabet.size()))));
                switch (random.bounded(3)) {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.insert(at, c);
                    break;
                default:
                    text.remove(at, 1 + qsizetype(random.bounded(4)));
                    break;
                }
            }
            const QString diff = difference(text);
            if (!diff.isEmpty())
                QFAIL(qPrintable(diff + QStringLiteral("\n") + QString::fromUtf8(text)));
            accepted += FlowDefinition::fromJson(text).ok() ? 1 : 0;
            readDirectly += readDefinitionText(text).has_value() ? 1 : 0;
        }
        // Every kind occurred: read directly, accepted only by the document
        // path (escapes, duplicate keys ...), refused.
        QVERIFY2(readDirectly > 100, qPrintable(QString::number(readDirectly)));
        QVERIFY2(accepted > readDirectly, qPrintable(QString::number(accepted)));
        QVERIFY2(accepted < 2900, qPrintable(QString::number(accepted)));
    }
};

QTEST_GUILESS_MAIN(TestFlowDefinitionText)
#include "TestFlowDefinitionText.moc"
