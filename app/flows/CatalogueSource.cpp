#include "flows/CatalogueSource.h"

#include "client/ApiClient.h"
#include "client/EventHub.h"
#include "client/ExecutionsApi.h"
#include "client/ServicesApi.h"
#include "client/Within.h"
#include "common/Check.h"
#include "common/Logging.h"

#include <QJsonArray>
#include <QSet>
#include <utility>

namespace hm::app {

CatalogueSource *CatalogueSource::of(client::ApiClient *client)
{
    HM_CHECK(client, return nullptr);
    if (CatalogueSource *found = find(client))
        return found;
    return new CatalogueSource(client);
}

CatalogueSource *CatalogueSource::find(client::ApiClient *client)
{
    return client ? client->findChild<CatalogueSource *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

CatalogueSource::CatalogueSource(client::ApiClient *client)
    : QObject(client), m_client(client), m_events(client::EventHub::of(client))
{
    setObjectName(QStringLiteral("catalogueSource"));
    // The client's one event stream: subscribed while a model is attached.
    connect(m_events, &client::EventHub::message, this,
            [this](const QString &type, const QJsonObject &data, const QDateTime &) {
                if (!m_models.isEmpty())
                    applyEvent(type, data);
            });
    connect(m_events, &client::EventHub::resynchronise, this, [this] {
        // Changes made while the stream was down were not heard.
        if (m_models.isEmpty())
            return;
        reaskServiceNodes(QString());
        fetchEndpoints(Reread::Again);
        refreshComponents();
    });
}

CatalogueSource::~CatalogueSource()
{
    if (m_events)
        m_events->unsubscribe(this);
    // The models' fetchers call this source.
    for (const QPointer<FlowGraphModel> &model : std::as_const(m_models)) {
        if (model)
            model->setNodeInterfaceFetcher({});
    }
}

void CatalogueSource::attach(FlowGraphModel *model)
{
    HM_CHECK(model, return );
    for (const QPointer<FlowGraphModel> &m : std::as_const(m_models)) {
        if (m == model)
            return;
    }
    m_models.removeAll(QPointer<FlowGraphModel>());
    m_models.append(model);
    // The stream closes once no model is left. (Not Qt::UniqueConnection:
    // Qt 6.4 refuses it for a lambda and makes no connection at all; a
    // model attached twice returned above.)
    connect(model, &QObject::destroyed, this, [this] {
        QMetaObject::invokeMethod(this, &CatalogueSource::updateListening, Qt::QueuedConnection);
    });
    if (m_loaded)
        giveCatalogue(model);
    model->setNodeInterfaceFetcher(
        client::within(model, [this, model](const FlowGraphModel::NodeInterfaceNeed &need) {
            fetchInterface(need, model);
        }));
    fetchComponents(Reread::IfIdle);
    if (m_catalogue.serviceEndpoints().isEmpty())
        fetchEndpoints(Reread::IfIdle);
    updateListening();
}

void CatalogueSource::detach(FlowGraphModel *model)
{
    if (!model || !isAttached(model))
        return;
    m_models.removeAll(QPointer<FlowGraphModel>(model));
    m_models.removeAll(QPointer<FlowGraphModel>());
    model->setNodeInterfaceFetcher({});
    for (QList<QPointer<FlowGraphModel>> &waiting : m_waiting)
        waiting.removeAll(QPointer<FlowGraphModel>(model));
    updateListening();
}

bool CatalogueSource::isAttached(const FlowGraphModel *model) const
{
    for (const QPointer<FlowGraphModel> &m : m_models) {
        if (m && m == model)
            return true;
    }
    return false;
}

bool CatalogueSource::isListening() const
{
    return m_events && m_events->isSubscribed(this) && m_events->isOpen();
}

void CatalogueSource::updateListening()
{
    m_models.removeAll(QPointer<FlowGraphModel>());
    if (!m_events)
        return;
    if (m_models.isEmpty())
        m_events->unsubscribe(this);
    else
        m_events->subscribe(this);
}

void CatalogueSource::applyEvent(const QString &type, const QJsonObject &data)
{
    // The one place the views follow the server's services and components:
    // no other part of the console forwards these events here, so each
    // change costs one read of the endpoints and one interface read per
    // affected node key.
    if (type.startsWith(QLatin1String("component_"))) {
        // component_registered, component_updated, component_deleted.
        refreshComponents();
        return;
    }
    if (type == QLatin1String("service_created")) {
        // The palette lists the new service; no node can call it yet.
        fetchEndpoints(Reread::Again);
        return;
    }
    const bool deleted = type == QLatin1String("service_deleted");
    if (!deleted && type != QLatin1String("service_updated"))
        return;
    const QString serviceId = data.value(QStringLiteral("service_id")).toString();
    if (serviceId.isEmpty())
        return;
    // A new name or status shows in the palette; the endpoints' list is
    // read again for any change.
    fetchEndpoints(Reread::Again);
    if (!deleted) {
        // A new name or base URL leaves the ports as they are.
        const QJsonArray changed = data.value(QStringLiteral("changed")).toArray();
        if (!changed.isEmpty() && !changed.contains(QStringLiteral("schema")) &&
            !changed.contains(QStringLiteral("endpoints")))
            return;
    }
    reaskServiceNodes(serviceId);
}

void CatalogueSource::reaskServiceNodes(const QString &serviceId)
{
    if (serviceId.isEmpty()) {
        forgetInterfaces(nullptr);
    } else {
        // Only this service's answers go: the other services' stay cached
        // and their requests on the way stay valid.
        ++m_serviceGenerations[serviceId];
        for (auto it = m_keyServices.begin(); it != m_keyServices.end();) {
            if (it.value() == serviceId) {
                m_interfaces.remove(it.key());
                m_errors.remove(it.key());
                it = m_keyServices.erase(it);
            } else {
                ++it;
            }
        }
    }
    m_models.removeAll(QPointer<FlowGraphModel>());
    const QList<QPointer<FlowGraphModel>> models = m_models;
    for (const QPointer<FlowGraphModel> &model : models) {
        if (!model)
            continue;
        QSet<QString> asked;
        for (const QString &nodeId : model->nodeIds()) {
            const FlowNode *node = model->node(nodeId);
            if (!node || node->component != kServiceComponentName)
                continue;
            if (!serviceId.isEmpty() &&
                node->config.value(QStringLiteral("serviceId")).toString() != serviceId)
                continue;
            const QString key =
                ComponentCatalogue::nodeKey(node->component, node->version, node->config);
            if (asked.contains(key))
                continue;
            asked.insert(key);
            // The node keeps its ports until the answer replaces them.
            fetchInterface({node->component, node->version, node->config}, model);
        }
    }
}

void CatalogueSource::refresh()
{
    forgetInterfaces(nullptr);
    // The components if they failed before.
    fetchComponents(Reread::IfIdle);
    // A read on its way (attach()'s) is as fresh as a new one.
    fetchEndpoints(Reread::IfIdle);
}

void CatalogueSource::refreshComponents()
{
    fetchComponents(Reread::Again);
}

void CatalogueSource::forgetInterfaces(FlowGraphModel *model)
{
    ++m_generation;
    m_interfaces.clear();
    m_errors.clear();
    m_keyServices.clear();
    if (model)
        model->forgetNodeInterfaces();
}

void CatalogueSource::giveCatalogue(FlowGraphModel *model) const
{
    model->setCatalogue(m_catalogue);
    model->setServiceEndpoints(m_catalogue.serviceEndpoints());
}

void CatalogueSource::fetchComponents(Reread reread)
{
    if ((reread == Reread::IfIdle && m_loaded) || !m_components.begin(reread))
        return;
    client::ExecutionsApi(*m_client).components(
        client::within(this, [this](Result<QJsonArray> result) {
            // A change heard while this answer was on its way: read once more,
            // as the answer may predate it, but show this one now (it is no
            // older than what the models have) rather than drop it.
            if (m_components.end())
                fetchComponents(Reread::Again);
            if (!result) {
                // The views still work: unknown components get derived ports.
                // The next attach() or refresh() reads them again.
                m_loaded = false;
                qCWarning(lcApp).noquote() << "components:" << result.error().toString();
                return;
            }
            auto catalogue = ComponentCatalogue::fromServerAnswer(result.value());
            if (!catalogue) {
                m_loaded = false;
                qCWarning(lcApp).noquote() << "components:" << catalogue.error().toString();
                return;
            }
            // The endpoints listed, and those known from before (removed ones
            // are still named so).
            catalogue->keepNodeInterfacesOf(m_catalogue);
            m_catalogue = std::move(catalogue.value());
            m_loaded = true;
            for (const QPointer<FlowGraphModel> &model : std::as_const(m_models)) {
                if (model)
                    giveCatalogue(model);
            }
            emit catalogueChanged();
        }));
}

void CatalogueSource::fetchEndpoints(Reread reread)
{
    // A read on its way: its answer may predate the change just heard.
    if (!m_endpoints.begin(reread))
        return;
    client::ServicesApi(*m_client).paletteEndpoints(
        client::within(this, [this](Result<QList<client::ServiceEndpointRef>> result) {
            // As for the components: read once more after a change heard
            // meanwhile, and show this answer now.
            if (m_endpoints.end())
                fetchEndpoints(Reread::Again);
            if (!result) {
                // The palette still lists the components.
                qCWarning(lcApp).noquote() << "services:" << result.error().toString();
                return;
            }
            QList<ServiceEndpointEntry> endpoints;
            for (const client::ServiceEndpointRef &e : std::as_const(result.value()))
                endpoints.append({e.serviceId, e.serviceName, e.endpointId, e.name, e.method,
                                  e.path, e.summary});
            m_catalogue.setServiceEndpoints(endpoints);
            for (const QPointer<FlowGraphModel> &model : std::as_const(m_models)) {
                if (model)
                    model->setServiceEndpoints(endpoints);
            }
            emit catalogueChanged();
        }));
}

void CatalogueSource::fetchInterface(const FlowGraphModel::NodeInterfaceNeed &need,
                                     FlowGraphModel *model)
{
    const QString serviceId = need.config.value(QStringLiteral("serviceId")).toString();
    const QString endpointId = need.config.value(QStringLiteral("endpointId")).toString();
    if (need.component != kServiceComponentName || serviceId.isEmpty() || endpointId.isEmpty()) {
        // No endpoint named (yet): the generic interface, as the engine
        // gives it; the config's schema reports what is missing.
        if (const flow::ComponentInterface *generic =
                model->catalogue().find(need.component, need.version))
            model->setNodeInterface(need.component, need.version, need.config, *generic);
        return;
    }
    const QString key = ComponentCatalogue::nodeKey(need.component, need.version, need.config);
    if (const auto it = m_interfaces.constFind(key); it != m_interfaces.constEnd()) {
        model->setNodeInterface(need.component, need.version, need.config, *it);
        return;
    }
    if (const auto it = m_errors.constFind(key); it != m_errors.constEnd()) {
        model->setNodeInterface(need.component, need.version, need.config, *it);
        return;
    }
    // One request per config and generation: a request made before
    // refresh() still answers whoever asked then, but is not kept.
    const QString generation = generationOf(serviceId);
    QList<QPointer<FlowGraphModel>> &waiting = m_waiting[generation + QLatin1Char(' ') + key];
    waiting.append(model);
    if (waiting.size() > 1)
        return; // asked already
    client::ServicesApi(*m_client).endpointInterface(
        serviceId, endpointId,
        client::within(this, [this, serviceId, key, need, generation](Result<QJsonObject> result) {
            if (!result) {
                answer(generation, serviceId, key, need, result.error());
                return;
            }
            answer(
                generation, serviceId, key, need,
                flow::ComponentInterface::fromJson(result.value(), need.component, need.version));
        }));
}

QString CatalogueSource::generationOf(const QString &serviceId) const
{
    return QString::number(m_generation) + QLatin1Char('.') +
           QString::number(m_serviceGenerations.value(serviceId));
}

void CatalogueSource::answer(const QString &generation, const QString &serviceId,
                             const QString &key, const FlowGraphModel::NodeInterfaceNeed &need,
                             const Result<flow::ComponentInterface> &interface)
{
    const QString current = generationOf(serviceId);
    if (generation == current) {
        if (interface.ok())
            m_interfaces.insert(key, interface.value());
        else
            m_errors.insert(key, interface.error());
        m_keyServices.insert(key, serviceId);
    }
    const QList<QPointer<FlowGraphModel>> waiting =
        m_waiting.take(generation + QLatin1Char(' ') + key);
    // A newer request for the same config (the service changed since)
    // answers its models itself: an older answer must not overwrite it.
    const QList<QPointer<FlowGraphModel>> newer =
        generation == current ? QList<QPointer<FlowGraphModel>>()
                              : m_waiting.value(current + QLatin1Char(' ') + key);
    for (const QPointer<FlowGraphModel> &model : waiting) {
        if (model && !newer.contains(model))
            model->setNodeInterface(need.component, need.version, need.config, interface);
    }
}

} // namespace hm::app
