#pragma once

#include "common/Result.h"
#include "flowgraph/ComponentCatalogue.h"
#include "flowgraph/FlowGraphModel.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <utility>

namespace hm::client {
class ApiClient;
class EventHub;
} // namespace hm::client

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
//
// While a model is attached the source listens on /ws/events, the one
// place the console's graph views follow services and components (nothing
// else forwards these events, so a change costs one read): a service
// created, renamed or changed reads the endpoints again (the palette);
// when a service's schema or endpoints change elsewhere (service_updated)
// or the service goes (service_deleted), it also forgets what it fetched
// for that service and asks again for every service node of it in every
// attached model, so an open editor, version viewer or execution graph
// follows (new typed ports; a removed endpoint becomes the node's error,
// its edges stay and the editor's checks report them). component_*
// events read the components again. After the stream dropped, it reads
// everything again (events may have been missed).
class CatalogueSource final : public QObject
{
    Q_OBJECT

public:
    // The source of this client: made on first use, a child of the client.
    static CatalogueSource *of(client::ApiClient *client);
    // The source of this client if it has one yet, else nullptr.
    static CatalogueSource *find(client::ApiClient *client);

    // Keeps the model's catalogue in step until the model is destroyed:
    // the components (now when known, else when they arrive), the service
    // endpoints, and the per-node interfaces the model misses (it becomes
    // the model's NodeInterfaceFetcher). Fetches the components once.
    void attach(FlowGraphModel *model);
    // Stops keeping the model in step (a view switching client or signing
    // out): no more catalogues, endpoints or interfaces reach it, and it
    // has no fetcher any more. Nothing when it is not attached.
    void detach(FlowGraphModel *model);
    bool isAttached(const FlowGraphModel *model) const;
    // Whether the source hears the server's events now (tests wait on it).
    bool isListening() const;
    // Whether a read of the components, the endpoints or an interface is on
    // its way (tests wait for the source to settle).
    bool isReading() const
    {
        return m_components.pending() || m_endpoints.pending() || !m_waiting.isEmpty();
    }
    // One /ws/events message: service_created, _updated and _deleted read
    // the endpoints again; service_updated (schema or endpoints changed)
    // and service_deleted also make every attached model's nodes of that
    // service ask for their interfaces again; component_* read the
    // components again; other events change nothing.
    void applyEvent(const QString &type, const QJsonObject &data);
    // Reads the services' endpoints again unless a read is on its way
    // (and the components if they failed before) and forgets the node
    // interfaces fetched so far (the models keep theirs): a flow being
    // opened.
    void refresh();
    // Reads the components again (one was registered, changed or deleted
    // elsewhere); a change heard while an answer is on its way reads again
    // once that answer is in, as it may predate the change (the answer
    // still reaches the models first). The models keep the catalogue they
    // have until the answer.
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
    ~CatalogueSource() override;

    // Opens /ws/events while a model is attached, closes it when none is.
    void updateListening();
    // Forgets the interfaces fetched for serviceId (empty: for every
    // service) and asks again for every service node of it in every
    // attached model; the models keep what they show until the answers.
    // Other services' interfaces stay cached.
    void reaskServiceNodes(const QString &serviceId);

    // IfIdle: a read on its way will do (and, for the components, the
    // catalogue known). Again: a change was heard, so a read on its way
    // (which may predate it) is followed by another; its answer still
    // reaches the models first.
    enum class Reread
    {
        IfIdle,
        Again
    };
    // One read at a time of a list that changes on the server (the
    // components, the services' endpoints), and whether a change heard
    // while it was on its way asks for one more.
    class ListRead
    {
    public:
        // Whether to send a read now: not while one is on its way (Again
        // then asks for one more once its answer is in).
        bool begin(Reread reread)
        {
            if (m_pending) {
                m_again = m_again || reread == Reread::Again;
                return false;
            }
            m_pending = true;
            return true;
        }
        // The answer is in: whether to read once more (the caller sends
        // that read, then applies this answer, which is no older than what
        // the models have).
        bool end()
        {
            m_pending = false;
            return std::exchange(m_again, false);
        }
        bool pending() const { return m_pending; }

    private:
        bool m_pending = false;
        bool m_again = false; // a change heard while the read was on its way
    };
    void fetchComponents(Reread reread);
    void fetchEndpoints(Reread reread);
    void fetchInterface(const FlowGraphModel::NodeInterfaceNeed &need, FlowGraphModel *model);
    // Which answers are current for the service: forgetting everything
    // (refresh(), a reconnect) and a change of this service make older
    // ones stale; another service's change does not.
    QString generationOf(const QString &serviceId) const;
    void answer(const QString &generation, const QString &serviceId, const QString &key,
                const FlowGraphModel::NodeInterfaceNeed &need,
                const Result<flow::ComponentInterface> &interface);
    void giveCatalogue(FlowGraphModel *model) const;

    client::ApiClient *m_client;
    ComponentCatalogue m_catalogue;
    bool m_loaded = false;
    ListRead m_components;
    ListRead m_endpoints;
    int m_generation = 0;                     // refresh() makes older answers stale
    QHash<QString, int> m_serviceGenerations; // a service's change, its answers
    QList<QPointer<FlowGraphModel>> m_models;
    QPointer<client::EventHub> m_events; // the client's, a sibling

    // Answers so far, by ComponentCatalogue::nodeKey, and who waits for
    // one, by generation and key.
    QHash<QString, flow::ComponentInterface> m_interfaces;
    QHash<QString, Error> m_errors;
    QHash<QString, QString> m_keyServices; // cached key -> its service's id
    QHash<QString, QList<QPointer<FlowGraphModel>>> m_waiting;
};

} // namespace hm::app
