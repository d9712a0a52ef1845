// Component versions: what parses as a semantic version and the precedence
// order of semver.org §11.

#include "flow/SemanticVersion.h"

#include <QTest>
#include <algorithm>

using namespace hm::flow;

class TestSemanticVersion : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("release") << "1.2.3" << true;
        QTest::newRow("zeros") << "0.0.0" << true;
        QTest::newRow("pre-release") << "2.0.0-rc.1" << true;
        QTest::newRow("build") << "1.0.0+build.7" << true;
        QTest::newRow("both") << "1.0.0-alpha-b.2+sha.5114f85" << true;
        QTest::newRow("two parts") << "1.0" << false;
        QTest::newRow("prefix") << "v1.0.0" << false;
        QTest::newRow("leading zero") << "1.02.0" << false;
        QTest::newRow("leading zero pre") << "1.0.0-01" << false;
        QTest::newRow("empty pre") << "1.0.0-" << false;
        QTest::newRow("spaces") << " 1.0.0" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("too large") << "99999999999999999999.0.0" << false;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(SemanticVersion::parse(text).has_value(), valid);
    }

    void precedence()
    {
        // semver.org's own example, then numbers compared as numbers.
        const QStringList ordered{"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                                  "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                                  "1.0.0-rc.1",  "1.0.0",         "1.2.0",
                                  "1.10.0",      "2.0.0",         "10.0.0"};
        QStringList shuffled = ordered;
        std::reverse(shuffled.begin(), shuffled.end());
        std::swap(shuffled[2], shuffled[7]);
        std::sort(shuffled.begin(), shuffled.end(),
                  [](const QString &a, const QString &b) { return compareVersions(a, b) < 0; });
        QCOMPARE(shuffled, ordered);
        // Build metadata does not count for precedence (compareVersions then
        // falls back to the text, so a list has one order); invalid
        // versions sort last.
        QCOMPARE(SemanticVersion::parse("1.0.0+a")->compare(*SemanticVersion::parse("1.0.0+b")), 0);
        QVERIFY(compareVersions("1.0.0+a", "1.0.0+b") < 0);
        QVERIFY(compareVersions("9.9.9", "latest") < 0);
    }
};

QTEST_GUILESS_MAIN(TestSemanticVersion)
#include "TestSemanticVersion.moc"
