// Node detail, "Terminal" (issue 38) against a real in-process server and
// real hivemind-agent processes: "term-1" runs an agent started with
// --allow terminal, "plain-1" one with the default capabilities. Opening a
// terminal asks for the password (answered through DialogSeam), then a
// command typed into the view runs in /bin/sh on the node and its output
// shows on the screen; a resize of the view reaches the PTY (`stty size`); a
// shell that exits leaves its tab with the exit code; closing a tab asks
// whether to keep its session running or end it; a kept session (and one
// left by a closed console) is listed under Sessions with its shell,
// directory and idle time, reattached in a new tab with its recent output,
// typed into, and ended from the list, which it then leaves; a wrong
// password opens nothing and says why; the
// tab shows only where /access says terminal is usable (not for plain-1,
// nor for a VIEWER). With HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves
// the tab in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "client/TerminalChannel.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "remote/NodeTerminalView.h"
#include "remote/ReauthenticateDialog.h"
#include "remote/TerminalSessionsDialog.h"
#include "remote/TerminalTabs.h"
#include "remote/TerminalView.h"
#include "widgets/MessageBox.h"
#include "widgets/MissingValue.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

struct TerminalAgent
{
    QString nodeId;
    std::unique_ptr<QProcess> process;
};

// Everything the screen holds, scrollback first, one line each.
QString screenText(const TerminalView *view)
{
    const TerminalScreen *screen = view->screen();
    QStringList lines;
    for (int line = 0; line < screen->historyLines(); ++line)
        lines.append(screen->lineText(line, 0, screen->cols()));
    return lines.join(u'\n');
}

} // namespace

class TestNodeTerminal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init() { DialogSeam::setNextHandler({}); }
    void tabOnlyWhereTerminalIsUsable();
    void aWrongPasswordOpensNothing();
    void aWrongPasswordKeepsTheSheetOpen();
    void aShellRunsResizesExitsAndCloses();
    void aKeptSessionIsReattachedAndEnded();
    void unknownSessionValuesReadAsADash();
    void emptyStatesAndRefusals();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    bool startAgent(TerminalAgent &agent, const QString &name, const QStringList &extra);
    std::unique_ptr<NodesPage> pageOn(ApiClient *api, const UserInfo &user,
                                      const QString &nodeId);
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.terminalView()));
    }
    // Shows the Terminal tab (which opens one) with the password answered.
    static TerminalView *openFirst(NodesPage &page, const QString &password);
    int sessionsOnServer(ApiClient *api);
    // The next question about closing a tab answers `answer`.
    static void answerClose(QMessageBox::StandardButton answer)
    {
        DialogSeam::setNextHandler([answer](QDialog *dialog) {
            return dialog->objectName() == QLatin1String("terminalCloseQuestion")
                       ? int(answer)
                       : int(QDialog::Rejected);
        });
    }

    AdminServer m_server;
    QTemporaryDir m_agentDir;
    TerminalAgent m_term;
    TerminalAgent m_plain;
};

bool TestNodeTerminal::startAgent(TerminalAgent &agent, const QString &name,
                                  const QStringList &extra)
{
    auto made = await<EnrolledNode>([&](auto done) {
        NodesApi(*client()).create(NewNode{name, {}, {QStringLiteral("lab")}, 0}, done);
    });
    if (!made.ok())
        return false;
    agent.nodeId = made->node.id;
    QFile config(m_agentDir.filePath(name + QStringLiteral(".conf")));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write("capabilities=metrics\n");
    config.close();
    agent.process = std::make_unique<QProcess>();
    agent.process->setProgram(hm::test::binaryPath("hivemind-agent"));
    agent.process->setArguments(
        QStringList{QStringLiteral("--config"), config.fileName(), QStringLiteral("--server"),
                    m_server.connection->baseUrl().toString(), QStringLiteral("--enrol-secret"),
                    made->enrolment.secret, QStringLiteral("--data-dir"),
                    m_agentDir.filePath(name)} +
        extra);
    agent.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.process->start();
    return agent.process->waitForStarted();
}

void TestNodeTerminal::initTestCase()
{
    QVERIFY(m_server.start("TestNodeTerminal"));
    QVERIFY(m_agentDir.isValid());
    QVERIFY(startAgent(m_term, QStringLiteral("term-1"),
                       {QStringLiteral("--allow"), QStringLiteral("terminal")}));
    QVERIFY(startAgent(m_plain, QStringLiteral("plain-1"), {}));
    for (const TerminalAgent *agent : {&m_term, &m_plain})
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto row = await<NodeRow>(
                    [&](auto done) { NodesApi(*client()).get(agent->nodeId, done); });
                return row.ok() && row->status == QLatin1String("online");
            }(),
            30000);
}

void TestNodeTerminal::cleanupTestCase()
{
    for (TerminalAgent *agent : {&m_term, &m_plain}) {
        if (agent->process) {
            agent->process->terminate();
            agent->process->waitForFinished(10000);
        }
    }
    m_server.stop();
}

std::unique_ptr<NodesPage> TestNodeTerminal::pageOn(ApiClient *api, const UserInfo &user,
                                                   const QString &nodeId)
{
    auto page = std::make_unique<NodesPage>();
    page->setSession(api, user);
    // The machine's root .bashrc is slow; sh is quick and enough here.
    page->terminalView()->setShell(QStringLiteral("/bin/sh"));
    page->resize(1280, 800);
    page->show();
    auto *list = child<QTableView>(page.get(), "nodes.list");
    if (!QTest::qWaitFor([&] { return page->model()->rowOf(nodeId) >= 0; }, 20000))
        return nullptr;
    QSignalSpy accessRead(page.get(), &NodesPage::nodeAccessRead);
    list->selectRow(page->model()->rowOf(nodeId));
    if (!QTest::qWaitFor([&] { return accessRead.count() > 0; }, 20000))
        return nullptr;
    return page;
}

TerminalView *TestNodeTerminal::openFirst(NodesPage &page, const QString &password)
{
    DialogSeam::setNextHandler([password](QDialog *dialog) {
        auto *field = child<QLineEdit>(dialog, "reauthenticate.password");
        if (dialog->objectName() != QLatin1String("reauthenticateDialog") ||
            field->echoMode() != QLineEdit::Password)
            return int(QDialog::Rejected);
        field->setText(password);
        return int(QDialog::Accepted);
    });
    NodeTerminalView *view = page.terminalView();
    child<QTabWidget>(&page, "nodes.detailTabs")->setCurrentWidget(view);
    if (!QTest::qWaitFor([&] { return view->tabs() && view->tabs()->count() > 0; }, 20000))
        return nullptr;
    TerminalView *terminal = view->tabs()->terminalAt(0);
    if (!QTest::qWaitFor([&] { return view->channelOf(terminal)->isAttached(); }, 20000))
        return nullptr;
    return terminal;
}

int TestNodeTerminal::sessionsOnServer(ApiClient *api)
{
    auto sessions = await<QList<TerminalSession>>(
        [&](auto done) { RemoteApi(*api).terminalSessions(m_term.nodeId, done); });
    return sessions.ok() ? int(sessions->size()) : -1;
}

void TestNodeTerminal::tabOnlyWhereTerminalIsUsable()
{
    auto plain = pageOn(client(), m_server.admin, m_plain.nodeId);
    QVERIFY(plain);
    QVERIFY(!tabShown(*plain));
    auto term = pageOn(client(), m_server.admin, m_term.nodeId);
    QVERIFY(term);
    QVERIFY(tabShown(*term));

    // A VIEWER never acts: no tab even where the agent allows it.
    const UserInfo viewer = m_server.createUser(QStringLiteral("watcher"), QStringLiteral("VIEWER"),
                                                QStringLiteral("Watch-password-1"));
    QVERIFY(!viewer.id.isEmpty());
    UserInfo viewerInfo;
    auto viewerClient = m_server.signIn(QStringLiteral("watcher"),
                                        QStringLiteral("Watch-password-1"), &viewerInfo);
    QVERIFY(viewerClient);
    auto watched = pageOn(viewerClient.get(), viewerInfo, m_term.nodeId);
    QVERIFY(watched);
    QVERIFY(!tabShown(*watched));
}

void TestNodeTerminal::aWrongPasswordOpensNothing()
{
    // A session of its own: the server remembers a confirmation per session.
    UserInfo adminInfo;
    auto api = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &adminInfo);
    QVERIFY(api);
    auto page = pageOn(api.get(), adminInfo, m_term.nodeId);
    QVERIFY(page);
    bool asked = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        asked = true;
        child<QLineEdit>(dialog, "reauthenticate.password")->setText(QStringLiteral("not-it-1"));
        return int(QDialog::Accepted);
    });
    NodeTerminalView *view = page->terminalView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    QLabel *message = view->messageLabel();
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !view->isOpening(), 20000);
    QVERIFY(asked);
    QVERIFY2(message->text().startsWith(QLatin1String("The terminal was not opened: ")),
             qPrintable(message->text()));
    QVERIFY(view->tabs());
    QCOMPARE(view->tabs()->count(), 0);
    QCOMPARE(sessionsOnServer(api.get()), 0);
}

void TestNodeTerminal::aWrongPasswordKeepsTheSheetOpen()
{
    // A session of its own: the server remembers a confirmation per session.
    UserInfo adminInfo;
    auto api = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &adminInfo);
    QVERIFY(api);
    auto page = pageOn(api.get(), adminInfo, m_term.nodeId);
    QVERIFY(page);
    bool stayedOpen = false;
    bool saidWrong = false;
    bool fieldReady = false;
    bool errorGoneOnSuccess = false;
    bool saidWrongInChinese = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        dialog->show();
        QApplication::setActiveWindow(dialog);
        (void)QTest::qWaitForWindowActive(dialog);
        auto *field = child<QLineEdit>(dialog, "reauthenticate.password");
        auto *error = child<QLabel>(dialog, "reauthenticate.error");
        auto *confirm = child<QPushButton>(dialog, "reauthenticate.confirm");
        field->setText(QStringLiteral("not-it-1"));
        confirm->click();
        (void)QTest::qWaitFor([&] { return error->isVisible() || !dialog->isVisible(); }, 20000);
        stayedOpen = dialog->isVisible() && dialog->result() == 0;
        saidWrong = error->text() == QLatin1String("The password was wrong. Type it again.");
        fieldReady = field->text().isEmpty() && field->hasFocus();
        // Cut off by the height the window had before the message.
        saidWrong = saidWrong && error->height() >= error->heightForWidth(error->width());
        // Worded again when the language changes while the dialog waits
        // (it stayed in English).
        const auto wrongText = [] {
            return QCoreApplication::translate("hm::app::ReauthenticateDialog",
                                               "The password was wrong. Type it again.");
        };
        (void)m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                              LanguageManager::Persist::No);
        saidWrongInChinese = !wrongText().startsWith(QLatin1String("The password")) &&
                             QTest::qWaitFor([&] { return error->text() == wrongText(); }, 5000);
        (void)m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
        saidWrongInChinese = saidWrongInChinese &&
                             QTest::qWaitFor([&] { return error->text() == wrongText(); }, 5000);
        field->setText(m_server.adminPassword);
        confirm->click();
        (void)QTest::qWaitFor([&] { return !dialog->isVisible(); }, 20000);
        errorGoneOnSuccess = static_cast<ReauthenticateDialog *>(dialog)->isConfirmed();
        return dialog->result();
    });
    NodeTerminalView *view = page->terminalView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->tabs() && view->tabs()->count() == 1, 20000);
    QVERIFY(stayedOpen);
    QVERIFY(saidWrong);
    QVERIFY(saidWrongInChinese);
    QVERIFY(fieldReady);
    QVERIFY(errorGoneOnSuccess);
    TerminalView *terminal = view->tabs()->terminalAt(0);
    QTRY_VERIFY_WITH_TIMEOUT(view->channelOf(terminal)->isAttached(), 20000);
    QCOMPARE(sessionsOnServer(api.get()), 1);
    // Ended: the next tests open shells of their own, not this one again.
    const QString sessionId = view->channelOf(terminal)->sessionId();
    QVERIFY(await<void>([&](auto done) {
                RemoteApi(*api).closeTerminal(m_term.nodeId, sessionId, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(api.get()), 0, 20000);
}

void TestNodeTerminal::aShellRunsResizesExitsAndCloses()
{
    auto page = pageOn(client(), m_server.admin, m_term.nodeId);
    QVERIFY(page);
    TerminalView *terminal = openFirst(*page, m_server.adminPassword);
    QVERIFY(terminal);
    NodeTerminalView *view = page->terminalView();
    TerminalTabs *tabs = view->tabs();
    QCOMPARE(tabs->tabText(0), QStringLiteral("term-1 (1)"));
    QVERIFY(!view->messageLabel()->isVisible());

    // Typed into the view: the shell runs it, the output shows.
    terminal->screen()->sendText(QStringLiteral("echo hello-$((6*7))\r"));
    QTRY_VERIFY_WITH_TIMEOUT(screenText(terminal).contains(QLatin1String("hello-42")), 20000);

    // A smaller view: the PTY gets the screen's new size.
    const int rowsBefore = terminal->screen()->rows();
    const int colsBefore = terminal->screen()->cols();
    page->resize(1000, 640);
    QTRY_VERIFY(terminal->screen()->rows() != rowsBefore ||
                terminal->screen()->cols() != colsBefore);
    const QString size = QStringLiteral("%1 %2").arg(terminal->screen()->rows()).arg(
        terminal->screen()->cols());
    terminal->screen()->sendText(QStringLiteral("stty size\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(screenText(terminal).contains(u'\n' + size),
                              qPrintable(size + u'\n' + screenText(terminal)), 20000);

    // "+": a second one, without asking again (confirmed a moment ago).
    DialogSeam::setNextHandler([](QDialog *) { return int(QDialog::Rejected); });
    child<QToolButton>(tabs, "newTerminalTab")->click();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->count(), 2, 20000);
    TerminalView *second = tabs->terminalAt(1);
    QCOMPARE(tabs->tabText(1), QStringLiteral("term-1 (2)"));
    QTRY_VERIFY_WITH_TIMEOUT(view->channelOf(second)->isAttached(), 20000);
    QCOMPARE(sessionsOnServer(client()), 2);
    // Its shell exits: the tab stays and says how it ended.
    second->screen()->sendText(QStringLiteral("exit 3\r"));
    QTRY_VERIFY_WITH_TIMEOUT(
        screenText(second).contains(QLatin1String("[process exited with code 3]")), 20000);
    QCOMPARE(tabs->count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(client()), 1, 20000);

    // A new ticket for the live session (to attach it again).
    const QString sessionId = view->channelOf(terminal)->sessionId();
    QVERIFY(!sessionId.isEmpty());
    auto ticket = await<TerminalOpened>(
        [&](auto done) { RemoteApi(*client()).terminalTicket(m_term.nodeId, sessionId, done); });
    QVERIFY2(ticket.ok(), ticket.ok() ? "" : qPrintable(ticket.error().toString()));
    QVERIFY(!ticket->ticket.isEmpty());

    // The ended one closes without a question; the live one asks: Cancel
    // keeps the tab, "End session" ends it on the server.
    bool asked = false;
    DialogSeam::setNextHandler([&](QDialog *) {
        asked = true;
        return int(QDialog::Rejected);
    });
    emit tabs->tabCloseRequested(1);
    QVERIFY(!asked);
    QCOMPARE(tabs->count(), 1);
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        asked = dialog->objectName() == QLatin1String("terminalCloseQuestion");
        return int(QMessageBox::Cancel);
    });
    emit tabs->tabCloseRequested(0);
    QVERIFY(asked);
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(sessionsOnServer(client()), 1);
    answerClose(QMessageBox::Discard);
    emit tabs->tabCloseRequested(0);
    QCOMPARE(tabs->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(client()), 0, 20000);
}

void TestNodeTerminal::aKeptSessionIsReattachedAndEnded()
{
    QString sessionId;
    {
        auto page = pageOn(client(), m_server.admin, m_term.nodeId);
        QVERIFY(page);
        TerminalView *terminal = openFirst(*page, m_server.adminPassword);
        QVERIFY(terminal);
        terminal->screen()->sendText(QStringLiteral("cd /tmp && echo first-$((2*3))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screenText(terminal).contains(QLatin1String("first-6")), 20000);
        NodeTerminalView *view = page->terminalView();
        sessionId = view->channelOf(terminal)->sessionId();
        // Closed with "Keep running": the tab goes, the session stays.
        answerClose(QMessageBox::Save);
        emit view->tabs()->tabCloseRequested(0);
        QCOMPARE(view->tabs()->count(), 0);
        QTRY_VERIFY(view->tabs()->emptyState()->text().contains(QLatin1String("Sessions")));
        QCOMPARE(sessionsOnServer(client()), 1);

        // Sessions: listed with its shell, directory and idle time (each
        // title sitting like its column), then reattached in a new tab that
        // shows what it printed before.
        QString headersUnlike = QStringLiteral("not read");
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            auto *sessions = qobject_cast<TerminalSessionsDialog *>(dialog);
            if (!sessions)
                return int(QDialog::Rejected);
            QTreeWidget *list = sessions->list();
            if (!QTest::qWaitFor(
                    [&] {
                        return !sessions->isLoading() && list->topLevelItemCount() == 1 &&
                               list->topLevelItem(0)->text(
                                   TerminalSessionsDialog::DirectoryColumn) ==
                                   QLatin1String("/tmp");
                    },
                    20000))
                return int(QDialog::Rejected);
            QTreeWidgetItem *item = list->topLevelItem(0);
            // The server always knows when a session was last used: a
            // time, not the dash for an unknown one.
            const QString idle = item->text(TerminalSessionsDialog::IdleColumn);
            if (item->text(TerminalSessionsDialog::ShellColumn) != QLatin1String("/bin/sh") ||
                item->text(TerminalSessionsDialog::StateColumn) != QLatin1String("Detached") ||
                idle.isEmpty() || idle == missingValue() ||
                !list->isColumnHidden(TerminalSessionsDialog::UserColumn))
                return int(QDialog::Rejected);
            headersUnlike = headersUnlikeCells(list->header(), 0);
            child<QPushButton>(dialog, "terminalSessions.reattach")->click();
            return dialog->result();
        });
        child<QToolButton>(view->tabs(), "terminalSessionsButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(view->tabs()->count(), 1, 20000);
        QVERIFY2(headersUnlike.isEmpty(), qPrintable(headersUnlike));
        TerminalView *again = view->tabs()->terminalAt(0);
        QTRY_VERIFY_WITH_TIMEOUT(view->channelOf(again)->isAttached(), 20000);
        QCOMPARE(view->channelOf(again)->sessionId(), sessionId);
        QTRY_VERIFY_WITH_TIMEOUT(screenText(again).contains(QLatin1String("first-6")), 20000);
        again->screen()->sendText(QStringLiteral("echo again-$((3*4))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screenText(again).contains(QLatin1String("again-12")), 20000);
        QCOMPARE(sessionsOnServer(client()), 1);
        // The console closes (the page goes) with the tab open.
    }
    QCOMPARE(sessionsOnServer(client()), 1);
    // The server sees the console go: the session is detached, not ended.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto sessions = await<QList<TerminalSession>>(
                [&](auto done) { RemoteApi(*client()).terminalSessions(m_term.nodeId, done); });
            return sessions.ok() && sessions->size() == 1 && !sessions->first().attached;
        }(),
        20000);

    // The next console points at it instead of opening another shell.
    auto page = pageOn(client(), m_server.admin, m_term.nodeId);
    QVERIFY(page);
    NodeTerminalView *view = page->terminalView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    QTRY_VERIFY_WITH_TIMEOUT(
        view->tabs() && !view->isOpening() &&
            view->tabs()->emptyState()->text().contains(QLatin1String("Sessions")),
        20000);
    QCOMPARE(view->tabs()->count(), 0);
    QCOMPARE(sessionsOnServer(client()), 1);

    // Ended from the list (confirmed): it leaves the list and the server.
    bool left = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *sessions = qobject_cast<TerminalSessionsDialog *>(dialog);
        if (!sessions || !QTest::qWaitFor(
                             [&] {
                                 return !sessions->isLoading() &&
                                        sessions->list()->topLevelItemCount() == 1;
                             },
                             20000))
            return int(QDialog::Rejected);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        child<QPushButton>(dialog, "terminalSessions.end")->click();
        left = QTest::qWaitFor(
            [&] { return !sessions->isLoading() && sessions->list()->topLevelItemCount() == 0; },
            20000);
        return int(QDialog::Rejected);
    });
    child<QToolButton>(view->tabs(), "terminalSessionsButton")->click();
    QVERIFY(left);
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("terminalSessions.confirmEnd"));
    QCOMPARE(sessionsOnServer(client()), 0);
    QTRY_VERIFY(!view->tabs()->emptyState()->text().contains(QLatin1String("Sessions")));
}

void TestNodeTerminal::unknownSessionValuesReadAsADash()
{
    // The server stamps every session's start and last use and names its
    // user; a session without them (an older or another server) still
    // shows the dash every table shows for an unknown value, never a
    // blank cell.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TerminalSession unknown;
    unknown.id = QStringLiteral("s-1");
    for (const auto column :
         {TerminalSessionsDialog::StartedColumn, TerminalSessionsDialog::ShellColumn,
          TerminalSessionsDialog::IdleColumn, TerminalSessionsDialog::UserColumn})
        QCOMPARE(TerminalSessionsDialog::sessionCell(unknown, column, now), missingValue());

    TerminalSession known = unknown;
    known.username = QStringLiteral("ops");
    known.shell = QStringLiteral("/bin/sh");
    known.createdAt = now.addSecs(-600);
    known.lastActivityAt = now.addSecs(-125);
    QCOMPARE(TerminalSessionsDialog::sessionCell(known, TerminalSessionsDialog::UserColumn, now),
             QStringLiteral("ops"));
    QCOMPARE(TerminalSessionsDialog::sessionCell(known, TerminalSessionsDialog::ShellColumn, now),
             QStringLiteral("/bin/sh"));
    QCOMPARE(TerminalSessionsDialog::sessionCell(known, TerminalSessionsDialog::IdleColumn, now),
             TerminalSessionsDialog::idleText(125));
    const QString started =
        TerminalSessionsDialog::sessionCell(known, TerminalSessionsDialog::StartedColumn, now);
    QVERIFY(!started.isEmpty() && started != missingValue());
    // The working directory and the state come from the agent and the
    // dialog, not from the session alone.
    QVERIFY(TerminalSessionsDialog::sessionCell(known, TerminalSessionsDialog::StateColumn, now)
                .isEmpty());
}

void TestNodeTerminal::emptyStatesAndRefusals()
{
    auto row = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_term.nodeId, done); });
    QVERIFY(row.ok());
    NodeTerminalView view;
    view.setClient(client());
    view.setShell(QStringLiteral("/bin/sh"));
    view.resize(900, 400);
    view.show();
    auto *title = child<QLabel>(&view, "nodes.terminal.emptyTitle");
    QCOMPARE(title->text(), QStringLiteral("No node selected"));
    NodeRow offline = row.value();
    offline.status = QStringLiteral("offline");
    offline.online = false;
    view.setNode(&offline);
    view.setUsable(true);
    QCOMPARE(title->text(), QStringLiteral("The node is offline"));
    QVERIFY(!view.isOpening()); // nothing asked of an offline node
    view.setUsable(false);
    // Online, but /access has not said the terminal is usable: nothing opens.
    view.setNode(&row.value());
    QCOMPARE(title->text(), QStringLiteral("No terminal on this node"));
    QVERIFY(!view.isOpening());

    // plain-1's agent does not allow terminals: said on the message line.
    auto plain = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_plain.nodeId, done); });
    QVERIFY(plain.ok());
    const QString password = m_server.adminPassword;
    DialogSeam::setNextHandler([password](QDialog *dialog) {
        child<QLineEdit>(dialog, "reauthenticate.password")->setText(password);
        return int(QDialog::Accepted);
    });
    view.setNode(&plain.value());
    view.setUsable(true);
    QTRY_VERIFY_WITH_TIMEOUT(view.messageLabel()->isVisible() && !view.isOpening(), 20000);
    QCOMPARE(view.messageLabel()->text(),
             QStringLiteral("This node's agent does not allow terminals: start it with --allow "
                            "terminal."));
    // Said again after a language switch (it stayed in English).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(view.messageLabel()->text(),
                 QCoreApplication::translate("hm::app::NodeTerminalView",
                                             "This node's agent does not allow terminals: start "
                                             "it with --allow terminal."));
    QVERIFY(!view.messageLabel()->text().startsWith(u"This node"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QCOMPARE(view.tabs()->count(), 0);
}

void TestNodeTerminal::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        auto page = pageOn(client(), m_server.admin, m_term.nodeId);
        QVERIFY(page);
        // The console's style sheet, as under the main window.
        page->setStyleSheet(ThemeManager::styleSheet(dark));
        TerminalView *terminal = openFirst(*page, m_server.adminPassword);
        QVERIFY(terminal);
        terminal->screen()->sendText(
            QStringLiteral("cd /usr && uname -sm && echo hello-$((6*7)) && ls -p\r"));
        QTRY_VERIFY2_WITH_TIMEOUT(screenText(terminal).contains(QLatin1String("share/")),
                                  qPrintable(screenText(terminal).simplified()), 20000);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-terminal-%1.png").arg(shot)));
        // The question on closing the tab (kept), then the sessions list.
        TerminalTabs *tabs = page->terminalView()->tabs();
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            QApplication::processEvents();
            (void)dialog->grab().save(dir +
                                      QStringLiteral("/nodes-terminal-close-%1.png").arg(shot));
            return int(QMessageBox::Save);
        });
        emit tabs->tabCloseRequested(0);
        QApplication::processEvents();
        QVERIFY(
            page->grab().save(dir + QStringLiteral("/nodes-terminal-detached-%1.png").arg(shot)));
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            auto *sessions = qobject_cast<TerminalSessionsDialog *>(dialog);
            if (!sessions)
                return int(QDialog::Rejected);
            dialog->show();
            (void)QTest::qWaitFor(
                [&] {
                    return !sessions->isLoading() && sessions->list()->topLevelItemCount() > 0 &&
                           sessions->list()->topLevelItem(0)->text(
                               TerminalSessionsDialog::DirectoryColumn) == QLatin1String("/usr");
                },
                20000);
            QApplication::processEvents();
            (void)dialog->grab().save(dir +
                                      QStringLiteral("/nodes-terminal-sessions-%1.png").arg(shot));
            MessageBox::setNextAnswer(QMessageBox::Yes);
            child<QPushButton>(dialog, "terminalSessions.end")->click();
            (void)QTest::qWaitFor(
                [&] {
                    return !sessions->isLoading() && sessions->list()->topLevelItemCount() == 0;
                },
                20000);
            QApplication::processEvents();
            (void)dialog->grab().save(
                dir + QStringLiteral("/nodes-terminal-sessions-empty-%1.png").arg(shot));
            return int(QDialog::Rejected);
        });
        child<QToolButton>(tabs, "terminalSessionsButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(sessionsOnServer(client()), 0, 20000);

        // A wrong password: the sheet stays and says so. A session of its
        // own, which the server has not seen confirm yet.
        UserInfo adminInfo;
        auto api = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &adminInfo);
        QVERIFY(api);
        auto asking = pageOn(api.get(), adminInfo, m_term.nodeId);
        QVERIFY(asking);
        asking->setStyleSheet(ThemeManager::styleSheet(dark));
        bool grabbed = false;
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->setStyleSheet(ThemeManager::styleSheet(dark));
            dialog->show();
            child<QLineEdit>(dialog, "reauthenticate.password")->setText(QStringLiteral("nope-1"));
            child<QPushButton>(dialog, "reauthenticate.confirm")->click();
            auto *error = child<QLabel>(dialog, "reauthenticate.error");
            (void)QTest::qWaitFor([&] { return error->isVisible(); }, 20000);
            QApplication::processEvents();
            grabbed = dialog->grab().save(
                dir + QStringLiteral("/nodes-terminal-wrong-password-%1.png").arg(shot));
            return int(QDialog::Rejected);
        });
        child<QTabWidget>(asking.get(), "nodes.detailTabs")
            ->setCurrentWidget(asking->terminalView());
        QTRY_VERIFY_WITH_TIMEOUT(grabbed, 20000);
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestNodeTerminal)
#include "TestNodeTerminal.moc"
