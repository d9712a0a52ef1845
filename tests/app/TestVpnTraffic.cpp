// The WireGuard clients' traffic in the VPN section (issue 36, point 9):
// - unit level, without a server: WgTrafficSeries turns an answer of
//   GET …/traffic into points (quiet buckets as zero, the byte unit);
//   WgTrafficChart draws one, or says why it does not; WgEndpointModel
//   under QAbstractItemModelTester;
// - the page against a real in-process server (config-only backend): the
//   detail under the clients' table follows the selection (the server's
//   clients summed, then one client), the range picker changes the range
//   asked for, an empty history and an empty endpoint list say so in
//   words, and the minute's re-read runs only while the detail is seen.
// A config-only server carries no bytes and sees no endpoint, and this
// test has no access to the server's database: the rendering of real
// buckets and endpoints in the page is checked by feeding parsed answers
// into the detail (WgClientDetail::showTraffic / showEndpoints), the path
// the server's answers take.

#include "AdminTestSupport.h"
#include "client/WireGuardApi.h"
#include "shell/MainWindow.h"
#include "vpn/VpnPage.h"
#include "vpn/WgClientDetail.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgClientsPane.h"
#include "vpn/WgEndpointModel.h"
#include "vpn/WgServerModel.h"
#include "vpn/WgTrafficChart.h"
#include "vpn/WgTrafficSeries.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QTableView>

using namespace hm::app;
using namespace admintest;

namespace {

constexpr qint64 kTrafficTestMinute = 60'000;

QDateTime trafficTestUtc(int hour, int minute, int second = 0, int ms = 0)
{
    return QDateTime(QDate(2026, 11, 27), QTime(hour, minute, second, ms), Qt::UTC);
}

// An hour of 1-minute buckets with traffic in two of them.
hm::client::WgTraffic trafficTestHour()
{
    hm::client::WgTraffic t;
    t.tier = QStringLiteral("1m");
    t.bucketSeconds = 60;
    t.start = trafficTestUtc(10, 0, 30, 250);
    t.end = trafficTestUtc(11, 0, 30, 250);
    t.totalRxBytes = 5LL * 1024 * 1024 * 1024;
    t.totalTxBytes = 7;
    t.items = {{trafficTestUtc(10, 5), 1000, 2000}, {trafficTestUtc(10, 30), 3 * 1024 * 1024, 0}};
    return t;
}

int trafficTestRowOf(WgClientModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->clientAt(row)->name == name)
            return row;
    }
    return -1;
}

} // namespace

class TestVpnTraffic : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestVpnTraffic")); }
    void cleanupTestCase() { m_server.stop(); }
    void seriesFillsQuietBucketsWithZero();
    void chartDrawsAnAnswerOrSaysWhy();
    void endpointModelUnderTester();
    void detailFollowsTheSelectionAndTheRange();
    void detailFitsTheSmallestWindow();

private:
    hm::client::WireGuardApi api()
    {
        return hm::client::WireGuardApi(*m_server.connection->client());
    }
    AdminServer m_server;
};

void TestVpnTraffic::seriesFillsQuietBucketsWithZero()
{
    const hm::client::WgTraffic t = trafficTestHour();
    const WgTrafficSeries s =
        WgTrafficSeries::from(t, t.start.toMSecsSinceEpoch(), t.end.toMSecsSinceEpoch());
    // 10:00 (the bucket the range starts in) to 11:00: 61 buckets.
    QCOMPARE(s.received().size(), 61);
    QCOMPARE(s.sent().size(), 61);
    QCOMPARE(qint64(s.received().first().x()), trafficTestUtc(10, 0).toMSecsSinceEpoch());
    QCOMPARE(qint64(s.received().last().x()), trafficTestUtc(11, 0).toMSecsSinceEpoch());
    QCOMPARE(s.received().at(5).y(), 1000.0);
    QCOMPARE(s.sent().at(5).y(), 2000.0);
    QCOMPARE(s.received().at(30).y(), 3.0 * 1024 * 1024);
    QCOMPARE(s.received().at(6).y(), 0.0);
    QCOMPARE(qint64(s.received().at(6).x() - s.received().at(5).x()), kTrafficTestMinute);
    QCOMPARE(s.maxBytes(), 3LL * 1024 * 1024);
    QCOMPARE(s.receivedBytes(), 3LL * 1024 * 1024 + 1000);
    QCOMPARE(s.sentBytes(), 2000);
    QCOMPARE(s.totalReceived(), 5LL * 1024 * 1024 * 1024);
    QVERIFY(s.hasTraffic());

    QCOMPARE(QLatin1String(WgTrafficSeries::byteUnitFor(0).name), QLatin1String("B"));
    QCOMPARE(QLatin1String(WgTrafficSeries::byteUnitFor(1023).name), QLatin1String("B"));
    QCOMPARE(QLatin1String(WgTrafficSeries::byteUnitFor(1024).name), QLatin1String("KiB"));
    QCOMPARE(QLatin1String(WgTrafficSeries::byteUnitFor(3.0 * 1024 * 1024).name),
             QLatin1String("MiB"));
    QCOMPARE(QLatin1String(WgTrafficSeries::byteUnitFor(2.0 * 1024 * 1024 * 1024).name),
             QLatin1String("GiB"));

    // Nothing in the range: points all zero, no traffic.
    hm::client::WgTraffic quiet = t;
    quiet.items.clear();
    const WgTrafficSeries none =
        WgTrafficSeries::from(quiet, t.start.toMSecsSinceEpoch(), t.end.toMSecsSinceEpoch());
    QVERIFY(!none.hasTraffic());
    QCOMPARE(none.maxBytes(), 0);
}

void TestVpnTraffic::chartDrawsAnAnswerOrSaysWhy()
{
    WgTrafficChart chart;
    chart.resize(640, 260);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const hm::client::WgTraffic t = trafficTestHour();
    chart.showSeries(
        WgTrafficSeries::from(t, t.start.toMSecsSinceEpoch(), t.end.toMSecsSinceEpoch()),
        QStringLiteral("No traffic in this period."));
    QVERIFY(chart.isShowingChart());
    QVERIFY(chart.message().isEmpty());
    QVERIFY(chart.view()->isVisible());
    // The axis is the range asked for; the bytes in MiB (3 MiB at most).
    QCOMPARE(chart.axisStartMs(), t.start.toMSecsSinceEpoch());
    QCOMPARE(chart.axisEndMs(), t.end.toMSecsSinceEpoch());
    QCOMPARE(chart.unitName(), QStringLiteral("MiB"));
    QCOMPARE(chart.title(), QStringLiteral("Bytes received and sent per minute (MiB)"));
    const QList<QAbstractSeries *> lines = chart.view()->chart()->series();
    QCOMPARE(lines.size(), 2);
    auto *received = qobject_cast<QLineSeries *>(lines.at(0));
    QVERIFY(received);
    QCOMPARE(received->name(), QStringLiteral("Received"));
    QCOMPARE(received->count(), 61);
    QCOMPARE(received->at(30).y(), 3.0); // MiB

    // An answer without buckets: words, not an empty plot.
    hm::client::WgTraffic quiet = t;
    quiet.items.clear();
    chart.showSeries(
        WgTrafficSeries::from(quiet, t.start.toMSecsSinceEpoch(), t.end.toMSecsSinceEpoch()),
        QStringLiteral("No traffic in this period."));
    QVERIFY(!chart.isShowingChart());
    QCOMPARE(chart.message(), QStringLiteral("No traffic in this period."));
    QCOMPARE(chart.title(), QStringLiteral("Bytes received and sent"));
    auto *message = chart.findChild<QLabel *>(QStringLiteral("vpn.traffic.message"));
    QVERIFY(message && message->isVisible());
    QVERIFY(!chart.view()->isVisible());
}

void TestVpnTraffic::endpointModelUnderTester()
{
    WgEndpointModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setEndpoints(
        {{QStringLiteral("203.0.113.5:51820"), trafficTestUtc(9, 0), trafficTestUtc(10, 59)},
         {QStringLiteral("[2001:db8::5]:40000"), trafficTestUtc(8, 0), trafficTestUtc(8, 30)}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(WgEndpointModel::ColumnCount));
    QCOMPARE(model.index(0, WgEndpointModel::EndpointColumn).data().toString(),
             QStringLiteral("203.0.113.5:51820"));
    QCOMPARE(model.index(1, WgEndpointModel::EndpointColumn).data().toString(),
             QStringLiteral("[2001:db8::5]:40000"));
    QVERIFY(!model.index(0, WgEndpointModel::LastSeenColumn).data().toString().isEmpty());
    QCOMPARE(model.headerData(WgEndpointModel::FirstSeenColumn, Qt::Horizontal).toString(),
             QStringLiteral("First seen"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestVpnTraffic::detailFollowsTheSelectionAndTheRange()
{
    hm::client::WgServerChange change;
    change.name = QStringLiteral("metered");
    change.interfaceName = QStringLiteral("wg-metered");
    change.listenPort = 51890;
    change.ipv4Address = QStringLiteral("10.90.0.1/24");
    auto server =
        await<hm::client::WgServerRow>([&](auto done) { api().createServer(change, done); });
    QVERIFY(server.ok());
    for (const char *name : {"tv", "nas"}) {
        hm::client::WgClientChange client;
        client.serverId = server.value().id;
        client.name = QString::fromLatin1(name);
        QVERIFY(await<hm::client::WgCreatedClient>([&](auto done) {
                    api().createClient(client, done);
                }).ok());
    }

    VpnPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    page.resize(1200, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(server.value().id) >= 0, 15000);
    child<QTableView>(&page, "vpn.servers")->selectRow(page.model()->rowOf(server.value().id));
    WgClientsPane *pane = page.clientsPane();
    QAbstractItemModelTester tester(pane->detail()->endpoints(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 2, 15000);

    // Nothing selected: the server's clients summed, the last 24 hours.
    WgClientDetail *detail = pane->detail();
    QVERIFY(detail->isVisible());
    QCOMPARE(detail->clientId(), 0);
    QCOMPARE(child<QLabel>(&page, "vpn.detail.title")->text(),
             QStringLiteral("Traffic of all clients of metered"));
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading(), 15000);
    QVERIFY(detail->chart()->message().startsWith(u"No traffic in this period."));
    QCOMPARE(detail->lastQuery().start.msecsTo(detail->lastQuery().end), 24 * 3600'000LL);
    QVERIFY(detail->lastQuery().tier.isEmpty()); // the server picks it
    QCOMPARE(child<QLabel>(&page, "vpn.detail.endpointsMessage")->text(),
             QStringLiteral("Select a client to see where it connected from."));
    QVERIFY(child<QLabel>(&page, "vpn.detail.totals")->text().contains(u"received 0 bytes"));
    QVERIFY(detail->isRefreshing());
    // The table's totals, named as the interface's counters are.
    QCOMPARE(
        pane->model()->headerData(WgClientModel::TotalReceivedColumn, Qt::Horizontal).toString(),
        QStringLiteral("Total received"));
    QCOMPARE(pane->model()->index(0, WgClientModel::TotalSentColumn).data().toString(),
             QStringLiteral("0 bytes"));

    // A client selected: its traffic and endpoints (none without a tunnel).
    const int tv = trafficTestRowOf(pane->model(), QStringLiteral("tv"));
    QVERIFY(tv >= 0);
    child<QTableView>(&page, "vpn.clients")->selectRow(tv);
    QCOMPARE(detail->clientId(), pane->model()->clientAt(tv)->id);
    QCOMPARE(child<QLabel>(&page, "vpn.detail.title")->text(), QStringLiteral("Traffic of tv"));
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);
    QVERIFY(detail->chart()->message().startsWith(u"No traffic in this period."));
    QCOMPARE(child<QLabel>(&page, "vpn.detail.endpointsMessage")->text(),
             QStringLiteral("Not connected yet: no endpoint seen."));

    // The range picker asks for the range it names.
    auto *range = child<QComboBox>(&page, "vpn.detail.range");
    QCOMPARE(range->currentText(), QStringLiteral("Last 24 hours"));
    const QDateTime before = detail->lastQuery().end;
    range->setCurrentIndex(int(WgClientDetail::Range::Days7));
    QCOMPARE(detail->lastQuery().start.msecsTo(detail->lastQuery().end), 7 * 24 * 3600'000LL);
    QVERIFY(detail->lastQuery().end >= before);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading(), 15000);
    QVERIFY(detail->chart()->message().startsWith(u"No traffic in this period."));
    QVERIFY(detail->chart()->message().contains(u"longer range"));
    range->setCurrentIndex(int(WgClientDetail::Range::Year1));
    QCOMPARE(detail->lastQuery().start.msecsTo(detail->lastQuery().end), 365 * 24 * 3600'000LL);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading(), 15000);
    // Nothing longer to suggest.
    QCOMPARE(detail->chart()->message(), QStringLiteral("No traffic in this period."));
    range->setCurrentIndex(int(WgClientDetail::Range::Hour1));
    QCOMPARE(detail->lastQuery().start.msecsTo(detail->lastQuery().end), 3600'000LL);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);

    // What a tunnel would have carried, as the server answers it (fed:
    // see the file's comment): the chart over the range asked for, the
    // totals, the endpoints in the list.
    hm::client::WgTraffic traffic;
    traffic.tier = QStringLiteral("1m");
    traffic.bucketSeconds = 60;
    traffic.start = detail->lastQuery().start;
    traffic.end = detail->lastQuery().end;
    traffic.totalRxBytes = 3LL * 1024 * 1024 * 1024;
    traffic.totalTxBytes = 1024;
    const qint64 bucket =
        traffic.end.toMSecsSinceEpoch() / kTrafficTestMinute * kTrafficTestMinute -
        10 * kTrafficTestMinute;
    traffic.items = {{QDateTime::fromMSecsSinceEpoch(bucket, Qt::UTC), 2 * 1024 * 1024, 512}};
    detail->showTraffic(traffic);
    QVERIFY(detail->chart()->isShowingChart());
    QVERIFY(detail->chart()->view()->isVisible());
    QCOMPARE(detail->chart()->axisStartMs(), traffic.start.toMSecsSinceEpoch());
    QCOMPARE(detail->chart()->axisEndMs(), traffic.end.toMSecsSinceEpoch());
    QCOMPARE(detail->chart()->unitName(), QStringLiteral("MiB"));
    const QString totals = child<QLabel>(&page, "vpn.detail.totals")->text();
    // Sizes read as in every other panel (ByteSizeText): "2 MiB", not "2.0 MiB".
    QVERIFY2(totals.contains(u"received 2 MiB") && totals.contains(u"sent 512 bytes") &&
                 totals.contains(u"received 3 GiB") && totals.contains(u"sent 1 KiB"),
             qPrintable(totals));
    detail->showEndpoints(
        {{QStringLiteral("198.51.100.7:51820"), QDateTime::currentDateTimeUtc().addDays(-2),
          QDateTime::currentDateTimeUtc()}});
    auto *endpoints = child<QTableView>(&page, "vpn.detail.endpoints");
    QVERIFY(endpoints->isVisible());
    QCOMPARE(endpoints->model()->rowCount(), 1);
    QCOMPARE(endpoints->model()->index(0, WgEndpointModel::EndpointColumn).data().toString(),
             QStringLiteral("198.51.100.7:51820"));

    // Another client: its own reads, the old answer gone.
    const int nas = trafficTestRowOf(pane->model(), QStringLiteral("nas"));
    child<QTableView>(&page, "vpn.clients")->selectRow(nas);
    QCOMPARE(detail->clientId(), pane->model()->clientAt(nas)->id);
    QVERIFY(!detail->chart()->isShowingChart());
    QCOMPARE(detail->endpoints()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);
    QVERIFY(detail->chart()->message().startsWith(u"No traffic in this period."));
    QCOMPARE(detail->lastQuery().start.msecsTo(detail->lastQuery().end), 3600'000LL);

    // Hidden, it asks nothing.
    page.hide();
    QVERIFY(!detail->isRefreshing());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(detail->isRefreshing());
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading(), 15000);
}

// TestSectionFit sees the VPN section without servers; here the smallest
// window (1024x640) with a server and a client selected: the range picker
// whole and inside the window, the chart and the endpoints with room.
void TestVpnTraffic::detailFitsTheSmallestWindow()
{
    MainWindow::Options options;
    options.persistSettings = false;
    MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
    window.resize(1024, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(1024, 640);
    QVERIFY(window.selectSection(QStringLiteral("vpn")));
    auto *page = window.findChild<VpnPage *>(QStringLiteral("page.vpn"));
    QVERIFY(page);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 15000);
    child<QTableView>(page, "vpn.servers")->selectRow(0);
    WgClientsPane *pane = page->clientsPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->rowCount() > 0, 15000);
    child<QTableView>(page, "vpn.clients")->selectRow(0);
    WgClientDetail *detail = pane->detail();
    QTRY_VERIFY_WITH_TIMEOUT(!detail->isLoading() && detail->endpointsLoaded(), 15000);
    detail->showTraffic(trafficTestHour());
    QApplication::processEvents();
    const auto whole = [&window](QWidget *w) {
        const QRect rect(w->mapTo(&window, QPoint(0, 0)), w->size());
        QRect seen = rect;
        for (QWidget *p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget())
            seen &= QRect(p->mapTo(&window, QPoint(0, 0)), p->size());
        return seen == rect && window.rect().contains(rect);
    };
    auto *range = child<QComboBox>(page, "vpn.detail.range");
    QVERIFY(range->isVisible());
    QVERIFY2(whole(range), "the range picker is cut off");
    QVERIFY2(detail->chart()->view()->height() >= 100,
             qPrintable(QString::number(detail->chart()->view()->height())));
    QVERIFY(child<QTableView>(page, "vpn.clients")->height() >= 60);
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(dir + QStringLiteral("/fit-vpn-traffic.png"));
}

QTEST_MAIN(TestVpnTraffic)
#include "TestVpnTraffic.moc"
