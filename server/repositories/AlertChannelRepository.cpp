#include "server/repositories/AlertChannelRepository.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/SelectOne.h"
#include "store/SelectPage.h"

#include <QJsonDocument>

namespace hm::server::repositories {

namespace {

const QString kChannelColumns =
    QStringLiteral("id, name, type, enabled, config, secret, created_by, created_at, updated_at");
const QString kDeliveryColumns =
    QStringLiteral("id, channel_id, record_id, event, payload, status, attempts, "
                   "next_attempt_at, last_status, last_error, created_at, updated_at");

const DeliveryTables kAlertDeliveryTables{QStringLiteral("alert_deliveries"), QStringLiteral("id"),
                                          QStringLiteral("alert_delivery_attempts"),
                                          QStringLiteral("delivery_id")};

QString channelConfigText(const QJsonObject &config)
{
    return QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

// Nullable text columns (secret, created_by, record_id, last_error) read as
// empty texts: Statement::text gives "" for NULL.
AlertChannelRow readChannel(const store::Statement &s)
{
    AlertChannelRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.type = s.text(2);
    row.enabled = s.int64(3) != 0;
    row.config = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
    row.secret = s.text(5);
    row.createdBy = s.text(6);
    row.createdAt = s.int64(7);
    row.updatedAt = s.int64(8);
    return row;
}

AlertDeliveryRow readDelivery(const store::Statement &s)
{
    AlertDeliveryRow row;
    row.id = s.text(0);
    row.channelId = s.text(1);
    row.recordId = s.text(2);
    row.event = s.text(3);
    row.payload = s.text(4);
    row.status = s.text(5);
    row.attempts = int(s.int64(6));
    row.nextAttemptAt = s.isNull(7) ? 0 : s.int64(7);
    row.lastStatus = s.isNull(8) ? 0 : int(s.int64(8));
    row.lastError = s.text(9);
    row.createdAt = s.int64(10);
    row.updatedAt = s.int64(11);
    return row;
}

} // namespace

Result<QList<AlertChannelRow>> allAlertChannels(store::Database &db)
{
    QList<AlertChannelRow> rows;
    const Status read =
        db.forEachRow(QStringLiteral("SELECT ") + kChannelColumns +
                          QStringLiteral(" FROM alert_channels ORDER BY name COLLATE NOCASE, id"),
                      {}, [&rows](const store::Statement &s) { rows.append(readChannel(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<AlertChannelRow>> alertChannelById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kChannelColumns +
                                  QStringLiteral(" FROM alert_channels WHERE id = ?"),
                              {id}, readChannel);
}

Status insertAlertChannel(store::Database &db, const AlertChannelRow &row)
{
    return db.execute(QStringLiteral("INSERT INTO alert_channels (") + kChannelColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {row.id, row.name, row.type, row.enabled ? 1 : 0,
                       channelConfigText(row.config), store::textOrNull(row.secret),
                       store::textOrNull(row.createdBy), row.createdAt, row.updatedAt});
}

Status updateAlertChannel(store::Database &db, const AlertChannelRow &row)
{
    return db.execute(QStringLiteral("UPDATE alert_channels SET name = ?, enabled = ?, config = ?, "
                                     "secret = ?, updated_at = ? WHERE id = ?"),
                      {row.name, row.enabled ? 1 : 0, channelConfigText(row.config),
                       store::textOrNull(row.secret), row.updatedAt, row.id});
}

Result<int> deleteAlertChannel(store::Database &db, const QString &id)
{
    if (Status s = db.execute(QStringLiteral("DELETE FROM alert_channels WHERE id = ?"), {id}); !s)
        return s.error();
    return db.changes();
}

Status insertAlertDelivery(store::Database &db, const AlertDeliveryRow &row)
{
    return db.execute(QStringLiteral("INSERT INTO alert_deliveries (") + kDeliveryColumns +
                          QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {row.id, row.channelId, store::textOrNull(row.recordId), row.event,
                       row.payload, row.status, row.attempts,
                       row.nextAttemptAt > 0 ? QVariant(row.nextAttemptAt) : QVariant(),
                       row.lastStatus > 0 ? QVariant(row.lastStatus) : QVariant(),
                       store::textOrNull(row.lastError), row.createdAt, row.updatedAt});
}

Status recordAlertDeliveryAttempt(store::Database &db, const AlertDeliveryRow &row,
                                  const AlertDeliveryAttempt &attempt)
{
    return recordDeliveryAttempt(
        db, kAlertDeliveryTables, row.id,
        {row.status, row.attempts, row.nextAttemptAt, row.lastStatus, row.lastError, row.updatedAt},
        attempt);
}

Result<QList<AlertDeliveryRow>> pendingAlertDeliveries(store::Database &db)
{
    QList<AlertDeliveryRow> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT d.") +
            QString(kDeliveryColumns).replace(QStringLiteral(", "), QStringLiteral(", d.")) +
            QStringLiteral(" FROM alert_deliveries d JOIN alert_channels c ON c.id = d.channel_id "
                           "WHERE d.status = 'pending' AND c.enabled = 1 "
                           "ORDER BY d.next_attempt_at, d.created_at"),
        {}, [&rows](const store::Statement &s) { rows.append(readDelivery(s)); });
    if (!read)
        return read.error();
    return rows;
}

Result<std::optional<AlertDeliveryRow>> alertDeliveryById(store::Database &db, const QString &id)
{
    return store::selectOneAs(db,
                              QStringLiteral("SELECT ") + kDeliveryColumns +
                                  QStringLiteral(" FROM alert_deliveries WHERE id = ?"),
                              {id}, readDelivery);
}

Result<store::Page<AlertDeliveryRow>>
listAlertDeliveries(store::Database &db, const QString &channelId, qint64 limit, qint64 offset)
{
    store::PagedQuery query;
    query.columns = QStringLiteral("SELECT ") + kDeliveryColumns;
    query.from = QStringLiteral("FROM alert_deliveries");
    query.conditions << QStringLiteral("channel_id = ?");
    query.binds << channelId;
    query.orderBy = QStringLiteral("ORDER BY created_at DESC, id DESC");
    query.limit = limit;
    query.offset = offset;
    return store::selectPageAs(db, query, readDelivery);
}

Result<QList<AlertDeliveryAttempt>> alertDeliveryAttempts(store::Database &db,
                                                          const QString &deliveryId)
{
    return deliveryAttempts(db, kAlertDeliveryTables, deliveryId);
}

} // namespace hm::server::repositories
