// The VPN section's clients pane with 10,000 clients (issue 36, item 9: the
// server detail with its clients stays smooth: console CPU < 25 % of one
// core, scrolling frame p95 < 16 ms). A real hivemind-server over loopback
// with the config-only WireGuard backend (files only, no interface); one
// WireGuard server with 10,000 clients made in one request through the
// API's import of a wg-quick file (POST /wireguard/servers/import: 10,000
// [Peer] sections, keys generated here), plus an empty server to switch
// from. The console is the real VpnPage.
//
//   QT_QPA_PLATFORM=offscreen BenchVpnClients [--clients N] [--seconds S]
//
// Prints, each with the load average:
// - the import's time;
// - opening the server detail: from selecting the server (coming from the
//   empty one) to the end of the first paint of the clients table with
//   rows, and to its status applied; median and max of 5;
// - idle with the pane open and live: the console process's CPU (utime +
//   stime, every thread) over S seconds while the pane refreshes itself
//   every 5 s (the pages shown and GET …/status) and, because the
//   config-only backend reports no peers, a status of every client (the
//   JSON a kernel backend answers: endpoint, handshake, counters) parsed
//   and applied to the model every 5 s besides, as the pane's read ends;
// - that status's parse and apply alone (median of 5);
// - scrolling: a wheel notch (three rows) every 16 ms through all the
//   clients (pages read as the table reaches its end, as a user's scrolling
//   does; ListScrollBench.h), frame (notch + synchronous repaint) p50 /
//   p95 / max, rows held at the end.
// Figures: docs/benchmarks.md, "The VPN clients pane with 10,000 clients".
// Timings are never asserted.

#include "ListScrollBench.h"
#include "PaintProbe.h"
#include "client/WireGuardTypes.h"
#include "crypto/WireGuardKeys.h"
#include "vpn/VpnPage.h"
#include "vpn/WgClientModel.h"
#include "vpn/WgClientsPane.h"
#include "vpn/WgServerModel.h"

#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QTableView>
#include <QTimer>

using namespace hm::app;
using namespace hm::bench;

namespace {

int vpnBenchFail(const QString &what)
{
    return benchFail("BenchVpnClients", what);
}

// The client's address: 10.64.0.2, 10.64.0.3, … inside 10.64.0.0/18.
QString vpnBenchAddress(int i)
{
    const int host = i + 2;
    return QStringLiteral("10.64.%1.%2").arg(host / 256).arg(host % 256);
}

// The status a kernel backend answers for `keys`: every peer seen, with a
// handshake, an endpoint and counters that move with `round`.
QByteArray vpnBenchStatusJson(qint64 serverId, const QStringList &keys, int round)
{
    QJsonArray peers;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const double rx = double(1000 * (i + 1) + 512 * round);
        peers.append(QJsonObject{
            {QStringLiteral("public_key"), keys[i]},
            {QStringLiteral("client_id"), QJsonValue()},
            {QStringLiteral("allowed_ips"), vpnBenchAddress(int(i)) + QStringLiteral("/32")},
            {QStringLiteral("endpoint"),
             QStringLiteral("198.51.100.%1:%2").arg(i % 250 + 1).arg(40000 + i % 20000)},
            {QStringLiteral("latest_handshake"), now},
            {QStringLiteral("transfer_rx"), rx},
            {QStringLiteral("transfer_tx"), rx * 3},
            {QStringLiteral("total_rx_bytes"), rx * 10},
            {QStringLiteral("total_tx_bytes"), rx * 30}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), serverId},
                                     {QStringLiteral("name"), QStringLiteral("bench")},
                                     {QStringLiteral("interface"), QStringLiteral("wg-bench")},
                                     {QStringLiteral("backend"), QStringLiteral("linux-kernel")},
                                     {QStringLiteral("status"), QStringLiteral("running")},
                                     {QStringLiteral("clients"), peers}})
        .toJson(QJsonDocument::Compact);
}

// What the pane does with a status answer: parse it, apply it.
void vpnBenchApplyStatus(WgClientModel *model, const QByteArray &json)
{
    model->setStatus(hm::client::json::wgServerStatus(QJsonDocument::fromJson(json).object()));
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const int count = benchArgument(args, "--clients", 10000);
    const int seconds = benchArgument(args, "--seconds", 30);
    QApplication app(argc, argv);
    std::printf("platform %s, %d clients, %d s a phase; load at start %s\n",
                qPrintable(QGuiApplication::platformName()), count, seconds,
                qPrintable(loadAverage()));
    std::fflush(stdout);

    BenchServer server;
    if (const QString failure =
            server.start({QStringLiteral("--wireguard-backend"), QStringLiteral("config-only")});
        !failure.isEmpty())
        return vpnBenchFail(failure);

    // One server with `count` clients, through the import of a wg-quick file.
    QElapsedTimer phase;
    phase.start();
    QStringList keys;
    QString config = QStringLiteral("[Interface]\nAddress = 10.64.0.1/18\nListenPort = 51820\n"
                                    "PrivateKey = %1\n")
                         .arg(QString::fromLatin1(hm::crypto::wireGuardSecretToBase64(
                             hm::crypto::generateWireGuardKeyPair().privateKey)));
    for (int i = 0; i < count; ++i) {
        keys << hm::crypto::wireGuardKeyToBase64(hm::crypto::generateWireGuardKeyPair().publicKey);
        config += QStringLiteral("[Peer]\nPublicKey = %1\nAllowedIPs = %2/32\n")
                      .arg(keys.last(), vpnBenchAddress(i));
    }
    const double generated = double(phase.elapsed());
    phase.restart();
    const Answer imported = server.http->json(
        "POST", QStringLiteral("/api/v1/wireguard/servers/import"),
        {{"config", config}, {"name", "bench"}, {"interface", "wg-bench"}}, server.token);
    if (imported.status != 201)
        return vpnBenchFail(QStringLiteral("import: ") + QString::fromUtf8(imported.raw.left(400)));
    const qint64 benchId = imported.data().value("server").toObject().value("id").toInteger();
    report("seeded", QStringLiteral("%1 clients imported in one request in %2 (file of %3 KiB, "
                                    "keys generated in %4)")
                         .arg(imported.data().value("clients").toArray().size())
                         .arg(ms(double(phase.elapsed())))
                         .arg(double(config.size()) / 1024, 0, 'f', 0)
                         .arg(ms(generated)));
    if (server.http
            ->send("POST", QStringLiteral("/api/v1/wireguard/servers/%1/start").arg(benchId), {},
                   Http::bearer(server.token))
            .status != 200)
        return vpnBenchFail(QStringLiteral("the bench server did not start"));
    const Answer empty = server.http->json("POST", QStringLiteral("/api/v1/wireguard/servers"),
                                           {{"name", "empty"},
                                            {"interface", "wg-empty"},
                                            {"listen_port", 51821},
                                            {"ipv4_address", "10.65.0.1/24"}},
                                           server.token);
    if (empty.status != 201)
        return vpnBenchFail(QStringLiteral("empty server: ") + QString::fromUtf8(empty.raw));
    const qint64 emptyId = empty.data().value("id").toInteger();

    // The console: the VPN section, the WireGuard tab.
    VpnPage page;
    page.resize(1280, 800);
    page.setSession(&server.client, server.admin);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return vpnBenchFail(QStringLiteral("the page was not exposed"));
    if (!QTest::qWaitFor([&] { return page.model()->rowCount() == 2; }, 60000))
        return vpnBenchFail(QStringLiteral("the servers were not listed"));
    auto *servers = page.findChild<QTableView *>(QStringLiteral("vpn.servers"));
    auto *view = page.findChild<QTableView *>(QStringLiteral("vpn.clients"));
    WgClientModel *model = page.clientsPane()->model();
    const auto selectServer = [&](qint64 id) { servers->selectRow(page.model()->rowOf(id)); };

    // Opening the server detail, from the empty server, 5 times.
    std::vector<double> toRows;
    std::vector<double> toStatus;
    int rowsAtFirstPaint = 0;
    for (int run = 0; run < 5; ++run) {
        selectServer(emptyId);
        if (!QTest::qWaitFor([&] { return model->rowCount() == 0 && model->total() == 0; }, 30000))
            return vpnBenchFail(QStringLiteral("the empty server's detail did not show"));
        QTest::qWait(300);
        PaintProbe probe(view->viewport());
        probe.arm([&] { return model->rowCount() > 0; });
        bool statusSeen = false;
        qint64 statusAt = 0;
        const QMetaObject::Connection live = QObject::connect(
            model, &QAbstractItemModel::dataChanged, model, [&](const QModelIndex &from) {
                // setStatus: the live columns only, from the first row.
                if (!statusSeen && from.row() == 0 &&
                    from.column() == WgClientModel::EndpointColumn) {
                    statusSeen = true;
                    statusAt = PaintProbe::nowNs();
                }
            });
        const qint64 start = PaintProbe::nowNs();
        selectServer(benchId);
        if (!QTest::qWaitFor([&] { return probe.painted() && statusSeen; }, 60000))
            return vpnBenchFail(QStringLiteral("the clients did not show"));
        QObject::disconnect(live);
        toRows.push_back(double(probe.paintedAtNs() - start) / 1e6);
        toStatus.push_back(double(statusAt - start) / 1e6);
        rowsAtFirstPaint = model->rowCount();
    }
    report("open the server detail: first rows painted",
           QStringLiteral("median %1, max %2 (%3 of %4 rows held then)")
               .arg(ms(percentile(toRows, 50)), ms(maximum(toRows)))
               .arg(rowsAtFirstPaint)
               .arg(model->total()));
    report("open the server detail: status applied",
           QStringLiteral("median %1, max %2")
               .arg(ms(percentile(toStatus, 50)), ms(maximum(toStatus))));

    // A status of every client, parsed and applied (what a kernel backend's
    // answer costs the console).
    {
        std::vector<double> applies;
        for (int round = 0; round < 5; ++round) {
            const QByteArray json = vpnBenchStatusJson(benchId, keys, round);
            const double cpuStart = threadCpuMs();
            vpnBenchApplyStatus(model, json);
            view->viewport()->repaint();
            applies.push_back(threadCpuMs() - cpuStart);
        }
        report("a status of every client: parse + apply + repaint (UI thread CPU)",
               QStringLiteral("median %1, max %2, %3 KiB of JSON")
                   .arg(ms(percentile(applies, 50)), ms(maximum(applies)))
                   .arg(double(vpnBenchStatusJson(benchId, keys, 0).size()) / 1024, 0, 'f', 0));
    }

    // Idle with the pane open and live.
    int round = 0;
    QTimer feed;
    QObject::connect(&feed, &QTimer::timeout, &feed, [&] {
        vpnBenchApplyStatus(model, vpnBenchStatusJson(benchId, keys, ++round));
    });
    int pageReads = 0;
    QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                     [&](const QModelIndex &from, const QModelIndex &to) {
                         if (from.column() == 0 && to.column() == WgClientModel::ColumnCount - 1)
                             ++pageReads;
                     });
    QTest::qWait(1000);
    feed.start(5000);
    pageReads = 0;
    double cpu = consoleCpuPercent([&] { QTest::qWait(seconds * 1000); });
    reportConsoleCpu("idle, pane open and live: console CPU", cpu,
                     QStringLiteral("%1 statuses of %2 peers applied, %3 row ranges read again")
                         .arg(round)
                         .arg(keys.size())
                         .arg(pageReads));

    // Scrolling through every client: a wheel notch every 16 ms; at the end
    // from the top again once every row is held (before, the table reads
    // the next page as a user's scrolling makes it).
    WheelScroll scroll(
        view, [&] { return !model->canFetchMore({}) && model->rowCount() >= model->total(); });
    cpu = scroll.run(seconds);
    feed.stop();
    reportConsoleCpu("scrolling: console CPU", cpu,
                     QStringLiteral("%1 of %2 rows held, %3 rows a notch, %4 times through all "
                                    "of them")
                         .arg(model->rowCount())
                         .arg(model->total())
                         .arg(scroll.notchStep())
                         .arg(scroll.wraps()));
    scroll.report();
    return 0;
}
