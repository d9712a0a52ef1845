// A remote terminal's keystroke-to-echo round trip (issue 38 benchmark:
// p99 < 10 ms on loopback) through the real parts: a console WebSocket on
// the real hivemind-server, a real hivemind-agent (--allow terminal)
// enrolled on it, a real PTY on the agent. The shell is told
// `stty raw -echo; exec cat`, so every byte typed comes back exactly once,
// from cat: the figure covers console → server → agent → PTY → cat → PTY →
// agent → server → console, as a remote user typing feels it.
//
//   BenchTerminalRoundTrip [--keys N] [--warmup W]
//
// One key in flight at a time (a typist waits for nothing, but each echo
// is measured from its own key). Prints p50/p90/p99/max in milliseconds.

#include "../server/RemoteAgentSupport.h"
#include "BenchWait.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace hm::test;
using hm::bench::waitFor;

namespace {

int fail(const char *what)
{
    std::fprintf(stderr, "BenchTerminalRoundTrip: %s\n", what);
    return 1;
}

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto at = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
    return sorted[at];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int keys = 2000;
    int warmup = 200;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--keys"))
            keys = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--warmup"))
            warmup = std::max(0, args[i + 1].toInt());
    }

    QTemporaryDir dir;
    if (!dir.isValid())
        return fail("no temporary directory");
    ServerProcess server(dir.path());
    const QUrl url = startAuthServer(server);
    if (url.isEmpty())
        return fail("the server did not start");
    Http http(url);
    const QString token = http.accessToken(kAdmin, kAdminPassword);
    if (http.json("PUT", QStringLiteral("/api/v1/nodes/agent-settings"), {{"interval_s", 5}},
                  token)
            .status
        != 200)
        return fail("agent settings refused");
    RemoteAgents agents(http, token);
    RemoteAgent agent;
    if (!agents.start(agent, QStringLiteral("bench-shell"), {QStringLiteral("bench")},
                      {QStringLiteral("--allow"), QStringLiteral("terminal")}))
        return fail("the agent did not start");
    if (!waitFor([&] { return agents.status(agent.nodeId) == u"online"; }, 30000))
        return fail("the agent did not come online");
    if (http.json("POST", QStringLiteral("/api/v1/auth/reauthenticate"),
                  {{"password", kAdminPassword}}, token)
            .status
        != 200)
        return fail("re-authentication refused");
    const Answer opened =
        http.json("POST", QStringLiteral("/api/v1/nodes/%1/terminal/sessions").arg(agent.nodeId),
                  {{"rows", 24}, {"cols", 80}, {"shell", "/bin/sh"}}, token);
    if (opened.status != 201)
        return fail("the terminal did not open");

    QWebSocket console;
    QByteArray received;
    bool attached = false;
    QObject::connect(&console, &QWebSocket::binaryMessageReceived,
                     [&](const QByteArray &bytes) { received += bytes; });
    QObject::connect(&console, &QWebSocket::textMessageReceived, [&](const QString &text) {
        attached = attached
                   || QJsonDocument::fromJson(text.toUtf8()).object().value(QStringLiteral("type")).toString() == u"attached";
    });
    QUrl wsUrl = url;
    wsUrl.setScheme(QStringLiteral("ws"));
    wsUrl.setPath(QStringLiteral("/ws/nodes/%1/terminal").arg(agent.nodeId));
    console.open(wsUrl);
    if (!waitFor([&] { return console.state() == QAbstractSocket::ConnectedState; }, 10000))
        return fail("the console WebSocket did not connect");
    console.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{"type", "attach"},
                                  {"ticket", opened.data().value("ticket").toString()}})
            .toJson(QJsonDocument::Compact)));
    if (!waitFor([&] { return attached; }, 10000))
        return fail("the console was not attached");

    // From here on every byte typed comes back once, from cat.
    console.sendBinaryMessage("stty raw -echo; echo READY; exec cat\n");
    if (!waitFor([&] { return received.contains("READY\r\n") || received.contains("READY\n"); },
                 10000))
        return fail("the shell did not run cat");
    // What the shell printed around READY (a prompt) is not an echo.
    if (!waitFor([] { return false; }, 200)) // let the prompt's tail arrive
        received.clear();

    std::vector<double> ms;
    ms.reserve(size_t(keys));
    QElapsedTimer clock;
    const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < warmup + keys; ++i) {
        const char key = alphabet[i % (sizeof(alphabet) - 1)];
        received.clear();
        clock.start();
        console.sendBinaryMessage(QByteArray(1, key));
        if (!waitFor([&] { return received.contains(key); }, 5000))
            return fail("a key did not come back");
        if (i >= warmup)
            ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("terminal round trip (key -> echo through server, agent, PTY, cat), %d keys:\n"
                "  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n",
                keys, percentile(ms, 0.50), percentile(ms, 0.90), percentile(ms, 0.99),
                ms.back());
    console.close();
    agent.stop();
    return 0;
}
