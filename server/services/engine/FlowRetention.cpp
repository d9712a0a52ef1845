#include "server/services/engine/FlowRetention.h"

#include "server/repositories/RetentionRepository.h"

#include <QJsonArray>
#include <optional>

namespace hm::server::flow_retention {

namespace repo = repositories;

namespace {

const QString kFlowMaxAge = QStringLiteral("max_age_days");
const QString kFlowMaxExecutions = QStringLiteral("max_executions");

QJsonValue flowLimitJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject flowRetentionJson(const repo::FlowRetentionRow &row)
{
    return {{QStringLiteral("flow_id"), row.flowId},
            {kFlowMaxAge, flowLimitJson(row.maxAgeDays)},
            {kFlowMaxExecutions, flowLimitJson(row.maxExecutions)}};
}

// null (follow the global limit) or an integer in [0, max] (0: no limit).
void readFlowLimit(const QJsonObject &patch, const QString &field, qint64 max,
                   std::optional<qint64> &target, QJsonArray &errors)
{
    if (!patch.contains(field))
        return;
    const QJsonValue value = patch.value(field);
    if (value.isNull()) {
        target.reset();
        return;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || number != double(qint64(number)) || number < 0 || number > max) {
        errors.append(QJsonObject{
            {QStringLiteral("field"), field},
            {QStringLiteral("message"),
             QStringLiteral("must be null (the global setting) or an integer from 0 (no limit) "
                            "to %1")
                 .arg(max)}});
        return;
    }
    target = qint64(number);
}

} // namespace

Result<QJsonObject> read(store::Database &db, const QString &flowId)
{
    auto row = repo::flowRetention(db, flowId);
    if (!row)
        return row.error();
    return flowRetentionJson(row.value());
}

Result<QJsonObject> update(store::Database &db, const QString &flowId, const QJsonObject &patch)
{
    auto current = repo::flowRetention(db, flowId);
    if (!current)
        return current.error();
    repo::FlowRetentionRow next = current.value();
    QJsonArray errors;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.key() != kFlowMaxAge && it.key() != kFlowMaxExecutions)
            errors.append(
                QJsonObject{{QStringLiteral("field"), it.key()},
                            {QStringLiteral("message"), QStringLiteral("unknown setting")}});
    }
    readFlowLimit(patch, kFlowMaxAge, 36500, next.maxAgeDays, errors);
    readFlowLimit(patch, kFlowMaxExecutions, 1000000000, next.maxExecutions, errors);
    if (!errors.isEmpty()) {
        const QJsonObject first = errors.first().toObject();
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("invalid retention: %1 %2")
                         .arg(first.value(QStringLiteral("field")).toString(),
                              first.value(QStringLiteral("message")).toString()),
                     {{QStringLiteral("field"), first.value(QStringLiteral("field"))},
                      {QStringLiteral("errors"), errors}}};
    }
    if (Status saved = repo::saveFlowRetention(db, next); !saved)
        return saved.error();
    return flowRetentionJson(next);
}

} // namespace hm::server::flow_retention
