#pragma once

// What the console's benchmarks share (tests/bench/console/README.md): a
// real hivemind-server over loopback with its administrator signed in twice
// (Http for seeding through the API, the console's ApiClient for the panels
// under test), generated flows, percentiles, the machine's load average and
// one line per figure on stdout.

#include "../../server/FlowTestSupport.h"
#include "client/ApiClient.h"
#include "client/ApiTypes.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

namespace hm::bench {

using namespace hm::test;

// "1.23 1.10 0.98" of /proc/loadavg.
inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> parts = file.readAll().split(' ');
    return parts.size() >= 3 ? QString::fromLatin1(parts[0] + ' ' + parts[1] + ' ' + parts[2])
                             : QStringLiteral("?");
}

// VmRSS of this process in KiB (0 when unknown).
inline qint64 residentKiB()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// CPU time of the calling thread in ms: what a step costs, whatever else
// the shared machine runs meanwhile (wall time includes waiting for a core).
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// p in [0, 100], nearest rank; 0 for no values.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

inline double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// One figure line: "<name>: <text> (goal <goal>: met|MISSED) [load a b c]".
inline void report(const char *name, const QString &text, const QString &goal = {},
                   std::optional<bool> met = std::nullopt)
{
    QString line = QString::fromLatin1(name) + QStringLiteral(": ") + text;
    if (!goal.isEmpty())
        line += QStringLiteral(" (goal %1: %2)").arg(goal, met.value_or(false) ? "met" : "MISSED");
    line += QStringLiteral(" [load %1]").arg(loadAverage());
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

inline QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QStringLiteral(" ms");
}

// Runs an asynchronous client call to its one callback.
template <typename T, typename Start> Result<T> await(Start start, int timeoutMs = 60000)
{
    std::optional<Result<T>> out;
    start([&out](Result<T> r) { out.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return Error{ErrorCode::Timeout, QStringLiteral("no answer")};
    return std::move(*out);
}

// A real hivemind-server on a fresh data directory, its administrator, an
// Http for seeding and the console's signed-in ApiClient.
struct BenchServer
{
    QTemporaryDir dir;
    std::unique_ptr<ServerProcess> process;
    QUrl url;
    std::unique_ptr<Http> http;
    QString token;
    hm::client::ApiClient client;
    hm::client::UserInfo admin;

    // Empty on success, else what failed.
    QString start(const QStringList &extra = {})
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary directory");
        process = std::make_unique<ServerProcess>(dir.path() + QStringLiteral("/data"));
        // The server's own log level (its log lines are a benchmark's rows).
        process->setEnv(QStringLiteral("QT_LOGGING_RULES"), QString());
        url = startAuthServer(*process, extra);
        if (url.isEmpty())
            return QStringLiteral("the server did not start: ") +
                   QString::fromUtf8(process->standardError());
        return signIn();
    }
    // (Re)signs in both the Http token and the ApiClient.
    QString signIn()
    {
        http = std::make_unique<Http>(url);
        token = http->accessToken(kAdmin, kAdminPassword);
        if (token.isEmpty())
            return QStringLiteral("no token");
        client.setBaseUrl(url);
        auto login = await<hm::client::LoginResult>(
            [&](auto done) { client.login(kAdmin, kAdminPassword, done); });
        if (!login)
            return login.error().toString();
        admin = login->user;
        return {};
    }
};

// A layered DAG of `nodeCount` nodes in ranks of `rankWidth`, with
// `edgeCount` edges (each node after the first rank has one parent in the
// rank before; the rest join a neighbour of that parent), on a grid.
// `makeNode(i, id)` gives the node (position set here).
template <typename MakeNode>
QJsonObject layeredFlow(int nodeCount, int edgeCount, int rankWidth, MakeNode makeNode)
{
    QJsonArray nodes;
    QJsonArray edges;
    auto id = [](int i) { return QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0')); };
    for (int i = 0; i < nodeCount; ++i) {
        QJsonObject node = makeNode(i, id(i));
        node[QStringLiteral("position")] =
            QJsonObject{{"x", (i / rankWidth) * 260}, {"y", (i % rankWidth) * 120}};
        nodes.append(node);
    }
    for (int i = rankWidth; i < nodeCount; ++i)
        edges.append(flowEdge(id(i - rankWidth), id(i)));
    for (int shift = 1; edges.size() < edgeCount && shift < rankWidth; ++shift) {
        for (int i = rankWidth; i < nodeCount && edges.size() < edgeCount; i += 2) {
            const int rankStart = (i / rankWidth - 1) * rankWidth;
            const int parent = rankStart + (i % rankWidth + shift) % rankWidth;
            edges.append(flowEdge(id(parent), id(i)));
        }
    }
    return flowDefinition(nodes, edges);
}

// 1,000 noop nodes and 1,500 edges (40 ranks of 25): the editor's figures.
inline QJsonObject editorFlow(int nodeCount = 1000, int edgeCount = 1500)
{
    return layeredFlow(nodeCount, edgeCount, 25,
                       [](int, const QString &id) { return flowNode(id, QStringLiteral("noop")); });
}

// Creates the flow through POST /flows (and publishes it); its id or empty.
inline QString storeFlow(BenchServer &server, const QString &name, const QJsonObject &definition,
                         QString *why = nullptr, const QJsonObject &settings = {})
{
    return createPublishedFlow(*server.http, server.token, name, definition, settings, why);
}

// POST /flows/{id}/trigger; the new execution's id, empty when refused.
inline QString trigger(BenchServer &server, const QString &flowId, const QJsonObject &inputs = {})
{
    const Answer a = triggerFlow(*server.http, server.token, flowId, inputs);
    return a.status == 200 || a.status == 202 ? a.data().value("execution_id").toString()
                                              : QString();
}

} // namespace hm::bench
