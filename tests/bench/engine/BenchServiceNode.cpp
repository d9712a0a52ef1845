// The "service" node's cost per call over a plain HTTP call (issue 13 item
// 4; goal: < 50 µs per call of overhead). One process, one thread, one
// loopback HTTP peer (tests/support/ServicePeer.h) answering a small JSON
// body on a kept-alive connection; FixedServiceResolver stands in for the
// server's resolver (an endpoint copy and an already cached credential).
//
//   BM_DirectCall: QNetworkAccessManager GET of the same URL, query and
//     headers (Authorization included), reply read: the baseline.
//   BM_ServiceExecutor: ServiceCallExecutor::start() to its outcome:
//     resolver, request building, auth injection, body decoding, masking.
//   BM_ServiceNodeFlow: a one-node flow triggered on a Scheduler
//     (NullExecutionJournal, history none): what the engine adds on top.
//
// Overhead per call = BM_ServiceExecutor (or BM_ServiceNodeFlow) minus
// BM_DirectCall, both in µs of real time. Measure on an idle machine
// (docs/benchmarks.md).

#include "FixedServiceResolver.h"
#include "ServicePeer.h"
#include "engine/Scheduler.h"
#include "engine/builtins/Builtins.h"
#include "engine/services/ServiceCallExecutor.h"
#include "flow/FlowCompiler.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <benchmark/benchmark.h>

using namespace hm;
using namespace hm::engine;

namespace {

const QByteArray kToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJlc2lnbmF0dXJl";

struct Setup
{
    test::ServicePeer peer;
    test::FixedServiceResolver resolver;
    QNetworkAccessManager network;

    Setup()
    {
        peer.setHandler([](const test::ServicePeer::Request &) {
            test::ServicePeer::Response response;
            response.body = R"({"id":42,"name":"benchmark","tags":["a","b"],"ok":true})";
            return response;
        });
        ServiceEndpointSpec spec;
        spec.serviceId = QStringLiteral("bench");
        spec.endpointId = QStringLiteral("get");
        spec.method = QStringLiteral("GET");
        spec.baseUrl = peer.url(QStringLiteral("/api"));
        spec.path = QStringLiteral("/items/{id}");
        spec.parameters = {ServiceParameter{"id", "path", "integer", true, {}},
                           ServiceParameter{"verbose", "query", "boolean", false, {}},
                           ServiceParameter{"X-Trace", "header", "string", false, {}}};
        resolver.setEndpoint(spec);
        ServiceAuth auth;
        auth.headers.append({"Authorization", "Bearer " + kToken});
        auth.secrets = {QString::fromLatin1(kToken)};
        resolver.setAuth(auth);
    }

    QJsonObject inputs() const
    {
        return QJsonObject{{QStringLiteral("id"), 42},
                           {QStringLiteral("verbose"), true},
                           {QStringLiteral("X-Trace"), QStringLiteral("bench-1")}};
    }
    QJsonObject config() const
    {
        return QJsonObject{{QStringLiteral("serviceId"), QStringLiteral("bench")},
                           {QStringLiteral("endpointId"), QStringLiteral("get")}};
    }
};

Setup &setup()
{
    static Setup s;
    return s;
}

void BM_DirectCall(benchmark::State &state)
{
    Setup &s = setup();
    const int connectionsBefore = s.peer.connections();
    QNetworkRequest request(s.peer.url(QStringLiteral("/api/items/42?verbose=true")));
    request.setRawHeader("X-Trace", "bench-1");
    request.setRawHeader("Authorization", "Bearer " + kToken);
    for (auto _ : state) {
        QNetworkReply *reply = s.network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
            state.SkipWithError("the direct call failed");
            delete reply;
            return;
        }
        benchmark::DoNotOptimize(reply->readAll());
        delete reply;
    }
    state.counters["calls/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["connections"] = s.peer.connections() - connectionsBefore;
}
BENCHMARK(BM_DirectCall)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_ServiceExecutor(benchmark::State &state)
{
    Setup &s = setup();
    const int connectionsBefore = s.peer.connections();
    ServiceCallExecutor executor(&s.resolver, &s.network);
    NodeTask task;
    task.executionId = QStringLiteral("exec-1");
    task.nodeId = QStringLiteral("call");
    task.component = QString::fromLatin1(kServiceComponent);
    task.version = QString::fromLatin1(kServiceVersion);
    task.config = s.config();
    task.inputs = s.inputs();
    for (auto _ : state) {
        std::optional<NodeOutcome> outcome;
        QEventLoop loop;
        auto run = executor.start(task, [&](NodeOutcome o) {
            outcome = std::move(o);
            loop.quit();
        });
        if (!outcome)
            loop.exec();
        if (outcome->kind != NodeOutcome::Kind::Completed) {
            state.SkipWithError(qPrintable(outcome->error.toString()));
            return;
        }
        benchmark::DoNotOptimize(outcome);
    }
    state.counters["calls/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["connections"] = s.peer.connections() - connectionsBefore;
}
BENCHMARK(BM_ServiceExecutor)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_ServiceNodeFlow(benchmark::State &state)
{
    Setup &s = setup();
    const int connectionsBefore = s.peer.connections();
    auto registry = std::make_shared<ExecutorRegistry>();
    registerBuiltins(*registry);
    registerServiceNode(*registry, &s.resolver, &s.network);
    flow::FlowDefinition def;
    flow::NodeDef node;
    node.id = QStringLiteral("call");
    node.component = QString::fromLatin1(kServiceComponent);
    node.version = QString::fromLatin1(kServiceVersion);
    node.config = s.config();
    node.inputMappings = QJsonObject{{QStringLiteral("id"), QStringLiteral("$.trigger.id")},
                                     {QStringLiteral("verbose"), true},
                                     {QStringLiteral("X-Trace"), QStringLiteral("bench-1")}};
    def.nodes.append(node);
    flow::FlowSettings settings;
    settings.historyLevel = flow::HistoryLevel::None;
    auto compiled = flow::compile(def, settings, *registry);
    if (!compiled) {
        state.SkipWithError(qPrintable(compiled.error().toString()));
        return;
    }
    NullExecutionJournal journal;
    EngineOptions options;
    options.jitterSeed = 1;
    Scheduler scheduler(registry, &journal, {}, options);
    QEventLoop *waiting = nullptr;
    QString endStatus;
    scheduler.setEventSink([&](const EngineEvent &event) {
        if (event.type == EngineEvent::Type::ExecutionCompleted) {
            endStatus = event.status;
            if (waiting)
                waiting->quit();
        }
    });
    const TriggerRequest request{QStringLiteral("svc"), QStringLiteral("1"), compiled.value(),
                                 QJsonObject{{QStringLiteral("id"), 42}}, QStringLiteral("bench")};
    int n = 0;
    for (auto _ : state) {
        endStatus.clear();
        QEventLoop loop;
        waiting = &loop;
        auto r = scheduler.trigger(request);
        if (!r) {
            state.SkipWithError(qPrintable(r.error().toString()));
            return;
        }
        if (endStatus.isEmpty())
            loop.exec();
        waiting = nullptr;
        if (endStatus != QLatin1String("completed")) {
            state.SkipWithError("the flow did not complete");
            return;
        }
        if (++n % 1024 == 0)
            scheduler.purgeExpired(std::numeric_limits<qint64>::max() / 2);
    }
    state.counters["calls/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["connections"] = s.peer.connections() - connectionsBefore;
}
BENCHMARK(BM_ServiceNodeFlow)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The node's log lines go to the history, not to stderr, here.
    QLoggingCategory::setFilterRules(QStringLiteral("hivemind.*.info=false"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
