// core/client's NodesApi (issue 35) against a real in-process server over
// loopback: a node created with its one-time enrolment ticket, read back
// without any secret, listed with the search and the label filter, renamed,
// given a new secret, its (empty) metrics read, deleted; the typed errors
// (a duplicate name, a bad label naming its field, a viewer refused).

#include "AdminTestSupport.h"
#include "client/ApiError.h"
#include "client/NodesApi.h"

using namespace hm;
using namespace hm::client;
using namespace admintest;

namespace {

// The error of a failed call, for the failure message (evaluated even when
// the call succeeded, so it must not ask a success for its error).
template <typename T> QString errorText(const hm::Result<T> &r)
{
    return r.ok() ? QString() : r.error().toString();
}

const QString kViewerPassword = QStringLiteral("Viewer#Pass2026");

} // namespace

class TestNodesClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_server.start("TestNodesClient")); }
    void cleanupTestCase() { m_server.stop(); }
    void createReadListUpdateRenewDelete();
    void errorsAreTyped();

private:
    NodesApi api() { return NodesApi(*m_server.connection->client()); }

    AdminServer m_server;
};

void TestNodesClient::createReadListUpdateRenewDelete()
{
    NewNode web{QStringLiteral("web-01"),
                QStringLiteral("front"),
                {QStringLiteral("prod"), QStringLiteral("eu:west")},
                2};
    auto created = await<EnrolledNode>([&](auto done) { api().create(web, done); });
    QVERIFY2(created.ok(), qPrintable(errorText(created)));
    const NodeRow node = created.value().node;
    QVERIFY(!node.id.isEmpty());
    QCOMPARE(node.name, QStringLiteral("web-01"));
    QCOMPARE(node.status, QStringLiteral("pending"));
    QVERIFY(!node.enrolled);
    QCOMPARE(node.labels, QStringList({QStringLiteral("prod"), QStringLiteral("eu:west")}));
    const EnrolmentTicket ticket = created.value().enrolment;
    QVERIFY(ticket.secret.startsWith(QStringLiteral("hme_")));
    QVERIFY(ticket.command.contains(ticket.secret));
    QVERIFY(ticket.command.contains(m_server.connection->baseUrl().host()));
    // Two hours, as asked (a minute of slack for the clocks).
    const qint64 lives = QDateTime::currentDateTimeUtc().secsTo(ticket.expiresAt);
    QVERIFY2(lives > 7100 && lives <= 7260, qPrintable(QString::number(lives)));

    auto db = await<EnrolledNode>([&](auto done) {
        api().create(NewNode{QStringLiteral("db-01"), {}, {QStringLiteral("staging")}, 0}, done);
    });
    QVERIFY(db.ok());

    auto read = await<NodeRow>([&](auto done) { api().get(node.id, done); });
    QVERIFY(read.ok());
    QCOMPARE(read.value().name, node.name);
    QCOMPARE(read.value().description, QStringLiteral("front"));
    QVERIFY(read.value().createdAt.isValid());
    QVERIFY(!read.value().lastHeartbeat.isValid());

    auto all = await<Page<NodeRow>>([&](auto done) { api().list({}, done); });
    QVERIFY(all.ok());
    QCOMPARE(all.value().total, 2);
    QCOMPARE(all.value().items.at(0).name, QStringLiteral("db-01")); // by name
    NodeFilter byLabel;
    byLabel.label = QStringLiteral("prod");
    auto prod = await<Page<NodeRow>>([&](auto done) { api().list(byLabel, done); });
    QVERIFY(prod.ok());
    QCOMPARE(prod.value().items.size(), 1);
    QCOMPARE(prod.value().items.at(0).id, node.id);
    NodeFilter search;
    search.search = QStringLiteral("db");
    search.page = PageRequest{1, 1};
    auto found = await<Page<NodeRow>>([&](auto done) { api().list(search, done); });
    QVERIFY(found.ok());
    QCOMPARE(found.value().items.size(), 1);
    QCOMPARE(found.value().items.at(0).name, QStringLiteral("db-01"));

    auto renamed = await<NodeRow>([&](auto done) {
        api().update(node.id, QJsonObject{{QStringLiteral("name"), QStringLiteral("web-02")}},
                     done);
    });
    QVERIFY2(renamed.ok(), qPrintable(errorText(renamed)));
    QCOMPARE(renamed.value().name, QStringLiteral("web-02"));
    QCOMPARE(renamed.value().labels, node.labels);

    auto renewed =
        await<EnrolmentTicket>([&](auto done) { api().renewEnrolment(node.id, 0, done); });
    QVERIFY(renewed.ok());
    QVERIFY(renewed.value().secret.startsWith(QStringLiteral("hme_")));
    QVERIFY(renewed.value().secret != ticket.secret);
    QVERIFY(renewed.value().expiresAt > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));

    auto metrics = await<NodeMetrics>([&](auto done) { api().metrics(node.id, {}, done); });
    QVERIFY2(metrics.ok(), qPrintable(errorText(metrics)));
    QCOMPARE(metrics.value().tier, QStringLiteral("raw"));
    QVERIFY(metrics.value().items.isEmpty());
    NodeMetricsQuery daily;
    daily.start = QDateTime::currentDateTimeUtc().addDays(-7);
    daily.names = {QStringLiteral("cpu_usage")};
    metrics = await<NodeMetrics>([&](auto done) { api().metrics(node.id, daily, done); });
    QVERIFY2(metrics.ok(), qPrintable(errorText(metrics)));
    QCOMPARE(metrics.value().tier, QStringLiteral("15m"));
    QVERIFY(metrics.value().isRollup());
    daily.names = {QStringLiteral("cpu usage")};
    metrics = await<NodeMetrics>([&](auto done) { api().metrics(node.id, daily, done); });
    QVERIFY(!metrics.ok());
    QCOMPARE(metrics.error().code, ErrorCode::ValidationError);

    QVERIFY(await<void>([&](auto done) { api().remove(node.id, done); }).ok());
    auto gone = await<NodeRow>([&](auto done) { api().get(node.id, done); });
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, ErrorCode::ResourceNotFound);
    QVERIFY(await<void>([&](auto done) { api().remove(db.value().node.id, done); }).ok());
}

void TestNodesClient::errorsAreTyped()
{
    auto first = await<EnrolledNode>([&](auto done) {
        api().create(NewNode{QStringLiteral("twin"), {}, {}, 0}, done);
    });
    QVERIFY(first.ok());
    auto twin = await<EnrolledNode>([&](auto done) {
        api().create(NewNode{QStringLiteral("TWIN"), {}, {}, 0}, done);
    });
    QVERIFY(!twin.ok());
    QCOMPARE(twin.error().code, ErrorCode::ResourceAlreadyExists);

    auto badLabel = await<EnrolledNode>([&](auto done) {
        api().create(NewNode{QStringLiteral("odd"), {}, {QStringLiteral("no spaces")}, 0}, done);
    });
    QVERIFY(!badLabel.ok());
    QCOMPARE(badLabel.error().code, ErrorCode::ValidationError);
    QCOMPARE(badLabel.error().details.value(QStringLiteral("field")).toString(),
             QStringLiteral("labels"));

    QVERIFY(
        !m_server.createUser(QStringLiteral("watcher"), QStringLiteral("viewer"), kViewerPassword)
             .id.isEmpty());
    auto viewer = m_server.signIn(QStringLiteral("watcher"), kViewerPassword);
    QVERIFY(viewer);
    auto listed = await<Page<NodeRow>>([&](auto done) { NodesApi(*viewer).list({}, done); });
    QVERIFY(listed.ok());
    QCOMPARE(listed.value().total, 1);
    auto refused = await<EnrolledNode>([&](auto done) {
        NodesApi(*viewer).create(NewNode{QStringLiteral("nope"), {}, {}, 0}, done);
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InsufficientPermissions);
}

QTEST_MAIN(TestNodesClient)
#include "TestNodesClient.moc"
