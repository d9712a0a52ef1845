#pragma once

#include "widgets/SectionPage.h"

#include <QList>
#include <QMainWindow>
#include <QMargins>
#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QUrl;

namespace hm::app {

class CommandPalette;
class LanguageManager;
class SectionFrame;
class StatusNotice;
class StorageWarning;
struct ServerProfile;
class ServerConnection;
class ThemeManager;

// The console's shell: navigation sidebar, one page per section, menus and a
// status bar telling the server connection. Retranslates itself live. It
// knows no section by name: the section table (shell/Sections.h) makes the
// pages, and the shell hands each the session, gates it, asks it before
// leaving and gives it a menu if it has one.
class MainWindow : public QMainWindow, public SectionHost
{
    Q_OBJECT

public:
    struct Options
    {
        // Restore geometry, layout and section at start, save them on close,
        // and remember the language chosen from the menu. Off for screenshots.
        bool persistSettings = true;
        // Ask to sign in as soon as the server answers (the console does;
        // tests that only look at the shell leave it off).
        bool signInOnConnect = false;
        // The theme the View menu switches (main() passes the application's);
        // without one the window makes its own, which applies nothing until
        // a theme is chosen.
        ThemeManager *themes = nullptr;
    };

    MainWindow(LanguageManager *languages, ServerConnection *connection, Options options,
               QWidget *parent = nullptr);
    MainWindow(LanguageManager *languages, ServerConnection *connection, QWidget *parent = nullptr)
        : MainWindow(languages, connection, Options{}, parent)
    {}
    ~MainWindow() override;

    // SectionHost: shows the section with that id; false for unknown ids
    // (or when the section left shows unsaved work first).
    bool selectSection(const QString &id) override;
    // Shows the section and opens one of its items (an execution by id).
    bool openInSection(const QString &id, const QString &itemId) override;
    QString currentSection() const;
    // The page of a section (its frame's page), or nullptr.
    SectionPage *sectionPage(const QString &id) const;
    SectionFrame *sectionFrame(const QString &id) const;
    // The session the pages were last given.
    const Session &session() const { return m_session; }

    // Shows the sign-in dialog (through DialogSeam) for the current server;
    // true once signed in. Pages keep their state meanwhile.
    bool promptSignIn();
    // My account (profile, password, two-factor, sessions) for the signed-in
    // user, through DialogSeam; its Sign out signs the console out.
    void openAccount() override;
    // Adds a remote server profile (connection dialog, through DialogSeam)
    // and connects to it; true when a profile was saved.
    bool addServer();
    // Connects to the saved profile `name`, or the local server for "".
    bool switchServer(const QString &name);
    // Connects to the remote profile the console used last (QSettings),
    // instead of starting the local server; false when there is none.
    bool restoreActiveProfile();

    // Light, dark or the system's (View > Theme; the Settings page may use
    // the same object).
    ThemeManager *themeManager() const { return m_themes; }

    // The window's first geometry: `preferred` shrunk so that the window,
    // `frame` (title bar and borders) included, fits `available`, centred.
    static QRect initialGeometry(const QRect &available, QSize preferred,
                                 const QMargins &frame = {}, QSize minimum = {});
    // A saved geometry moved and shrunk to lie inside `available`.
    static QRect fitGeometry(const QRect &geometry, const QRect &available,
                             const QMargins &frame = {}, QSize minimum = {});

    void saveSettings() const;
    void restoreSettings();

    static constexpr QSize kDefaultSize{1200, 800};
    // A window narrower or shorter than this shows the navigation as icons
    // (names in tooltips), so that the pages keep room to work in and every
    // section's row shows (issue 34, item 8).
    static constexpr QSize kCompactSidebarBelow{1200, 700};
    bool isSidebarCompact() const { return m_sidebarCompact; }
    // The window's own minimum: below the pages' (the dashboard's cards), so
    // that the window fits a small or scaled screen (1400x900 at 200 %).
    static constexpr QSize kMinimumSize{560, 360};
    // Title bar and borders assumed before the window manager tells them.
    static constexpr QMargins kTypicalFrame{8, 36, 8, 8};

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    QWidget *createSidebar();
    void setSidebarCompact(bool compact);
    void updateNavigationTexts();
    void createPages();
    void createStatusBar();
    void retranslateUi();
    void updateConnectionStatus();
    void updateLanguageActions();
    void updateThemeActions();
    void applyTheme();
    void fitToScreen();
    void showAbout();
    // Ctrl+K: the sections and every menu command, by name.
    void openCommandPalette();
    // Ctrl+F: the search or filter field of the current view.
    void focusSearch();
    void offerRunningServer(qint64 pid, const QUrl &serverUrl);
    // Whether the Flows section may be left (it asks about unsaved edits).
    // Asks the pages (the current one first) whether they may be left; false
    // when one asked the user, and calls `proceed` once they answered.
    bool mayLeavePages(std::function<void()> proceed);
    // Before the console moves to another server: the pages may be left
    // (mayLeavePages) and are then reset for the new one.
    bool leaveServer(std::function<void()> proceed);
    void useProfile(const ServerProfile &profile);
    // SectionHost.
    void signIn() override { promptSignIn(); }
    void sectionStateChanged() override;
    void showNotice(const QString &text) override;
    // Hands the connection's session to every page, when it changed.
    void applySession();
    Session currentSession() const;
    void signInWhenConnected();
    QString sessionOnlyMessage() const;

    LanguageManager *m_languages;
    ServerConnection *m_connection;
    Options m_options;
    QList<SectionFrame *> m_frames; // in navigation order
    QList<QMenu *> m_sectionMenus;  // the sections' own menus, with their frames
    QList<SectionFrame *> m_menuFrames;
    Session m_session;
    bool m_sessionApplied = false;
    int m_currentRow = -1;

    QSplitter *m_splitter = nullptr;
    QWidget *m_sidebar = nullptr;
    QLabel *m_productName = nullptr;
    QLabel *m_sidebarFooter = nullptr;
    QToolButton *m_serverSwitch = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    bool m_sidebarCompact = false;
    int m_sidebarWidth =
        0; // as the user left it (0: never dragged), restored when no longer compact

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_myAccountAction = nullptr;
    QAction *m_addServerAction = nullptr;
    QMenu *m_serversMenu = nullptr;
    QString m_profileName; // the active remote profile; empty = local
    QAction *m_sidebarAction = nullptr;
    QAction *m_statusBarAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_findAction = nullptr;
    CommandPalette *m_palette = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    ThemeManager *m_themes = nullptr;
    QMenu *m_themeMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;

    QLabel *m_connectionDot = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QPushButton *m_retryButton = nullptr;
    StatusNotice *m_notice = nullptr;
    QLabel *m_serverVersion = nullptr;
    QLabel *m_userStatus = nullptr;
    QLabel *m_sectionStatus = nullptr;
    StorageWarning *m_storageWarning = nullptr; // the server's disk almost full / full
    bool m_signInOpen = false;
    bool m_signInOffered = false;
    bool m_fittedToScreen = false;
    QRect m_placedGeometry; // what the window chose, to refit once the frame is known
};

} // namespace hm::app
