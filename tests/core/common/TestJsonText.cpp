// json::appendCompact must write exactly what QJsonDocument::toJson(Compact)
// writes (as UTF-8), and with Secrets::Mask exactly what it writes for
// SensitiveDataMasker::mask() of the same value: the history stores these
// texts and reads them back with Qt's parser.

#include "common/JsonText.h"
#include "common/SensitiveDataMasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <limits>

using namespace hm;

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
