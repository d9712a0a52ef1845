#include "engine_store/FlowRepository.h"

#include "flow/FlowCompiler.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace hm::engine::persistence {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Error flowNotFound(const QString &flowId)
{
    return Error{ErrorCode::FlowNotFound, QStringLiteral("flow %1 not found").arg(flowId)};
}

// Live (not deleted) flows only.
Result<bool> flowExists(store::Database &db, const QString &flowId)
{
    Result<store::Statement> stmt =
        db.prepare(QStringLiteral("SELECT 1 FROM flows WHERE id = ? AND deleted_at IS NULL"));
    if (!stmt.ok())
        return stmt.error();
    stmt.value().bind(1, flowId);
    return stmt.value().step();
}

const QString kVersionColumns =
    QStringLiteral("SELECT v.id, v.flow_id, v.version, v.status, v.definition, v.settings,"
                   " v.created_by, v.created_at, coalesce(v.published_at, 0)"
                   " FROM flow_versions v JOIN flows f ON f.id = v.flow_id"
                   " WHERE f.deleted_at IS NULL AND v.flow_id = ?1");

Result<FlowVersionRecord> readVersionRow(const store::Statement &s)
{
    FlowVersionRecord record;
    record.id = s.text(0);
    record.flowId = s.text(1);
    record.version = s.text(2);
    record.status =
        flow::flowVersionStatusFromName(s.text(3)).value_or(flow::FlowVersionStatus::Draft);
    Result<flow::FlowDefinition> definition = flow::FlowDefinition::fromJson(s.text(4).toUtf8());
    if (!definition.ok())
        return definition.error();
    record.definition = std::move(definition.value());
    Result<flow::FlowSettings> settings =
        flow::FlowSettings::fromJson(QJsonDocument::fromJson(s.text(5).toUtf8()).object());
    if (!settings.ok())
        return settings.error();
    record.settings = std::move(settings.value());
    record.createdBy = s.text(6);
    record.createdAtMs = s.int64(7);
    record.publishedAtMs = s.int64(8);
    return record;
}

} // namespace

FlowRepository::FlowRepository(store::Database &db) : m_db(db) {}

Status FlowRepository::insertVersion(const QString &flowId, const QString &version,
                                     const flow::FlowDefinition &definition,
                                     const flow::FlowSettings &settings, const QString &createdBy,
                                     qint64 now)
{
    return m_db.execute(QStringLiteral("INSERT INTO flow_versions (id, flow_id, version, status,"
                                       " definition, settings, created_by, created_at)"
                                       " VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)"),
                        {newId(), flowId, version, jsonText(definition.toJson()),
                         jsonText(settings.toJson()), createdBy, now});
}

Result<FlowRecord> FlowRepository::createFlow(const NewFlow &newFlow)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    Result<store::Statement> taken =
        m_db.prepare(QStringLiteral("SELECT 1 FROM flows WHERE name = ? AND deleted_at IS NULL"));
    if (!taken.ok())
        return taken.error();
    taken.value().bind(1, newFlow.name);
    const Result<bool> exists = taken.value().step();
    if (!exists.ok())
        return exists.error();
    if (exists.value())
        return Error{ErrorCode::ResourceAlreadyExists,
                     QStringLiteral("a flow named \"%1\" already exists").arg(newFlow.name)};

    FlowRecord record{newId(),
                      newFlow.name,
                      newFlow.description,
                      newFlow.ownerId,
                      flow::historyLevelName(newFlow.settings.historyLevel),
                      nowMs(),
                      0};
    record.updatedAtMs = record.createdAtMs;
    const Status inserted = m_db.execute(
        QStringLiteral("INSERT INTO flows (id, name, description, owner_id, history_level,"
                       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {record.id, record.name, record.description.isEmpty() ? QVariant() : record.description,
         record.ownerId, record.historyLevel, record.createdAtMs, record.updatedAtMs});
    if (!inserted.ok())
        return inserted.error();
    const Status version = insertVersion(record.id, QStringLiteral("1"), newFlow.definition,
                                         newFlow.settings, newFlow.ownerId, record.createdAtMs);
    if (!version.ok())
        return version.error();
    const Status committed = txn.value().commit();
    if (!committed.ok())
        return committed.error();
    return record;
}

Result<FlowRecord> FlowRepository::flow(const QString &flowId)
{
    Result<store::Statement> stmt = m_db.prepare(QStringLiteral(
        "SELECT id, name, coalesce(description, ''), owner_id, history_level, created_at,"
        " updated_at FROM flows WHERE id = ? AND deleted_at IS NULL"));
    if (!stmt.ok())
        return stmt.error();
    stmt.value().bind(1, flowId);
    const Result<bool> row = stmt.value().step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return flowNotFound(flowId);
    const store::Statement &s = stmt.value();
    return FlowRecord{s.text(0), s.text(1),  s.text(2), s.text(3),
                      s.text(4), s.int64(5), s.int64(6)};
}

Result<FlowVersionRecord> FlowRepository::addVersion(const QString &flowId,
                                                     const flow::FlowDefinition &definition,
                                                     const flow::FlowSettings &settings,
                                                     const QString &createdBy)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    const Result<bool> exists = flowExists(m_db, flowId);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return flowNotFound(flowId);
    Result<store::Statement> next =
        m_db.prepare(QStringLiteral("SELECT coalesce(max(CAST(version AS INTEGER)), 0) + 1"
                                    " FROM flow_versions WHERE flow_id = ?"));
    if (!next.ok())
        return next.error();
    next.value().bind(1, flowId);
    const Result<bool> row = next.value().step();
    if (!row.ok())
        return row.error();
    const QString version = QString::number(next.value().int64(0));
    const qint64 now = nowMs();
    const Status inserted = insertVersion(flowId, version, definition, settings, createdBy, now);
    if (!inserted.ok())
        return inserted.error();
    const Status touched =
        m_db.execute(QStringLiteral("UPDATE flows SET updated_at = ? WHERE id = ?"), {now, flowId});
    if (!touched.ok())
        return touched.error();
    const Status committed = txn.value().commit();
    if (!committed.ok())
        return committed.error();
    return this->version(flowId, version);
}

Result<QList<FlowVersionRecord>> FlowRepository::versions(const QString &flowId)
{
    const Result<bool> exists = flowExists(m_db, flowId);
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return flowNotFound(flowId);
    Result<store::Statement> stmt =
        m_db.prepare(kVersionColumns + u" ORDER BY CAST(v.version AS INTEGER), v.version");
    if (!stmt.ok())
        return stmt.error();
    stmt.value().bind(1, flowId);
    QList<FlowVersionRecord> records;
    for (;;) {
        const Result<bool> row = stmt.value().step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        Result<FlowVersionRecord> record = readVersionRow(stmt.value());
        if (!record.ok())
            return record.error();
        records << std::move(record.value());
    }
    return records;
}

Result<FlowVersionRecord> FlowRepository::readVersion(const QString &flowId,
                                                      const QString &whereSql, const QString &param)
{
    Result<store::Statement> stmt = m_db.prepare(kVersionColumns + whereSql);
    if (!stmt.ok())
        return stmt.error();
    stmt.value().bind(1, flowId);
    if (!param.isNull())
        stmt.value().bind(2, param);
    const Result<bool> row = stmt.value().step();
    if (!row.ok())
        return row.error();
    if (!row.value()) {
        const Result<bool> exists = flowExists(m_db, flowId);
        if (exists.ok() && !exists.value())
            return flowNotFound(flowId);
        return Error{ErrorCode::FlowVersionNotFound,
                     QStringLiteral("flow %1 has no such version").arg(flowId)};
    }
    return readVersionRow(stmt.value());
}

Result<FlowVersionRecord> FlowRepository::version(const QString &flowId, const QString &version)
{
    return readVersion(flowId, QStringLiteral(" AND v.version = ?2"), version);
}

Result<FlowVersionRecord> FlowRepository::publishedVersion(const QString &flowId)
{
    return readVersion(flowId, QStringLiteral(" AND v.status = 'published'"), QString());
}

Status FlowRepository::publish(const QString &flowId, const QString &version)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    Result<FlowVersionRecord> target = this->version(flowId, version);
    if (!target.ok())
        return target.error();
    if (target.value().status == flow::FlowVersionStatus::Published)
        return {};
    const qint64 now = nowMs();
    // Deprecate first: the partial unique index allows one published row.
    Status step = m_db.execute(QStringLiteral("UPDATE flow_versions SET status = 'deprecated'"
                                              " WHERE flow_id = ? AND status = 'published'"),
                               {flowId});
    if (step.ok())
        step = m_db.execute(QStringLiteral("UPDATE flow_versions SET status = 'published',"
                                           " published_at = ? WHERE id = ?"),
                            {now, target.value().id});
    if (step.ok())
        step = m_db.execute(QStringLiteral("UPDATE flows SET updated_at = ? WHERE id = ?"),
                            {now, flowId});
    if (!step.ok())
        return step;
    return txn.value().commit();
}

Status FlowRepository::softDelete(const QString &flowId)
{
    const qint64 now = nowMs();
    const Status deleted =
        m_db.execute(QStringLiteral("UPDATE flows SET deleted_at = ?, updated_at = ?"
                                    " WHERE id = ? AND deleted_at IS NULL"),
                     {now, now, flowId});
    if (!deleted.ok())
        return deleted;
    if (m_db.changes() == 0)
        return flowNotFound(flowId);
    return {};
}

Result<flow::CompiledFlowPtr> FlowRepository::loadCompiled(const QString &flowId,
                                                           const QString &version,
                                                           const flow::ComponentCatalog &catalog)
{
    Result<FlowVersionRecord> record = this->version(flowId, version);
    if (!record.ok())
        return record.error();
    return flow::compile(record.value().definition, record.value().settings, catalog);
}

} // namespace hm::engine::persistence
