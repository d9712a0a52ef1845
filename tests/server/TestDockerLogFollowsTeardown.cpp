// server/services/remote/DockerLogFollows going away while follows are
// under way, called directly on a real store with the agent's connection
// played by plain senders (as TestAgentCalls does): what the end-to-end
// test (TestRemoteDockerLogs) cannot reach, since a server process only
// loses the service when it stops. Nothing may call into it or its
// follows once it is gone:
//   - a logs_follow the agent answers after the service went: the answer
//     is dropped (AgentCalls holds the service as the call's context);
//   - the HTTP layer's hook into an opened follow (attachOnce), used or
//     merely dropped after the service went, does nothing;
//   - the agent's frames for that follow and its link ending reach nobody.
// Each would be a use after free (a crash under AddressSanitizer); here
// also a callback or a request to the agent that must not happen.

#include "ServiceTestSupport.h"
#include "crypto/Sodium.h"
#include "fleet/AgentProtocol.h"
#include "fleet/DockerLogStream.h"
#include "fleet/StreamFrame.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/remote/DockerLogFollows.h"
#include "server/services/remote/NodeActions.h"
#include "server/services/remote/NodeGrants.h"

#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using remote::DockerLogFollows;

namespace {

const auth::ClientInfo kClient{QStringLiteral("192.0.2.31"), QStringLiteral("test")};
const int kConnection = 1;
constexpr quint32 kChannel = hm::fleet::kDockerLogChannelBits | 7u;

} // namespace

class TestDockerLogFollowsTeardown : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    FlowEngineHost m_host; // not started: nothing here reports
    auth::AccountEvents m_events;
    std::unique_ptr<server::fleet::FleetService> m_fleet;
    std::unique_ptr<remote::NodeGrants> m_grants;
    std::unique_ptr<remote::NodeActions> m_actions;
    auth::Principal m_admin;
    QString m_nodeId;
    QList<hm::fleet::RequestMessage> m_requests; // what the agent was asked

    // The agent's answer to the last logs_follow: the channel it streams on.
    void answerFollow()
    {
        QVERIFY(!m_requests.isEmpty());
        QCOMPARE(m_requests.last().action, QStringLiteral("logs_follow"));
        hm::fleet::ResponseMessage answer;
        answer.id = m_requests.last().id;
        answer.result = {{QStringLiteral("channel"), qint64(kChannel)}};
        m_fleet->calls().deliver(&kConnection, answer);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(crypto::initialize());
        const QString opened = m_store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto admin = m_store.addUser(QStringLiteral("followadmin"), QStringLiteral("Adm1n!Secret"),
                                     auth::Role::Admin);
        QVERIFY(admin);
        m_admin = principalOf(admin.value());
        m_fleet = std::make_unique<server::fleet::FleetService>(*m_store.db, m_host, m_events);
        m_grants = std::make_unique<remote::NodeGrants>(*m_store.db);
        m_actions = std::make_unique<remote::NodeActions>(*m_store.db, *m_fleet, *m_grants);
        server::fleet::NodeDetails details;
        details.name = QStringLiteral("dock-1");
        auto created = m_fleet->create(m_admin, kClient, details, 24);
        QVERIFY(created);
        m_nodeId = created->node.id;
    }

    void init()
    {
        m_requests.clear();
        m_fleet->calls().attach(
            m_nodeId, &kConnection, {QStringLiteral("docker")},
            [this](const QByteArray &frame) {
                auto parsed = hm::fleet::parseAgentMessage(frame);
                if (parsed && std::holds_alternative<hm::fleet::RequestMessage>(parsed.value()))
                    m_requests.append(std::get<hm::fleet::RequestMessage>(parsed.value()));
            },
            [](const QByteArray &) {});
    }

    void cleanup() { m_fleet->calls().detach(&kConnection); }

    void anAnswerAfterTheServiceWentIsDropped()
    {
        auto follows = std::make_unique<DockerLogFollows>(*m_actions);
        bool called = false;
        follows->open(m_admin, kClient, m_nodeId, QStringLiteral("hm-web"), 10,
                      [&](Result<DockerLogFollows::Opened>) { called = true; });
        QCOMPARE(m_requests.size(), 1);
        follows.reset(); // the server stopping while the agent works
        answerFollow();
        QCoreApplication::processEvents();
        QVERIFY2(!called, "the open was answered for a service that was gone");
        QCOMPARE(m_fleet->calls().pendingCount(m_nodeId), 0);
    }

    void anOpenedFollowsHookAfterTheServiceWentDoesNothing()
    {
        auto follows = std::make_unique<DockerLogFollows>(*m_actions);
        std::optional<DockerLogFollows::Opened> opened;
        follows->open(m_admin, kClient, m_nodeId, QStringLiteral("hm-web"), 10,
                      [&](Result<DockerLogFollows::Opened> r) {
                          QVERIFY(r);
                          opened = std::move(r.value());
                      });
        answerFollow();
        QVERIFY(opened);
        QCOMPARE(follows->activeCount(), 1);
        // While it is there the hook is live: a client that took no body
        // stops the agent (logs_close).
        {
            auto probe = std::make_unique<DockerLogFollows>(*m_actions);
            std::optional<DockerLogFollows::Opened> other;
            probe->open(m_admin, kClient, m_nodeId, QStringLiteral("hm-db"), 0,
                        [&](Result<DockerLogFollows::Opened> r) { other = std::move(r.value()); });
            hm::fleet::ResponseMessage answer;
            answer.id = m_requests.last().id;
            answer.result = {{QStringLiteral("channel"), qint64(kChannel + 1)}};
            m_fleet->calls().deliver(&kConnection, answer);
            QVERIFY(other);
            const qsizetype asked = m_requests.size();
            other->attach(nullptr);
            QCOMPARE(m_requests.size(), asked + 1);
            QCOMPARE(m_requests.last().action, QStringLiteral("logs_close"));
            QCOMPARE(probe->activeCount(), 0);
        }

        const qsizetype asked = m_requests.size();
        follows.reset(); // gone with its follow open
        // The agent goes on streaming, then its link ends; the HTTP layer
        // takes its hook late (and drops it).
        m_fleet->calls().deliverStream(
            &kConnection, hm::fleet::serialize(hm::fleet::streamData(kChannel, "late line\n")));
        m_fleet->calls().deliverStream(&kConnection, hm::fleet::serialize(hm::fleet::streamEnd(
                                                         kChannel, hm::fleet::kDockerLogEnded, 0)));
        opened->attach(nullptr);
        opened.reset();
        m_fleet->calls().detach(&kConnection);
        QCoreApplication::processEvents();
        QCOMPARE(m_requests.size(), asked); // nobody asked the agent anything
    }
};

QTEST_GUILESS_MAIN(TestDockerLogFollowsTeardown)
#include "TestDockerLogFollowsTeardown.moc"
