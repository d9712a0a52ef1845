#pragma once

#include "client/ApiRequest.h"
#include "client/ApiTypes.h"
#include "client/FlowTypes.h"

namespace hm::client {

class ApiClient;

// Flows, their versions, publishing and triggering (/flows…).
class FlowsApi
{
public:
    explicit FlowsApi(ApiClient &client) : m_client(client) {}

    void list(const QString &search, const PageRequest &page, Callback<Page<FlowSummary>> done);
    void get(const QString &id, Callback<FlowDetail> done);
    // Version 1 as a draft. A definition that does not compile is
    // INVALID_FLOW_DEFINITION with details.problems; a malformed body
    // VALIDATION_ERROR with details.field.
    void create(const NewFlow &flow, Callback<FlowSummary> done);
    void remove(const QString &id, Callback<void> done);
    void addVersion(const QString &id, const QJsonObject &definition, const QJsonObject &settings,
                    Callback<FlowVersion> done);
    // Oldest first, with definitions.
    void versions(const QString &id, Callback<QList<FlowVersion>> done);
    void publish(const QString &id, const QString &version, Callback<FlowVersion> done);
    // Optimistic concurrency: the same, based on `base` (base_revision /
    // base_version). A flow changed since fails with CONFLICT and stores
    // nothing: isConflict(error), conflictCurrentRevision(error) and
    // conflictCurrentVersion(error) (ApiError.h) say what it is now. The
    // answer's flowRevision is the base of the next write.
    void addVersion(const QString &id, const QJsonObject &definition, const QJsonObject &settings,
                    const FlowEditBase &base, Callback<FlowVersion> done);
    void publish(const QString &id, const QString &version, const FlowEditBase &base,
                 Callback<FlowVersion> done);
    // Started, queued, denied (CONCURRENT_DENIED, as an outcome) or — with
    // options.wait — ended.
    void trigger(const QString &id, const TriggerOptions &options, Callback<TriggerOutcome> done);

private:
    ApiClient &m_client;
};

// Shared with ExecutionsApi::rerun: a trigger-like answer, CONCURRENT_DENIED
// turned into an outcome.
Result<TriggerOutcome> readTriggerAnswer(Result<ApiResponse> answer);

} // namespace hm::client
