#pragma once

// JSON readers for the typed answers. Lenient like the rest of the client:
// a missing field reads as its default, so an older or newer server still
// works; the routes' shapes are in docs/api.md.

#include "client/ApiRequest.h"
#include "client/ApiTypes.h"
#include "client/FlowTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace hm::client::json {

// An answer whose data is a JSON object passed on as it is (execution
// details, statistics, system info and configuration); empty when it is
// not an object.
QJsonObject object(const ApiResponse &r);

QDateTime time(const QJsonValue &value); // ISO-8601, invalid for null
QStringList strings(const QJsonValue &value);

HealthInfo health(const QJsonObject &o);
VersionInfo version(const QJsonObject &o);
TokenPair tokenPair(const QJsonObject &o);
UserInfo user(const QJsonObject &o);
LoginResult login(const QJsonObject &o);
SessionInfo session(const QJsonObject &o);
ApiKeyInfo apiKey(const QJsonObject &o);

FlowVersion flowVersion(const QJsonObject &o);
FlowSummary flowSummary(const QJsonObject &o);
FlowDetail flowDetail(const QJsonObject &o);
TriggerOutcome triggerOutcome(const QJsonObject &o);
CancelOutcome cancelOutcome(const QJsonObject &o);
ExecutionSummary executionSummary(const QJsonObject &o);
FlowShare flowShare(const QJsonObject &o);
FlowWebhook flowWebhook(const QJsonObject &o);

// A list answer {<listKey>: [...], pagination: {...}}.
template <typename T, typename Read>
Page<T> page(const QJsonObject &o, const QString &listKey, Read read)
{
    Page<T> result;
    for (const QJsonValue &item : o.value(listKey).toArray())
        result.items.append(read(item.toObject()));
    const QJsonObject p = o.value(QStringLiteral("pagination")).toObject();
    result.page = p.value(QStringLiteral("page")).toInt(1);
    result.size = p.value(QStringLiteral("size")).toInt(int(result.items.size()));
    result.total = p.value(QStringLiteral("total")).toInteger(result.items.size());
    result.pages = p.value(QStringLiteral("pages")).toInt();
    result.hasNext = p.value(QStringLiteral("has_next")).toBool();
    result.hasPrev = p.value(QStringLiteral("has_prev")).toBool();
    return result;
}

// An array answer read item by item.
template <typename T, typename Read> QList<T> list(const QJsonArray &array, Read read)
{
    QList<T> result;
    result.reserve(array.size());
    for (const QJsonValue &item : array)
        result.append(read(item.toObject()));
    return result;
}

} // namespace hm::client::json
