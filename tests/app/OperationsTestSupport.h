#pragma once

// What the operations panels' tests share (Audit & Logs, Settings, the
// dashboard): a real hivemind-server with the console's client signed in
// (ExecutionTestSupport), a second client signed in as another role, and
// screenshots of a panel in the console's style.

#include "ExecutionTestSupport.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QWidget>

namespace hm::test {

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
    QApplication::processEvents();
    return widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace hm::test
