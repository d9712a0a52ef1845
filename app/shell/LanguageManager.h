#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace hm::app {

// Installs the console's translator (compiled-in .qm files under :/i18n) and
// switches it at run time; Qt then sends QEvent::LanguageChange to every
// widget, which retranslates itself.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;       // "en", "zh_TW", "zh_CN"
        QString nativeName; // the language's name in that language
    };

    static inline const QString kSettingsKey = QStringLiteral("ui/language");

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    static const QList<Language> &languages();
    static bool isSupported(const QString &code);
    // zh_TW / zh_HK / zh_MO / Traditional script -> zh_TW, other Chinese -> zh_CN, else en.
    static QString languageForLocale(const QLocale &locale);
    // The language saved in QSettings, else the system locale's.
    static QString preferredLanguage();

    QString currentLanguage() const { return m_current; }

    enum class Persist
    {
        No,
        Yes
    };
    // Loads and installs the translator for `code`; false for unknown codes or
    // a missing catalogue (the previous language then stays).
    bool setLanguage(const QString &code, Persist persist = Persist::Yes);

signals:
    void languageChanged(const QString &code);

private:
    void removeTranslators();
    void applyFontFallbacks(const QString &code);

    QStringList m_baseFamilies;

    QString m_current;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace hm::app
