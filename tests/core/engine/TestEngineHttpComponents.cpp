// The scheduler driving real HTTP components: the reference component runs
// as a child process, its interfaces are registered through discovery, and
// flows run, retry and get cancelled over loopback HTTP.

#include "EngineFixtures.h"
#include "TestHttpSupport.h"
#include "engine/http/HttpComponentExecutor.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::test;
using hm::test::entriesFor;
using hm::test::getObject;

class TestEngineHttpComponents : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_componentUrl = m_component.start();
        QVERIFY2(!m_componentUrl.isEmpty(), "reference component did not start");
        // Registration through discovery, as an operator would register it.
        std::optional<Result<QList<flow::ComponentInterface>>> interfaces;
        fetchInterfaces(m_network, m_componentUrl, [&](Result<QList<flow::ComponentInterface>> r) {
            interfaces = std::move(r);
        });
        QTRY_VERIFY_WITH_TIMEOUT(interfaces.has_value(), 15000);
        // (QVERIFY2 evaluates its message even on success: only read error() on failure.)
        if (!interfaces->ok())
            QFAIL(qPrintable(interfaces->error().toString()));
        m_interfaces = interfaces->value();
        QVERIFY(m_interfaces.size() >= 4);
    }

    void init()
    {
        m_harness = std::make_unique<Harness>();
        auto executor = std::make_shared<HttpComponentExecutor>(m_componentUrl, &m_network);
        for (const auto &iface : std::as_const(m_interfaces))
            m_harness->registryMut()->add(iface, executor);
    }
    void cleanup() { m_harness.reset(); }

    void healthCheck()
    {
        std::optional<Result<ComponentHealth>> health;
        checkHealth(m_network, m_componentUrl,
                    [&](Result<ComponentHealth> r) { health = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(health.has_value(), 15000);
        if (!health->ok())
            QFAIL(qPrintable(health->error().toString()));
        QStringList names;
        for (const auto &[name, version] : health->value().components) {
            names << name;
            QVERIFY(!version.isEmpty());
        }
        QVERIFY2(names.contains("sleep") && names.contains("echo"), qPrintable(names.join(',')));

        // Nobody listening: unavailable, with the endpoint in the message.
        QUrl dead = m_componentUrl;
        dead.setPort(hm::test::unusedPort());
        std::optional<Result<ComponentHealth>> down;
        checkHealth(m_network, dead, [&](Result<ComponentHealth> r) { down = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(down.has_value(), 15000);
        QVERIFY(!down->ok());
        QCOMPARE(down->error().code, ErrorCode::ComponentUnavailable);
        QVERIFY(down->error().message.contains(dead.toDisplayString()));

        // A service that answers but is not healthy.
        auto degraded = parseHealth(QJsonDocument::fromJson(R"({"status": "degraded"})"));
        QVERIFY(!degraded.ok());
        QCOMPARE(degraded.error().code, ErrorCode::ComponentUnavailable);
        QVERIFY(!parseHealth(QJsonDocument::fromJson("[1,2]")).ok());
    }

    void diamondOverHttp()
    {
        auto flow = m_harness->compile(
            FlowBuilder()
                .node("a", "echo", {}, json(R"({"value": "$.trigger.word"})"))
                .node("b", "uppercase", {}, json(R"({"text": "$.nodes.a.output.value"})"))
                .node("c", "echo", {}, json(R"({"value": "$.nodes.a.output.value"})"))
                .node("d", "echo", {}, json(R"({"value": "$.nodes.b.output.text"})"))
                .edge("a", "b")
                .edge("a", "c")
                .edge("b", "d")
                .edge("c", "d"));
        const QString id = m_harness->start(flow, json(R"({"word": "hive"})"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_harness->waitEnded(id, 20000));
        QCOMPARE(m_harness->statusOf(id), ExecutionStatus::Completed);
        QCOMPARE(m_harness->node(id, "d").outputs.value("value").toString(),
                 QStringLiteral("HIVE"));
        // The join ran after both parents.
        const QStringList types = m_harness->eventTypes(id);
        QVERIFY(types.indexOf("node_started:d") > types.indexOf("node_completed:b"));
        QVERIFY(types.indexOf("node_started:d") > types.indexOf("node_completed:c"));
        // HTTP components may call the blob endpoint: the execution drew
        // its token (128 random bits as hex) for them.
        QCOMPARE(m_harness->scheduler->execution(id)->blobToken.size(), 32);
    }

    void retriesUntilTheComponentSucceeds()
    {
        auto flow = m_harness->compile(
            FlowBuilder()
                .node("f", "fail", {}, json(R"({"fail_times": 2, "retryable": true})"))
                .settings(json(
                    R"({"retry": {"maxAttempts": 3, "backoffMs": 1, "backoffMultiplier": 1}})")));
        const QString id = m_harness->start(flow);
        QVERIFY(m_harness->waitEnded(id, 20000));
        QCOMPARE(m_harness->statusOf(id), ExecutionStatus::Completed);
        QCOMPARE(m_harness->node(id, "f").attempt, 3);
        QCOMPARE(m_harness->node(id, "f").outputs.value("attempts").toInt(), 3);
    }

    void nonRetryableComponentErrorFailsAndSkipsDescendants()
    {
        auto flow = m_harness->compile(
            FlowBuilder()
                .node("f", "fail", {}, json(R"({"retryable": false})"))
                .node("after", "echo")
                .node("other", "echo", {}, json(R"({"value": 1})"))
                .edge("f", "after")
                .settings(json(
                    R"({"retry": {"maxAttempts": 3, "backoffMs": 1, "backoffMultiplier": 1}})")));
        const QString id = m_harness->start(flow);
        QVERIFY(m_harness->waitEnded(id, 20000));
        QCOMPARE(m_harness->statusOf(id), ExecutionStatus::Failed);
        QCOMPARE(m_harness->node(id, "f").attempt, 1); // not retried
        QCOMPARE(m_harness->nodeStatus(id, "after"), NodeStatus::Skipped);
        QCOMPARE(m_harness->nodeStatus(id, "other"), NodeStatus::Completed);
    }

    void cancelMidRunAbortsTheHttpCall()
    {
        auto flow = m_harness->compile(FlowBuilder()
                                           .node("slow", "sleep", {}, json(R"({"ms": 600000})"))
                                           .node("next", "echo")
                                           .edge("slow", "next"));
        const QString id = m_harness->start(flow);
        QVERIFY(!id.isEmpty());
        // Wait until the component has the request in hand.
        QTRY_VERIFY_WITH_TIMEOUT(
            !entriesFor(getObject(m_network, m_component.url(QStringLiteral("/stats")))
                            .value("requests")
                            .toArray(),
                        id, QStringLiteral("slow"))
                 .isEmpty(),
            15000);
        QCOMPARE(m_harness->nodeStatus(id, "slow"), NodeStatus::Running);

        auto cancelled = m_harness->scheduler->cancel(id, CancelRequest{CancelReason::UserRequested,
                                                                        QStringLiteral("stop"),
                                                                        QStringLiteral("user:1")});
        if (!cancelled.ok())
            QFAIL(qPrintable(cancelled.error().toString()));
        QVERIFY(m_harness->waitEnded(id, 20000));
        QCOMPARE(m_harness->statusOf(id), ExecutionStatus::Cancelled);
        QCOMPARE(m_harness->nodeStatus(id, "slow"), NodeStatus::Cancelled);
        QCOMPARE(m_harness->nodeStatus(id, "next"), NodeStatus::Cancelled);
        // The component was told: the call was aborted, not left running.
        QTRY_VERIFY_WITH_TIMEOUT(
            !entriesFor(getObject(m_network, m_component.url(QStringLiteral("/stats")))
                            .value("cancelled")
                            .toArray(),
                        id, QStringLiteral("slow"))
                 .isEmpty(),
            15000);
        // A second cancel is refused with the seed's code.
        auto again = m_harness->scheduler->cancel(id, CancelRequest{});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::ExecutionAlreadyCancelled);
    }

    void nodeTimeoutAgainstASlowComponent()
    {
        auto flow = m_harness->compile(
            FlowBuilder()
                .node("slow", "sleep", {}, json(R"({"ms": 600000})"))
                .settings(json(R"({"timeout": {"flowTimeoutMs": 600000, "nodeTimeoutMs": 200},
                                   "retry": {"maxAttempts": 2, "backoffMs": 1, "backoffMultiplier": 1}})")));
        const QString id = m_harness->start(flow);
        QVERIFY(m_harness->waitEnded(id, 30000));
        QCOMPARE(m_harness->statusOf(id), ExecutionStatus::Failed);
        QCOMPARE(m_harness->node(id, "slow").attempt, 2);
        QCOMPARE(m_harness->node(id, "slow").error.code, ErrorCode::ExecutionTimeout);
    }

private:
    hm::test::ReferenceComponent m_component;
    QUrl m_componentUrl;
    QNetworkAccessManager m_network;
    QList<flow::ComponentInterface> m_interfaces;
    std::unique_ptr<Harness> m_harness;
};

QTEST_GUILESS_MAIN(TestEngineHttpComponents)
#include "TestEngineHttpComponents.moc"
