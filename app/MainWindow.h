#pragma once

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

class ExecutionsPage;
class FlowsPage;
class LanguageManager;
class ServerConnection;
class ThemeManager;

// The console's shell: navigation sidebar, one page per section, menus and a
// status bar telling the server connection. Retranslates itself live.
class MainWindow : public QMainWindow
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

    // Shows the section with that id; false for unknown ids.
    bool selectSection(const QString &id);
    QString currentSection() const;
    // The Executions section showing one execution (after a trigger).
    void openExecution(const QString &executionId);
    ExecutionsPage *executionsPage() const { return m_executionsPage; }

    // Shows the sign-in dialog (through DialogSeam) for the current server;
    // true once signed in. Pages keep their state meanwhile.
    bool promptSignIn();
    // My account (profile, password, two-factor, sessions) for the signed-in
    // user, through DialogSeam; its Sign out signs the console out.
    void openAccount();
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
    // The window's own minimum: below the pages' (the dashboard's cards), so
    // that the window fits a small or scaled screen (1400x900 at 200 %).
    static constexpr QSize kMinimumSize{560, 360};
    // Title bar and borders assumed before the window manager tells them.
    static constexpr QMargins kTypicalFrame{8, 36, 8, 8};

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    QWidget *createSidebar();
    void createPages();
    void createStatusBar();
    void retranslateUi();
    void updateConnectionStatus();
    void updateLanguageActions();
    void updateThemeActions();
    void applyTheme();
    void fitToScreen();
    void showAbout();
    void offerRunningServer(qint64 pid, const QUrl &serverUrl);
    // Whether the Flows section may be left (it asks about unsaved edits).
    bool mayLeaveFlows(std::function<void()> proceed);
    void signInWhenConnected();
    QString sessionOnlyMessage() const;

    LanguageManager *m_languages;
    ServerConnection *m_connection;
    Options m_options;
    FlowsPage *m_flowsPage = nullptr;
    int m_currentRow = -1;

    QSplitter *m_splitter = nullptr;
    QWidget *m_sidebar = nullptr;
    QLabel *m_productName = nullptr;
    QLabel *m_sidebarFooter = nullptr;
    QToolButton *m_serverSwitch = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ExecutionsPage *m_executionsPage = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_flowMenu = nullptr;
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
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    ThemeManager *m_themes = nullptr;
    QMenu *m_themeMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;

    QLabel *m_connectionDot = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QPushButton *m_retryButton = nullptr;
    QLabel *m_serverVersion = nullptr;
    QLabel *m_userStatus = nullptr;
    bool m_signInOpen = false;
    bool m_signInOffered = false;
    bool m_fittedToScreen = false;
    QRect m_placedGeometry; // what the window chose, to refit once the frame is known
};

} // namespace hm::app
