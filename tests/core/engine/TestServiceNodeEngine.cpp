// The "service" node end to end: a flow run by the real Engine (Scheduler,
// retry policy) whose journal is StoreExecutionJournal on a SQLCipher
// store, calling a loopback HTTP peer that echoes the credential back. The
// stored node (inputs, outputs, logs, error) must show the retry and never
// the secrets. The resolver is FixedServiceResolver, the only test double.

#include "EngineFixtures.h"
#include "FixedServiceResolver.h"
#include "PersistenceTestSupport.h"
#include "ServicePeer.h"
#include "engine/Engine.h"
#include "engine/builtins/Builtins.h"
#include "engine/services/ServiceCallExecutor.h"
#include "engine_store/StoreExecutionJournal.h"
#include "engine_store/StoredNodes.h"
#include "store/WriteBehindQueue.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <mutex>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;
using hm::test::FixedServiceResolver;
using hm::test::ServicePeer;

namespace {

const QString kToken = QStringLiteral("tok-9e1d/Kq+x=");
const QString kApiKey = QStringLiteral("apikey-55&z");

} // namespace

class TestServiceNodeEngine : public QObject
{
    Q_OBJECT

private slots:
    void storedHistoryIsMaskedAndShowsTheRetry()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.db"));
        const crypto::SecureBytes key = engine::test::randomKey();
        std::unique_ptr<store::Database> db =
            engine::test::openMigrated(path, engine::test::copyOf(key));
        QVERIFY(db);
        store::WriteBehindQueue queue(path, engine::test::copyOf(key));
        // An attempt with external effects starts once its start is durable:
        // each commit wakes the scheduler, as the server's FlowEngineHost does.
        std::mutex engineMutex;
        Engine *running = nullptr;
        queue.addCommitListener([&](const store::CommitProgress &) {
            std::lock_guard lock(engineMutex);
            if (running)
                running->post([](Scheduler &s) { s.journalProgressed(); });
        });
        QVERIFY(queue.start().ok());
        StoreExecutionJournal journal(queue);

        // The service: 503 first, then 200; both echo the credential.
        ServicePeer peer;
        peer.setHandler([&peer](const ServicePeer::Request &r) {
            ServicePeer::Response response;
            response.status = peer.requests().size() == 1 ? 503 : 200;
            response.body =
                QJsonDocument(QJsonObject{
                                  {"seen_header", QString::fromUtf8(r.header("authorization"))},
                                  {"seen_target", QString::fromUtf8(r.target)},
                              })
                    .toJson(QJsonDocument::Compact);
            response.headers.append({"X-Echo", r.header("authorization")});
            return response;
        });
        FixedServiceResolver resolver;
        ServiceEndpointSpec spec;
        spec.serviceId = QStringLiteral("crm");
        spec.endpointId = QStringLiteral("find");
        spec.method = QStringLiteral("GET");
        spec.baseUrl = peer.url(QStringLiteral("/api"));
        spec.path = QStringLiteral("/people/{name}");
        spec.parameters = {ServiceParameter{"name", "path", "string", true, {}}};
        resolver.setEndpoint(spec);
        ServiceAuth auth;
        auth.headers.append({"Authorization", "Bearer " + kToken.toUtf8()});
        auth.query.append({QStringLiteral("key"), kApiKey});
        auth.secrets = {kToken, kApiKey};
        resolver.setAuth(auth);

        // Created on this thread, then handed to the engine thread (as the
        // server's FlowEngineHost does); destroyed after the engine.
        auto network = std::make_unique<QNetworkAccessManager>();
        auto registry = std::make_shared<ExecutorRegistry>();
        registerBuiltins(*registry);
        registerServiceNode(*registry, &resolver, network.get());
        const flow::CompiledFlowPtr flow =
            engine::test::FlowBuilder()
                .node(QStringLiteral("call"), QStringLiteral("service"),
                      QJsonObject{{QStringLiteral("serviceId"), QStringLiteral("crm")},
                                  {QStringLiteral("endpointId"), QStringLiteral("find")}},
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("$.trigger.who")}})
                .set([](flow::FlowSettings &s) {
                    s.retry.maxAttempts = 3;
                    s.retry.backoffMs = 10;
                })
                .compile(*registry);
        QVERIFY(flow->node(0).interface->input(QStringLiteral("name")));

        QString executionId;
        QString endStatus;
        {
            Engine engine(registry, &journal, {});
            network->moveToThread(engine.engineThread());
            {
                std::lock_guard lock(engineMutex);
                running = &engine;
            }
            // Cleared before the engine goes, even when a check below fails.
            const std::unique_ptr<void, std::function<void(void *)>> unlink(&engine, [&](void *) {
                std::lock_guard lock(engineMutex);
                running = nullptr;
            });
            QObject context;
            connect(&engine, &Engine::engineEvent, &context, [&](const EngineEvent &event) {
                if (event.type == EngineEvent::Type::ExecutionCompleted)
                    endStatus = event.status;
            });
            engine.trigger(
                TriggerRequest{QStringLiteral("flow-1"), QStringLiteral("1"), flow,
                               QJsonObject{{QStringLiteral("who"), QStringLiteral("a/b")}},
                               QStringLiteral("user-1")},
                &context, [&](Result<TriggerResult> r) {
                    if (r)
                        executionId = r->executionId;
                });
            QTRY_VERIFY_WITH_TIMEOUT(!endStatus.isEmpty(), 15000);
            QVERIFY(!executionId.isEmpty());
            QCOMPARE(endStatus, QStringLiteral("completed"));
        }
        queue.flush();
        QCOMPARE(queue.stats().failed, 0);

        // The scheduler's retry policy made the second call, each authorized.
        QCOMPARE(peer.requests().size(), 2);
        QCOMPARE(peer.requests().at(0).path(), QByteArray("/api/people/a%2Fb"));
        QCOMPARE(peer.requests().at(1).header("authorization"), "Bearer " + kToken.toUtf8());
        QCOMPARE(resolver.authorizeCalls.load(), 2);

        const Result<std::optional<StoredNode>> stored =
            loadStoredNode(*db, executionId, QStringLiteral("call"));
        QVERIFY2(stored.ok(), engine::test::why(stored));
        QVERIFY(stored->has_value());
        const StoredNode &node = **stored;
        QCOMPARE(node.status, QStringLiteral("completed"));
        QCOMPARE(node.attempt, 2);
        QCOMPARE(node.inputs.toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("a/b"));
        const QJsonObject outputs = node.outputs.toObject();
        QCOMPARE(outputs.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(outputs.value(QStringLiteral("body"))[QStringLiteral("seen_header")].toString(),
                 QStringLiteral("****"));
        QCOMPARE(outputs.value(QStringLiteral("headers"))[QStringLiteral("x-echo")].toString(),
                 QStringLiteral("****"));
        const QStringList logs = node.logs.toVariant().toStringList();
        QVERIFY(!logs.isEmpty());
        QVERIFY2(logs.last().contains(QStringLiteral("GET ") + peer.url().toString() +
                                      QStringLiteral("/api/people/a%2Fb -> 200")),
                 qPrintable(logs.join(u'\n')));

        // Nothing stored for the execution shows a secret, raw or encoded.
        const QString everything =
            engine::test::rows(*db, QStringLiteral("SELECT * FROM node_executions")).join(u'\n') +
            engine::test::rows(*db, QStringLiteral("SELECT * FROM executions")).join(u'\n');
        QVERIFY(everything.contains(QStringLiteral("****")));
        for (const QString &secret :
             {kToken, kApiKey, QString::fromLatin1(QUrl::toPercentEncoding(kToken)),
              QString::fromLatin1(QUrl::toPercentEncoding(kApiKey))})
            QVERIFY2(!everything.contains(secret), qPrintable(everything));
    }
};

QTEST_GUILESS_MAIN(TestServiceNodeEngine)
#include "TestServiceNodeEngine.moc"
