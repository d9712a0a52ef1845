#pragma once

// Every SQL string of alert channels and their deliveries (schema 20;
// docs/api.md "Alerts", channels). The service is
// server/services/fleet/AlertChannels, the sending AlertDispatcher.

#include "common/Result.h"
#include "server/repositories/DeliveryAttempts.h"
#include "store/PagedQuery.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hm::store {
class Database;
}

namespace hm::server::repositories {

struct AlertChannelRow
{
    QString id;
    QString name;
    QString type; // "webhook"
    bool enabled = true;
    QJsonObject config; // the settings without the secret
    QString secret;     // sealed; empty when none
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

Result<QList<AlertChannelRow>> allAlertChannels(store::Database &db);
Result<std::optional<AlertChannelRow>> alertChannelById(store::Database &db, const QString &id);
Status insertAlertChannel(store::Database &db, const AlertChannelRow &row);
// Name, enabled, config, secret and updated_at.
Status updateAlertChannel(store::Database &db, const AlertChannelRow &row);
Result<int> deleteAlertChannel(store::Database &db, const QString &id);

struct AlertDeliveryRow
{
    QString id;
    QString channelId;
    QString recordId; // empty for a test
    QString event;    // "firing", "resolved", "test"
    QString payload;  // the JSON body, as sent
    QString status;   // "pending", "delivered", "failed"
    int attempts = 0;
    qint64 nextAttemptAt = 0; // 0 once it is not pending
    int lastStatus = 0;       // the HTTP status of the last try; 0: none came
    QString lastError;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

using AlertDeliveryAttempt = DeliveryAttempt;

Status insertAlertDelivery(store::Database &db, const AlertDeliveryRow &row);
// One try and what it left: the delivery's status, attempts, next try and
// last outcome, in one transaction.
Status recordAlertDeliveryAttempt(store::Database &db, const AlertDeliveryRow &row,
                                  const AlertDeliveryAttempt &attempt);
// Pending deliveries of enabled channels, the next due first.
Result<QList<AlertDeliveryRow>> pendingAlertDeliveries(store::Database &db);
Result<std::optional<AlertDeliveryRow>> alertDeliveryById(store::Database &db, const QString &id);
// A channel's deliveries, newest first.
Result<store::Page<AlertDeliveryRow>>
listAlertDeliveries(store::Database &db, const QString &channelId, qint64 limit, qint64 offset);
Result<QList<AlertDeliveryAttempt>> alertDeliveryAttempts(store::Database &db,
                                                          const QString &deliveryId);

} // namespace hm::server::repositories
