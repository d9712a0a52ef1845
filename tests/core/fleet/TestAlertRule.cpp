// Alert rules (core/fleet/AlertRule): the value each type watches, the
// nodes a rule covers, and the state machine that fires after a duration
// over the threshold and resolves only after the same time under the clear
// level (hysteresis), so a value hovering at the threshold does not flap.

#include "fleet/AlertRule.h"

#include <QTest>

using namespace hm::fleet;
using Change = AlertState::Change;

namespace {

AlertRule cpuRule(double threshold, qint64 durationSeconds)
{
    AlertRule rule;
    rule.id = QStringLiteral("r1");
    rule.type = AlertType::Cpu;
    rule.threshold = threshold;
    rule.durationSeconds = durationSeconds;
    return rule;
}

// Feeds (seconds, value) pairs; the changes in order.
QList<Change> feed(AlertState &state, const AlertRule &rule,
                   const QList<std::pair<qint64, double>> &values)
{
    QList<Change> changes;
    for (const auto &[seconds, value] : values)
        changes.append(state.observe(rule, seconds * 1000, value));
    return changes;
}

} // namespace

class TestAlertRule : public QObject
{
    Q_OBJECT

private slots:
    void firesOnlyAfterItsDuration()
    {
        const AlertRule rule = cpuRule(80, 60);
        AlertState state;
        QCOMPARE(feed(state, rule, {{0, 85}, {30, 90}}),
                 (QList<Change>{Change::None, Change::None}));
        QCOMPARE(state.phase(), AlertState::Phase::Pending);
        QCOMPARE(state.observe(rule, 60'000, 86), Change::Fire);
        QVERIFY(state.isFiring());
        QCOMPARE(state.value(), 86.0);
        // Still over: no second fire.
        QCOMPARE(state.observe(rule, 65'000, 95), Change::None);
    }

    void aDipStartsTheWaitAgain()
    {
        const AlertRule rule = cpuRule(80, 60);
        AlertState state;
        // At the threshold is not over it.
        QCOMPARE(feed(state, rule, {{0, 85}, {30, 80}, {60, 85}, {100, 85}}),
                 (QList<Change>{Change::None, Change::None, Change::None, Change::None}));
        QCOMPARE(state.observe(rule, 120'000, 85), Change::Fire);
    }

    void hoveringAtTheThresholdDoesNotFlap()
    {
        // No duration: the first value over fires at once.
        const AlertRule rule = cpuRule(80, 0);
        AlertState state;
        const QList<Change> changes =
            feed(state, rule, {{0, 81}, {1, 79}, {2, 81}, {3, 78}, {4, 80.5}, {5, 76.5}});
        QCOMPARE(changes.count(Change::Fire), 1);
        QCOMPARE(changes.count(Change::Resolve), 0);
        QVERIFY(state.isFiring());
        // Under the clear level (80 - 5 % = 76): resolved.
        QCOMPARE(state.observe(rule, 6000, 75.9), Change::Resolve);
        QCOMPARE(state.phase(), AlertState::Phase::Ok);
    }

    void resolvesAfterTheDurationUnderTheClearLevel()
    {
        const AlertRule rule = cpuRule(80, 60);
        AlertState state;
        QCOMPARE(feed(state, rule, {{0, 90}, {60, 90}}).last(), Change::Fire);
        QCOMPARE(feed(state, rule, {{70, 50}, {100, 50}}),
                 (QList<Change>{Change::None, Change::None}));
        QCOMPARE(state.phase(), AlertState::Phase::Clearing);
        // Back into the band: still firing, and the wait starts again.
        QCOMPARE(state.observe(rule, 110'000, 78), Change::None);
        QCOMPARE(state.phase(), AlertState::Phase::Firing);
        QCOMPARE(feed(state, rule, {{120, 40}, {150, 40}}),
                 (QList<Change>{Change::None, Change::None}));
        QCOMPARE(state.observe(rule, 180'000, 40), Change::Resolve);
        // And it can fire again later.
        QCOMPARE(feed(state, rule, {{200, 99}, {260, 99}}).last(), Change::Fire);
    }

    void anOlderValueIsIgnored()
    {
        const AlertRule rule = cpuRule(80, 0);
        AlertState state;
        QCOMPARE(state.observe(rule, 10'000, 90), Change::Fire);
        // A report replayed from before: not a reason to resolve.
        QCOMPARE(state.observe(rule, 5'000, 10), Change::None);
        QVERIFY(state.isFiring());
    }

    void clearLevelKeepsABand()
    {
        QCOMPARE(alertClearLevel(80), 76.0);
        QCOMPARE(alertClearLevel(1000), 950.0);
        QCOMPARE(alertClearLevel(10), 9.0); // at least one unit
        QCOMPARE(alertClearLevel(2), 1.0);
    }

    void valuesOfEachType()
    {
        const QHash<QString, double> metrics{
            {QStringLiteral("cpu_usage"), 42},   {QStringLiteral("memory_used"), 3},
            {QStringLiteral("memory_total"), 4}, {QStringLiteral("disk_used"), 10},
            {QStringLiteral("disk_total"), 0},   {QStringLiteral("load_avg_1"), 1.5},
            {QStringLiteral("network_in"), 100}};
        QCOMPARE(alertValue(AlertType::Cpu, metrics), std::optional<double>(42));
        QCOMPARE(alertValue(AlertType::Memory, metrics), std::optional<double>(75));
        QCOMPARE(alertValue(AlertType::Disk, metrics), std::nullopt); // total 0
        QCOMPARE(alertValue(AlertType::Load, metrics), std::optional<double>(1.5));
        QCOMPARE(alertValue(AlertType::Network, metrics), std::optional<double>(100));
        QCOMPARE(alertValue(AlertType::Offline, metrics), std::nullopt);
        QCOMPARE(alertValue(AlertType::Cpu, {}), std::nullopt);
    }

    // A probe rule reads its probe's up value and fires while it is down
    // for the duration; up again resolves after the same time, no band.
    void probeRuleFiresWhileDown()
    {
        AlertRule rule;
        rule.type = AlertType::Probe;
        rule.probeId = QStringLiteral("web");
        rule.threshold = 0.5;
        rule.durationSeconds = 30;
        const QHash<QString, double> down{{QStringLiteral("probe.web.up"), 0},
                                          {QStringLiteral("probe.api.up"), 1}};
        QCOMPARE(alertValue(rule, down), std::optional<double>(0));
        // Another probe's values are not this rule's.
        QCOMPARE(alertValue(rule, {{QStringLiteral("probe.api.up"), 0}}), std::nullopt);
        rule.probeId.clear();
        QCOMPARE(alertValue(rule, down), std::nullopt);
        rule.probeId = QStringLiteral("web");
        QVERIFY(alertFiresBelow(AlertType::Probe));
        QCOMPARE(alertClearLevel(AlertType::Probe, 0.5), 0.5);

        AlertState state;
        QCOMPARE(feed(state, rule, {{0, 1}, {10, 0}, {20, 0}}),
                 (QList<Change>{Change::None, Change::None, Change::None}));
        QCOMPARE(state.observe(rule, 40'000, 0), Change::Fire);
        QCOMPARE(state.value(), 0.0);
        QCOMPARE(feed(state, rule, {{50, 1}, {60, 0}, {70, 1}}),
                 (QList<Change>{Change::None, Change::None, Change::None}));
        QCOMPARE(state.observe(rule, 100'000, 1), Change::Resolve);
    }

    // A certificate rule fires when fewer days are left than its threshold
    // and resolves only a band above it (a renewed certificate), so a
    // reading hovering at the threshold does not flap.
    void certificateRuleFiresBelowItsDays()
    {
        AlertRule rule;
        rule.type = AlertType::Certificate;
        rule.probeId = QStringLiteral("web");
        rule.threshold = 14;
        QCOMPARE(alertValue(rule, {{QStringLiteral("probe.web.cert_days"), 9.5},
                                   {QStringLiteral("probe.web.up"), 1}}),
                 std::optional<double>(9.5));
        QCOMPARE(alertClearLevel(AlertType::Certificate, 14), 15.0);
        QCOMPARE(alertClearLevel(AlertType::Certificate, 100), 105.0);
        AlertState state;
        QCOMPARE(state.observe(rule, 0, 20), Change::None);
        QCOMPARE(state.observe(rule, 1000, 14), Change::None); // at it is not below it
        QCOMPARE(state.observe(rule, 2000, 13.9), Change::Fire);
        QCOMPARE(feed(state, rule, {{3, 14.5}, {4, 13}, {5, 15}}),
                 (QList<Change>{Change::None, Change::None, Change::None}));
        QVERIFY(state.isFiring());
        QCOMPARE(state.observe(rule, 6000, 89.5), Change::Resolve);
    }

    void typeNamesRoundTrip()
    {
        for (AlertType type :
             {AlertType::Cpu, AlertType::Memory, AlertType::Disk, AlertType::Load,
              AlertType::Network, AlertType::Offline, AlertType::Probe, AlertType::Certificate,
              AlertType::ContainerDown, AlertType::ContainerUnhealthy})
            QCOMPARE(alertTypeFromName(alertTypeName(type)), std::optional<AlertType>(type));
        QCOMPARE(alertTypeName(AlertType::ContainerDown), QStringLiteral("container_down"));
        QCOMPARE(alertTypeName(AlertType::ContainerUnhealthy),
                 QStringLiteral("container_unhealthy"));
        QCOMPARE(alertTypeFromName(u"CPU"), std::nullopt);
        QCOMPARE(alertTypeName(AlertType::Certificate), QStringLiteral("certificate"));
    }

    void containerTargets()
    {
        for (const char *good : {"any", "web", "web-1", "shop_*", "db?", "*", "A.b-c_d"})
            QVERIFY2(isContainerTarget(QString::fromLatin1(good)), good);
        for (const char *bad : {"", "../etc", "web/1", "web 1", "web%2f", "naïve"})
            QVERIFY2(!isContainerTarget(QString::fromUtf8(bad)), bad);
        QVERIFY(!isContainerTarget(QString(129, u'a')));
        QVERIFY(containerTargetMatches(QStringLiteral("any"), QStringLiteral("web")));
        QVERIFY(containerTargetMatches(QStringLiteral("web"), QStringLiteral("web")));
        QVERIFY(!containerTargetMatches(QStringLiteral("web"), QStringLiteral("web2")));
        QVERIFY(!containerTargetMatches(QStringLiteral("web"), QStringLiteral("Web")));
        QVERIFY(containerTargetMatches(QStringLiteral("shop_*"), QStringLiteral("shop_db_1")));
        QVERIFY(containerTargetMatches(QStringLiteral("db?"), QStringLiteral("db1")));
        QVERIFY(!containerTargetMatches(QStringLiteral("db?"), QStringLiteral("db12")));
        QVERIFY(containerTargetMatches(QStringLiteral("*a*b*"), QStringLiteral("xaxxbx")));
        QVERIFY(!containerTargetMatches(QStringLiteral("*a*b*"), QStringLiteral("xbxxax")));
        // Many stars against a long name stays quick (no exponential backtracking).
        QVERIFY(!containerTargetMatches(QString(60, u'*') + u'b', QString(128, u'a')));
    }

    void containerRulesCountTheirContainers()
    {
        using Health = ContainerState::Health;
        AlertRule down;
        down.type = AlertType::ContainerDown;
        down.container = QStringLiteral("web*");
        AlertRule unhealthy = down;
        unhealthy.type = AlertType::ContainerUnhealthy;
        const QList<ContainerState> containers{{QStringLiteral("web1"), true, Health::Unhealthy},
                                               {QStringLiteral("web2"), false, Health::None},
                                               {QStringLiteral("db"), false, Health::None}};
        QCOMPARE(containerAlertValue(down, containers, {}), std::optional<double>(1));
        QCOMPARE(containerAlertValue(unhealthy, containers, {}), std::optional<double>(1));
        // web3 was seen and is gone: down, not unhealthy.
        const QSet<QString> seen{QStringLiteral("web3"), QStringLiteral("web1")};
        QCOMPARE(containerAlertValue(down, containers, seen), std::optional<double>(2));
        QCOMPARE(containerAlertValue(unhealthy, containers, seen), std::optional<double>(1));
        // A rule about containers the node never had watches nothing there.
        down.container = QStringLiteral("cache");
        QCOMPARE(containerAlertValue(down, containers, {}), std::nullopt);
        // Nothing left running: a seen container in an empty list is down.
        QCOMPARE(containerAlertValue(down, {}, {QStringLiteral("cache")}),
                 std::optional<double>(1));
        // Not a container rule: no container value.
        QCOMPARE(containerAlertValue(cpuRule(80, 0), containers, {}), std::nullopt);
    }

    void containerRulesFireOnOneAndResolveOnNone()
    {
        AlertRule rule;
        rule.type = AlertType::ContainerDown;
        rule.container = QStringLiteral("any");
        rule.threshold = 0.5;
        rule.durationSeconds = 10;
        QCOMPARE(alertClearLevel(AlertType::ContainerDown, 0.5), 0.5); // no band
        AlertState state;
        QCOMPARE(feed(state, rule, {{0, 0}, {5, 1}, {10, 1}, {15, 1}}),
                 (QList<Change>{Change::None, Change::None, Change::None, Change::Fire}));
        QCOMPARE(feed(state, rule, {{20, 0}, {25, 2}, {30, 0}, {40, 0}}),
                 (QList<Change>{Change::None, Change::None, Change::None, Change::Resolve}));
    }

    void scopes()
    {
        AlertRule rule = cpuRule(80, 0);
        const QStringList prod{QStringLiteral("prod")};
        QVERIFY(rule.covers(QStringLiteral("n1"), {}));
        rule.label = QStringLiteral("prod");
        QVERIFY(rule.covers(QStringLiteral("n1"), prod));
        QVERIFY(!rule.covers(QStringLiteral("n1"), {QStringLiteral("ci")}));
        rule.nodeId = QStringLiteral("n2"); // one node wins over a label
        QVERIFY(!rule.covers(QStringLiteral("n1"), prod));
        QVERIFY(rule.covers(QStringLiteral("n2"), {}));
    }
};

QTEST_GUILESS_MAIN(TestAlertRule)
#include "TestAlertRule.moc"
