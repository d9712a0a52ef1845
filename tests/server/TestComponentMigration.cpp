// The registry's split into components / component_versions (schema 11)
// through the real hivemind-server: a data directory made at schema 10 with
// several names, versions, endpoints, a deprecation, deletions and a flow
// using them is opened by the server, and every registration reads back
// through the API as before (ids, endpoints, status, health, times, usage).
// Then the name-level fields a registration sets (display name,
// description, category, icon), with the reference component on loopback.

#include "../core/engine/TestHttpSupport.h"
#include "FlowTestSupport.h"
#include "crypto/KeyDerivation.h"
#include "store/Database.h"
#include "store/Migrations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace hm;
using namespace hm::test;

namespace {

// Unix ms of the stored times, and their ISO form in answers.
constexpr qint64 kT0 = 1700000000000;

QString isoAt(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject legacyInterface(const QString &version)
{
    return {{"name", "legacy"},
            {"version", version},
            {"inputs", QJsonArray{QJsonObject{{"name", "value"}}}},
            {"outputs", QJsonArray{QJsonObject{{"name", "value"}}}}};
}

QJsonObject itemOf(const QJsonArray &items, const QString &version)
{
    for (const QJsonValue item : items) {
        if (item["version"].toString() == version)
            return item.toObject();
    }
    return {};
}

QStringList urlsOf(const QJsonObject &item)
{
    QStringList urls;
    for (const QJsonValue e : item.value("endpoints").toArray())
        urls.append(e["url"].toString());
    return urls;
}

// Refused at once: nothing listens on port 1 of loopback.
const QString kDeadA = QStringLiteral("http://127.0.0.1:1/a");
const QString kDeadB = QStringLiteral("http://127.0.0.1:1/b");

} // namespace

class TestComponentMigration : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    QByteArray m_masterKey = randomMasterKeyBase64();
    std::unique_ptr<ReferenceComponent> m_ref;
    QUrl m_refUrl;

    QJsonArray items(const QString &path)
    {
        return m_http->get(path, m_admin).data().value("items").toArray();
    }

    // The version-10 database the server will find in its data directory.
    QString makeVersionTenDatabase()
    {
        auto key =
            crypto::deriveSubkey(crypto::SecureBytes::fromRaw(QByteArray::fromBase64(m_masterKey)),
                                 crypto::Subkey::Database);
        auto db = store::Database::open(m_dir.filePath("hivemind.db"), key);
        if (!db)
            return db.error().toString();
        QList<store::Migration> upToTen;
        for (const store::Migration &m : store::schemaMigrations()) {
            if (m.version <= 10)
                upToTen << m;
        }
        if (Status migrated = store::migrate(*db.value(), upToTen); !migrated)
            return migrated.error().toString();
        store::Database &d = *db.value();
        struct Row
        {
            const char *id;
            const char *name;
            const char *version;
            const char *displayName;
            const char *status;
            const char *health;
            qint64 created;
            qint64 deleted; // 0: live
        };
        const Row rows[] = {
            {"11111111-0000-4000-8000-000000000001", "legacy", "1.0.0", "Legacy", "active",
             "healthy", kT0 + 1000, 0},
            {"11111111-0000-4000-8000-000000000002", "legacy", "1.1.0", "Legacy", "deprecated",
             "degraded", kT0 + 2000, 0},
            // 0.9.0 registered, deleted, registered again, deleted again:
            // the latest deleted row is listed.
            {"11111111-0000-4000-8000-000000000003", "legacy", "0.9.0", "Legacy", "disabled",
             "unknown", kT0 + 100, kT0 + 200},
            {"11111111-0000-4000-8000-000000000004", "legacy", "0.9.0", "Legacy", "disabled",
             "unhealthy", kT0 + 300, kT0 + 400},
            {"11111111-0000-4000-8000-000000000005", "gone", "3.0.0", "gone", "disabled", "healthy",
             kT0 + 500, kT0 + 600},
        };
        for (const Row &r : rows) {
            const QString id = QString::fromLatin1(r.id);
            const QString name = QString::fromLatin1(r.name);
            const QString version = QString::fromLatin1(r.version);
            Status inserted = d.execute(
                "INSERT INTO components (id, name, version, display_name, description, category,"
                " endpoint, interface_def, status, health, health_checked_at, created_by,"
                " created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?)",
                {id, name, version, QString::fromLatin1(r.displayName),
                 name == "legacy" ? QVariant("Says it back") : QVariant(),
                 name == "legacy" ? QVariant("text") : QVariant(), kDeadA,
                 QString::fromUtf8(QJsonDocument(legacyInterface(version))
                                       .toJson(QJsonDocument::Compact)
                                       .replace("legacy", r.name)),
                 QString::fromLatin1(r.status), QString::fromLatin1(r.health), r.created + 5,
                 QStringLiteral("admin-of-old"), r.created, r.deleted ? r.deleted : r.created + 7,
                 r.deleted ? QVariant(r.deleted) : QVariant()});
            if (!inserted)
                return inserted.error().toString();
            inserted = d.execute(
                "INSERT INTO component_endpoints (id, component_id, endpoint,"
                " health, health_checked_at, health_message, created_by,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                {id + "-a", id, kDeadA, QString::fromLatin1(r.health), r.created + 5,
                 QString::fromLatin1(r.health) == "healthy" ? QVariant() : QVariant("was down"),
                 QStringLiteral("admin-of-old"), r.created});
            if (!inserted)
                return inserted.error().toString();
        }
        // 1.0.0 has a second endpoint.
        if (Status inserted = d.execute(
                "INSERT INTO component_endpoints (id, component_id, endpoint, health,"
                " health_checked_at, created_by, created_at) VALUES (?, ?, ?, 'healthy', ?,"
                " 'admin-of-old', ?)",
                {"second", "11111111-0000-4000-8000-000000000001", kDeadB, kT0 + 1005, kT0 + 1500});
            !inserted)
            return inserted.error().toString();
        // A flow whose draft uses two versions of legacy.
        QJsonObject n1 = flowNode("n1", "legacy", {{"value", "$.trigger.v"}});
        QJsonObject n2 = flowNode("n2", "legacy", {{"value", "$.nodes.n1.output.value"}});
        n2.insert("version", "1.1.0");
        const QString definition =
            QString::fromUtf8(QJsonDocument(flowDefinition({n1, n2}, {flowEdge("n1", "n2")}))
                                  .toJson(QJsonDocument::Compact));
        if (Status inserted = d.execute("INSERT INTO flows (id, name, owner_id, created_at,"
                                        " updated_at) VALUES ('f-old', 'uses legacy', 'system',"
                                        " ?, ?)",
                                        {kT0, kT0});
            !inserted)
            return inserted.error().toString();
        if (Status inserted = d.execute("INSERT INTO flow_versions (id, flow_id, version, status,"
                                        " definition, created_by) VALUES ('fv-old', 'f-old', '1',"
                                        " 'draft', ?, 'system')",
                                        {definition});
            !inserted)
            return inserted.error().toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString made = makeVersionTenDatabase();
        QVERIFY2(made.isEmpty(), qPrintable(made));
        m_server = std::make_unique<ServerProcess>(m_dir.path(), m_masterKey);
        // A long interval: only the start-up check runs.
        const QString failure = connectAdmin(
            *m_server, startAuthServer(*m_server, {"--component-health-interval", "3600"}), m_http,
            m_admin);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_ref = std::make_unique<ReferenceComponent>();
        m_refUrl = m_ref->start();
        QVERIFY2(!m_refUrl.isEmpty(), "reference component did not start");
    }

    void everyRegistrationReadsBack()
    {
        const QJsonArray legacy = items("/api/v1/components/legacy");
        QCOMPARE(legacy.size(), 3);
        QCOMPARE(legacy[0]["version"].toString(), QStringLiteral("0.9.0"));
        QCOMPARE(legacy[1]["version"].toString(), QStringLiteral("1.0.0"));
        QCOMPARE(legacy[2]["version"].toString(), QStringLiteral("1.1.0"));

        // A deleted version is not checked: its answer is the stored row whole.
        const QJsonObject old = itemOf(legacy, "0.9.0");
        QJsonObject expected = legacyInterface("0.9.0");
        const QJsonObject fields{
            {"id", "11111111-0000-4000-8000-000000000004"},
            {"builtin", false},
            {"display_name", "Legacy"},
            {"description", "Says it back"},
            {"category", "text"},
            {"icon", QJsonValue()},
            {"endpoint", kDeadA},
            {"endpoints", QJsonArray{QJsonObject{{"url", kDeadA},
                                                 {"health", "unhealthy"},
                                                 {"health_checked_at", isoAt(kT0 + 305)},
                                                 {"health_message", "was down"},
                                                 {"created_at", isoAt(kT0 + 300)}}}},
            {"status", "disabled"},
            {"deprecated", false},
            {"health", "unhealthy"},
            {"health_checked_at", isoAt(kT0 + 305)},
            {"created_by", "admin-of-old"},
            {"created_at", isoAt(kT0 + 300)},
            {"updated_at", isoAt(kT0 + 400)},
            {"deleted_at", isoAt(kT0 + 400)}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            expected.insert(it.key(), it.value());
        // The interface's own members survive too (configSchema,
        // outputHandles... as stored).
        QJsonObject got = old;
        for (const QString &key : got.keys()) {
            if (!expected.contains(key))
                got.remove(key);
        }
        QCOMPARE(got, expected);
        QCOMPARE(old.value("inputs").toArray().first()["name"].toString(), QStringLiteral("value"));

        // Live versions: ids, endpoints in their order, status, times.
        const QJsonObject one = itemOf(legacy, "1.0.0");
        QCOMPARE(one["id"].toString(), QStringLiteral("11111111-0000-4000-8000-000000000001"));
        QCOMPARE(urlsOf(one), (QStringList{kDeadA, kDeadB}));
        QCOMPARE(one["status"].toString(), QStringLiteral("active"));
        QCOMPARE(one["deprecated"].toBool(), false);
        QCOMPARE(one["display_name"].toString(), QStringLiteral("Legacy"));
        QCOMPARE(one["created_at"].toString(), isoAt(kT0 + 1000));
        QCOMPARE(one["deleted_at"], QJsonValue());
        QCOMPARE(one["endpoints"][1]["created_at"].toString(), isoAt(kT0 + 1500));
        const QJsonObject deprecated = itemOf(legacy, "1.1.0");
        QCOMPARE(deprecated["id"].toString(),
                 QStringLiteral("11111111-0000-4000-8000-000000000002"));
        QCOMPARE(deprecated["status"].toString(), QStringLiteral("deprecated"));
        QCOMPARE(deprecated["deprecated"].toBool(), true);
        // Their endpoints were checked at start-up (nothing listens there).
        QTRY_COMPARE(itemOf(items("/api/v1/components/legacy"), "1.0.0")["health"].toString(),
                     QStringLiteral("unhealthy"));

        // A name whose every version is deleted still lists its last row.
        const QJsonArray gone = items("/api/v1/components/gone");
        QCOMPARE(gone.size(), 1);
        QCOMPARE(gone[0]["id"].toString(), QStringLiteral("11111111-0000-4000-8000-000000000005"));
        QCOMPARE(gone[0]["status"].toString(), QStringLiteral("disabled"));
        QCOMPARE(gone[0]["health"].toString(), QStringLiteral("healthy"));
        QCOMPARE(gone[0]["display_name"].toString(), QStringLiteral("gone"));
        QCOMPARE(gone[0]["description"], QJsonValue());
    }

    void usageAndDeprecationCarryOver()
    {
        const QJsonArray usage = items("/api/v1/components/legacy/usage");
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage[0]["flow_id"].toString(), QStringLiteral("f-old"));
        QCOMPARE(usage[0]["component_versions"].toArray(), (QJsonArray{"1.0.0", "1.1.0"}));
        QCOMPARE(items("/api/v1/components/legacy/1.1.0/usage").at(0)["nodes"].toArray(),
                 QJsonArray({"n2"}));

        // The engine knows 1.1.0 is deprecated: a flow using it is saved
        // with a warning.
        QJsonObject node = flowNode("d", "legacy", {{"value", "$.trigger.v"}});
        node.insert("version", "1.1.0");
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", "deprecated user"}, {"definition", flowDefinition({node})}}, m_admin);
        QCOMPARE(created.status, 201);
        QVERIFY2(QJsonDocument(created.body).toJson().contains("DEPRECATED_COMPONENT_VERSION"),
                 QJsonDocument(created.body).toJson().constData());

        // Undeprecate and delete work on the migrated rows.
        const Answer active =
            m_http->json("POST", "/api/v1/components/legacy/1.1.0/undeprecate", {}, m_admin);
        QCOMPARE(active.status, 200);
        QCOMPARE(active.data()["status"].toString(), QStringLiteral("active"));
        const Answer deleted =
            m_http->send("DELETE", "/api/v1/components/legacy/1.1.0", {}, Http::bearer(m_admin));
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.data()["id"].toString(),
                 QStringLiteral("11111111-0000-4000-8000-000000000002"));
        QCOMPARE(deleted.data()["display_name"].toString(), QStringLiteral("Legacy"));
    }

    void registrationSetsTheNameLevelFields()
    {
        // Without a name they would apply to everything the endpoint serves.
        const Answer nameless = m_http->json(
            "POST", "/api/v1/components",
            {{"endpoint", m_refUrl.toString()}, {"display_name", "All of them"}}, m_admin);
        QCOMPARE(nameless.status, 422);
        QCOMPARE(nameless.code(), QStringLiteral("VALIDATION_ERROR"));
        QCOMPARE(items("/api/v1/components/echo").size(), 0);

        const Answer registered = m_http->json("POST", "/api/v1/components",
                                               {{"endpoint", m_refUrl.toString()},
                                                {"name", "echo"},
                                                {"display_name", "Echo service"},
                                                {"description", "Answers what it gets"},
                                                {"category", "text"},
                                                {"icon", "message"}},
                                               m_admin);
        QCOMPARE(registered.status, 201);
        const QJsonObject echo = registered.data()["items"][0].toObject();
        QCOMPARE(echo["display_name"].toString(), QStringLiteral("Echo service"));
        QCOMPARE(echo["description"].toString(), QStringLiteral("Answers what it gets"));
        QCOMPARE(echo["category"].toString(), QStringLiteral("text"));
        QCOMPARE(echo["icon"].toString(), QStringLiteral("message"));

        // Another version of the name shares them; a registration giving
        // some changes only those, for every version.
        const Answer widened = m_http->json(
            "POST", "/api/v1/components",
            {{"endpoint", m_refUrl.toString()}, {"name", "uppercase"}, {"category", "strings"}},
            m_admin);
        QCOMPARE(widened.status, 201);
        QCOMPARE(widened.data()["items"][0]["display_name"].toString(),
                 QStringLiteral("uppercase"));
        QCOMPARE(widened.data()["items"][0]["category"].toString(), QStringLiteral("strings"));
        QCOMPARE(widened.data()["items"][0]["icon"], QJsonValue());

        const Answer tooLong = m_http->json(
            "POST", "/api/v1/components",
            {{"endpoint", m_refUrl.toString()}, {"name", "echo"}, {"category", QString(101, u'x')}},
            m_admin);
        QCOMPARE(tooLong.status, 422);
        QCOMPARE(tooLong.details().value("field").toString(), QStringLiteral("category"));
    }

    void deletingTheLastVersionKeepsTheNameForLater()
    {
        QCOMPARE(m_http->send("DELETE", "/api/v1/components/echo/1.0.0", {}, Http::bearer(m_admin))
                     .status,
                 200);
        // Registered again: the name's fields are still there.
        const Answer again =
            m_http->json("POST", "/api/v1/components",
                         {{"endpoint", m_refUrl.toString()}, {"name", "echo"}}, m_admin);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.data()["items"][0]["display_name"].toString(),
                 QStringLiteral("Echo service"));
        QCOMPARE(again.data()["items"][0]["icon"].toString(), QStringLiteral("message"));
        QCOMPARE(again.data()["items"][0]["status"].toString(), QStringLiteral("active"));

        // And in the tables: one name row each, deleted only when no
        // version of it is live.
        QVERIFY(stopServer());
        auto db = store::Database::open(
            m_dir.filePath("hivemind.db"),
            crypto::deriveSubkey(crypto::SecureBytes::fromRaw(QByteArray::fromBase64(m_masterKey)),
                                 crypto::Subkey::Database));
        QVERIFY(db.ok());
        QCOMPARE(store::schemaVersion(*db.value()).valueOr(-1),
                 store::schemaMigrations().constLast().version);
        QStringList names;
        const Status read = db.value()->forEachRow(
            "SELECT name || ':' || (deleted_at IS NULL) FROM components"
            " ORDER BY name",
            {}, [&names](const store::Statement &s) { names.append(s.text(0)); });
        QVERIFY(read.ok());
        QCOMPARE(names, (QStringList{"echo:1", "gone:0", "legacy:1", "uppercase:1"}));
        QCOMPARE(db.value()
                     ->queryInt("SELECT count(*) FROM component_versions v JOIN components c ON"
                                " c.id = v.component_id WHERE c.name = 'echo'")
                     .valueOr(-1),
                 2);
    }

    void cleanupTestCase()
    {
        if (m_server && m_server->process().state() != QProcess::NotRunning)
            stopServer();
    }
};

QTEST_GUILESS_MAIN(TestComponentMigration)
#include "TestComponentMigration.moc"
