// The order of a schema's properties as written (issue: the inspector's
// forms listed optional fields alphabetically): read from the text into
// propertyOrder, kept through QJsonObject round trips, and read back.

#include "flow/SchemaOrder.h"

#include <QJsonArray>
#include <QTest>

using namespace hm::flow;

class TestSchemaOrder : public QObject
{
    Q_OBJECT
private slots:
    void keepsWrittenOrder()
    {
        const QJsonDocument doc = schemaorder::parseKeepingOrder(R"({"type": "object",
            "properties": {"zeta": {"type": "string"}, "alpha": {"type": "integer"},
                           "m\u00e9ta": {"type": "boolean"}, "beta": {"type": "string"}}})");
        QVERIFY(doc.isObject());
        QCOMPARE(schemaorder::orderedProperties(doc.object()),
                 (QStringList{"zeta", "alpha", QString::fromUtf8("m\xc3\xa9ta"), "beta"}));
        // The order is data now: it survives serialising (which sorts keys).
        const QJsonObject again = QJsonDocument::fromJson(doc.toJson()).object();
        QCOMPARE(schemaorder::orderedProperties(again),
                 (QStringList{"zeta", "alpha", QString::fromUtf8("m\xc3\xa9ta"), "beta"}));
        // Without the keyword: by name.
        QCOMPARE(schemaorder::orderedProperties(QJsonDocument::fromJson(R"({"properties":
                     {"b": {}, "a": {}}})")
                                                    .object()),
                 (QStringList{"a", "b"}));
    }

    void nestedSchemasAndAuthorsOrder()
    {
        const QJsonDocument doc = schemaorder::parseKeepingOrder(R"({"configSchema": {
            "properties": {
                "target": {"type": "object", "properties": {"y": {}, "x": {}}},
                "list": {"type": "array", "items": {"properties": {"q": {}, "p": {}}}},
                "any": {"anyOf": [{"properties": {"k": {}, "j": {}}}]},
                "properties": {"type": "object", "properties": {"d": {}, "c": {}}},
                "first": {"propertyOrder": -1}}}})");
        const QJsonObject schema = doc.object().value("configSchema").toObject();
        // An author's own propertyOrder stays and leads.
        QCOMPARE(schemaorder::orderedProperties(schema),
                 (QStringList{"first", "target", "list", "any", "properties"}));
        const QJsonObject props = schema.value("properties").toObject();
        QCOMPARE(schemaorder::orderedProperties(props.value("target").toObject()),
                 (QStringList{"y", "x"}));
        QCOMPARE(schemaorder::orderedProperties(
                     props.value("list").toObject().value("items").toObject()),
                 (QStringList{"q", "p"}));
        QCOMPARE(schemaorder::orderedProperties(
                     props.value("any").toObject().value("anyOf").toArray().at(0).toObject()),
                 (QStringList{"k", "j"}));
        // A property called "properties" is a schema, not a map of them.
        const QJsonObject named = props.value("properties").toObject();
        QVERIFY(!named.value("type").isObject());
        QCOMPARE(schemaorder::orderedProperties(named), (QStringList{"d", "c"}));
    }

    void withoutOrderUndoesIt()
    {
        const QByteArray text = R"({"properties": {"b": {"properties": {"y": {}, "x": {}}},
                                                  "a": {}}})";
        const QJsonValue kept = schemaorder::parseKeepingOrder(text).object();
        QVERIFY(kept != QJsonValue(QJsonDocument::fromJson(text).object()));
        QCOMPARE(schemaorder::withoutOrder(kept),
                 QJsonValue(QJsonDocument::fromJson(text).object()));
    }

    void refusesWhatQJsonDocumentRefuses()
    {
        QVERIFY(schemaorder::parseKeepingOrder("{\"a\": ").isNull());
        QVERIFY(schemaorder::parseKeepingOrder("").isNull());
        QCOMPARE(
            schemaorder::parseKeepingOrder("[1, \"x\", {\"properties\": {\"b\": {}, \"a\": {}}}]")
                .array()
                .at(2)
                .toObject()
                .value("properties")
                .toObject()
                .value("b")
                .toObject()
                .value("propertyOrder"),
            QJsonValue(0));
    }
};

QTEST_GUILESS_MAIN(TestSchemaOrder)
#include "TestSchemaOrder.moc"
