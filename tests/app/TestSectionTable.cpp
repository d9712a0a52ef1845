// The console's section table (issue 33, item 1): a section is one row of
// the table and a page that implements SectionPage. A throw-away section
// registered here shows in the sidebar, follows the session through one
// call, is gated by the shell when signed out or below its role, is asked
// before it is left and gets its own menu, without MainWindow knowing it.

#include "AdminTestSupport.h"
#include "hivemind/Version.h"
#include "shell/LanguageManager.h"
#include "shell/MainWindow.h"
#include "shell/SectionFrame.h"
#include "shell/Sections.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionPage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QtTest>

using hm::app::MainWindow;
using hm::app::SectionFrame;
using hm::app::Session;

namespace {

// A section that records what the shell tells it.
class ProbePage final : public QWidget, public hm::app::SectionPage
{
public:
    explicit ProbePage(QWidget *parent) : QWidget(parent), m_action(new QAction(this))
    {
        setObjectName(QStringLiteral("page.probe"));
        m_action->setObjectName(QStringLiteral("action.probe"));
        m_action->setText(QStringLiteral("Probe Something"));
    }

    QWidget *widget() override { return this; }
    void applySession(const Session &session) override { sessions.append(session); }
    QString menuTitle() const override { return QStringLiteral("&Probe"); }
    QList<QAction *> menuActions() const override { return {m_action}; }
    bool mayLeave(std::function<void()> proceed) override
    {
        if (!holdOnLeave)
            return true;
        pendingLeave = std::move(proceed);
        return false;
    }
    bool openItem(const QString &itemId) override
    {
        opened.append(itemId);
        return true;
    }

    QList<Session> sessions;
    QStringList opened;
    bool holdOnLeave = false;
    std::function<void()> pendingLeave;

private:
    QAction *m_action;
};

hm::app::SectionEntry probeEntry(const QString &id, const QString &requiredRole = {},
                                 const QString &requiredFeature = {})
{
    hm::app::Section section{id,
                             "Probe",
                             "A section only this test knows.",
                             QStringLiteral(":/icons/nodes.svg"),
                             requiredRole,
                             requiredFeature};
    return {section, [id](const hm::app::SectionContext &, QWidget *parent) {
                auto *page = new ProbePage(parent);
                page->setObjectName(QStringLiteral("page.") + id);
                return page;
            }};
}

} // namespace

class TestSectionTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void aThrowAwaySectionShowsAndFollowsTheSession();
    void aRoleBelowTheSectionsIsTurnedAway();
    void aServerWithoutTheSectionsFeatureSaysSo();
    void leavingAsksTheSection();
    void itemsOpenThroughTheShell();
    void theFleetAndVpnPagesAreHonest();
    void screenshots();

private:
    std::unique_ptr<MainWindow> makeWindow();
    ProbePage *probe(MainWindow &window, const QString &id = QStringLiteral("probe"));
    bool signInAs(const QString &username, const QString &password);

    admintest::AdminServer m_server;
    hm::client::UserInfo m_viewer;
};

void TestSectionTable::initTestCase()
{
    QVERIFY(m_server.start("TestSectionTable"));
    m_viewer = m_server.createUser(QStringLiteral("vera"), QStringLiteral("viewer"),
                                   QStringLiteral("Vera#Pass2026"));
    QVERIFY(!m_viewer.id.isEmpty());
    m_server.connection->setSignedIn({});
}

void TestSectionTable::cleanup()
{
    hm::app::unregisterSection(QStringLiteral("probe"));
    hm::app::unregisterSection(QStringLiteral("probe-admin"));
    hm::app::unregisterSection(QStringLiteral("probe-future"));
    hm::app::unregisterSection(QStringLiteral("probe-fleet"));
    m_server.connection->setSignedIn({});
}

void TestSectionTable::cleanupTestCase()
{
    m_server.stop();
}

std::unique_ptr<MainWindow> TestSectionTable::makeWindow()
{
    MainWindow::Options options;
    options.persistSettings = false;
    auto window =
        std::make_unique<MainWindow>(m_server.languages.get(), m_server.connection.get(), options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

ProbePage *TestSectionTable::probe(MainWindow &window, const QString &id)
{
    return dynamic_cast<ProbePage *>(window.sectionPage(id));
}

bool TestSectionTable::signInAs(const QString &username, const QString &password)
{
    auto login = admintest::await<hm::client::LoginResult>(
        [&](auto done) { m_server.connection->client()->login(username, password, done); });
    if (!login.ok())
        return false;
    m_server.connection->setSignedIn(login.value().user);
    return true;
}

void TestSectionTable::aThrowAwaySectionShowsAndFollowsTheSession()
{
    QVERIFY(hm::app::registerSection(probeEntry(QStringLiteral("probe")), 1));
    QVERIFY(!hm::app::registerSection(probeEntry(QStringLiteral("probe")))); // ids are unique
    auto window = makeWindow();
    QVERIFY(window);

    // In the sidebar, where the row put it, with its title and icon.
    auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->item(1)->data(Qt::UserRole).toString(), QStringLiteral("probe"));
    QCOMPARE(navigation->item(1)->data(Qt::AccessibleTextRole).toString(), QStringLiteral("Probe"));
    QVERIFY(!navigation->item(1)->icon().isNull());
    QVERIFY(window->selectSection(QStringLiteral("probe")));
    auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pages"));
    QVERIFY(pages);
    auto *frame = qobject_cast<SectionFrame *>(pages->currentWidget());
    QVERIFY(frame);
    QCOMPARE(frame->objectName(), QStringLiteral("section.probe"));

    // Signed out: the shell's own state in its place, with Sign In.
    ProbePage *page = probe(*window);
    QVERIFY(page);
    QCOMPARE(page->sessions.size(), 1);
    QVERIFY(page->sessions.last().connected);
    QVERIFY(!page->sessions.last().signedIn);
    QCOMPARE(frame->gate(), SectionFrame::Gate::SignedOut);
    QVERIFY(frame->currentWidget() != page);
    auto *gateTitle = frame->findChild<QLabel *>(QStringLiteral("gate.probe.emptyTitle"));
    auto *gateAction = frame->findChild<QPushButton *>(QStringLiteral("gate.probe.emptyAction"));
    QVERIFY(gateTitle && gateAction);
    QCOMPARE(gateTitle->text(), QStringLiteral("Sign in to see Probe"));
    QVERIFY(gateAction->isVisible());

    // Its menu, after View, named by the page.
    auto *menu = window->findChild<QMenu *>(QStringLiteral("menu.probe"));
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("&Probe"));
    QVERIFY(menu->actions().contains(window->findChild<QAction *>(QStringLiteral("action.probe"))));

    // Signed in: one new session, the page in place.
    QVERIFY(signInAs(QStringLiteral("admin"), m_server.adminPassword));
    QCOMPARE(page->sessions.size(), 2);
    QVERIFY(page->sessions.last().signedIn);
    QCOMPARE(page->sessions.last().role(), QStringLiteral("admin"));
    QCOMPARE(page->sessions.last().signedInClient(), m_server.connection->client());
    QCOMPARE(frame->gate(), SectionFrame::Gate::None);
    QCOMPARE(frame->currentWidget(), page);
    QCOMPARE(window->session().user.username, QStringLiteral("admin"));

    // The same session again is not news.
    emit m_server.connection->signedInChanged();
    emit m_server.connection->stateChanged(m_server.connection->state());
    QCOMPARE(page->sessions.size(), 2);

    // Signed out again: the gate comes back.
    m_server.connection->setSignedIn({});
    QCOMPARE(page->sessions.size(), 3);
    QCOMPARE(frame->gate(), SectionFrame::Gate::SignedOut);

    // Gone from the table, gone from the next window.
    window.reset();
    QVERIFY(hm::app::unregisterSection(QStringLiteral("probe")));
    window = makeWindow();
    QVERIFY(window);
    QVERIFY(!window->sectionPage(QStringLiteral("probe")));
    QVERIFY(!window->findChild<QMenu *>(QStringLiteral("menu.probe")));
    navigation = window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), hm::app::sections().size());
}

void TestSectionTable::aRoleBelowTheSectionsIsTurnedAway()
{
    QVERIFY(hm::app::registerSection(
        probeEntry(QStringLiteral("probe-admin"), QStringLiteral("admin"))));
    auto window = makeWindow();
    QVERIFY(window);
    SectionFrame *frame = window->sectionFrame(QStringLiteral("probe-admin"));
    QVERIFY(frame);

    QVERIFY(signInAs(QStringLiteral("vera"), QStringLiteral("Vera#Pass2026")));
    QCOMPARE(frame->gate(), SectionFrame::Gate::NotAllowed);
    QVERIFY(frame->currentWidget() != probe(*window, QStringLiteral("probe-admin")));
    auto *gateTitle = frame->findChild<QLabel *>(QStringLiteral("gate.probe-admin.emptyTitle"));
    QVERIFY(gateTitle);
    QCOMPARE(gateTitle->text(), QStringLiteral("Probe is not open to your role"));
    QVERIFY(!frame->findChild<QPushButton *>(QStringLiteral("gate.probe-admin.emptyAction"))
                 ->isVisibleTo(frame));

    QVERIFY(signInAs(QStringLiteral("admin"), m_server.adminPassword));
    QCOMPARE(frame->gate(), SectionFrame::Gate::None);
    QCOMPARE(frame->currentWidget(), probe(*window, QStringLiteral("probe-admin")));

    // The rank the gate uses.
    QVERIFY(hm::app::roleRank(QStringLiteral("viewer")) <
            hm::app::roleRank(QStringLiteral("user")));
    QVERIFY(hm::app::roleRank(QStringLiteral("user")) < hm::app::roleRank(QStringLiteral("admin")));
    QVERIFY(hm::app::roleRank(QStringLiteral("root")) <
            hm::app::roleRank(QStringLiteral("viewer")));
}

// A section whose server feature (GET /version `features`) the server
// does not list says the server is too old, signed in or not; one whose
// feature it lists shows its page. The built-in Nodes and Alerts need
// "fleet" and "alerts", which this server lists.
void TestSectionTable::aServerWithoutTheSectionsFeatureSaysSo()
{
    QVERIFY(hm::app::registerSection(
        probeEntry(QStringLiteral("probe-future"), {}, QStringLiteral("time_travel"))));
    QVERIFY(hm::app::registerSection(
        probeEntry(QStringLiteral("probe-fleet"), {}, QStringLiteral("fleet"))));
    QVERIFY(signInAs(QStringLiteral("admin"), m_server.adminPassword));
    auto window = makeWindow();
    QVERIFY(window);
    SectionFrame *future = window->sectionFrame(QStringLiteral("probe-future"));
    SectionFrame *fleet = window->sectionFrame(QStringLiteral("probe-fleet"));
    QVERIFY(future && fleet);
    QTRY_COMPARE(future->gate(), SectionFrame::Gate::ServerTooOld);
    QVERIFY(future->currentWidget() != probe(*window, QStringLiteral("probe-future")));
    auto *title = future->findChild<QLabel *>(QStringLiteral("gate.probe-future.emptyTitle"));
    auto *text = future->findChild<QLabel *>(QStringLiteral("gate.probe-future.emptyText"));
    QVERIFY(title && text);
    QCOMPARE(title->text(), QStringLiteral("Probe needs a newer server"));
    QVERIFY2(text->text().contains(QStringLiteral("(version %1) does not offer Probe")
                                       .arg(QString::fromLatin1(hm::version::kVersion))),
             qPrintable(text->text()));
    QCOMPARE(fleet->gate(), SectionFrame::Gate::None);
    QCOMPARE(fleet->currentWidget(), probe(*window, QStringLiteral("probe-fleet")));
    QCOMPARE(window->sectionFrame(QStringLiteral("nodes"))->gate(), SectionFrame::Gate::None);
    QCOMPARE(window->sectionFrame(QStringLiteral("alerts"))->gate(), SectionFrame::Gate::None);

    // Signing in would not help: said signed out too.
    m_server.connection->setSignedIn({});
    QTRY_COMPARE(future->gate(), SectionFrame::Gate::ServerTooOld);
    QCOMPARE(fleet->gate(), SectionFrame::Gate::SignedOut); // served: only the sign-in is missing

    // In another language too.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                            hm::app::LanguageManager::Persist::No));
    QTRY_VERIFY(!title->text().contains(QStringLiteral("newer server")));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
}

void TestSectionTable::leavingAsksTheSection()
{
    QVERIFY(hm::app::registerSection(probeEntry(QStringLiteral("probe"))));
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->selectSection(QStringLiteral("probe")));
    ProbePage *page = probe(*window);
    page->holdOnLeave = true;

    // The page keeps the window while it asks; its answer moves on.
    QVERIFY(!window->selectSection(QStringLiteral("dashboard")));
    QCOMPARE(window->currentSection(), QStringLiteral("probe"));
    QVERIFY(page->pendingLeave);
    page->holdOnLeave = false;
    page->pendingLeave();
    QCOMPARE(window->currentSection(), QStringLiteral("dashboard"));

    // Closing the window asks it too.
    page->holdOnLeave = true;
    page->pendingLeave = nullptr;
    QVERIFY(!window->close());
    QVERIFY(page->pendingLeave);
    page->holdOnLeave = false;
}

void TestSectionTable::itemsOpenThroughTheShell()
{
    QVERIFY(hm::app::registerSection(probeEntry(QStringLiteral("probe"))));
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openInSection(QStringLiteral("probe"), QStringLiteral("item-7")));
    QCOMPARE(window->currentSection(), QStringLiteral("probe"));
    QCOMPARE(probe(*window)->opened, QStringList{QStringLiteral("item-7")});
    QVERIFY(!window->openInSection(QStringLiteral("no-such-section"), QStringLiteral("x")));
}

void TestSectionTable::theFleetAndVpnPagesAreHonest()
{
    auto window = makeWindow();
    QVERIFY(window);
    // Signed out, the shell asks to sign in (Nodes, Alerts and VPN);
    // signed in, each reads its own rows (TestNodesPage, TestAlertsPage,
    // TestVpnPage).
    for (const char *id : {"nodes", "alerts", "vpn"}) {
        SectionFrame *frame = window->sectionFrame(QString::fromLatin1(id));
        QVERIFY2(frame, id);
        QCOMPARE(frame->gate(), SectionFrame::Gate::SignedOut);
    }
    QVERIFY(signInAs(QStringLiteral("vera"), QStringLiteral("Vera#Pass2026")));
    // Signed in, the VPN page reads its servers (TestVpnPage has the rest):
    // none yet, and a viewer's way to make one is off.
    QVERIFY(window->selectSection(QStringLiteral("vpn")));
    SectionFrame *frame = window->sectionFrame(QStringLiteral("vpn"));
    QCOMPARE(frame->gate(), SectionFrame::Gate::None);
    QWidget *page = window->sectionPage(QStringLiteral("vpn"))->widget();
    QCOMPARE(frame->currentWidget(), page);
    QCOMPARE(page->objectName(), QStringLiteral("page.vpn"));
    auto *label = page->findChild<QLabel *>(QStringLiteral("vpn.emptyTitle"));
    QVERIFY(label);
    QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("No WireGuard servers yet"), 15000);
    QVERIFY(label->isVisible());
    auto *action = page->findChild<QPushButton *>(QStringLiteral("vpn.emptyAction"));
    QVERIFY(action->isVisibleTo(page));
    QVERIFY(!action->isEnabled());
}

// docs/screenshots: the planned sections and the shell's sign-in state, in
// every language (only with HIVEMIND_SCREENSHOT_DIR set).
void TestSectionTable::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    // A section this server does not serve (in Alerts' place in the table).
    hm::app::SectionEntry future =
        probeEntry(QStringLiteral("probe-future"), {}, QStringLiteral("time_travel"));
    future.section.title = QT_TRANSLATE_NOOP("Sections", "Alerts");
    future.section.iconPath = QStringLiteral(":/icons/alerts.svg");
    QVERIFY(hm::app::registerSection(future));
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, hm::app::LanguageManager::Persist::No));
        m_server.connection->setSignedIn({});
        auto window = makeWindow();
        QVERIFY(window);
        window->resize(1280, 800);
        QVERIFY(window->selectSection(QStringLiteral("nodes")));
        QApplication::processEvents();
        QVERIFY(window->grab().save(dir + QStringLiteral("/section-signed-out-") + language +
                                    QStringLiteral(".png")));
        QVERIFY(signInAs(QStringLiteral("vera"), QStringLiteral("Vera#Pass2026")));
        // Nodes, Alerts and VPN are real sections now: their tests save
        // their screenshots.
        QVERIFY(window->selectSection(QStringLiteral("probe-future")));
        QTRY_COMPARE(window->sectionFrame(QStringLiteral("probe-future"))->gate(),
                     SectionFrame::Gate::ServerTooOld);
        QVERIFY(window->grab().save(dir + QStringLiteral("/section-server-too-old-") + language +
                                    QStringLiteral(".png")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                            hm::app::LanguageManager::Persist::No));
}

QTEST_MAIN(TestSectionTable)
#include "TestSectionTable.moc"
