#pragma once

#include "client/AlertTypes.h"

namespace hm::client {

class ApiClient;

// The fleet's alert rules, records and channels (/api/v1/alerts). Anyone
// signed in reads rules and records; administrators change rules and manage
// channels; users and up resolve records.
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
    // Notification channels (administrators only).
    void channels(Callback<QList<AlertChannelRow>> done);
    void createChannel(const AlertChannelChange &channel, Callback<AlertChannelRow> done);
    void updateChannel(const QString &id, const AlertChannelChange &change,
                       Callback<AlertChannelRow> done);
    void removeChannel(const QString &id, Callback<void> done);
    void testChannel(const QString &id, Callback<AlertChannelTest> done);
    // Maintenance windows not over yet, the soonest first (anyone signed
    // in); administrators plan them and end them early (DELETE).
    void maintenanceWindows(Callback<QList<MaintenanceWindowRow>> done);
    void createMaintenanceWindow(const MaintenanceWindowChange &window,
                                 Callback<MaintenanceWindowRow> done);
    void endMaintenanceWindow(const QString &id, Callback<void> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
