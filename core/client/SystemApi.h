#pragma once

#include "client/ApiTypes.h"
#include "client/SystemTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hm::client {

class ApiClient;

struct AuditFilter
{
    QString userId;
    // The action: codes (several separated by commas, any of them) or part
    // of a code (any case); an entry matching either when both are set.
    QString action;
    QString actionContains;
    QString category; // auth, users, flows, … (docs/api.md); "" = any
    QString resourceType;
    QString nodeId; // a node's entries (resource "node" with this id); "" = any
    QDateTime from; // invalid = open
    QDateTime to;
    // "" = from the newest; else the entries listed after this one (the
    // next page of a list that ends with it, steady while entries come).
    QString beforeId;
    PageRequest page;
};

struct LogFilter
{
    QString level; // minimum: DEBUG, INFO, WARN, ERROR, CRITICAL
    QString module;
    QString search;
    QString requestId;
    QDateTime from;
    QDateTime to;
    qint64 afterId = 0; // only records with a greater id (live tail)
    // Only records with a smaller id (0 = any): the next page of a list
    // that ends with this record, steady while new records arrive.
    qint64 beforeId = 0;
    PageRequest page;
};

// System information and configuration, audit trail and logs (/system…,
// /audit, /logs). Health and version are on ApiClient (public routes).
class SystemApi
{
public:
    explicit SystemApi(ApiClient &client) : m_client(client) {}

    void info(Callback<QJsonObject> done);
    void config(Callback<QJsonObject> done);
    // Any subset of the keys; an unknown key or a bad value is
    // VALIDATION_ERROR (details.field, details.errors) and changes nothing.
    void updateConfig(const QJsonObject &changes, Callback<QJsonObject> done);
    // [{method, path, summary, tag, auth, rate_limited}] (ADMIN).
    void routes(Callback<QJsonArray> done);
    void audit(const AuditFilter &filter, Callback<Page<AuditEntry>> done);
    // GET /audit/export?format=json|csv|txt with the filter (page and
    // before_id ignored): the file's bytes as the server sent them.
    void exportAudit(const AuditFilter &filter, const QString &format, Callback<QByteArray> done);
    void logs(const LogFilter &filter, Callback<Page<LogLine>> done);
    // GET /logs/export?format=json|csv|txt with the filter (page ignored):
    // the file's bytes as the server sent them.
    void exportLogs(const LogFilter &filter, const QString &format, Callback<QByteArray> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
