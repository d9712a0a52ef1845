// FleetService called directly on a real store (no HTTP), for what the
// HTTP test cannot reach: time. An enrolment secret works until it expires
// and only once; a refused registration does not use it up; names and
// labels follow their rules; what is published never carries a secret; an
// agent's hello marks its node seen without changing it.
// (The HTTP and WebSocket behaviour: TestNodesApi.)

#include "ServiceTestSupport.h"
#include "crypto/Signing.h"
#include "crypto/Sodium.h"
#include "server/repositories/NodeRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/FleetService.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using auth::Role;

namespace {

const auth::ClientInfo kClient{QStringLiteral("192.0.2.30"), QStringLiteral("test")};
constexpr qint64 kHourMs = 3600 * 1000;

} // namespace

class TestFleetService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    // Not started: these tests store no reports.
    FlowEngineHost m_host;
    auth::AccountEvents m_events;
    std::unique_ptr<server::fleet::FleetService> m_fleet;
    auth::Principal m_admin;
    qint64 m_now = 1'800'000'000'000;
    QList<auth::AccountEvent> m_published;
    int m_nodes = 0;

    server::fleet::CreatedNode newNode(qint64 hours = 24)
    {
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("node-%1").arg(++m_nodes);
        auto created = m_fleet->create(m_admin, kClient, details, hours);
        if (!created)
            qFatal("%s", qPrintable(created.error().toString()));
        return created.value();
    }

    static server::fleet::Registration registration(const QByteArray &publicKey)
    {
        server::fleet::Registration r;
        r.publicKey = publicKey;
        r.facts.os = QStringLiteral("Linux");
        r.capabilities = {QStringLiteral("metrics")};
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("fleetadmin"), QStringLiteral("Adm1n!Secret"),
                                     Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_fleet = std::make_unique<server::fleet::FleetService>(*m_store.db, m_host, m_events);
        m_fleet->setClock([this] { return m_now; });
        m_fleet->setAgentAddress([] { return QStringLiteral("https://hive.example:8443"); },
                                 [] { return QStringLiteral("ab12"); });
        connect(&m_events, &auth::AccountEvents::published, this,
                [this](const auth::AccountEvent &event) { m_published.append(event); });
    }

    void theSecretExpires()
    {
        const server::fleet::CreatedNode node = newNode(1);
        QCOMPARE(node.enrolment.expiresAt, m_now + kHourMs);
        const auto keys = crypto::generateSigningKeyPair();
        m_now += kHourMs; // the last millisecond it is valid is over
        auto late = m_fleet->enrol(node.enrolment.secret, registration(keys.publicKey), {});
        QVERIFY(!late);
        QCOMPARE(late.error().code, ErrorCode::InvalidCredentials);
        QVERIFY(!m_fleet->get(node.node.id).value().enrolled());

        // A new secret works (and carries the pin of a self-signed server).
        auto renewed = m_fleet->renewEnrolment(m_admin, kClient, node.node.id, 1);
        QVERIFY(renewed);
        QVERIFY(renewed.value().command.contains(QLatin1String("--pin-sha256 ab12")));
        QVERIFY(renewed.value().command.contains(QLatin1String("'https://hive.example:8443'")));
        auto enrolled = m_fleet->enrol(renewed.value().secret, registration(keys.publicKey), {});
        QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().toString()));
        QCOMPARE(enrolled.value().fingerprint, crypto::publicKeyFingerprint(keys.publicKey));
    }

    void theSecretWorksOnce()
    {
        const server::fleet::CreatedNode node = newNode();
        const auto first = crypto::generateSigningKeyPair();
        const auto second = crypto::generateSigningKeyPair();
        QVERIFY(m_fleet->enrol(node.enrolment.secret, registration(first.publicKey), {}));
        auto again = m_fleet->enrol(node.enrolment.secret, registration(second.publicKey), {});
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::InvalidCredentials);
        // The node keeps the first key.
        QCOMPARE(m_fleet->get(node.node.id).value().publicKey, first.publicKey);
    }

    void aRefusedRegistrationKeepsTheSecret()
    {
        const server::fleet::CreatedNode node = newNode();
        const auto keys = crypto::generateSigningKeyPair();
        auto badKey = m_fleet->enrol(node.enrolment.secret, registration(QByteArray(31, 'k')), {});
        QCOMPARE(badKey.error().code, ErrorCode::ValidationError);
        server::fleet::Registration unknown = registration(keys.publicKey);
        unknown.capabilities = {QStringLiteral("root-shell")};
        auto refused = m_fleet->enrol(node.enrolment.secret, unknown, {});
        QCOMPARE(refused.error().code, ErrorCode::ValidationError);
        QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("capabilities"));
        QVERIFY(m_fleet->enrol(node.enrolment.secret, registration(keys.publicKey), {}));
    }

    void namesAndLabels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::newRow("plain") << "web-01" << QStringList{"prod", "eu.west:1"} << "";
        QTest::newRow("any script") << "節點一" << QStringList{} << "";
        QTest::newRow("blank") << "   " << QStringList{} << "name";
        QTest::newRow("too long") << QString(65, QLatin1Char('n')) << QStringList{} << "name";
        QTest::newRow("control") << "a\tb" << QStringList{} << "name";
        QTest::newRow("invisible") << QStringLiteral("a\u200Bb") << QStringList{} << "name";
        QTest::newRow("label quote") << "ok" << QStringList{"a\"b"} << "labels";
        QTest::newRow("label empty") << "ok" << QStringList{""} << "labels";
        QTest::newRow("label long")
            << "ok" << QStringList{QString(33, QLatin1Char('l'))} << "labels";
        QStringList many;
        for (int i = 0; i < 17; ++i)
            many << QStringLiteral("l%1").arg(i);
        QTest::newRow("17 labels") << "ok" << many << "labels";
    }
    void namesAndLabels()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, labels);
        QFETCH(QString, field);
        server::fleet::NodeDetails details;
        // Unique names, except where the name itself is the point.
        details.name = field == QLatin1String("name") ? name : name + QString::number(++m_nodes);
        details.labels = labels;
        auto created = m_fleet->create(m_admin, kClient, details, 24);
        if (field.isEmpty()) {
            QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
            return;
        }
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::ValidationError);
        QCOMPARE(created.error().details.value(QStringLiteral("field")).toString(), field);
    }

    void nothingPublishedCarriesASecret()
    {
        const server::fleet::CreatedNode node = newNode();
        QVERIFY(!m_published.isEmpty());
        for (const auth::AccountEvent &event : m_published) {
            QVERIFY(event.toEveryone);
            const QByteArray text = QJsonDocument(event.data).toJson();
            QVERIFY(!text.contains("hme_"));
        }
        QVERIFY(node.enrolment.secret.startsWith(QLatin1String("hme_")));
    }

    void aHelloMarksTheNodeSeenWithoutChangingIt()
    {
        const server::fleet::CreatedNode node = newNode();
        const auto keys = crypto::generateSigningKeyPair();
        QVERIFY(m_fleet->enrol(node.enrolment.secret, registration(keys.publicKey), {}));
        auto enrolled = repositories::nodeById(*m_store.db, node.node.id);
        QVERIFY(enrolled && enrolled.value());
        m_published.clear();
        QSignalSpy changed(m_fleet.get(), &server::fleet::FleetService::nodeChanged);
        QSignalSpy status(m_fleet.get(), &server::fleet::FleetService::nodeStatusChanged);
        hm::fleet::HelloMessage hello;
        hello.nodeId = node.node.id;
        hello.agentVersion = QStringLiteral("2.0.0");
        hello.capabilities = {QStringLiteral("metrics"), QStringLiteral("root-shell")};

        m_fleet->agentConnected(*enrolled.value(), hello);

        // Stored (this host's queue is not running: written at once) …
        auto seen = repositories::nodeById(*m_store.db, node.node.id);
        QVERIFY(seen && seen.value());
        QCOMPARE(seen.value()->lastSeenAt, std::optional<qint64>(m_now));
        QCOMPARE(seen.value()->facts.agentVersion, QStringLiteral("2.0.0"));
        QCOMPARE(seen.value()->facts.capabilities, QStringLiteral("[\"metrics\"]"));
        // … told to the consoles with what was stored …
        QCOMPARE(m_published.size(), 1);
        QCOMPARE(m_published.first().type, QStringLiteral("node_status"));
        const QJsonObject shown = m_published.first().data.value(QStringLiteral("node")).toObject();
        QCOMPARE(shown.value(QStringLiteral("status")).toString(), QStringLiteral("online"));
        QCOMPARE(shown.value(QStringLiteral("agent_version")).toString(), QStringLiteral("2.0.0"));
        QCOMPARE(status.size(), 1);
        // … and the node itself did not change: its agent's settings are
        // not rebuilt for a connect.
        QCOMPARE(changed.size(), 0);
        m_fleet->agentDisconnected(node.node.id);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(status.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFleetService)
#include "TestFleetService.moc"
