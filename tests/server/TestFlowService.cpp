// FlowService called directly on a real store (no HTTP): a flow's name is
// unique among live flows on create and on rename (RESOURCE_ALREADY_EXISTS
// naming the field, as the routes answer); an update is one transaction, so
// a refused one leaves the stored flow (name, description, revision) as it
// was; delete is the owner's; a draft with problems is not published; and
// every successful write makes the flow caches start over at once (the
// grant cache the trigger route uses answers the new state at its very next
// lookup, and the generation the trigger path's version cache follows
// moves), while a refused write is neither audited nor published.

#include "ServiceTestSupport.h"
#include "engine/ExecutorRegistry.h"
#include "engine/NodeExecutor.h"
#include "server/api/QueryParams.h"
#include "server/repositories/WriteGenerations.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEvents.h"
#include "server/services/engine/FlowService.h"
#include "server/services/engine/ShareService.h"

#include <QJsonArray>
#include <QTest>

using namespace hm;
using namespace hm::server;
using namespace hm::test;
using engine::persistence::FlowEditBase;
using engine::persistence::FlowRecord;
using engine::persistence::FlowRepository;
using auth::Role;
using auth::UserRecord;

namespace {

const QString kPassword = QStringLiteral("Us3r!Passw0rd");
const auth::ClientInfo kClient{QStringLiteral("192.0.2.30"), QStringLiteral("test")};

class NullExecutor final : public engine::NodeExecutor
{
public:
    std::unique_ptr<engine::NodeRun> start(const engine::NodeTask &,
                                           engine::NodeDone done) override
    {
        done(engine::NodeOutcome::completed({}));
        return nullptr;
    }
};

QJsonObject node(const QString &id, const QString &component)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("component"), component},
            {QStringLiteral("version"), QStringLiteral("1.0.0")},
            {QStringLiteral("position"),
             QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
            {QStringLiteral("config"), QJsonObject()},
            {QStringLiteral("inputMappings"), QJsonObject()}};
}

// One node of `component`: "noop" compiles, anything else is a problem.
QJsonObject body(const QString &component = QStringLiteral("noop"))
{
    return {{QStringLiteral("definition"),
             QJsonObject{{QStringLiteral("schemaVersion"), 1},
                         {QStringLiteral("nodes"), QJsonArray{node(QStringLiteral("a"), component)}},
                         {QStringLiteral("edges"), QJsonArray()}}}};
}

// What went wrong, for a failed check's message (empty when it went right).
template <typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

FlowEditBase revisionBase(qint64 revision)
{
    FlowEditBase base;
    base.revision = revision;
    return base;
}

} // namespace

class TestFlowService : public QObject
{
    Q_OBJECT
private:
    ServiceStore m_store;
    engine::ExecutorRegistry m_registry;
    FlowEvents m_events;
    QList<FlowEvent> m_published;
    int m_users = 0;
    int m_flows = 0;
    UserRecord m_owner;
    UserRecord m_editor;
    UserRecord m_viewer;

    FlowService service() { return FlowService(*m_store.db, m_registry, m_events); }

    UserRecord newUser(Role role = Role::User)
    {
        auto user = m_store.addUser(QStringLiteral("flower%1").arg(++m_users), kPassword, role);
        if (!user)
            qFatal("%s", qPrintable(user.error().toString()));
        return user.value();
    }

    flowdrafts::Draft draft(const QString &component = QStringLiteral("noop"))
    {
        auto parsed = flowdrafts::parseDraft(body(component), m_registry);
        if (!parsed)
            qFatal("%s", qPrintable(parsed.error().toString()));
        return parsed.value();
    }

    // A flow of m_owner, shared for editing with m_editor and for viewing
    // with m_viewer.
    FlowRecord newFlow(const QString &name = {})
    {
        const QString flowName = name.isEmpty() ? QStringLiteral("flow-%1").arg(++m_flows) : name;
        auto flow = service().create(principalOf(m_owner), kClient, flowName,
                                     QStringLiteral("described"), draft());
        if (!flow)
            qFatal("%s", qPrintable(flow.error().toString()));
        ShareService shares(*m_store.db, m_events);
        if (!shares.create(principalOf(m_owner), kClient, flow.value().id, m_editor.email,
                           QStringLiteral("edit")))
            qFatal("could not share with the editor");
        if (!shares.create(principalOf(m_owner), kClient, flow.value().id, m_viewer.email,
                           QStringLiteral("view")))
            qFatal("could not share with the viewer");
        m_published.clear();
        return flow.value();
    }

    FlowRecord stored(const QString &flowId)
    {
        auto flow = FlowRepository(*m_store.db).flow(flowId);
        if (!flow)
            qFatal("%s", qPrintable(flow.error().toString()));
        return flow.value();
    }

    qint64 auditCount(const QString &action, const QString &flowId)
    {
        auto row = m_store.db->selectOne(
            QStringLiteral("SELECT COUNT(*) FROM audit_logs WHERE action = ? AND resource_id = ?"),
            {action, flowId});
        if (!row || !row.value())
            qFatal("could not count the audit entries");
        return row.value()->int64(0);
    }

    QStringList publishedTypes() const
    {
        QStringList types;
        for (const FlowEvent &event : m_published)
            types << event.type;
        return types;
    }

private slots:
    void initTestCase()
    {
        const QString failure = m_store.open();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        flow::ComponentInterface noop;
        noop.name = QStringLiteral("noop");
        noop.version = QStringLiteral("1.0.0");
        noop.outputs.append(flow::PortDef{QStringLiteral("out"), flow::PortType::Any, false, {}, {}});
        m_registry.add(noop, std::make_shared<NullExecutor>());
        m_owner = newUser();
        m_editor = newUser();
        m_viewer = newUser(Role::Viewer);
        connect(&m_events, &FlowEvents::published, this,
                [this](const FlowEvent &event) { m_published.append(event); });
    }
    void init() { m_published.clear(); }

    void createRefusesATakenName()
    {
        const FlowRecord first = newFlow(QStringLiteral("unique name"));
        QVERIFY(!first.id.isEmpty());
        const quint64 generation = flowCacheGeneration();

        auto again = service().create(principalOf(m_editor), kClient, QStringLiteral("unique name"),
                                      {}, draft());
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::ResourceAlreadyExists);
        QCOMPARE(again.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("name"));
        QCOMPARE(again.error().message, QStringLiteral("a flow named \"unique name\" already exists"));
        QVERIFY(m_published.isEmpty());
        QCOMPARE(flowCacheGeneration(), generation);

        // A blank or overlong name is refused before anything is stored.
        auto blank = service().create(principalOf(m_owner), kClient, QStringLiteral("  "), {},
                                      draft());
        QCOMPARE(blank.error().code, ErrorCode::ValidationError);
        auto overlong = service().create(principalOf(m_owner), kClient,
                                         QString(kMaxNameLength + 1, QLatin1Char('n')), {}, draft());
        QCOMPARE(overlong.error().code, ErrorCode::ValidationError);
        QVERIFY(m_published.isEmpty());

        // Created: audited once, published once, caches start over.
        auto created = service().create(principalOf(m_owner), kClient,
                                        QStringLiteral("created here"), {}, draft());
        QVERIFY2(created.ok(), qPrintable(why(created)));
        QVERIFY(flowCacheGeneration() > generation);
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("flow_created")});
        QCOMPARE(auditCount(QStringLiteral("FLOW_CREATED"), created.value().id), 1);
        QCOMPARE(created.value().ownerId, m_owner.id);
    }

    void renameRefusesATakenName()
    {
        const FlowRecord taken = newFlow(QStringLiteral("taken name"));
        const FlowRecord flow = newFlow();
        const quint64 generation = flowCacheGeneration();

        FlowDetails rename;
        rename.name = taken.name;
        auto refused = service().update(principalOf(m_editor), kClient, flow.id, rename, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::ResourceAlreadyExists);
        QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(),
                 QStringLiteral("name"));
        QCOMPARE(refused.error().message, QStringLiteral("a flow named \"taken name\" already exists"));
        QCOMPARE(stored(flow.id).name, flow.name);
        QCOMPARE(flowCacheGeneration(), generation);
        QVERIFY(m_published.isEmpty());
        QCOMPARE(auditCount(QStringLiteral("FLOW_UPDATED"), flow.id), 0);

        // A deleted flow's name is free again.
        QVERIFY(service().remove(principalOf(m_owner), kClient, taken.id, {}).ok());
        auto renamed = service().update(principalOf(m_editor), kClient, flow.id, rename, {});
        QVERIFY2(renamed.ok(), qPrintable(why(renamed)));
        QCOMPARE(renamed.value().name, taken.name);
        QCOMPARE(stored(flow.id).name, taken.name);
    }

    void aRefusedUpdateLeavesTheFlowAsItWas()
    {
        newFlow(QStringLiteral("someone else's name"));
        const FlowRecord flow = newFlow();
        const quint64 generation = flowCacheGeneration();

        // The revision is claimed before the name is checked: only the
        // transaction's rollback gives it back.
        FlowDetails both;
        both.name = QStringLiteral("someone else's name");
        both.description = QStringLiteral("a new description");
        auto taken = service().update(principalOf(m_owner), kClient, flow.id, both,
                                      revisionBase(flow.revision));
        QCOMPARE(taken.error().code, ErrorCode::ResourceAlreadyExists);

        FlowDetails overlong;
        overlong.name = QString(kMaxNameLength + 1, QLatin1Char('x'));
        overlong.description = QStringLiteral("another description");
        auto invalid = service().update(principalOf(m_owner), kClient, flow.id, overlong, {});
        QCOMPARE(invalid.error().code, ErrorCode::ValidationError);

        const FlowRecord after = stored(flow.id);
        QCOMPARE(after.name, flow.name);
        QCOMPARE(after.description, flow.description);
        QCOMPARE(after.revision, flow.revision);
        QCOMPARE(after.updatedAtMs, flow.updatedAtMs);
        QCOMPARE(flowCacheGeneration(), generation);
        QVERIFY(m_published.isEmpty());

        // The base the refused updates named is still current.
        FlowDetails described;
        described.description = QStringLiteral("a new description");
        auto updated = service().update(principalOf(m_owner), kClient, flow.id, described,
                                        revisionBase(flow.revision));
        QVERIFY2(updated.ok(), qPrintable(why(updated)));
        QCOMPARE(updated.value().revision, flow.revision + 1);
        QCOMPARE(stored(flow.id).description, QStringLiteral("a new description"));
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("flow_updated")});
        QCOMPARE(m_published.first().data.value(QStringLiteral("changed")).toArray(),
                 QJsonArray{QStringLiteral("description")});
        QCOMPARE(auditCount(QStringLiteral("FLOW_UPDATED"), flow.id), 1);

        // A stale base is a conflict, and changes nothing either.
        m_published.clear();
        FlowDetails stale;
        stale.name = QStringLiteral("renamed on a stale base");
        auto conflict = service().update(principalOf(m_owner), kClient, flow.id, stale,
                                         revisionBase(flow.revision));
        QCOMPARE(conflict.error().code, ErrorCode::Conflict);
        QCOMPARE(stored(flow.id).name, flow.name);
        QCOMPARE(stored(flow.id).revision, flow.revision + 1);
        QVERIFY(m_published.isEmpty());
    }

    void anUpdateThatChangesNothingStoresNothing()
    {
        const FlowRecord flow = newFlow();
        const quint64 generation = flowCacheGeneration();
        FlowDetails same;
        same.name = flow.name;
        same.description = flow.description;
        auto unchanged = service().update(principalOf(m_owner), kClient, flow.id, same, {});
        QVERIFY2(unchanged.ok(), qPrintable(why(unchanged)));
        QCOMPARE(unchanged.value().revision, flow.revision);
        QCOMPARE(flowCacheGeneration(), generation);
        QVERIFY(m_published.isEmpty());
        QCOMPARE(auditCount(QStringLiteral("FLOW_UPDATED"), flow.id), 0);
    }

    void onlyEditorsWriteAndOnlyTheOwnerDeletes()
    {
        const FlowRecord flow = newFlow();
        const UserRecord stranger = newUser();
        FlowDetails rename;
        rename.name = QStringLiteral("not allowed");

        QCOMPARE(service().update(principalOf(m_viewer), kClient, flow.id, rename, {}).error().code,
                 ErrorCode::Forbidden);
        QCOMPARE(service().update(principalOf(stranger), kClient, flow.id, rename, {}).error().code,
                 ErrorCode::FlowNotFound);
        QCOMPARE(service()
                     .addVersion(principalOf(m_viewer), kClient, flow.id, draft(), {})
                     .error()
                     .code,
                 ErrorCode::Forbidden);
        QCOMPARE(service()
                     .publish(principalOf(m_viewer), kClient, flow.id, QStringLiteral("1"), {})
                     .error()
                     .code,
                 ErrorCode::Forbidden);
        QCOMPARE(service().remove(principalOf(m_editor), kClient, flow.id, {}).error().code,
                 ErrorCode::Forbidden);
        QCOMPARE(stored(flow.id).revision, flow.revision);
        QVERIFY(m_published.isEmpty());
    }

    void deleteIsSeenAtOnce()
    {
        const FlowRecord flow = newFlow();
        // The trigger route's grants, read once and kept until a write.
        FlowGrantCache grants(*m_store.db);
        QCOMPARE(grants.permission(principalOf(m_editor), flow.id).value(), FlowPermission::Edit);

        // A stale base refuses the delete: the flow stays.
        auto stale = service().remove(principalOf(m_owner), kClient, flow.id,
                                      revisionBase(flow.revision + 5));
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QVERIFY(FlowRepository(*m_store.db).flow(flow.id).ok());
        QCOMPARE(grants.permission(principalOf(m_editor), flow.id).value(), FlowPermission::Edit);

        auto removed = service().remove(principalOf(m_owner), kClient, flow.id,
                                        revisionBase(flow.revision));
        QVERIFY2(removed.ok(), qPrintable(why(removed)));
        QCOMPARE(removed.value().name, flow.name);
        QCOMPARE(FlowRepository(*m_store.db).flow(flow.id).error().code, ErrorCode::FlowNotFound);
        auto gone = grants.permission(principalOf(m_editor), flow.id);
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::FlowNotFound);
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("flow_deleted")});
        QCOMPARE(auditCount(QStringLiteral("FLOW_DELETED"), flow.id), 1);

        // Deleted is gone for every write.
        QCOMPARE(service().remove(principalOf(m_owner), kClient, flow.id, {}).error().code,
                 ErrorCode::FlowNotFound);
    }

    void versionsAndPublishingMoveTheCaches()
    {
        const FlowRecord flow = newFlow();
        // What the trigger path's version cache follows.
        quint64 generation = flowCacheGeneration();

        auto saved = service().addVersion(principalOf(m_editor), kClient, flow.id, draft(),
                                          revisionBase(flow.revision));
        QVERIFY2(saved.ok(), qPrintable(why(saved)));
        QCOMPARE(saved.value().version.version, QStringLiteral("2"));
        QCOMPARE(saved.value().revision, flow.revision + 1);
        QVERIFY(flowCacheGeneration() > generation);
        generation = flowCacheGeneration();

        auto published = service().publish(principalOf(m_editor), kClient, flow.id,
                                           QStringLiteral("2"), {});
        QVERIFY2(published.ok(), qPrintable(why(published)));
        QCOMPARE(published.value().revision, flow.revision + 2);
        QVERIFY(flowCacheGeneration() > generation);
        generation = flowCacheGeneration();
        QCOMPARE(FlowRepository(*m_store.db).publishedVersion(flow.id).value().version,
                 QStringLiteral("2"));

        // Version 1 published next: version 2 is deprecated, and the event
        // says so.
        m_published.clear();
        QVERIFY(service().publish(principalOf(m_editor), kClient, flow.id, QStringLiteral("1"), {}));
        QVERIFY(flowCacheGeneration() > generation);
        QCOMPARE(publishedTypes(), QStringList{QStringLiteral("flow_published")});
        QCOMPARE(m_published.first().data.value(QStringLiteral("deprecated_version")).toString(),
                 QStringLiteral("2"));
        QCOMPARE(auditCount(QStringLiteral("FLOW_PUBLISHED"), flow.id), 2);

        // Publishing the published version again changes nothing.
        m_published.clear();
        auto again =
            service().publish(principalOf(m_editor), kClient, flow.id, QStringLiteral("1"), {});
        QVERIFY(again.ok());
        QCOMPARE(again.value().revision, flow.revision + 3);
        QVERIFY(m_published.isEmpty());
        QCOMPARE(auditCount(QStringLiteral("FLOW_PUBLISHED"), flow.id), 2);
    }

    void aDraftWithProblemsIsNotPublished()
    {
        const FlowRecord flow = newFlow();
        auto saved = service().addVersion(principalOf(m_owner), kClient, flow.id,
                                          draft(QStringLiteral("no-such-component")), {});
        QVERIFY2(saved.ok(), qPrintable(why(saved)));
        m_published.clear();
        const quint64 generation = flowCacheGeneration();
        const qint64 revision = stored(flow.id).revision;

        auto refused = service().publish(principalOf(m_owner), kClient, flow.id,
                                         saved.value().version.version, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidFlowDefinition);
        QCOMPARE(stored(flow.id).revision, revision);
        QCOMPARE(flowCacheGeneration(), generation);
        QVERIFY(m_published.isEmpty());
        QCOMPARE(FlowRepository(*m_store.db).publishedVersion(flow.id).error().code,
                 ErrorCode::FlowVersionNotFound);
    }
};

QTEST_GUILESS_MAIN(TestFlowService)
#include "TestFlowService.moc"
