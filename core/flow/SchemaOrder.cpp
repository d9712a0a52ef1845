#include "flow/SchemaOrder.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <limits>

namespace hm::flow::schemaorder {

namespace {

// The keys of every object in a JSON text in their written order, shaped
// like the document. Only run on text QJsonDocument accepted, so it need
// not report errors; it stops quietly on anything odd.
struct KeyOrder
{
    QStringList keys;
    QHash<QString, KeyOrder> members;
    QList<KeyOrder> items;
};

class KeyOrderReader
{
public:
    explicit KeyOrderReader(const QByteArray &text) : m_text(text) {}

    KeyOrder read()
    {
        KeyOrder root;
        value(&root);
        return root;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    // A string token, unescaped the way QJsonDocument unescapes it.
    QString string()
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        ++m_pos;
        const QByteArray token = '[' + m_text.mid(start, m_pos - start) + ']';
        return QJsonDocument::fromJson(token).array().at(0).toString();
    }

    void value(KeyOrder *into)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return;
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            for (;;) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] == '}') {
                    ++m_pos;
                    return;
                }
                if (m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_text[m_pos] != '"')
                    return;
                const QString key = string();
                skipSpace();
                ++m_pos; // ':'
                // A repeated key: QJsonDocument keeps the last value.
                into->keys.removeAll(key);
                into->keys.append(key);
                KeyOrder member;
                value(&member);
                into->members.insert(key, member);
            }
        }
        if (c == '[') {
            ++m_pos;
            for (;;) {
                skipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] == ']') {
                    ++m_pos;
                    return;
                }
                if (m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                KeyOrder item;
                const qsizetype before = m_pos;
                value(&item);
                into->items.append(item);
                if (m_pos == before)
                    return; // not JSON after all
            }
        }
        if (c == '"') {
            string();
            return;
        }
        // A number, true, false or null.
        const auto ends = [](char ch) {
            return ch == ',' || ch == ']' || ch == '}' || ch == ' ' || ch == '\t' || ch == '\n' ||
                   ch == '\r';
        };
        while (m_pos < m_text.size() && !ends(m_text[m_pos]))
            ++m_pos;
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QJsonValue annotated(const QJsonValue &value, const KeyOrder &order);

QJsonObject annotatedObject(QJsonObject object, const KeyOrder &order)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const KeyOrder member = order.members.value(it.key());
        if (it.key() == QLatin1String("properties") && it.value().isObject()) {
            // A map of property names to schemas: its members get their
            // places, and each is a schema again (a property may itself be
            // called "properties": it is not a map).
            QJsonObject properties = it.value().toObject();
            for (auto p = properties.begin(); p != properties.end(); ++p) {
                QJsonValue schema = annotated(p.value(), member.members.value(p.key()));
                if (schema.isObject() && !schema.toObject().contains(kKeyword)) {
                    QJsonObject withPlace = schema.toObject();
                    withPlace.insert(kKeyword, member.keys.indexOf(p.key()));
                    schema = withPlace;
                }
                p.value() = schema;
            }
            it.value() = properties;
        } else {
            it.value() = annotated(it.value(), member);
        }
    }
    return object;
}

QJsonValue annotated(const QJsonValue &value, const KeyOrder &order)
{
    if (value.isObject())
        return annotatedObject(value.toObject(), order);
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = annotated(array.at(i), order.items.value(i));
        return array;
    }
    return value;
}

} // namespace

QJsonDocument parseKeepingOrder(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (document.isNull())
        return document;
    const KeyOrder order = KeyOrderReader(text).read();
    if (document.isObject())
        return QJsonDocument(annotatedObject(document.object(), order));
    return QJsonDocument(annotated(document.array(), order).toArray());
}

QJsonValue withoutOrder(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = withoutOrder(array.at(i));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("properties") && it.value().isObject()) {
            QJsonObject properties = it.value().toObject();
            for (auto p = properties.begin(); p != properties.end(); ++p) {
                QJsonValue schema = withoutOrder(p.value());
                if (schema.isObject()) {
                    QJsonObject plain = schema.toObject();
                    plain.remove(kKeyword);
                    schema = plain;
                }
                p.value() = schema;
            }
            it.value() = properties;
        } else {
            it.value() = withoutOrder(it.value());
        }
    }
    return object;
}

QStringList orderedProperties(const QJsonObject &schema)
{
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    QStringList names = properties.keys(); // sorted by name
    const auto place = [&properties](const QString &name) {
        const QJsonValue v = properties.value(name).toObject().value(kKeyword);
        return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::infinity();
    };
    std::stable_sort(names.begin(), names.end(),
                     [&](const QString &a, const QString &b) { return place(a) < place(b); });
    return names;
}

QList<ShownMember> shownMembers(const QJsonObject &object, bool propertiesMap)
{
    QList<ShownMember> members;
    members.reserve(object.size());
    if (propertiesMap) {
        const QStringList names =
            orderedProperties(QJsonObject{{QStringLiteral("properties"), object}});
        for (const QString &name : names) {
            QJsonValue schema = object.value(name);
            if (schema.isObject()) {
                QJsonObject plain = schema.toObject();
                plain.remove(kKeyword);
                schema = plain;
            }
            // A property called "properties" is a schema, not a map.
            members.append({name, schema, false});
        }
        return members;
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        members.append({it.key(), it.value(),
                        it.key() == QLatin1String("properties") && it.value().isObject()});
    return members;
}

} // namespace hm::flow::schemaorder
