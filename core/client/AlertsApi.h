#pragma once

#include "client/AlertTypes.h"

namespace hm::client {

class ApiClient;

// The fleet's alert rules and records (/api/v1/alerts). Anyone signed in
// reads; administrators change rules; users and up resolve records.
class AlertsApi
{
public:
    explicit AlertsApi(ApiClient &client) : m_client(client) {}

    void rules(Callback<QList<AlertRuleRow>> done);
    void createRule(const AlertRuleChange &rule, Callback<AlertRuleRow> done);
    void updateRule(const QString &id, const AlertRuleChange &change, Callback<AlertRuleRow> done);
    void removeRule(const QString &id, Callback<void> done);
    void records(const AlertRecordFilter &filter, Callback<Page<AlertRecordRow>> done);
    void resolve(const QString &recordId, Callback<AlertRecordRow> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
