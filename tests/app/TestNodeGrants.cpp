// Users → Node grants (issue 38) against a real in-process server: an
// administrator adds a grant through the dialog (a user picked by name, a
// label suggested from the nodes, a capability) and the server lists it;
// every USER on every node shows in words; a grant is removed after the
// confirmation; a non-administrator does not see the tab. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the panel in en, zh_TW
// and zh_CN.

#include "AdminTestSupport.h"
#include "admin/NodeGrantDialog.h"
#include "admin/NodeGrantModel.h"
#include "admin/NodeGrantsPanel.h"
#include "admin/UsersPage.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "widgets/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace hm::app;
using namespace hm::client;
using namespace admintest;

class TestNodeGrants : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void init()
    {
        DialogSeam::setNextHandler({});
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
    void addedThroughTheDialogAndRemoved();
    void everyUserOnEveryNodeInWords();
    void nonAdministratorsDoNotSeeThePanel();
    void anNginxGrantSaysItIsRoot();
    void screenshots();

private:
    ApiClient *client() { return m_server.connection->client(); }
    QList<NodeGrant> serverGrants()
    {
        auto grants =
            await<QList<NodeGrant>>([&](auto done) { RemoteApi(*client()).grants(done); });
        return grants.ok() ? grants.value() : QList<NodeGrant>();
    }
    // Adds a grant through the panel's dialog; whether it was accepted.
    bool addThroughDialog(NodeGrantsPanel *panel, const QString &subjectData,
                          const QString &label, const QString &capability,
                          QStringList *labelsOffered = nullptr);

    AdminServer m_server;
    UserInfo m_alice;
};

void TestNodeGrants::initTestCase()
{
    QVERIFY(m_server.start("TestNodeGrants"));
    m_alice = m_server.createUser(QStringLiteral("alice"), QStringLiteral("USER"),
                                  QStringLiteral("Alice-password-1"));
    QVERIFY(!m_alice.id.isEmpty());
    QVERIFY(!m_server
                 .createUser(QStringLiteral("vera"), QStringLiteral("VIEWER"),
                             QStringLiteral("Vera-password-1"))
                 .id.isEmpty());
    for (const auto &[name, label] : {std::pair{QStringLiteral("web-1"), QStringLiteral("web")},
                                      std::pair{QStringLiteral("db-1"), QStringLiteral("db")}}) {
        QVERIFY(await<EnrolledNode>([&](auto done) {
                    NodesApi(*client()).create(NewNode{name, {}, {label}, 0}, done);
                }).ok());
    }
}

bool TestNodeGrants::addThroughDialog(NodeGrantsPanel *panel, const QString &subjectData,
                                      const QString &label, const QString &capability,
                                      QStringList *labelsOffered)
{
    bool accepted = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *subject = child<QComboBox>(dialog, "nodegrants.subject");
        auto *labels = child<QComboBox>(dialog, "nodegrants.label");
        auto *what = child<QComboBox>(dialog, "nodegrants.capability");
        if (labelsOffered)
            for (int i = 0; i < labels->count(); ++i)
                labelsOffered->append(labels->itemText(i));
        subject->setCurrentIndex(subject->findData(subjectData));
        labels->setEditText(label);
        what->setCurrentIndex(what->findData(capability));
        child<QPushButton>(dialog, "nodegrants.save")->click();
        auto *grantDialog = static_cast<NodeGrantDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return grantDialog->hasResult(); }, 15000);
        accepted = grantDialog->hasResult();
        return int(accepted ? QDialog::Accepted : QDialog::Rejected);
    });
    child<QPushButton>(panel, "nodegrants.add")->click();
    return accepted;
}

void TestNodeGrants::addedThroughTheDialogAndRemoved()
{
    UsersPage page;
    page.setSession(client(), m_server.admin);
    page.resize(1280, 800);
    page.show();
    NodeGrantsPanel *panel = page.nodeGrantsPanel();
    QVERIFY(page.tabs()->isTabVisible(page.tabs()->indexOf(panel)));
    QCOMPARE(page.tabs()->tabText(page.tabs()->indexOf(panel)), QStringLiteral("Node grants"));
    page.tabs()->setCurrentWidget(panel);
    QAbstractItemModelTester tester(panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading(), 20000);
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(panel, "nodegrants.state")->text().startsWith(QLatin1String("No grants")));

    QStringList labelsOffered;
    QVERIFY(addThroughDialog(panel, QStringLiteral("user:") + m_alice.id, QStringLiteral("web"),
                             QStringLiteral("processes"), &labelsOffered));
    // Every node first, then the labels the nodes have.
    QCOMPARE(labelsOffered,
             QStringList({QStringLiteral("*"), QStringLiteral("db"), QStringLiteral("web")}));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading() && panel->model()->rowCount() == 1, 20000);
    NodeGrantModel *model = panel->model();
    // The user's name, not the id.
    QCOMPARE(model->index(0, NodeGrantModel::SubjectColumn).data().toString(),
             QStringLiteral("alice"));
    QCOMPARE(model->index(0, NodeGrantModel::NodesColumn).data().toString(),
             QStringLiteral("Nodes labelled \"web\""));
    QCOMPARE(model->index(0, NodeGrantModel::CapabilityColumn).data().toString(),
             QStringLiteral("Processes"));
    QList<NodeGrant> listed = serverGrants();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().subjectKind, QStringLiteral("user"));
    QCOMPARE(listed.first().subject, m_alice.id);
    QCOMPARE(listed.first().label, QStringLiteral("web"));
    QCOMPARE(listed.first().capability, QStringLiteral("processes"));
    // The outcome line is said again after a language switch (it stayed
    // in English).
    const auto grantedText = [] {
        return QCoreApplication::translate("hm::app::NodeGrantsPanel", "%1 may now use %2 on %3.")
            .arg(QStringLiteral("alice"),
                 NodeGrantModel::capabilityText(QStringLiteral("processes")),
                 NodeGrantModel::nodesText(QStringLiteral("web")).toLower());
    };
    auto *state = child<QLabel>(panel, "nodegrants.state");
    QVERIFY2(state->text().startsWith(grantedText()), qPrintable(state->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY2(state->text().startsWith(grantedText()), qPrintable(state->text()));
    QVERIFY(!state->text().contains(u"may now use"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY2(state->text().startsWith(grantedText()), qPrintable(state->text()));

    // The same again: refused, said in the dialog, which stays open.
    QString refusal;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *subject = child<QComboBox>(dialog, "nodegrants.subject");
        subject->setCurrentIndex(subject->findData(QStringLiteral("user:") + m_alice.id));
        child<QComboBox>(dialog, "nodegrants.label")->setEditText(QStringLiteral("web"));
        child<QPushButton>(dialog, "nodegrants.save")->click();
        auto *error = child<QLabel>(dialog, "nodegrants.error");
        (void)QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 15000);
        refusal = error->text();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(panel, "nodegrants.add")->click();
    QCOMPARE(refusal, QStringLiteral("This grant exists already."));

    // Remove: asked first; Cancel keeps it.
    auto *list = child<QTableView>(panel, "nodegrants.list");
    auto *remove = child<QPushButton>(panel, "nodegrants.remove");
    QVERIFY(!remove->isEnabled());
    list->selectRow(0);
    QVERIFY(remove->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    remove->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("nodegrants.confirmRemove"));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("alice")));
    QCOMPARE(serverGrants().size(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isLoading() && model->rowCount() == 0, 20000);
    QCOMPARE(serverGrants().size(), 0);
}

void TestNodeGrants::everyUserOnEveryNodeInWords()
{
    NodeGrantsPanel panel;
    panel.setSession(client(), m_server.admin);
    panel.resize(1000, 400);
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoading(), 20000);
    QVERIFY(addThroughDialog(&panel, QStringLiteral("role:USER"), QStringLiteral("*"),
                             QStringLiteral("terminal")));
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isLoading() && panel.model()->rowCount() == 1, 20000);
    QCOMPARE(panel.model()->index(0, NodeGrantModel::SubjectColumn).data().toString(),
             QStringLiteral("Every user with the USER role"));
    QCOMPARE(panel.model()->index(0, NodeGrantModel::NodesColumn).data().toString(),
             QStringLiteral("Every node"));
    QCOMPARE(panel.model()->index(0, NodeGrantModel::CapabilityColumn).data().toString(),
             QStringLiteral("Terminal"));
    const QList<NodeGrant> listed = serverGrants();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().subjectKind, QStringLiteral("role"));
    QCOMPARE(listed.first().subject, QStringLiteral("USER"));
    QCOMPARE(listed.first().label, QStringLiteral("*"));
    QVERIFY(await<void>([&](auto done) {
                RemoteApi(*client()).removeGrant(listed.first().id, done);
            }).ok());
}

void TestNodeGrants::nonAdministratorsDoNotSeeThePanel()
{
    for (const auto &[name, password] :
         {std::pair{QStringLiteral("alice"), QStringLiteral("Alice-password-1")},
          std::pair{QStringLiteral("vera"), QStringLiteral("Vera-password-1")}}) {
        UserInfo who;
        auto own = m_server.signIn(name, password, &who);
        QVERIFY(own);
        UsersPage page;
        page.setSession(own.get(), who);
        page.show();
        QVERIFY(!page.tabs()->isTabVisible(page.tabs()->indexOf(page.nodeGrantsPanel())));
        QVERIFY(!page.nodeGrantsPanel()->isLoading()); // nothing asked of the server
    }
}

void TestNodeGrants::anNginxGrantSaysItIsRoot()
{
    // nginx's main config, which the nginx tool edits, is read by nginx's
    // root master and may name any file: the dialog says what an nginx
    // grant hands over when it is chosen (and as the item's tooltip), and
    // says nothing for a tool that is only what its name says.
    NodeGrantDialog dialog(client(), {m_alice}, {QStringLiteral("web")});
    dialog.show();
    auto *what = child<QComboBox>(&dialog, "nodegrants.capability");
    auto *warning = child<QLabel>(&dialog, "nodegrants.capabilityWarning");
    QCOMPARE(what->currentData().toString(), QStringLiteral("processes"));
    QVERIFY(!warning->isVisible());
    const int nginx = what->findData(QStringLiteral("nginx"));
    QVERIFY(nginx >= 0);
    what->setCurrentIndex(nginx);
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().startsWith(
                 QStringLiteral("Granting Nginx is granting root on those nodes")),
             qPrintable(warning->text()));
    QCOMPARE(what->itemData(nginx, Qt::ToolTipRole).toString(), warning->text());
    QVERIFY(what->itemData(what->findData(QStringLiteral("processes")), Qt::ToolTipRole)
                .toString()
                .isEmpty());
    // In the language the console speaks now.
    const QByteArray english = warning->text().toUtf8();
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY(warning->text().toUtf8() != english);
    QCOMPARE(warning->text(),
             QCoreApplication::translate("hm::app::NodeGrantModel", english.constData()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(warning->text().startsWith(QStringLiteral("Granting")));
    what->setCurrentIndex(what->findData(QStringLiteral("files")));
    QVERIFY(!warning->isVisible());
}

void TestNodeGrants::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // Three grants: alice on web, every USER on db, alice everywhere.
    const QList<NodeGrant> made = [&] {
        QList<NodeGrant> out;
        for (const auto &[kind, subject, label, capability] :
             {std::tuple{"user", m_alice.id, "web", "processes"},
              std::tuple{"role", QStringLiteral("USER"), "db", "processes"},
              std::tuple{"user", m_alice.id, "*", "files"}}) {
            NodeGrant g;
            g.subjectKind = QLatin1String(kind);
            g.subject = subject;
            g.label = QLatin1String(label);
            g.capability = QLatin1String(capability);
            auto r = await<NodeGrant>(
                [&](auto done) { RemoteApi(*client()).createGrant(g, done); });
            if (r.ok())
                out.append(r.value());
        }
        return out;
    }();
    QCOMPARE(made.size(), 3);
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        UsersPage page;
        page.setSession(client(), m_server.admin);
        page.resize(1280, 800);
        page.show();
        page.tabs()->setCurrentWidget(page.nodeGrantsPanel());
        QTRY_VERIFY_WITH_TIMEOUT(!page.nodeGrantsPanel()->isLoading() &&
                                     page.nodeGrantsPanel()->model()->rowCount() == 3,
                                 20000);
        child<QTableView>(page.nodeGrantsPanel(), "nodegrants.list")->selectRow(1);
        QApplication::processEvents();
        QVERIFY(page.grab().save(dir + QStringLiteral("/node-grants-%1.png").arg(language)));
        // The dialog with nginx chosen: its root warning.
        NodeGrantDialog dialog(client(), {m_alice}, {QStringLiteral("web")});
        auto *what = child<QComboBox>(&dialog, "nodegrants.capability");
        what->setCurrentIndex(what->findData(QStringLiteral("nginx")));
        dialog.show();
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(
            dir + QStringLiteral("/node-grant-dialog-nginx-%1.png").arg(language)));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    for (const NodeGrant &g : made)
        QVERIFY(await<void>([&](auto done) { RemoteApi(*client()).removeGrant(g.id, done); }).ok());
}

QTEST_MAIN(TestNodeGrants)
#include "TestNodeGrants.moc"
