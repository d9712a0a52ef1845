// json::appendCompact must write exactly what QJsonDocument::toJson(Compact)
// writes (as UTF-8), and with Secrets::Mask exactly what it writes for
// SensitiveDataMasker::mask() of the same value: the history stores these
// texts and reads them back with Qt's parser.

#include "common/JsonText.h"
#include "common/SensitiveDataMasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <limits>

using namespace hm;
using namespace Qt::StringLiterals;

namespace {

QByteArray qtText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray ourText(const QJsonObject &object, json::Secrets secrets = json::Secrets::Keep)
{
    return json::compact(object, secrets).toUtf8();
}

QString fromUtf16(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar *>(std::data(units)), qsizetype(units.size()));
}

// Random documents for the differential test: keys among them
// sensitive ones in any case, values of every type, strings with escapes
// and surrogates, numbers integral and not.
class RandomJson
{
public:
    explicit RandomJson(quint32 seed) : m_random(seed) {}

    QJsonObject object(int depth)
    {
        QJsonObject o;
        const int size = int(m_random.bounded(6));
        for (int i = 0; i < size; ++i)
            o.insert(key(), value(depth));
        return o;
    }

private:
    QString key()
    {
        static const QStringList keys = {u"v"_s,       u"step"_s, u"password"_s,  u"Token"_s,
                                         u"API_KEY"_s, u"auth"_s, u"authority"_s, u"x"_s};
        return m_random.bounded(3) == 0 ? text(4) : keys.at(m_random.bounded(int(keys.size())));
    }

    QString text(int maxLength)
    {
        static const QString alphabet =
            QStringLiteral("ab \"\\/\n\t\u0001é鍵") + QChar(0xd83d) + QChar(0xde00);
        QString s;
        const int length = int(m_random.bounded(maxLength + 1));
        for (int i = 0; i < length; ++i)
            s += alphabet.at(m_random.bounded(int(alphabet.size())));
        return s;
    }

    QJsonValue value(int depth)
    {
        switch (m_random.bounded(depth > 0 ? 9 : 7)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return m_random.bounded(2) == 1;
        case 2:
            return qint64(m_random.generate64()) >> m_random.bounded(64);
        case 3:
            // Below 2^53: an integral double above it is written as its
            // exact integer, where Qt writes its shortest digits padded
            // with zeros (both read back as the same double).
            return m_random.generateDouble() * std::pow(10.0, int(m_random.bounded(36)) - 20);
        case 4:
            return int(m_random.bounded(1000)) - 500;
        case 5:
        case 6:
            return text(12);
        case 7: {
            QJsonArray array;
            const int size = int(m_random.bounded(4));
            for (int i = 0; i < size; ++i)
                array.append(value(depth - 1));
            return array;
        }
        default:
            return object(depth - 1);
        }
    }

    QRandomGenerator m_random;
};

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void sameTextAsQt_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("empty") << QJsonObject{};
        QTest::newRow("scalars") << QJsonObject{
            {"b", true},   {"f", false}, {"n", QJsonValue::Null},
            {"s", "text"}, {"i", 7},     {"neg", -42}};
        QTest::newRow("numbers") << QJsonObject{
            {"half", 0.5},
            {"third", 1.0 / 3.0},
            {"big", 1e20},
            {"tiny", 1.5e-7},
            {"negzero", -0.0},
            {"max53", double(9007199254740992LL)},
            {"int64", QJsonValue(qint64(9007199254740993LL))},
            {"min", QJsonValue(std::numeric_limits<qint64>::min())},
            {"max", QJsonValue(std::numeric_limits<qint64>::max())},
            {"nan", std::numeric_limits<double>::quiet_NaN()},
            {"inf", std::numeric_limits<double>::infinity()},
            {"dbl", 123456789.125}};
        QTest::newRow("escapes") << QJsonObject{
            {"quote\"key", "a \"quoted\" \\ back\\slash"},
            {"controls", fromUtf16({u'\b', u'\f', u'\n', u'\r', u'\t', 0x01, 0x1f, 0x7f, u'x'})},
            {"slash", "a/b"}};
        QTest::newRow("unicode") << QJsonObject{
            {QStringLiteral("鍵"), QStringLiteral("繁體中文 简体中文 café")},
            {"emoji", fromUtf16({0xd83d, 0xde00, u'!'})},
            {"lone high", fromUtf16({u'a', 0xd83d, u'b'})},
            {"lone low", fromUtf16({0xde00})},
            {"high at end", fromUtf16({u'z', 0xd83d})}};
        QTest::newRow("nested") << QJsonObject{
            {"list", QJsonArray{1, "two", QJsonArray{}, QJsonObject{}, QJsonValue::Null, 2.5}},
            {"deep", QJsonObject{{"a", QJsonObject{{"b", QJsonArray{QJsonObject{{"c", 1}}}}}}}}};
    }

    void sameTextAsQt()
    {
        QFETCH(QJsonObject, object);
        QCOMPARE(ourText(object), qtText(object));
    }

    void maskedLikeTheMasker_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("flat") << QJsonObject{
            {"user", "alice"}, {"password", "s3cr3t-Very-Long-Password"},
            {"pwd", "short"},  {"token", 12345},
            {"apiKey", true},  {"secret", QJsonValue::Null}};
        QTest::newRow("nested") << QJsonObject{
            {"headers", QJsonObject{{"Authorization", "Bearer abcdefghijklmnopqrstuvwxyz"},
                                    {"Accept", "application/json"}}},
            {"credential", QJsonObject{{"user", "bob"}, {"pass", "x"}}},
            {"auth", QJsonArray{"a", "b"}},
            {"list", QJsonArray{QJsonObject{{"accessToken", "tok_ABCDEFGHIJKLMNOP"}}, 3}}};
        QTest::newRow("nothing to mask") << QJsonObject{{"v", 7}, {"step", 3}};
    }

    void maskedLikeTheMasker()
    {
        QFETCH(QJsonObject, object);
        QCOMPARE(ourText(object, json::Secrets::Mask), qtText(SensitiveDataMasker::mask(object)));
    }

    // Many random documents, plain and masked, against Qt's own writer.
    void randomDocumentsLikeQt()
    {
        RandomJson random(20261123);
        for (int n = 0; n < 20000; ++n) {
            const QJsonObject object = random.object(3);
            QCOMPARE(ourText(object), qtText(object));
            QCOMPARE(ourText(object, json::Secrets::Mask),
                     qtText(SensitiveDataMasker::mask(object)));
        }
    }

    // Every UTF-16 unit, alone, between letters and before a low
    // surrogate, in a key and in a value: appendString's table and its
    // escapes against Qt's writer.
    void everyCharacterLikeQt()
    {
        for (char32_t u = 0; u <= 0xffff; ++u) {
            const QChar c{char16_t(u)};
            const QString alone(c);
            const QString between = u'a' + alone + u'b';
            const QString beforeLow = alone + QChar(0xde00);
            const QJsonObject object{{alone, between}, {between, alone}, {u"x"_s, beforeLow}};
            if (ourText(object) != qtText(object))
                QFAIL(qPrintable(QStringLiteral("differs for U+%1").arg(uint(u), 4, 16, QChar(u'0'))));
        }
    }

    void integersLikeQString_data()
    {
        QTest::addColumn<qint64>("value");
        for (qint64 v :
             {qint64(0), qint64(7), qint64(-1), qint64(10), qint64(-10), qint64(1763700000123),
              std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()})
            QTest::addRow("%lld", static_cast<long long>(v)) << v;
    }

    void integersLikeQString()
    {
        QFETCH(qint64, value);
        QString out = QStringLiteral("x");
        json::appendInteger(out, value);
        QCOMPARE(out, u'x' + QString::number(value));
    }

    void parsesBack()
    {
        const QJsonObject object{{"k", fromUtf16({u'a', 0xd83d, u'"', u'\n'})}, {"n", 0.1}};
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(ourText(object), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value("n").toDouble(), 0.1);
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "TestJsonText.moc"
