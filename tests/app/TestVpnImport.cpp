// Importing a wg-quick server file in the VPN section against a real
// in-process server (config-only backend): "Import..." (administrators
// only, the reason otherwise) opens a file chooser through the dialog
// seam, the import dialog shows the server's dry run (the peers as clients,
// what is not imported), checks the interface as typed, and Import makes
// the server, which the list then selects; its clients' config buttons are
// off with the reason. A file over 1 MiB is refused before anything is
// sent. The preview's warnings are the console's words per warning code.
// A server of 250 clients is paged into the clients table as it scrolls.
// With HIVEMIND_SCREENSHOT_DIR set, `screenshots` saves the dialog
// with its preview in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "FieldCheckSupport.h"
#include "client/WireGuardApi.h"
#include "crypto/WireGuardKeys.h"
#include "vpn/VpnPage.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgClientsPane.h"
#include "vpn/WgImportDialog.h"
#include "vpn/WgServerModel.h"
#include "widgets/MessageBox.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace hm::app;
using namespace admintest;

namespace {

const QString kVpnImpViewerPassword = QStringLiteral("Viewer#Pass2026");
// Test keys (32 random bytes each): the server's private key and two peers.
const QString kVpnImpServerKey = QStringLiteral("NnyQACzxz0Q14nGmM0IvzwOZemaTfOPi9lAwrtxIWVk=");
const QString kVpnImpPeerA = QStringLiteral("yLHdyKUy2x99A8NKDFas1gwpV2uo+lVuFYYCiedwscQ=");
const QString kVpnImpPeerB = QStringLiteral("bXZR1mfDC2WYamHHZU1e/GB8Ga9rSHqZEfcHjMfejnQ=");
const QString kVpnImpPsk = QStringLiteral("FbRuidE3HXw5sA+oRrg4D+NVzdm1tvBARsv0x+qWoBQ=");

QString vpnImpConfig(int port, const QString &subnet)
{
    return QStringLiteral("# Branch office\n"
                          "[Interface]\n"
                          "Address = %1.1/24\n"
                          "ListenPort = %2\n"
                          "PrivateKey = %3\n"
                          "PostUp = iptables -A FORWARD -i %i -j ACCEPT\n"
                          "\n"
                          "# Name = ana-phone\n"
                          "[Peer]\n"
                          "PublicKey = %4\n"
                          "PresharedKey = %5\n"
                          "AllowedIPs = %1.2/32\n"
                          "\n"
                          "[Peer]\n"
                          "PublicKey = %6\n"
                          "AllowedIPs = %1.3/32, 192.168.70.0/24\n")
        .arg(subnet)
        .arg(port)
        .arg(kVpnImpServerKey, kVpnImpPeerA, kVpnImpPsk, kVpnImpPeerB);
}

bool vpnImpWrite(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Answers the file chooser with `path`, then hands the import dialog to
// `then`.
void vpnImpChoose(const QString &path, std::function<int(QDialog *)> then)
{
    DialogSeam::setNextHandler([path, then](QDialog *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files || dialog->objectName() != QLatin1String("vpn.importFileDialog"))
            return int(QDialog::Rejected);
        files->selectFile(path);
        if (then)
            DialogSeam::setNextHandler(then);
        return int(QDialog::Accepted);
    });
}

} // namespace

class TestVpnImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestVpnImport")); }
    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        DialogSeam::setNextHandler({});
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
    void cleanupTestCase() { m_server.stop(); }
    void importAFileWithItsPeers();
    void warningCodesHaveTheirText();
    void manyClientsArePagedIn();
    void aLargeFileIsRefusedBeforeSending();
    void viewersSeeImportOff();
    void refusedInterfaceStaysAtItsField();
    void screenshots();

private:
    hm::client::WireGuardApi api()
    {
        return hm::client::WireGuardApi(*m_server.connection->client());
    }
    void openPage(VpnPage &page)
    {
        page.setSession(m_server.connection->client(), m_server.admin);
        page.resize(1200, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 15000);
    }

    AdminServer m_server;
    QTemporaryDir m_dir;
};

void TestVpnImport::importAFileWithItsPeers()
{
    VpnPage page;
    openPage(page);
    auto *import = child<QPushButton>(&page, "vpnImportServer");
    QVERIFY(import->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("wg5.conf"));
    QVERIFY(vpnImpWrite(path, vpnImpConfig(51877, QStringLiteral("10.77.0")).toUtf8()));

    QString prefilledName;
    QString prefilledInterface;
    int previewRows = -1;
    QStringList previewCells;
    QStringList warnings;
    QStringList warningCodes;
    bool interfaceRuleShown = false;
    bool importOffWhileWrong = false;
    vpnImpChoose(path, [&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("wgImportDialog"))
            return int(QDialog::Rejected);
        auto *importer = static_cast<WgImportDialog *>(dialog);
        prefilledName = child<QLineEdit>(dialog, "vpn.import.name")->text();
        prefilledInterface = child<QLineEdit>(dialog, "vpn.import.interface")->text();
        auto *peers = child<QTableWidget>(dialog, "vpn.import.peers");
        (void)QTest::qWaitFor([&] { return importer->hasPreview(); }, 15000);
        previewRows = peers->rowCount();
        for (int row = 0; row < peers->rowCount(); ++row)
            for (int column = 0; column < peers->columnCount(); ++column)
                previewCells << (peers->item(row, column) ? peers->item(row, column)->text()
                                                          : QString());
        auto *list = child<QListWidget>(dialog, "vpn.import.warnings");
        for (int i = 0; i < list->count(); ++i) {
            warnings << list->item(i)->text();
            warningCodes << list->item(i)->data(Qt::UserRole).toString();
        }
        auto *button = child<QPushButton>(dialog, "vpn.import.import");
        // The interface rule, as typed.
        child<QLineEdit>(dialog, "vpn.import.interface")->setText(QStringLiteral("wg 5"));
        interfaceRuleShown =
            child<QLabel>(dialog, "vpn.import.interfaceError")->isVisibleTo(dialog);
        importOffWhileWrong = !button->isEnabled();
        child<QLineEdit>(dialog, "vpn.import.interface")->setText(QStringLiteral("wg5"));
        child<QLineEdit>(dialog, "vpn.import.name")->setText(QStringLiteral("branch"));
        importer->refreshPreview();
        (void)QTest::qWaitFor([&] { return button->isEnabled(); }, 15000);
        button->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    import->click();
    QCOMPARE(prefilledName, QStringLiteral("wg5"));
    QCOMPARE(prefilledInterface, QStringLiteral("wg5"));
    QCOMPARE(previewRows, 2);
    QCOMPARE(previewCells.value(0), QStringLiteral("ana-phone"));
    QCOMPARE(previewCells.value(2), QStringLiteral("10.77.0.2/32"));
    QCOMPARE(previewCells.value(3), QStringLiteral("Yes"));
    QCOMPARE(previewCells.value(4), QStringLiteral("peer-2"));
    QCOMPARE(previewCells.value(7), QStringLiteral("No"));
    QVERIFY2(warnings.join(u'\n').contains(QLatin1String("PostUp")),
             qPrintable(warnings.join(u'\n')));
    QVERIFY(warnings.join(u'\n').contains(QLatin1String("192.168.70.0/24")));
    QVERIFY(!warnings.join(u'\n').contains(kVpnImpServerKey));
    // The console's own words per code (tr()), not the server's English.
    QCOMPARE(warningCodes, QStringList({QStringLiteral("HOOK_NOT_IMPORTED"),
                                        QStringLiteral("PEER_ROUTES_NOT_IMPORTED")}));
    QCOMPARE(warnings.value(0),
             QStringLiteral("[Interface]: the PostUp hooks are not imported (the server never "
                            "runs commands from an imported file)."));
    QCOMPARE(warnings.value(1),
             QStringLiteral("Peer 2 (peer-2): the routed prefixes 192.168.70.0/24 are not "
                            "imported (a client holds only its own addresses)."));
    QVERIFY(interfaceRuleShown);
    QVERIFY(importOffWhileWrong);

    // The new server is listed and selected, with its two clients.
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    auto *servers = child<QTableView>(&page, "vpn.servers");
    QTRY_VERIFY_WITH_TIMEOUT(!servers->selectionModel()->selectedRows().isEmpty(), 15000);
    QCOMPARE(page.model()->server(servers->selectionModel()->selectedRows().first().row())->name,
             QStringLiteral("branch"));
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 2, 15000);
    child<QTableView>(&page, "vpn.clients")->selectRow(0);
    auto *showConfig = child<QPushButton>(&page, "vpn.showConfig");
    QTRY_VERIFY_WITH_TIMEOUT(!showConfig->isEnabled(), 15000);
    QCOMPARE(showConfig->toolTip(),
             QStringLiteral("Imported without its private key: its owner keeps its config"));

    // The same file again: the interface is taken, shown at its field.
    bool conflictShown = false;
    vpnImpChoose(path, [&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("wgImportDialog"))
            return int(QDialog::Rejected);
        auto *error = child<QLabel>(dialog, "vpn.import.interfaceError");
        conflictShown = QTest::qWaitFor([&] { return error->isVisibleTo(dialog); }, 15000) &&
                        !child<QPushButton>(dialog, "vpn.import.import")->isEnabled();
        return int(QDialog::Rejected);
    });
    import->click();
    QVERIFY(conflictShown);
    auto listed = await<hm::client::Page<hm::client::WgServerRow>>(
        [&](auto done) { api().servers({}, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().total, 1);
}

// Every code the server sends has the console's own sentence; a code this
// console does not know shows the server's words.
void TestVpnImport::warningCodesHaveTheirText()
{
    const auto say = [](const QString &code, const QJsonObject &params) {
        hm::client::WgImportWarning w;
        w.code = code;
        w.message = QStringLiteral("server words");
        w.params = params;
        return WgImportDialog::warningText(w);
    };
    for (const char *code : {"DNS_SEARCH_NOT_IMPORTED", "TABLE_NOT_IMPORTED", "FWMARK_NOT_IMPORTED",
                             "SAVECONFIG_NOT_IMPORTED"})
        QVERIFY2(say(QLatin1String(code), {}).startsWith(QLatin1String("[Interface]: ")), code);
    QCOMPARE(say(QStringLiteral("PEER_NAME_UNUSABLE"),
                 {{"peer", 5}, {"name", QStringLiteral("peer-5")}}),
             QStringLiteral("Peer 5: the name in its comment cannot be used; it is named peer-5."));
    QCOMPARE(say(QStringLiteral("PEER_ENDPOINT_NOT_IMPORTED"),
                 {{"peer", 3}, {"name", QStringLiteral("desk")}}),
             QStringLiteral("Peer 3 (desk): its Endpoint is not imported (the client connects to "
                            "the server)."));
    QCOMPARE(say(QStringLiteral("PEER_ROUTES_NOT_IMPORTED"),
                 {{"peer", 1},
                  {"name", QStringLiteral("a")},
                  {"prefixes",
                   QJsonArray{QStringLiteral("10.1.0.0/16"), QStringLiteral("10.2.0.0/16")}}}),
             QStringLiteral("Peer 1 (a): the routed prefixes 10.1.0.0/16 and 10.2.0.0/16 are not "
                            "imported (a client holds only its own addresses)."));
    QCOMPARE(say(QStringLiteral("SOMETHING_NEWER"), {}), QStringLiteral("server words"));
    QCOMPARE(say(QString(), {}), QStringLiteral("server words"));
}

// A server with 250 clients (imported: one request): the clients table
// holds the first page of 100, asks for the next as it is scrolled to its
// end, and holds all 250 at the bottom; a refresh reads again the page
// shown and changes it in place (the selection stays).
void TestVpnImport::manyClientsArePagedIn()
{
    constexpr int clientCount = 250;
    QString config = QStringLiteral("[Interface]\nAddress = 10.90.0.1/22\nListenPort = 51890\n"
                                    "PrivateKey = %1\n")
                         .arg(kVpnImpServerKey);
    for (int i = 0; i < clientCount; ++i) {
        const hm::crypto::WireGuardKeyPair pair = hm::crypto::generateWireGuardKeyPair();
        config += QStringLiteral("[Peer]\nPublicKey = %1\nAllowedIPs = 10.90.%2.%3/32\n")
                      .arg(hm::crypto::wireGuardKeyToBase64(pair.publicKey))
                      .arg((i + 2) / 256)
                      .arg((i + 2) % 256);
    }
    hm::client::WgImportRequest request;
    request.config = config;
    request.name = QStringLiteral("many");
    request.interfaceName = QStringLiteral("wg-many");
    auto imported =
        await<hm::client::WgImportResult>([&](auto done) { api().importServer(request, done); });
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const qint64 serverId = imported.value().server.id;
    const auto dropServer = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { api().removeServer(serverId, done); }); });

    VpnPage page;
    QAbstractItemModelTester tester(page.clientsPane()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    openPage(page);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(serverId) >= 0, 15000);
    child<QTableView>(&page, "vpn.servers")->selectRow(page.model()->rowOf(serverId));
    WgClientModel *clients = page.clientsPane()->model();
    // Whole pages only (the model tester asks for more by itself too).
    QTRY_VERIFY_WITH_TIMEOUT(clients->rowCount() >= 100, 15000);
    QCOMPARE(clients->total(), clientCount);
    QCOMPARE(clients->clientAt(0)->name, QStringLiteral("peer-1"));
    QVERIFY2(clients->rowCount() % 100 == 0 || clients->rowCount() == clientCount,
             qPrintable(QString::number(clients->rowCount())));

    auto *view = child<QTableView>(&page, "vpn.clients");
    view->selectRow(1);
    for (int pages = 0; pages < 5 && clients->rowCount() < clientCount; ++pages) {
        const int before = clients->rowCount();
        view->scrollToBottom();
        QTRY_VERIFY2_WITH_TIMEOUT(clients->rowCount() > before || before == clientCount,
                                  qPrintable(QStringLiteral("%1 rows of %2, more: %3")
                                                 .arg(clients->rowCount())
                                                 .arg(clients->total())
                                                 .arg(clients->canFetchMore({}))),
                                  15000);
    }
    QCOMPARE(clients->rowCount(), clientCount);
    QVERIFY(!clients->canFetchMore({}));
    QCOMPARE(clients->clientAt(clientCount - 1)->name, QStringLiteral("peer-250"));
    QCOMPARE(clients->clientAt(clientCount - 1)->ipv4Address, QStringLiteral("10.90.0.251/32"));

    // Renamed elsewhere: the refresh of the page shown (the last one)
    // changes the row in place; nothing is read afresh, the selection stays.
    const qint64 lastId = clients->clientAt(clientCount - 1)->id;
    hm::client::WgClientChange rename;
    rename.name = QStringLiteral("renamed-last");
    QVERIFY(await<hm::client::WgClientRow>([&](auto done) {
                api().updateClient(lastId, rename, done);
            }).ok());
    QSignalSpy resets(clients, &QAbstractItemModel::modelReset);
    view->scrollToBottom();
    page.clientsPane()->reload();
    QTRY_COMPARE_WITH_TIMEOUT(clients->clientAt(clientCount - 1)->name,
                              QStringLiteral("renamed-last"), 15000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(clients->rowCount(), clientCount);
    QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), 1);
}

void TestVpnImport::aLargeFileIsRefusedBeforeSending()
{
    VpnPage page;
    openPage(page);
    const QString path = m_dir.filePath(QStringLiteral("huge.conf"));
    QVERIFY(vpnImpWrite(path, QByteArray(1024 * 1024 + 1, '#')));
    bool dialogOpened = false;
    vpnImpChoose(path, [&](QDialog *) {
        dialogOpened = true;
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "vpnImportServer")->click();
    QVERIFY(!dialogOpened);
    QVERIFY2(page.listStateText().contains(QLatin1String("1 MiB")),
             qPrintable(page.listStateText()));
    // Said again after a language switch (it stayed in English).
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(page.listStateText(),
                 QCoreApplication::translate(
                     "hm::app::VpnPage",
                     "The file is larger than 1 MiB: it is not a wg-quick server file."));
    QVERIFY(!page.listStateText().startsWith(u"The file"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestVpnImport::viewersSeeImportOff()
{
    const hm::client::UserInfo viewerUser = m_server.createUser(
        QStringLiteral("impviewer"), QStringLiteral("viewer"), kVpnImpViewerPassword);
    QVERIFY(!viewerUser.id.isEmpty());
    hm::client::UserInfo signedIn;
    auto viewer = m_server.signIn(QStringLiteral("impviewer"), kVpnImpViewerPassword, &signedIn);
    QVERIFY(viewer);
    VpnPage page;
    page.setSession(viewer.get(), signedIn);
    page.resize(1200, 760);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 15000);
    auto *import = child<QPushButton>(&page, "vpnImportServer");
    QVERIFY(!import->isEnabled());
    QVERIFY(!import->toolTip().isEmpty());
}

// The dry run's refusal of the interface (another server has it) is said at
// the interface, stays while the other fields change, follows a language
// switch (the console's words; the server's stay), and goes when the
// interface changes.
void TestVpnImport::refusedInterfaceStaysAtItsField()
{
    hm::client::WgServerChange holder;
    holder.name = QStringLiteral("interface holder");
    holder.interfaceName = QStringLiteral("wgheld");
    holder.listenPort = 51889;
    holder.ipv4Address = QStringLiteral("10.89.0.1/24");
    auto held =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(holder, done); });
    QVERIFY2(held.ok(), qPrintable(held.ok() ? QString() : held.error().toString()));
    const auto removeHolder = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { api().removeServer(held.value().id, done); }); });
    WgImportDialog dialog(m_server.connection->client(),
                          vpnImpConfig(51890, QStringLiteral("10.90.0")), QStringLiteral("wgheld"),
                          QStringLiteral("admin"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *interfaceError = child<QLabel>(&dialog, "vpn.import.interfaceError");
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&dialog),
                              QStringList{"vpn.import.interfaceError"}, 15000);
    const QString serverWords = QStringLiteral("another WireGuard server has this interface");
    QCOMPARE(interfaceError->text(),
             QStringLiteral("Another WireGuard server has this interface, or the server runs: ") +
                 serverWords);
    auto *import = child<QPushButton>(&dialog, "vpn.import.import");
    QVERIFY(!import->isEnabled());
    // Other fields change: it stays (and the next dry run says it again).
    child<QLineEdit>(&dialog, "vpn.import.name")->setText(QStringLiteral("branch two"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.import.interfaceError"});
    child<QLineEdit>(&dialog, "vpn.import.endpoint_host")
        ->setText(QStringLiteral("vpn.example.com"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.import.interfaceError"});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(interfaceError->text(),
                 QStringLiteral("另一個 WireGuard 伺服器已使用此介面，或伺服器正在執行：") +
                     serverWords);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(interfaceError->text(),
                 QStringLiteral("另一个 WireGuard 服务器已使用此接口，或服务器正在运行：") +
                     serverWords);
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_VERIFY(interfaceError->text().startsWith(QLatin1String("Another WireGuard server")));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.import.interfaceError"});
    // Answered by changing the interface; the next dry run takes the file.
    child<QLineEdit>(&dialog, "vpn.import.interface")->setText(QStringLiteral("wgfree"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasPreview(), 15000);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(import->isEnabled());
}

void TestVpnImport::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    const QString path = m_dir.filePath(QStringLiteral("wg-branch.conf"));
    QVERIFY(vpnImpWrite(path, vpnImpConfig(51878, QStringLiteral("10.78.0")).toUtf8()));
    // A server that holds the interface the refused import asks for.
    hm::client::WgServerChange holder;
    holder.name = QStringLiteral("shot holder");
    holder.interfaceName = QStringLiteral("wgshot");
    holder.listenPort = 51880;
    holder.ipv4Address = QStringLiteral("10.80.0.1/24");
    auto held =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(holder, done); });
    QVERIFY(held.ok());
    const auto removeHolder = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { api().removeServer(held.value().id, done); }); });
    ThemeManager themes;
    // Every language in the light theme, and English in the dark one.
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        VpnPage page;
        // The console's style sheet, as under the main window.
        page.setStyleSheet(ThemeManager::styleSheet(dark));
        openPage(page);
        bool saved = false;
        vpnImpChoose(path, [&](QDialog *dialog) {
            dialog->show();
            auto *importer = static_cast<WgImportDialog *>(dialog);
            (void)QTest::qWaitFor([&] { return importer->hasPreview(); }, 15000);
            child<QLineEdit>(dialog, "vpn.import.endpoint_host")
                ->setText(QStringLiteral("vpn.example.com"));
            importer->refreshPreview();
            (void)QTest::qWaitFor([&] { return importer->hasPreview(); }, 15000);
            QApplication::processEvents();
            saved = dialog->grab().save(dir + QStringLiteral("/vpn-import-") + shot +
                                        QStringLiteral(".png"));
            return int(QDialog::Rejected);
        });
        child<QPushButton>(&page, "vpnImportServer")->click();
        QVERIFY(saved);
        // The dry run refuses the interface (another server has it).
        if (!dark) {
            WgImportDialog refused(m_server.connection->client(),
                                   vpnImpConfig(51879, QStringLiteral("10.79.0")),
                                   QStringLiteral("wgshot"), QStringLiteral("admin"));
            refused.setStyleSheet(ThemeManager::styleSheet(dark));
            refused.show();
            QVERIFY(QTest::qWaitForWindowExposed(&refused));
            QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&refused),
                                      QStringList{"vpn.import.interfaceError"}, 15000);
            QApplication::processEvents();
            QVERIFY(refused.grab().save(dir + QStringLiteral("/vpn-import-refused-") + shot +
                                        QStringLiteral(".png")));
        }
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

QTEST_MAIN(TestVpnImport)
#include "TestVpnImport.moc"
