// AgentCalls (server/services/fleet): requests to connected agents and
// their answers, with the agents' connections played by plain senders that
// record frames. What this holds: nothing is sent to an offline node or for
// a capability its agent did not report; an answer is taken only from the
// connection its request went out on, once; calls fail when their
// connection ends or their time runs out; a node's waiting calls are
// bounded; a caller that went away is not called back.

#include "fleet/AgentProtocol.h"
#include "server/services/fleet/AgentCalls.h"

#include <QSignalSpy>
#include <QTest>

using namespace hm;
using hm::server::fleet::AgentCalls;

namespace {

struct Recorder
{
    QList<fleet::RequestMessage> requests;
    AgentCalls::Sender sender()
    {
        return [this](const QByteArray &frame) {
            auto parsed = fleet::parseAgentMessage(frame);
            if (parsed)
                requests.append(std::get<fleet::RequestMessage>(parsed.value()));
        };
    }
};

struct Outcome
{
    bool done = false;
    Result<QJsonObject> value = QJsonObject();
    AgentCalls::Callback callback()
    {
        return [this](Result<QJsonObject> result) {
            QVERIFY2(!done, "called back twice");
            done = true;
            value = std::move(result);
        };
    }
};

const int kConnA = 1;
const int kConnB = 2;

} // namespace

class TestAgentCalls : public QObject
{
    Q_OBJECT
private slots:
    void refusesWithoutSending()
    {
        AgentCalls calls;
        Outcome offline;
        calls.call("n1", "processes", "list", {}, this, offline.callback());
        QVERIFY(!offline.done); // never inside call()
        QTRY_VERIFY(offline.done);
        QCOMPARE(offline.value.error().code, ErrorCode::NodeOffline);

        Recorder agent;
        calls.attach("n1", &kConnA, {"metrics", "processes"}, agent.sender());
        Outcome disabled;
        calls.call("n1", "terminal", "open", {}, this, disabled.callback());
        QTRY_VERIFY(disabled.done);
        QCOMPARE(disabled.value.error().code, ErrorCode::CapabilityDisabled);
        QVERIFY(agent.requests.isEmpty());
    }

    void answersComeFromTheirConnectionOnce()
    {
        AgentCalls calls;
        Recorder a, b;
        calls.attach("n1", &kConnA, {"processes"}, a.sender());
        calls.attach("n2", &kConnB, {"processes"}, b.sender());
        Outcome first;
        calls.call("n1", "processes", "list", {{"x", 1}}, this, first.callback());
        QCOMPARE(a.requests.size(), 1);
        QCOMPARE(a.requests.first().args.value("x").toInt(), 1);
        const qint64 id = a.requests.first().id;

        fleet::ResponseMessage answer;
        answer.id = id;
        answer.result = {{"from", "b"}};
        calls.deliver(&kConnB, answer); // another node's connection
        QVERIFY(!first.done);
        answer.result = {{"from", "a"}};
        calls.deliver(&kConnA, answer);
        QVERIFY(first.done);
        QCOMPARE(first.value.value().value("from").toString(), QStringLiteral("a"));
        calls.deliver(&kConnA, answer); // twice: nobody waits any more
        QCOMPARE(calls.pendingCount("n1"), 0);

        Outcome failed;
        calls.call("n1", "processes", "kill", {}, this, failed.callback());
        calls.deliver(&kConnA, fleet::failedResponse(a.requests.last().id,
                                                     Error{ErrorCode::Forbidden, "no",
                                                           {{"code", "PROTECTED_PROCESS"}}}));
        QCOMPARE(failed.value.error().code, ErrorCode::Forbidden);
        QCOMPARE(failed.value.error().details.value("code").toString(),
                 QStringLiteral("PROTECTED_PROCESS"));
    }

    void endsWithItsConnection()
    {
        AgentCalls calls;
        Recorder a, newer;
        calls.attach("n1", &kConnA, {"processes"}, a.sender());
        Outcome waiting;
        calls.call("n1", "processes", "list", {}, this, waiting.callback());
        // The agent reconnected: the old connection's call is lost.
        calls.attach("n1", &kConnB, {"processes"}, newer.sender());
        QVERIFY(waiting.done);
        QCOMPARE(waiting.value.error().code, ErrorCode::NodeOffline);
        // An answer on the old connection counts for nothing now.
        fleet::ResponseMessage late;
        late.id = a.requests.first().id;
        calls.deliver(&kConnA, late);

        Outcome second;
        calls.call("n1", "processes", "list", {}, this, second.callback());
        QCOMPARE(newer.requests.size(), 1);
        calls.detach(&kConnB);
        QCOMPARE(second.value.error().code, ErrorCode::NodeOffline);
        QVERIFY(!calls.isConnected("n1"));
    }

    void timesOut()
    {
        AgentCalls calls;
        Recorder a;
        calls.attach("n1", &kConnA, {"processes"}, a.sender());
        Outcome slow;
        calls.call("n1", "processes", "list", {}, this, slow.callback(), 10);
        QTRY_VERIFY(slow.done);
        QCOMPARE(slow.value.error().code, ErrorCode::Timeout);
        QCOMPARE(calls.pendingCount("n1"), 0);
    }

    void boundsWaitingCallsPerNode()
    {
        // Declared before the calls: their destructor answers what still
        // waits, and those answers must find their outcomes alive.
        QList<std::shared_ptr<Outcome>> outcomes;
        Outcome other;
        AgentCalls calls;
        Recorder a, b;
        calls.attach("n1", &kConnA, {"processes"}, a.sender());
        calls.attach("n2", &kConnB, {"processes"}, b.sender());
        for (int i = 0; i <= AgentCalls::kMaxPendingPerNode; ++i) {
            outcomes.append(std::make_shared<Outcome>());
            calls.call("n1", "processes", "list", {}, this, outcomes.last()->callback());
        }
        QCOMPARE(a.requests.size(), AgentCalls::kMaxPendingPerNode);
        QTRY_VERIFY(outcomes.last()->done);
        QCOMPARE(outcomes.last()->value.error().code, ErrorCode::RateLimitExceeded);
        // Another node is not held up by this one.
        calls.call("n2", "processes", "list", {}, this, other.callback());
        QCOMPARE(b.requests.size(), 1);
    }

    void aCallerThatWentAwayIsNotCalledBack()
    {
        AgentCalls calls;
        Recorder a;
        calls.attach("n1", &kConnA, {"processes"}, a.sender());
        bool called = false;
        {
            QObject context;
            calls.call("n1", "processes", "list", {}, &context,
                       [&called](Result<QJsonObject>) { called = true; });
        }
        fleet::ResponseMessage answer;
        answer.id = a.requests.first().id;
        calls.deliver(&kConnA, answer);
        QVERIFY(!called);
        QCOMPARE(calls.pendingCount("n1"), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentCalls)
#include "TestAgentCalls.moc"
