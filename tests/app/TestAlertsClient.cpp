// core/client's AlertsApi (issue 35) against a real in-process server over
// loopback: a rule created, changed (only the fields set), listed and
// deleted; a record raised by an agent's reports read back typed, filtered
// and resolved by hand once; typed errors (a field, a conflict, a viewer).

#include "AdminTestSupport.h"
#include "FleetAgentSupport.h"
#include "client/AlertsApi.h"
#include "client/EventHub.h"
#include "client/NodesApi.h"
#include "fleet/AlertNotifier.h"
#include "fleet/AlertsPage.h"
#include "shell/LanguageManager.h"

using namespace hm;
using namespace hm::client;
using namespace admintest;

class TestAlertsClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestAlertsClient")); }
    void cleanupTestCase() { m_server.stop(); }

    void rulesRoundTrip()
    {
        AlertRuleChange cpu;
        cpu.name = QStringLiteral("CPU high");
        cpu.type = QStringLiteral("cpu");
        cpu.threshold = 85;
        cpu.durationSeconds = 300;
        cpu.label = QStringLiteral("prod");
        auto made = await<AlertRuleRow>([&](auto done) { api().createRule(cpu, done); });
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        QCOMPARE(made->type, QStringLiteral("cpu"));
        QCOMPARE(made->durationSeconds, 300);
        QCOMPARE(made->label, QStringLiteral("prod"));
        QVERIFY(made->nodeId.isEmpty());
        QVERIFY(made->createdAt.isValid());

        AlertRuleChange off;
        off.enabled = false;
        off.label = QString(); // cleared: every node
        auto changed =
            await<AlertRuleRow>([&](auto done) { api().updateRule(made->id, off, done); });
        QVERIFY(changed.ok());
        QVERIFY(!changed->enabled);
        QVERIFY(changed->label.isEmpty());
        QCOMPARE(changed->threshold, 85.0); // not sent, kept

        auto all = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        QVERIFY(await<void>([&](auto done) { api().removeRule(made->id, done); }).ok());
        all = await<QList<AlertRuleRow>>([&](auto done) { api().rules(done); });
        QVERIFY(all->isEmpty());

        AlertRuleChange bad = cpu;
        bad.threshold = 120;
        auto refused = await<AlertRuleRow>([&](auto done) { api().createRule(bad, done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::ValidationError);
    }

    void recordsAreTypedAndResolvedOnce()
    {
        // An enrolled agent over a rule that fires on its first report.
        auto node = await<EnrolledNode>([&](auto done) {
            NodesApi(*m_server.connection->client())
                .create(NewNode{QStringLiteral("busy-01"), {}, {}, 0}, done);
        });
        QVERIFY(node.ok());
        hm::test::AgentPeer agent;
        QVERIFY(fleettest::bringOnline(m_server.connection->baseUrl(), node->enrolment.secret,
                                       node->node.id, agent));
        AlertRuleChange cpu;
        cpu.name = QStringLiteral("CPU over 50");
        cpu.type = QStringLiteral("cpu");
        cpu.threshold = 50;
        cpu.nodeId = node->node.id;
        QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(cpu, done); }).ok());
        agent.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 75.5)));
        QVERIFY(agent.waitForMessages(3));

        AlertRecordFilter filter;
        filter.nodeId = node->node.id;
        filter.onlyActive = true;
        auto open = await<Page<AlertRecordRow>>([&](auto done) { api().records(filter, done); });
        QVERIFY(open.ok());
        QCOMPARE(open->items.size(), 1);
        const AlertRecordRow record = open->items.first();
        QVERIFY(record.active);
        QCOMPARE(record.value, 75.5);
        QCOMPARE(record.threshold, 50.0);
        QCOMPARE(record.nodeName, QStringLiteral("busy-01"));
        QCOMPARE(record.ruleName, QStringLiteral("CPU over 50"));
        QVERIFY(!record.resolvedAt.isValid());

        auto resolved = await<AlertRecordRow>([&](auto done) { api().resolve(record.id, done); });
        QVERIFY(resolved.ok());
        QVERIFY(!resolved->active);
        QVERIFY(resolved->resolvedAt.isValid());
        QCOMPARE(resolved->resolvedBy, m_server.admin.id);
        QCOMPARE(resolved->resolvedByName, m_server.admin.username);
        auto twice = await<AlertRecordRow>([&](auto done) { api().resolve(record.id, done); });
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        open = await<Page<AlertRecordRow>>([&](auto done) { api().records(filter, done); });
        QVERIFY(open->items.isEmpty());
    }

    // The Alerts page's notifier follows the session from the start and
    // tells the desktop (through its one seam) when an alert fires and when
    // it resolves, in the current language.
    void desktopHearsAlertsFireAndResolve()
    {
        hm::app::AlertsPage page;
        QList<std::tuple<QString, QString, bool>> shown;
        page.notifier()->setShow(
            [&shown](const QString &title, const QString &message, bool firing) {
                shown.append({title, message, firing});
            });
        hm::app::Session session;
        session.client = m_server.connection->client();
        session.connected = true;
        session.signedIn = true;
        session.user = m_server.admin;
        page.applySession(session);
        QTRY_VERIFY(hm::client::EventHub::of(session.client)->isSubscribed(page.notifier()));

        auto node = await<EnrolledNode>([&](auto done) {
            NodesApi(*m_server.connection->client())
                .create(NewNode{QStringLiteral("loud-01"), {}, {}, 0}, done);
        });
        QVERIFY(node.ok());
        hm::test::AgentPeer agent;
        QVERIFY(fleettest::bringOnline(m_server.connection->baseUrl(), node->enrolment.secret,
                                       node->node.id, agent));
        AlertRuleChange cpu;
        cpu.name = QStringLiteral("CPU hot");
        cpu.type = QStringLiteral("cpu");
        cpu.threshold = 90;
        cpu.nodeId = node->node.id;
        QVERIFY(await<AlertRuleRow>([&](auto done) { api().createRule(cpu, done); }).ok());
        agent.send(hm::fleet::serialize(hm::test::AgentPeer::report(1, 97.0)));
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        QCOMPARE(std::get<0>(shown[0]), QStringLiteral("Alert: CPU hot"));
        QCOMPARE(std::get<1>(shown[0]),
                 QStringLiteral("loud-01: 97.0%, over the threshold of 90.0%."));
        QVERIFY(std::get<2>(shown[0]));
        // Resolved, said in zh_TW after a switch.
        QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"),
                                                hm::app::LanguageManager::Persist::No));
        agent.send(hm::fleet::serialize(hm::test::AgentPeer::report(2, 10.0)));
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 10000);
        QVERIFY2(std::get<0>(shown[1]).contains(QStringLiteral("CPU hot")),
                 qPrintable(std::get<0>(shown[1])));
        QVERIFY2(std::get<1>(shown[1]).contains(u"恢復正常"), qPrintable(std::get<1>(shown[1])));
        QVERIFY(!std::get<2>(shown[1]));
        QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"),
                                                hm::app::LanguageManager::Persist::No));
        // Signed out: nothing more is heard.
        page.applySession({});
        QVERIFY(!hm::client::EventHub::of(session.client)->isSubscribed(page.notifier()));
    }

private:
    AlertsApi api() { return AlertsApi(*m_server.connection->client()); }
    AdminServer m_server;
};

QTEST_MAIN(TestAlertsClient)
#include "TestAlertsClient.moc"
