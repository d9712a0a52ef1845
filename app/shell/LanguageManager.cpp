#include "shell/LanguageManager.h"

#include "common/Logging.h"
#include "shell/CjkFontFallbacks.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontInfo>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <memory>

namespace hm::app {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent)
{
    // The family the platform's UI font really resolves to ("Sans Serif" is
    // only an alias, which would lose to the CJK families added below).
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        m_baseFamilies = {QFontInfo(QGuiApplication::font()).family()};
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

const QList<LanguageManager::Language> &LanguageManager::languages()
{
    static const QList<Language> all = {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_TW"), QStringLiteral("繁體中文")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
    return all;
}

bool LanguageManager::isSupported(const QString &code)
{
    for (const Language &language : languages()) {
        if (language.code == code)
            return true;
    }
    return false;
}

QString LanguageManager::languageForLocale(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return QStringLiteral("en");
    if (locale.script() == QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_TW");
    if (locale.script() == QLocale::SimplifiedChineseScript)
        return QStringLiteral("zh_CN");
    switch (locale.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao:
        return QStringLiteral("zh_TW");
    default:
        return QStringLiteral("zh_CN");
    }
}

QString LanguageManager::preferredLanguage()
{
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (isSupported(saved))
        return saved;
    return languageForLocale(QLocale::system());
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **translator : {&m_appTranslator, &m_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

void LanguageManager::applyFontFallbacks(const QString &code)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    // The platform's UI font stays first; Han characters then come from a
    // font of the right variant (Traditional punctuation sits centred, for
    // one), instead of whichever CJK font the system falls back to. The
    // fixed-width font (terminal, logs, editors) gets the same order.
    QStringList base = m_baseFamilies;
    if (base.isEmpty())
        base << QGuiApplication::font().family();
    const QLocale system = QLocale::system();
    CjkFontFallbacks::apply(base, CjkFontFallbacks::uiFamilies(code, system),
                            CjkFontFallbacks::fixedFamilies(code, system));
}

bool LanguageManager::setLanguage(const QString &code, Persist persist)
{
    if (!isSupported(code)) {
        qCWarning(lcApp) << "unsupported language" << code;
        return false;
    }

    auto appTranslator = std::make_unique<QTranslator>();
    const QString catalogue = QStringLiteral(":/i18n/hivemind_") + code + QStringLiteral(".qm");
    if (!appTranslator->load(catalogue)) {
        qCWarning(lcApp) << "cannot load translation catalogue" << catalogue;
        return false;
    }

    // Qt's own strings (standard dialog buttons, context menus) when the
    // system has them; optional.
    auto qtTranslator = std::make_unique<QTranslator>();
    const bool haveQt = code != QStringLiteral("en") &&
                        qtTranslator->load(QStringLiteral("qtbase_") + code,
                                           QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    removeTranslators();
    QLocale::setDefault(QLocale(code));
    if (haveQt) {
        m_qtTranslator = qtTranslator.release();
        QCoreApplication::installTranslator(m_qtTranslator);
    }
    m_appTranslator = appTranslator.release();
    QCoreApplication::installTranslator(m_appTranslator);

    applyFontFallbacks(code);
    if (persist == Persist::Yes)
        QSettings().setValue(kSettingsKey, code);

    const bool changed = m_current != code;
    m_current = code;
    if (changed)
        emit languageChanged(code);
    qCDebug(lcApp) << "language" << code;
    return true;
}

} // namespace hm::app
