// Re-notification of open alerts (issue 35, "Alerts"): AlertService called
// directly on a real store with its own clock, since the shortest interval
// is a minute. A rule with `renotify` sends its open record again each
// interval (announced on /ws/events as a reminder and to the channels),
// never during a maintenance window of its node, never once it resolved,
// and when it was last sent is stored first, so a restarted server does
// not send it again early. (The HTTP shape of rules: TestAlertsApi.)

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "server/repositories/AlertRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/AlertService.h"
#include "server/services/fleet/FleetService.h"

#include <QSignalSpy>
#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using auth::Role;

namespace {

const auth::ClientInfo kRenotifyClient{QStringLiteral("192.0.2.31"), QStringLiteral("test")};
constexpr qint64 kMinuteMs = 60 * 1000;

} // namespace

class TestAlertRenotify : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    FlowEngineHost m_host; // not started: no report is stored through it
    auth::AccountEvents m_events;
    std::unique_ptr<server::fleet::FleetService> m_fleet;
    std::unique_ptr<server::fleet::AlertService> m_alerts;
    auth::Principal m_admin;
    qint64 m_now = 1'800'000'000'000;
    QString m_nodeId;
    QString m_ruleId;
    qint64 m_seq = 0;
    QList<QJsonObject> m_reminders; // /ws/events alert messages marked reminder

    void startAlerts()
    {
        m_alerts = std::make_unique<server::fleet::AlertService>(*m_store.db, *m_fleet, m_events);
        m_alerts->setClock([this] { return m_now; });
        const Status started = m_alerts->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
    }
    void report(double cpu)
    {
        emit m_fleet->reportStored(
            m_nodeId,
            hm::fleet::ReportMessage{++m_seq, m_now, {{QStringLiteral("cpu_usage"), cpu}}});
    }
    QList<repositories::AlertRecordRow> openRecords()
    {
        auto open = repositories::openAlertRecords(*m_store.db);
        return open ? open.value() : QList<repositories::AlertRecordRow>{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("renotifyadmin"),
                                     QStringLiteral("Adm1n!Secret"), Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_fleet = std::make_unique<server::fleet::FleetService>(*m_store.db, m_host, m_events);
        m_fleet->setClock([this] { return m_now; });
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("renotify-01");
        auto created = m_fleet->create(m_admin, kRenotifyClient, details, 24);
        QVERIFY(created);
        m_nodeId = created.value().node.id;
        connect(&m_events, &auth::AccountEvents::published, this,
                [this](const auth::AccountEvent &event) {
                    if (event.type == QLatin1String("alert") &&
                        event.data.value(QStringLiteral("reminder")).toBool())
                        m_reminders.append(event.data);
                });
        startAlerts();
    }

    void boundsAreChecked()
    {
        for (const qint64 bad : {qint64(-1), qint64(30), qint64(59), qint64(7 * 24 * 3600 + 1)}) {
            server::fleet::AlertRuleDetails d;
            d.name = QStringLiteral("bad");
            d.type = QStringLiteral("cpu");
            d.threshold = 50;
            d.renotifySeconds = bad;
            auto refused = m_alerts->createRule(m_admin, kRenotifyClient, d);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::ValidationError);
            QVERIFY2(refused.error().toString().contains(QLatin1String("renotify")),
                     qPrintable(refused.error().toString()));
        }
        QVERIFY(m_alerts->rules().value().isEmpty());
    }

    void anOpenAlertIsSentAgainEachInterval()
    {
        server::fleet::AlertRuleDetails d;
        d.name = QStringLiteral("CPU hot");
        d.type = QStringLiteral("cpu");
        d.threshold = 50;
        d.renotifySeconds = 120;
        d.nodeId = m_nodeId;
        auto rule = m_alerts->createRule(m_admin, kRenotifyClient, d);
        QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().toString()));
        m_ruleId = rule.value().rule.id;
        QCOMPARE(server::fleet::AlertService::ruleJson(rule.value()).value("renotify").toInt(),
                 120);

        QSignalSpy changed(m_alerts.get(), &server::fleet::AlertService::recordChanged);
        QSignalSpy reminded(m_alerts.get(), &server::fleet::AlertService::recordReminded);
        report(90);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(openRecords().size(), 1);
        const QString recordId = openRecords().first().id;

        m_now += kMinuteMs; // a minute: not yet
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 0);
        m_now += kMinuteMs; // two: again
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 1);
        QCOMPARE(reminded.at(0).at(0).value<repositories::AlertRecordRow>().id, recordId);
        QCOMPARE(m_reminders.size(), 1);
        QCOMPARE(m_reminders.last().value("id").toString(), recordId);
        QCOMPARE(m_reminders.last().value("status").toString(), QStringLiteral("active"));
        QCOMPARE(openRecords().first().notifiedAt, m_now);
        m_alerts->remindDue(); // the same moment: nothing more
        m_now += kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 1);
        m_now += kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 2);
        // Neither opened nor resolved anything.
        QCOMPARE(changed.count(), 1);
    }

    void notDuringMaintenance()
    {
        QSignalSpy reminded(m_alerts.get(), &server::fleet::AlertService::recordReminded);
        repositories::MaintenanceRow window;
        window.name = QStringLiteral("Patching");
        window.startsAt = m_now;
        window.endsAt = m_now + 10 * kMinuteMs;
        window.nodeId = m_nodeId;
        auto made = m_alerts->createMaintenance(m_admin, kRenotifyClient, window);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().toString()));
        m_now += 5 * kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 0);
        QVERIFY(m_alerts->deleteMaintenance(m_admin, kRenotifyClient, made.value().id));
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 1);
    }

    // When it was last sent is stored: a restart waits out the interval.
    void aRestartDoesNotSendItEarly()
    {
        const qint64 sentAt = openRecords().first().notifiedAt;
        QCOMPARE(sentAt, m_now);
        startAlerts();
        QSignalSpy reminded(m_alerts.get(), &server::fleet::AlertService::recordReminded);
        m_now += kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 0);
        m_now += kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 1);
    }

    void aResolvedAlertIsNotSentAgain()
    {
        QSignalSpy changed(m_alerts.get(), &server::fleet::AlertService::recordChanged);
        QSignalSpy reminded(m_alerts.get(), &server::fleet::AlertService::recordReminded);
        report(10); // duration 0: resolves on the first value under the clear level
        QCOMPARE(changed.count(), 1);
        QVERIFY(openRecords().isEmpty());
        m_now += 10 * kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 0);
        // A rule without renotify sends once only.
        server::fleet::AlertRuleDetails off;
        off.renotifySeconds = 0;
        QVERIFY(m_alerts->updateRule(m_admin, kRenotifyClient, m_ruleId, off));
        report(95);
        QCOMPARE(openRecords().size(), 1);
        m_now += 60 * kMinuteMs;
        m_alerts->remindDue();
        QCOMPARE(reminded.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertRenotify)
#include "TestAlertRenotify.moc"
