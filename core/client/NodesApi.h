#pragma once

#include "client/NodeTypes.h"

#include <QJsonObject>

namespace hm::client {

class ApiClient;

// The fleet's machines (/nodes; listing and reading for anyone signed in,
// changes for administrators). Enrolment secrets come back in the answer
// only: callers show them once and never log them.
class NodesApi
{
public:
    explicit NodesApi(ApiClient &client) : m_client(client) {}

    void list(const NodeFilter &filter, Callback<Page<NodeRow>> done);
    void get(const QString &id, Callback<NodeRow> done);
    // A pending node and its first enrolment secret.
    void create(const NewNode &node, Callback<EnrolledNode> done);
    // Any of name, description, labels.
    void update(const QString &id, const QJsonObject &changes, Callback<NodeRow> done);
    // Also removes the node's history and disconnects its agent.
    void remove(const QString &id, Callback<void> done);
    // A new secret replacing any earlier one; an enrolled node's key is
    // revoked and the node is pending again. 0 hours = the server's default.
    void renewEnrolment(const QString &id, int expiresInHours, Callback<EnrolmentTicket> done);
    void metrics(const QString &id, const NodeMetricsQuery &query, Callback<NodeMetrics> done);
    // The last 15 minutes of CPU, memory and disk of up to 100 nodes (a
    // page of the list).
    void sparklines(const QStringList &ids, Callback<NodeSparklines> done);
    // The fleet at a glance; `top` entries per list (0 to 20).
    void summary(int top, Callback<FleetSummary> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
