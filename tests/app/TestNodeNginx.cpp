// Node detail, "Nginx" (issue 38 item 7) against a real in-process server,
// a real hivemind-agent (--allow nginx, its nginx_* keys in a temporary
// prefix) and Debian's nginx: Start through the button; a site edited in
// the editor, a broken version refused with nginx's own words under the
// editor while the file on the node stays as it was; a good version
// saved; a new site created and deleted (confirmed through MessageBox); a
// self-signed certificate generated and shown; Stop. The tab shows only
// where /access says nginx is usable. With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the tab in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "ServerProcess.h"
#include "client/NodesApi.h"
#include "fleet/NodeListModel.h"
#include "fleet/NodeNginxView.h"
#include "fleet/NodesPage.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <csignal>
#include <unistd.h>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

namespace {

struct NginxAgent
{
    QString nodeId;
    std::unique_ptr<QProcess> process;
};

QByteArray readNginxFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeNginxFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString siteText(int port, const QString &body, const QString &serverName)
{
    return QStringLiteral("server {\n    listen 127.0.0.1:%1;\n    server_name %2;\n"
                          "    location / {\n        return 200 \"%3\\n\";\n    }\n}\n")
        .arg(port)
        .arg(serverName, body);
}

} // namespace

class TestNodeNginx : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tabOnlyWhereNginxIsUsable();
    void startEditRefuseSaveAndStop();
    void buttonsKeepTheirPlaceWhenASiteIsSelected();
    void offlineNodeSaysSo();
    void alignedWithTheOtherTabs();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool startAgent(NginxAgent &agent, const QString &name, const QString &label,
                    const QStringList &extra);
    std::unique_ptr<NodesPage> pageOn(const QString &nodeId);
    static bool tabShown(NodesPage &page)
    {
        auto *tabs = child<QTabWidget>(&page, "nodes.detailTabs");
        return tabs->isTabVisible(tabs->indexOf(page.nginxView()));
    }
    qint64 nginxPid() const
    {
        return readNginxFile(path(QStringLiteral("nginx.pid"))).trimmed().toLongLong();
    }

    AdminServer m_server;
    QTemporaryDir m_dir;
    QString m_nginx;
    int m_port = 0;
    NginxAgent m_web;
    NginxAgent m_db;
};

bool TestNodeNginx::startAgent(NginxAgent &agent, const QString &name, const QString &label,
                               const QStringList &extra)
{
    auto made = await<EnrolledNode>([&](auto done) {
        NodesApi(*client()).create(NewNode{name, {}, {label}, 0}, done);
    });
    if (!made.ok())
        return false;
    agent.nodeId = made->node.id;
    const QByteArray dir = QFile::encodeName(m_dir.path());
    QFile config(path(name + QStringLiteral(".conf")));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write("capabilities=metrics\n"
                 "nginx_binary=" +
                 QFile::encodeName(m_nginx) +
                 "\n"
                 "nginx_conf=" +
                 dir +
                 "/nginx.conf\n"
                 "nginx_sites_available=" +
                 dir +
                 "/sites-available\n"
                 "nginx_sites_enabled=" +
                 dir +
                 "/sites-enabled\n"
                 "nginx_ssl_dir=" +
                 dir + "/ssl\n");
    config.close();
    agent.process = std::make_unique<QProcess>();
    agent.process->setProgram(hm::test::binaryPath("hivemind-agent"));
    agent.process->setArguments(
        QStringList{QStringLiteral("--config"), config.fileName(), QStringLiteral("--server"),
                    m_server.connection->baseUrl().toString(), QStringLiteral("--enrol-secret"),
                    made->enrolment.secret, QStringLiteral("--data-dir"), path(name)} +
        extra);
    agent.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.process->start();
    return agent.process->waitForStarted();
}

void TestNodeNginx::initTestCase()
{
    m_nginx =
        QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (m_nginx.isEmpty())
        QSKIP("nginx is not installed (/usr/sbin/nginx; Debian's nginx-light will do)");
    QVERIFY(m_dir.isValid());
    for (const char *sub : {"sites-available", "sites-enabled", "logs", "tmp"})
        QVERIFY(QDir().mkpath(path(QLatin1String(sub))));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_port = probe.serverPort();
    probe.close();
    const QByteArray dir = QFile::encodeName(m_dir.path());
    QByteArray conf = ::geteuid() == 0 ? QByteArray("user root;\n") : QByteArray();
    conf += "worker_processes 1;\npid " + dir + "/nginx.pid;\nerror_log " + dir +
            "/logs/error.log;\nevents { worker_connections 64; }\nhttp {\n    access_log " + dir +
            "/logs/access.log;\n    client_body_temp_path " + dir +
            "/tmp/body;\n    proxy_temp_path " + dir + "/tmp/proxy;\n    fastcgi_temp_path " + dir +
            "/tmp/fastcgi;\n    uwsgi_temp_path " + dir + "/tmp/uwsgi;\n    scgi_temp_path " + dir +
            "/tmp/scgi;\n    include sites-enabled/*;\n}\n";
    QVERIFY(writeNginxFile(path(QStringLiteral("nginx.conf")), conf));
    QVERIFY(writeNginxFile(
        path(QStringLiteral("sites-available/main")),
        siteText(m_port, QStringLiteral("old"), QStringLiteral("main.test")).toUtf8()));
    QVERIFY(QFile::link(path(QStringLiteral("sites-available/main")),
                        path(QStringLiteral("sites-enabled/main"))));

    QVERIFY(m_server.start("TestNodeNginx"));
    QVERIFY(startAgent(m_web, QStringLiteral("web-1"), QStringLiteral("web"),
                       {QStringLiteral("--allow"), QStringLiteral("nginx")}));
    QVERIFY(startAgent(m_db, QStringLiteral("db-1"), QStringLiteral("db"), {}));
    for (const NginxAgent *agent : {&m_web, &m_db})
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto row = await<NodeRow>(
                    [&](auto done) { NodesApi(*client()).get(agent->nodeId, done); });
                return row.ok() && row->status == QLatin1String("online");
            }(),
            30000);
}

void TestNodeNginx::cleanupTestCase()
{
    // No nginx is left behind, whatever failed above.
    if (const qint64 pid = nginxPid(); pid > 0 && ::kill(pid_t(pid), 0) == 0) {
        ::kill(pid_t(pid), SIGQUIT);
        if (!QTest::qWaitFor(
                [pid] { return !QFile::exists(QStringLiteral("/proc/%1/status").arg(pid)); },
                10000))
            ::kill(pid_t(pid), SIGKILL);
    }
    for (NginxAgent *agent : {&m_web, &m_db}) {
        if (agent->process) {
            agent->process->terminate();
            agent->process->waitForFinished(10000);
        }
    }
    m_server.stop();
}

std::unique_ptr<NodesPage> TestNodeNginx::pageOn(const QString &nodeId)
{
    auto page = std::make_unique<NodesPage>();
    page->setSession(client(), m_server.admin);
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

void TestNodeNginx::tabOnlyWhereNginxIsUsable()
{
    auto web = pageOn(m_web.nodeId);
    QVERIFY(web);
    QVERIFY(tabShown(*web));
    auto db = pageOn(m_db.nodeId);
    QVERIFY(db);
    QVERIFY(!tabShown(*db));
}

void TestNodeNginx::startEditRefuseSaveAndStop()
{
    auto page = pageOn(m_web.nodeId);
    QVERIFY(page);
    NodeNginxView *view = page->nginxView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    auto *state = child<QLabel>(view, "nodes.nginx.state");
    auto *table = child<QTableWidget>(view, "nodes.nginx.sites");
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Stopped")), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20000);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("main"));
    QCOMPARE(table->item(0, 0)->checkState(), Qt::Checked);

    auto *start = child<QPushButton>(view, "nodes.nginx.start");
    QVERIFY(start->isEnabled());
    start->click();
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Running")), 20000);
    QVERIFY(nginxPid() > 0);

    // Edit the site; nginx refuses a broken version, in its own words.
    table->selectRow(0);
    child<QPushButton>(view, "nodes.nginx.editSite")->click();
    auto *editor = child<QPlainTextEdit>(view, "nodes.nginx.editor");
    QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(QStringLiteral("\"old\\n\"")), 20000);
    const QByteArray before = readNginxFile(path(QStringLiteral("sites-available/main")));
    editor->setPlainText(
        QStringLiteral("server { listen 127.0.0.1:%1; bogus_directive; }\n").arg(m_port));
    child<QPushButton>(view, "nodes.nginx.save")->click();
    auto *editorError = child<QLabel>(view, "nodes.nginx.editorError");
    QTRY_VERIFY_WITH_TIMEOUT(editorError->isVisible(), 20000);
    QVERIFY2(editorError->text().contains(QStringLiteral("bogus_directive")),
             qPrintable(editorError->text()));
    // In the style sheet's colours, as under the main window: a refusal in
    // the "bad" one (it was plain text), a success in the "good" one.
    const auto textColour = [&page](QLabel *label) {
        page->setStyleSheet(ThemeManager::styleSheet(false));
        label->ensurePolished();
        return label->palette().color(label->foregroundRole());
    };
    QCOMPARE(textColour(editorError), ThemeManager::tokenColour("bad", QGuiApplication::palette()));
    QCOMPARE(readNginxFile(path(QStringLiteral("sites-available/main"))), before);
    QVERIFY(editor->toPlainText().contains(QStringLiteral("bogus_directive"))); // kept to fix

    // A good version is saved and tested.
    const QString good = siteText(m_port, QStringLiteral("new"), QStringLiteral("main.test"));
    editor->setPlainText(good);
    child<QPushButton>(view, "nodes.nginx.save")->click();
    auto *message = child<QLabel>(view, "nodes.nginx.message");
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("saved")), 20000);
    QCOMPARE(textColour(message), ThemeManager::tokenColour("good", QGuiApplication::palette()));
    // Said again after a language switch (it stayed in English).
    QCOMPARE(message->text(), QStringLiteral("main saved; nginx -t accepted it."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(message->text(), QCoreApplication::translate("hm::app::NodeNginxView",
                                                              "%1 saved; nginx -t accepted it.")
                                      .arg(QStringLiteral("main")));
    QVERIFY(message->text() != QStringLiteral("main saved; nginx -t accepted it."));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(message->text(), QStringLiteral("main saved; nginx -t accepted it."));
    QVERIFY(!editorError->isVisible());
    QCOMPARE(readNginxFile(path(QStringLiteral("sites-available/main"))), good.toUtf8());

    // A new site, then deleted after the confirmation.
    child<QPushButton>(view, "nodes.nginx.newSite")->click();
    child<QLineEdit>(view, "nodes.nginx.siteName")->setText(QStringLiteral("second"));
    editor->setPlainText(
        siteText(m_port + 1, QStringLiteral("second"), QStringLiteral("second.test")));
    child<QPushButton>(view, "nodes.nginx.save")->click();
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 20000);
    QVERIFY(QFile::exists(path(QStringLiteral("sites-available/second"))));
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
    QCOMPARE(table->item(1, 0)->checkState(), Qt::Unchecked);
    // The check box enables it on the node (a link in sites-enabled).
    table->item(1, 0)->setCheckState(Qt::Checked);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path(QStringLiteral("sites-enabled/second"))).isSymLink(),
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy() && table->item(1, 0)->checkState() == Qt::Checked,
                             20000);
    table->selectRow(1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(view, "nodes.nginx.deleteSite")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.nginx.confirmDelete"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 20000);
    QVERIFY(!QFile::exists(path(QStringLiteral("sites-available/second"))));
    QVERIFY(!QFileInfo(path(QStringLiteral("sites-enabled/second"))).isSymLink());

    // The certificate of main.test: none yet, then a generated one.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
    table->selectRow(0);
    auto *certificate = child<QLabel>(view, "nodes.nginx.certificate");
    QTRY_VERIFY_WITH_TIMEOUT(certificate->text().contains(QStringLiteral("No site names")), 20000);
    child<QPushButton>(view, "nodes.nginx.generateCertificate")->click();
    QTRY_VERIFY_WITH_TIMEOUT(certificate->text().contains(QStringLiteral("self-signed")), 20000);
    QVERIFY2(certificate->text().contains(QStringLiteral("365 day")) ||
                 certificate->text().contains(QStringLiteral("364 day")),
             qPrintable(certificate->text()));
    QVERIFY(QFile::exists(path(QStringLiteral("ssl/main.test.key"))));

    // Stop takes every site down: it asks first, Cancel the default, and
    // cancelled nothing is sent.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
    auto *stop = child<QPushButton>(view, "nodes.nginx.stop");
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    stop->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodes.nginx.confirmStop"));
    QCOMPARE(MessageBox::lastDefaultButton(), QMessageBox::Cancel);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("web-1")) &&
                 MessageBox::lastText().contains(QStringLiteral("Every site")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(!view->isBusy());
    QTest::qWait(500);
    QVERIFY(nginxPid() > 0 && ::kill(pid_t(nginxPid()), 0) == 0);
    QVERIFY(state->text().startsWith(QStringLiteral("Running")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    stop->click();
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Stopped")), 30000);
}

// "Generate self-signed" came and went with the selection, and the
// certificate's lines with it: the site buttons above jumped. They stay
// put now, the button disabled while no site is selected. The titles sit
// like their columns.
void TestNodeNginx::buttonsKeepTheirPlaceWhenASiteIsSelected()
{
    auto page = pageOn(m_web.nodeId);
    QVERIFY(page);
    NodeNginxView *view = page->nginxView();
    child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
    auto *table = child<QTableWidget>(view, "nodes.nginx.sites");
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 1 && !view->isBusy(), 20000);
    table->clearSelection();
    QApplication::processEvents();
    auto *generate = child<QPushButton>(view, "nodes.nginx.generateCertificate");
    QVERIFY(generate->isVisible());
    QVERIFY(!generate->isEnabled());
    QVERIFY(!generate->toolTip().isEmpty());
    const QList<QPushButton *> buttons{child<QPushButton>(view, "nodes.nginx.newSite"),
                                       child<QPushButton>(view, "nodes.nginx.editSite"),
                                       child<QPushButton>(view, "nodes.nginx.deleteSite"),
                                       child<QPushButton>(view, "nodes.nginx.editConfig"),
                                       generate};
    QList<QRect> before;
    for (QPushButton *button : buttons)
        before << QRect(button->mapTo(view, QPoint(0, 0)), button->size());
    table->selectRow(0);
    auto *certificate = child<QLabel>(view, "nodes.nginx.certificate");
    // main.test's certificate (made by the test above) or none: read.
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy() && !certificate->text().startsWith(
                                                    QLatin1String("Reading the certificate")),
                             20000);
    QApplication::processEvents();
    QVERIFY(generate->isEnabled());
    for (int i = 0; i < buttons.size(); ++i)
        QCOMPARE(QRect(buttons.at(i)->mapTo(view, QPoint(0, 0)), buttons.at(i)->size()),
                 before.at(i));
    const QString unlike = headersUnlikeCells(table->horizontalHeader(), 0);
    QVERIFY2(unlike.isEmpty(), qPrintable(unlike));
}

void TestNodeNginx::offlineNodeSaysSo()
{
    // Like the Processes, Files and Docker tabs: with the agent offline the
    // tab says so instead of keeping stale data with Start/Restart enabled,
    // and a NODE_OFFLINE answer is that state, not an error in plain text.
    auto row = await<NodeRow>([&](auto done) { NodesApi(*client()).get(m_web.nodeId, done); });
    QVERIFY(row.ok());
    NodeNginxView view;
    view.setClient(client());
    view.resize(1000, 500);
    view.show();
    view.setNode(&row.value());
    auto *restart = child<QPushButton>(&view, "nodes.nginx.restart");
    auto *start = child<QPushButton>(&view, "nodes.nginx.start");
    auto *sites = child<QTableWidget>(&view, "nodes.nginx.sites");
    auto *title = child<QLabel>(&view, "nodes.nginx.emptyTitle");
    QTRY_VERIFY_WITH_TIMEOUT(restart->isEnabled() && !view.isBusy(), 20000);
    QVERIFY(sites->isVisible() && sites->rowCount() == 1);
    QVERIFY(!title || !title->isVisible());

    NodeRow offline = row.value();
    offline.status = QStringLiteral("offline");
    offline.online = false;
    view.setNode(&offline);
    QVERIFY(!start->isEnabled() && !restart->isEnabled());
    QVERIFY(!sites->isVisible());
    QVERIFY(title && title->isVisible());
    QCOMPARE(title->text(), QStringLiteral("The node is offline"));
    QVERIFY(!view.isBusy()); // nothing asked of an offline node

    // Online again: read at once.
    view.setNode(&row.value());
    QTRY_VERIFY_WITH_TIMEOUT(restart->isEnabled() && !view.isBusy(), 20000);
    QVERIFY(sites->isVisible() && !title->isVisible());

    // A node whose agent is not connected although its row says online:
    // the server's NODE_OFFLINE shows as the same state, with Retry.
    auto ghost = await<EnrolledNode>([&](auto done) {
        NodesApi(*client()).create(
            NewNode{QStringLiteral("ghost-1"), {}, {QStringLiteral("web")}, 0}, done);
    });
    QVERIFY(ghost.ok());
    NodeRow ghostRow = ghost->node;
    ghostRow.status = QStringLiteral("online");
    ghostRow.online = true;
    view.setNode(&ghostRow);
    QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && !view.isBusy(), 20000);
    QCOMPARE(title->text(), QStringLiteral("The node is offline"));
    QVERIFY(!child<QLabel>(&view, "nodes.nginx.message")->isVisible());
    QVERIFY(!start->isEnabled() && !restart->isEnabled());
    QVERIFY(child<QPushButton>(&view, "nodes.nginx.emptyAction")->isVisible()); // Retry
    QVERIFY(await<void>([&](auto done) { NodesApi(*client()).remove(ghostRow.id, done); }).ok());
}

// The tab's content sat 9 px further in than the Files and Processes
// tabs' (its layout kept the default margins): its first row starts where
// theirs does, at the tab's left edge, and ends at its right edge.
void TestNodeNginx::alignedWithTheOtherTabs()
{
    auto page = pageOn(m_web.nodeId);
    QVERIFY(page);
    NodeNginxView *view = page->nginxView();
    auto *tabs = child<QTabWidget>(page.get(), "nodes.detailTabs");
    tabs->setCurrentWidget(view);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), 20000);
    QApplication::processEvents();
    auto *state = child<QLabel>(view, "nodes.nginx.state");
    auto *restart = child<QPushButton>(view, "nodes.nginx.restart");
    QCOMPARE(state->mapTo(view, QPoint(0, 0)).x(), 0);
    QCOMPARE(restart->mapTo(view, QPoint(restart->width(), 0)).x(), view->width());
}

void TestNodeNginx::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        auto page = pageOn(m_web.nodeId);
        QVERIFY(page);
        NodeNginxView *view = page->nginxView();
        child<QTabWidget>(page.get(), "nodes.detailTabs")->setCurrentWidget(view);
        auto *table = child<QTableWidget>(view, "nodes.nginx.sites");
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1 && !view->isBusy(), 20000);
        table->selectRow(0);
        child<QPushButton>(view, "nodes.nginx.editSite")->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            !view->isBusy() &&
                !child<QPlainTextEdit>(view, "nodes.nginx.editor")->toPlainText().isEmpty(),
            20000);
        QApplication::processEvents();
        QVERIFY(page->grab().save(dir + QStringLiteral("/nodes-nginx-%1.png").arg(language)));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

QTEST_MAIN(TestNodeNginx)
#include "TestNodeNginx.moc"
