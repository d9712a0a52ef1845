#include "shell/MainWindow.h"

#include "admin/AccountPanel.h"
#include "client/ApiClient.h"
#include "client/Within.h"
#include "common/Check.h"
#include "connection/ConnectionDialog.h"
#include "connection/ServerConnection.h"
#include "connection/ServerProfiles.h"
#include "connection/SignInDialog.h"
#include "hivemind/Version.h"
#include "operations/StorageWarning.h"
#include "shell/AboutDialog.h"
#include "shell/CommandPalette.h"
#include "shell/LanguageManager.h"
#include "shell/SectionFrame.h"
#include "shell/Sections.h"
#include "shell/ShownPageLayout.h"
#include "shell/StatusNotice.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/BackgroundTasksStatus.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"
#include "widgets/StatusIndicator.h"
#include "widgets/ThemeManager.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

namespace hm::app {

namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kSectionKey = QStringLiteral("mainWindow/section");
// How long a section's notice stays in the status bar.
constexpr int kNoticeMs = 15000;
const QString kSidebarKey = QStringLiteral("mainWindow/sidebarVisible");
const QString kStatusBarKey = QStringLiteral("mainWindow/statusBarVisible");

constexpr int kSidebarWidth = 232;
constexpr int kCompactSidebarWidth = 64;
constexpr int kSidebarMinimumWidth = 180;
const QString kServerSwitchIcon = QStringLiteral(":/icons/switch-server.svg");

} // namespace

MainWindow::MainWindow(LanguageManager *languages, ServerConnection *connection, Options options,
                       QWidget *parent)
    : QMainWindow(parent), m_languages(languages), m_connection(connection), m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/hivemind.svg")));
    m_themes = m_options.themes ? m_options.themes : new ThemeManager(this);
    applyTheme();
    connect(m_themes, &ThemeManager::themeChanged, this, &MainWindow::applyTheme);
    connect(m_themes, &ThemeManager::modeChanged, this, &MainWindow::updateThemeActions);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(createSidebar());
    // The pages scroll when the window is shorter or narrower than what a
    // page needs (a small or scaled screen), instead of being squeezed.
    auto *pagesScroll = new QScrollArea(m_splitter);
    pagesScroll->setObjectName(QStringLiteral("pagesScroll"));
    pagesScroll->setFrameShape(QFrame::NoFrame);
    pagesScroll->setWidgetResizable(true);
    // The stack sits in a holder whose layout asks for the shown page's
    // minimum only (ShownPageLayout says why).
    auto *pagesHolder = new QWidget(pagesScroll);
    pagesHolder->setObjectName(QStringLiteral("pagesHolder"));
    m_pages = new QStackedWidget(pagesHolder);
    m_pages->setObjectName(QStringLiteral("pages"));
    new ShownPageLayout(pagesHolder, m_pages);
    pagesScroll->setWidget(pagesHolder);
    m_splitter->addWidget(pagesScroll);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({kSidebarWidth, kDefaultSize.width() - kSidebarWidth});
    setCentralWidget(m_splitter);

    createPages();
    createMenus();
    createStatusBar();

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        // Leaving a section with unsaved work asks first (the Flows editor).
        if (m_currentRow >= 0 && m_currentRow < m_frames.size() && row != m_currentRow) {
            SectionPage *leaving = m_frames.at(m_currentRow)->page(); // null: no page
            if (leaving && !leaving->mayLeave([this, row] { m_navigation->setCurrentRow(row); })) {
                const QSignalBlocker blocker(m_navigation);
                m_navigation->setCurrentRow(m_currentRow);
                return;
            }
        }
        m_currentRow = row;
        m_pages->setCurrentIndex(row);
        sectionStateChanged();
    });
    connect(m_connection, &ServerConnection::stateChanged, this,
            &MainWindow::updateConnectionStatus);
    connect(m_connection, &ServerConnection::infoChanged, this,
            &MainWindow::updateConnectionStatus);
    connect(m_connection, &ServerConnection::dataDirInUse, this, &MainWindow::offerRunningServer);
    connect(m_connection, &ServerConnection::signedInChanged, this,
            &MainWindow::updateConnectionStatus);
    connect(m_connection, &ServerConnection::stateChanged, this, &MainWindow::signInWhenConnected);
    // Every page follows the session through one call.
    connect(m_connection, &ServerConnection::stateChanged, this, &MainWindow::applySession);
    connect(m_connection, &ServerConnection::signedInChanged, this, &MainWindow::applySession);
    // What the server serves is known once it answered GET /version.
    connect(m_connection, &ServerConnection::infoChanged, this, &MainWindow::applySession);
    // Asked again in place: the pages and their unsaved state stay as they are.
    connect(m_connection, &ServerConnection::sessionExpired, this, [this] {
        if (m_options.signInOnConnect)
            QTimer::singleShot(0, this, &MainWindow::promptSignIn);
    });
    connect(m_languages, &LanguageManager::languageChanged, this,
            &MainWindow::updateLanguageActions);

    // An explicit minimum: the layout would otherwise take the largest page's.
    setMinimumSize(kMinimumSize);
    resize(kDefaultSize);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        setGeometry(initialGeometry(screen->availableGeometry(), kDefaultSize, kTypicalFrame,
                                    kMinimumSize));
    m_placedGeometry = geometry();
    m_navigation->setCurrentRow(0);

    retranslateUi();
    updateLanguageActions();
    updateThemeActions();
    if (m_options.persistSettings)
        restoreSettings();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createSidebar()
{
    m_sidebar = new QWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAttribute(Qt::WA_StyledBackground, true);
    m_sidebar->setMinimumWidth(kSidebarMinimumWidth);

    auto *layout = new QVBoxLayout(m_sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *header = new QWidget(m_sidebar);
    header->setObjectName(QStringLiteral("sidebarHeader"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 18, 16, 14);
    headerLayout->setSpacing(10);
    auto *logo = new QLabel(header);
    logo->setPixmap(
        QIcon(QStringLiteral(":/icons/hivemind.svg")).pixmap(QSize(28, 28), devicePixelRatioF()));
    m_productName = new QLabel(header);
    m_productName->setObjectName(QStringLiteral("productName"));
    headerLayout->addWidget(logo);
    headerLayout->addWidget(m_productName, 1);
    layout->addWidget(header);

    m_navigation = new QListWidget(m_sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    for (const Section &section : sections()) {
        auto *item = new QListWidgetItem(
            ThemeManager::themedIcon(section.iconPath, QGuiApplication::palette()), QString(),
            m_navigation);
        item->setData(Qt::UserRole, section.id);
        item->setSizeHint(QSize(0, 40));
    }
    layout->addWidget(m_navigation, 1);

    m_sidebarFooter = new QLabel(m_sidebar);
    m_sidebarFooter->setObjectName(QStringLiteral("sidebarFooter"));
    m_sidebarFooter->setContentsMargins(20, 10, 16, 14);
    layout->addWidget(m_sidebarFooter);
    // The profile switcher at the foot (console.md, "Window"): the same
    // menu as File > Switch Server, set once the menus exist.
    m_serverSwitch = new QToolButton(m_sidebar);
    m_serverSwitch->setObjectName(QStringLiteral("sidebar.serverSwitch"));
    m_serverSwitch->setPopupMode(QToolButton::InstantPopup);
    m_serverSwitch->setAutoRaise(true);
    m_serverSwitch->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_serverSwitch->setIcon(
        ThemeManager::themedIcon(kServerSwitchIcon, QGuiApplication::palette()));
    layout->addWidget(m_serverSwitch, 0, Qt::AlignLeft);
    return m_sidebar;
}

void MainWindow::createPages()
{
    const SectionContext context{m_connection, m_languages, m_themes, m_options.persistSettings,
                                 this};
    for (const SectionEntry &entry : sectionTable()) {
        auto *frame = new SectionFrame(entry.section, this, m_pages);
        // A factory that makes nothing leaves its frame with the gate only,
        // so that the sidebar's rows and the pages stay in step.
        SectionPage *page = entry.factory(context, frame);
        HM_CHECK(page, {});
        if (page) {
            frame->setPage(page);
            page->widget()->setAttribute(Qt::WA_StyledBackground, true);
            page->widget()->setProperty("sectionPage", true);
        }
        frame->setAttribute(Qt::WA_StyledBackground, true);
        m_pages->addWidget(frame);
        m_frames.append(frame);
    }
    applySession();
}

Session MainWindow::currentSession() const
{
    Session session;
    session.client = m_connection->client();
    session.connected = m_connection->state() == ServerConnection::State::Connected;
    session.signedIn = m_connection->isSignedIn();
    if (session.signedIn)
        session.user = m_connection->user();
    if (session.connected) {
        const ServerConnection::ServerInfo &info = m_connection->info();
        session.serverVersion = info.version;
        session.serverFeatures = info.features;
        session.serverFeaturesKnown = info.featuresKnown;
    }
    return session;
}

void MainWindow::applySession()
{
    const Session session = currentSession();
    if (m_sessionApplied && session == m_session)
        return;
    m_session = session;
    m_sessionApplied = true;
    for (SectionFrame *frame : std::as_const(m_frames))
        frame->applySession(session);
    if (m_storageWarning)
        m_storageWarning->setClient(session.signedInClient());
    sectionStateChanged();
}

void MainWindow::sectionStateChanged()
{
    if (!m_sectionStatus)
        return;
    const SectionFrame *frame = m_frames.value(m_pages->currentIndex());
    const QString text = frame && frame->page() ? frame->page()->stateText() : QString();
    m_sectionStatus->setText(text);
    m_sectionStatus->setVisible(!text.isEmpty());
}

void MainWindow::showNotice(const QString &text)
{
    m_notice->showNotice(text, kNoticeMs);
}

SectionFrame *MainWindow::sectionFrame(const QString &id) const
{
    for (SectionFrame *frame : m_frames) {
        if (frame->section().id == id)
            return frame;
    }
    return nullptr;
}

SectionPage *MainWindow::sectionPage(const QString &id) const
{
    const SectionFrame *frame = sectionFrame(id);
    return frame ? frame->page() : nullptr;
}

void MainWindow::openAccount()
{
    if (!m_connection->isSignedIn())
        return;
    AccountDialog dialog(m_connection->client(), m_connection->user(), this);
    bool signOut = false;
    connect(dialog.panel(), &AccountPanel::signOutRequested, this, [&signOut] { signOut = true; });
    DialogSeam::exec(&dialog);
    if (signOut)
        m_signOutAction->trigger();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_signInAction = m_fileMenu->addAction(QString(), this, &MainWindow::promptSignIn);
    m_signInAction->setObjectName(QStringLiteral("action.signIn"));
    m_signOutAction = m_fileMenu->addAction(QString(), this, [this] {
        if (auto *client = m_connection->client())
            client->logout([](hm::Result<void>) {});
        m_connection->setSignedIn({});
    });
    m_signOutAction->setObjectName(QStringLiteral("action.signOut"));
    m_myAccountAction = m_fileMenu->addAction(QString(), this, &MainWindow::openAccount);
    m_myAccountAction->setObjectName(QStringLiteral("action.myAccount"));
    m_addServerAction = m_fileMenu->addAction(QString(), this, &MainWindow::addServer);
    m_addServerAction->setObjectName(QStringLiteral("action.addServer"));
    m_serversMenu = m_fileMenu->addMenu(QString());
    m_serversMenu->setObjectName(QStringLiteral("menuServers"));
    connect(m_serversMenu, &QMenu::aboutToShow, this, [this] {
        m_serversMenu->clear();
        QAction *local =
            m_serversMenu->addAction(tr("Local server"), this, [this] { switchServer({}); });
        local->setObjectName(QStringLiteral("server.local"));
        local->setCheckable(true);
        local->setChecked(m_profileName.isEmpty());
        for (const ServerProfile &profile : ServerProfiles::load()) {
            QAction *action = m_serversMenu->addAction(
                profile.name, this, [this, name = profile.name] { switchServer(name); });
            action->setObjectName(QStringLiteral("server.") + profile.name);
            action->setToolTip(profile.url.toString());
            action->setCheckable(true);
            action->setChecked(profile.name == m_profileName);
        }
        m_serversMenu->addSeparator();
        m_serversMenu->addAction(m_addServerAction);
    });
    m_serverSwitch->setMenu(m_serversMenu);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(QStringLiteral("action.quit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    m_sidebarAction = m_viewMenu->addAction(QString());
    m_sidebarAction->setObjectName(QStringLiteral("action.sidebar"));
    m_sidebarAction->setCheckable(true);
    m_sidebarAction->setChecked(true);
    m_sidebarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_sidebarAction, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    m_statusBarAction = m_viewMenu->addAction(QString());
    m_statusBarAction->setObjectName(QStringLiteral("action.statusBar"));
    m_statusBarAction->setCheckable(true);
    m_statusBarAction->setChecked(true);
    connect(m_statusBarAction, &QAction::toggled, this,
            [this](bool visible) { statusBar()->setVisible(visible); });
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->setObjectName(QStringLiteral("menuTheme"));
    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    for (const ThemeManager::Mode mode :
         {ThemeManager::Mode::Light, ThemeManager::Mode::Dark, ThemeManager::Mode::System}) {
        QAction *action = m_themeMenu->addAction(QString());
        action->setObjectName(QStringLiteral("action.theme.") + ThemeManager::modeName(mode));
        action->setData(static_cast<int>(mode));
        action->setCheckable(true);
        m_themeGroup->addAction(action);
    }
    connect(m_themeGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        m_themes->setMode(static_cast<ThemeManager::Mode>(action->data().toInt()),
                          m_options.persistSettings ? ThemeManager::Persist::Yes
                                                    : ThemeManager::Persist::No);
        updateThemeActions();
    });
    m_viewMenu->addSeparator();
    m_refreshAction = m_viewMenu->addAction(QString(), m_connection, &ServerConnection::refresh);
    m_refreshAction->setObjectName(QStringLiteral("action.refresh"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_viewMenu->addSeparator();
    m_findAction = m_viewMenu->addAction(QString(), this, &MainWindow::focusSearch);
    m_findAction->setObjectName(QStringLiteral("action.find"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_paletteAction = m_viewMenu->addAction(QString(), this, &MainWindow::openCommandPalette);
    m_paletteAction->setObjectName(QStringLiteral("action.commandPalette"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    // The sections' own menus, in navigation order (a null action is a
    // separator).
    for (SectionFrame *frame : std::as_const(m_frames)) {
        const QList<QAction *> actions =
            frame->page() ? frame->page()->menuActions() : QList<QAction *>();
        if (actions.isEmpty())
            continue;
        QMenu *menu = menuBar()->addMenu(QString());
        menu->setObjectName(QStringLiteral("menu.") + frame->section().id);
        for (QAction *action : actions) {
            if (action)
                menu->addAction(action);
            else
                menu->addSeparator();
        }
        m_sectionMenus.append(menu);
        m_menuFrames.append(frame);
    }

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("menuLanguage"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const auto &language : LanguageManager::languages()) {
        // Each language is named in itself, so nobody is lost in a foreign UI.
        QAction *action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(QStringLiteral("lang.") + language.code);
        action->setData(language.code);
        action->setCheckable(true);
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        m_languages->setLanguage(action->data().toString(), m_options.persistSettings
                                                                ? LanguageManager::Persist::Yes
                                                                : LanguageManager::Persist::No);
        updateLanguageActions();
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("menuHelp"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("action.about"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setObjectName(QStringLiteral("action.aboutQt"));
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    auto *bar = statusBar();
    bar->setObjectName(QStringLiteral("statusBar"));
    bar->setSizeGripEnabled(true);

    auto *connectionBox = new QWidget(bar);
    auto *connectionLayout = new QHBoxLayout(connectionBox);
    connectionLayout->setContentsMargins(8, 0, 0, 0);
    connectionLayout->setSpacing(8);
    m_connectionDot = createStatusIndicator(connectionBox);
    m_connectionStatus = new QLabel(connectionBox);
    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    // A failed start or connection can be tried again from here.
    m_retryButton = new QPushButton(connectionBox);
    m_retryButton->setObjectName(QStringLiteral("status.retry"));
    m_retryButton->setFlat(true);
    m_retryButton->setCursor(Qt::PointingHandCursor);
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_connection->isLocal())
            m_connection->start();
        else if (m_connection->isShared())
            m_connection->connectToRunningServer(m_connection->baseUrl());
        else
            m_connection->connectTo(m_connection->baseUrl(), m_connection->tlsPolicy());
    });
    connectionLayout->addWidget(m_connectionDot);
    connectionLayout->addWidget(m_connectionStatus);
    connectionLayout->addWidget(m_retryButton);
    // Passing notices (an alert fired, a command run) beside the state,
    // which stays in view.
    m_notice = new StatusNotice(connectionBox);
    connectionLayout->addWidget(m_notice, 1);
    bar->addWidget(connectionBox, 1);

    m_serverVersion = new QLabel(bar);
    m_serverVersion->setObjectName(QStringLiteral("serverVersion"));
    m_serverVersion->setContentsMargins(0, 0, 8, 0);
    bar->addPermanentWidget(m_serverVersion);

    // The current section's own line ("3 nodes online"), when it has one.
    m_sectionStatus = new QLabel(bar);
    m_sectionStatus->setObjectName(QStringLiteral("sectionStatus"));
    m_sectionStatus->setContentsMargins(0, 0, 8, 0);
    m_sectionStatus->hide();
    bar->addPermanentWidget(m_sectionStatus);

    // Warned before the disk is full, whatever section is shown.
    m_storageWarning = new StorageWarning(bar);
    bar->addPermanentWidget(m_storageWarning);

    // Long-running work of any section (transfers, backups) and its task list.
    bar->addPermanentWidget(new BackgroundTasksStatus(BackgroundTasks::of(this), bar));

    m_userStatus = new QLabel(bar);
    m_userStatus->setObjectName(QStringLiteral("userStatus"));
    m_userStatus->setContentsMargins(0, 0, 8, 0);
    bar->addPermanentWidget(m_userStatus);
}

QString MainWindow::sessionOnlyMessage() const
{
    return tr("No keychain answered, so the sign-in is not saved: you stay signed in until the "
              "console closes and sign in again at the next start.");
}

bool MainWindow::promptSignIn()
{
    hm::client::ApiClient *client = m_connection->client();
    if (!client || m_signInOpen || m_connection->state() != ServerConnection::State::Connected)
        return false;
    m_signInOpen = true;
    SignInDialog dialog(client, this);
    if (m_connection->isSignedIn()) {
        dialog.setUser(m_connection->user().username);
    } else if (const QString file = m_connection->initialAdminPasswordFile(); !file.isEmpty()) {
        // First start of the local server: it made the administrator and
        // wrote the password next to its data; both are this user's own.
        QFile passwordFile(file);
        if (passwordFile.open(QIODevice::ReadOnly)) {
            dialog.setUser(qEnvironmentVariable("HIVEMIND_ADMIN_USER", QStringLiteral("admin")));
            dialog.setPassword(QString::fromUtf8(passwordFile.readAll()).trimmed());
            dialog.setNote(tr("First start: the local server created the administrator account. "
                              "Its password was generated and saved in %1; right after signing "
                              "in you choose your own, and the file is deleted.")
                               .arg(QDir::toNativeSeparators(file)));
        }
    } else if (const QString last = QSettings().value(QStringLiteral("signIn/lastUser")).toString();
               !last.isEmpty()) {
        dialog.setUser(last);
    }
    const int result = DialogSeam::exec(&dialog);
    m_signInOpen = false;
    if (result != QDialog::Accepted || !client->hasSession())
        return false;
    if (m_options.persistSettings)
        QSettings().setValue(QStringLiteral("signIn/lastUser"), dialog.user().username);
    // A sign-in no keychain keeps is said by the user's label in the status
    // bar ("…, for this session only", the reason in its tooltip): a status
    // message that long was cut by the labels beside it (issue 34, item 14).
    m_connection->setSignedIn(dialog.user());
    return true;
}

bool MainWindow::addServer()
{
    ConnectionDialog dialog(this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return false;
    const ServerProfile profile = dialog.profile();
    // The new server is used only once the sections may leave the old one.
    if (!leaveServer([this, profile] { useProfile(profile); }))
        return false;
    useProfile(profile);
    return true;
}

bool MainWindow::restoreActiveProfile()
{
    const auto profile = ServerProfiles::find(ServerProfiles::activeName());
    if (!profile)
        return false;
    m_profileName = profile->name;
    m_connection->connectTo(profile->url, profile->tlsPolicy());
    retranslateUi();
    return true;
}

bool MainWindow::switchServer(const QString &name)
{
    if (name == m_profileName)
        return true;
    std::optional<ServerProfile> profile;
    if (!name.isEmpty() && !(profile = ServerProfiles::find(name)))
        return false;
    // Unsaved work is asked about first (Save / Discard / Cancel); after
    // Save, the switch happens once the save succeeded.
    if (!leaveServer([this, name] { switchServer(name); }))
        return false;
    if (!profile) {
        m_profileName.clear();
        ServerProfiles::setActiveName({});
        m_signInOffered = false;
        m_connection->useLocal();
        retranslateUi();
        return true;
    }
    useProfile(*profile);
    return true;
}

bool MainWindow::leaveServer(std::function<void()> proceed)
{
    if (!mayLeavePages(std::move(proceed)))
        return false;
    // Nothing of the old server stays on screen: open editors, messages.
    for (SectionFrame *frame : std::as_const(m_frames)) {
        if (frame->page())
            frame->page()->resetForNewServer();
    }
    return true;
}

void MainWindow::useProfile(const ServerProfile &profile)
{
    ServerProfiles::setActiveName(profile.name);
    m_profileName = profile.name;
    m_signInOffered = false; // the new server asks for its own sign-in
    m_connection->connectTo(profile.url, profile.tlsPolicy());
    retranslateUi();
}

void MainWindow::signInWhenConnected()
{
    if (!m_options.signInOnConnect || m_signInOffered || m_connection->isSignedIn() ||
        m_connection->state() != ServerConnection::State::Connected)
        return;
    m_signInOffered = true; // once per connection; File > Sign In otherwise
    // The session the keychain kept signs in by itself; else the dialog.
    m_connection->restoreSavedSession(hm::client::within(this, [this](bool signedIn) {
        if (!signedIn)
            QTimer::singleShot(0, this, &MainWindow::promptSignIn);
    }));
}

bool MainWindow::selectSection(const QString &id)
{
    for (int row = 0; row < m_navigation->count(); ++row) {
        if (m_navigation->item(row)->data(Qt::UserRole).toString() == id) {
            m_navigation->setCurrentRow(row);
            // The section left may have asked first and kept the window there.
            return m_navigation->currentRow() == row;
        }
    }
    return false;
}

bool MainWindow::openInSection(const QString &id, const QString &itemId)
{
    SectionPage *page = sectionPage(id);
    if (!page || !selectSection(id) || currentSection() != id)
        return false;
    return page->openItem(itemId);
}

QString MainWindow::currentSection() const
{
    const QListWidgetItem *item = m_navigation->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kSectionKey, currentSection());
    settings.setValue(kSidebarKey, m_sidebarAction->isChecked());
    settings.setValue(kStatusBarKey, m_statusBarAction->isChecked());
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
        !geometry.isEmpty()) {
        restoreGeometry(geometry);
        // Saved on another (larger, or less scaled) screen: keep it on this one.
        fitToScreen();
        m_placedGeometry = this->geometry();
    }
    if (const QByteArray state = settings.value(kStateKey).toByteArray(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
        !splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
    m_sidebarAction->setChecked(settings.value(kSidebarKey, true).toBool());
    m_statusBarAction->setChecked(settings.value(kStatusBarKey, true).toBool());
    const QString section = settings.value(kSectionKey).toString();
    if (!section.isEmpty())
        selectSection(section);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

bool MainWindow::mayLeavePages(std::function<void()> proceed)
{
    // The current section first: it is the one the user is looking at.
    QList<SectionFrame *> order = m_frames;
    if (SectionFrame *current = m_frames.value(m_pages->currentIndex())) {
        order.removeOne(current);
        order.prepend(current);
    }
    for (SectionFrame *frame : std::as_const(order)) {
        if (frame->page() && !frame->page()->mayLeave(proceed))
            return false;
    }
    return true;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The real frame is known once shown: keep all of it on the screen.
    // Only the geometry the window chose itself (first or restored); a size
    // the caller set (screenshots) is left alone.
    if (!m_fittedToScreen && geometry() == m_placedGeometry && !isMaximized() && !isFullScreen()) {
        fitToScreen();
    }
    m_fittedToScreen = true;
}

void MainWindow::updateNavigationTexts()
{
    const auto &all = sections();
    HM_CHECK(m_navigation->count() == all.size(), return );
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        const Section &section = all.at(row);
        // Compact: the icon alone, its name first in the tooltip.
        item->setText(m_sidebarCompact ? QString() : section.translatedTitle());
        item->setToolTip(m_sidebarCompact ? section.translatedTitle() + QLatin1Char('\n') +
                                                section.translatedDescription()
                                          : section.translatedDescription());
        item->setData(Qt::AccessibleTextRole, section.translatedTitle());
    }
}

void MainWindow::setSidebarCompact(bool compact)
{
    if (compact == m_sidebarCompact)
        return;
    // The width the user left it at (not the one of a window still being
    // laid out, before the splitter has sized anything).
    if (const int shown = m_splitter->sizes().value(0); compact && shown >= kSidebarMinimumWidth)
        m_sidebarWidth = shown;
    m_sidebarCompact = compact;
    m_productName->setVisible(!compact);
    m_sidebarFooter->setVisible(!compact);
    m_serverSwitch->setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextOnly);
    m_navigation->setProperty("compact", compact);
    m_navigation->style()->unpolish(m_navigation);
    m_navigation->style()->polish(m_navigation);
    if (compact) {
        m_sidebar->setFixedWidth(kCompactSidebarWidth);
        m_splitter->setSizes(
            {kCompactSidebarWidth, std::max(m_splitter->width() - kCompactSidebarWidth, 1)});
    } else {
        m_sidebar->setMinimumWidth(kSidebarMinimumWidth);
        m_sidebar->setMaximumWidth(QWIDGETSIZE_MAX);
        const int sidebar = m_sidebarWidth >= kSidebarMinimumWidth ? m_sidebarWidth : kSidebarWidth;
        m_splitter->setSizes({sidebar, std::max(m_splitter->width() - sidebar, 1)});
    }
    updateNavigationTexts();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    setSidebarCompact(width() < kCompactSidebarBelow.width() ||
                      height() < kCompactSidebarBelow.height());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!mayLeavePages([this] { close(); })) {
        event->ignore();
        return;
    }
    if (m_options.persistSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::openCommandPalette()
{
    if (!m_palette) {
        m_palette = new CommandPalette(this);
        connect(m_palette, &CommandPalette::ran, this,
                [this](const QString &text) { showNotice(text); });
    }
    QList<CommandPalette::Command> commands;
    const auto &all = sections();
    for (const Section &section : all) {
        CommandPalette::Command go;
        go.path = tr("Go to");
        go.text = section.translatedTitle();
        go.run = [this, id = section.id] { selectSection(id); };
        commands.append(go);
    }
    const QList<CommandPalette::Command> menus = CommandPalette::menuCommands(menuBar());
    for (const CommandPalette::Command &command : menus) {
        if (command.action != m_paletteAction)
            commands.append(command);
    }
    m_palette->setCommands(commands);
    m_palette->popup();
}

void MainWindow::focusSearch()
{
    // The visible search or filter fields of the current page (named
    // "….search" or "….filter"); of those, the one nearest the focus, so
    // that in a node's Processes tab it is the processes' own search.
    QWidget *page = m_pages->currentWidget();
    if (!page)
        return;
    QList<QLineEdit *> fields;
    const QList<QLineEdit *> edits = page->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        const QString name = edit->objectName();
        if ((name.endsWith(QLatin1String(".search")) || name.endsWith(QLatin1String(".filter"))) &&
            edit->isVisibleTo(page) && edit->isEnabled())
            fields.append(edit);
    }
    if (fields.isEmpty())
        return;
    const auto depthShared = [](QWidget *a, QWidget *b) {
        // How deep the nearest common ancestor of a and b lies.
        QList<QWidget *> chain;
        for (QWidget *w = a; w; w = w->parentWidget())
            chain.prepend(w);
        int depth = 0;
        QList<QWidget *> other;
        for (QWidget *w = b; w; w = w->parentWidget())
            other.prepend(w);
        while (depth < chain.size() && depth < other.size() && chain[depth] == other[depth])
            ++depth;
        return depth;
    };
    QWidget *focus = QApplication::focusWidget();
    QLineEdit *best = fields.first();
    if (focus && page->isAncestorOf(focus)) {
        int bestDepth = -1;
        for (QLineEdit *field : std::as_const(fields)) {
            const int depth = depthShared(field, focus);
            if (depth > bestDepth) {
                best = field;
                bestDepth = depth;
            }
        }
    }
    best->setFocus(Qt::ShortcutFocusReason);
    best->selectAll();
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("HiveMind"));
    m_productName->setText(tr("HiveMind"));
    // Two lines: the server in use, then the console's version.
    m_sidebarFooter->setText((m_profileName.isEmpty() ? tr("Local server") : m_profileName) +
                             QLatin1Char('\n') +
                             tr("Version %1").arg(QString::fromLatin1(hm::version::kVersion)));

    updateNavigationTexts();

    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_signInAction->setText(tr("Sign &In…"));
    m_signOutAction->setText(tr("Sign &Out"));
    m_myAccountAction->setText(tr("My &Account…"));
    m_addServerAction->setText(tr("A&dd Server…"));
    m_serversMenu->setTitle(tr("S&witch Server"));
    m_serverSwitch->setText(tr("Switch Server ▾"));
    m_serverSwitch->setToolTip(tr("Connect to another server, or add or edit servers"));
    m_viewMenu->setTitle(tr("&View"));
    for (qsizetype i = 0; i < m_sectionMenus.size(); ++i)
        m_sectionMenus.at(i)->setTitle(m_menuFrames.at(i)->page()->menuTitle());
    m_sidebarAction->setText(tr("&Navigation Sidebar"));
    m_statusBarAction->setText(tr("&Status Bar"));
    m_refreshAction->setText(tr("&Refresh Server Status"));
    m_findAction->setText(tr("&Find in This View"));
    m_paletteAction->setText(tr("&Command Palette…"));
    m_themeMenu->setTitle(tr("&Theme"));
    for (QAction *action : m_themeGroup->actions()) {
        switch (static_cast<ThemeManager::Mode>(action->data().toInt())) {
        case ThemeManager::Mode::Light:
            action->setText(tr("&Light"));
            break;
        case ThemeManager::Mode::Dark:
            action->setText(tr("&Dark"));
            break;
        case ThemeManager::Mode::System:
            action->setText(tr("Follow the &System"));
            break;
        }
    }
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About HiveMind"));
    m_aboutQtAction->setText(tr("About &Qt"));

    updateConnectionStatus();
}

void MainWindow::updateConnectionStatus()
{
    switch (m_connection->state()) {
    case ServerConnection::State::Idle:
    case ServerConnection::State::Starting:
        setStatusIndicator(m_connectionDot, StatusTone::Pending);
        m_connectionStatus->setText(tr("Connecting…"));
        break;
    case ServerConnection::State::Connected:
        setStatusIndicator(m_connectionDot, StatusTone::Good);
        m_connectionStatus->setText(tr("Connected to %1").arg(m_connection->baseUrl().toString()));
        break;
    case ServerConnection::State::Failed:
        setStatusIndicator(m_connectionDot, StatusTone::Bad);
        m_connectionStatus->setText(
            tr("Server failed: %1")
                .arg(describeServerError(m_connection->errorCode(), m_connection->errorMessage(),
                                         m_connection->dataDir(), m_connection->errorDetails())));
        break;
    }
    // The server's own words stay available on hover, never in the sentence.
    const bool failed = m_connection->state() == ServerConnection::State::Failed;
    m_connectionStatus->setToolTip(
        failed ? serverErrorDetail(m_connection->errorCode(), m_connection->errorMessage())
               : QString());
    m_retryButton->setText(tr("Retry"));
    m_retryButton->setVisible(failed);

    const QString version = m_connection->info().version;
    m_serverVersion->setText(version.isEmpty() ? tr("Server version unknown")
                                               : tr("Server %1").arg(version));

    const bool signedIn = m_connection->isSignedIn();
    const auto &user = m_connection->user();
    QString role = user.role;
    if (role == QLatin1String("admin"))
        role = tr("Administrator");
    else if (role == QLatin1String("user"))
        role = tr("User");
    else if (role == QLatin1String("viewer"))
        role = tr("Viewer");
    const bool sessionOnly =
        m_connection->tokenStorage() == ServerConnection::TokenStorage::SessionOnly;
    if (!signedIn)
        m_userStatus->setText(tr("Not signed in"));
    else if (sessionOnly)
        m_userStatus->setText(
            tr("Signed in as %1 (%2), for this session only").arg(user.username, role));
    else
        m_userStatus->setText(tr("Signed in as %1 (%2)").arg(user.username, role));
    m_userStatus->setToolTip(sessionOnly ? sessionOnlyMessage() : QString());
    // Signed in already: Sign Out first (another user's sign-in over this
    // one would leave the pages showing the first user's data meanwhile).
    m_signInAction->setEnabled(m_connection->state() == ServerConnection::State::Connected &&
                               !signedIn);
    m_signOutAction->setEnabled(signedIn);
    m_myAccountAction->setEnabled(signedIn);
}

void MainWindow::updateLanguageActions()
{
    const QString current = m_languages->currentLanguage();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == current);
}

void MainWindow::updateThemeActions()
{
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(static_cast<ThemeManager::Mode>(action->data().toInt()) ==
                           m_themes->mode());
}

void MainWindow::applyTheme()
{
    setStyleSheet(m_themes->styleSheet());
    // The sidebar's line icons in the theme's grey.
    if (m_navigation) {
        const QPalette palette = QGuiApplication::palette();
        const auto &all = sections();
        for (int row = 0; row < m_navigation->count() && row < all.size(); ++row)
            m_navigation->item(row)->setIcon(
                ThemeManager::themedIcon(all.at(row).iconPath, palette));
        m_serverSwitch->setIcon(ThemeManager::themedIcon(kServerSwitchIcon, palette));
    }
}

QRect MainWindow::initialGeometry(const QRect &available, QSize preferred, const QMargins &frame,
                                  QSize minimum)
{
    // Room for the client area once the frame is drawn around it.
    const QSize room = available.size().shrunkBy(frame).expandedTo(QSize(1, 1));
    QSize size = preferred.boundedTo(room);
    // A minimum larger than the screen loses: the window must fit.
    if (minimum.isValid())
        size = size.expandedTo(minimum.boundedTo(room));
    QRect geometry(QPoint(), size);
    geometry.moveCenter(available.marginsRemoved(frame).center());
    return geometry;
}

QRect MainWindow::fitGeometry(const QRect &geometry, const QRect &available, const QMargins &frame,
                              QSize minimum)
{
    const QRect inner = available.marginsRemoved(frame);
    QSize size = geometry.size().boundedTo(inner.size().expandedTo(QSize(1, 1)));
    if (minimum.isValid())
        size = size.expandedTo(minimum.boundedTo(inner.size()));
    QRect fitted(geometry.topLeft(), size);
    if (fitted.right() > inner.right())
        fitted.moveRight(inner.right());
    if (fitted.bottom() > inner.bottom())
        fitted.moveBottom(inner.bottom());
    if (fitted.left() < inner.left())
        fitted.moveLeft(inner.left());
    if (fitted.top() < inner.top())
        fitted.moveTop(inner.top());
    return fitted;
}

void MainWindow::fitToScreen()
{
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect frame = frameGeometry();
    const QRect client = geometry();
    const QMargins margins(client.left() - frame.left(), client.top() - frame.top(),
                           frame.right() - client.right(), frame.bottom() - client.bottom());
    const QRect fitted = fitGeometry(client, screen->availableGeometry(), margins, minimumSize());
    if (fitted != client)
        setGeometry(fitted);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    DialogSeam::exec(&dialog);
}

// Window-modal but not blocking (open(), not exec()): the console keeps
// running meanwhile, and tests answer the real dialog through its objectName.
void MainWindow::offerRunningServer(qint64 pid, const QUrl &serverUrl)
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("dataDirInUseDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Information);
    box->setWindowTitle(tr("Data Directory in Use"));
    box->setText(tr("Another HiveMind server (process %1) is using the data directory %2.")
                     .arg(pid)
                     .arg(QDir::toNativeSeparators(m_connection->dataDir())));
    if (serverUrl.isEmpty()) {
        box->setInformativeText(tr("Its address is not known. Stop that server, or start the "
                                   "console with another --data-dir."));
        box->setStandardButtons(QMessageBox::Close);
        box->button(QMessageBox::Close)->setObjectName(QStringLiteral("dataDirInUse.close"));
    } else {
        box->setInformativeText(tr("Connect to it at %1 instead?").arg(serverUrl.toString()));
        QPushButton *connectButton = box->addButton(tr("&Connect"), QMessageBox::AcceptRole);
        connectButton->setObjectName(QStringLiteral("dataDirInUse.connect"));
        box->addButton(QMessageBox::Cancel)->setObjectName(QStringLiteral("dataDirInUse.cancel"));
        box->setDefaultButton(connectButton);
        connect(connectButton, &QPushButton::clicked, this,
                [this, serverUrl] { m_connection->connectToRunningServer(serverUrl); });
    }
    box->open();
}

} // namespace hm::app
