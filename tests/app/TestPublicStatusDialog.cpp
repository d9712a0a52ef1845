// The console's Public status dialog (issue 35, "Public status") against a
// real in-process server over loopback: opened from the Nodes section by an
// administrator it loads off with the fleet's nodes listed (controls off
// while loading); a node ticked under a display name, the page turned on
// and titled, Save closes it and the server (the signed-in settings and
// the public page without a sign-in) shows exactly that node under that
// name; reopened it shows the saved state and a new choice goes last; a
// title the server refuses shows its rule and the dialog stays with
// nothing changed; a viewer's button is off with the reason. With
// HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the dialog (English).
// Last, a fleet of more than one page is listed whole.

#include "AdminTestSupport.h"
#include "client/NodesApi.h"
#include "client/PublicStatusApi.h"
#include "fleet/NodesPage.h"
#include "fleet/PublicStatusDialog.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace hm::app;
using namespace admintest;

namespace {

const QString kPublicViewerPassword = QStringLiteral("Viewer#Pass2026");

// The row of the node called `name` in the dialog's list, or -1.
int publicRowNamed(QDialog *dialog, const QString &name)
{
    auto *nodes = child<QTableWidget>(dialog, "publicStatus.nodes");
    for (int row = 0; row < nodes->rowCount(); ++row) {
        if (nodes->item(row, PublicStatusDialog::NodeColumn)->text() == name)
            return row;
    }
    return -1;
}

bool waitLoaded(QDialog *dialog)
{
    auto *publicDialog = static_cast<PublicStatusDialog *>(dialog);
    return QTest::qWaitFor([&] { return !publicDialog->isLoading(); }, 15000);
}

} // namespace

class TestPublicStatusDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { DialogSeam::setNextHandler({}); }
    void cleanupTestCase() { m_server.stop(); }
    void opensOffThenSavesAChosenNode();
    void reopensWithTheSavedState();
    void refusedTitleKeepsTheDialog();
    void viewerCannotOpenIt();
    void screenshots();
    void listsEveryPageOfTheFleet();

private:
    hm::client::ApiClient *client() { return m_server.connection->client(); }
    hm::Result<hm::client::PublicStatusSettings> stored()
    {
        return await<hm::client::PublicStatusSettings>(
            [&](auto done) { hm::client::PublicStatusApi(*client()).fetch(done); });
    }
    // GET /public/api/v1/status without any credential.
    hm::Result<QJsonValue> publicPage()
    {
        hm::client::ApiClient anonymous;
        anonymous.setBaseUrl(m_server.connection->baseUrl());
        return await<QJsonValue>(
            [&](auto done) { anonymous.getJson(QStringLiteral("/public/api/v1/status"), done); });
    }

    AdminServer m_server;
    QHash<QString, QString> m_ids; // node name → id
};

void TestPublicStatusDialog::initTestCase()
{
    QVERIFY(m_server.start("TestPublicStatusDialog"));
    for (const char *name : {"alpha", "beta", "gamma"}) {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            hm::client::NodesApi(*client()).create(
                hm::client::NewNode{QString::fromLatin1(name), {}, {}, 0}, done);
        });
        QVERIFY(made.ok());
        m_ids.insert(made->node.name, made->node.id);
    }
}

void TestPublicStatusDialog::opensOffThenSavesAChosenNode()
{
    NodesPage page;
    page.setSession(client(), m_server.admin);
    auto *button = child<QPushButton>(&page, "nodes.publicStatus");
    QVERIFY(button->isEnabled());

    bool disabledWhileLoading = false;
    bool loadedOff = false;
    bool fleetListed = false;
    bool addressShown = false;
    bool closedOnSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("publicStatus.dialog"))
            return int(QDialog::Rejected);
        auto *enabled = child<QCheckBox>(dialog, "publicStatus.enabled");
        auto *save = child<QPushButton>(dialog, "publicStatus.save");
        disabledWhileLoading = !enabled->isEnabled() && !save->isEnabled() &&
                               !child<QTableWidget>(dialog, "publicStatus.nodes")->isEnabled();
        if (!waitLoaded(dialog))
            return int(QDialog::Rejected);
        auto *nodes = child<QTableWidget>(dialog, "publicStatus.nodes");
        loadedOff = enabled->isEnabled() && !enabled->isChecked() &&
                    !child<QCheckBox>(dialog, "publicStatus.showAddresses")->isChecked() &&
                    child<QLineEdit>(dialog, "publicStatus.title")->text().isEmpty();
        fleetListed = nodes->rowCount() == 3;
        for (int row = 0; row < nodes->rowCount(); ++row)
            fleetListed =
                fleetListed &&
                nodes->item(row, PublicStatusDialog::NodeColumn)->checkState() == Qt::Unchecked;
        for (const char *name : {"alpha", "beta", "gamma"})
            fleetListed = fleetListed && publicRowNamed(dialog, QString::fromLatin1(name)) >= 0;
        const QUrl base = m_server.connection->baseUrl();
        auto *url = child<QLineEdit>(dialog, "publicStatus.url");
        // Off: the address is shown but means nothing yet.
        addressShown = url->isReadOnly() &&
                       url->text() == base.resolved(QUrl(QStringLiteral("/status"))).toString() &&
                       !child<QPushButton>(dialog, "publicStatus.copyUrl")->isEnabled();

        const int beta = publicRowNamed(dialog, QStringLiteral("beta"));
        nodes->item(beta, PublicStatusDialog::NodeColumn)->setCheckState(Qt::Checked);
        nodes->item(beta, PublicStatusDialog::DisplayNameColumn)
            ->setText(QStringLiteral("Web front end"));
        enabled->setChecked(true);
        child<QLineEdit>(dialog, "publicStatus.title")->setText(QStringLiteral("Our status"));
        QSignalSpy accepted(dialog, &QDialog::accepted);
        save->click();
        closedOnSave = accepted.wait(15000);
        return dialog->result();
    });
    button->click();
    QVERIFY(disabledWhileLoading);
    QVERIFY(loadedOff);
    QVERIFY(fleetListed);
    QVERIFY(addressShown);
    QVERIFY(closedOnSave);

    auto settings = stored();
    QVERIFY(settings.ok());
    QVERIFY(settings->enabled);
    QCOMPARE(settings->title, QStringLiteral("Our status"));
    QVERIFY(!settings->showAddresses);
    QCOMPARE(settings->nodes,
             (QList<hm::client::PublicNodeChoice>{
                 {m_ids.value(QStringLiteral("beta")), QStringLiteral("Web front end")}}));
    // Without signing in: exactly that node, under its display name.
    auto open = publicPage();
    QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().toString()));
    const QJsonObject body = open->toObject();
    QCOMPARE(body.value(QStringLiteral("title")).toString(), QStringLiteral("Our status"));
    const QJsonArray shown = body.value(QStringLiteral("nodes")).toArray();
    QCOMPARE(shown.size(), 1);
    QCOMPARE(shown.at(0).toObject().value(QStringLiteral("id")).toString(),
             m_ids.value(QStringLiteral("beta")));
    QCOMPARE(shown.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Web front end"));
    QVERIFY(!shown.at(0).toObject().contains(QStringLiteral("ip")));
}

void TestPublicStatusDialog::reopensWithTheSavedState()
{
    NodesPage page;
    page.setSession(client(), m_server.admin);
    bool savedShown = false;
    bool copied = false;
    QList<hm::client::PublicNodeChoice> withNewChoice;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("publicStatus.dialog") || !waitLoaded(dialog))
            return int(QDialog::Rejected);
        auto *nodes = child<QTableWidget>(dialog, "publicStatus.nodes");
        // The page's nodes come first, in its order.
        savedShown =
            child<QCheckBox>(dialog, "publicStatus.enabled")->isChecked() &&
            child<QLineEdit>(dialog, "publicStatus.title")->text() == QLatin1String("Our status") &&
            nodes->rowCount() == 3 &&
            nodes->item(0, PublicStatusDialog::NodeColumn)->text() == QLatin1String("beta") &&
            nodes->item(0, PublicStatusDialog::NodeColumn)->checkState() == Qt::Checked &&
            nodes->item(0, PublicStatusDialog::DisplayNameColumn)->text() ==
                QLatin1String("Web front end") &&
            nodes->item(1, PublicStatusDialog::NodeColumn)->checkState() == Qt::Unchecked &&
            nodes->item(2, PublicStatusDialog::NodeColumn)->checkState() == Qt::Unchecked;
        auto *copy = child<QPushButton>(dialog, "publicStatus.copyUrl");
        if (copy->isEnabled()) {
            copy->click();
            copied = QGuiApplication::clipboard()->text() ==
                     child<QLineEdit>(dialog, "publicStatus.url")->text();
        }
        // A new choice goes after the page's nodes, whatever its row.
        const int alpha = publicRowNamed(dialog, QStringLiteral("alpha"));
        nodes->item(alpha, PublicStatusDialog::NodeColumn)->setCheckState(Qt::Checked);
        withNewChoice = static_cast<PublicStatusDialog *>(dialog)->settings().nodes;
        child<QPushButton>(dialog, "publicStatus.cancel")->click();
        return dialog->result();
    });
    child<QPushButton>(&page, "nodes.publicStatus")->click();
    QVERIFY(savedShown);
    QVERIFY(copied);
    QCOMPARE(withNewChoice,
             (QList<hm::client::PublicNodeChoice>{
                 {m_ids.value(QStringLiteral("beta")), QStringLiteral("Web front end")},
                 {m_ids.value(QStringLiteral("alpha")), QString()}}));
    // Cancel stored nothing.
    auto settings = stored();
    QVERIFY(settings.ok());
    QCOMPARE(settings->nodes.size(), 1);
}

void TestPublicStatusDialog::refusedTitleKeepsTheDialog()
{
    auto before = stored();
    QVERIFY(before.ok());
    PublicStatusDialog dialog(client());
    dialog.show();
    QVERIFY(waitLoaded(&dialog));
    child<QLineEdit>(&dialog, "publicStatus.title")->setText(QString(101, u'x'));
    child<QPushButton>(&dialog, "publicStatus.save")->click();
    auto *error = child<QLabel>(&dialog, "publicStatus.error");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisibleTo(&dialog), 15000);
    // The server's rule for the field it names, under the console's sentence.
    QVERIFY2(error->text().contains(QLatin1String("Title: at most 100 characters")),
             qPrintable(error->text()));
    QVERIFY2(error->text().contains(QLatin1String("refused")), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QTRY_VERIFY(child<QPushButton>(&dialog, "publicStatus.save")->isEnabled()); // try again
    auto after = stored();
    QVERIFY(after.ok());
    QCOMPARE(*after, *before);
}

void TestPublicStatusDialog::viewerCannotOpenIt()
{
    hm::client::UserInfo viewer = m_server.createUser(
        QStringLiteral("vera"), QStringLiteral("viewer"), kPublicViewerPassword);
    QVERIFY(!viewer.id.isEmpty());
    auto viewerClient = m_server.signIn(QStringLiteral("vera"), kPublicViewerPassword, &viewer);
    QVERIFY(viewerClient);
    NodesPage page;
    page.setSession(viewerClient.get(), viewer);
    auto *button = child<QPushButton>(&page, "nodes.publicStatus");
    QVERIFY(!button->isEnabled());
    QVERIFY2(button->toolTip().contains(QLatin1String("administrator")),
             qPrintable(button->toolTip()));
    // Viewers may read the settings, never change them.
    auto read = await<hm::client::PublicStatusSettings>(
        [&](auto done) { hm::client::PublicStatusApi(*viewerClient).fetch(done); });
    QVERIFY(read.ok());
    auto refused = await<hm::client::PublicStatusSettings>([&](auto done) {
        hm::client::PublicStatusApi(*viewerClient).save(hm::client::PublicStatusSettings{}, done);
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, hm::ErrorCode::InsufficientPermissions);
    // Were the dialog open anyway (another window, a role changed
    // meanwhile), the refusal shows in it and it stays.
    PublicStatusDialog dialog(viewerClient.get());
    dialog.show();
    QVERIFY(waitLoaded(&dialog));
    child<QPushButton>(&dialog, "publicStatus.save")->click();
    auto *error = child<QLabel>(&dialog, "publicStatus.error");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisibleTo(&dialog), 15000);
    QVERIFY(!error->text().isEmpty());
    QVERIFY2(error->toolTip().contains(QLatin1String("INSUFFICIENT_PERMISSIONS")),
             qPrintable(error->toolTip()));
    QVERIFY(dialog.isVisible());
}

void TestPublicStatusDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    // The page on with one node under a display name, whichever slots ran.
    hm::client::PublicStatusSettings shown;
    shown.enabled = true;
    shown.title = QStringLiteral("Example Ltd. status");
    shown.nodes = {{m_ids.value(QStringLiteral("beta")), QStringLiteral("Web front end")},
                   {m_ids.value(QStringLiteral("gamma")), QString()}};
    QVERIFY(await<hm::client::PublicStatusSettings>([&](auto done) {
                hm::client::PublicStatusApi(*client()).save(shown, done);
            }).ok());
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        PublicStatusDialog dialog(client());
        dialog.resize(680, 620);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(waitLoaded(&dialog));
        // A laid-out dialog in this language before the grab.
        auto *save = child<QPushButton>(&dialog, "publicStatus.save");
        QTRY_VERIFY(save->width() >= save->sizeHint().width());
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/nodes-public-status-%1.png").arg(shot)));
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestPublicStatusDialog::listsEveryPageOfTheFleet()
{
    // More nodes than the largest page the server lists (100).
    for (int i = 0; i < 100; ++i) {
        auto made = await<hm::client::EnrolledNode>([&](auto done) {
            hm::client::NodesApi(*client()).create(
                hm::client::NewNode{
                    QStringLiteral("bulk-%1").arg(i, 3, 10, QChar(u'0')), {}, {}, 0},
                done);
        });
        QVERIFY(made.ok());
    }
    PublicStatusDialog dialog(client());
    QVERIFY(waitLoaded(&dialog));
    QCOMPARE(child<QTableWidget>(&dialog, "publicStatus.nodes")->rowCount(), 103);
    QVERIFY(publicRowNamed(&dialog, QStringLiteral("bulk-000")) >= 0);
    QVERIFY(publicRowNamed(&dialog, QStringLiteral("bulk-099")) >= 0);
    QVERIFY(child<QPushButton>(&dialog, "publicStatus.save")->isEnabled());
}

QTEST_MAIN(TestPublicStatusDialog)
#include "TestPublicStatusDialog.moc"
