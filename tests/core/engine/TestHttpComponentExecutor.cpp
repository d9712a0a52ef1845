// HttpComponentExecutor against the real reference component, over HTTP on
// loopback: replies, failures and their retry flags, timeouts, cancellation
// and interface discovery.

#include "TestHttpSupport.h"
#include "engine/http/HttpComponentExecutor.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTest>

using namespace hm;
using namespace hm::engine;
using hm::test::Collector;

class TestHttpComponentExecutor : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;
    test::ReferenceComponent m_component;
    QUrl m_url;
    int m_nextExecution = 0;

    // Every test uses its own execution id: the component keeps per-node state.
    NodeTask task(const QString &component, const QJsonObject &inputs = {})
    {
        return test::task(component, inputs, QStringLiteral("n1"),
                          QStringLiteral("exec-%1").arg(++m_nextExecution));
    }

    NodeOutcome run(const NodeTask &t, const QUrl &endpoint = {})
    {
        HttpComponentExecutor executor(endpoint.isEmpty() ? m_url : endpoint, &m_network);
        return run(executor, t);
    }

    NodeOutcome run(NodeExecutor &executor, const NodeTask &t)
    {
        Collector collector;
        auto handle = executor.start(t, collector.callback());
        [&] { QTRY_VERIFY_WITH_TIMEOUT(collector.outcome.has_value(), 15000); }();
        if (!collector.outcome)
            return NodeOutcome::failed(
                Error{ErrorCode::InternalError, QStringLiteral("no report")});
        return *collector.outcome;
    }

    QJsonObject stats()
    {
        return test::getObject(m_network, m_component.url(QStringLiteral("/stats")));
    }

    bool cancelArrived(const NodeTask &t)
    {
        return !test::entriesFor(stats()[QStringLiteral("cancelled")].toArray(), t.executionId,
                                 t.nodeId)
                    .isEmpty();
    }
    bool executeArrived(const NodeTask &t)
    {
        return !test::entriesFor(stats()[QStringLiteral("requests")].toArray(), t.executionId,
                                 t.nodeId)
                    .isEmpty();
    }

private slots:
    void initTestCase()
    {
        m_url = m_component.start();
        QVERIFY2(m_url.isValid() && !m_url.isEmpty(), "the reference component did not start");
    }

    void okRepliesBecomeOutputs()
    {
        NodeTask t =
            task(QStringLiteral("uppercase"), {{QStringLiteral("text"), QStringLiteral("hive")}});
        t.attempt = 2;
        t.timeoutMs = 20000;
        const NodeOutcome outcome = run(t);
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(outcome.outputs, QJsonObject({{QStringLiteral("text"), QStringLiteral("HIVE")}}));
        QCOMPARE(outcome.handle, QStringLiteral("default"));

        // What the component received: body fields and the routing headers.
        const QJsonArray seen = test::entriesFor(stats()[QStringLiteral("requests")].toArray(),
                                                 t.executionId, t.nodeId);
        QCOMPARE(seen.size(), 1);
        const QJsonObject request = seen.first().toObject();
        QCOMPARE(request[QStringLiteral("attempt")].toInt(), 2);
        QCOMPARE(request[QStringLiteral("deadline_ms")].toInt(), 20000);
        QCOMPARE(request[QStringLiteral("header_execution")].toString(), t.executionId);
        QCOMPARE(request[QStringLiteral("header_node")].toString(), t.nodeId);
        QCOMPARE(request[QStringLiteral("header_attempt")].toString(), QStringLiteral("2"));
    }

    void echoKeepsEveryJsonType()
    {
        const QJsonObject inputs{{QStringLiteral("s"), QStringLiteral("x")},
                                 {QStringLiteral("n"), 1.5},
                                 {QStringLiteral("b"), true},
                                 {QStringLiteral("z"), QJsonValue::Null},
                                 {QStringLiteral("a"), QJsonArray{1, 2}},
                                 {QStringLiteral("o"), QJsonObject{{QStringLiteral("k"), 3}}}};
        const NodeOutcome outcome = run(task(QStringLiteral("echo"), inputs));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(outcome.outputs, inputs);
    }

    void componentErrorIsNotRetryableByDefault()
    {
        const NodeOutcome outcome = run(task(
            QStringLiteral("fail"), {{QStringLiteral("code"), QStringLiteral("VALIDATION_ERROR")},
                                     {QStringLiteral("message"), QStringLiteral("bad width")}}));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ValidationError);
        QVERIFY(outcome.error.message.contains(QStringLiteral("bad width")));
        QVERIFY(!outcome.retryable);
    }

    void componentErrorMayAskForRetry()
    {
        const NodeOutcome outcome = run(task(
            QStringLiteral("fail"), {{QStringLiteral("retryable"), true},
                                     {QStringLiteral("code"), QStringLiteral("MY_OWN_CODE")}}));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QVERIFY(outcome.retryable);
        // A code outside the catalogue is kept in the details.
        QCOMPARE(outcome.error.code, ErrorCode::InternalError);
        QCOMPARE(outcome.error.details[QStringLiteral("component_code")].toString(),
                 QStringLiteral("MY_OWN_CODE"));
    }

    void failTimesThenSucceedsOnLaterAttempt()
    {
        NodeTask t = task(QStringLiteral("fail"),
                          {{QStringLiteral("fail_times"), 2}, {QStringLiteral("retryable"), true}});
        for (int attempt = 1; attempt <= 2; ++attempt) {
            t.attempt = attempt;
            const NodeOutcome outcome = run(t);
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
            QVERIFY(outcome.retryable);
        }
        t.attempt = 3;
        const NodeOutcome outcome = run(t);
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(outcome.outputs[QStringLiteral("attempts")].toInt(), 3);
    }

    void serverErrorIsRetryableUnavailable()
    {
        const NodeOutcome outcome = run(
            task(QStringLiteral("fail"), {{QStringLiteral("http_status"), 500},
                                          {QStringLiteral("message"), QStringLiteral("db down")}}));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ComponentUnavailable);
        QVERIFY(outcome.retryable);
        QVERIFY(outcome.error.message.contains(QStringLiteral("db down")));
        QCOMPARE(outcome.error.details[QStringLiteral("http_status")].toInt(), 500);
    }

    void clientErrorIsNotRetryable()
    {
        const NodeOutcome outcome =
            run(task(QStringLiteral("fail"),
                     {{QStringLiteral("http_status"), 422},
                      {QStringLiteral("code"), QStringLiteral("VALIDATION_ERROR")}}));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ValidationError);
        QVERIFY(!outcome.retryable);
    }

    void unknownComponentIsNotFound()
    {
        const NodeOutcome outcome = run(task(QStringLiteral("no-such-component")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ComponentNotFound);
        QVERIFY(!outcome.retryable);
    }

    void connectionRefusedIsRetryableUnavailable()
    {
        QUrl nowhere(QStringLiteral("http://127.0.0.1"));
        nowhere.setPort(test::unusedPort());
        const NodeOutcome outcome = run(task(QStringLiteral("echo")), nowhere);
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ComponentUnavailable);
        QVERIFY(outcome.retryable);
    }

    // Several endpoints: a refused one fails over to the next within the
    // attempt; unavailable ones are skipped; none available fails at once.
    void endpointsFailOverAndSkip()
    {
        QUrl nowhere(QStringLiteral("http://127.0.0.1"));
        nowhere.setPort(test::unusedPort());
        auto endpoints = std::make_shared<ComponentEndpoints>(QList<QUrl>{nowhere, m_url});
        HttpComponentExecutor executor(endpoints, &m_network, HttpComponentExecutor::BlobUrlFor());
        for (int i = 0; i < 4; ++i) {
            const NodeTask t = task(QStringLiteral("echo"), {{QStringLiteral("value"), i}});
            const NodeOutcome outcome = run(executor, t);
            QCOMPARE(outcome.kind, NodeOutcome::Kind::Completed);
            QCOMPARE(outcome.outputs.value(QStringLiteral("value")).toInt(), i);
            QVERIFY(executeArrived(t));
        }

        // Both refused: the attempt fails, naming both.
        QUrl elsewhere = nowhere;
        elsewhere.setPort(test::unusedPort());
        HttpComponentExecutor dead(
            std::make_shared<ComponentEndpoints>(QList<QUrl>{nowhere, elsewhere}), &m_network,
            HttpComponentExecutor::BlobUrlFor());
        NodeOutcome outcome = run(dead, task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ComponentUnavailable);
        QVERIFY(outcome.retryable);
        QCOMPARE(outcome.error.details.value(QStringLiteral("endpoints_tried")).toInt(), 2);

        // The live one marked unavailable: only the refused one is left.
        endpoints->setAvailable(m_url, false);
        QVERIFY(executor.isAvailable());
        outcome = run(executor, task(QStringLiteral("echo")));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ComponentUnavailable);
        endpoints->setAvailable(nowhere, false);
        QVERIFY(!executor.isAvailable());
        const NodeTask skipped = task(QStringLiteral("echo"));
        outcome = run(executor, skipped);
        QCOMPARE(outcome.error.details.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("COMPONENT_UNHEALTHY"));
        QVERIFY(!executeArrived(skipped));
    }

    void roundRobinTurns()
    {
        ComponentEndpoints endpoints({QUrl(QStringLiteral("http://a")),
                                      QUrl(QStringLiteral("http://b")),
                                      QUrl(QStringLiteral("http://c"))});
        QStringList firsts;
        for (int i = 0; i < 6; ++i)
            firsts.append(endpoints.nextOrder().first().host());
        QCOMPARE(firsts, (QStringList{"a", "b", "c", "a", "b", "c"}));
        endpoints.setAvailable(QUrl(QStringLiteral("http://b")), false);
        QCOMPARE(endpoints.nextOrder().size(), 2);
        firsts.clear();
        for (int i = 0; i < 4; ++i)
            firsts.append(endpoints.nextOrder().first().host());
        QCOMPARE(firsts.count(QStringLiteral("a")), 2);
        QCOMPARE(firsts.count(QStringLiteral("c")), 2);
        endpoints.add(QUrl(QStringLiteral("http://a"))); // already there
        QCOMPARE(endpoints.endpoints().size(), 3);
    }

    void malformedReplyIsNamed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("invalid JSON") << "json"
                                      << "invalid JSON";
        QTest::newRow("unknown status") << "shape"
                                        << "status";
        QTest::newRow("outputs not an object") << "outputs"
                                               << "outputs";
    }

    void malformedReplyIsNamed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, mentions);
        const NodeOutcome outcome =
            run(task(QStringLiteral("malformed"), {{QStringLiteral("kind"), kind}}));
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.details[QStringLiteral("reason")].toString(),
                 QStringLiteral("MALFORMED_REPLY"));
        QVERIFY2(outcome.error.message.contains(QStringLiteral("malformed")),
                 qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.message.contains(mentions), qPrintable(outcome.error.message));
        QVERIFY(!outcome.retryable);
    }

    void timeoutFailsRetryablyAndCancelsTheComponent()
    {
        NodeTask t = task(QStringLiteral("sleep"), {{QStringLiteral("ms"), 600000}});
        t.timeoutMs = 300;
        const NodeOutcome outcome = run(t);
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(outcome.error.code, ErrorCode::ExecutionTimeout);
        QVERIFY(outcome.retryable);
        QTRY_VERIFY_WITH_TIMEOUT(cancelArrived(t), 15000);
    }

    void cancelAbortsAndNotifiesTheComponent()
    {
        const NodeTask t = task(QStringLiteral("sleep"), {{QStringLiteral("ms"), 600000}});
        HttpComponentExecutor executor(m_url, &m_network);
        Collector collector;
        auto handle = executor.start(t, collector.callback());
        QTRY_VERIFY_WITH_TIMEOUT(executeArrived(t), 15000);
        QVERIFY(!collector.outcome);

        handle->cancel();
        // Reported from the event loop, not inside cancel().
        QCOMPARE(collector.calls, 0);
        QTRY_VERIFY(collector.outcome.has_value());
        QCOMPARE(collector.outcome->kind, NodeOutcome::Kind::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(cancelArrived(t), 15000);
        const QJsonObject cancel = test::entriesFor(stats()[QStringLiteral("cancelled")].toArray(),
                                                    t.executionId, t.nodeId)
                                       .first()
                                       .toObject();
        QCOMPARE(cancel[QStringLiteral("attempt")].toInt(), 1);

        // A second cancel changes nothing.
        handle->cancel();
        QCOMPARE(collector.calls, 1);
    }

    void destroyingTheRunReportsNothing()
    {
        // Mid-call: the component still hears about it.
        const NodeTask slow = task(QStringLiteral("sleep"), {{QStringLiteral("ms"), 600000}});
        HttpComponentExecutor executor(m_url, &m_network);
        Collector collector;
        auto handle = executor.start(slow, collector.callback());
        QTRY_VERIFY_WITH_TIMEOUT(executeArrived(slow), 15000);
        handle.reset();
        QTRY_VERIFY_WITH_TIMEOUT(cancelArrived(slow), 15000);

        // Destroyed before a fast reply lands: a later round trip through
        // the same component proves the event loop ran past it.
        const NodeTask fast = task(QStringLiteral("echo"));
        handle = executor.start(fast, collector.callback());
        handle.reset();
        QCOMPARE(run(task(QStringLiteral("echo"))).kind, NodeOutcome::Kind::Completed);
        QVERIFY(stats()[QStringLiteral("executed")].toInt() > 0);
        QCOMPARE(collector.calls, 0);

        // Cancelled, then destroyed before the queued report: still nothing.
        handle = executor.start(slow, collector.callback());
        handle->cancel();
        handle.reset();
        QCOMPARE(run(task(QStringLiteral("echo"))).kind, NodeOutcome::Kind::Completed);
        QCOMPARE(collector.calls, 0);
    }

    void endpointPathPrefixIsKept()
    {
        // The reference component serves at the root; a prefix must reach it
        // as /prefix/execute, which it answers with its 404 error body.
        QUrl prefixed = m_url;
        prefixed.setPath(QStringLiteral("/tools/"));
        const NodeOutcome outcome = run(task(QStringLiteral("echo")), prefixed);
        QCOMPARE(outcome.kind, NodeOutcome::Kind::Failed);
        QVERIFY2(outcome.error.message.contains(QStringLiteral("/tools/execute")),
                 qPrintable(outcome.error.toString()));
    }

    void blobsTravelThroughTheBlobEndpoint()
    {
        // A stand-in for the server's blob endpoint (the real one belongs to
        // the server): GET/PUT /blobs/<id> guarded by the execution token.
        QHttpServer blobServer;
        QHash<QString, QByteArray> blobs;
        int rejected = 0;
        const QByteArray token = "tok-123";
        auto authorised = [&](const QHttpServerRequest &request) {
            const bool ok = request.value(QByteArrayLiteral("X-Execution-Token")) == token;
            rejected += ok ? 0 : 1;
            return ok;
        };
        blobServer.route(QStringLiteral("/blobs/<arg>"), QHttpServerRequest::Method::Put,
                         [&](const QString &id, const QHttpServerRequest &request) {
                             if (!authorised(request))
                                 return QHttpServerResponse(
                                     QHttpServerResponse::StatusCode::Unauthorized);
                             blobs.insert(id, request.body());
                             return QHttpServerResponse(QHttpServerResponse::StatusCode::Created);
                         });
        blobServer.route(
            QStringLiteral("/blobs/<arg>"), QHttpServerRequest::Method::Get,
            [&](const QString &id, const QHttpServerRequest &request) {
                if (!authorised(request))
                    return QHttpServerResponse(QHttpServerResponse::StatusCode::Unauthorized);
                if (!blobs.contains(id))
                    return QHttpServerResponse(QHttpServerResponse::StatusCode::NotFound);
                return QHttpServerResponse(QByteArrayLiteral("application/octet-stream"),
                                           blobs.value(id));
            });
        const quint16 port = blobServer.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QUrl blobBase(QStringLiteral("http://127.0.0.1:%1/blobs").arg(port));

        HttpComponentExecutor executor(m_url, &m_network, blobBase);
        auto runWithBlobs = [&](NodeTask t) {
            t.blobToken = QString::fromLatin1(token);
            return run(executor, t);
        };
        const NodeOutcome made =
            runWithBlobs(task(QStringLiteral("make-blob"), {{QStringLiteral("size"), 70000}}));
        QCOMPARE(made.kind, NodeOutcome::Kind::Completed);
        const QJsonValue ref = made.outputs[QStringLiteral("data")];
        QVERIFY(ref[QStringLiteral("$ref")].toString().startsWith(QStringLiteral("blob:")));
        QCOMPARE(blobs.size(), 1);
        QCOMPARE(blobs.begin().value().size(), 70000);

        const NodeOutcome sized =
            runWithBlobs(task(QStringLiteral("blob-size"), {{QStringLiteral("data"), ref}}));
        QCOMPARE(sized.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(sized.outputs[QStringLiteral("size")].toInt(), 70000);
        QCOMPARE(rejected, 0);
    }

    // A component's reply above 16 MiB fails with PAYLOAD_TOO_LARGE, not
    // retryable (docs/component-protocol.md); one of exactly 16 MiB is read.
    // A stand-in component on loopback answers with a padded "ok" reply.
    void repliesAbove16MiBAreRefused()
    {
        constexpr qsizetype kLimit = 16 * 1024 * 1024;
        QHttpServer component;
        qsizetype replySize = 0;
        component.route(QStringLiteral("/execute"), QHttpServerRequest::Method::Post, [&] {
            const QByteArray head = R"({"status":"ok","outputs":{"pad":")";
            const QByteArray tail = R"("}})";
            const QByteArray body =
                head + QByteArray(replySize - head.size() - tail.size(), 'x') + tail;
            return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
        });
        const quint16 port = component.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QUrl endpoint(QStringLiteral("http://127.0.0.1:%1/").arg(port));

        replySize = kLimit;
        const NodeOutcome atLimit = run(task(QStringLiteral("big")), endpoint);
        QCOMPARE(atLimit.kind, NodeOutcome::Kind::Completed);
        QCOMPARE(atLimit.outputs[QStringLiteral("pad")].toString().size(), kLimit - 36);

        replySize = kLimit + 1;
        const NodeOutcome above = run(task(QStringLiteral("big")), endpoint);
        QCOMPARE(above.kind, NodeOutcome::Kind::Failed);
        QCOMPARE(above.error.code, ErrorCode::PayloadTooLarge);
        QVERIFY(!above.retryable);
        QVERIFY2(above.error.message.contains(QString::number(kLimit)),
                 qPrintable(above.error.message));
    }

    void interfacesAreDiscovered()
    {
        std::optional<Result<QList<flow::ComponentInterface>>> result;
        fetchInterfaces(m_network, m_url, [&](Result<QList<flow::ComponentInterface>> r) {
            result.emplace(std::move(r));
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().toString()));
        const QList<flow::ComponentInterface> &list = result->value();
        QVERIFY(list.size() >= 5);
        const auto upper = std::find_if(list.begin(), list.end(), [](const auto &i) {
            return i.name == QStringLiteral("uppercase");
        });
        QVERIFY(upper != list.end());
        QCOMPARE(upper->version, QStringLiteral("1.0.0"));
        QVERIFY(upper->input(QStringLiteral("text")));
        QVERIFY(upper->input(QStringLiteral("text"))->required);
        QCOMPARE(upper->input(QStringLiteral("text"))->type, flow::PortType::String);
        QVERIFY(upper->output(QStringLiteral("text")));
    }

    void interfaceDiscoveryFailures()
    {
        QUrl nowhere(QStringLiteral("http://127.0.0.1"));
        nowhere.setPort(test::unusedPort());
        std::optional<Result<QList<flow::ComponentInterface>>> result;
        fetchInterfaces(m_network, nowhere, [&](Result<QList<flow::ComponentInterface>> r) {
            result.emplace(std::move(r));
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::ComponentUnavailable);

        QVERIFY(!parseInterfaceList(QJsonDocument(QJsonObject{})).ok());
        const auto missingVersion = parseInterfaceList(
            QJsonDocument(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")},
                                                 {QStringLiteral("version"), QStringLiteral("1")}},
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("b")}}}));
        QVERIFY(!missingVersion.ok());
        QCOMPARE(missingVersion.error().code, ErrorCode::ValidationError);
        QCOMPARE(missingVersion.error().details[QStringLiteral("index")].toInt(), 1);
        const auto empty = parseInterfaceList(QJsonDocument(QJsonArray{}));
        QVERIFY(empty.ok());
        QVERIFY(empty.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpComponentExecutor)
#include "TestHttpComponentExecutor.moc"
