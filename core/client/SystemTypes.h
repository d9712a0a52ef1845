#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace hm::client {

// One entry of GET /api/v1/audit (docs/api.md, "Audit"), read once here so
// that the console does not read rows by field name. toJson() writes the
// server's shape back: TestClientRows holds fromJson -> toJson against what
// a real server sends, so a field the server adds or renames shows up.
struct AuditEntry
{
    QString id;
    QString userId;   // "" for a system entry (null)
    QString username; // "" when the user is gone or for the system
    QString action;   // e.g. USER_CREATED
    QString category; // auth, users, flows, … (the server's grouping)
    QString resourceType;
    QString resourceId;
    QString resourceName; // "" when the resource is gone or has no name
    QString ipAddress;
    QString userAgent;
    QJsonObject details; // sensitive values already masked by the server
    QDateTime createdAt;

    static AuditEntry fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

// One record of GET /api/v1/logs (docs/api.md, "Logs"); same contract.
struct LogLine
{
    qint64 id = 0;
    QString level; // DEBUG, INFO, WARN, ERROR, CRITICAL
    QString message;
    QString module; // the logging category
    QString requestId;
    QDateTime timestamp;

    static LogLine fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

} // namespace hm::client
