// ProbeService called directly on a real store (no HTTP), for what the
// HTTP test cannot reach cheaply: a node's probe list is capped at the
// protocol's 64 in id order with disabled probes left out, a caller that is
// no administrator is refused by the service itself, probesChanged fires
// once per stored change and never for a refusal or a change to nothing,
// and deleting a node deletes the probes scoped to it. (The HTTP and
// WebSocket behaviour: TestProbesApi.)

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "fleet/AgentProtocol.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/fleet/ProbeService.h"

#include <QSignalSpy>
#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using auth::Role;
using server::fleet::ProbeDetails;

namespace {

const auth::ClientInfo kProbeClient{QStringLiteral("192.0.2.31"), QStringLiteral("test")};

ProbeDetails tcpProbe(const QString &id, const QString &scope = QStringLiteral("all"),
                      const QString &value = {})
{
    ProbeDetails d;
    d.id = id;
    d.name = QStringLiteral("Probe ") + id;
    d.kind = QStringLiteral("tcp");
    d.target = QStringLiteral("db.example.com:5432");
    d.scopeType = scope;
    d.scopeValue = value;
    return d;
}

QStringList idsOf(const QList<hm::fleet::ProbeTarget> &probes)
{
    QStringList ids;
    for (const hm::fleet::ProbeTarget &probe : probes)
        ids << probe.id;
    return ids;
}

} // namespace

class TestProbeService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    // Not started: these tests store no reports.
    FlowEngineHost m_host;
    auth::AccountEvents m_events;
    std::unique_ptr<server::fleet::FleetService> m_fleet;
    std::unique_ptr<server::fleet::ProbeService> m_probes;
    auth::Principal m_admin;
    auth::Principal m_viewer;
    QList<auth::AccountEvent> m_published;

    QString newNode(const QString &name, const QStringList &labels = {})
    {
        server::fleet::NodeDetails details;
        details.name = name;
        details.labels = labels;
        auto created = m_fleet->create(m_admin, kProbeClient, details, 24);
        if (!created)
            qFatal("%s", qPrintable(created.error().toString()));
        return created.value().node.id;
    }
    void removeAll()
    {
        repositories::ProbeFilter everything;
        everything.limit = 1000;
        auto page = m_probes->list(everything);
        QVERIFY(page);
        for (const repositories::ProbeRow &row : page.value().items)
            QVERIFY(m_probes->remove(m_admin, kProbeClient, row.probe.id));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("probeadmin"), QStringLiteral("Adm1n!Secret"),
                                     Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        auto viewer = m_store.addUser(QStringLiteral("probeviewer"),
                                      QStringLiteral("V1ewer!Secret"), Role::Viewer);
        QVERIFY(viewer);
        m_viewer = principalOf(viewer.value());
        m_fleet = std::make_unique<server::fleet::FleetService>(*m_store.db, m_host, m_events);
        connect(&m_events, &auth::AccountEvents::published, this,
                [this](const auth::AccountEvent &event) { m_published.append(event); });
        m_probes = std::make_unique<server::fleet::ProbeService>(*m_store.db, *m_fleet, m_events);
    }

    void cleanup() { removeAll(); }

    // The agent protocol carries at most 64: the same 64 every time, the
    // first by id, and no disabled one among them.
    void aNodesListIsCappedInIdOrder()
    {
        // Stored in reverse order, so the order comes from the ids.
        for (int i = 69; i >= 0; --i)
            QVERIFY(
                m_probes->create(m_admin, kProbeClient,
                                 tcpProbe(QStringLiteral("p-%1").arg(i, 2, 10, QLatin1Char('0')))));
        ProbeDetails disabled = tcpProbe(QStringLiteral("a-disabled"));
        disabled.enabled = false;
        QVERIFY(m_probes->create(m_admin, kProbeClient, disabled));

        auto probes = m_probes->probesForNode(QStringLiteral("any-node"), {});
        QVERIFY(probes);
        QCOMPARE(probes.value().size(), hm::fleet::kMaxSettingsProbes);
        QStringList expected;
        for (int i = 0; i < hm::fleet::kMaxSettingsProbes; ++i)
            expected << QStringLiteral("p-%1").arg(i, 2, 10, QLatin1Char('0'));
        QCOMPARE(idsOf(probes.value()), expected);
    }

    // All nodes, this node, a label it has (exactly, case included).
    void aNodeRunsWhatCoversIt()
    {
        const QString mine = newNode(QStringLiteral("covered"), {"web", "eu"});
        const QString other = newNode(QStringLiteral("elsewhere"), {"db"});
        QVERIFY(m_probes->create(m_admin, kProbeClient, tcpProbe(QStringLiteral("everyone"))));
        QVERIFY(
            m_probes->create(m_admin, kProbeClient,
                             tcpProbe(QStringLiteral("just-me"), QStringLiteral("node"), mine)));
        QVERIFY(
            m_probes->create(m_admin, kProbeClient,
                             tcpProbe(QStringLiteral("not-me"), QStringLiteral("node"), other)));
        QVERIFY(m_probes->create(
            m_admin, kProbeClient,
            tcpProbe(QStringLiteral("web-tier"), QStringLiteral("label"), QStringLiteral("web"))));
        QVERIFY(m_probes->create(
            m_admin, kProbeClient,
            tcpProbe(QStringLiteral("web-upper"), QStringLiteral("label"), QStringLiteral("WEB"))));
        auto probes = m_probes->probesForNode(mine, {"web", "eu"});
        QVERIFY(probes);
        QCOMPARE(idsOf(probes.value()), (QStringList{"everyone", "just-me", "web-tier"}));
        auto others = m_probes->probesForNode(other, {"db"});
        QVERIFY(others);
        QCOMPARE(idsOf(others.value()), (QStringList{"everyone", "not-me"}));
    }

    // Only administrators change probes, whoever calls the service.
    void theServiceRefusesOthers()
    {
        QSignalSpy changed(m_probes.get(), &server::fleet::ProbeService::probesChanged);
        auto created = m_probes->create(m_viewer, kProbeClient, tcpProbe(QStringLiteral("nope")));
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::InsufficientPermissions);
        QCOMPARE(m_probes->get(QStringLiteral("nope")).error().code, ErrorCode::ResourceNotFound);

        QVERIFY(m_probes->create(m_admin, kProbeClient, tcpProbe(QStringLiteral("kept"))));
        ProbeDetails rename;
        rename.name = QStringLiteral("Changed");
        QCOMPARE(
            m_probes->update(m_viewer, kProbeClient, QStringLiteral("kept"), rename).error().code,
            ErrorCode::InsufficientPermissions);
        QCOMPARE(m_probes->remove(m_viewer, kProbeClient, QStringLiteral("kept")).error().code,
                 ErrorCode::InsufficientPermissions);
        QCOMPARE(m_probes->get(QStringLiteral("kept")).value().probe.name,
                 QStringLiteral("Probe kept"));
        QCOMPARE(changed.size(), 1); // the administrator's create only
    }

    // One signal per stored change; none for a refusal or for a change
    // that changes nothing (no settings pushed to agents for nothing).
    void probesChangedFollowsStoredChanges()
    {
        QSignalSpy changed(m_probes.get(), &server::fleet::ProbeService::probesChanged);
        QVERIFY(m_probes->create(m_admin, kProbeClient, tcpProbe(QStringLiteral("watched"))));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!m_probes->create(m_admin, kProbeClient, tcpProbe(QStringLiteral("watched"))));
        QCOMPARE(changed.size(), 1);
        ProbeDetails same;
        same.name = QStringLiteral("Probe watched");
        QVERIFY(m_probes->update(m_admin, kProbeClient, QStringLiteral("watched"), same));
        QCOMPARE(changed.size(), 1);
        ProbeDetails bad;
        bad.intervalSeconds = 1;
        QCOMPARE(
            m_probes->update(m_admin, kProbeClient, QStringLiteral("watched"), bad).error().code,
            ErrorCode::ValidationError);
        QCOMPARE(changed.size(), 1);
        ProbeDetails slower;
        slower.intervalSeconds = 300;
        QVERIFY(m_probes->update(m_admin, kProbeClient, QStringLiteral("watched"), slower));
        QCOMPARE(changed.size(), 2);
        QVERIFY(m_probes->remove(m_admin, kProbeClient, QStringLiteral("watched")));
        QCOMPARE(changed.size(), 3);
    }

    // The consoles follow on /ws/events: every signed-in user hears each
    // change (VIEWER reads probes too), a refusal announces nothing.
    void changesAreAnnouncedToEveryone()
    {
        m_published.clear();
        QVERIFY(m_probes->create(m_admin, kProbeClient, tcpProbe(QStringLiteral("told"))));
        QVERIFY(!m_probes->create(m_viewer, kProbeClient, tcpProbe(QStringLiteral("untold"))));
        ProbeDetails off;
        off.enabled = false;
        QVERIFY(m_probes->update(m_admin, kProbeClient, QStringLiteral("told"), off));
        QVERIFY(m_probes->remove(m_admin, kProbeClient, QStringLiteral("told")));
        QStringList types;
        for (const auth::AccountEvent &event : std::as_const(m_published)) {
            if (!event.type.startsWith(QLatin1String("probe_")))
                continue;
            types << event.type;
            QVERIFY(event.toEveryone);
            QCOMPARE(event.data.value("probe_id").toString(), QStringLiteral("told"));
        }
        QCOMPARE(types, (QStringList{"probe_created", "probe_updated", "probe_deleted"}));
        const auto updated =
            std::find_if(m_published.cbegin(), m_published.cend(),
                         [](const auth::AccountEvent &e) { return e.type == "probe_updated"; });
        QVERIFY(updated != m_published.cend());
        QCOMPARE(updated->data.value("probe").toObject().value("enabled").toBool(true), false);
    }

    // A node's own probes go with it; the others stay.
    void deletingANodeDeletesItsProbes()
    {
        const QString node = newNode(QStringLiteral("short-lived"), {"tmp"});
        QVERIFY(
            m_probes->create(m_admin, kProbeClient,
                             tcpProbe(QStringLiteral("its-own"), QStringLiteral("node"), node)));
        QVERIFY(m_probes->create(
            m_admin, kProbeClient,
            tcpProbe(QStringLiteral("by-label"), QStringLiteral("label"), QStringLiteral("tmp"))));
        QVERIFY(m_fleet->remove(m_admin, kProbeClient, node));
        QCOMPARE(m_probes->get(QStringLiteral("its-own")).error().code,
                 ErrorCode::ResourceNotFound);
        QVERIFY(m_probes->get(QStringLiteral("by-label")));
    }
};

QTEST_GUILESS_MAIN(TestProbeService)
#include "TestProbeService.moc"
