#include "client/ProbesApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"
#include "client/ApiRequest.h"

#include <QJsonArray>
#include <memory>

namespace hm::client {

namespace json {

ProbeRow probe(const QJsonObject &o)
{
    const QJsonObject scope = o.value(QStringLiteral("scope")).toObject();
    return {o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("kind")).toString(),
            o.value(QStringLiteral("target")).toString(),
            o.value(QStringLiteral("keyword")).toString(),
            o.value(QStringLiteral("expected_status")).toInt(),
            o.value(QStringLiteral("tls_verify")).toBool(true),
            o.value(QStringLiteral("interval_seconds")).toInt(60),
            o.value(QStringLiteral("timeout_seconds")).toInt(10),
            o.value(QStringLiteral("enabled")).toBool(true),
            scope.value(QStringLiteral("type")).toString(QStringLiteral("all")),
            scope.value(QStringLiteral("value")).toString(),
            time(o.value(QStringLiteral("created_at"))),
            time(o.value(QStringLiteral("updated_at")))};
}

} // namespace json

QJsonObject ProbeChange::toJson() const
{
    QJsonObject o;
    const auto text = [&o](const char *field, const std::optional<QString> &value) {
        if (value)
            o.insert(QLatin1String(field), *value);
    };
    const auto number = [&o](const char *field, const std::optional<int> &value) {
        if (value)
            o.insert(QLatin1String(field), *value);
    };
    const auto flag = [&o](const char *field, const std::optional<bool> &value) {
        if (value)
            o.insert(QLatin1String(field), *value);
    };
    text("id", id);
    text("name", name);
    text("kind", kind);
    text("target", target);
    text("keyword", keyword);
    number("expected_status", expectedStatus);
    flag("tls_verify", tlsVerify);
    number("interval_seconds", intervalSeconds);
    number("timeout_seconds", timeoutSeconds);
    flag("enabled", enabled);
    if (scopeType)
        o.insert(QStringLiteral("scope"), QJsonObject{{QStringLiteral("type"), *scopeType},
                                                      {QStringLiteral("value"), scopeValue}});
    return o;
}

namespace {

const QString kProbes = QStringLiteral("/api/v1/probes");
// The server's largest page; pages are read until none remains (bounded).
constexpr int kProbePageSize = 100;
constexpr int kMaxProbePages = 100;

ProbeRow readProbe(const ApiResponse &r)
{
    return json::probe(r.data.toObject());
}

struct ProbePages
{
    QList<ProbeRow> rows;
    Callback<QList<ProbeRow>> done;
};

void readProbePages(ApiClient &client, int page, std::shared_ptr<ProbePages> pages)
{
    QUrlQuery query = pageQuery(PageRequest{page, kProbePageSize});
    client.call<Page<ProbeRow>>(
        ApiRequest::get(kProbes, query),
        [](const ApiResponse &r) {
            return json::page<ProbeRow>(r.data.toObject(), QStringLiteral("items"), json::probe);
        },
        [&client, page, pages](Result<Page<ProbeRow>> r) {
            if (!r)
                return pages->done(r.error());
            pages->rows.append(r->items);
            if (r->hasNext && !r->items.isEmpty() && page < kMaxProbePages)
                return readProbePages(client, page + 1, pages);
            pages->done(std::move(pages->rows));
        });
}

} // namespace

void ProbesApi::list(Callback<QList<ProbeRow>> done)
{
    auto pages = std::make_shared<ProbePages>();
    pages->done = std::move(done);
    readProbePages(m_client, 1, std::move(pages));
}

void ProbesApi::get(const QString &id, Callback<ProbeRow> done)
{
    m_client.call<ProbeRow>(ApiRequest::get(kProbes + u'/' + id), readProbe, std::move(done));
}

void ProbesApi::create(const ProbeChange &probe, Callback<ProbeRow> done)
{
    m_client.call<ProbeRow>(ApiRequest::post(kProbes, probe.toJson()), readProbe, std::move(done));
}

void ProbesApi::update(const QString &id, const ProbeChange &change, Callback<ProbeRow> done)
{
    ProbeChange body = change;
    body.id.reset(); // the id never changes
    m_client.call<ProbeRow>(ApiRequest::withBody("PATCH", kProbes + u'/' + id, body.toJson()),
                            readProbe, std::move(done));
}

void ProbesApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kProbes + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

} // namespace hm::client
