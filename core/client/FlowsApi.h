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

    // --- the Flows section's calls -----------------------------------------
    // GET /flows narrowed on the server (search, owner, shared_with_me).
    void list(const FlowListFilter &filter, Callback<Page<FlowSummary>> done);
    // PUT /flows/{id}: rename and/or describe (edit). A name another flow
    // has is RESOURCE_ALREADY_EXISTS.
    void update(const QString &id, const FlowChanges &changes, Callback<FlowSummary> done);
    // Shares (seed 003 §14.4; admin permission on the flow).
    void shares(const QString &flowId, Callback<QList<FlowShare>> done);
    void share(const QString &flowId, const QString &email, const QString &permission,
               Callback<FlowShare> done);
    void setSharePermission(const QString &flowId, const QString &shareId,
                            const QString &permission, Callback<FlowShare> done);
    void removeShare(const QString &flowId, const QString &shareId, Callback<void> done);
    // The webhook (edit): whether there is one, create or rotate it (the
    // only answer with the token), remove it.
    void webhook(const QString &flowId, Callback<FlowWebhook> done);
    void createWebhook(const QString &flowId, Callback<FlowWebhook> done);
    void removeWebhook(const QString &flowId, Callback<void> done);

private:
    ApiClient &m_client;
};

// Shared with ExecutionsApi::rerun: a trigger-like answer, CONCURRENT_DENIED
// turned into an outcome.
Result<TriggerOutcome> readTriggerAnswer(Result<ApiResponse> answer);

} // namespace hm::client
