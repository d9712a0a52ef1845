#pragma once

// The console's main window as most section tests open it: its settings
// not persisted, shown at a size, on one section, with that section's page
// at hand. One place for what TestNodesPage, TestUsersPanel,
// TestApiKeysPanel and TestCredentialsPage each wrote out again and again.
//
//     SectionWindow shown(m_server.languages.get(), m_server.connection.get());
//     QVERIFY(shown.open(QStringLiteral("users")));
//     auto *page = shown.page<UsersPage>();

#include "shell/MainWindow.h"

#include <QSize>
#include <QTest>

namespace hm::test {

class SectionWindow
{
public:
    static hm::app::MainWindow::Options options()
    {
        hm::app::MainWindow::Options options;
        options.persistSettings = false;
        return options;
    }

    SectionWindow(hm::app::LanguageManager *languages, hm::app::ServerConnection *connection,
                  QSize size = QSize(1280, 800),
                  const hm::app::MainWindow::Options &withOptions = options())
        : m_window(languages, connection, withOptions)
    {
        m_window.resize(size);
    }

    // Shows the window, waits until it is exposed and selects `section`:
    // false if either did not happen.
    [[nodiscard]] bool open(const QString &section)
    {
        m_section = section;
        m_window.show();
        return QTest::qWaitForWindowExposed(&m_window) && m_window.selectSection(section);
    }

    // The open section's page ("page.<section>"), nullptr if it is not a
    // `Page`.
    template <typename Page> Page *page() const
    {
        return m_window.findChild<Page *>(QStringLiteral("page.") + m_section);
    }

    hm::app::MainWindow &window() { return m_window; }

private:
    hm::app::MainWindow m_window;
    QString m_section;
};

} // namespace hm::test
