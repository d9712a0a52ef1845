// Several consoles, one flow (issue 11, point 6), against the real
// hivemind-server over loopback: optimistic concurrency on the flow routes
// (base_revision / base_version / If-Match, ETag, 409 CONFLICT with nothing
// stored), exactly one winner of two saves based on the same version, the
// old behaviour without a base, clear refusals of bad bases, the /ws/events
// messages a second console's lists live on, and the conflict as the
// client library (FlowsApi, ApiError) shows it.

#include "FlowTestSupport.h"
#include "client/ApiClient.h"
#include "client/ApiError.h"
#include "client/EventStream.h"
#include "client/FlowsApi.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>
#include <optional>

using namespace hm;
using namespace hm::test;
using hm::client::EventStream;

namespace {

constexpr int kWaitMs = 20000;
const QString kPassword = QStringLiteral("Us3r!Secret");

QJsonObject oneNode(const QString &id)
{
    return flowDefinition({flowNode(id, "noop")});
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The node ids of a version's definition, to tell which save was stored.
QStringList nodeIds(const QJsonObject &version)
{
    QStringList ids;
    for (const QJsonValue &n : version.value("definition").toObject().value("nodes").toArray())
        ids << n.toObject().value("id").toString();
    return ids;
}

// Runs `start` with a callback and waits for its one answer.
template <typename T, typename Start> Result<T> await(Start start)
{
    auto out = std::make_shared<std::optional<Result<T>>>();
    start(client::Callback<T>([out](Result<T> r) { out->emplace(std::move(r)); }));
    if (!QTest::qWaitFor([&] { return out->has_value(); }, kWaitMs))
        return Error{ErrorCode::Timeout, QStringLiteral("test: the callback never came")};
    return std::move(**out);
}

// What one /ws/events connection saw, by type.
struct Seen
{
    QList<QPair<QString, QJsonObject>> messages;

    void attach(EventStream &stream)
    {
        QObject::connect(&stream, &EventStream::flowChanged,
                         [this](const QString &type, const QJsonObject &data) {
                             messages.append({type, data});
                         });
        QObject::connect(&stream, &EventStream::executionChanged,
                         [this](const QString &type, const QJsonObject &data) {
                             messages.append({type, data});
                         });
    }
    // The first message of `type` about `flowId` (and matching `key` =
    // `value` when given), or an empty object.
    QJsonObject find(const QString &type, const QString &flowId, const QString &key = {},
                     const QJsonValue &value = {}) const
    {
        for (const auto &[t, data] : messages) {
            if (t == type && data.value("flow_id").toString() == flowId &&
                (key.isEmpty() || data.value(key) == value))
                return data;
        }
        return {};
    }
    int count(const QString &type, const QString &flowId) const
    {
        return int(std::count_if(messages.begin(), messages.end(), [&](const auto &m) {
            return m.first == type && m.second.value("flow_id").toString() == flowId;
        }));
    }
    bool wait(const QString &type, const QString &flowId, const QString &key = {},
              const QJsonValue &value = {}) const
    {
        return QTest::qWaitFor([&] { return !find(type, flowId, key, value).isEmpty(); }, kWaitMs);
    }
};

} // namespace

class TestFlowConcurrency : public QObject, private ServerFixture
{
    Q_OBJECT
private:
    int m_names = 0;

    // A flow (version 1, one node "v1") made by the admin; its id.
    QString newFlow(const QString &token = {})
    {
        const Answer created = m_http->json(
            "POST", "/api/v1/flows",
            {{"name", QStringLiteral("conc-%1").arg(++m_names)}, {"definition", oneNode("v1")}},
            token.isEmpty() ? m_admin : token);
        return created.status == 201 ? created.data().value("id").toString() : QString();
    }
    Answer save(const QString &flow, const QString &node, const QJsonObject &base = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QJsonObject body = base;
        body.insert("definition", oneNode(node));
        return m_http->send("POST", "/api/v1/flows/" + flow + "/versions", compact(body),
                            Http::bearer(m_admin) + headers);
    }
    Answer send(const QByteArray &verb, const QString &path, const QJsonObject &body,
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_http->send(verb, path, body.isEmpty() ? QByteArray() : compact(body),
                            Http::bearer(m_admin) + headers);
    }
    QJsonArray versions(const QString &flow)
    {
        return m_http->get("/api/v1/flows/" + flow + "/versions", m_admin)
            .data()
            .value("items")
            .toArray();
    }
    QJsonObject flow(const QString &id)
    {
        return m_http->get("/api/v1/flows/" + id, m_admin).data();
    }
    qint64 revision(const QString &id) { return flow(id).value("revision").toInteger(); }

    // A 409 CONFLICT naming the flow's current revision and version.
    static QString conflictProblem(const Answer &a, qint64 revision, const QString &version,
                                   const QString &reason = QStringLiteral("stale"))
    {
        const QJsonObject details = a.details();
        if (a.status != 409 || a.code() != QLatin1String("CONFLICT") ||
            details.value("current_revision").toInteger() != revision ||
            details.value("current_version").toString() != version ||
            details.value("reason").toString() != reason)
            return QStringLiteral("expected 409 CONFLICT at revision %1, version %2 (%3), got: %4")
                .arg(revision)
                .arg(version, reason, QString::fromUtf8(a.raw));
        return {};
    }

private slots:
    void initTestCase()
    {
        const QString failure = startServer();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // GET answers the revision in the body and, quoted, as ETag; every
    // write's answer carries the new one.
    void revisionAndEtag()
    {
        const Answer created =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "etag-flow"}, {"definition", oneNode("v1")}}, m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value("revision").toInteger(), 1);
        QCOMPARE(created.headers.value("etag"), QByteArray("\"1\""));
        const QString id = created.data().value("id").toString();

        const Answer got = m_http->get("/api/v1/flows/" + id, m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.data().value("revision").toInteger(), 1);
        QCOMPARE(got.headers.value("etag"), QByteArray("\"1\""));

        const Answer saved = save(id, "v2", {{"base_version", "1"}});
        QCOMPARE(saved.status, 201);
        QCOMPARE(saved.data().value("flow_revision").toInteger(), 2);
        QCOMPARE(saved.headers.value("etag"), QByteArray("\"2\""));
        const Answer published = send("POST", "/api/v1/flows/" + id + "/publish",
                                      {{"version", "2"}}, {{"If-Match", "\"2\""}});
        QCOMPARE(published.status, 200);
        QCOMPARE(published.data().value("flow_revision").toInteger(), 3);
        QCOMPARE(published.headers.value("etag"), QByteArray("\"3\""));
        const Answer renamed =
            send("PUT", "/api/v1/flows/" + id, {{"name", "etag-flow-2"}, {"base_revision", 3}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.data().value("revision").toInteger(), 4);
        QCOMPARE(renamed.headers.value("etag"), QByteArray("\"4\""));

        // The list carries it too.
        const QJsonArray items = m_http->get("/api/v1/flows?search=etag-flow-2", m_admin)
                                     .data()
                                     .value("items")
                                     .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value("revision").toInteger(), 4);
    }

    // A save based on a version that is no longer the latest is refused
    // whichever way the base is given, and nothing changes.
    void staleSaveChangesNothing_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QByteArray>("ifMatch");
        QTest::newRow("base_version") << QJsonObject{{"base_version", "1"}} << QByteArray();
        QTest::newRow("base_version number") << QJsonObject{{"base_version", 1}} << QByteArray();
        QTest::newRow("base_revision") << QJsonObject{{"base_revision", 1}} << QByteArray();
        QTest::newRow("base_revision text") << QJsonObject{{"base_revision", "1"}} << QByteArray();
        QTest::newRow("If-Match") << QJsonObject{} << QByteArray("\"1\"");
    }
    void staleSaveChangesNothing()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QByteArray, ifMatch);
        const QString id = newFlow();
        QVERIFY(!id.isEmpty());
        // Console A saves on top of version 1 ...
        QCOMPARE(save(id, "mine", {{"base_version", "1"}}).status, 201);
        // ... console B, which opened version 1 too, then saves.
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!ifMatch.isEmpty())
            headers.append({"If-Match", ifMatch});
        const Answer stale = save(id, "theirs", base, headers);
        const QString problem = conflictProblem(stale, 2, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!stale.headers.contains("etag"));

        const QJsonArray stored = versions(id);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(nodeIds(stored.last().toObject()), QStringList{"mine"});
        const QJsonObject detail = flow(id);
        QCOMPARE(detail.value("revision").toInteger(), 2);
        QCOMPARE(detail.value("latest_version").toObject().value("version").toString(),
                 QStringLiteral("2"));
        QCOMPARE(nodeIds(detail.value("latest_version").toObject()), QStringList{"mine"});
    }

    // base_version only cares about newer versions, base_revision about any
    // change: after a rename, a save on the latest version still passes
    // with base_version and is refused with base_revision.
    void versionAndRevisionBases()
    {
        const QString id = newFlow();
        QCOMPARE(send("PUT", "/api/v1/flows/" + id, {{"name", "renamed-" + id}}).status, 200);
        QCOMPARE(revision(id), 2);
        const QString problem =
            conflictProblem(save(id, "x", {{"base_revision", 1}}), 2, QStringLiteral("1"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(versions(id).size(), 1);
        QCOMPARE(save(id, "x", {{"base_version", "1"}}).status, 201);
        QCOMPARE(save(id, "y", {{"base_version", "2"}, {"base_revision", 3}}).status, 201);
        QCOMPARE(versions(id).size(), 3);
    }

    // A stale publish publishes nothing.
    void stalePublishChangesNothing()
    {
        const QString id = newFlow();
        QCOMPARE(save(id, "v2").status, 201); // someone else's version 2 (revision 2)
        const Answer byVersion = send("POST", "/api/v1/flows/" + id + "/publish",
                                      {{"version", "1"}, {"base_version", "1"}});
        QString problem = conflictProblem(byVersion, 2, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Answer byEtag = send("POST", "/api/v1/flows/" + id + "/publish", {{"version", "1"}},
                                   {{"If-Match", "\"1\""}});
        problem = conflictProblem(byEtag, 2, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(flow(id).value("published_version").isNull());
        for (const QJsonValue &v : versions(id))
            QCOMPARE(v.toObject().value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(revision(id), 2);

        // On the current base it goes through; again is a no-op that keeps
        // the revision (and still checks the base).
        const Answer published =
            send("POST", "/api/v1/flows/" + id + "/publish",
                 {{"version", "2"}, {"base_version", "2"}, {"base_revision", 2}});
        QCOMPARE(published.status, 200);
        QCOMPARE(published.data().value("status").toString(), QStringLiteral("published"));
        QCOMPARE(revision(id), 3);
        QCOMPARE(send("POST", "/api/v1/flows/" + id + "/publish",
                      {{"version", "2"}, {"base_revision", 3}})
                     .status,
                 200);
        QCOMPARE(revision(id), 3);
        problem = conflictProblem(send("POST", "/api/v1/flows/" + id + "/publish",
                                       {{"version", "2"}, {"base_revision", 2}}),
                                  3, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // A stale base on an unknown version: the conflict is said first.
        problem = conflictProblem(send("POST", "/api/v1/flows/" + id + "/publish",
                                       {{"version", "7"}, {"base_revision", 2}}),
                                  3, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(send("POST", "/api/v1/flows/" + id + "/publish",
                      {{"version", "7"}, {"base_revision", 3}})
                     .code(),
                 QStringLiteral("FLOW_VERSION_NOT_FOUND"));
        QCOMPARE(revision(id), 3);
    }

    // A stale rename renames nothing; an unchanged one keeps the revision.
    void staleRenameChangesNothing()
    {
        const QString id = newFlow();
        const QString name = flow(id).value("name").toString();
        QCOMPARE(save(id, "v2").status, 201);
        const Answer stale =
            send("PUT", "/api/v1/flows/" + id, {{"name", name + "-b"}, {"description", "theirs"}},
                 {{"If-Match", "\"1\""}});
        const QString problem = conflictProblem(stale, 2, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QJsonObject detail = flow(id);
        QCOMPARE(detail.value("name").toString(), name);
        QCOMPARE(detail.value("description").toString(), QString());
        QCOMPARE(detail.value("revision").toInteger(), 2);

        const Answer same =
            send("PUT", "/api/v1/flows/" + id, {{"name", name}, {"base_revision", 2}});
        QCOMPARE(same.status, 200);
        QCOMPARE(same.data().value("revision").toInteger(), 2);
        const Answer renamed =
            send("PUT", "/api/v1/flows/" + id, {{"name", name + "-a"}}, {{"If-Match", "\"2\""}});
        QCOMPARE(renamed.status, 200);
        detail = flow(id);
        QCOMPARE(detail.value("name").toString(), name + "-a");
        QCOMPARE(detail.value("revision").toInteger(), 3);
    }

    // A stale delete deletes nothing.
    void staleDeleteChangesNothing()
    {
        const QString id = newFlow();
        QCOMPARE(save(id, "v2").status, 201);
        const Answer stale = send("DELETE", "/api/v1/flows/" + id, {}, {{"If-Match", "\"1\""}});
        const QString problem = conflictProblem(stale, 2, QStringLiteral("2"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(m_http->get("/api/v1/flows/" + id, m_admin).status, 200);
        QCOMPARE(send("DELETE", "/api/v1/flows/" + id, {}, {{"If-Match", "\"2\""}}).status, 200);
        QCOMPARE(m_http->get("/api/v1/flows/" + id, m_admin).code(),
                 QStringLiteral("FLOW_NOT_FOUND"));
        // A base on a deleted flow: not found, as without one.
        QCOMPARE(save(id, "late", {{"base_revision", 2}}).code(), QStringLiteral("FLOW_NOT_FOUND"));
    }

    // Two saves sent at once on the same base: one is stored, the other is
    // told CONFLICT; the same for two renames.
    void concurrentSavesOneWins_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("base_version") << "base_version";
        QTest::newRow("base_revision") << "base_revision";
    }
    void concurrentSavesOneWins()
    {
        QFETCH(QString, field);
        const QString id = newFlow();
        for (int round = 1; round <= 5; ++round) {
            const QJsonValue base = field == QLatin1String("base_version")
                                        ? QJsonValue(QString::number(round))
                                        : QJsonValue(round);
            const QList<QByteArray> bodies{
                compact({{"definition", oneNode(QStringLiteral("a%1").arg(round))}, {field, base}}),
                compact(
                    {{"definition", oneNode(QStringLiteral("b%1").arg(round))}, {field, base}})};
            const QList<Answer> answers =
                m_http->sendAtOnce("POST", "/api/v1/flows/" + id + "/versions", bodies, m_admin);
            QList<int> statuses{answers[0].status, answers[1].status};
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int>{201, 409}));
            const Answer &winner = answers[0].status == 201 ? answers[0] : answers[1];
            const Answer &loser = answers[0].status == 201 ? answers[1] : answers[0];
            QCOMPARE(loser.code(), QStringLiteral("CONFLICT"));
            const QJsonArray stored = versions(id);
            QCOMPARE(stored.size(), round + 1);
            QCOMPARE(stored.last().toObject().value("version").toString(),
                     winner.data().value("version").toString());
            QCOMPARE(nodeIds(stored.last().toObject()),
                     QStringList{answers[0].status == 201 ? QStringLiteral("a%1").arg(round)
                                                          : QStringLiteral("b%1").arg(round)});
        }

        const QList<QByteArray> renames{compact({{"name", id + "-x"}, {"base_revision", 6}}),
                                        compact({{"name", id + "-y"}, {"base_revision", 6}})};
        const QList<Answer> answers =
            m_http->sendAtOnce("PUT", "/api/v1/flows/" + id, renames, m_admin);
        QList<int> statuses{answers[0].status, answers[1].status};
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        QCOMPARE(flow(id).value("name").toString(), id + (answers[0].status == 200 ? "-x" : "-y"));
    }

    // Without a base every write works as before (curl users).
    void noBaseKeepsTheOldBehaviour()
    {
        const QString id = newFlow();
        QCOMPARE(save(id, "v2").status, 201);
        QCOMPARE(save(id, "v3").status, 201);
        QCOMPARE(send("POST", "/api/v1/flows/" + id + "/publish", {{"version", "2"}}).status, 200);
        QCOMPARE(send("PUT", "/api/v1/flows/" + id, {{"description", "d"}}).status, 200);
        QCOMPARE(send("POST", "/api/v1/flows/" + id + "/versions", {{"definition", oneNode("v4")}},
                      {{"If-Match", "*"}})
                     .status,
                 201);
        QCOMPARE(revision(id), 6);
        QCOMPARE(versions(id).size(), 4);
        QCOMPARE(send("DELETE", "/api/v1/flows/" + id, {}).status, 200);
    }

    // Malformed bases are VALIDATION_ERROR naming the field; a base the
    // flow never had is CONFLICT with reason unknown_base. Nothing stored.
    void badBases_data()
    {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QByteArray>("ifMatch");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QString version = QStringLiteral("base_version");
        const QString revision = QStringLiteral("base_revision");
        const QString ifMatch = QStringLiteral("If-Match");
        QTest::newRow("version text") << QJsonObject{{"base_version", "abc"}} << QByteArray() << 422
                                      << "VALIDATION_ERROR" << version;
        QTest::newRow("version fraction") << QJsonObject{{"base_version", 1.5}} << QByteArray()
                                          << 422 << "VALIDATION_ERROR" << version;
        QTest::newRow("version zero") << QJsonObject{{"base_version", "0"}} << QByteArray() << 422
                                      << "VALIDATION_ERROR" << version;
        QTest::newRow("version negative") << QJsonObject{{"base_version", -1}} << QByteArray()
                                          << 422 << "VALIDATION_ERROR" << version;
        QTest::newRow("version bool") << QJsonObject{{"base_version", true}} << QByteArray() << 422
                                      << "VALIDATION_ERROR" << version;
        QTest::newRow("version object") << QJsonObject{{"base_version", QJsonObject{}}}
                                        << QByteArray() << 422 << "VALIDATION_ERROR" << version;
        QTest::newRow("revision text") << QJsonObject{{"base_revision", "1a"}} << QByteArray()
                                       << 422 << "VALIDATION_ERROR" << revision;
        QTest::newRow("etag unquoted")
            << QJsonObject{} << QByteArray("1") << 422 << "VALIDATION_ERROR" << ifMatch;
        QTest::newRow("etag weak")
            << QJsonObject{} << QByteArray("W/\"1\"") << 422 << "VALIDATION_ERROR" << ifMatch;
        QTest::newRow("etag list")
            << QJsonObject{} << QByteArray("\"1\", \"2\"") << 422 << "VALIDATION_ERROR" << ifMatch;
        QTest::newRow("etag and revision differ")
            << QJsonObject{{"base_revision", 2}} << QByteArray("\"1\"") << 422 << "VALIDATION_ERROR"
            << revision;
        QTest::newRow("unknown version") << QJsonObject{{"base_version", "99"}} << QByteArray()
                                         << 409 << "CONFLICT" << QString();
        QTest::newRow("unknown revision")
            << QJsonObject{{"base_revision", 99}} << QByteArray() << 409 << "CONFLICT" << QString();
        QTest::newRow("unknown etag")
            << QJsonObject{} << QByteArray("\"99\"") << 409 << "CONFLICT" << QString();
    }
    void badBases()
    {
        QFETCH(QJsonObject, base);
        QFETCH(QByteArray, ifMatch);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString id = newFlow();
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!ifMatch.isEmpty())
            headers.append({"If-Match", ifMatch});
        const QList<QPair<QByteArray, QString>> writes{
            {"POST", "/api/v1/flows/" + id + "/versions"},
            {"POST", "/api/v1/flows/" + id + "/publish"},
            {"PUT", "/api/v1/flows/" + id}};
        for (const auto &[verb, path] : writes) {
            QJsonObject body = base;
            body.insert("definition", oneNode("bad"));
            if (path.endsWith("/publish")) {
                body.remove("definition");
                body.insert("version", "1");
            } else if (verb == "PUT") {
                body.remove("definition");
                body.insert("name", "bad-" + id);
            }
            const Answer a = send(verb, path, body, headers);
            QVERIFY2(
                a.status == status && a.code() == code,
                qPrintable(verb + u' ' + path + QStringLiteral(": ") + QString::fromUtf8(a.raw)));
            const QJsonObject details = a.details();
            QVERIFY2(!a.body.value("error").toObject().value("message").toString().isEmpty(),
                     a.raw.constData());
            if (!field.isEmpty())
                QCOMPARE(details.value("field").toString(), field);
            else
                QCOMPARE(details.value("reason").toString(), QStringLiteral("unknown_base"));
        }
        if (base.isEmpty()) { // DELETE reads If-Match only
            const Answer a = send("DELETE", "/api/v1/flows/" + id, {}, headers);
            QCOMPARE(a.status, status);
            QCOMPARE(a.code(), code);
        }
        const QJsonObject detail = flow(id);
        QCOMPARE(detail.value("revision").toInteger(), 1);
        QCOMPARE(detail.value("name").toString(), QStringLiteral("conc-%1").arg(m_names));
        QVERIFY(detail.value("published_version").isNull());
        QCOMPARE(versions(id).size(), 1);
    }

    // A second console's /ws/events gets every change of the flows it may
    // see, with the ids and changed fields; a refused write sends nothing.
    void eventsForEveryFlowChange()
    {
        const ApiUser alice =
            createApiUser(*m_http, m_admin, QStringLiteral("alice"), kPassword, "user");
        const ApiUser bob =
            createApiUser(*m_http, m_admin, QStringLiteral("bob"), kPassword, "user");
        QVERIFY(!alice.token.isEmpty() && !bob.token.isEmpty());

        EventStream aliceStream; // alice's second console
        EventStream bobStream;
        EventStream adminStream;
        Seen aliceSaw, bobSaw, adminSaw;
        aliceSaw.attach(aliceStream);
        bobSaw.attach(bobStream);
        adminSaw.attach(adminStream);
        for (auto [stream, token] :
             {std::pair{&aliceStream, alice.token}, std::pair{&bobStream, bob.token},
              std::pair{&adminStream, m_admin}}) {
            QSignalSpy opened(stream, &EventStream::systemStatus);
            stream->listen(m_http->base(), token);
            QVERIFY(opened.wait(kWaitMs));
        }

        // Created (alice's first console).
        const Answer created =
            m_http->json("POST", "/api/v1/flows",
                         {{"name", "live-flow"}, {"definition", oneNode("v1")}}, alice.token);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value("id").toString();
        QVERIFY(aliceSaw.wait("flow_created", id));
        QJsonObject m = aliceSaw.find("flow_created", id);
        QCOMPARE(m.value("name").toString(), QStringLiteral("live-flow"));
        QCOMPARE(m.value("owner_id").toString(), alice.id);
        QCOMPARE(m.value("revision").toInteger(), 1);
        QCOMPARE(m.value("latest_version").toString(), QStringLiteral("1"));
        QCOMPARE(m.value("my_permission").toString(), QStringLiteral("owner"));
        QVERIFY(adminSaw.wait("flow_created", id));

        // New version, then a stale one that sends nothing.
        const auto post = [&](const QString &path, const QJsonObject &body) {
            return m_http->json("POST", path, body, alice.token);
        };
        QCOMPARE(post("/api/v1/flows/" + id + "/versions",
                      {{"definition", oneNode("v2")}, {"base_version", "1"}})
                     .status,
                 201);
        QVERIFY(aliceSaw.wait("flow_version_added", id));
        m = aliceSaw.find("flow_version_added", id);
        QCOMPARE(m.value("version").toString(), QStringLiteral("2"));
        QCOMPARE(m.value("latest_version").toString(), QStringLiteral("2"));
        QCOMPARE(m.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(m.value("revision").toInteger(), 2);
        QVERIFY(!m.contains("definition"));
        QCOMPARE(post("/api/v1/flows/" + id + "/versions",
                      {{"definition", oneNode("stale")}, {"base_version", "1"}})
                     .status,
                 409);

        // Published.
        QCOMPARE(post("/api/v1/flows/" + id + "/publish", {{"version", "2"}, {"base_revision", 2}})
                     .status,
                 200);
        QVERIFY(aliceSaw.wait("flow_published", id));
        m = aliceSaw.find("flow_published", id);
        QCOMPARE(m.value("published_version").toString(), QStringLiteral("2"));
        QVERIFY(m.value("deprecated_version").isNull());
        QCOMPARE(m.value("revision").toInteger(), 3);
        QVERIFY(!m.value("published_at").toString().isEmpty());

        // Shared with bob: he hears of it (his lists gain the flow), then of
        // its later changes.
        const Answer shared =
            post("/api/v1/flows/" + id + "/shares", {{"email", bob.email}, {"permission", "view"}});
        QCOMPARE(shared.status, 201);
        const QString shareId = shared.data().value("id").toString();
        QVERIFY(bobSaw.wait("flow_shares_changed", id, "action", "created"));
        m = bobSaw.find("flow_shares_changed", id, "action", "created");
        QCOMPARE(m.value("share_id").toString(), shareId);
        QCOMPARE(m.value("user_id").toString(), bob.id);
        QCOMPARE(m.value("permission").toString(), QStringLiteral("view"));
        QCOMPARE(m.value("my_permission").toString(), QStringLiteral("view"));
        QVERIFY(!m.contains("email") && !m.contains("invited_email"));
        QVERIFY(aliceSaw.wait("flow_shares_changed", id, "action", "created"));

        // Renamed.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + id,
                            {{"name", "live-flow-2"}, {"base_revision", 3}}, alice.token)
                     .status,
                 200);
        QVERIFY(bobSaw.wait("flow_updated", id));
        m = bobSaw.find("flow_updated", id);
        QCOMPARE(m.value("name").toString(), QStringLiteral("live-flow-2"));
        QCOMPARE(m.value("changed").toArray(), QJsonArray{"name"});
        QCOMPARE(m.value("revision").toInteger(), 4);
        QCOMPARE(m.value("my_permission").toString(), QStringLiteral("view"));
        QVERIFY(aliceSaw.wait("flow_updated", id));

        // Share upgraded, then removed: bob hears both, the second with no
        // permission left, and nothing of the flow afterwards.
        QCOMPARE(m_http
                     ->json("PUT", "/api/v1/flows/" + id + "/shares/" + shareId,
                            {{"permission", "edit"}}, alice.token)
                     .status,
                 200);
        QVERIFY(bobSaw.wait("flow_shares_changed", id, "action", "updated"));
        QCOMPARE(bobSaw.find("flow_shares_changed", id, "action", "updated")
                     .value("my_permission")
                     .toString(),
                 QStringLiteral("edit"));
        QCOMPARE(m_http
                     ->send("DELETE", "/api/v1/flows/" + id + "/shares/" + shareId, {},
                            Http::bearer(alice.token))
                     .status,
                 200);
        QVERIFY(bobSaw.wait("flow_shares_changed", id, "action", "deleted"));
        QCOMPARE(bobSaw.find("flow_shares_changed", id, "action", "deleted")
                     .value("my_permission")
                     .toString(),
                 QStringLiteral("none"));

        // Deleted: alice and the admin hear it; bob, no longer sharing, not.
        QCOMPARE(
            m_http->send("DELETE", "/api/v1/flows/" + id, {}, Http::bearer(alice.token)).status,
            200);
        QVERIFY(aliceSaw.wait("flow_deleted", id));
        QCOMPARE(aliceSaw.find("flow_deleted", id).value("name").toString(),
                 QStringLiteral("live-flow-2"));
        QVERIFY(adminSaw.wait("flow_deleted", id));

        // The stale save sent nothing; each change exactly once.
        for (const QString type : {"flow_created", "flow_version_added", "flow_published",
                                   "flow_updated", "flow_deleted"})
            QVERIFY2(aliceSaw.count(type, id) == 1, qPrintable(type));
        QCOMPARE(bobSaw.count("flow_deleted", id), 0);
        QCOMPARE(bobSaw.count("flow_created", id), 0);
        QCOMPARE(bobSaw.count("flow_version_added", id), 0);

        // Execution rows: started carries who and when, for a list row.
        const QString runFlow = createPublishedFlow(*m_http, alice.token, "live-run", oneNode("n"));
        QVERIFY(!runFlow.isEmpty());
        const Answer run = triggerFlow(*m_http, alice.token, runFlow);
        QVERIFY2(run.status == 200, run.raw.constData());
        const QString execution = run.data().value("execution_id").toString();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !aliceSaw.find("execution_completed", runFlow, "execution_id", execution)
                            .isEmpty();
            },
            kWaitMs));
        m = aliceSaw.find("execution_started", runFlow, "execution_id", execution);
        QCOMPARE(m.value("triggered_by").toString(), alice.id);
        QVERIFY(!m.value("created_at").toString().isEmpty());
        QCOMPARE(bobSaw.count("execution_started", runFlow), 0);
    }

    // The client library: the base goes out with save and publish, and a
    // conflict is recognisable with the state it names.
    void clientSeesTheConflict()
    {
        client::ApiClient first;
        client::ApiClient second;
        for (client::ApiClient *c : {&first, &second}) {
            c->setBaseUrl(m_http->base());
            const auto login = await<client::LoginResult>(
                [&](auto done) { c->login(kAdmin, kAdminPassword, std::move(done)); });
            if (!login)
                QFAIL(qPrintable(login.error().toString()));
        }
        const auto created = await<client::FlowSummary>([&](auto done) {
            client::FlowsApi(first).create({"client-conflict", {}, oneNode("v1"), {}},
                                           std::move(done));
        });
        if (!created)
            QFAIL(qPrintable(created.error().toString()));
        const QString id = created.value().id;
        QCOMPARE(created.value().revision, 1);

        // Both consoles open the flow.
        const auto opened = await<client::FlowDetail>(
            [&](auto done) { client::FlowsApi(second).get(id, std::move(done)); });
        if (!opened)
            QFAIL(qPrintable(opened.error().toString()));
        QCOMPARE(opened.value().revision, 1);
        const client::FlowEditBase base{opened.value().revision,
                                        opened.value().latestVersion.version};

        // The first saves; the second's save on the same base conflicts.
        const auto saved = await<client::FlowVersion>([&](auto done) {
            client::FlowsApi(first).addVersion(id, oneNode("first"), {}, base, std::move(done));
        });
        if (!saved)
            QFAIL(qPrintable(saved.error().toString()));
        QCOMPARE(saved.value().version, QStringLiteral("2"));
        QCOMPARE(saved.value().flowRevision, 2);
        const auto stale = await<client::FlowVersion>([&](auto done) {
            client::FlowsApi(second).addVersion(id, oneNode("second"), {}, base, std::move(done));
        });
        QVERIFY(!stale);
        QVERIFY(client::isConflict(stale.error()));
        QCOMPARE(client::errorHttpStatus(stale.error()), 409);
        QCOMPARE(client::conflictCurrentRevision(stale.error()), 2);
        QCOMPARE(client::conflictCurrentVersion(stale.error()), QStringLiteral("2"));
        const auto stalePublish = await<client::FlowVersion>(
            [&](auto done) { client::FlowsApi(second).publish(id, "1", base, std::move(done)); });
        QVERIFY(!stalePublish);
        QVERIFY(client::isConflict(stalePublish.error()));

        // "Save as a new version" on the current state works.
        const client::FlowEditBase current{client::conflictCurrentRevision(stale.error()),
                                           client::conflictCurrentVersion(stale.error())};
        const auto again = await<client::FlowVersion>([&](auto done) {
            client::FlowsApi(second).addVersion(id, oneNode("second"), {}, current,
                                                std::move(done));
        });
        if (!again)
            QFAIL(qPrintable(again.error().toString()));
        QCOMPARE(again.value().version, QStringLiteral("3"));
        const auto published = await<client::FlowVersion>([&](auto done) {
            client::FlowsApi(second).publish(id, "3", {again.value().flowRevision, "3"},
                                             std::move(done));
        });
        if (!published)
            QFAIL(qPrintable(published.error().toString()));
        QCOMPARE(published.value().status, QStringLiteral("published"));
        QCOMPARE(published.value().flowRevision, 4);

        // Other errors are no conflict.
        const auto missing = await<client::FlowVersion>(
            [&](auto done) { client::FlowsApi(first).publish(id, "9", {}, std::move(done)); });
        QVERIFY(!missing);
        QVERIFY(!client::isConflict(missing.error()));
        QCOMPARE(client::conflictCurrentRevision(missing.error()), 0);
        QCOMPARE(client::conflictCurrentVersion(missing.error()), QString());
    }
};

QTEST_MAIN(TestFlowConcurrency)
#include "TestFlowConcurrency.moc"
