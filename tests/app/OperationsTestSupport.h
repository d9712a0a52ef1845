#pragma once

// What the operations panels' tests share (Audit & Logs, Settings, Backups,
// the dashboard, the execution list): a real hivemind-server with the
// console's client signed in (ConsoleFixture), a second client signed in as
// another role, and screenshots of a panel in the console's style.

#include "ExecutionTestSupport.h"
#include "shell/LanguageManager.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWidget>
#include <memory>

namespace hm::test {

// A console panel's test: the console's settings of its own (QSettings
// under a temporary XDG_CONFIG_HOME, cleared), the console in English, a
// real server (ServerFixture) and the console's client signed in as its
// administrator. Inherit it after QObject, as ServerFixture.
class ConsoleFixture : protected ServerFixture
{
protected:
    QTemporaryDir m_config;
    std::unique_ptr<hm::app::LanguageManager> m_languages;
    hm::client::ApiClient m_client;

    // From initTestCase, `application` naming the test; "" when all is
    // there, else what went wrong.
    QString startConsole(const QString &application)
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HiveMindTest"));
        QCoreApplication::setApplicationName(application);
        QSettings().clear();
        m_languages = std::make_unique<hm::app::LanguageManager>();
        if (!m_languages->setLanguage(QStringLiteral("en"), hm::app::LanguageManager::Persist::No))
            return QStringLiteral("the console cannot switch to English");
        if (const QString problem = startServer(); !problem.isEmpty())
            return problem;
        return signIn(m_client, m_http->base());
    }
};

// Signs `client` in as `name` (made with createApiUser); empty on success.
inline QString signInAs(hm::client::ApiClient &client, const QUrl &url, const QString &name,
                        const QString &password)
{
    client.setBaseUrl(url);
    bool done = false;
    QString problem;
    client.login(name, password, [&](Result<hm::client::LoginResult> r) {
        if (!r)
            problem = r.error().toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return QStringLiteral("no answer to the login");
    return problem;
}

// The console's style sheet on a panel shown on its own, as the main
// window shows it: the colour tokens of the theme the application's palette
// is in (ThemeManager::setMode sets it).
inline void styleAsConsole(QWidget *page)
{
    page->setStyleSheet(hm::app::ThemeManager::styleSheet(
        hm::app::ThemeManager::isDarkPalette(QGuiApplication::palette())));
    page->setAttribute(Qt::WA_StyledBackground, true);
    page->setProperty("sectionPage", true);
}

// Saves `widget` as <HIVEMIND_SCREENSHOT_DIR>/<name>.png; true when not
// asked for (no directory) or saved.
inline bool screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    QDir().mkpath(dir);
    // Nested layouts settle over several passes (each posts the next
    // LayoutRequest); one pass caught a word-wrapped label at its height
    // from before a language switch.
    for (int pass = 0; pass < 5; ++pass)
        QApplication::processEvents();
    return widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace hm::test
