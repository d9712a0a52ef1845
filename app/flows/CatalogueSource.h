#pragma once

#include "common/Result.h"
#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowGraphModel.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Where every view of a flow graph gets its components from (issue 13):
// the server's component catalogue (GET /api/v1/components), the external
// services' endpoints (the palette's and quick add's Services) and the
// interface of each service node (GET /api/v1/services/{id}/endpoints/
// {endpointId}/interface: one typed input per parameter). The flow editor,
// the version viewer and its diff, and the execution graph all attach
// their model to the one source of their client (of()), so each service
// node gets its typed ports, and an endpoint that was removed or cannot be
// fetched becomes the node's error (the server's ENDPOINT_NOT_FOUND
// message) in every one of them.
class CatalogueSource final : public QObject
{
    Q_OBJECT

public:
    // The source of this client: made on first use, a child of the client.
    static CatalogueSource *of(client::ApiClient *client);

    // Keeps the model's catalogue in step until the model is destroyed:
    // the components (now when known, else when they arrive), the service
    // endpoints, and the per-node interfaces the model misses (it becomes
    // the model's NodeInterfaceFetcher). Fetches the components once.
    void attach(FlowGraphModel *model);
    // Reads the services' endpoints again (and the components if they
    // failed before) and forgets the node interfaces fetched so far (the
    // models keep theirs).
    void refresh();
    // Reads the components again (one was registered, changed or deleted).
    void refreshComponents();
    // Forgets the node interfaces fetched so far, the source's and the
    // model's (nullptr: the source's only): a view about to show a stored
    // version asks the server again, so an endpoint removed meanwhile shows
    // as removed.
    void forgetInterfaces(FlowGraphModel *model);

    bool isLoaded() const { return m_loaded; }
    const ComponentCatalogue &catalogue() const { return m_catalogue; }

signals:
    // The attached models got the components or the endpoints.
    void catalogueChanged();

private:
    explicit CatalogueSource(client::ApiClient *client);

    void fetchComponents();
    void fetchEndpoints();
    void fetchInterface(const FlowGraphModel::NodeInterfaceNeed &need, FlowGraphModel *model);
    void answer(int generation, const QString &key, const FlowGraphModel::NodeInterfaceNeed &need,
                const Result<flow::ComponentInterface> &interface);
    void giveCatalogue(FlowGraphModel *model) const;

    client::ApiClient *m_client;
    ComponentCatalogue m_catalogue;
    bool m_loaded = false;
    bool m_componentsPending = false;
    int m_generation = 0; // refresh() makes older answers stale
    QList<QPointer<FlowGraphModel>> m_models;
    // Answers so far, by ComponentCatalogue::nodeKey, and who waits for
    // one, by generation and key.
    QHash<QString, flow::ComponentInterface> m_interfaces;
    QHash<QString, Error> m_errors;
    QHash<QString, QList<QPointer<FlowGraphModel>>> m_waiting;
};

} // namespace hm::app
