// The order of a schema's properties as written (issue: the inspector's
// forms listed optional fields alphabetically): read from the text into
// propertyOrder, kept through QJsonObject round trips, and read back.
// Besides the hand-picked cases, parseKeepingOrder's own reader of the
// text is held against a reference in the differential style of
// TestFlowDefinitionText: thousands of random schema texts, written by a
// generator that knows the order it wrote every "properties" map in, with
// escapes, \u sequences, non-ASCII keys, keys that look like JSON and
// random whitespace; each must parse to exactly QJsonDocument's value once
// the places are taken off, and show every map in the written order. The
// same texts hold shownMembers (what a JSON view of an interface shows)
// against QJsonDocument: put back together, it is the text's own value
// (no propertyOrder shown), each map in the order written.

#include "flow/SchemaOrder.h"

#include <QJsonArray>
#include <QMap>
#include <QTest>
#include <random>

using namespace hm::flow;

namespace {

// Writes random schema-shaped JSON text and records, for every
// "properties" map, the path to the schema holding it and its keys in the
// order written. Keys within an object are distinct (a repeated key is a
// hand-picked case of its own).
class SchemaTextWriter
{
public:
    explicit SchemaTextWriter(quint32 seed) : m_random(seed) {}

    struct Map
    {
        QStringList path; // object keys, or "#i" for array items
        QStringList order;
    };

    QByteArray document()
    {
        m_maps.clear();
        return space() + schema(0, {}) + space();
    }
    const QList<Map> &maps() const { return m_maps; }

private:
    int below(int n) { return int(m_random() % quint32(n)); }

    QByteArray space()
    {
        static const char *const kinds[] = {"", "", " ", "\n  ", "\t", "\r\n", "  "};
        return below(3) ? QByteArray() : QByteArray(kinds[below(7)]);
    }

    // A JSON string token for `text`, with the escapes a writer may choose:
    // non-ASCII raw or as \u, '/' raw or escaped.
    QByteArray token(const QString &text)
    {
        QByteArray out = "\"";
        for (const QChar c : text) {
            const ushort u = c.unicode();
            if (c == u'"')
                out += "\\\"";
            else if (c == u'\\')
                out += "\\\\";
            else if (c == u'/' && below(2))
                out += "\\/";
            else if (u < 0x20)
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            else if (u >= 0x80 && below(2))
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            else
                out += QString(c).toUtf8();
        }
        return out + '"';
    }

    QString name()
    {
        static const QStringList pool = {QStringLiteral("zeta"),
                                         QStringLiteral("alpha"),
                                         QStringLiteral("b"),
                                         QStringLiteral("A"),
                                         QString::fromUtf8("m\xc3\xa9ta"),
                                         QString::fromUtf8("\xe9\x8d\xb5"),
                                         QStringLiteral("say \"hi\""),
                                         QStringLiteral("back\\slash"),
                                         QStringLiteral("a/b"),
                                         QStringLiteral("{not: json}"),
                                         QStringLiteral("[1, 2]"),
                                         QStringLiteral("properties"),
                                         QStringLiteral("items"),
                                         QStringLiteral("tab\there"),
                                         QStringLiteral("x y"),
                                         QStringLiteral("propertyOrders"),
                                         QString(),
                                         QStringLiteral("0"),
                                         QStringLiteral("type"),
                                         QStringLiteral("url")};
        return pool.at(below(int(pool.size())));
    }

    QByteArray scalar()
    {
        switch (below(7)) {
        case 0:
            return "true";
        case 1:
            return "false";
        case 2:
            return "null";
        case 3:
            return QByteArray::number(below(100000) - 50000);
        case 4:
            return "-1.5e3";
        case 5:
            return token(QStringLiteral("}\"properties\": {\"x\": {}}"));
        default:
            return token(name());
        }
    }

    // Any JSON value; objects and arrays may hold schemas.
    QByteArray value(int depth, const QStringList &path)
    {
        if (depth > 4)
            return scalar();
        switch (below(5)) {
        case 0:
            return schema(depth + 1, path);
        case 1: {
            QByteArray out = "[" + space();
            const int n = below(4);
            for (int i = 0; i < n; ++i) {
                if (i)
                    out += space() + ',' + space();
                out += value(depth + 1, path + QStringList{QStringLiteral("#%1").arg(i)});
            }
            return out + space() + ']';
        }
        default:
            return scalar();
        }
    }

    // An object: maybe "properties" (a map of names to schemas, whose
    // order is recorded), maybe other keywords holding values.
    QByteArray schema(int depth, const QStringList &path)
    {
        QStringList keys;
        const int extra = below(4);
        for (int i = 0; i < extra; ++i) {
            const QString key = name();
            if (key != u"properties" && !keys.contains(key))
                keys.append(key);
        }
        if (depth < 4 && below(3))
            keys.insert(below(int(keys.size()) + 1), QStringLiteral("properties"));
        QByteArray out = "{" + space();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                out += space() + ',' + space();
            out += token(keys[i]) + space() + ':' + space();
            if (keys[i] == u"properties")
                out += propertiesMap(depth, path);
            else
                out += value(depth + 1, path + QStringList{keys[i]});
        }
        return out + space() + '}';
    }

    QByteArray propertiesMap(int depth, const QStringList &path)
    {
        Map map{path, {}};
        const int n = below(6);
        for (int i = 0; i < n; ++i) {
            const QString key = name();
            if (!map.order.contains(key))
                map.order.append(key);
        }
        m_maps.append(map);
        QByteArray out = "{" + space();
        for (qsizetype i = 0; i < map.order.size(); ++i) {
            if (i)
                out += space() + ',' + space();
            out +=
                token(map.order[i]) + space() + ':' + space() +
                schema(depth + 1, path + QStringList{QStringLiteral("properties"), map.order[i]});
        }
        return out + space() + '}';
    }

    std::mt19937 m_random;
    QList<Map> m_maps;
};

// The value at `path` ("#i" steps into arrays).
QJsonValue at(QJsonValue value, const QStringList &path)
{
    for (const QString &step : path) {
        if (step.startsWith(u'#') && value.isArray())
            value = value.toArray().at(step.mid(1).toInt());
        else
            value = value.toObject().value(step);
    }
    return value;
}

// What a JSON view shows of `value` (shownMembers at every depth), put back
// together as a value; the keys of every properties map in the order shown,
// by the path to the map ("#i" for array items); and whether a property's
// schema showed a propertyOrder.
struct SchemaOrderShown
{
    QMap<QStringList, QStringList> mapOrders;
    bool keywordShown = false;
};

QJsonValue schemaOrderRebuilt(const QJsonValue &value, bool propertiesMap, const QStringList &path,
                              SchemaOrderShown *shown)
{
    if (value.isArray()) {
        QJsonArray array;
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            array.append(schemaOrderRebuilt(
                items.at(i), false, path + QStringList{QStringLiteral("#%1").arg(i)}, shown));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object;
    QStringList keys;
    for (const schemaorder::ShownMember &member :
         schemaorder::shownMembers(value.toObject(), propertiesMap)) {
        keys.append(member.key);
        if (propertiesMap && member.value.toObject().contains(QStringLiteral("propertyOrder")))
            shown->keywordShown = true;
        object.insert(member.key, schemaOrderRebuilt(member.value, member.propertiesMap,
                                                     path + QStringList{member.key}, shown));
    }
    if (propertiesMap)
        shown->mapOrders.insert(path, keys);
    return object;
}

QStringList schemaOrderKeys(const QList<schemaorder::ShownMember> &members)
{
    QStringList keys;
    for (const schemaorder::ShownMember &member : members)
        keys.append(member.key);
    return keys;
}

} // namespace

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

    void randomTextsAgreeWithTheWrittenOrder()
    {
        SchemaTextWriter writer(20261130);
        int maps = 0;
        for (int round = 0; round < 3000; ++round) {
            const QByteArray text = writer.document();
            const QJsonDocument plain = QJsonDocument::fromJson(text);
            QVERIFY2(plain.isObject(), text.constData());
            const QJsonDocument kept = schemaorder::parseKeepingOrder(text);
            QVERIFY2(kept.isObject(), text.constData());
            // Nothing but the places added.
            QVERIFY2(schemaorder::withoutOrder(kept.object()) == QJsonValue(plain.object()),
                     text.constData());
            for (const auto &map : writer.maps()) {
                const QJsonObject holder = at(kept.object(), map.path).toObject();
                QVERIFY2(holder.value(QStringLiteral("properties")).isObject(),
                         qPrintable(map.path.join(u'/') + u'\n' + QString::fromUtf8(text)));
                QCOMPARE(schemaorder::orderedProperties(holder), map.order);
                ++maps;
            }
        }
        // The generator really wrote maps, nested ones among them.
        QVERIFY2(maps > 3000, qPrintable(QString::number(maps)));
    }

    // A JSON view of an interface (the Components page's tree): each
    // properties map in the written order, no propertyOrder anywhere a
    // property's schema is shown, the rest by key.
    void aViewShowsTheWrittenOrderWithoutTheKeyword()
    {
        const QJsonDocument doc = schemaorder::parseKeepingOrder(R"({"type": "object",
            "properties": {
                "zeta": {"type": "string"},
                "alpha": {"type": "object", "properties": {"y": {}, "x": {}}},
                "properties": {"type": "object", "properties": {"d": {}, "c": {}}},
                "propertyOrder": {"type": "integer"},
                "first": {"propertyOrder": -1, "type": "string"}}})");
        const QJsonObject schema = doc.object();
        const auto top = schemaorder::shownMembers(schema, false);
        QCOMPARE(schemaOrderKeys(top), (QStringList{"properties", "type"}));
        QVERIFY(top.at(0).propertiesMap);
        QVERIFY(!top.at(1).propertiesMap);
        const auto properties = schemaorder::shownMembers(top.at(0).value.toObject(), true);
        // The author's own place leads and, like the stamped ones, is not
        // shown; a property named "propertyOrder" is a property, shown.
        QCOMPARE(schemaOrderKeys(properties),
                 (QStringList{"first", "zeta", "alpha", "properties", "propertyOrder"}));
        for (const schemaorder::ShownMember &property : properties) {
            QVERIFY2(!property.value.toObject().contains(QStringLiteral("propertyOrder")),
                     qPrintable(property.key));
            // Each is a schema, "properties" among them.
            QVERIFY(!property.propertiesMap);
        }
        QCOMPARE(properties.at(0).value, QJsonValue(QJsonObject{{"type", "string"}}));
        const auto alpha = schemaorder::shownMembers(properties.at(2).value.toObject(), false);
        QCOMPARE(schemaOrderKeys(alpha), (QStringList{"properties", "type"}));
        QCOMPARE(schemaOrderKeys(schemaorder::shownMembers(alpha.at(0).value.toObject(), true)),
                 (QStringList{"y", "x"}));
        const auto named = schemaorder::shownMembers(properties.at(3).value.toObject(), false);
        QVERIFY(named.at(0).propertiesMap);
        QCOMPARE(schemaOrderKeys(schemaorder::shownMembers(named.at(0).value.toObject(), true)),
                 (QStringList{"d", "c"}));
        // All of it put back together: the value without the places.
        SchemaOrderShown shown;
        QCOMPARE(schemaOrderRebuilt(schema, false, {}, &shown), schemaorder::withoutOrder(schema));
        QVERIFY(!shown.keywordShown);
    }

    // The view against the reference: for random schema texts, what it
    // shows is exactly what QJsonDocument reads from the text (the input
    // without the stamped places), every map in the order it was written.
    void randomTextsShowInTheWrittenOrder()
    {
        SchemaTextWriter writer(20261201);
        int maps = 0;
        for (int round = 0; round < 2000; ++round) {
            const QByteArray text = writer.document();
            const QJsonDocument plain = QJsonDocument::fromJson(text);
            const QJsonDocument kept = schemaorder::parseKeepingOrder(text);
            QVERIFY2(plain.isObject() && kept.isObject(), text.constData());
            SchemaOrderShown shown;
            QVERIFY2(schemaOrderRebuilt(kept.object(), false, {}, &shown) ==
                         QJsonValue(plain.object()),
                     text.constData());
            QVERIFY2(!shown.keywordShown, text.constData());
            QCOMPARE(shown.mapOrders.size(), writer.maps().size());
            for (const auto &map : writer.maps()) {
                const QStringList at = map.path + QStringList{QStringLiteral("properties")};
                QVERIFY2(shown.mapOrders.contains(at),
                         qPrintable(at.join(u'/') + u'\n' + QString::fromUtf8(text)));
                QCOMPARE(shown.mapOrders.value(at), map.order);
                ++maps;
            }
        }
        QVERIFY2(maps > 2000, qPrintable(QString::number(maps)));
    }

    // A key written twice: QJsonDocument keeps the last value, and the
    // order its last place.
    void aRepeatedKeyTakesItsLastPlace()
    {
        const QByteArray text = R"({"properties": {"a": {"v": 1}, "b": {}, "a": {"v": 2}}})";
        const QJsonDocument kept = schemaorder::parseKeepingOrder(text);
        QCOMPARE(schemaorder::withoutOrder(kept.object()),
                 QJsonValue(QJsonDocument::fromJson(text).object()));
        QCOMPARE(schemaorder::orderedProperties(kept.object()), (QStringList{"b", "a"}));
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
