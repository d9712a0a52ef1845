// Han characters drawn in the variant of the language shown (shell/
// CjkFontFallbacks): the CJK family order for each UI language and system
// locale, what LanguageManager installs on the UI font and on the
// fixed-width font (terminal, logs, editors), and, where the Noto CJK fonts
// are installed, the font Qt really draws a Han character with. Without
// the order fontconfig's first CJK font (often Japanese) drew Chinese node
// names with Japanese glyph forms.

#include "shell/CjkFontFallbacks.h"
#include "shell/FontCacheReset.h"
#include "shell/LanguageManager.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QGlyphRun>
#include <QLabel>
#include <QRawFont>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>
#include <memory>

namespace CjkFonts = hm::app::CjkFontFallbacks;
using hm::app::LanguageManager;

namespace {

// The family Qt draws the first character of `text` with in `font`.
QString tcfDrawnFamily(const QFont &font, const QString &text)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns(0, 1);
    return runs.isEmpty() ? QString() : runs.first().rawFont().familyName();
}

bool tcfHasFamily(const QString &family)
{
    return QFontDatabase::families().contains(family);
}

// Qt keeps substitutes and some resolved family names in lower case.
QStringList tcfLower(const QStringList &families)
{
    QStringList lower;
    for (const QString &family : families)
        lower << family.toLower();
    return lower;
}

} // namespace

class TestCjkFonts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void orderFollowsTheLanguage_data();
    void orderFollowsTheLanguage();
    void languageInstallsTheOrder_data();
    void languageInstallsTheOrder();
    void hanIsDrawnInTheLanguagesVariant_data();
    void hanIsDrawnInTheLanguagesVariant();
    void aSwitchRedrawsTextAlreadyDrawn();

private:
    QTemporaryDir m_configDir;
    std::unique_ptr<LanguageManager> m_languages;
};

void TestCjkFonts::initTestCase()
{
    QVERIFY(m_configDir.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_configDir.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
    QCoreApplication::setApplicationName(QStringLiteral("TestCjkFonts"));
    QSettings().clear();
    m_languages = std::make_unique<LanguageManager>();
}

void TestCjkFonts::cleanupTestCase()
{
    m_languages.reset();
}

void TestCjkFonts::orderFollowsTheLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QStringList>("firstUi");    // the leading UI families
    QTest::addColumn<QStringList>("firstFixed"); // the leading fixed-width families
    const QString tc = QStringLiteral("Noto Sans CJK TC");
    const QString sc = QStringLiteral("Noto Sans CJK SC");
    const QString monoTc = QStringLiteral("Noto Sans Mono CJK TC");
    const QString monoSc = QStringLiteral("Noto Sans Mono CJK SC");

    // The Chinese UIs use their own variant whatever the system says.
    QTest::newRow("zh_TW on ja") << "zh_TW"
                                 << "ja_JP" << QStringList{tc} << QStringList{monoTc, tc};
    QTest::newRow("zh_CN on zh_TW") << "zh_CN"
                                    << "zh_TW" << QStringList{sc} << QStringList{monoSc, sc};
    // The English UI follows the system locale.
    QTest::newRow("en on zh_TW") << "en"
                                 << "zh_TW" << QStringList{tc} << QStringList{monoTc, tc};
    QTest::newRow("en on zh_HK") << "en"
                                 << "zh_HK" << QStringList{tc} << QStringList{monoTc, tc};
    QTest::newRow("en on zh_Hant") << "en"
                                   << "zh_Hant" << QStringList{tc} << QStringList{monoTc, tc};
    QTest::newRow("en on zh_CN") << "en"
                                 << "zh_CN" << QStringList{sc} << QStringList{monoSc, sc};
    QTest::newRow("en on zh_SG") << "en"
                                 << "zh_SG" << QStringList{sc} << QStringList{monoSc, sc};
    QTest::newRow("en on ja_JP") << "en"
                                 << "ja_JP" << QStringList{QStringLiteral("Noto Sans CJK JP")}
                                 << QStringList{QStringLiteral("Noto Sans Mono CJK JP")};
    QTest::newRow("en on ko_KR") << "en"
                                 << "ko_KR" << QStringList{QStringLiteral("Noto Sans CJK KR")}
                                 << QStringList{QStringLiteral("Noto Sans Mono CJK KR")};
    // Anything else: Simplified, then Traditional.
    QTest::newRow("en on en_US") << "en"
                                 << "en_US" << QStringList{sc} << QStringList{monoSc, monoTc, sc};
    QTest::newRow("en on de_DE") << "en"
                                 << "de_DE" << QStringList{sc} << QStringList{monoSc, monoTc, sc};
}

void TestCjkFonts::orderFollowsTheLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, system);
    QFETCH(QStringList, firstUi);
    QFETCH(QStringList, firstFixed);
    const QStringList ui = CjkFonts::uiFamilies(language, QLocale(system));
    const QStringList fixed = CjkFonts::fixedFamilies(language, QLocale(system));
    QCOMPARE(ui.mid(0, firstUi.size()), firstUi);
    QCOMPARE(fixed.mid(0, firstFixed.size()), firstFixed);
    // No Japanese forms for Chinese, and no duplicates.
    if (system.startsWith(QLatin1String("zh")) || language != QLatin1String("en")) {
        QVERIFY(!ui.contains(QStringLiteral("Noto Sans CJK JP")));
        QVERIFY(!fixed.contains(QStringLiteral("Noto Sans Mono CJK JP")));
    }
    QCOMPARE(QSet<QString>(fixed.cbegin(), fixed.cend()).size(), fixed.size());
}

void TestCjkFonts::languageInstallsTheOrder_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_TW") << "zh_TW";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestCjkFonts::languageInstallsTheOrder()
{
    QFETCH(QString, language);
    // Switching back and forth replaces the order rather than adding to it.
    for (const QString &code : {QStringLiteral("zh_CN"), QStringLiteral("zh_TW"), language})
        QVERIFY(m_languages->setLanguage(code, LanguageManager::Persist::No));

    const QStringList ui = CjkFonts::uiFamilies(language, QLocale::system());
    const QStringList families = QGuiApplication::font().families();
    QVERIFY2(families.size() > ui.size(), qPrintable(families.join(u", ")));
    QCOMPARE(families.mid(families.size() - ui.size()), ui);

    const QStringList fixed = CjkFonts::fixedFamilies(language, QLocale::system());
    const QFont fixedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QVERIFY(!fixedFont.families().isEmpty());
    QCOMPARE(tcfLower(QFont::substitutes(fixedFont.families().first())), tcfLower(fixed));
    QCOMPARE(tcfLower(QFont::substitutes(QStringLiteral("monospace"))), tcfLower(fixed));
}

void TestCjkFonts::hanIsDrawnInTheLanguagesVariant_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("fixedPitch");
    QTest::newRow("zh_TW UI") << "zh_TW" << false;
    QTest::newRow("zh_TW fixed") << "zh_TW" << true;
    QTest::newRow("zh_CN UI") << "zh_CN" << false;
    QTest::newRow("zh_CN fixed") << "zh_CN" << true;
    QTest::newRow("en UI") << "en" << false;
    QTest::newRow("en fixed") << "en" << true;
}

void TestCjkFonts::hanIsDrawnInTheLanguagesVariant()
{
    QFETCH(QString, language);
    QFETCH(bool, fixedPitch);
    const QStringList wanted = fixedPitch ? CjkFonts::fixedFamilies(language, QLocale::system())
                                          : CjkFonts::uiFamilies(language, QLocale::system());
    QString expected;
    for (const QString &family : wanted) {
        if (tcfHasFamily(family)) {
            expected = family;
            break;
        }
    }
    if (expected.isEmpty())
        QSKIP("none of the CJK fonts of this language is installed");

    QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
    // A font made after the switch, as widgets make theirs, at one size for
    // every row: Qt caches engines per first family and size, and without
    // FontCacheReset a switch kept the previous language's glyph forms.
    QFont font = fixedPitch ? QFontDatabase::systemFont(QFontDatabase::FixedFont)
                            : QFont(QGuiApplication::font());
    font.setPixelSize(41);
    // 門 and 骨 have visibly different forms in TC, SC and JP fonts.
    QCOMPARE(tcfDrawnFamily(font, QStringLiteral("門")).toLower(), expected.toLower());
    QCOMPARE(tcfDrawnFamily(font, QStringLiteral("骨")).toLower(), expected.toLower());
}

void TestCjkFonts::aSwitchRedrawsTextAlreadyDrawn()
{
    const QString traditional = QStringLiteral("Noto Sans CJK TC");
    const QString simplified = QStringLiteral("Noto Sans CJK SC");
    if (!tcfHasFamily(traditional) || !tcfHasFamily(simplified))
        QSKIP("the Noto CJK TC and SC fonts are not both installed");
    const auto drawnNow = [] {
        QFont font(QGuiApplication::font());
        font.setPixelSize(29);
        return tcfDrawnFamily(font, QStringLiteral("骨")).toLower();
    };
    // A label on screen the whole time, as the console's are.
    QLabel label(QStringLiteral("骨門"));
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QList<QImage> shown;
    // Back and forth at one size: each switch draws in its own variant.
    for (const auto &[language, family] : {std::pair{QStringLiteral("zh_TW"), traditional},
                                           std::pair{QStringLiteral("zh_CN"), simplified},
                                           std::pair{QStringLiteral("zh_TW"), traditional}}) {
        QVERIFY(m_languages->setLanguage(language, LanguageManager::Persist::No));
        QCOMPARE(drawnNow(), family.toLower());
        QTRY_COMPARE(label.font().families(), QGuiApplication::font().families());
        shown << label.grab().toImage();
    }
    QVERIFY2(shown.at(0) != shown.at(1), "the label kept its Traditional forms under zh_CN");
    QCOMPARE(shown.at(2), shown.at(0));
    // The font that made Qt drop its caches is gone again, and a switch to
    // the language already shown keeps the caches (nothing to redraw).
    QVERIFY(!QFontDatabase::families().contains(QStringLiteral("HiveMind Font Cache Reset")));
    QVERIFY(hm::app::dropCachedFontEngines());
    QVERIFY(!QFontDatabase::families().contains(QStringLiteral("HiveMind Font Cache Reset")));
}

QTEST_MAIN(TestCjkFonts)
#include "TestCjkFonts.moc"
