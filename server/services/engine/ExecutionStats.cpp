#include "server/services/engine/ExecutionStats.h"

#include "server/repositories/ExecutionsRepository.h"

#include <QDateTime>
#include <QJsonArray>

namespace hm::server {

namespace {

const QStringList &countedStatuses()
{
    static const QStringList statuses{QStringLiteral("completed"), QStringLiteral("failed"),
                                      QStringLiteral("running"), QStringLiteral("queued"),
                                      QStringLiteral("cancelled")};
    return statuses;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject zeros()
{
    QJsonObject o;
    for (const QString &status : countedStatuses())
        o.insert(status, 0);
    o.insert(QStringLiteral("total"), 0);
    return o;
}

void add(QJsonObject &o, const QString &status, qint64 n)
{
    // Statuses the list does not name (pending, paused ...) count in total only.
    if (countedStatuses().contains(status))
        o.insert(status, o.value(status).toInteger() + n);
    o.insert(QStringLiteral("total"), o.value(QStringLiteral("total")).toInteger() + n);
}

} // namespace

Result<QJsonObject> executionStats(store::Database &db, const auth::Principal &caller, int hours,
                                   qint64 nowMs)
{
    // Whole hours: the window ends at the end of the current hour.
    const qint64 hourMs = 3600000;
    const qint64 toMs = (nowMs / hourMs + 1) * hourMs;
    const qint64 fromMs = toMs - hours * hourMs;
    auto counts = repositories::executionCountsByHour(db, caller, fromMs, toMs);
    if (!counts)
        return counts.error();
    QList<QJsonObject> buckets(hours, zeros());
    QJsonObject totals = zeros();
    for (const repositories::ExecutionHourCount &c : counts.value()) {
        if (c.hour < 0 || c.hour >= hours)
            continue;
        add(buckets[c.hour], c.status, c.count);
        add(totals, c.status, c.count);
    }
    QJsonArray list;
    for (int i = 0; i < hours; ++i) {
        buckets[i].insert(QStringLiteral("start"), iso(fromMs + i * hourMs));
        list.append(buckets.at(i));
    }
    return QJsonObject{{QStringLiteral("hours"), hours},
                       {QStringLiteral("from"), iso(fromMs)},
                       {QStringLiteral("to"), iso(toMs)},
                       {QStringLiteral("totals"), totals},
                       {QStringLiteral("buckets"), list}};
}

} // namespace hm::server
