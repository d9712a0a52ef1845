#include "PersistenceTestSupport.h"
#include "engine_store/FlowRepository.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::engine;
using namespace hm::engine::persistence;
using namespace hm::engine::test;

// FlowRepository on a real SQLCipher file: versions, publishing, soft delete
// and loading a compiled flow for the engine.
class TestJournalFlowRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_db;
    flow::InMemoryComponentCatalog m_catalog;

    static flow::FlowDefinition twoDelays(int ms)
    {
        const QByteArray json = QStringLiteral(R"({"nodes": [
            {"id": "first", "component": "delay", "version": "1.0.0", "config": {"ms": %1}},
            {"id": "second", "component": "delay", "version": "1.0.0", "config": {"ms": %1}}],
            "edges": [{"id": "e", "source": "first", "target": "second"}]})")
                                    .arg(ms)
                                    .toUtf8();
        Result<flow::FlowDefinition> definition = flow::FlowDefinition::fromJson(json);
        Q_ASSERT(definition.ok());
        return definition.value();
    }

    NewFlow newFlow(const QString &name)
    {
        NewFlow f;
        f.name = name;
        f.description = QStringLiteral("two delays");
        f.ownerId = QStringLiteral("user-1");
        f.definition = twoDelays(10);
        f.settings.concurrency.mode = flow::ConcurrencyMode::Queue;
        f.settings.historyLevel = flow::HistoryLevel::Summary;
        return f;
    }

    static QStringList statuses(const QList<FlowVersionRecord> &versions)
    {
        QStringList out;
        for (const FlowVersionRecord &v : versions)
            out << v.version + QLatin1Char(':') + flow::flowVersionStatusName(v.status);
        return out;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = openMigrated(m_dir->filePath(QStringLiteral("flows.db")), randomKey());
        QVERIFY(m_db);
        Result<flow::ComponentInterface> delay =
            flow::ComponentInterface::fromJson(QJsonDocument::fromJson(R"({
                "name": "delay", "version": "1.0.0",
                "inputs": [{"name": "ms", "type": "integer", "default": 1000}],
                "outputs": [],
                "configSchema": {"type": "object", "properties": {"ms": {"type": "integer"}}}
            })")
                                                   .object());
        QVERIFY2(delay.ok(), why(delay));
        m_catalog.add(delay.value());
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void createAddPublishAndLoad()
    {
        FlowRepository repo(*m_db);
        Result<FlowRecord> created = repo.createFlow(newFlow(QStringLiteral("nightly")));
        QVERIFY2(created.ok(), why(created));
        const QString id = created.value().id;
        QCOMPARE(created.value().historyLevel, QStringLiteral("summary"));
        QCOMPARE(repo.flow(id).value().name, QStringLiteral("nightly"));

        Result<QList<FlowVersionRecord>> versions = repo.versions(id);
        QVERIFY2(versions.ok(), why(versions));
        QCOMPARE(statuses(versions.value()), QStringList{QStringLiteral("1:draft")});
        QCOMPARE(versions.value().first().definition, twoDelays(10));
        QCOMPARE(versions.value().first().settings, newFlow(QString()).settings);

        QVERIFY(repo.publish(id, QStringLiteral("1")).ok());
        Result<FlowVersionRecord> second =
            repo.addVersion(id, twoDelays(20), {}, QStringLiteral("user-2"));
        QVERIFY2(second.ok(), why(second));
        QCOMPARE(second.value().version, QStringLiteral("2"));
        QCOMPARE(second.value().createdBy, QStringLiteral("user-2"));
        QCOMPARE(repo.publishedVersion(id).value().version, QStringLiteral("1"));

        // Publishing deprecates the previously published version.
        QVERIFY(repo.publish(id, QStringLiteral("2")).ok());
        QVERIFY(repo.publish(id, QStringLiteral("2")).ok()); // again: no-op
        QCOMPARE(statuses(repo.versions(id).value()),
                 (QStringList{QStringLiteral("1:deprecated"), QStringLiteral("2:published")}));
        QVERIFY(repo.publishedVersion(id).value().publishedAtMs > 0);

        // A deprecated version still loads: executions pinned to it run on.
        Result<flow::CompiledFlowPtr> compiled =
            repo.loadCompiled(id, QStringLiteral("1"), m_catalog);
        QVERIFY2(compiled.ok(), why(compiled));
        QCOMPARE(compiled.value()->nodeCount(), 2);
        QCOMPARE(compiled.value()->definition(), twoDelays(10));
        QCOMPARE(compiled.value()->settings().concurrency.mode, flow::ConcurrencyMode::Queue);

        QCOMPARE(repo.version(id, QStringLiteral("9")).error().code,
                 ErrorCode::FlowVersionNotFound);
        QCOMPARE(repo.publish(id, QStringLiteral("9")).error().code,
                 ErrorCode::FlowVersionNotFound);
    }

    // Every change raises the revision by one; a write whose base no longer
    // holds is CONFLICT and stores nothing (the revision stays too).
    void revisionsGuardWrites()
    {
        FlowRepository repo(*m_db);
        Result<FlowRecord> created = repo.createFlow(newFlow(QStringLiteral("guarded")));
        QVERIFY2(created.ok(), why(created));
        const QString id = created.value().id;
        QCOMPARE(repo.flow(id).value().revision, 1);

        QVERIFY(repo.addVersion(id, twoDelays(2), {}, QStringLiteral("a"), {1, 1}).ok());
        QCOMPARE(repo.flow(id).value().revision, 2);
        // The same base again: someone else's change came first.
        for (const FlowEditBase &stale :
             {FlowEditBase{1, std::nullopt}, FlowEditBase{std::nullopt, 1}, FlowEditBase{2, 1}}) {
            Result<FlowVersionRecord> refused =
                repo.addVersion(id, twoDelays(3), {}, QStringLiteral("b"), stale);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::Conflict);
            QCOMPARE(refused.error().details.value("current_revision").toInteger(), 2);
            QCOMPARE(refused.error().details.value("current_version").toString(),
                     QStringLiteral("2"));
            QCOMPARE(refused.error().details.value("reason").toString(), QStringLiteral("stale"));
        }
        QCOMPARE(repo.versions(id).value().size(), 2);
        QCOMPARE(repo.publish(id, QStringLiteral("2"), {1, std::nullopt}).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(repo.softDelete(id, {std::nullopt, 1}).error().code, ErrorCode::Conflict);
        QCOMPARE(repo.flow(id).value().revision, 2);
        QCOMPARE(statuses(repo.versions(id).value()),
                 (QStringList{QStringLiteral("1:draft"), QStringLiteral("2:draft")}));

        // A base it never had is said to be unknown.
        const Error unknown = repo.publish(id, QStringLiteral("2"), {7, std::nullopt}).error();
        QCOMPARE(unknown.code, ErrorCode::Conflict);
        QCOMPARE(unknown.details.value("reason").toString(), QStringLiteral("unknown_base"));

        // Within a caller's transaction: claimed once per base.
        {
            Result<store::Transaction> txn = m_db->begin();
            QVERIFY(txn.ok());
            QCOMPARE(repo.claimRevision(id, {2, 2}).valueOr(-1), 3);
            QCOMPARE(repo.claimRevision(id, {2, 2}).error().code, ErrorCode::Conflict);
            QVERIFY(txn.value().rollback().ok());
        }
        QCOMPARE(repo.flow(id).value().revision, 2);

        // Publishing the published version again keeps the revision.
        QVERIFY(repo.publish(id, QStringLiteral("2"), {2, 2}).ok());
        QCOMPARE(repo.flow(id).value().revision, 3);
        QVERIFY(repo.publish(id, QStringLiteral("2"), {3, 2}).ok());
        QCOMPARE(repo.flow(id).value().revision, 3);
        QVERIFY(repo.softDelete(id, {3, 2}).ok());
        QCOMPARE(repo.claimRevision(id, {}).error().code, ErrorCode::FlowNotFound);
    }

    void namesAreUniqueAmongLiveFlows()
    {
        FlowRepository repo(*m_db);
        Result<FlowRecord> first = repo.createFlow(newFlow(QStringLiteral("dup")));
        QVERIFY2(first.ok(), why(first));
        QCOMPARE(repo.createFlow(newFlow(QStringLiteral("dup"))).error().code,
                 ErrorCode::ResourceAlreadyExists);
        QVERIFY(repo.softDelete(first.value().id).ok());
        // Deleted: the name is free again and the old flow is gone for callers.
        QVERIFY(repo.createFlow(newFlow(QStringLiteral("dup"))).ok());
        QCOMPARE(repo.flow(first.value().id).error().code, ErrorCode::FlowNotFound);
        QCOMPARE(repo.versions(first.value().id).error().code, ErrorCode::FlowNotFound);
        QCOMPARE(repo.loadCompiled(first.value().id, QStringLiteral("1"), m_catalog).error().code,
                 ErrorCode::FlowNotFound);
        QCOMPARE(repo.softDelete(first.value().id).error().code, ErrorCode::FlowNotFound);
        // ... but its rows stay for the execution history.
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM flow_versions")).valueOr(-1),
                 2);
    }

    void brokenDefinitionDoesNotCompile()
    {
        FlowRepository repo(*m_db);
        NewFlow f = newFlow(QStringLiteral("broken"));
        f.definition.nodes[1].component = QStringLiteral("no-such-component");
        Result<FlowRecord> created = repo.createFlow(f);
        QVERIFY2(created.ok(), why(created)); // drafts may be incomplete
        QCOMPARE(repo.loadCompiled(created.value().id, QStringLiteral("1"), m_catalog).error().code,
                 ErrorCode::InvalidFlowDefinition);
    }

    void schemaConstraints()
    {
        FlowRepository repo(*m_db);
        Result<FlowRecord> created = repo.createFlow(newFlow(QStringLiteral("c")));
        QVERIFY(created.ok());
        const QString id = created.value().id;
        QVERIFY(repo.addVersion(id, twoDelays(1), {}, QStringLiteral("u")).ok());
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE flow_versions SET status = 'live'")).ok());
        // One published version per flow, even bypassing the repository.
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE flow_versions SET status = 'published'")).ok());
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO executions (id, flow_id, flow_version,"
                                           " status) VALUES ('x', 'f', '1', 'paused')"))
                     .ok());
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO node_executions (id, execution_id,"
                                           " node_id, component, version)"
                                           " VALUES ('n', 'no-such-execution', 'a', 'c', '1')"))
                     .ok());
        // Deleting an execution takes its node rows with it.
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO executions (id, flow_id, flow_version)"
                                          " VALUES ('x', 'f', '1');"
                                          "INSERT INTO node_executions (id, execution_id,"
                                          " node_id, component, version)"
                                          " VALUES ('n', 'x', 'a', 'c', '1');"
                                          "DELETE FROM executions WHERE id = 'x'"))
                    .ok());
        QCOMPARE(m_db->queryInt(QStringLiteral("SELECT count(*) FROM node_executions")).valueOr(-1),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestJournalFlowRepository)
#include "TestJournalFlowRepository.moc"
