#include "agent/ProcessHandlers.h"

#include "agent/ProcessTable.h"
#include "agent/RemoteDispatcher.h"
#include "fleet/AgentProtocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace hm::agent {

namespace {

constexpr qsizetype kProcessCommandLimit = 1024;
// Room left in a response for the envelope around the list.
constexpr qsizetype kProcessListBudget = fleet::kMaxAgentResponseBytes - 4096;

QJsonObject processJson(const ProcessInfo &p)
{
    return {{QStringLiteral("pid"), p.pid},
            {QStringLiteral("ppid"), p.ppid},
            {QStringLiteral("user"), p.user},
            {QStringLiteral("uid"), qint64(p.uid)},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("command"), p.commandLine.left(kProcessCommandLimit)},
            {QStringLiteral("cpu_percent"), std::round(p.cpuPercent * 10) / 10},
            {QStringLiteral("memory_rss"), p.memoryRss},
            {QStringLiteral("memory_virtual"), p.memoryVirtual},
            {QStringLiteral("state"), p.state},
            {QStringLiteral("start_time"),
             p.startTimeMs > 0 ? QDateTime::fromMSecsSinceEpoch(p.startTimeMs, Qt::UTC)
                                     .toString(Qt::ISODateWithMs)
                               : QString()},
            {QStringLiteral("threads"), p.threads}};
}

// A rough size of the item in the JSON text: its strings plus ~200 for the
// keys and numbers. Only used to stay well under the frame limit.
qsizetype processJsonSize(const ProcessInfo &p)
{
    return 200 + p.user.size() + p.name.size()
           + std::min<qsizetype>(p.commandLine.size(), kProcessCommandLimit) * 2;
}

} // namespace

void addProcessHandlers(RemoteDispatcher &dispatcher, ProcessTable &table)
{
    dispatcher.addHandler(
        QStringLiteral("processes"), QStringLiteral("list"),
        [&table](const QJsonObject &, const RemoteDispatcher::Reply &reply) {
            auto list = table.list();
            if (!list)
                return reply(list.error());
            QList<ProcessInfo> processes = std::move(list.value());
            std::stable_sort(processes.begin(), processes.end(),
                             [](const ProcessInfo &a, const ProcessInfo &b) {
                                 return a.cpuPercent > b.cpuPercent;
                             });
            QJsonArray items;
            qsizetype budget = kProcessListBudget;
            bool truncated = false;
            for (const ProcessInfo &p : std::as_const(processes)) {
                budget -= processJsonSize(p);
                if (budget < 0) {
                    truncated = true;
                    break;
                }
                items.append(processJson(p));
            }
            reply(QJsonObject{{QStringLiteral("processes"), items},
                              {QStringLiteral("total"), processes.size()},
                              {QStringLiteral("truncated"), truncated}});
        });
    dispatcher.addHandler(
        QStringLiteral("processes"), QStringLiteral("kill"),
        [&table](const QJsonObject &args, const RemoteDispatcher::Reply &reply) {
            const QJsonValue pidValue = args.value(QStringLiteral("pid"));
            const double pid = pidValue.toDouble(-1);
            if (!pidValue.isDouble() || pid != std::floor(pid) || pid < -(1LL << 31)
                || pid > (1LL << 31))
                return reply(Error{ErrorCode::ValidationError,
                                   QStringLiteral("pid must be a whole number"),
                                   QJsonObject{{QStringLiteral("field"), QStringLiteral("pid")}}});
            const QString signalName =
                args.value(QStringLiteral("signal")).toString(QStringLiteral("TERM"));
            auto signal = signalFromName(signalName);
            if (!signal)
                return reply(signal.error());
            if (Status killed = table.kill(qint64(pid), signal.value()); !killed)
                return reply(killed.error());
            reply(QJsonObject{{QStringLiteral("pid"), qint64(pid)},
                              {QStringLiteral("signal"), signalName}});
        });
}

} // namespace hm::agent
