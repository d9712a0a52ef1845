#include "server/repositories/AlertChannelRepository.h"

#include "store/Database.h"
#include "store/SelectOne.h"

#include <QJsonDocument>

namespace hm::server::repositories {

namespace {

const QString kChannelColumns =
    QStringLiteral("id, name, type, enabled, config, secret, created_by, created_at, updated_at");
const QString kDeliveryColumns =
    QStringLiteral("id, channel_id, record_id, event, payload, status, attempts, "
                   "next_attempt_at, last_status, last_error, created_at, updated_at");

QVariant channelTextOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString channelNullableText(const store::Statement &s, int column)
{
    return s.isNull(column) ? QString() : s.text(column);
}

QString channelConfigText(const QJsonObject &config)
{
    return QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
}

AlertChannelRow readChannel(const store::Statement &s)
{
    AlertChannelRow row;
    row.id = s.text(0);
    row.name = s.text(1);
    row.type = s.text(2);
    row.enabled = s.int64(3) != 0;
    row.config = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
    row.secret = channelNullableText(s, 5);
    row.createdBy = channelNullableText(s, 6);
    row.createdAt = s.int64(7);
    row.updatedAt = s.int64(8);
    return row;
}

AlertDeliveryRow readDelivery(const store::Statement &s)
{
    AlertDeliveryRow row;
    row.id = s.text(0);
    row.channelId = s.text(1);
    row.recordId = channelNullableText(s, 2);
    row.event = s.text(3);
    row.payload = s.text(4);
    row.status = s.text(5);
    row.attempts = int(s.int64(6));
    row.nextAttemptAt = s.isNull(7) ? 0 : s.int64(7);
    row.lastStatus = s.isNull(8) ? 0 : int(s.int64(8));
    row.lastError = channelNullableText(s, 9);
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
                       channelConfigText(row.config), channelTextOrNull(row.secret),
                       channelTextOrNull(row.createdBy), row.createdAt, row.updatedAt});
}

Status updateAlertChannel(store::Database &db, const AlertChannelRow &row)
{
    return db.execute(QStringLiteral("UPDATE alert_channels SET name = ?, enabled = ?, config = ?, "
                                     "secret = ?, updated_at = ? WHERE id = ?"),
                      {row.name, row.enabled ? 1 : 0, channelConfigText(row.config),
                       channelTextOrNull(row.secret), row.updatedAt, row.id});
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
                      {row.id, row.channelId, channelTextOrNull(row.recordId), row.event,
                       row.payload, row.status, row.attempts,
                       row.nextAttemptAt > 0 ? QVariant(row.nextAttemptAt) : QVariant(),
                       row.lastStatus > 0 ? QVariant(row.lastStatus) : QVariant(),
                       channelTextOrNull(row.lastError), row.createdAt, row.updatedAt});
}

Status recordAlertDeliveryAttempt(store::Database &db, const AlertDeliveryRow &row,
                                  const AlertDeliveryAttempt &attempt)
{
    auto transaction = db.begin();
    if (!transaction)
        return transaction.error();
    if (Status s = db.execute(
            QStringLiteral("INSERT INTO alert_delivery_attempts (delivery_id, attempt, at, "
                           "http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)"),
            {row.id, attempt.attempt, attempt.at,
             attempt.httpStatus > 0 ? QVariant(attempt.httpStatus) : QVariant(),
             channelTextOrNull(attempt.error), attempt.durationMs});
        !s)
        return s;
    if (Status s = db.execute(
            QStringLiteral("UPDATE alert_deliveries SET status = ?, attempts = ?, "
                           "next_attempt_at = ?, last_status = ?, last_error = ?, updated_at = ? "
                           "WHERE id = ?"),
            {row.status, row.attempts,
             row.nextAttemptAt > 0 ? QVariant(row.nextAttemptAt) : QVariant(),
             row.lastStatus > 0 ? QVariant(row.lastStatus) : QVariant(),
             channelTextOrNull(row.lastError), row.updatedAt, row.id});
        !s)
        return s;
    return transaction.value().commit();
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
    store::Page<AlertDeliveryRow> page;
    auto total = store::runPagedQuery(
        db, query, [&page](const store::Statement &s) { page.items.append(readDelivery(s)); });
    if (!total)
        return total.error();
    page.total = total.value();
    return page;
}

Result<QList<AlertDeliveryAttempt>> alertDeliveryAttempts(store::Database &db,
                                                          const QString &deliveryId)
{
    QList<AlertDeliveryAttempt> rows;
    const Status read = db.forEachRow(
        QStringLiteral("SELECT attempt, at, http_status, error, duration_ms "
                       "FROM alert_delivery_attempts WHERE delivery_id = ? ORDER BY attempt"),
        {deliveryId}, [&rows](const store::Statement &s) {
            rows.append({int(s.int64(0)), s.int64(1), s.isNull(2) ? 0 : int(s.int64(2)),
                         s.isNull(3) ? QString() : s.text(3), s.int64(4)});
        });
    if (!read)
        return read.error();
    return rows;
}

} // namespace hm::server::repositories
