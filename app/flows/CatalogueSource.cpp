#include "flows/CatalogueSource.h"

#include "client/ApiClient.h"
#include "client/ExecutionsApi.h"
#include "client/ServicesApi.h"
#include "common/Check.h"
#include "common/Logging.h"

#include <QJsonArray>

namespace hm::app {

CatalogueSource *CatalogueSource::of(client::ApiClient *client)
{
    HM_CHECK(client, return nullptr);
    if (auto *found = client->findChild<CatalogueSource *>(QString(), Qt::FindDirectChildrenOnly))
        return found;
    return new CatalogueSource(client);
}

CatalogueSource::CatalogueSource(client::ApiClient *client) : QObject(client), m_client(client)
{
    setObjectName(QStringLiteral("catalogueSource"));
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
    if (m_loaded)
        giveCatalogue(model);
    const QPointer<FlowGraphModel> guarded(model);
    model->setNodeInterfaceFetcher([this, guarded](const FlowGraphModel::NodeInterfaceNeed &need) {
        if (guarded)
            fetchInterface(need, guarded);
    });
    fetchComponents();
    if (m_catalogue.serviceEndpoints().isEmpty())
        fetchEndpoints();
}

void CatalogueSource::refresh()
{
    forgetInterfaces(nullptr);
    fetchComponents();
    fetchEndpoints();
}

void CatalogueSource::refreshComponents()
{
    m_loaded = false;
    fetchComponents();
}

void CatalogueSource::forgetInterfaces(FlowGraphModel *model)
{
    ++m_generation;
    m_interfaces.clear();
    m_errors.clear();
    if (model)
        model->forgetNodeInterfaces();
}

void CatalogueSource::giveCatalogue(FlowGraphModel *model) const
{
    model->setCatalogue(m_catalogue);
    model->setServiceEndpoints(m_catalogue.serviceEndpoints());
}

void CatalogueSource::fetchComponents()
{
    if (m_loaded || m_componentsPending)
        return;
    m_componentsPending = true;
    const QPointer<CatalogueSource> self(this);
    client::ExecutionsApi(*m_client).components([self](Result<QJsonArray> result) {
        if (!self)
            return;
        self->m_componentsPending = false;
        if (!result) {
            // The views still work: unknown components get derived ports.
            qCWarning(lcApp).noquote() << "components:" << result.error().toString();
            return;
        }
        auto catalogue = ComponentCatalogue::fromServerAnswer(result.value());
        if (!catalogue) {
            qCWarning(lcApp).noquote() << "components:" << catalogue.error().toString();
            return;
        }
        catalogue->setServiceEndpoints(self->m_catalogue.serviceEndpoints());
        self->m_catalogue = std::move(catalogue.value());
        self->m_loaded = true;
        for (const QPointer<FlowGraphModel> &model : std::as_const(self->m_models)) {
            if (model)
                self->giveCatalogue(model);
        }
        emit self->catalogueChanged();
    });
}

void CatalogueSource::fetchEndpoints()
{
    const QPointer<CatalogueSource> self(this);
    client::ServicesApi(*m_client).paletteEndpoints(
        [self](Result<QList<client::ServiceEndpointRef>> result) {
            if (!self)
                return;
            if (!result) {
                // The palette still lists the components.
                qCWarning(lcApp).noquote() << "services:" << result.error().toString();
                return;
            }
            QList<ServiceEndpointEntry> endpoints;
            for (const client::ServiceEndpointRef &e : std::as_const(result.value()))
                endpoints.append({e.serviceId, e.serviceName, e.endpointId, e.name, e.method,
                                  e.path, e.summary});
            self->m_catalogue.setServiceEndpoints(endpoints);
            for (const QPointer<FlowGraphModel> &model : std::as_const(self->m_models)) {
                if (model)
                    model->setServiceEndpoints(endpoints);
            }
            emit self->catalogueChanged();
        });
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
    const int generation = m_generation;
    QList<QPointer<FlowGraphModel>> &waiting =
        m_waiting[QString::number(generation) + QLatin1Char(' ') + key];
    waiting.append(model);
    if (waiting.size() > 1)
        return; // asked already
    const QPointer<CatalogueSource> self(this);
    client::ServicesApi(*m_client).endpointInterface(
        serviceId, endpointId, [self, key, need, generation](Result<QJsonObject> result) {
            if (!self)
                return;
            if (!result) {
                self->answer(generation, key, need, result.error());
                return;
            }
            self->answer(
                generation, key, need,
                flow::ComponentInterface::fromJson(result.value(), need.component, need.version));
        });
}

void CatalogueSource::answer(int generation, const QString &key,
                             const FlowGraphModel::NodeInterfaceNeed &need,
                             const Result<flow::ComponentInterface> &interface)
{
    if (generation == m_generation) {
        if (interface.ok())
            m_interfaces.insert(key, interface.value());
        else
            m_errors.insert(key, interface.error());
    }
    const QList<QPointer<FlowGraphModel>> waiting =
        m_waiting.take(QString::number(generation) + QLatin1Char(' ') + key);
    for (const QPointer<FlowGraphModel> &model : waiting) {
        if (model)
            model->setNodeInterface(need.component, need.version, need.config, interface);
    }
}

} // namespace hm::app
