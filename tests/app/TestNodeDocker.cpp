// Node detail, "Docker" (issue 38 item 6) against a real in-process server,
// real hivemind-agent processes and a real podman serving the Docker API
// (tests/server/PodmanSupport.h): "dock-1" runs an agent started with
// --allow docker on podman's socket, "plain-1" one without docker. The
// containers show with their state; Stop, Start and Restart through the
// buttons change them on the daemon; the selected container's log shows
// its output and follows it (polled with `since`); Remove asks first
// (MessageBox seam) and a "No" keeps the container; images and compose
// projects list; a compose project under the agent's compose root is
// brought up with Up (busy while docker-compose runs) and down with
// Down… after a confirmation, and a project outside the roots is refused in
// words; "Follow" shows the log live (each line once, scrolled along unless
// the user scrolled up) and hands back to polling when the container
// stops; a quiet container's empty log pane says why, followed or not; the
// tab shows only where /access says docker is usable.
// With HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the tab in en,
// zh_TW and zh_CN.

#include "../server/PodmanSupport.h"
#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "NodeAgentSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "fleet/ContainerStatusText.h"
#include "fleet/NodeComposePane.h"
#include "fleet/NodeContainerModel.h"
#include "fleet/NodeDockerView.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "shell/MainWindow.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

class TestNodeDocker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init() { MessageBox::setNextAnswer(QMessageBox::NoButton); }
    void containersAreManagedThroughTheUi();
    void aSlowStopIsWaitedFor();
    void aStopCutOffByTheAgentGoingIsReadAgain();
    void theLogFollowsTheContainer();
    void followShowsTheLogLive();
    void aQuietContainersLogSaysWhyItIsEmpty();
    void imagesAndComposeProjects();
    void headersSitLikeTheirColumnsAndUnknownsAreDashes();
    void imageTimesReadInTheLanguage();
    void statusReadsInTheLanguage();
    void composeUpAndDownThroughTheUi();
    void logRowFitsTheSmallestWindow();
    void containerColumnsFitTheList();
    void screenshots();
    void removeAsksFirst();
    void tabOnlyWhereDockerIsUsable();

private:
    ApiClient *client() { return m_server.connection->client(); }
    // Every agent of the test talks to the test's podman.
    bool startAgent(NodeAgent &agent, const QString &name, const QString &label,
                    const QStringList &extra)
    {
        return m_agents.start(
            *client(), m_server.connection->baseUrl(), agent, name, label,
            QStringList{QStringLiteral("--docker-socket"), m_podman.socketPath()} + extra);
    }
    // The page with the Docker tab current and the containers read.
    NodeDockerView *dockerOf(NodesPage &page)
    {
        NodeDockerView *view = page.dockerView();
        child<QTabWidget>(&page, "nodes.detailTabs")->setCurrentWidget(view);
        if (!QTest::qWaitFor([view] { return view->model()->rowCount() >= 2; }, 20000))
            return nullptr;
        return view;
    }
    // `window` shown at `width`, the Nodes section with the dock node
    // selected and its Docker tab read; null when any step times out.
    NodeDockerView *dockerInWindow(MainWindow &window, int width)
    {
        window.resize(width, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) ||
            !window.selectSection(QStringLiteral("nodes")))
            return nullptr;
        auto *page = window.findChild<NodesPage *>(QStringLiteral("page.nodes"));
        if (!page ||
            !QTest::qWaitFor([&] { return page->model()->rowOf(m_dock.nodeId) >= 0; }, 20000))
            return nullptr;
        child<QTableView>(page, "nodes.list")->selectRow(page->model()->rowOf(m_dock.nodeId));
        if (!QTest::qWaitFor([&] { return tabShown(*page); }, 20000))
            return nullptr;
        return dockerOf(*page);
    }
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.dockerView()));
    }
    static QString stateOf(NodeDockerView *view, const QString &id)
    {
        const int row = view->model()->rowOfId(id);
        return row < 0 ? QString()
                       : view->model()->index(row, 0).data(NodeContainerModel::StateRole).toString();
    }
    static void select(NodeDockerView *view, const QString &id)
    {
        child<QTableView>(view, "nodes.docker.containers")->selectRow(view->model()->rowOfId(id));
    }
    // The compose table's row of `project`, -1 when absent.
    static int composeRow(NodeDockerView *view, const QString &project)
    {
        auto *table = child<QTableWidget>(view, "nodes.docker.composes");
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0) && table->item(row, 0)->text() == project)
                return row;
        return -1;
    }
    static QString composeCell(NodeDockerView *view, const QString &project, int column)
    {
        const int row = composeRow(view, project);
        auto *table = child<QTableWidget>(view, "nodes.docker.composes");
        return row < 0 || !table->item(row, column) ? QString() : table->item(row, column)->text();
    }

    AdminServer m_server;
    NodeAgents m_agents;
    hm::test::PodmanDaemon m_podman;
    NodeAgent m_dock;
    NodeAgent m_plain;
    QTemporaryDir m_composeRoot; // dock-1's --compose-root, holding project hmshop
    QString m_webId;
    QString m_idleId;
};

void TestNodeDocker::initTestCase()
{
    if (hm::test::PodmanDaemon::podman().isEmpty() || hm::test::PodmanDaemon::busybox().isEmpty())
        QSKIP("podman and busybox-static are needed (installer/packages.txt installs them)");
    const QString started = m_podman.start(true);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QTRY_VERIFY_WITH_TIMEOUT(m_podman.answers(), 30000);
    m_webId = m_podman.createContainer(
        QStringLiteral("hm-web"),
        // Numbered: podman's log times have whole seconds, so two lines may
        // carry the same time; the number tells a repeat from a new line.
        QStringLiteral("trap 'exit 0' TERM; i=0; while true; do i=$((i+1)); echo tick $i; "
                       "sleep 1; done"),
        {{"com.docker.compose.project", "shop"},
         {"com.docker.compose.project.working_dir", m_podman.path("shop")}});
    m_idleId = m_podman.createContainer(QStringLiteral("hm-idle"),
                                        QStringLiteral("trap 'exit 0' TERM; while true; do "
                                                       "sleep 1; done"));
    QVERIFY(!m_webId.isEmpty() && !m_idleId.isEmpty());

    QVERIFY(m_server.start("TestNodeDocker"));
    QVERIFY(m_agents.isValid());
    // A one-service compose project (no network: the test podman has none).
    QVERIFY(m_composeRoot.isValid());
    QVERIFY(QDir(m_composeRoot.path()).mkpath(QStringLiteral("hmshop")));
    QFile compose(m_composeRoot.filePath(QStringLiteral("hmshop/compose.yaml")));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("version: \"3\"\n"
                  "services:\n"
                  "  app:\n"
                  "    image: localhost/hm-busybox:test\n"
                  "    command: [\"/bin/sh\", \"-c\", \"trap 'exit 0' TERM; while true; do "
                  "sleep 1; done\"]\n"
                  "    network_mode: none\n"
                  "    stop_grace_period: 2s\n");
    compose.close();
    QVERIFY(startAgent(m_dock, QStringLiteral("dock-1"), QStringLiteral("docker"),
                       {QStringLiteral("--allow"), QStringLiteral("docker"),
                        QStringLiteral("--compose-root"), m_composeRoot.path()}));
    QVERIFY(startAgent(m_plain, QStringLiteral("plain-1"), QStringLiteral("plain"), {}));
    for (const NodeAgent *agent : {&m_dock, &m_plain})
        QTRY_VERIFY_WITH_TIMEOUT(nodeOnline(*client(), agent->nodeId), 30000);
}

void TestNodeDocker::cleanupTestCase()
{
    for (NodeAgent *agent : {&m_dock, &m_plain})
        agent->stop();
    m_server.stop();
    m_podman.stop();
}

void TestNodeDocker::containersAreManagedThroughTheUi()
{
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    QVERIFY(tabShown(*page));
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    const int row = view->model()->rowOfId(m_webId);
    QVERIFY(row >= 0);
    QCOMPARE(view->model()->index(row, NodeContainerModel::NameColumn).data().toString(),
             QStringLiteral("hm-web"));
    QCOMPARE(view->model()->index(row, NodeContainerModel::StateColumn).data().toString(),
             QStringLiteral("Running"));
    QCOMPARE(view->model()->index(row, NodeContainerModel::ProjectColumn).data().toString(),
             QStringLiteral("shop"));

    auto *start = child<QPushButton>(view, "nodes.docker.start");
    auto *stop = child<QPushButton>(view, "nodes.docker.stop");
    auto *restart = child<QPushButton>(view, "nodes.docker.restart");
    QVERIFY(!stop->isEnabled()); // nothing selected yet
    select(view, m_webId);
    QVERIFY(stop->isEnabled() && restart->isEnabled() && !start->isEnabled());

    QSignalSpy finished(view, &NodeDockerView::actionFinished);
    // Stop asks first, Cancel the default; cancelled, nothing is sent.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    stop->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.docker.confirmStop"));
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Stop"));
    QCOMPARE(MessageBox::lastDefaultButton(), QMessageBox::Cancel);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("\"hm-web\" on dock-1")),
             qPrintable(MessageBox::lastText()));
    const int answers = view->answers();
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > answers, 20000);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(stateOf(view, m_webId), QStringLiteral("running"));
    QVERIFY(stop->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    stop->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, m_webId), QStringLiteral("exited"), 20000);
    QCOMPARE(m_podman.request("GET", "/v1.41/containers/" + m_webId.toLatin1() + "/json")
                 .json()
                 .value("State")
                 .toObject()
                 .value("Status")
                 .toString(),
             QStringLiteral("exited"));
    // The selection survived the refresh; now Start is the way.
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled() && !stop->isEnabled(), 10000);
    QVERIFY(child<QLabel>(view, "nodes.docker.message")->text().contains("hm-web"));
    // Said again after a language switch (it stayed in English).
    QCOMPARE(child<QLabel>(view, "nodes.docker.message")->text(),
             QStringLiteral("Stopped \"hm-web\"."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(view, "nodes.docker.message")->text(),
                 QCoreApplication::translate("hm::app::NodeDockerView", "Stopped \"%1\".")
                     .arg(QStringLiteral("hm-web")));
    QVERIFY(child<QLabel>(view, "nodes.docker.message")->text() !=
            QStringLiteral("Stopped \"hm-web\"."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(child<QLabel>(view, "nodes.docker.message")->text(),
                 QStringLiteral("Stopped \"hm-web\"."));
    start->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, m_webId), QStringLiteral("running"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(restart->isEnabled(), 10000);
    restart->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QCOMPARE(finished.at(2).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, m_webId), QStringLiteral("running"), 20000);
}

void TestNodeDocker::aSlowStopIsWaitedFor()
{
    // A container that ignores SIGTERM (a shell as PID 1 without a trap)
    // stops only when the engine kills it after its grace period, here
    // 12 s: longer than the console's usual 10 s request timeout. The
    // console waits for the answer and says the container stopped, never
    // that it "was not changed".
    const QString slowId = m_podman.createContainer(
        QStringLiteral("hm-slow"), QStringLiteral("while true; do sleep 1; done"), {}, {}, 12);
    QVERIFY(!slowId.isEmpty());
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(slowId) >= 0, 20000);
    select(view, slowId);
    auto *stop = child<QPushButton>(view, "nodes.docker.stop");
    auto *message = child<QLabel>(view, "nodes.docker.message");
    QVERIFY(stop->isEnabled());
    QSignalSpy finished(view, &NodeDockerView::actionFinished);
    QElapsedTimer took;
    took.start();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    stop->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(took.elapsed() >= 10000, "the engine's grace period was not waited for");
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(message->text()));
    QCOMPARE(message->text(), QStringLiteral("Stopped \"hm-slow\"."));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, slowId), QStringLiteral("exited"), 20000);
    QCOMPARE(
        m_podman.request("DELETE", "/v1.41/containers/" + slowId.toLatin1() + "?force=true").status,
        204);
}

void TestNodeDocker::aStopCutOffByTheAgentGoingIsReadAgain()
{
    // The agent dies while Docker is still stopping a container (one that
    // ignores SIGTERM: the engine waits its 12 s grace period). The server
    // answers NODE_OFFLINE; the container may well stop all the same, so
    // the console says the outcome is unknown (not that it "was not
    // changed") and reads the list again at once. That read fails too
    // (the agent is gone): it is said on top of the unknown outcome, not
    // instead of it (before, "The list could not be refreshed" replaced
    // it). Once the agent is back the list is read, shows the container
    // stopped, and the unknown outcome is said again as it was. An agent
    // of its own: the other cases keep dock-1.
    NodeAgent doomed;
    QVERIFY(startAgent(doomed, QStringLiteral("dock-2"), QStringLiteral("docker"),
                       {QStringLiteral("--allow"), QStringLiteral("docker")}));
    QTRY_VERIFY_WITH_TIMEOUT(nodeOnline(*client(), doomed.nodeId), 30000);
    const QString stubbornId = m_podman.createContainer(
        QStringLiteral("hm-stubborn"), QStringLiteral("while true; do sleep 1; done"), {}, {}, 12);
    QVERIFY(!stubbornId.isEmpty());
    const auto podmanState = [&] {
        return m_podman.request("GET", "/v1.41/containers/" + stubbornId.toLatin1() + "/json")
            .json()
            .value("State")
            .toObject()
            .value("Status")
            .toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(podmanState(), QStringLiteral("running"), 20000);
    auto page = nodesPageOn(client(), m_server.admin, doomed.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(stubbornId) >= 0, 20000);
    select(view, stubbornId);
    auto *stop = child<QPushButton>(view, "nodes.docker.stop");
    auto *message = child<QLabel>(view, "nodes.docker.message");
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 20000);

    QSignalSpy finished(view, &NodeDockerView::actionFinished);
    // Right after the answer's handler: whether it asked for the list.
    bool readAgain = false;
    int answersAtFinish = -1;
    connect(view, &NodeDockerView::actionFinished, view,
            [&] { answersAtFinish = view->answers(); });
    connect(
        view, &NodeDockerView::actionFinished, view, [&] { readAgain = view->isLoading(); },
        Qt::QueuedConnection);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    stop->click();
    // The agent asked the engine: podman says the container is stopping.
    QTRY_COMPARE_WITH_TIMEOUT(podmanState(), QStringLiteral("stopping"), 20000);
    QCOMPARE(finished.count(), 0);
    doomed.process->kill();
    QVERIFY(doomed.process->waitForFinished(10000));

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QTRY_VERIFY(readAgain);
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > answersAtFinish, 20000);
    QVERIFY2(message->text().startsWith(QStringLiteral("Whether \"hm-stubborn\" changed is "
                                                       "unknown (")),
             qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("), and the list could not be read again: ")),
             qPrintable(message->text()));
    QVERIFY(!message->text().contains(QStringLiteral("was not changed")));

    // The agent back (the same identity): the list read shows what the
    // engine did, and the message is the unknown outcome again.
    QTRY_COMPARE_WITH_TIMEOUT(podmanState(), QStringLiteral("exited"), 30000);
    doomed.process->start();
    QVERIFY(doomed.process->waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, stubbornId), QStringLiteral("exited"), 40000);
    QTRY_VERIFY2(message->text().startsWith(QStringLiteral("\"hm-stubborn\" is still being "
                                                           "stopped, or its outcome is unknown (")),
                 qPrintable(message->text()));
    QVERIFY(message->text().endsWith(QStringLiteral("Its state below is read again.")));
    // Back with the agent: the unknown outcome over the container's state.
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
        for (const QString &language :
             {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
            QApplication::processEvents();
            QVERIFY(page->grab().save(
                dir + QStringLiteral("/nodes-docker-outcome-unknown-%1.png").arg(language)));
        }
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }

    doomed.stop();
    QCOMPARE(
        m_podman.request("DELETE", "/v1.41/containers/" + stubbornId.toLatin1() + "?force=true")
            .status,
        204);
}

void TestNodeDocker::theLogFollowsTheContainer()
{
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    select(view, m_webId);
    QCOMPARE(view->logContainer(), m_webId);
    auto *log = child<QPlainTextEdit>(view, "nodes.docker.log");
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("tick")), 20000);
    // New lines arrive by polling, each once: what the console shows is
    // exactly podman's own log from the first line shown on (the container
    // was restarted before, so equal lines may be genuine; whole-second
    // times make the console keep the lines of its last second).
    const int lines = log->blockCount();
    QTRY_VERIFY_WITH_TIMEOUT(log->blockCount() >= lines + 2, 20000);
    const QStringList shown = log->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    QByteArray raw =
        m_podman.request("GET", "/v1.41/containers/" + m_webId.toLatin1()
                                    + "/logs?stdout=1&stderr=1&timestamps=1")
            .body;
    QStringList logged; // demultiplexed: 8-byte headers, size big-endian at 4
    while (raw.size() >= 8) {
        const quint32 size = (quint32(quint8(raw[4])) << 24) | (quint32(quint8(raw[5])) << 16)
                             | (quint32(quint8(raw[6])) << 8) | quint32(quint8(raw[7]));
        for (const QByteArray &line : raw.mid(8, size).split('\n'))
            if (!line.isEmpty())
                logged.append(QString::fromUtf8(line));
        raw.remove(0, 8 + qsizetype(size));
    }
    const qsizetype from = logged.indexOf(shown.constFirst());
    QVERIFY2(from >= 0, qPrintable(shown.constFirst()));
    QCOMPARE(shown, logged.mid(from, shown.size()));
    // Another container: its own log.
    select(view, m_idleId);
    QCOMPARE(view->logContainer(), m_idleId);
    QVERIFY(!log->toPlainText().contains(QStringLiteral("tick")));
}

void TestNodeDocker::followShowsTheLogLive()
{
    // Sixty lines at once (enough to scroll), then one a second.
    const QString briefId = m_podman.createContainer(
        QStringLiteral("hm-brief"),
        QStringLiteral("for i in $(seq 1 60); do echo early $i; done; trap 'exit 0' TERM; "
                       "i=0; while true; do i=$((i+1)); echo live $i; sleep 1; done"));
    QVERIFY(!briefId.isEmpty());
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(briefId) >= 0, 20000);
    select(view, briefId);
    auto *log = child<QPlainTextEdit>(view, "nodes.docker.log");
    auto *follow = child<QCheckBox>(view, "nodes.docker.logFollow");
    QCOMPARE(log->maximumBlockCount(), 10000); // the bounded buffer
    QVERIFY(!follow->isChecked() && !view->isFollowing());
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("early 60")), 20000);

    follow->click();
    QVERIFY(follow->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
    QVERIFY2(child<QLabel>(view, "nodes.docker.logTitle")->text().contains("live"),
             qPrintable(child<QLabel>(view, "nodes.docker.logTitle")->text()));
    // Live lines arrive, each once and in order, and the view stays at the
    // end while the user has not scrolled up.
    const auto liveNumbers = [log] {
        QList<int> numbers;
        for (const QString &line : log->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
            const qsizetype at = line.indexOf(QStringLiteral(" live "));
            if (at >= 0)
                numbers.append(line.mid(at + 6).toInt());
        }
        return numbers;
    };
    const int before = int(liveNumbers().size());
    QTRY_VERIFY_WITH_TIMEOUT(liveNumbers().size() >= before + 3, 20000);
    const QList<int> numbers = liveNumbers();
    for (int i = 1; i < numbers.size(); ++i)
        QCOMPARE(numbers.at(i), numbers.at(i - 1) + 1);
    QCOMPARE(int(log->toPlainText().count(QStringLiteral(" early 60\n"))), 1);
    QScrollBar *bar = log->verticalScrollBar();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    // Scrolled up: new lines arrive but the view stays where the user is.
    bar->setValue(0);
    const int lines = log->blockCount();
    QTRY_VERIFY_WITH_TIMEOUT(log->blockCount() >= lines + 2, 20000);
    QCOMPARE(bar->value(), 0);

    // Off: the stream closes, polling goes on.
    follow->click();
    QVERIFY(!view->isFollowing());
    const int polled = log->blockCount();
    QTRY_VERIFY_WITH_TIMEOUT(log->blockCount() >= polled + 2, 20000);

    // On again, then the container stops: the stream ends, the toggle
    // goes off and the title says why.
    follow->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
    QCOMPARE(m_podman.request("POST", "/v1.41/containers/hm-brief/stop?t=2").status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(!follow->isChecked(), 30000);
    QVERIFY(!view->isFollowing());
    QVERIFY2(child<QLabel>(view, "nodes.docker.logTitle")->text().contains("ended"),
             qPrintable(child<QLabel>(view, "nodes.docker.logTitle")->text()));

    // Started again (on the daemon, then through the button): the live log
    // comes back, Follow on and the title saying so, not "ended".
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, briefId), QStringLiteral("exited"), 20000);
    QCOMPARE(m_podman.request("POST", "/v1.41/containers/hm-brief/start").status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(follow->isChecked(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
    auto *title = child<QLabel>(view, "nodes.docker.logTitle");
    QVERIFY2(title->text().contains("live") && !title->text().contains("ended"),
             qPrintable(title->text()));
    QCOMPARE(m_podman.request("POST", "/v1.41/containers/hm-brief/stop?t=2").status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(!follow->isChecked(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, briefId), QStringLiteral("exited"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(view, "nodes.docker.start")->isEnabled(), 10000);
    child<QPushButton>(view, "nodes.docker.start")->click();
    QTRY_VERIFY_WITH_TIMEOUT(follow->isChecked() && view->isFollowing(), 30000);
    QVERIFY2(!title->text().contains("ended"), qPrintable(title->text()));
    QCOMPARE(m_podman.request("DELETE", "/v1.41/containers/hm-brief?force=true").status, 204);
}

void TestNodeDocker::aQuietContainersLogSaysWhyItIsEmpty()
{
    // hm-idle prints nothing: its log pane says so, and once followed
    // (which opens for a quiet container too) that lines will appear.
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(m_idleId) >= 0, 20000);
    auto *log = child<QPlainTextEdit>(view, "nodes.docker.log");
    QVERIFY(log->placeholderText().isEmpty()); // no container chosen: the title says it
    select(view, m_idleId);
    QCOMPARE(log->placeholderText(),
             NodeDockerView::tr("The container has not logged anything yet."));
    auto *follow = child<QCheckBox>(view, "nodes.docker.logFollow");
    follow->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
    QCOMPARE(log->placeholderText(),
             NodeDockerView::tr(
                 "Nothing logged yet. New lines appear here as the container writes them."));
    QVERIFY(log->toPlainText().isEmpty());
    follow->click();
    QVERIFY(!view->isFollowing());
}

void TestNodeDocker::imagesAndComposeProjects()
{
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    auto *lower = child<QTabWidget>(view, "nodes.docker.lower");
    lower->setCurrentIndex(1);
    auto *images = child<QTableWidget>(view, "nodes.docker.images");
    QTRY_VERIFY_WITH_TIMEOUT(images->rowCount() >= 1, 20000);
    QVERIFY(!images->findItems(QStringLiteral("localhost/hm-busybox:test"), Qt::MatchContains)
                 .isEmpty());
    lower->setCurrentIndex(2);
    auto *composes = child<QTableWidget>(view, "nodes.docker.composes");
    // hmshop from the compose root (not up), shop from its container.
    QTRY_COMPARE_WITH_TIMEOUT(composes->rowCount(), 2, 20000);
    QCOMPARE(composeCell(view, QStringLiteral("shop"), 2), QStringLiteral("1 of 1"));
    QCOMPARE(composeCell(view, QStringLiteral("hmshop"), 1), QStringLiteral("Not up"));
    QCOMPARE(composeCell(view, QStringLiteral("hmshop"), 3),
             m_composeRoot.filePath(QStringLiteral("hmshop")));
}

// The containers' titles sat centred over left-aligned text, the images'
// Size over left-aligned sizes; hm-idle's compose project and ports were
// empty cells.
void TestNodeDocker::headersSitLikeTheirColumnsAndUnknownsAreDashes()
{
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    const int idle = view->model()->rowOfId(m_idleId);
    QVERIFY(idle >= 0);
    const QHeaderView *containers =
        child<QTableView>(view, "nodes.docker.containers")->horizontalHeader();
    QCOMPARE(headerAlignment(containers, NodeContainerModel::NameColumn), Qt::AlignLeft);
    QCOMPARE(cellAlignment(containers, idle, NodeContainerModel::NameColumn), Qt::AlignLeft);
    QString unlike = headersUnlikeCells(containers, idle);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    QCOMPARE(view->model()->index(idle, NodeContainerModel::ProjectColumn).data().toString(),
             QStringLiteral("—"));
    QCOMPARE(view->model()->index(idle, NodeContainerModel::PortsColumn).data().toString(),
             QStringLiteral("—"));

    child<QTabWidget>(view, "nodes.docker.lower")->setCurrentIndex(1);
    auto *images = child<QTableWidget>(view, "nodes.docker.images");
    QTRY_VERIFY_WITH_TIMEOUT(images->rowCount() >= 1, 20000);
    const QHeaderView *header = images->horizontalHeader();
    QCOMPARE(headerAlignment(header, 2), Qt::AlignRight); // the size
    QCOMPARE(cellAlignment(header, 0, 2), Qt::AlignRight);
    QCOMPARE(headerAlignment(header, 0), Qt::AlignLeft); // the tags
    unlike = headersUnlikeCells(header, 0);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
    child<QTabWidget>(view, "nodes.docker.lower")->setCurrentIndex(2);
    auto *composes = child<QTableWidget>(view, "nodes.docker.composes");
    QTRY_VERIFY_WITH_TIMEOUT(composes->rowCount() >= 1, 20000);
    unlike = headersUnlikeCells(composes->horizontalHeader(), 0);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
}

void TestNodeDocker::imageTimesReadInTheLanguage()
{
    // The Created column goes through the console's date/time helper: in
    // zh_TW a 24-hour time, not CLDR's day period passed through as "B".
    const QJsonArray listed =
        QJsonDocument::fromJson(m_podman.request("GET", "/v1.41/images/json").body).array();
    QDateTime created;
    for (const QJsonValue &image : listed)
        if (image.toObject()
                .value("RepoTags")
                .toArray()
                .contains(QStringLiteral("localhost/hm-busybox:test")))
            created =
                QDateTime::fromSecsSinceEpoch(qint64(image.toObject().value("Created").toDouble()));
    QVERIFY(created.isValid());
    for (const QString &language : {QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
        QVERIFY(page);
        NodeDockerView *view = dockerOf(*page);
        QVERIFY(view);
        child<QTabWidget>(view, "nodes.docker.lower")->setCurrentIndex(1);
        auto *images = child<QTableWidget>(view, "nodes.docker.images");
        QTRY_VERIFY_WITH_TIMEOUT(images->rowCount() >= 1, 20000);
        const QList<QTableWidgetItem *> found =
            images->findItems(QStringLiteral("localhost/hm-busybox:test"), Qt::MatchContains);
        QVERIFY(!found.isEmpty());
        const QString shown = images->item(found.first()->row(), 3)->text();
        QCOMPARE(shown, dateTimeText(created));
        QVERIFY2(!shown.contains(u'B'), qPrintable(shown));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestNodeDocker::statusReadsInTheLanguage()
{
    // Docker's (and podman's) status texts, said again in words; what is
    // not of their shape stays as it came.
    const auto said = [](const char *status, const char *state) {
        return ContainerStatusText::status(QString::fromLatin1(status), QString::fromLatin1(state));
    };
    QCOMPARE(said("Up 4 minutes", "running"), QStringLiteral("Up for 4 minutes"));
    QCOMPARE(said("Up About a minute (healthy)", "running"),
             QStringLiteral("Up for about a minute"));
    QCOMPARE(said("Up 1 second", "running"), QStringLiteral("Up for 1 second"));
    QCOMPARE(said("Exited (0) 3 hours ago", "exited"),
             QStringLiteral("Exited with code 0, 3 hours ago"));
    QCOMPARE(said("Exited (137) About an hour ago", "exited"),
             QStringLiteral("Exited with code 137, about an hour ago"));
    QCOMPARE(said("Created", "created"), QStringLiteral("Created"));
    QCOMPARE(said("", "paused"), QStringLiteral("Paused"));
    QCOMPARE(said("Something new", "running"), QStringLiteral("Something new"));
    // podman's while a stop waits for the container to end.
    QCOMPARE(said("Stopping", "stopping"), QStringLiteral("Stopping"));
    QCOMPARE(NodeContainerModel::stateText(QStringLiteral("stopping")), QStringLiteral("Stopping"));

    // The Status column, from a real daemon, in every language: never
    // Docker's English.
    for (const QString &language : {QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        QVERIFY2(!said("Up 4 minutes", "running").contains(QLatin1String("minute")),
                 qPrintable(said("Up 4 minutes", "running")));
        for (const QString &shown : {said("Stopping", "stopping"),
                                     NodeContainerModel::stateText(QStringLiteral("stopping"))})
            QVERIFY2(!shown.contains(QLatin1String("top")), qPrintable(shown));
        auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
        QVERIFY(page);
        NodeDockerView *view = dockerOf(*page);
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(m_idleId) >= 0, 20000);
        const int row = view->model()->rowOfId(m_idleId);
        const QModelIndex status = view->model()->index(row, NodeContainerModel::StatusColumn);
        const QString raw = status.data(Qt::ToolTipRole).toString();
        QVERIFY2(raw.startsWith(QLatin1String("Up ")), qPrintable(raw));
        const QString shown = status.data().toString();
        QVERIFY2(!shown.isEmpty() && !shown.contains(QLatin1String("Up")) &&
                     !shown.contains(QLatin1String("second")) &&
                     !shown.contains(QLatin1String("minute")),
                 qPrintable(shown));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestNodeDocker::composeUpAndDownThroughTheUi()
{
    if (QStandardPaths::findExecutable(QStringLiteral("docker-compose")).isEmpty())
        QSKIP("docker-compose is needed (installer/packages.txt installs it)");
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    child<QTabWidget>(view, "nodes.docker.lower")->setCurrentIndex(2);
    auto *composes = child<QTableWidget>(view, "nodes.docker.composes");
    auto *up = child<QPushButton>(view, "nodes.docker.composeUp");
    auto *down = child<QPushButton>(view, "nodes.docker.composeDown");
    auto *busy = child<QProgressBar>(view, "nodes.docker.composeBusy");
    auto *status = child<QLabel>(view, "nodes.docker.composeStatus");
    QTRY_COMPARE_WITH_TIMEOUT(composes->rowCount(), 2, 20000);
    QVERIFY(!up->isEnabled() && !down->isEnabled()); // nothing selected
    composes->selectRow(composeRow(view, QStringLiteral("hmshop")));
    QVERIFY(up->isEnabled() && down->isEnabled());

    QSignalSpy finished(view->composePane(), &NodeComposePane::runFinished);
    up->click();
    // Busy while compose runs; neither button takes another run.
    QVERIFY(busy->isVisible());
    QVERIFY(!up->isEnabled() && !down->isEnabled());
    QVERIFY(status->text().contains(QStringLiteral("hmshop")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!busy->isVisible());
    QCOMPARE(status->text(), QStringLiteral("\"hmshop\" is up."));
    QVERIFY(child<QPlainTextEdit>(view, "nodes.docker.composeOutput")
                ->toPlainText()
                .contains(QStringLiteral("hmshop_app_1")));
    QTRY_COMPARE_WITH_TIMEOUT(composeCell(view, QStringLiteral("hmshop"), 1),
                              QStringLiteral("Running"), 20000);
    QCOMPARE(composeCell(view, QStringLiteral("hmshop"), 2), QStringLiteral("1 of 1"));
    QCOMPARE(m_podman.request("GET", "/v1.41/containers/hmshop_app_1/json")
                 .json()
                 .value("State")
                 .toObject()
                 .value("Status")
                 .toString(),
             QStringLiteral("running"));

    // Down asks first; "No" leaves it up.
    QTRY_VERIFY_WITH_TIMEOUT(down->isEnabled(), 10000);
    MessageBox::setNextAnswer(QMessageBox::No);
    down->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.docker.confirmComposeDown"));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("hmshop")));
    QCOMPARE(finished.count(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    down->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 120000);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(composeCell(view, QStringLiteral("hmshop"), 1),
                              QStringLiteral("Not up"), 20000);
    QCOMPARE(m_podman.request("GET", "/v1.41/containers/hmshop_app_1/json").status, 404);

    // shop's directory is outside the compose roots: refused, said so.
    composes->selectRow(composeRow(view, QStringLiteral("shop")));
    QTRY_VERIFY_WITH_TIMEOUT(up->isEnabled(), 10000);
    up->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 60000);
    QCOMPARE(finished.at(2).at(0).toBool(), false);
    QVERIFY2(status->text().startsWith(QStringLiteral("\"shop\" was not brought up")),
             qPrintable(status->text()));
}

void TestNodeDocker::removeAsksFirst()
{
    auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
    QVERIFY(page);
    NodeDockerView *view = dockerOf(*page);
    QVERIFY(view);
    select(view, m_idleId);
    auto *remove = child<QPushButton>(view, "nodes.docker.remove");
    QVERIFY(remove->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    remove->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.docker.confirmRemove"));
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Remove"));
    QCOMPARE(MessageBox::lastDefaultButton(), QMessageBox::Cancel);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("hm-idle")));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("running")));
    const int answers = view->answers();
    QTRY_VERIFY_WITH_TIMEOUT(view->answers() > answers, 20000);
    QVERIFY(view->model()->rowOfId(m_idleId) >= 0);

    QSignalSpy finished(view, &NodeDockerView::actionFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowOfId(m_idleId), -1, 20000);
    QCOMPARE(m_podman.request("GET", "/v1.41/containers/" + m_idleId.toLatin1() + "/json").status,
             404);
}

void TestNodeDocker::tabOnlyWhereDockerIsUsable()
{
    auto plain = nodesPageOn(client(), m_server.admin, m_plain.nodeId);
    QVERIFY(plain);
    QVERIFY(!tabShown(*plain));
    auto *list = child<QTableView>(plain.get(), "nodes.list");
    QSignalSpy accessRead(plain.get(), &NodesPage::nodeAccessRead);
    list->selectRow(plain->model()->rowOf(m_dock.nodeId));
    QTRY_COMPARE_WITH_TIMEOUT(accessRead.count(), 1, 20000);
    QVERIFY(tabShown(*plain));
}

// In Traditional Chinese the "Follow" check box at the end of the log's
// row was reported cut off at the window's edge. In a 1,024-pixel window (the sidebar as icons)
// and at 1,200 (the sidebar whole), in every language, followed or not,
// with a container named as compose names them, the check box shows whole
// and the title's lines all show.
void TestNodeDocker::logRowFitsTheSmallestWindow()
{
    const QString longId = m_podman.createContainer(
        QStringLiteral("payments-ingest-eu-west-worker-1"),
        QStringLiteral("trap 'exit 0' TERM; while true; do echo tick; sleep 1; done"));
    QVERIFY(!longId.isEmpty());
    const auto removeLong = qScopeGuard(
        [&] { m_podman.request("DELETE", "/v1.41/containers/" + longId.toLatin1() + "?force=1"); });
    MainWindow::Options options;
    options.persistSettings = false;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        for (const int width : {1024, 1200}) {
            MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
            NodeDockerView *view = dockerInWindow(window, width);
            QVERIFY(view);
            QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(longId) >= 0, 20000);
            select(view, longId);
            auto *log = child<QPlainTextEdit>(view, "nodes.docker.log");
            QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("tick")), 20000);
            auto *follow = child<QCheckBox>(view, "nodes.docker.logFollow");
            auto *title = child<QLabel>(view, "nodes.docker.logTitle");
            for (const bool following : {false, true}) {
                if (follow->isChecked() != following)
                    follow->click();
                QApplication::processEvents();
                const QString where = QStringLiteral("%1 at %2, %3: ")
                                          .arg(language)
                                          .arg(width)
                                          .arg(following ? "followed" : "polled");
                if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
                    !dir.isEmpty()) {
                    QVERIFY(QDir().mkpath(dir));
                    QVERIFY(window.grab().save(dir + QStringLiteral("/nodes-docker-%1-%2%3.png")
                                                         .arg(width)
                                                         .arg(language)
                                                         .arg(following ? "-followed" : "")));
                }
                // Whole: as wide as it asks, and no ancestor cuts it.
                QVERIFY2(follow->width() >= follow->sizeHint().width(),
                         qPrintable(where + QString::number(follow->width())));
                QRect shown(follow->mapTo(&window, QPoint(0, 0)), follow->size());
                for (const QWidget *w = follow->parentWidget(); w && !w->isWindow();
                     w = w->parentWidget())
                    shown &= QRect(w->mapTo(&window, QPoint(0, 0)), w->size());
                QVERIFY2(shown.size() == follow->size(),
                         qPrintable(where + QStringLiteral("%1 of %2 px shown")
                                                .arg(shown.width())
                                                .arg(follow->width())));
                // The title's lines all show, beside the check box.
                const int needed = title->wordWrap() ? title->heightForWidth(title->width())
                                                     : title->sizeHint().height();
                QVERIFY2(title->height() >= needed, qPrintable(where + title->text()));
                QVERIFY2(title->wordWrap() || title->width() >= title->sizeHint().width(),
                         qPrintable(where + title->text()));
                QVERIFY2(title->geometry().right() < follow->geometry().left(),
                         qPrintable(where + title->text()));
            }
            follow->click(); // polled again, for the next window
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestNodeDocker::containerColumnsFitTheList()
{
    MainWindow::Options options;
    options.persistSettings = false;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        for (const int width : {1200, 1300}) {
            MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
            NodeDockerView *view = dockerInWindow(window, width);
            QVERIFY(view);
            QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowOfId(m_webId) >= 0, 20000);
            auto *table = child<QTableView>(view, "nodes.docker.containers");
            QHeaderView *header = table->horizontalHeader();
            const QString where = QStringLiteral("%1 at %2: ").arg(language).arg(width);
            // Every title whole, and no sideways scrolling to reach the last.
            QTRY_VERIFY2(header->length() <= table->viewport()->width(),
                         qPrintable(where + QStringLiteral("%1 px of columns in %2 px")
                                                .arg(header->length())
                                                .arg(table->viewport()->width())));
            for (int column = 0; column < header->count(); ++column) {
                QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                         qPrintable(where +
                                    table->model()->headerData(column, Qt::Horizontal).toString()));
            }
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestNodeDocker::screenshots()
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
        auto page = nodesPageOn(client(), m_server.admin, m_dock.nodeId);
        QVERIFY(page);
        // The console's style sheet, as under the main window.
        page->setStyleSheet(ThemeManager::styleSheet(dark));
        NodeDockerView *view = dockerOf(*page);
        QVERIFY(view);
        select(view, m_webId);
        auto *log = child<QPlainTextEdit>(view, "nodes.docker.log");
        QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(QStringLiteral("tick")), 20000);
        // Followed live (the toggle on).
        child<QCheckBox>(view, "nodes.docker.logFollow")->click();
        QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-docker-%1.png").arg(shot)));
        // A quiet container, followed: the empty pane says why.
        select(view, m_idleId);
        QTRY_VERIFY_WITH_TIMEOUT(view->isFollowing(), 10000);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-docker-idle-%1.png").arg(shot)));
        child<QTabWidget>(view, "nodes.docker.lower")->setCurrentIndex(2);
        auto *composes = child<QTableWidget>(view, "nodes.docker.composes");
        QTRY_VERIFY_WITH_TIMEOUT(composes->rowCount() == 2, 20000);
        composes->selectRow(composeRow(view, QStringLiteral("hmshop")));
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-docker-compose-%1.png").arg(shot)));
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestNodeDocker)
#include "TestNodeDocker.moc"
