#include "engine_store/FlowRepository.h"

#include "flow/FlowCompiler.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>
#include <QUuid>
#include <optional>

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

// The CONFLICT of claimRevision: which part of the base no longer holds,
// and the flow's current revision and latest version.
Error conflict(const QString &flowId, const FlowEditBase &base, qint64 revision, qint64 latest)
{
    QJsonObject details{{QStringLiteral("current_revision"), revision},
                        {QStringLiteral("current_version"), QString::number(latest)}};
    QStringList given;
    // A base the flow never had (ahead of it, or below 1) is a client's
    // mistake rather than somebody else's change: said differently.
    bool unknown = false;
    if (base.revision) {
        details.insert(QStringLiteral("base_revision"), *base.revision);
        given << QStringLiteral("revision %1").arg(*base.revision);
        unknown = unknown || *base.revision > revision || *base.revision < 1;
    }
    if (base.latestVersion) {
        details.insert(QStringLiteral("base_version"), QString::number(*base.latestVersion));
        given << QStringLiteral("version %1").arg(*base.latestVersion);
        unknown = unknown || *base.latestVersion > latest || *base.latestVersion < 1;
    }
    details.insert(QStringLiteral("reason"),
                   unknown ? QStringLiteral("unknown_base") : QStringLiteral("stale"));
    const QString now = QStringLiteral("revision %1, latest version %2").arg(revision).arg(latest);
    const QString message =
        unknown ? QStringLiteral("flow %1 never had %2 (it is at %3); nothing was stored")
                      .arg(flowId, given.join(QStringLiteral(", ")), now)
                : QStringLiteral("flow %1 was changed since %2, which this edit is based on "
                                 "(it is now at %3); nothing was stored: reload the flow and "
                                 "apply the edit again")
                      .arg(flowId, given.join(QStringLiteral(", ")), now);
    return Error{ErrorCode::Conflict, message, details};
}

// Live (not deleted) flows only.
Result<bool> flowExists(store::Database &db, const QString &flowId)
{
    auto row = db.selectOne(
        QStringLiteral("SELECT 1 FROM flows WHERE id = ? AND deleted_at IS NULL"), {flowId});
    if (!row.ok())
        return row.error();
    return row.value().has_value();
}

// The number of a flow's next version (an aggregate: always one row).
Result<qint64> nextVersionNumber(store::Database &db, const QString &flowId)
{
    auto row = db.selectOne(QStringLiteral("SELECT coalesce(max(CAST(version AS INTEGER)), 0) + 1"
                                           " FROM flow_versions WHERE flow_id = ?"),
                            {flowId});
    if (!row.ok())
        return row.error();
    return row.value() ? row.value()->int64(0) : 1;
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
    auto taken =
        m_db.selectOne(QStringLiteral("SELECT 1 FROM flows WHERE name = ? AND deleted_at IS NULL"),
                       {newFlow.name});
    if (!taken.ok())
        return taken.error();
    if (taken.value())
        return Error{ErrorCode::ResourceAlreadyExists,
                     QStringLiteral("a flow named \"%1\" already exists")
                         .arg(newFlow.name.size() <= 60 ? newFlow.name
                                                        : newFlow.name.left(59) + QChar(0x2026)),
                     {{QStringLiteral("field"), QStringLiteral("name")}}};

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
    auto row = m_db.selectOne(
        QStringLiteral(
            "SELECT id, name, coalesce(description, ''), owner_id, history_level, created_at,"
            " updated_at, revision FROM flows WHERE id = ? AND deleted_at IS NULL"),
        {flowId});
    if (!row.ok())
        return row.error();
    if (!row.value())
        return flowNotFound(flowId);
    const store::Statement &s = *row.value();
    return FlowRecord{s.text(0), s.text(1),  s.text(2),  s.text(3),
                      s.text(4), s.int64(5), s.int64(6), s.int64(7)};
}

Result<qint64> FlowRepository::claimRevision(const QString &flowId, const FlowEditBase &base)
{
    // Check and bump in one statement: the base holds when this row
    // changes, so no other writer can slip in between.
    const Status bumped = m_db.execute(
        QStringLiteral("UPDATE flows SET revision = revision + 1, updated_at = ?1"
                       " WHERE id = ?2 AND deleted_at IS NULL"
                       " AND (?3 IS NULL OR revision = ?3)"
                       " AND (?4 IS NULL OR ?4 = (SELECT coalesce(max(CAST(version AS INTEGER)), 0)"
                       " FROM flow_versions WHERE flow_id = ?2))"),
        {nowMs(), flowId, base.revision ? QVariant(*base.revision) : QVariant(),
         base.latestVersion ? QVariant(*base.latestVersion) : QVariant()});
    if (!bumped.ok())
        return bumped.error();
    const bool claimed = m_db.changes() == 1;
    auto row = m_db.selectOne(
        QStringLiteral("SELECT f.revision, (SELECT coalesce(max(CAST(v.version AS INTEGER)), 0)"
                       " FROM flow_versions v WHERE v.flow_id = f.id)"
                       " FROM flows f WHERE f.id = ?1 AND f.deleted_at IS NULL"),
        {flowId});
    if (!row.ok())
        return row.error();
    if (!row.value())
        return flowNotFound(flowId);
    if (claimed)
        return row.value()->int64(0);
    return conflict(flowId, base, row.value()->int64(0), row.value()->int64(1));
}

Result<FlowVersionRecord> FlowRepository::addVersion(const QString &flowId,
                                                     const flow::FlowDefinition &definition,
                                                     const flow::FlowSettings &settings,
                                                     const QString &createdBy,
                                                     const FlowEditBase &base)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    // Also FLOW_NOT_FOUND for a deleted flow, and updated_at.
    const Result<qint64> revision = claimRevision(flowId, base);
    if (!revision.ok())
        return revision.error();
    const Result<qint64> next = nextVersionNumber(m_db, flowId);
    if (!next.ok())
        return next.error();
    const QString version = QString::number(next.value());
    const qint64 now = nowMs();
    const Status inserted = insertVersion(flowId, version, definition, settings, createdBy, now);
    if (!inserted.ok())
        return inserted.error();
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
    QList<FlowVersionRecord> records;
    std::optional<Error> unreadable; // the first row that could not be read
    const Status read =
        m_db.forEachRow(kVersionColumns + u" ORDER BY CAST(v.version AS INTEGER), v.version",
                        {flowId}, [&](const store::Statement &s) {
                            if (unreadable)
                                return;
                            Result<FlowVersionRecord> record = readVersionRow(s);
                            if (record.ok())
                                records << std::move(record.value());
                            else
                                unreadable = record.error();
                        });
    if (!read.ok())
        return read.error();
    if (unreadable)
        return *unreadable;
    return records;
}

Result<FlowVersionRecord> FlowRepository::readVersion(const QString &flowId,
                                                      const QString &whereSql, const QString &param)
{
    auto row = m_db.selectOne(kVersionColumns + whereSql,
                              param.isNull() ? QVariantList{flowId} : QVariantList{flowId, param});
    if (!row.ok())
        return row.error();
    if (!row.value()) {
        const Result<bool> exists = flowExists(m_db, flowId);
        if (exists.ok() && !exists.value())
            return flowNotFound(flowId);
        return Error{ErrorCode::FlowVersionNotFound,
                     QStringLiteral("flow %1 has no such version").arg(flowId)};
    }
    return readVersionRow(*row.value());
}

Result<FlowVersionRecord> FlowRepository::version(const QString &flowId, const QString &version)
{
    return readVersion(flowId, QStringLiteral(" AND v.version = ?2"), version);
}

Result<FlowVersionRecord> FlowRepository::publishedVersion(const QString &flowId)
{
    return readVersion(flowId, QStringLiteral(" AND v.status = 'published'"), QString());
}

Status FlowRepository::publish(const QString &flowId, const QString &version,
                               const FlowEditBase &base)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    // The base first: a stale client is told so before anything else.
    const Result<qint64> revision = claimRevision(flowId, base);
    if (!revision.ok())
        return revision.error();
    Result<FlowVersionRecord> target = this->version(flowId, version);
    if (!target.ok())
        return target.error();
    // Nothing changes: the rollback takes the revision back.
    if (target.value().status == flow::FlowVersionStatus::Published)
        return txn.value().rollback();
    const qint64 now = nowMs();
    // Deprecate first: the partial unique index allows one published row.
    Status step = m_db.execute(QStringLiteral("UPDATE flow_versions SET status = 'deprecated'"
                                              " WHERE flow_id = ? AND status = 'published'"),
                               {flowId});
    if (step.ok())
        step = m_db.execute(QStringLiteral("UPDATE flow_versions SET status = 'published',"
                                           " published_at = ? WHERE id = ?"),
                            {now, target.value().id});
    if (!step.ok())
        return step;
    return txn.value().commit();
}

Status FlowRepository::softDelete(const QString &flowId, const FlowEditBase &base)
{
    Result<store::Transaction> txn = m_db.begin();
    if (!txn.ok())
        return txn.error();
    const Result<qint64> revision = claimRevision(flowId, base);
    if (!revision.ok())
        return revision.error();
    const Status deleted = m_db.execute(
        QStringLiteral("UPDATE flows SET deleted_at = updated_at WHERE id = ?"), {flowId});
    if (!deleted.ok())
        return deleted;
    return txn.value().commit();
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
