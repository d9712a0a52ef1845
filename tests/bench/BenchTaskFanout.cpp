// The built-in `task` component fanned out to a fleet (issue 38 item 8,
// Benchmark): N simulated agents (tests/support/SimulatedAgents.h: real
// nodes enrolled through the API, one real WebSocket each, all with the
// label "fleet" and the `tasks` capability, answering every tasks/run at
// once) and a published flow of one task node {target: {label: "fleet",
// mode: "all"}, argv: ["/bin/true"]}. Each run is POST /flows/{id}/trigger
// ?wait=true: from the request to the answer carrying the collected
// outputs of all N nodes. Goal: < 1 s for 100 agents. The agents' commands
// cost nothing here: what is measured is the server's part (target
// resolution, a grant check per node, N agent calls, N audit entries, the
// outputs collected and journaled).
//
//   BenchTaskFanout [--agents N] [--runs R]
//
// Prints each run's time, then p50 / max. Exit code 1 when something
// failed to run or a run did not collect N results (not for a missed goal).

#include "../server/AuthTestSupport.h"
#include "../server/FlowTestSupport.h"
#include "ClientThreadPool.h"
#include "SimulatedAgents.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

using namespace hm::test;

namespace {

int fail(const QString &what)
{
    std::fprintf(stderr, "BenchTaskFanout: %s\n", qPrintable(what));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    int agentCount = 100;
    int runs = 10;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--agents"))
            agentCount = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    raiseFileLimit(2 * qint64(agentCount) + 256);

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    ServerProcess server(dir.path());
    const QUrl url = startAuthServer(server);
    if (url.isEmpty())
        return fail(QStringLiteral("the server did not start"));
    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    if (token.isEmpty())
        return fail(QStringLiteral("administrator login failed"));

    SimulatedAgents::Options options;
    options.server = url;
    options.adminToken = token;
    options.count = agentCount;
    options.threads = 2;
    options.labels = {QStringLiteral("fleet")};
    options.answerTasks = true;
    SimulatedAgents agents(options);
    if (const QString failure = agents.enrol(std::max(120000, agentCount * 200));
        !failure.isEmpty())
        return fail(QStringLiteral("enrolment: ") + failure);
    if (const QString failure = agents.connectAll(std::max(60000, agentCount * 60));
        !failure.isEmpty())
        return fail(QStringLiteral("connecting: ") + failure);

    QString why;
    const QString flow = createPublishedFlow(
        http, token, QStringLiteral("fan-out"),
        flowDefinition({flowNode(QStringLiteral("run"), QStringLiteral("task"), {},
                                 {{"target", QJsonObject{{"label", "fleet"}, {"mode", "all"}}},
                                  {"argv", QJsonArray{"/bin/true"}}})}),
        {}, &why);
    if (flow.isEmpty())
        return fail(QStringLiteral("flow: ") + why);

    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const Answer answer = triggerFlow(http, token, flow, {}, QStringLiteral("?wait=true"));
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        const QJsonObject outputs =
            answer.data().value("outputs").toObject().value("run").toObject();
        if (answer.status != 200 || answer.data().value("status").toString() != u"completed"
            || outputs.value("succeeded").toInt() != agentCount)
            return fail(QStringLiteral("run %1: %2").arg(run + 1).arg(QString::fromUtf8(answer.raw.left(2000))));
        times.push_back(ms);
        std::printf("run %d: %.1f ms (%d nodes, %d succeeded)\n", run + 1, ms, agentCount,
                    outputs.value("succeeded").toInt());
        std::fflush(stdout);
    }
    agents.stop(2000);
    std::sort(times.begin(), times.end());
    std::printf("\nBenchTaskFanout: a task node fanned out to %d simulated agents, %d runs: "
                "p50 %.1f ms, max %.1f ms (trigger ?wait=true to the collected outputs)\n",
                agentCount, runs, times[times.size() / 2], times.back());
    return 0;
}
