#include "LanguageManager.h"

#include "common/Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>

#include <memory>

namespace hm::app {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

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

    if (persist == Persist::Yes)
        QSettings().setValue(kSettingsKey, code);

    const bool changed = m_current != code;
    m_current = code;
    if (changed)
        emit languageChanged(code);
    qCInfo(lcApp) << "language" << code;
    return true;
}

} // namespace hm::app
