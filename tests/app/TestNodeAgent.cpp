// Node detail, "Agent" (issue 38 items 9 and 10) against a real server and
// real hivemind-agent processes: "power-1" runs an agent started with
// --allow upgrade,reboot and a reboot_command that only leaves a marker
// file (this machine must not reboot), "plain-1" one with the default
// capabilities. The tab shows only where /access says upgrade or reboot is
// usable (not for plain-1, nor for a VIEWER); reboot asks for confirmation
// (a No does nothing) and the password again (through DialogSeam), then
// runs the agent's command; restart brings the agent back (same process);
// an upgrade to a version the server does not hold says why. The upgrade itself is
// TestAgentUpgrade's.

#include "AdminTestSupport.h"
#include "NodeAgentSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodesPage.h"
#include "remote/NodeAgentView.h"
#include "widgets/MessageBox.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

class TestNodeAgent : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init()
    {
        DialogSeam::setNextHandler({});
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
    void tabOnlyWhereUsable();
    void rebootAsksTwiceThenRuns();
    void restartBringsTheAgentBack();

private:
    ApiClient *client() { return m_server.connection->client(); }
    bool startAgent(NodeAgent &agent, const QString &name, const QStringList &extra,
                    const QByteArray &configLines)
    {
        return m_agents.start(*client(), m_server.connection->baseUrl(), agent, name,
                              QStringLiteral("lab"), extra, configLines);
    }
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.agentView()));
    }

    AdminServer m_server;
    NodeAgents m_agents;
    NodeAgent m_power;
    NodeAgent m_plain;
    QString m_marker;
};

void TestNodeAgent::initTestCase()
{
    QVERIFY(m_server.start("TestNodeAgent"));
    QVERIFY(m_agents.isValid());
    m_marker = m_agents.path(QStringLiteral("rebooted.marker"));
    const QString script = m_agents.path(QStringLiteral("fake-reboot.sh"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho rebooted > \"$1\"\n");
    file.close();
    QVERIFY(startAgent(m_power, QStringLiteral("power-1"),
                       {QStringLiteral("--allow"), QStringLiteral("upgrade,reboot")},
                       "reboot_command=/bin/sh " + script.toUtf8() + ' ' + m_marker.toUtf8()
                           + '\n'));
    QVERIFY(startAgent(m_plain, QStringLiteral("plain-1"), {}, {}));
    for (const NodeAgent *agent : {&m_power, &m_plain})
        QTRY_VERIFY_WITH_TIMEOUT(nodeOnline(*client(), agent->nodeId), 30000);
}

void TestNodeAgent::cleanupTestCase()
{
    for (NodeAgent *agent : {&m_power, &m_plain})
        agent->stop();
    m_server.stop();
}

void TestNodeAgent::tabOnlyWhereUsable()
{
    auto plain = nodesPageOn(client(), m_server.admin, m_plain.nodeId);
    QVERIFY(plain);
    QVERIFY(!tabShown(*plain));
    auto power = nodesPageOn(client(), m_server.admin, m_power.nodeId);
    QVERIFY(power);
    QVERIFY(tabShown(*power));
    for (const char *button : {"nodeAgent.upgrade", "nodeAgent.restart", "nodeAgent.reboot"})
        QVERIFY(!child<QPushButton>(power->agentView(), button)->isHidden());

    const UserInfo viewer = m_server.createUser(QStringLiteral("watcher"), QStringLiteral("VIEWER"),
                                                QStringLiteral("Watch-password-1"));
    QVERIFY(!viewer.id.isEmpty());
    UserInfo viewerInfo;
    auto viewerClient = m_server.signIn(QStringLiteral("watcher"),
                                        QStringLiteral("Watch-password-1"), &viewerInfo);
    QVERIFY(viewerClient);
    auto watched = nodesPageOn(viewerClient.get(), viewerInfo, m_power.nodeId);
    QVERIFY(watched);
    QVERIFY(!tabShown(*watched));
}

void TestNodeAgent::rebootAsksTwiceThenRuns()
{
    // A session of its own: the server remembers a confirmation per session.
    UserInfo adminInfo;
    auto api = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &adminInfo);
    QVERIFY(api);
    auto page = nodesPageOn(api.get(), adminInfo, m_power.nodeId);
    QVERIFY(page);
    NodeAgentView *view = page->agentView();
    auto *message = child<QLabel>(view, "nodeAgent.message");

    MessageBox::setNextAnswer(QMessageBox::Cancel);
    view->reboot();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodeAgent.confirmReboot"));
    QVERIFY(!QFile::exists(m_marker));

    bool asked = false;
    const QString password = m_server.adminPassword;
    DialogSeam::setNextHandler([&asked, password](QDialog *dialog) {
        asked = dialog->objectName() == QLatin1String("reauthenticateDialog");
        child<QLineEdit>(dialog, "reauthenticate.password")->setText(password);
        return int(QDialog::Accepted);
    });
    QSignalSpy finished(view, &NodeAgentView::actionFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    view->reboot();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(asked);
    QCOMPARE(message->text(), QStringLiteral("The node is rebooting."));
    QFile marker(m_marker);
    QVERIFY(marker.open(QIODevice::ReadOnly));
    QCOMPARE(marker.readAll(), QByteArray("rebooted\n"));
}

void TestNodeAgent::restartBringsTheAgentBack()
{
    // Re-authenticated in the previous test's session; this one asks again.
    UserInfo adminInfo;
    auto api = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword, &adminInfo);
    QVERIFY(api);
    auto page = nodesPageOn(api.get(), adminInfo, m_power.nodeId);
    QVERIFY(page);
    NodeAgentView *view = page->agentView();
    const QString password = m_server.adminPassword;
    DialogSeam::setNextHandler([password](QDialog *dialog) {
        child<QLineEdit>(dialog, "reauthenticate.password")->setText(password);
        return int(QDialog::Accepted);
    });
    const qint64 pid = m_power.process->processId();
    QSignalSpy finished(view, &NodeAgentView::actionFinished);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    view->restartAgent();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodeAgent.confirmRestart"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 90000);
    QCOMPARE(child<QLabel>(view, "nodeAgent.message")->text(),
             QStringLiteral("The agent restarted and is back."));
    QCOMPARE(m_power.process->processId(), pid);
    QCOMPARE(m_power.process->state(), QProcess::Running);

    // No release 98.0.0 on this server: nothing happens, and it says so.
    child<QLineEdit>(view, "nodeAgent.version")->setText(QStringLiteral("98.0.0"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    view->upgradeAgent();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QVERIFY2(child<QLabel>(view, "nodeAgent.message")
                 ->text()
                 .startsWith(QLatin1String("It did not work: ")),
             qPrintable(child<QLabel>(view, "nodeAgent.message")->text()));
}

QTEST_MAIN(TestNodeAgent)
#include "TestNodeAgent.moc"
