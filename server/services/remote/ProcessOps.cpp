#include "server/services/remote/ProcessOps.h"

#include <QJsonValue>
#include <algorithm>
#include <cmath>

namespace hm::server::remote {

namespace {

const QStringList &processSignalNames()
{
    static const QStringList names{QStringLiteral("HUP"),  QStringLiteral("INT"),
                                   QStringLiteral("QUIT"), QStringLiteral("KILL"),
                                   QStringLiteral("USR1"), QStringLiteral("USR2"),
                                   QStringLiteral("TERM"), QStringLiteral("CONT"),
                                   QStringLiteral("STOP")};
    return names;
}

// Linux's numbers of those signals (x86, ARM and most others share them).
const QList<int> &processSignalNumbers()
{
    static const QList<int> numbers{1, 2, 3, 9, 10, 12, 15, 18, 19};
    return numbers;
}

QJsonValue processNumberOr(const QJsonValue &value, const QJsonValue &fallback)
{
    return value.isDouble() && std::isfinite(value.toDouble()) ? value : fallback;
}

QString processTextOf(const QJsonValue &value, qsizetype maxLength)
{
    return value.isString() ? value.toString().left(maxLength) : QString();
}

// Only the fields the API documents, each with its type.
QJsonObject sanitisedProcess(const QJsonObject &in)
{
    return {
        {QStringLiteral("pid"), processNumberOr(in.value(QStringLiteral("pid")), 0)},
        {QStringLiteral("ppid"), processNumberOr(in.value(QStringLiteral("ppid")), 0)},
        {QStringLiteral("user"), processTextOf(in.value(QStringLiteral("user")), 64)},
        {QStringLiteral("uid"), processNumberOr(in.value(QStringLiteral("uid")), QJsonValue())},
        {QStringLiteral("name"), processTextOf(in.value(QStringLiteral("name")), 64)},
        {QStringLiteral("command"), processTextOf(in.value(QStringLiteral("command")), 4096)},
        {QStringLiteral("cpu_percent"),
         processNumberOr(in.value(QStringLiteral("cpu_percent")), 0)},
        {QStringLiteral("memory_rss"), processNumberOr(in.value(QStringLiteral("memory_rss")), 0)},
        {QStringLiteral("memory_virtual"),
         processNumberOr(in.value(QStringLiteral("memory_virtual")), 0)},
        {QStringLiteral("state"), processTextOf(in.value(QStringLiteral("state")), 8)},
        {QStringLiteral("start_time"),
         in.value(QStringLiteral("start_time")).isString()
             ? QJsonValue(processTextOf(in.value(QStringLiteral("start_time")), 40))
             : QJsonValue()},
        {QStringLiteral("threads"), processNumberOr(in.value(QStringLiteral("threads")), 0)},
    };
}

bool processMatches(const QJsonObject &p, const QString &search)
{
    if (search.isEmpty())
        return true;
    bool isPid = false;
    const qint64 pid = search.toLongLong(&isPid);
    if (isPid && qint64(p.value(QStringLiteral("pid")).toDouble()) == pid)
        return true;
    for (const char *field : {"name", "command", "user"})
        if (p.value(QLatin1String(field)).toString().contains(search, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

Result<QString> killSignalName(const QJsonValue &value)
{
    const auto refuse = [] {
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("signal: one of TERM, KILL, HUP, INT, QUIT, USR1, USR2, "
                                    "STOP, CONT (or its number)"),
                     QJsonObject{{QStringLiteral("field"), QStringLiteral("signal")}}};
    };
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("TERM"); // seed 002: SIGTERM unless said otherwise
    if (value.isDouble()) {
        const double number = value.toDouble();
        const qsizetype at = processSignalNumbers().indexOf(int(number));
        if (number != std::floor(number) || at < 0)
            return refuse();
        return processSignalNames().at(at);
    }
    if (!value.isString())
        return refuse();
    QString name = value.toString().trimmed().toUpper();
    if (name.startsWith(QStringLiteral("SIG")))
        name = name.mid(3);
    bool numeric = false;
    const int number = name.toInt(&numeric);
    if (numeric)
        return killSignalName(QJsonValue(number));
    if (!processSignalNames().contains(name))
        return refuse();
    return name;
}

QJsonObject applyProcessQuery(const QJsonObject &agentResult, const ProcessQuery &query)
{
    QList<QJsonObject> items;
    const QJsonArray processes = agentResult.value(QStringLiteral("processes")).toArray();
    items.reserve(processes.size());
    for (const QJsonValue &value : processes) {
        if (!value.isObject())
            continue;
        QJsonObject process = sanitisedProcess(value.toObject());
        if (processMatches(process, query.search))
            items.append(std::move(process));
    }
    const QString key = query.sort == u"memory" ? QStringLiteral("memory_rss")
                        : query.sort == u"cpu"  ? QStringLiteral("cpu_percent")
                                                : query.sort;
    const bool textual = key == u"name" || key == u"user" || key == u"start_time";
    std::stable_sort(items.begin(), items.end(),
                     [&](const QJsonObject &a, const QJsonObject &b) {
                         const QJsonValue x = a.value(key), y = b.value(key);
                         int order = 0;
                         if (textual) {
                             order = QString::compare(x.toString(), y.toString(),
                                                      Qt::CaseInsensitive);
                         } else {
                             const double dx = x.toDouble(), dy = y.toDouble();
                             order = dx < dy ? -1 : dx > dy ? 1 : 0;
                         }
                         if (order == 0) // ties by pid, always ascending
                             return a.value(QStringLiteral("pid")).toDouble()
                                    < b.value(QStringLiteral("pid")).toDouble();
                         return query.descending ? order > 0 : order < 0;
                     });
    const qsizetype matched = items.size();
    QJsonArray out;
    for (qsizetype i = 0; i < std::min<qsizetype>(matched, query.limit); ++i)
        out.append(items.at(i));
    return {{QStringLiteral("items"), out},
            {QStringLiteral("total"), processes.size()},
            {QStringLiteral("matched"), matched},
            {QStringLiteral("truncated"),
             agentResult.value(QStringLiteral("truncated")).toBool() || matched > query.limit}};
}

void ProcessOps::list(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, const ProcessQuery &query, QObject *context,
                      std::function<void(Result<QJsonObject>)> done)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("processes");
    action.action = QStringLiteral("list");
    m_actions.run(caller, client, std::move(action), context,
                  [query, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(applyProcessQuery(outcome.value(), query));
                  });
}

void ProcessOps::kill(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &nodeId, qint64 pid, const QString &signal,
                      QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    RemoteAction action;
    action.nodeId = nodeId;
    action.capability = QStringLiteral("processes");
    action.action = QStringLiteral("kill");
    action.args = {{QStringLiteral("pid"), pid}, {QStringLiteral("signal"), signal}};
    action.auditAction = QStringLiteral("NODE_PROCESS_KILLED");
    action.auditTarget = QString::number(pid);
    action.auditDetails = {{QStringLiteral("pid"), pid}, {QStringLiteral("signal"), signal}};
    m_actions.run(caller, client, std::move(action), context,
                  [pid, signal, done = std::move(done)](Result<QJsonObject> outcome) {
                      if (!outcome)
                          return done(outcome.error());
                      done(QJsonObject{{QStringLiteral("pid"), pid},
                                       {QStringLiteral("signal"), signal},
                                       {QStringLiteral("killed"), true}});
                  });
}

} // namespace hm::server::remote
