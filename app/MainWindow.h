#pragma once

#include <QMainWindow>
#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QUrl;

namespace hm::app {

class ExecutionsPage;
class FlowsPage;
class LanguageManager;
class ServerConnection;

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

    void saveSettings() const;
    void restoreSettings();

    static constexpr QSize kDefaultSize{1200, 800};

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    QWidget *createSidebar();
    void createPages();
    void createStatusBar();
    void retranslateUi();
    void updateConnectionStatus();
    void updateLanguageActions();
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

    QLabel *m_connectionDot = nullptr;
    QLabel *m_connectionStatus = nullptr;
    QLabel *m_serverVersion = nullptr;
    QLabel *m_userStatus = nullptr;
    bool m_signInOpen = false;
    bool m_signInOffered = false;
};

} // namespace hm::app
