#include "client/ServiceInterfaceApi.h"

#include "client/ApiClient.h"

#include <QJsonArray>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>
#include <memory>

namespace hm::client {
namespace serviceinterface_detail {

const QString kServices = QStringLiteral("/api/v1/services");

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

struct ServicePage
{
    QList<QPair<QString, QString>> services; // id, shown name
    bool hasNext = false;
};

// Gathers the pages of services, then each one's endpoints, one request
// after the other (a handful of services; the palette fills once).
struct PaletteFetch : std::enable_shared_from_this<PaletteFetch>
{
    ApiClient *client = nullptr;
    Callback<QList<ServiceEndpointRef>> done;
    QList<QPair<QString, QString>> services;
    QList<ServiceEndpointRef> endpoints;
    int page = 1;
    int next = 0;

    void fetchPage()
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("page"), QString::number(page));
        query.addQueryItem(QStringLiteral("size"), QStringLiteral("100"));
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
        auto self = shared_from_this();
        client->call<ServicePage>(
            ApiRequest::get(kServices, query),
            [](const ApiResponse &r) -> Result<ServicePage> {
                ServicePage p;
                const QJsonObject data = r.data.toObject();
                for (const QJsonValue v : data.value(QStringLiteral("items")).toArray()) {
                    const QJsonObject s = v.toObject();
                    QString shown = s.value(QStringLiteral("display_name")).toString();
                    if (shown.isEmpty())
                        shown = s.value(QStringLiteral("name")).toString();
                    p.services.append({s.value(QStringLiteral("id")).toString(), shown});
                }
                p.hasNext = data.value(QStringLiteral("pagination"))
                                .toObject()
                                .value(QStringLiteral("has_next"))
                                .toBool();
                return p;
            },
            [self](Result<ServicePage> r) {
                if (!r)
                    return self->done(r.error());
                self->services += r->services;
                if (r->hasNext && self->page < 50) {
                    ++self->page;
                    return self->fetchPage();
                }
                self->fetchEndpoints();
            });
    }

    void fetchEndpoints()
    {
        if (next >= services.size())
            return done(endpoints);
        const auto [id, shown] = services.at(next++);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
        auto self = shared_from_this();
        client->call<QList<ServiceEndpointRef>>(
            ApiRequest::get(kServices + u'/' + encoded(id) + QStringLiteral("/endpoints"), query),
            [id, shown](const ApiResponse &r) -> Result<QList<ServiceEndpointRef>> {
                QList<ServiceEndpointRef> list;
                for (const QJsonValue v :
                     r.data.toObject().value(QStringLiteral("items")).toArray()) {
                    const QJsonObject e = v.toObject();
                    if (!e.value(QStringLiteral("enabled")).toBool(true))
                        continue;
                    // An endpoint entered by hand has a description only.
                    QString summary = e.value(QStringLiteral("summary")).toString();
                    if (summary.isEmpty())
                        summary = e.value(QStringLiteral("description")).toString();
                    list.append({id, shown, e.value(QStringLiteral("id")).toString(),
                                 e.value(QStringLiteral("name")).toString(),
                                 e.value(QStringLiteral("method")).toString(),
                                 e.value(QStringLiteral("path")).toString(),
                                 summary.section(QLatin1Char('\n'), 0, 0).trimmed()});
                }
                return list;
            },
            [self](Result<QList<ServiceEndpointRef>> r) {
                // A service deleted meanwhile leaves nothing to list.
                if (r)
                    self->endpoints += *r;
                self->fetchEndpoints();
            });
    }
};

} // namespace serviceinterface_detail

void ServiceInterfaceApi::paletteEndpoints(Callback<QList<ServiceEndpointRef>> done)
{
    auto fetch = std::make_shared<serviceinterface_detail::PaletteFetch>();
    fetch->client = &m_client;
    fetch->done = std::move(done);
    fetch->fetchPage();
}

void ServiceInterfaceApi::endpointInterface(const QString &serviceId, const QString &endpointId,
                                            Callback<QJsonObject> done)
{
    using namespace serviceinterface_detail;
    m_client.call<QJsonObject>(
        ApiRequest::get(kServices + u'/' + encoded(serviceId) + QStringLiteral("/endpoints/") +
                        encoded(endpointId) + QStringLiteral("/interface")),
        [](const ApiResponse &r) -> Result<QJsonObject> { return r.data.toObject(); },
        std::move(done));
}

} // namespace hm::client
