// Parked peers and periodic samples of WireGuardService, on a real
// SQLCipher store and a real wireguard-go interface in a network namespace
// the test creates. A client that goes has its peer parked (cut off, still
// on the interface) and taken off by the next periodic sample; when the
// backend cannot take it off by a patch, the whole config is applied
// instead, which has no such peer. And one periodic sample per server waits
// at a time: samples asked for while one is stuck are not piled up on the
// worker behind it. A client change slow to take effect (behind a stuck
// sample) is logged with where its time went; a quick one is not.
//
// The backend is the real LinuxWireGuardBackend behind a decorator that
// injects the two faults nothing here can provoke for real: a patch that
// takes peers off refused (as a backend does when `wg set` fails), and a
// `wg show dump` that hangs until the test lets it go. Needs root
// (network namespaces) and wireguard-go; ALLOW_SKIP=1 skips without them.

#include "NetNamespace.h"
#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/services/vpn/WireGuardService.h"
#include "store/Database.h"
#include "vpn/WgDump.h"
#include "vpn/backend/LinuxWireGuardBackend.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

using namespace hm;
using namespace hm::server;
using hm::test::principalOf;

namespace {

const auth::ClientInfo kFrom{QStringLiteral("198.51.100.25"), QStringLiteral("test")};

// The real backend with two faults the test switches on.
class FaultInjectingBackend final : public hm::vpn::WireGuardBackend
{
public:
    explicit FaultInjectingBackend(hm::vpn::LinuxWireGuardBackend::Options options)
        : m_real(options)
    {}

    // Patches that take peers off answer "cannot" (the caller then applies
    // the whole config); counted.
    std::atomic<bool> refuseRemovals{false};
    std::atomic<int> refusedRemovals{0};
    std::atomic<int> syncs{0};
    std::atomic<int> dumps{0};

    // dump() waits while held (on the service's worker).
    void holdDumps()
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_held = true;
    }
    void releaseDumps()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_held = false;
        }
        m_released.notify_all();
    }

    // Straight to the interface, uncounted: what the test looks at.
    hm::vpn::LinuxWireGuardBackend &real() { return m_real; }

    QString name() const override { return m_real.name(); }
    bool applies() const override { return m_real.applies(); }
    Status up(const hm::vpn::InterfaceSpec &spec) override { return m_real.up(spec); }
    Status sync(const hm::vpn::InterfaceSpec &spec) override
    {
        ++syncs;
        return m_real.sync(spec);
    }
    Result<bool> patchPeers(const hm::vpn::PeerPatch &patch) override
    {
        if (refuseRemovals && !patch.removed.isEmpty()) {
            ++refusedRemovals;
            return false;
        }
        return m_real.patchPeers(patch);
    }
    Status down(const QString &name) override { return m_real.down(name); }
    Result<QByteArray> dump(const QString &name) override
    {
        ++dumps;
        std::unique_lock<std::mutex> lock(m_mutex);
        m_released.wait(lock, [this] { return !m_held; });
        lock.unlock();
        return m_real.dump(name);
    }
    Result<hm::vpn::LinkState> linkState(const QString &name) override
    {
        return m_real.linkState(name);
    }

private:
    hm::vpn::LinuxWireGuardBackend m_real;
    std::mutex m_mutex;
    std::condition_variable m_released;
    bool m_held = false;
};

bool ip(const QStringList &arguments)
{
    return hm::test::NetLab::runProgram(QStringLiteral("ip"), arguments, 15000).ok();
}

} // namespace

class TestWgParkedPeers : public QObject
{
    Q_OBJECT

private:
    const QString m_suffix = QString::number(QCoreApplication::applicationPid() % 100000);
    const QString m_ns = QStringLiteral("hmwpk") + m_suffix;
    // wireguard-go's control sockets are global: unique per run, ≤ 15 characters.
    const QString m_interface = QStringLiteral("hmwp") + m_suffix;
    bool m_namespace = false;
    hm::test::ServiceStore m_store;
    auth::Principal m_admin;
    std::shared_ptr<FaultInjectingBackend> m_backend;
    std::unique_ptr<server::vpn::WireGuardService> m_wg;
    qint64 m_serverId = 0;
    qint64 m_going = 0;   // the client disabled
    qint64 m_staying = 0; // the client that stays
    QString m_goingKey;
    QString m_stayingKey;

    // The interface's peers as `wg show dump` has them, by public key:
    // their allowed IPs (empty: cut off). nullopt when it cannot be read.
    std::optional<QHash<QString, int>> peers()
    {
        auto dumped = m_backend->real().dump(m_interface);
        if (!dumped)
            return std::nullopt;
        auto parsed = hm::vpn::parseWgDump(dumped.value(), m_interface);
        if (!parsed)
            return std::nullopt;
        QHash<QString, int> byKey;
        for (const hm::vpn::WgDumpPeer &peer : parsed.value().peers)
            byKey.insert(peer.publicKey, int(peer.allowedIps.size()));
        return byKey;
    }

    // WireGuardService's line for a slow change; `waited`: the pattern of
    // the milliseconds spent waiting for the worker.
    static QRegularExpression slowChangeLine(const QString &waited = QStringLiteral("\\d+"))
    {
        return QRegularExpression(QStringLiteral("^WireGuard server \\d+ change applied after "
                                                 "\\d+ ms: %1 ms waiting for the worker, "
                                                 "(patched|applied whole)$")
                                      .arg(waited));
    }

    // Enables the staying client if it has no peer with addresses (cut
    // off, or not configured since a restart), else disables it: a change
    // whichever case runs first. `meanwhile` runs before the change is
    // waited for.
    void toggleStaying(const std::function<void()> &meanwhile = {})
    {
        const auto before = peers();
        QVERIFY(before);
        const bool enable = before->value(m_stayingKey) == 0;
        QVERIFY(m_wg->setClientEnabled(m_admin, kFrom, m_staying, enable));
        if (meanwhile)
            meanwhile();
        waitForTheWorker();
        const auto after = peers();
        QVERIFY(after);
        QCOMPARE(after->value(m_stayingKey) > 0, enable);
    }

    // Returns once everything queued on the service's worker so far has
    // run: a status asked for now is answered after it (one worker).
    void waitForTheWorker()
    {
        bool answered = false;
        m_wg->serverStatus(m_serverId, [&answered](Result<QJsonObject>) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    }

    // A fresh service (its own 5-s timer starts with it) on the store,
    // with a running server of two clients.
    void startService()
    {
        // The worker's own connection to the same file, as the server has.
        auto workerDb =
            store::Database::open(m_store.path(), crypto::SecureBytes::fromRaw(m_store.rawKey));
        QVERIFY2(workerDb, workerDb ? "" : qPrintable(workerDb.error().message));
        m_wg = std::make_unique<server::vpn::WireGuardService>(
            *m_store.db, *m_store.envelope, m_backend, std::move(workerDb.value()),
            [] { return QStringLiteral("vpn.example"); });
        if (m_serverId == 0) {
            server::vpn::WgServerDetails server;
            server.name = QStringLiteral("Parking");
            server.interfaceName = m_interface;
            server.listenPort = 51900 + int(QCoreApplication::applicationPid() % 50);
            server.ipv4Address = QStringLiteral("10.47.0.1/24");
            auto made = m_wg->createServer(m_admin, kFrom, server);
            QVERIFY2(made, made ? "" : qPrintable(made.error().message));
            m_serverId = made.value().id;
            for (const auto &[id, key, name] :
                 {std::tuple{&m_going, &m_goingKey, QStringLiteral("going")},
                  std::tuple{&m_staying, &m_stayingKey, QStringLiteral("staying")}}) {
                server::vpn::WgClientDetails client;
                client.serverId = m_serverId;
                client.name = name;
                auto created = m_wg->createClient(m_admin, kFrom, client);
                QVERIFY2(created, created ? "" : qPrintable(created.error().message));
                *id = created.value().row.id;
                *key = created.value().row.publicKey;
            }
        }
        std::optional<Result<QJsonObject>> started;
        m_wg->startServer(m_admin, kFrom, m_serverId,
                          [&started](Result<QJsonObject> r) { started = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(started.has_value(), 20000);
        QVERIFY2(started->ok(), started->ok() ? "" : qPrintable(started->error().message));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        if (QStandardPaths::findExecutable(QStringLiteral("wireguard-go")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("wg")).isEmpty())
            QFAIL("wireguard-go and wg are needed (Debian's wireguard-go, wireguard-tools)");
        if (!ip({QStringLiteral("netns"), QStringLiteral("add"), m_ns})) {
            if (qEnvironmentVariableIsSet("ALLOW_SKIP"))
                QSKIP("network namespaces are not allowed here (root and CAP_SYS_ADMIN needed)");
            QFAIL("could not create a network namespace (root and CAP_SYS_ADMIN needed)");
        }
        m_namespace = true;
        QVERIFY(ip({QStringLiteral("-n"), m_ns, QStringLiteral("link"), QStringLiteral("set"),
                    QStringLiteral("lo"), QStringLiteral("up")}));
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("parker"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_backend = std::make_shared<FaultInjectingBackend>(hm::vpn::LinuxWireGuardBackend::Options{
            hm::vpn::LinuxWireGuardBackend::Mode::Userspace, m_ns, 15'000});
    }

    void cleanup()
    {
        if (m_backend)
            m_backend->releaseDumps(); // a failed check must not leave the worker stuck
        m_wg.reset();
    }

    void cleanupTestCase()
    {
        if (m_backend)
            (void)m_backend->real().down(m_interface);
        if (m_namespace)
            ip({QStringLiteral("netns"), QStringLiteral("del"), m_ns});
    }

    void parkedPeersAreTakenOffWholeWhenAPatchCannot()
    {
        // Refused from the start: a timer's sample may come at any point.
        m_backend->refuseRemovals = true;
        startService();
        if (QTest::currentTestFailed())
            return; // its QVERIFY could not leave this case
        auto before = peers();
        QVERIFY(before);
        QVERIFY(before->value(m_goingKey) > 0 && before->value(m_stayingKey) > 0);

        // Disabled: its peer parked by a patch, cut off but still there.
        QVERIFY(m_wg->setClientEnabled(m_admin, kFrom, m_going, false));
        QTRY_VERIFY_WITH_TIMEOUT(
            peers() && peers()->contains(m_goingKey) && peers()->value(m_goingKey) == 0, 20000);
        QCOMPARE(m_backend->refusedRemovals.load(), 0);
        const int syncsBefore = m_backend->syncs.load();

        // The periodic sample would take it off by a patch; refused, the
        // whole config goes on instead, which has no such peer.
        m_wg->sampleTraffic();
        QTRY_VERIFY_WITH_TIMEOUT(peers() && !peers()->contains(m_goingKey), 20000);
        QCOMPARE(m_backend->refusedRemovals.load(), 1);
        QVERIFY(m_backend->syncs.load() > syncsBefore);
        // The other client's peer is as it was.
        QVERIFY(peers()->value(m_stayingKey) > 0);
        m_backend->refuseRemovals = false;
    }

    void aPeriodicSampleWaitsForTheOneBefore()
    {
        startService();
        if (QTest::currentTestFailed())
            return; // its QVERIFY could not leave this case
        m_backend->holdDumps();
        const int dumpsBefore = m_backend->dumps.load();
        m_wg->sampleTraffic();
        // The worker is in the first sample's dump, stuck.
        QTRY_COMPARE_WITH_TIMEOUT(m_backend->dumps.load(), dumpsBefore + 1, 20000);
        // Ticks meanwhile: not piled up behind it.
        m_wg->sampleTraffic();
        m_wg->sampleTraffic();
        // A status asked for now queues behind whatever is queued; when it
        // is answered, everything before it has run (one worker).
        std::optional<int> dumpsAtStatus;
        m_wg->serverStatus(m_serverId, [&](Result<QJsonObject> status) {
            QVERIFY(status.ok());
            dumpsAtStatus = m_backend->dumps.load();
        });
        m_backend->releaseDumps();
        QTRY_VERIFY_WITH_TIMEOUT(dumpsAtStatus.has_value(), 20000);
        // The first sample's dump and the status's: no other sample ran.
        QCOMPARE(*dumpsAtStatus, dumpsBefore + 2);
    }

    // A client change that is slow to take effect is logged with where the
    // time went, for an operator wondering why (WireGuardService's
    // kSlowChangeMs); one that is not slow is not logged.
    void aQuickChangeIsNotLogged()
    {
        startService();
        if (QTest::currentTestFailed())
            return; // its QVERIFY could not leave this case
        QTest::failOnWarning(slowChangeLine());
        toggleStaying();
    }

    void aChangeBehindAStuckWorkerIsLogged()
    {
        startService();
        if (QTest::currentTestFailed())
            return; // its QVERIFY could not leave this case
        m_wg->setSlowChangeMs(100);
        m_backend->holdDumps();
        const int dumpsBefore = m_backend->dumps.load();
        m_wg->sampleTraffic();
        // The worker is in the sample's dump, stuck; the change waits
        // behind it past the threshold: at least 100 ms of it waiting.
        QTRY_COMPARE_WITH_TIMEOUT(m_backend->dumps.load(), dumpsBefore + 1, 20000);
        QTest::ignoreMessage(QtWarningMsg, slowChangeLine(QStringLiteral("\\d{3,}")));
        toggleStaying([this] {
            QTest::qWait(150);
            m_backend->releaseDumps();
        });
    }
};

QTEST_GUILESS_MAIN(TestWgParkedPeers)
#include "TestWgParkedPeers.moc"
