// The VPN section against a real in-process server over loopback (the
// config-only WireGuard backend: files only, no interface): the empty
// state and its action; a server made through the dialog (the interface
// rule checked as typed, the server's 409 at its field); start and stop;
// a dual-stack client made through the dialog and its result (QR code and
// config with the private key, nothing on the clipboard until Copy, taken
// off again after the guard's delay); enable and disable; the config
// shown again and saved; deletes asked first; a viewer's console with the
// actions off and the reason; another console's changes arriving; the
// language switch; a one-time share link made in its dialog (the URL's
// plain GET answers the config once, Copy through the guard, the list and
// the revoke); an edit with commit-confirm (sent and pending on the
// server, the banner with its countdown, a second change refused, a
// client's change beside it on a line of its own with its own countdown,
// each kept by its own "Keep changes"; a client's change left alone rolls
// back by itself and its old value shows again); the IPv6 pools tab (a
// pool made, a prefix delegated and released, with a WireGuard client of
// its own; a pool's status through its dialog; an allocation's expiry,
// refused in the past as typed, shown in local time, and the allocation the
// server releases at its expiry going from the table). With HIVEMIND_SCREENSHOT_DIR set,
// `screenshots` saves the section and its dialogs in en, zh_TW and zh_CN, and a client's week of
// traffic (fed to the detail: no tunnel carries bytes here).

#include "AdminTestSupport.h"
#include "ColumnAlignmentSupport.h"
#include "FieldCheckSupport.h"
#include "client/ApiError.h"
#include "client/BgpApi.h"
#include "client/Ipv6PoolsApi.h"
#include "client/WireGuardApi.h"
#include "shell/MainWindow.h"
#include "vpn/BgpAnnounceDialog.h"
#include "vpn/BgpAnnouncementsPane.h"
#include "vpn/BgpPane.h"
#include "vpn/Ipv6PoolsPane.h"
#include "vpn/VpnPage.h"
#include "vpn/WgClientDetail.h"
#include "vpn/WgClientDialog.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgClientsPane.h"
#include "vpn/WgPendingBanner.h"
#include "vpn/WgServerDialog.h"
#include "vpn/WgServerModel.h"
#include "vpn/WgShareLinkDialog.h"
#include "widgets/ClipboardGuard.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ThemeManager.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <cmath>

using namespace hm::app;
using namespace admintest;

namespace {

const QString kVpnViewerPassword = QStringLiteral("Viewer#Pass2026");
const QString kVpnUserPassword = QStringLiteral("User#Pass2026");

// The server's own list of announced prefixes.
QStringList announcedOnServer(hm::client::ApiClient &client)
{
    auto listed = await<QList<hm::client::BgpAnnouncement>>(
        [&](auto done) { hm::client::BgpApi(client).announcements(done); });
    QStringList prefixes;
    if (listed.ok()) {
        for (const hm::client::BgpAnnouncement &a : listed.value())
            prefixes << a.prefix;
    }
    return prefixes;
}

QString cell(QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

void selectServer(VpnPage *page, int row)
{
    child<QTableView>(page, "vpn.servers")->selectRow(row);
}

void selectClient(VpnPage *page, int row)
{
    child<QTableView>(page, "vpn.clients")->selectRow(row);
}

// A phone's week: busy evenings, quiet nights (no buckets), an afternoon
// download; 15-minute buckets as the server answers a 7-day range.
hm::client::WgTraffic screenshotTraffic(const hm::client::WgTrafficQuery &range)
{
    hm::client::WgTraffic t;
    t.tier = QStringLiteral("15m");
    t.bucketSeconds = 900;
    t.start = range.start;
    t.end = range.end;
    constexpr qint64 bucketMs = 900'000;
    const qint64 first = range.start.toMSecsSinceEpoch() / bucketMs * bucketMs;
    qint64 rx = 0;
    qint64 tx = 0;
    int n = 0;
    for (qint64 at = first; at <= range.end.toMSecsSinceEpoch(); at += bucketMs, ++n) {
        const QTime local = QDateTime::fromMSecsSinceEpoch(at).time();
        const double hour = local.hour() + local.minute() / 60.0;
        if (hour < 7 || hour > 23.5)
            continue; // asleep: no traffic, no bucket
        // Evenings most, a little during the day; a fixed wobble, not random.
        const double evening = std::exp(-std::pow((hour - 20.5) / 2.0, 2));
        const double wobble = 0.6 + 0.4 * std::sin(n * 1.7) * std::sin(n * 0.31);
        qint64 down = qint64((6.0 + 150.0 * evening) * wobble * 1024 * 1024);
        if (n % 96 == 60) // one big download a day
            down += 420LL * 1024 * 1024;
        const qint64 up = down / 9 + qint64(2 * 1024 * 1024 * wobble);
        // rx: what the server received (the phone's upload); tx: its download.
        t.items.append({QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), up, down});
        rx += up;
        tx += down;
    }
    t.totalRxBytes = rx * 5;
    t.totalTxBytes = tx * 5;
    return t;
}

// A plain GET without the console's session: what the link's recipient
// does. Answers the status (0: no answer) and the body.
std::pair<int, QByteArray> vpnPlainGet(const QString &url)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(QUrl(url))));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 20000))
        return {0, {}};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

} // namespace

class TestVpnPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start("TestVpnPage"));
        ClipboardGuard::setClearDelayMs(400);
    }
    void cleanup()
    {
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        DialogSeam::setNextHandler({});
        QVERIFY(
            m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    }
    void cleanupTestCase() { m_server.stop(); }
    void emptyStateThenCreateAServer();
    void startAndStopChangeTheStatus();
    void editShowsARefusalAtItsField();
    void serverDialogBlockedSaveAndRefusal();
    void clientDialogBlockedCreateAndRefusal();
    void dualStackClientThroughTheDialog();
    void enableAndDisable();
    void editClientRefusalThenRename();
    void poolsTabDelegatesAndReleases();
    void poolStatusAndExpiry();
    void bgpTabShowsUnavailable();
    void bgpAnnouncementsThroughTheDialog();
    void bgpAnnouncementsReadOnlyForAUser();
    void showConfigAndSaveIt();
    void deletesAskFirst();
    void viewerSeesActionsOff();
    void anotherConsolesChangesArrive();
    void shareLinkOpensOnce();
    void headersSitLikeTheirColumns();
    void commitConfirmBanner();
    void retranslates();
    void screenshots();

private:
    hm::client::WireGuardApi api()
    {
        return hm::client::WireGuardApi(*m_server.connection->client());
    }
    void deleteAllServers();
    // A server of its own (and one client) for a test that must not meet
    // the others' rows; shown and selected on the page.
    void ownServer(VpnPage &page, const QString &name, int port, const QString &subnet,
                   qint64 *serverId, qint64 *clientId)
    {
        hm::client::WgServerChange change;
        change.name = name;
        change.interfaceName = QStringLiteral("wg-") + name;
        change.listenPort = port;
        change.ipv4Address = subnet;
        auto made =
            await<hm::client::WgServerRow>([&](auto done) { api().createServer(change, done); });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
        hm::client::WgClientChange client;
        client.serverId = made.value().id;
        client.name = name + QStringLiteral("-laptop");
        auto created = await<hm::client::WgCreatedClient>(
            [&](auto done) { api().createClient(client, done); });
        QVERIFY(created.ok());
        *serverId = made.value().id;
        *clientId = created.value().client.id;
        openPage(page);
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(*serverId) >= 0, 15000);
        selectServer(&page, page.model()->rowOf(*serverId));
        WgClientModel *clients = page.clientsPane()->model();
        QTRY_VERIFY_WITH_TIMEOUT(clients->rowOf(*clientId) >= 0, 15000);
        selectClient(&page, clients->rowOf(*clientId));
    }
    // A WireGuard server and one client "<name>-router" made through the
    // API, for a test that needs a client of its own; the client's id.
    qint64 poolsClient(const QString &name, int port, const QString &subnet, qint64 *serverId)
    {
        hm::client::WgServerChange change;
        change.name = name;
        change.interfaceName = QStringLiteral("wg-") + name;
        change.listenPort = port;
        change.ipv4Address = subnet;
        auto made =
            await<hm::client::WgServerRow>([&](auto done) { api().createServer(change, done); });
        [&] { QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString())); }();
        if (!made.ok())
            return 0;
        *serverId = made.value().id;
        hm::client::WgClientChange client;
        client.serverId = made.value().id;
        client.name = name + QStringLiteral("-router");
        auto created = await<hm::client::WgCreatedClient>(
            [&](auto done) { api().createClient(client, done); });
        [&] { QVERIFY(created.ok()); }();
        return created.ok() ? created.value().client.id : 0;
    }
    // A shown page signed in as the administrator, its list read.
    void openPage(VpnPage &page)
    {
        page.setSession(m_server.connection->client(), m_server.admin);
        page.resize(1200, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 15000);
    }

    AdminServer m_server;
};

void TestVpnPage::deleteAllServers()
{
    auto all = await<hm::client::Page<hm::client::WgServerRow>>(
        [&](auto done) { api().servers({}, done); });
    QVERIFY(all.ok());
    for (const hm::client::WgServerRow &server : all.value().items)
        QVERIFY(await<void>([&](auto done) { api().removeServer(server.id, done); }).ok());
}

void TestVpnPage::emptyStateThenCreateAServer()
{
    VpnPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    openPage(page);
    auto *empty = child<SectionEmptyState>(&page, "vpn.empty");
    QVERIFY(empty->isVisible());
    QCOMPARE(child<QLabel>(&page, "vpn.emptyTitle")->text(),
             QStringLiteral("No WireGuard servers yet"));
    auto *emptyAction = child<QPushButton>(&page, "vpn.emptyAction");
    QCOMPARE(emptyAction->text(), QStringLiteral("New server..."));
    QVERIFY(emptyAction->isEnabled());
    QVERIFY(!page.clientsPane()->isVisible());

    // A server made elsewhere holds the port the dialog asks for first.
    hm::client::WgServerChange holder;
    holder.name = QStringLiteral("holder");
    holder.interfaceName = QStringLiteral("wg-holder");
    holder.listenPort = 51900;
    holder.ipv4Address = QStringLiteral("10.99.0.1/24");
    auto taken =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(holder, done); });
    QVERIFY(taken.ok());

    bool interfaceRuleShown = false;
    bool portConflictShown = false;
    bool quietUntilTyped = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.serverDialog"))
            return int(QDialog::Rejected);
        auto *save = child<QPushButton>(dialog, "vpn.server.save");
        // Nothing typed yet: no "needs a name" in red, its line kept so
        // that the form does not jump when it comes.
        dialog->show();
        QApplication::processEvents();
        auto *nameError = child<QLabel>(dialog, "vpn.server.nameError");
        auto *interface = child<QLineEdit>(dialog, "vpn.server.interface");
        const int interfaceAt = interface->mapTo(dialog, QPoint()).y();
        quietUntilTyped = nameError->text().isEmpty() && !save->isEnabled();
        child<QLineEdit>(dialog, "vpn.server.name")->setText(QStringLiteral("x"));
        child<QLineEdit>(dialog, "vpn.server.name")->clear();
        QApplication::processEvents();
        quietUntilTyped = quietUntilTyped &&
                          nameError->text() == QLatin1String("A server needs a name.") &&
                          interface->mapTo(dialog, QPoint()).y() == interfaceAt;
        child<QLineEdit>(dialog, "vpn.server.name")->setText(QStringLiteral("office"));
        // The interface rule, as typed.
        child<QLineEdit>(dialog, "vpn.server.interface")->setText(QStringLiteral("wg office"));
        interfaceRuleShown =
            child<QLabel>(dialog, "vpn.server.interfaceError")->isVisibleTo(dialog) &&
            !save->isEnabled();
        child<QLineEdit>(dialog, "vpn.server.interface")->setText(QStringLiteral("wg-office"));
        child<QLineEdit>(dialog, "vpn.server.ipv6_address")
            ->setText(QStringLiteral("fd00:8::1/64"));
        child<QLineEdit>(dialog, "vpn.server.endpoint_host")
            ->setText(QStringLiteral("vpn.example.test"));
        // The server's 409 at its field; the dialog stays.
        child<QSpinBox>(dialog, "vpn.server.listen_port")->setValue(51900);
        save->click();
        auto *portError = child<QLabel>(dialog, "vpn.server.listen_portError");
        (void)QTest::qWaitFor([&] { return portError->isVisibleTo(dialog); }, 15000);
        portConflictShown = portError->text().contains(QLatin1String("listens on this port"));
        child<QSpinBox>(dialog, "vpn.server.listen_port")->setValue(51820);
        save->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    emptyAction->click();
    QVERIFY(quietUntilTyped);
    QVERIFY(interfaceRuleShown);
    QVERIFY(portConflictShown);
    QVERIFY(await<void>([&](auto done) { api().removeServer(taken.value().id, done); }).ok());

    WgServerModel *model = page.model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 1, 15000);
    QCOMPARE(model->server(0)->name, QStringLiteral("office"));
    QCOMPARE(cell(model, 0, WgServerModel::InterfaceColumn), QStringLiteral("wg-office"));
    QCOMPARE(cell(model, 0, WgServerModel::StatusColumn), QStringLiteral("Stopped"));
    QCOMPARE(cell(model, 0, WgServerModel::AddressesColumn),
             QStringLiteral("10.8.0.1/24, fd00:8::1/64"));
    QCOMPARE(cell(model, 0, WgServerModel::PortColumn), QStringLiteral("51820"));
    QCOMPARE(cell(model, 0, WgServerModel::ClientsColumn), QStringLiteral("0"));
    QVERIFY(child<QTableView>(&page, "vpn.servers")->isVisible());
    // Selected, its (empty) clients under it.
    QVERIFY(page.clientsPane()->isVisible());
    QCOMPARE(child<QLabel>(&page, "vpn.clientsTitle")->text(), QStringLiteral("Clients of office"));
}

void TestVpnPage::startAndStopChangeTheStatus()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    auto *startStop = child<QPushButton>(&page, "vpn.startStop");
    QCOMPARE(startStop->text(), QStringLiteral("Start"));
    startStop->click();
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.model(), 0, WgServerModel::StatusColumn),
                              QStringLiteral("Running"), 15000);
    QTRY_COMPARE(startStop->text(), QStringLiteral("Stop"));
    QVERIFY(child<QLabel>(&page, "vpn.state")->text().contains(QLatin1String("1 running")));
    // Stopping drops every client: it asks first, Cancel the default, and
    // cancelled the server keeps running.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    startStop->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.confirmStopServer"));
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Stop"));
    QCOMPARE(MessageBox::lastDefaultButton(), QMessageBox::Cancel);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("\"office\"")) &&
                 MessageBox::lastText().contains(QStringLiteral("wg-office")),
             qPrintable(MessageBox::lastText()));
    QVERIFY(startStop->isEnabled());
    QTest::qWait(500);
    QCOMPARE(cell(page.model(), 0, WgServerModel::StatusColumn), QStringLiteral("Running"));
    auto running = await<hm::client::WgServerRow>(
        [&](auto done) { api().server(page.model()->server(0)->id, done); });
    QVERIFY(running.ok());
    QCOMPARE(running.value().status, QStringLiteral("running"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    startStop->click();
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.model(), 0, WgServerModel::StatusColumn),
                              QStringLiteral("Stopped"), 15000);
    QTRY_COMPARE(startStop->text(), QStringLiteral("Start"));
    auto stored = await<hm::client::WgServerRow>(
        [&](auto done) { api().server(page.model()->server(0)->id, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().status, QStringLiteral("stopped"));
}

void TestVpnPage::editShowsARefusalAtItsField()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    bool refusalShown = false;
    bool nothingChangedDisablesSave = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.serverDialog"))
            return int(QDialog::Rejected);
        auto *save = child<QPushButton>(dialog, "vpn.server.save");
        // Nothing changed yet: nothing to save.
        nothingChangedDisablesSave = !save->isEnabled();
        // A host the server refuses (422 naming endpoint_host), shown there.
        auto *endpoint = child<QLineEdit>(dialog, "vpn.server.endpoint_host");
        endpoint->setText(QStringLiteral("bad host;"));
        save->click();
        auto *error = child<QLabel>(dialog, "vpn.server.endpoint_hostError");
        (void)QTest::qWaitFor([&] { return error->isVisibleTo(dialog); }, 15000);
        refusalShown = !error->text().isEmpty();
        endpoint->setText(QStringLiteral("vpn.example.test"));
        child<QLineEdit>(dialog, "vpn.server.description")->setText(QStringLiteral("head office"));
        save->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.editServer")->click();
    QVERIFY(nothingChangedDisablesSave);
    QVERIFY(refusalShown);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->server(0)->description, QStringLiteral("head office"),
                              15000);
    QCOMPARE(page.model()->index(0, WgServerModel::NameColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("head office"));
}

// Save pressed on an untouched, unfinished server form did nothing without
// a word; and the server's refusal of a field left untouched (the offered
// subnet, taken by another server) went again as soon as anything else was
// typed or the field was only passed through. Now a blocked Save says what
// is missing, and a refusal stays at its field until that field changes.
void TestVpnPage::serverDialogBlockedSaveAndRefusal()
{
    // Some server holds the subnet the dialog offers (10.8.0.1/24): this
    // one, or one an earlier case made.
    hm::client::WgServerChange holder;
    holder.name = QStringLiteral("subnet-holder");
    holder.interfaceName = QStringLiteral("wg-subhold");
    holder.listenPort = 51971;
    holder.ipv4Address = QStringLiteral("10.8.0.1/24");
    auto held =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(holder, done); });
    QVERIFY(held.ok() || held.error().code == hm::ErrorCode::Conflict);

    WgServerDialog dialog(m_server.connection->client(), nullptr, m_server.admin.role);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *save = child<QPushButton>(&dialog, "vpn.server.save");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.server.nameError"});
    QCOMPARE(child<QLabel>(&dialog, "vpn.server.nameError")->text(),
             QStringLiteral("A server needs a name."));
    QVERIFY(dialog.isVisible());

    child<QLineEdit>(&dialog, "vpn.server.name")->setText(QStringLiteral("second"));
    child<QLineEdit>(&dialog, "vpn.server.interface")->setText(QStringLiteral("wg-second"));
    child<QSpinBox>(&dialog, "vpn.server.listen_port")->setValue(51972);
    QVERIFY(save->isEnabled());
    save->click();
    auto *ipv4Error = child<QLabel>(&dialog, "vpn.server.ipv4_addressError");
    QTRY_VERIFY_WITH_TIMEOUT(!ipv4Error->text().isEmpty(), 15000);
    QVERIFY2(ipv4Error->text().startsWith(
                 QLatin1String("Overlaps the subnet of another WireGuard server")),
             qPrintable(ipv4Error->text()));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.server.ipv4_addressError"});
    const QString refusal = ipv4Error->text();
    // Typing elsewhere, or passing through the refused field, keeps it.
    auto *description = child<QLineEdit>(&dialog, "vpn.server.description");
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("Branch office"));
    auto *ipv4 = child<QLineEdit>(&dialog, "vpn.server.ipv4_address");
    ipv4->setFocus();
    description->setFocus();
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.server.ipv4_addressError"});
    QCOMPARE(ipv4Error->text(), refusal);
    // Answered by another subnet: gone, and saved.
    ipv4->setText(QStringLiteral("10.72.0.1/24"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    save->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
    QVERIFY(await<void>([&](auto done) { api().removeServer(dialog.server().id, done); }).ok());
    if (held.ok())
        QVERIFY(await<void>([&](auto done) { api().removeServer(held.value().id, done); }).ok());
}

// The same for a new client: Create pressed early says the name is
// missing; the server's refusal of the typed address (the server's own)
// stays while the rest of the form is filled in.
void TestVpnPage::clientDialogBlockedCreateAndRefusal()
{
    hm::client::WgServerChange change;
    change.name = QStringLiteral("refusals");
    change.interfaceName = QStringLiteral("wg-refusals");
    change.listenPort = 51973;
    change.ipv4Address = QStringLiteral("10.73.0.1/24");
    auto made =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(change, done); });
    QVERIFY(made.ok());
    const auto removeServer = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { api().removeServer(made.value().id, done); }); });

    WgClientDialog dialog(m_server.connection->client(), made.value(), m_server.admin.role);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *create = child<QPushButton>(&dialog, "vpn.client.create");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(!create->isEnabled());
    auto *name = child<QLineEdit>(&dialog, "vpn.client.name");
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.client.nameError"});
    QVERIFY(dialog.isVisible());

    QTest::keyClicks(name, QStringLiteral("laptop"));
    child<QLineEdit>(&dialog, "vpn.client.ipv4_address")->setText(QStringLiteral("10.73.0.1"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    create->click();
    auto *ipv4Error = child<QLabel>(&dialog, "vpn.client.ipv4_addressError");
    QTRY_VERIFY_WITH_TIMEOUT(!ipv4Error->text().isEmpty(), 15000);
    QVERIFY2(ipv4Error->text().contains(QLatin1String("own address")),
             qPrintable(ipv4Error->text()));
    const QString refusal = ipv4Error->text();
    auto *description = child<QLineEdit>(&dialog, "vpn.client.description");
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("Laptop of Ana"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"vpn.client.ipv4_addressError"});
    QCOMPARE(ipv4Error->text(), refusal);
    child<QLineEdit>(&dialog, "vpn.client.ipv4_address")->setText(QStringLiteral("10.73.0.9"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(create->isEnabled());
    create->click();
    QTRY_VERIFY2_WITH_TIMEOUT(dialog.hasResult(),
                              qPrintable(child<QLabel>(&dialog, "vpn.client.error")->text() +
                                         hm::test::shownFieldErrors(&dialog).join(u' ')),
                              15000);
}

void TestVpnPage::dualStackClientThroughTheDialog()
{
    VpnPage page;
    QAbstractItemModelTester tester(page.clientsPane()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    QGuiApplication::clipboard()->clear();

    QStringList families;
    QString config;
    QString clipboardBeforeCopy = QStringLiteral("unset");
    QString clipboardAfterCopy;
    bool warningShown = false;
    bool qrShown = false;
    bool quietUntilTyped = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.clientDialog"))
            return int(QDialog::Rejected);
        auto *family = child<QComboBox>(dialog, "vpn.client.address_family");
        for (int i = 0; i < family->count(); ++i)
            families << family->itemData(i).toString();
        // Nothing typed yet: no "needs a name" in red, Create off.
        quietUntilTyped = child<QLabel>(dialog, "vpn.client.nameError")->text().isEmpty() &&
                          !child<QPushButton>(dialog, "vpn.client.create")->isEnabled();
        child<QLineEdit>(dialog, "vpn.client.name")->setText(QStringLiteral("phone"));
        child<QLineEdit>(dialog, "vpn.client.description")->setText(QStringLiteral("phone of Ana"));
        child<QPushButton>(dialog, "vpn.client.create")->click();
        auto *created = static_cast<WgClientDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return created->hasResult(); }, 15000);
        config = child<QPlainTextEdit>(dialog, "vpn.config.text")->toPlainText();
        warningShown = child<QLabel>(dialog, "vpn.config.warning")->isVisibleTo(dialog) &&
                       child<QLabel>(dialog, "vpn.config.warning")
                           ->text()
                           .contains(QLatin1String("private key"));
        const QPixmap qr = child<QLabel>(dialog, "vpn.config.qr")->pixmap();
        qrShown = !qr.isNull() && qr.width() > 100;
        clipboardBeforeCopy = QGuiApplication::clipboard()->text();
        child<QPushButton>(dialog, "vpn.config.copy")->click();
        clipboardAfterCopy = QGuiApplication::clipboard()->text();
        child<QPushButton>(dialog, "vpn.client.close")->click();
        return dialog->result();
    });
    // A server without clients says what goes there, with the way to one.
    QTRY_VERIFY(child<QWidget>(&page, "vpn.clients.empty")->isVisible());
    QVERIFY(!child<QTableView>(&page, "vpn.clients")->isVisible());
    QCOMPARE(child<QLabel>(&page, "vpn.clients.emptyTitle")->text(),
             QStringLiteral("No clients yet"));
    auto *firstClient = child<QPushButton>(&page, "vpn.clients.emptyAction");
    QCOMPARE(firstClient->text(), QStringLiteral("New client..."));
    QVERIFY(firstClient->isEnabled());
    firstClient->click();
    QVERIFY(quietUntilTyped);
    QCOMPARE(families,
             QStringList({QStringLiteral("dual"), QStringLiteral("ipv4"), QStringLiteral("ipv6")}));
    QVERIFY(config.contains(QLatin1String("[Interface]")));
    QVERIFY(config.contains(QLatin1String("PrivateKey")));
    QVERIFY(config.contains(QLatin1String("vpn.example.test:51820")));
    QVERIFY(warningShown);
    QVERIFY(qrShown);
    // Nothing on the clipboard until Copy; off it again after the delay.
    QVERIFY(clipboardBeforeCopy.isEmpty());
    QCOMPARE(clipboardAfterCopy, config);
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);

    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 15000);
    QCOMPARE(cell(clients, 0, WgClientModel::NameColumn), QStringLiteral("phone"));
    QTRY_VERIFY(child<QTableView>(&page, "vpn.clients")->isVisible());
    QVERIFY(!child<QWidget>(&page, "vpn.clients.empty")->isVisible());
    QCOMPARE(cell(clients, 0, WgClientModel::AddressesColumn),
             QStringLiteral("10.8.0.2/32, fd00:8::2/128"));
    QCOMPARE(cell(clients, 0, WgClientModel::StatusColumn), QStringLiteral("Enabled"));
    QCOMPARE(cell(clients, 0, WgClientModel::HandshakeColumn), QStringLiteral("Never"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.model(), 0, WgServerModel::ClientsColumn),
                              QStringLiteral("1"), 15000);
}

// The servers' and clients' titles were centred over left-aligned names
// and right-aligned ports and byte counts.
void TestVpnPage::headersSitLikeTheirColumns()
{
    ThemeManager themes; // the console's style, as its main window has it
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    VpnPage page;
    qint64 serverId = 0;
    qint64 clientId = 0;
    ownServer(page, QStringLiteral("align"), 51980, QStringLiteral("10.98.0.1/24"), &serverId,
              &clientId);
    for (const char *name : {"vpn.servers", "vpn.clients"}) {
        auto *view = child<QTableView>(&page, name);
        QVERIFY(view->model()->rowCount() > 0);
        const QString unlike = admintest::headersUnlikeCells(view->horizontalHeader(), 0);
        QVERIFY2(unlike.isEmpty(),
                 qPrintable(QString::fromLatin1(name) + QStringLiteral(": ") + unlike));
    }
}

void TestVpnPage::enableAndDisable()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 15000);
    selectClient(&page, 0);
    auto *toggle = child<QPushButton>(&page, "vpn.toggleClient");
    QCOMPARE(toggle->text(), QStringLiteral("Disable"));
    toggle->click();
    QTRY_COMPARE_WITH_TIMEOUT(cell(clients, 0, WgClientModel::StatusColumn),
                              QStringLiteral("Disabled"), 15000);
    QCOMPARE(toggle->text(), QStringLiteral("Enable"));
    toggle->click();
    QTRY_COMPARE_WITH_TIMEOUT(cell(clients, 0, WgClientModel::StatusColumn),
                              QStringLiteral("Enabled"), 15000);
    QCOMPARE(toggle->text(), QStringLiteral("Disable"));
}

void TestVpnPage::editClientRefusalThenRename()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 15000);
    selectClient(&page, 0);
    auto *edit = child<QPushButton>(&page, "vpn.editClient");
    QVERIFY(edit->isEnabled());

    // A name the server refuses (a shell character): its 422 lands at the name field;
    // then a good name is saved. Addresses are shown, read-only.
    QString refusal;
    QString shownAddress;
    bool addressReadOnly = false;
    bool saved = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *editing = qobject_cast<WgClientDialog *>(dialog);
        if (!editing || !editing->isEditing())
            return int(QDialog::Rejected);
        auto *ipv4 = child<QLineEdit>(dialog, "vpn.client.ipv4_address");
        shownAddress = ipv4->text();
        addressReadOnly = ipv4->isReadOnly();
        auto *name = child<QLineEdit>(dialog, "vpn.client.name");
        name->setText(QStringLiteral("phone;rm"));
        child<QPushButton>(dialog, "vpn.client.create")->click();
        auto *error = child<QLabel>(dialog, "vpn.client.nameError");
        (void)QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 15000);
        refusal = error->text();
        name->setText(QStringLiteral("phone-renamed"));
        child<QPushButton>(dialog, "vpn.client.create")->click();
        (void)QTest::qWaitFor([&] { return editing->hasResult(); }, 15000);
        saved = editing->hasResult();
        return dialog->result();
    });
    edit->click();
    QCOMPARE(shownAddress, QStringLiteral("10.8.0.2/32"));
    QVERIFY(addressReadOnly);
    QVERIFY2(!refusal.isEmpty(), "no refusal at the name field");
    QVERIFY(saved);
    QTRY_COMPARE_WITH_TIMEOUT(cell(clients, 0, WgClientModel::NameColumn),
                              QStringLiteral("phone-renamed"), 15000);
    // Back to its old name for the tests after this one.
    auto back = await<hm::client::WgClientRow>([&](auto done) {
        hm::client::WgClientChange change;
        change.name = QStringLiteral("phone");
        api().updateClient(clients->clientAt(0)->id, change, done);
    });
    QVERIFY(back.ok());
}

void TestVpnPage::poolsTabDelegatesAndReleases()
{
    QCOMPARE(Ipv6PoolsPane::countText(QStringLiteral("256")), QStringLiteral("256"));
    QCOMPARE(Ipv6PoolsPane::countText(QStringLiteral("340282366920938463463374607431768211456")),
             QStringLiteral("2^128"));
    // A WireGuard client of its own to delegate to (the test runs alone too).
    qint64 wgServerId = 0;
    const qint64 wgClientId =
        poolsClient(QStringLiteral("pools"), 51950, QStringLiteral("10.95.0.1/24"), &wgServerId);
    if (QTest::currentTestFailed())
        return;
    const auto dropServer = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { api().removeServer(wgServerId, done); }); });
    VpnPage page;
    openPage(page);
    auto *tabs = child<QTabWidget>(&page, "vpn.tabs");
    QCOMPARE(tabs->count(), 3);
    auto *subtitle = child<QLabel>(&page, "vpn.subtitle");
    QVERIFY(subtitle->text().startsWith(QLatin1String("WireGuard")));
    tabs->setCurrentIndex(1);
    // The header speaks of the tab shown, and the WireGuard status line is
    // not under the pools.
    QVERIFY2(subtitle->text().startsWith(QLatin1String("IPv6 prefix pools")),
             qPrintable(subtitle->text()));
    QVERIFY(child<QLabel>(&page, "vpn.state")->isHidden());
    tabs->setCurrentIndex(2);
    QVERIFY2(subtitle->text().startsWith(QLatin1String("BGP sessions")), qPrintable(subtitle->text()));
    tabs->setCurrentIndex(1);
    Ipv6PoolsPane *pane = page.poolsPane();
    QAbstractItemModelTester poolsTester(pane->pools(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester allocationsTester(
        pane->allocations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool badPrefixShown = false;
    QStringList poolOpenSays{QStringLiteral("(not opened)")};
    QStringList poolRefusedSays;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        // Nothing in red as it opens ("A pool needs a name." was); Create
        // pressed untouched says what is missing.
        dialog->show();
        poolOpenSays = hm::test::shownFieldErrors(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "vpn.pool.save"), Qt::LeftButton);
        poolRefusedSays = hm::test::shownFieldErrors(dialog);
        child<QLineEdit>(dialog, "vpn.pool.name")->setText(QStringLiteral("customers"));
        auto *prefix = child<QLineEdit>(dialog, "vpn.pool.prefix");
        prefix->setText(QStringLiteral("2001:db8:2::1/48"));
        badPrefixShown = !child<QLabel>(dialog, "vpn.pool.prefixError")->text().isEmpty()
                         && !child<QPushButton>(dialog, "vpn.pool.save")->isEnabled();
        prefix->setText(QStringLiteral("2001:db8:2::/48"));
        child<QSpinBox>(dialog, "vpn.pool.prefix_length")->setValue(56);
        child<QPushButton>(dialog, "vpn.pool.save")->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.pools.new")->click();
    QCOMPARE(poolOpenSays, QStringList());
    QCOMPARE(poolRefusedSays, QStringList{"vpn.pool.nameError"});
    QVERIFY(badPrefixShown);
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->rowCount(), 1, 15000);
    QCOMPARE(pane->pools()->item(0, 1)->text(), QStringLiteral("2001:db8:2::/48"));
    QCOMPARE(pane->pools()->item(0, 4)->text(), QStringLiteral("256 of 256"));

    // A custom prefix outside the pool: the server's reason at its field;
    // then the lowest free one to a WireGuard client. The open dialog
    // follows a language change and keeps its own button text.
    QString refusal;
    bool delegateRetranslated = false;
    QStringList delegateOpenSays{QStringLiteral("(not opened)")};
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *save = child<QPushButton>(dialog, "vpn.delegate.save");
        delegateOpenSays = hm::test::shownFieldErrors(dialog);
        QLabel *caption = nullptr; // the client combo's caption
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->buddy() && label->buddy()->objectName() == QLatin1String("vpn.delegate.client_id"))
                caption = label;
        }
        const QString english = caption ? caption->text() : QString();
        delegateRetranslated =
            save->text() == QLatin1String("Delegate")
            && m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No)
            && QTest::qWaitFor([&] {
                   return save->text() != QLatin1String("Delegate")
                          && save->text() != QLatin1String("OK")
                          && caption && caption->text() != english;
               });
        (void)m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
        delegateRetranslated = delegateRetranslated && QTest::qWaitFor([&] {
                                   return save->text() == QLatin1String("Delegate");
                               });
        auto *clients = child<QComboBox>(dialog, "vpn.delegate.client_id");
        (void)QTest::qWaitFor([&] { return clients->findData(wgClientId) > 0; }, 15000);
        clients->setCurrentIndex(clients->findData(wgClientId));
        child<QCheckBox>(dialog, "vpn.delegate.custom")->setChecked(true);
        child<QLineEdit>(dialog, "vpn.delegate.prefix")->setText(QStringLiteral("2001:db8:3::/56"));
        child<QPushButton>(dialog, "vpn.delegate.save")->click();
        auto *error = child<QLabel>(dialog, "vpn.delegate.custom_prefixError");
        (void)QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 15000);
        refusal = error->text();
        child<QCheckBox>(dialog, "vpn.delegate.custom")->setChecked(false);
        child<QPushButton>(dialog, "vpn.delegate.save")->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.pools.delegate")->click();
    QVERIFY2(!refusal.isEmpty(), "no refusal at custom_prefix");
    QVERIFY(delegateRetranslated);
    QCOMPARE(delegateOpenSays, QStringList()); // "Pick a client or give a name." was said
    QTRY_COMPARE_WITH_TIMEOUT(pane->allocations()->rowCount(), 1, 15000);
    QCOMPARE(pane->allocations()->item(0, 0)->text(), QStringLiteral("pools-router"));
    QCOMPARE(pane->allocations()->item(0, 1)->text(), QStringLiteral("2001:db8:2::/56"));
    QCOMPARE(pane->allocations()->item(0, 3)->text(), QStringLiteral("Never"));
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->item(0, 3)->text(), QStringLiteral("1"), 15000);

    // Release asks first.
    child<QTableView>(&page, "vpn.pools.allocations")->selectRow(0);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "vpn.pools.release")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.pools.confirmRelease"));
    QTRY_COMPARE_WITH_TIMEOUT(pane->allocations()->rowCount(), 0, 15000);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "vpn.pools.delete")->click();
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->rowCount(), 0, 15000);
}

// A pool's status through its dialog (disabled: shown, greyed, nothing
// delegated from it), an allocation's expiry through the delegate dialog
// (none by default, refused in the past as typed, shown in local time),
// and an allocation the server releases by itself at its expiry going
// from the table.
void TestVpnPage::poolStatusAndExpiry()
{
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(Ipv6PoolsPane::expiryText(past).contains(QLatin1String("expired, being released")));
    QCOMPARE(Ipv6PoolsPane::expiryText({}), QStringLiteral("Never"));
    hm::client::Ipv6PoolsApi pools(*m_server.connection->client());
    hm::client::Ipv6PoolChange change;
    change.name = QStringLiteral("expiring");
    change.prefix = QStringLiteral("2001:db8:50::/48");
    change.prefixLength = 64;
    auto made = await<hm::client::Ipv6PoolRow>([&](auto done) { pools.createPool(change, done); });
    QVERIFY(made.ok());
    const qint64 poolId = made.value().id;
    const auto dropPool = qScopeGuard(
        [&] { (void)await<void>([&](auto done) { pools.removePool(poolId, true, done); }); });
    VpnPage page;
    openPage(page);
    child<QTabWidget>(&page, "vpn.tabs")->setCurrentIndex(1);
    Ipv6PoolsPane *pane = page.poolsPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->rowCount(), 1, 15000);
    QCOMPARE(pane->pools()->item(0, 5)->text(), QStringLiteral("Active"));
    auto *delegate = child<QPushButton>(&page, "vpn.pools.delegate");
    QTRY_VERIFY(delegate->isEnabled());

    // Disabled through the dialog: the list says so and nothing is delegated.
    QStringList statusChoices;
    const auto setStatus = [&](int index) {
        DialogSeam::setNextHandler([&, index](QDialog *dialog) {
            auto *status = child<QComboBox>(dialog, "vpn.pool.status");
            statusChoices.clear();
            for (int i = 0; i < status->count(); ++i)
                statusChoices << status->itemText(i);
            status->setCurrentIndex(index);
            child<QPushButton>(dialog, "vpn.pool.save")->click();
            (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
            return dialog->result();
        });
        child<QPushButton>(&page, "vpn.pools.edit")->click();
    };
    setStatus(1);
    QCOMPARE(statusChoices, QStringList({QStringLiteral("Active"), QStringLiteral("Disabled")}));
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->item(0, 5)->text(), QStringLiteral("Disabled"), 15000);
    QVERIFY(pane->pools()->item(0, 0)->data(Qt::ForegroundRole).isValid());
    QVERIFY(!delegate->isEnabled());
    QCOMPARE(delegate->toolTip(), QStringLiteral("The pool is disabled."));
    auto stored = await<hm::client::Ipv6PoolRow>([&](auto done) { pools.pool(poolId, done); });
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().status, QStringLiteral("disabled"));
    setStatus(0);
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->item(0, 5)->text(), QStringLiteral("Active"), 15000);
    QVERIFY(!pane->pools()->item(0, 0)->data(Qt::ForegroundRole).isValid());
    QTRY_VERIFY(delegate->isEnabled());

    // The delegate dialog: no expiry by default; one in the past is refused
    // as typed; a day ahead is sent and shown in local time.
    bool noExpiryByDefault = false;
    bool pastRefused = false;
    QDateTime chosen;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *expires = child<QCheckBox>(dialog, "vpn.delegate.expires");
        auto *expiry = child<QDateTimeEdit>(dialog, "vpn.delegate.expiry");
        auto *save = child<QPushButton>(dialog, "vpn.delegate.save");
        child<QComboBox>(dialog, "vpn.delegate.client_id")->setCurrentIndex(0);
        child<QLineEdit>(dialog, "vpn.delegate.client_name")->setText(QStringLiteral("lab-a"));
        noExpiryByDefault = !expires->isChecked() && !expiry->isEnabled() && save->isEnabled();
        expires->setChecked(true);
        expiry->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        pastRefused = !child<QLabel>(dialog, "vpn.delegate.expires_atError")->text().isEmpty() &&
                      !save->isEnabled();
        chosen = QDateTime::currentDateTime().addDays(1);
        chosen.setTime(QTime(chosen.time().hour(), chosen.time().minute()));
        expiry->setDateTime(chosen);
        save->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    delegate->click();
    QVERIFY(noExpiryByDefault);
    QVERIFY(pastRefused);
    QTRY_COMPARE_WITH_TIMEOUT(pane->allocations()->rowCount(), 1, 15000);
    QCOMPARE(pane->allocations()->item(0, 3)->text(),
             QLocale().toString(chosen, QStringLiteral("yyyy-MM-dd HH:mm")));
    auto listed = await<hm::client::Page<hm::client::Ipv6AllocationRow>>([&](auto done) {
        hm::client::Ipv6AllocationFilter filter;
        filter.poolId = poolId;
        pools.allocations(filter, done);
    });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().items.size(), 1);
    QCOMPARE(listed.value().items.first().expiresAt, chosen.toUTC());

    // One expiring in two seconds (through the API): the server releases it
    // by itself and the table follows without being asked.
    hm::client::Ipv6AllocationRequest brief;
    brief.poolId = poolId;
    brief.clientName = QStringLiteral("lab-brief");
    brief.expiresAt = QDateTime::currentDateTimeUtc().addSecs(2);
    QVERIFY(
        await<hm::client::Ipv6AllocationRow>([&](auto done) { pools.allocate(brief, done); }).ok());
    pane->reload();
    QTRY_COMPARE_WITH_TIMEOUT(pane->allocations()->rowCount(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->allocations()->rowCount(), 1, 20000);
    QCOMPARE(pane->allocations()->item(0, 0)->text(),
             QStringLiteral("lab-a (no WireGuard client)"));
    QTRY_COMPARE_WITH_TIMEOUT(pane->pools()->item(0, 3)->text(), QStringLiteral("1"), 15000);
}

void TestVpnPage::bgpTabShowsUnavailable()
{
    VpnPage page;
    openPage(page);
    child<QTabWidget>(&page, "vpn.tabs")->setCurrentIndex(2);
    BgpPane *pane = page.bgpPane();
    QAbstractItemModelTester sessionsTester(
        pane->sessions(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester routesTester(pane->routes(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    bool badNeighborShown = false;
    bool badNextHopShown = false;
    bool retranslated = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "vpn.bgp.name")->setText(QStringLiteral("upstream_a"));
        auto *neighbor = child<QLineEdit>(dialog, "vpn.bgp.neighbor");
        neighbor->setText(QStringLiteral("2001:db8::/64"));
        badNeighborShown = !child<QLabel>(dialog, "vpn.bgp.neighborError")->text().isEmpty();
        neighbor->setText(QStringLiteral("2001:db8:ff::1"));
        child<QLineEdit>(dialog, "vpn.bgp.remote_as")->setText(QStringLiteral("65010"));
        child<QLineEdit>(dialog, "vpn.bgp.local_as")->setText(QStringLiteral("65001"));
        child<QLineEdit>(dialog, "vpn.bgp.password")->setText(QStringLiteral("md5-secret"));
        // The IPv6 next hop: an IPv4 address is refused as typed.
        auto *nextHop = child<QLineEdit>(dialog, "vpn.bgp.ipv6_next_hop");
        nextHop->setText(QStringLiteral("192.0.2.1"));
        badNextHopShown =
            !child<QLabel>(dialog, "vpn.bgp.ipv6_next_hopError")->text().isEmpty() &&
            !child<QPushButton>(dialog, "vpn.bgp.save")->isEnabled();
        nextHop->setText(QStringLiteral("2001:db8:ff::77"));
        // A language change reaches the open dialog: its title, captions
        // and buttons.
        auto *save = child<QPushButton>(dialog, "vpn.bgp.save");
        dialog->setWindowTitle(QStringLiteral("stale"));
        save->setText(QStringLiteral("stale"));
        retranslated = m_server.languages->setLanguage(QStringLiteral("zh_CN"),
                                                       LanguageManager::Persist::No)
                       && QTest::qWaitFor([&] {
                              return dialog->windowTitle() != QLatin1String("stale")
                                     && save->text() != QLatin1String("stale");
                          });
        (void)m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
        retranslated = retranslated
                       && QTest::qWaitFor([&] { return save->text() == QLatin1String("Create"); });
        save->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.bgp.new")->click();
    QVERIFY(badNeighborShown);
    QVERIFY(badNextHopShown);
    QVERIFY(retranslated);
    QTRY_COMPARE_WITH_TIMEOUT(pane->sessions()->rowCount(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(pane->sessionRow(0).ipv6NextHop, QStringLiteral("2001:db8:ff::77"),
                              15000);
    // The cell short (it clipped at 1280 px); the reason in its tooltip and
    // under the table.
    QCOMPARE(pane->sessions()->item(0, 7)->text(), QStringLiteral("Unavailable"));
    QVERIFY2(pane->sessions()->item(0, 7)->toolTip().startsWith(QLatin1String("Unavailable: ")),
             qPrintable(pane->sessions()->item(0, 7)->toolTip()));
    QVERIFY2(child<QLabel>(&page, "vpn.bgp.state")->text().startsWith(QLatin1String("Unavailable: ")),
             qPrintable(child<QLabel>(&page, "vpn.bgp.state")->text()));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&page, "vpn.bgp.routesState")
                                 ->text()
                                 .startsWith(QLatin1String("No routes to show")),
                             15000);
    QCOMPARE(pane->sessionRow(0).unavailableReason, QStringLiteral("BIRD_NOT_CONFIGURED"));
    // Why, in the user's language (the server's reason is a code; its
    // English words were shown in every language), and again on a switch.
    QVERIFY(child<QLabel>(&page, "vpn.bgp.state")->text().contains(QLatin1String("--bird-socket")));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    const auto english = qScopeGuard([this] {
        (void)m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
    });
    for (const char *label : {"vpn.bgp.state", "vpn.bgp.routesState"}) {
        QTRY_VERIFY2(!child<QLabel>(&page, label)->text().contains(QLatin1String("control socket")),
                     qPrintable(child<QLabel>(&page, label)->text()));
        QVERIFY(child<QLabel>(&page, label)->text().contains(QStringLiteral("服务器未配置 BIRD")));
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "vpn.bgp.delete")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.bgp.confirmDelete"));
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Delete"));
    QTRY_COMPARE_WITH_TIMEOUT(pane->sessions()->rowCount(), 0, 15000);
}

// Announced prefixes (no BIRD here: the server stores them unasked): an
// IPv4 and an IPv6 prefix through the dialog, listed and on the server;
// host bits refused in the dialog before anything is sent; a duplicate
// shows the server's 409; the open dialog follows a language change;
// withdraw asks first, then the prefix is gone.
void TestVpnPage::bgpAnnouncementsThroughTheDialog()
{
    QCOMPARE(BgpAnnounceDialog::prefixProblem(QStringLiteral("198.51.100.0/24")), QString());
    QCOMPARE(BgpAnnounceDialog::prefixProblem(QStringLiteral("2001:db8:100::/40")), QString());
    QVERIFY(BgpAnnounceDialog::prefixProblem(QStringLiteral("198.51.100.7/24"))
                .contains(QLatin1String("198.51.100.0/24")));
    QVERIFY(!BgpAnnounceDialog::prefixProblem(QStringLiteral("198.51.100.0")).isEmpty());
    QVERIFY(!BgpAnnounceDialog::prefixProblem(QStringLiteral("198.51.100.0/33")).isEmpty());
    QVERIFY(!BgpAnnounceDialog::prefixProblem(QStringLiteral("example.org/24")).isEmpty());
    QVERIFY(!BgpAnnounceDialog::prefixProblem(QStringLiteral("2001:db8::1/64")).isEmpty());

    VpnPage page;
    openPage(page);
    child<QTabWidget>(&page, "vpn.tabs")->setCurrentIndex(2);
    BgpAnnouncementsPane *pane = page.bgpPane()->announcements();
    QStandardItemModel *model = pane->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(pane->isLoaded(), 15000);
    QCOMPARE(model->rowCount(), 0);
    auto *state = child<QLabel>(&page, "vpn.bgp.announcementsState");
    QVERIFY(!state->isHidden());
    QVERIFY2(state->text().contains(QLatin1String("automatically")), qPrintable(state->text()));
    auto *announce = child<QPushButton>(&page, "vpn.bgp.announcementsAnnounce");
    auto *withdraw = child<QPushButton>(&page, "vpn.bgp.announcementsWithdraw");
    QVERIFY(announce->isEnabled());
    QVERIFY(!withdraw->isEnabled());

    // IPv4: host bits refused as typed (nothing sent), then the network.
    bool hostBitsRefused = false;
    bool retranslated = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        auto *prefix = child<QLineEdit>(dialog, "vpn.bgp.announcements.prefix");
        auto *save = child<QPushButton>(dialog, "vpn.bgp.announcements.save");
        auto *error = child<QLabel>(dialog, "vpn.bgp.announcements.prefixError");
        prefix->setText(QStringLiteral("198.51.100.7/24"));
        hostBitsRefused = error->text().contains(QLatin1String("198.51.100.0/24"))
                          && !save->isEnabled();
        save->click(); // disabled: nothing is sent
        // A language change reaches the open dialog.
        dialog->setWindowTitle(QStringLiteral("stale"));
        save->setText(QStringLiteral("stale"));
        retranslated = m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                                       LanguageManager::Persist::No)
                       && QTest::qWaitFor([&] {
                              return dialog->windowTitle() != QLatin1String("stale")
                                     && save->text() != QLatin1String("stale");
                          });
        (void)m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No);
        // Its own button text, not the button box's "OK".
        retranslated = retranslated && QTest::qWaitFor([&] {
                           return save->text() == QLatin1String("Announce");
                       });
        prefix->setText(QStringLiteral("198.51.100.0/24"));
        child<QLineEdit>(dialog, "vpn.bgp.announcements.description")
            ->setText(QStringLiteral("customers in Taipei"));
        if (!save->isEnabled())
            return int(QDialog::Rejected);
        save->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    announce->click();
    QVERIFY(hostBitsRefused);
    QVERIFY(retranslated);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 15000);
    QCOMPARE(model->item(0, BgpAnnouncementsPane::PrefixColumn)->text(),
             QStringLiteral("198.51.100.0/24"));
    QCOMPARE(model->item(0, BgpAnnouncementsPane::DescriptionColumn)->text(),
             QStringLiteral("customers in Taipei"));
    QVERIFY(!model->item(0, BgpAnnouncementsPane::SinceColumn)->text().isEmpty());
    QVERIFY(state->isHidden());

    // IPv6, written loosely: the server's canonical form is listed.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "vpn.bgp.announcements.prefix")
            ->setText(QStringLiteral(" 2001:0db8:0100::/40 "));
        child<QPushButton>(dialog, "vpn.bgp.announcements.save")->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    announce->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 15000);
    QCOMPARE(model->item(1, BgpAnnouncementsPane::PrefixColumn)->text(),
             QStringLiteral("2001:db8:100::/40"));
    QCOMPARE(announcedOnServer(*m_server.connection->client()),
             (QStringList{QStringLiteral("198.51.100.0/24"), QStringLiteral("2001:db8:100::/40")}));

    // A duplicate: the server's 409 in the dialog, which stays open.
    QString conflict;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        child<QLineEdit>(dialog, "vpn.bgp.announcements.prefix")
            ->setText(QStringLiteral("198.51.100.0/24"));
        child<QPushButton>(dialog, "vpn.bgp.announcements.save")->click();
        auto *error = child<QLabel>(dialog, "vpn.bgp.announcements.prefixError");
        (void)QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 15000);
        conflict = error->text();
        return int(QDialog::Rejected);
    });
    announce->click();
    QVERIFY2(conflict.contains(QLatin1String("announced already")), qPrintable(conflict));
    QCOMPARE(model->rowCount(), 2);

    // Withdraw: asked first; No keeps it, Yes withdraws it.
    child<QTableView>(&page, "vpn.bgp.announcementsTable")->selectRow(0);
    QVERIFY(withdraw->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    withdraw->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.bgp.announcementsConfirmWithdraw"));
    QCOMPARE(MessageBox::lastActionText(), QStringLiteral("Withdraw"));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("198.51.100.0/24")));
    QCOMPARE(announcedOnServer(*m_server.connection->client()).size(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    withdraw->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 15000);
    QCOMPARE(model->item(0, BgpAnnouncementsPane::PrefixColumn)->text(),
             QStringLiteral("2001:db8:100::/40"));
    QCOMPARE(announcedOnServer(*m_server.connection->client()),
             QStringList{QStringLiteral("2001:db8:100::/40")});
}

// A USER reads the announced prefixes; announcing and withdrawing are off
// with the reason, and the server refuses them all the same.
void TestVpnPage::bgpAnnouncementsReadOnlyForAUser()
{
    QVERIFY(!m_server.createUser(QStringLiteral("bgpuser"), QStringLiteral("user"),
                                 kVpnUserPassword)
                 .id.isEmpty());
    hm::client::UserInfo signedIn;
    auto user = m_server.signIn(QStringLiteral("bgpuser"), kVpnUserPassword, &signedIn);
    QVERIFY(user);
    VpnPage page;
    page.setSession(user.get(), signedIn);
    page.resize(1200, 760);
    page.show();
    child<QTabWidget>(&page, "vpn.tabs")->setCurrentIndex(2);
    BgpAnnouncementsPane *pane = page.bgpPane()->announcements();
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, 15000); // the test before's
    child<QTableView>(&page, "vpn.bgp.announcementsTable")->selectRow(0);
    for (const char *name : {"vpn.bgp.announcementsAnnounce", "vpn.bgp.announcementsWithdraw"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("administrator"), Qt::CaseInsensitive),
                 qPrintable(button->toolTip()));
    }
    auto refused = await<hm::client::BgpAnnouncement>([&](auto done) {
        hm::client::BgpApi(*user).announce(QStringLiteral("192.0.2.0/24"), {}, done);
    });
    QVERIFY(!refused.ok());
    QCOMPARE(hm::client::errorHttpStatus(refused.error()), 403);
    auto listed = await<QList<hm::client::BgpAnnouncement>>(
        [&](auto done) { hm::client::BgpApi(*user).announcements(done); });
    QVERIFY(listed.ok());
    auto kept = await<void>([&](auto done) {
        hm::client::BgpApi(*user).withdraw(listed.value().first().id, done);
    });
    QVERIFY(!kept.ok());
    QCOMPARE(hm::client::errorHttpStatus(kept.error()), 403);
    // Left for the others: withdrawn by the administrator.
    QVERIFY(await<void>([&](auto done) {
                hm::client::BgpApi(*m_server.connection->client())
                    .withdraw(listed.value().first().id, done);
            }).ok());
}

void TestVpnPage::showConfigAndSaveIt()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    QTRY_COMPARE_WITH_TIMEOUT(page.clientsPane()->model()->rowCount(), 1, 15000);
    selectClient(&page, 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("phone.conf"));
    QString shown;
    QString suggested;
    bool opened = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.configDialog"))
            return int(QDialog::Rejected);
        opened = true;
        shown = child<QPlainTextEdit>(dialog, "vpn.config.text")->toPlainText();
        DialogSeam::setNextHandler([&](QDialog *save) {
            auto *files = qobject_cast<QFileDialog *>(save);
            if (!files)
                return int(QDialog::Rejected);
            suggested = files->selectedFiles().value(0);
            files->selectFile(path);
            return int(QDialog::Accepted);
        });
        child<QPushButton>(dialog, "vpn.config.save")->click();
        return int(QDialog::Accepted);
    });
    child<QPushButton>(&page, "vpn.showConfig")->click();
    QTRY_VERIFY_WITH_TIMEOUT(opened, 15000);
    QVERIFY(shown.contains(QLatin1String("[Interface]")));
    QVERIFY(suggested.endsWith(QLatin1String("phone.conf")));
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), shown);
    QCOMPARE(saved.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestVpnPage::deletesAskFirst()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 15000);
    selectClient(&page, 0);
    // Cancelled: nothing goes.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "vpn.deleteClient")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.confirmDeleteClient"));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("phone")));
    QTest::qWait(200);
    QCOMPARE(clients->rowCount(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "vpn.deleteClient")->click();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 0, 15000);
    auto left = await<hm::client::Page<hm::client::WgClientRow>>(
        [&](auto done) { api().clients({}, done); });
    QVERIFY(left.ok());
    QCOMPARE(left.value().items.size(), 0);

    // A server: asked too.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "vpn.deleteServer")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("vpn.confirmDeleteServer"));
    QCOMPARE(page.model()->rowCount(), 1);
}

void TestVpnPage::viewerSeesActionsOff()
{
    const hm::client::UserInfo viewerUser = m_server.createUser(
        QStringLiteral("vpnviewer"), QStringLiteral("viewer"), kVpnViewerPassword);
    QVERIFY(!viewerUser.id.isEmpty());
    hm::client::UserInfo signedIn;
    auto viewer = m_server.signIn(QStringLiteral("vpnviewer"), kVpnViewerPassword, &signedIn);
    QVERIFY(viewer);
    // The viewer's console has a client of the server to look at.
    auto servers = await<hm::client::Page<hm::client::WgServerRow>>(
        [&](auto done) { api().servers({}, done); });
    QVERIFY(servers.ok() && servers.value().items.size() == 1);
    hm::client::WgClientChange client;
    client.serverId = servers.value().items.first().id;
    client.name = QStringLiteral("tablet");
    QVERIFY(await<hm::client::WgCreatedClient>([&](auto done) {
                api().createClient(client, done);
            }).ok());

    VpnPage page;
    page.setSession(viewer.get(), signedIn);
    page.resize(1200, 760);
    page.show();
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    QTRY_COMPARE_WITH_TIMEOUT(page.clientsPane()->model()->rowCount(), 1, 15000);
    selectClient(&page, 0);
    for (const char *name :
         {"vpn.newServer", "vpn.editServer", "vpn.startStop", "vpn.deleteServer", "vpn.newClient",
          "vpn.editClient", "vpn.toggleClient", "vpn.showConfig", "vpn.deleteClient",
          "vpn.pools.new", "vpn.bgp.new"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(button, name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("administrator"), Qt::CaseInsensitive),
                 qPrintable(button->toolTip()));
    }
}

void TestVpnPage::anotherConsolesChangesArrive()
{
    VpnPage page;
    openPage(page);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 1, 15000);
    selectServer(&page, 0);
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 15000); // "tablet"
    // Another console of the administrator.
    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    hm::client::WireGuardApi otherApi(*other);
    hm::client::WgClientChange client;
    client.serverId = page.model()->server(0)->id;
    client.name = QStringLiteral("laptop");
    QVERIFY(await<hm::client::WgCreatedClient>([&](auto done) {
                otherApi.createClient(client, done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.model(), 0, WgServerModel::ClientsColumn),
                              QStringLiteral("2"), 20000);
    // Started elsewhere: the state follows.
    QVERIFY(await<hm::client::WgRunState>([&](auto done) {
                otherApi.startServer(client.serverId.value(), done);
            }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(cell(page.model(), 0, WgServerModel::StatusColumn),
                              QStringLiteral("Running"), 20000);
    // A server made elsewhere.
    hm::client::WgServerChange lab;
    lab.name = QStringLiteral("lab");
    lab.interfaceName = QStringLiteral("wg-lab");
    lab.listenPort = 51821;
    lab.ipv6Address = QStringLiteral("fd00:9::1/64");
    QVERIFY(
        await<hm::client::WgServerRow>([&](auto done) { otherApi.createServer(lab, done); }).ok());
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 2, 20000);
    QVERIFY(await<hm::client::WgRunState>([&](auto done) {
                otherApi.stopServer(client.serverId.value(), done);
            }).ok());
}

void TestVpnPage::retranslates()
{
    VpnPage page;
    openPage(page);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowCount() > 0, 15000);
    auto *newServer = child<QPushButton>(&page, "vpn.newServer");
    QCOMPARE(newServer->text(), QStringLiteral("New server..."));
    // The announced prefixes' section words itself again too.
    auto *announcementsTitle = child<QLabel>(&page, "vpn.bgp.announcementsTitle");
    QCOMPARE(announcementsTitle->text(), QStringLiteral("Announced prefixes"));
    announcementsTitle->setText(QStringLiteral("stale"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(newServer->text(), QStringLiteral("新增伺服器…"));
    QTRY_VERIFY(announcementsTitle->text() != QLatin1String("stale"));
    QCOMPARE(page.model()->headerData(WgServerModel::PortColumn, Qt::Horizontal).toString(),
             QStringLiteral("監聽連接埠"));
    QCOMPARE(child<QPushButton>(&page, "vpn.newClient")->text(), QStringLiteral("新增用戶端…"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(newServer->text(), QStringLiteral("新建服务器…"));
    QCOMPARE(page.model()->headerData(WgServerModel::PortColumn, Qt::Horizontal).toString(),
             QStringLiteral("监听端口"));
}

void TestVpnPage::shareLinkOpensOnce()
{
    VpnPage page;
    qint64 serverId = 0;
    qint64 clientId = 0;
    ownServer(page, QStringLiteral("share"), 51960, QStringLiteral("10.96.0.1/24"), &serverId,
              &clientId);
    if (QTest::currentTestFailed())
        return;
    auto *shareButton = child<QPushButton>(&page, "vpn.shareLink");
    QTRY_VERIFY(shareButton->isEnabled());
    QGuiApplication::clipboard()->clear();

    bool emptyShown = false;
    bool copyOffBefore = false;
    int lifetime = 0;
    QString url;
    QString expiry;
    QString warning;
    QString linkState;
    QString clipboardAfterCopy;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.shareDialog"))
            return int(QDialog::Rejected);
        auto *share = static_cast<WgShareLinkDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return share->linksLoaded(); }, 15000);
        emptyShown = child<QLabel>(dialog, "vpn.share.empty")->isVisibleTo(dialog);
        copyOffBefore = !child<QPushButton>(dialog, "vpn.share.copy")->isEnabled();
        lifetime = child<QComboBox>(dialog, "vpn.share.lifetime")->currentData().toInt();
        warning = child<QLabel>(dialog, "vpn.share.warning")->text();
        child<QPushButton>(dialog, "vpn.share.create")->click();
        (void)QTest::qWaitFor([&] { return share->links().size() == 1; }, 15000);
        url = child<QPlainTextEdit>(dialog, "vpn.share.url")->toPlainText();
        expiry = child<QLabel>(dialog, "vpn.share.expiry")->text();
        linkState = share->links().isEmpty() ? QString() : share->links().first().state;
        child<QPushButton>(dialog, "vpn.share.copy")->click();
        clipboardAfterCopy = QGuiApplication::clipboard()->text();
        child<QPushButton>(dialog, "vpn.share.close")->click();
        return dialog->result();
    });
    shareButton->click();
    QVERIFY(emptyShown);
    QVERIFY(copyOffBefore);
    QCOMPARE(lifetime, 3600); // an hour unless chosen otherwise
    QVERIFY(warning.contains(QLatin1String("private key")));
    QCOMPARE(linkState, QStringLiteral("active"));
    QUrl base = m_server.connection->client()->baseUrl();
    QVERIFY2(url.startsWith(base.toString(QUrl::StripTrailingSlash) +
                            QStringLiteral("/api/v1/wireguard/shared/")),
             qPrintable(url));
    QVERIFY(expiry.contains(QLatin1String("Works once")));
    // Copy goes through the guard: on the clipboard, then off it again.
    QCOMPARE(clipboardAfterCopy, url);
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 5000);

    // Its recipient opens it without an account: the config once.
    const auto first = vpnPlainGet(url);
    QCOMPARE(first.first, 200);
    QVERIFY(first.second.contains("[Interface]"));
    QVERIFY(first.second.contains("PrivateKey"));
    QCOMPARE(vpnPlainGet(url).first, 404);

    // Again: the used link listed as such; a new one revoked unopened.
    QString usedState;
    QString usedFrom;
    bool revokeOffWithNoneUnused = false;
    bool revokeOnWithOneUnused = false;
    QStringList statesAfterRevoke;
    bool urlClearedAfterRevoke = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.shareDialog"))
            return int(QDialog::Rejected);
        auto *share = static_cast<WgShareLinkDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return share->links().size() == 1; }, 15000);
        usedState = share->links().isEmpty() ? QString() : share->links().first().state;
        usedFrom = share->links().isEmpty() ? QString() : share->links().first().usedFrom;
        auto *revoke = child<QPushButton>(dialog, "vpn.share.revoke");
        revokeOffWithNoneUnused = !revoke->isEnabled();
        child<QComboBox>(dialog, "vpn.share.lifetime")->setCurrentIndex(0);
        child<QPushButton>(dialog, "vpn.share.create")->click();
        (void)QTest::qWaitFor([&] { return share->links().size() == 2; }, 15000);
        revokeOnWithOneUnused = revoke->isEnabled();
        revoke->click();
        (void)QTest::qWaitFor([&] { return share->links().size() == 1; }, 15000);
        for (const hm::client::WgShareLink &link : share->links())
            statesAfterRevoke << link.state;
        urlClearedAfterRevoke =
            child<QPlainTextEdit>(dialog, "vpn.share.url")->toPlainText().isEmpty();
        return int(QDialog::Accepted);
    });
    shareButton->click();
    QCOMPARE(usedState, QStringLiteral("used"));
    QVERIFY(!usedFrom.isEmpty());
    QVERIFY(revokeOffWithNoneUnused);
    QVERIFY(revokeOnWithOneUnused);
    QCOMPARE(statesAfterRevoke, QStringList{QStringLiteral("used")});
    QVERIFY(urlClearedAfterRevoke);
    QVERIFY(await<void>([&](auto done) { api().removeServer(serverId, done); }).ok());
}

void TestVpnPage::commitConfirmBanner()
{
    VpnPage page;
    qint64 serverId = 0;
    qint64 clientId = 0;
    ownServer(page, QStringLiteral("confirm"), 51970, QStringLiteral("10.97.0.1/24"), &serverId,
              &clientId);
    if (QTest::currentTestFailed())
        return;
    auto *banner = child<WgPendingBanner>(&page, "vpn.pending");
    QVERIFY(!banner->isVisible());

    // The port changed, kept only if confirmed within ten minutes or when
    // the laptop connects again.
    bool offByDefault = false;
    int defaultSeconds = 0;
    QStringList handshakeClients;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.serverDialog"))
            return int(QDialog::Rejected);
        auto *confirm = child<QCheckBox>(dialog, "vpn.server.confirm");
        auto *seconds = child<QSpinBox>(dialog, "vpn.server.confirmSeconds");
        auto *clients = child<QComboBox>(dialog, "vpn.server.confirmClient");
        offByDefault = !confirm->isChecked() && !seconds->isEnabled();
        child<QSpinBox>(dialog, "vpn.server.listen_port")->setValue(51971);
        confirm->setChecked(true);
        defaultSeconds = seconds->value();
        seconds->setValue(600);
        (void)QTest::qWaitFor([&] { return clients->count() > 0; }, 15000);
        for (int i = 0; i < clients->count(); ++i)
            handshakeClients << clients->itemText(i);
        child<QCheckBox>(dialog, "vpn.server.confirmByHandshake")->setChecked(true);
        child<QPushButton>(dialog, "vpn.server.save")->click();
        (void)QTest::qWaitFor([&] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.editServer")->click();
    QVERIFY(offByDefault);
    QCOMPARE(defaultSeconds, 60);
    QCOMPARE(handshakeClients, QStringList{QStringLiteral("confirm-laptop")});

    // Sent with the PUT: the server holds it pending.
    auto pending = await<QList<hm::client::WgPendingChange>>(
        [&](auto done) { api().pendingChanges(done); });
    QVERIFY(pending.ok());
    QCOMPARE(pending.value().size(), 1);
    QCOMPARE(pending.value().first().id, serverId);
    QCOMPARE(pending.value().first().handshakeClientId, clientId);
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(pending.value().first().deadline);
    QVERIFY2(left > 500 && left <= 600, qPrintable(QString::number(left)));

    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    QTRY_VERIFY(banner->text().contains(QLatin1String("\"confirm\"")));
    QVERIFY(banner->text().contains(QLatin1String("roll back at")));
    QVERIFY(banner->text().contains(QLatin1String("left")));
    const QByteArray serverKey = "server." + QByteArray::number(serverId);
    const QByteArray clientKey = "client." + QByteArray::number(clientId);
    auto *keep =
        child<QPushButton>(banner, QByteArray("vpn.pending.keep." + serverKey).constData());
    QVERIFY(keep->isEnabled());
    QCOMPARE(keep->text(), QStringLiteral("Keep changes"));
    // One change: no "Keep all".
    QVERIFY(!child<QPushButton>(banner, "vpn.pending.keepAll")->isVisibleTo(banner));

    // Another change meanwhile: the server's 409, shown in the dialog.
    QString refusal;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.serverDialog"))
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "vpn.server.description")->setText(QStringLiteral("again"));
        child<QPushButton>(dialog, "vpn.server.save")->click();
        auto *error = child<QLabel>(dialog, "vpn.server.error");
        (void)QTest::qWaitFor([&] { return !error->text().isEmpty(); }, 15000);
        refusal = error->text();
        return int(QDialog::Rejected);
    });
    child<QPushButton>(&page, "vpn.editServer")->click();
    QVERIFY2(!refusal.isEmpty(), "the second change was not refused");

    // A change of the client too, with a shorter window: two lines, each
    // with its own deadline and countdown and its own "Keep changes", and
    // "Keep all" beside them.
    hm::client::WgClientChange trialClient;
    trialClient.description = QStringLiteral("second");
    trialClient.confirm.withinSeconds = 300;
    QVERIFY(await<hm::client::WgClientRow>([&](auto done) {
                api().updateClient(clientId, trialClient, done);
            }).ok());
    banner->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(banner->pending().size(), 2, 15000);
    auto *serverLine =
        child<QLabel>(banner, QByteArray("vpn.pending.text." + serverKey).constData());
    auto *clientLine =
        child<QLabel>(banner, QByteArray("vpn.pending.text." + clientKey).constData());
    QTRY_VERIFY(clientLine->text().contains(QLatin1String("\"confirm-laptop\"")));
    QVERIFY(serverLine->text().contains(QLatin1String("\"confirm\"")));
    // Their own countdowns: about ten and about five minutes.
    QVERIFY2(
        serverLine->text().contains(QRegularExpression(QStringLiteral("\\((9|10):\\d\\d left\\)"))),
        qPrintable(serverLine->text()));
    QVERIFY2(
        clientLine->text().contains(QRegularExpression(QStringLiteral("\\((4|5):\\d\\d left\\)"))),
        qPrintable(clientLine->text()));
    QVERIFY(banner->text().split(u'\n').size() == 2);
    // The soonest rollback first: the client's five minutes above the
    // server's ten, in the lines and in pending().
    QVERIFY2(banner->text().split(u'\n').first().contains(QLatin1String("\"confirm-laptop\"")),
             qPrintable(banner->text()));
    QCOMPARE(banner->pending().first().kind, QStringLiteral("client"));
    QCOMPARE(banner->pending().last().kind, QStringLiteral("server"));
    auto *keepAll = child<QPushButton>(banner, "vpn.pending.keepAll");
    QVERIFY(keepAll->isVisibleTo(banner));
    QVERIFY(keepAll->isEnabled());
    // The client's kept alone: the server's change still waits.
    child<QPushButton>(banner, QByteArray("vpn.pending.keep." + clientKey).constData())->click();
    QTRY_COMPARE_WITH_TIMEOUT(banner->pending().size(), 1, 15000);
    QCOMPARE(banner->pending().first().kind, QStringLiteral("server"));
    QVERIFY(banner->isVisible());
    QVERIFY(!keepAll->isVisibleTo(banner));
    pending =
        await<QList<hm::client::WgPendingChange>>([&](auto done) { api().pendingChanges(done); });
    QVERIFY(pending.ok());
    QCOMPARE(pending.value().size(), 1);
    QCOMPARE(pending.value().first().id, serverId);
    // Kept, so not rolled back: the client's description stays.
    auto kept = await<hm::client::WgClientRow>([&](auto done) { api().client(clientId, done); });
    QVERIFY(kept.ok());
    QCOMPARE(kept.value().description, QStringLiteral("second"));

    keep = child<QPushButton>(banner, QByteArray("vpn.pending.keep." + serverKey).constData());
    keep->click();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
    pending = await<QList<hm::client::WgPendingChange>>(
        [&](auto done) { api().pendingChanges(done); });
    QVERIFY(pending.ok());
    QVERIFY(pending.value().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        page.model()->server(page.model()->rowOf(serverId))->listenPort, 51971, 15000);

    // A client's change left unconfirmed for ten seconds rolls back by
    // itself: the banner goes and the old description shows again.
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("vpn.clientDialog"))
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "vpn.client.description")->setText(QStringLiteral("trial"));
        child<QCheckBox>(dialog, "vpn.client.confirm")->setChecked(true);
        child<QSpinBox>(dialog, "vpn.client.confirmSeconds")->setValue(10);
        child<QPushButton>(dialog, "vpn.client.create")->click();
        auto *edited = static_cast<WgClientDialog *>(dialog);
        (void)QTest::qWaitFor([&] { return edited->hasResult(); }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "vpn.editClient")->click();
    WgClientModel *clients = page.clientsPane()->model();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    QTRY_VERIFY(banner->text().contains(QLatin1String("\"confirm-laptop\"")));
    QCOMPARE(clients->clientAt(clients->rowOf(clientId))->description, QStringLiteral("trial"));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 40000);
    QTRY_COMPARE_WITH_TIMEOUT(clients->clientAt(clients->rowOf(clientId))->description,
                              QStringLiteral("second"), 15000);
    QVERIFY(await<void>([&](auto done) { api().removeServer(serverId, done); }).ok());
}

// docs/screenshots: the empty section, the servers with their clients, and
// the dialogs, in every language (only with HIVEMIND_SCREENSHOT_DIR set).
void TestVpnPage::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    deleteAllServers();
    const QStringList languages = {QStringLiteral("en"), QStringLiteral("zh_TW"),
                                   QStringLiteral("zh_CN")};
    ThemeManager themes;
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
    MainWindow::Options options;
    options.persistSettings = false;
    options.themes = &themes;
    const auto save = [&](QWidget *widget, const QString &name) {
        // Nested layouts settle over several passes.
        for (int pass = 0; pass < 5; ++pass)
            QApplication::processEvents();
        QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    };
    const auto openVpn = [&](MainWindow &window) -> VpnPage * {
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) || !window.selectSection(QStringLiteral("vpn")))
            return nullptr;
        auto *page = window.findChild<VpnPage *>(QStringLiteral("page.vpn"));
        if (page)
            page->reload();
        return page;
    };
    for (const QString &language : languages) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        VpnPage *page = openVpn(window);
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 0, 15000);
        save(&window, QStringLiteral("vpn-empty-") + language);
    }
    // Two servers, one running with three clients (one disabled).
    hm::client::WgServerChange office;
    office.name = QStringLiteral("office");
    office.interfaceName = QStringLiteral("wg0");
    office.listenPort = 51820;
    office.ipv4Address = QStringLiteral("10.8.0.1/24");
    office.ipv6Address = QStringLiteral("fd00:8::1/64");
    office.dnsServers = QStringList{QStringLiteral("10.8.0.1")};
    office.endpointHost = QStringLiteral("vpn.example.com");
    office.description = QStringLiteral("Staff laptops and phones");
    auto made =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(office, done); });
    QVERIFY(made.ok());
    hm::client::WgServerChange lab;
    lab.name = QStringLiteral("lab");
    lab.interfaceName = QStringLiteral("wg-lab");
    lab.listenPort = 51821;
    lab.ipv4Address = QStringLiteral("10.9.0.1/24");
    auto madeLab =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(lab, done); });
    QVERIFY(madeLab.ok());
    for (const char *name : {"ana-phone", "ben-laptop", "build-runner"}) {
        hm::client::WgClientChange client;
        client.serverId = made.value().id;
        client.name = QString::fromLatin1(name);
        auto created = await<hm::client::WgCreatedClient>(
            [&](auto done) { api().createClient(client, done); });
        QVERIFY(created.ok());
        if (QLatin1String(name) == QLatin1String("build-runner"))
            QVERIFY(await<hm::client::WgClientRow>([&](auto done) {
                        api().disableClient(created.value().client.id, done);
                    }).ok());
    }
    QVERIFY(await<hm::client::WgRunState>([&](auto done) {
                api().startServer(made.value().id, done);
            }).ok());
    // Every language in the light theme, and English in the dark one.
    bool poolsMade = false;
    for (const auto &[language, dark] :
         {std::pair{QStringLiteral("en"), false}, std::pair{QStringLiteral("zh_TW"), false},
          std::pair{QStringLiteral("zh_CN"), false}, std::pair{QStringLiteral("en"), true}}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        themes.setMode(dark ? ThemeManager::Mode::Dark : ThemeManager::Mode::Light,
                       ThemeManager::Persist::No);
        const QString shot = dark ? language + QStringLiteral("-dark") : language;
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        VpnPage *page = openVpn(window);
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 15000);
        selectServer(page, 0);
        QTRY_COMPARE_WITH_TIMEOUT(page->clientsPane()->model()->rowCount(), 3, 15000);
        selectClient(page, 0);
        WgClientDetail *detail = page->clientsPane()->detail();
        QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);
        save(&window, QStringLiteral("vpn-servers-") + shot);

        // A week of a phone's traffic and where it connected from: fed as
        // the server would answer (a config-only server carries no bytes).
        child<QComboBox>(page, "vpn.detail.range")
            ->setCurrentIndex(int(WgClientDetail::Range::Days7));
        QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);
        detail->showTraffic(screenshotTraffic(detail->lastQuery()));
        const QDateTime now = detail->lastQuery().end;
        detail->showEndpoints(
            {{QStringLiteral("203.0.113.24:51820"), now.addDays(-2), now.addSecs(-40)},
             {QStringLiteral("[2001:db8:4:1::7]:41622"), now.addDays(-5), now.addDays(-2)},
             {QStringLiteral("198.51.100.9:62001"), now.addDays(-6), now.addDays(-5)}});
        save(&window, QStringLiteral("vpn-traffic-") + shot);

        // The lab server has no client yet: what goes there, and the way.
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            if (page->model()->server(row)->name == QLatin1String("lab"))
                selectServer(page, row);
        }
        QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(page, "vpn.clients.empty")->isVisible(), 15000);
        save(&window, QStringLiteral("vpn-clients-empty-") + shot);
        selectServer(page, 0);
        QTRY_COMPARE_WITH_TIMEOUT(page->clientsPane()->model()->rowCount(), 3, 15000);

        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            save(dialog, QStringLiteral("vpn-server-dialog-new-") + shot);
            QTest::mouseClick(child<QPushButton>(dialog, "vpn.server.save"), Qt::LeftButton);
            save(dialog, QStringLiteral("vpn-server-dialog-errors-") + shot);
            child<QLineEdit>(dialog, "vpn.server.name")->setText(QStringLiteral("branch"));
            child<QLineEdit>(dialog, "vpn.server.interface")->setText(QStringLiteral("wg branch"));
            save(dialog, QStringLiteral("vpn-server-dialog-") + shot);
            // The offered subnet is the office's: refused at its field.
            child<QLineEdit>(dialog, "vpn.server.interface")->setText(QStringLiteral("wg-branch"));
            child<QSpinBox>(dialog, "vpn.server.listen_port")->setValue(51830);
            child<QPushButton>(dialog, "vpn.server.save")->click();
            auto *ipv4Error = child<QLabel>(dialog, "vpn.server.ipv4_addressError");
            (void)QTest::qWaitFor([&] { return !ipv4Error->text().isEmpty(); }, 15000);
            save(dialog, QStringLiteral("vpn-server-dialog-refused-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.newServer")->click();

        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            save(dialog, QStringLiteral("vpn-client-dialog-new-") + shot);
            QTest::mouseClick(child<QPushButton>(dialog, "vpn.client.create"), Qt::LeftButton);
            save(dialog, QStringLiteral("vpn-client-dialog-errors-") + shot);
            child<QLineEdit>(dialog, "vpn.client.name")->setText(QStringLiteral("cara-") + shot);
            save(dialog, QStringLiteral("vpn-client-dialog-") + shot);
            child<QPushButton>(dialog, "vpn.client.create")->click();
            auto *created = static_cast<WgClientDialog *>(dialog);
            (void)QTest::qWaitFor([&] { return created->hasResult(); }, 15000);
            save(dialog, QStringLiteral("vpn-client-config-") + shot);
            return int(QDialog::Accepted);
        });
        child<QPushButton>(page, "vpn.newClient")->click();

        // A one-time link to ana-phone's config, made in its dialog (and
        // revoked again: the next language starts with none).
        selectClient(page, 0);
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            auto *share = static_cast<WgShareLinkDialog *>(dialog);
            (void)QTest::qWaitFor([&] { return share->linksLoaded(); }, 15000);
            child<QPushButton>(dialog, "vpn.share.create")->click();
            (void)QTest::qWaitFor([&] { return share->links().size() == 1; }, 15000);
            save(dialog, QStringLiteral("vpn-share-") + shot);
            child<QPushButton>(dialog, "vpn.share.revoke")->click();
            (void)QTest::qWaitFor([&] { return share->links().isEmpty(); }, 15000);
            return int(QDialog::Accepted);
        });
        child<QPushButton>(page, "vpn.shareLink")->click();

        // The edit dialog's commit-confirm option, turned on.
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QSpinBox>(dialog, "vpn.server.listen_port")->setValue(51830);
            child<QCheckBox>(dialog, "vpn.server.confirm")->setChecked(true);
            auto *clients = child<QComboBox>(dialog, "vpn.server.confirmClient");
            (void)QTest::qWaitFor([&] { return clients->count() > 0; }, 15000);
            child<QCheckBox>(dialog, "vpn.server.confirmByHandshake")->setChecked(true);
            save(dialog, QStringLiteral("vpn-pending-dialog-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.editServer")->click();

        // A change of the lab server and one of a client awaiting
        // confirmation: the banner over the list, a line each with its own
        // countdown and button, and "Keep all"; kept again through the API.
        hm::client::WgServerChange trial;
        trial.description = QStringLiteral("Lab hosts (") + language + u')';
        trial.confirm.withinSeconds = 300;
        QVERIFY(await<hm::client::WgServerRow>([&](auto done) {
                    api().updateServer(madeLab.value().id, trial, done);
                }).ok());
        const hm::client::WgClientRow *firstDevice = page->clientsPane()->model()->clientAt(0);
        QVERIFY(firstDevice);
        const qint64 deviceId = firstDevice->id;
        hm::client::WgClientChange deviceTrial;
        deviceTrial.description = QStringLiteral("Trial (") + language + u')';
        deviceTrial.confirm.withinSeconds = 120;
        QVERIFY(await<hm::client::WgClientRow>([&](auto done) {
                    api().updateClient(deviceId, deviceTrial, done);
                }).ok());
        page->pendingBanner()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page->pendingBanner()->isVisible(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page->pendingBanner()->pending().size(), 2, 15000);
        QTRY_VERIFY(page->pendingBanner()->text().contains(QLatin1String("lab")));
        // Both names read (not "client #n" in any language).
        QTRY_VERIFY(!page->pendingBanner()->text().contains(u'#'));
        // And their lines laid out: a grab in between caught the second
        // line's button cut (the Chinese lines are taller).
        auto *lines = child<QScrollArea>(page, "vpn.pending.lines");
        QTRY_VERIFY(lines->widget()->sizeHint().height() <= lines->viewport()->height());
        save(&window, QStringLiteral("vpn-pending-") + shot);
        QVERIFY(await<void>([&](auto done) {
                    api().confirmChange(QStringLiteral("server"), madeLab.value().id, done);
                }).ok());
        QVERIFY(await<void>([&](auto done) {
                    api().confirmChange(QStringLiteral("client"), deviceId, done);
                }).ok());
        page->pendingBanner()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!page->pendingBanner()->isVisible(), 15000);
        if (!poolsMade) {
            poolsMade = true;
            // A pool with delegations and a BGP session (no BIRD here).
            hm::client::Ipv6PoolsApi pools(*m_server.connection->client());
            hm::client::Ipv6PoolChange pool;
            pool.name = QStringLiteral("customers");
            pool.prefix = QStringLiteral("2001:db8:100::/40");
            pool.prefixLength = 56;
            pool.reservedPrefixes = 1;
            pool.description = QStringLiteral("Branch routers");
            auto madePool = await<hm::client::Ipv6PoolRow>(
                [&](auto done) { pools.createPool(pool, done); });
            QVERIFY(madePool.ok());
            pool.name = QStringLiteral("lab-hosts");
            pool.prefix = QStringLiteral("2001:db8:8000::/33");
            pool.prefixLength = 128;
            pool.reservedPrefixes = 0;
            pool.description = QStringLiteral("Every lab host");
            pool.status = QStringLiteral("disabled"); // greyed in the list
            QVERIFY(await<hm::client::Ipv6PoolRow>([&](auto done) {
                        pools.createPool(pool, done);
                    }).ok());
            WgClientModel *devices = page->clientsPane()->model();
            for (int i = 0; i < devices->rowCount(); ++i) {
                const QString name = devices->clientAt(i)->name;
                if (name != QLatin1String("ana-phone") && name != QLatin1String("ben-laptop"))
                    continue;
                hm::client::Ipv6AllocationRequest request;
                request.poolId = madePool.value().id;
                request.clientId = devices->clientAt(i)->id;
                request.description = QStringLiteral("Delegated to the device");
                // One for a month only: the Expires column.
                if (name == QLatin1String("ben-laptop"))
                    request.expiresAt = QDateTime::currentDateTimeUtc().addDays(30);
                QVERIFY(await<hm::client::Ipv6AllocationRow>([&](auto done) {
                            pools.allocate(request, done);
                        }).ok());
            }
            hm::client::BgpApi bgp(*m_server.connection->client());
            hm::client::BgpSessionChange session;
            session.name = QStringLiteral("upstream_a");
            session.neighbor = QStringLiteral("2001:db8:ff::1");
            session.remoteAs = 64600;
            session.localAs = 65001;
            session.description = QStringLiteral("Transit");
            QVERIFY(await<hm::client::BgpSessionRow>([&](auto done) {
                        bgp.createSession(session, done);
                    }).ok());
            const QList<QStringList> announced{
                {QStringLiteral("198.51.100.0/24"), QStringLiteral("Office NAT range")},
                {QStringLiteral("2001:db8:f000::/36"), QStringLiteral("Anycast DNS")}};
            for (const QStringList &a : announced)
                QVERIFY(await<hm::client::BgpAnnouncement>([&](auto done) {
                            bgp.announce(a.at(0), a.at(1), done);
                        }).ok());
        }
        auto *tabs = child<QTabWidget>(page, "vpn.tabs");
        tabs->setCurrentIndex(1);
        QTRY_COMPARE_WITH_TIMEOUT(page->poolsPane()->pools()->rowCount(), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page->poolsPane()->allocations()->rowCount(), 2, 15000);
        save(&window, QStringLiteral("vpn-pools-") + shot);
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            save(dialog, QStringLiteral("vpn-pools-dialog-new-") + shot); // nothing in red
            child<QLineEdit>(dialog, "vpn.pool.prefix")->setText(QStringLiteral("2001:db8::1/48"));
            save(dialog, QStringLiteral("vpn-pools-dialog-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.pools.new")->click();
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            child<QCheckBox>(dialog, "vpn.delegate.expires")->setChecked(true);
            QApplication::processEvents();
            save(dialog, QStringLiteral("vpn-pools-delegate-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.pools.delegate")->click();
        tabs->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(page->bgpPane()->sessions()->rowCount(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(page->bgpPane()->announcements()->model()->rowCount(), 2, 15000);
        save(&window, QStringLiteral("vpn-bgp-") + shot);
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            // Host bits: the dialog says what is wrong as it is typed.
            child<QLineEdit>(dialog, "vpn.bgp.announcements.prefix")
                ->setText(QStringLiteral("203.0.113.9/24"));
            child<QLineEdit>(dialog, "vpn.bgp.announcements.description")
                ->setText(QStringLiteral("Lab"));
            save(dialog, QStringLiteral("vpn-bgp-announce-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.bgp.announcementsAnnounce")->click();
        DialogSeam::setNextHandler([&](QDialog *dialog) {
            dialog->show();
            save(dialog, QStringLiteral("vpn-bgp-dialog-") + shot);
            return int(QDialog::Rejected);
        });
        child<QPushButton>(page, "vpn.bgp.edit")->click();
        tabs->setCurrentIndex(0);
        // The next language's list shows the same three clients.
        WgClientModel *clients = page->clientsPane()->model();
        for (int row = 0; row < clients->rowCount(); ++row) {
            if (clients->clientAt(row)->name.startsWith(QLatin1String("cara-"))) {
                const qint64 id = clients->clientAt(row)->id;
                QVERIFY(await<void>([&](auto done) { api().removeClient(id, done); }).ok());
            }
        }
    }
    themes.setMode(ThemeManager::Mode::Light, ThemeManager::Persist::No);
}

QTEST_MAIN(TestVpnPage)
#include "TestVpnPage.moc"
