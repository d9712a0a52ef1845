#include "client/CredentialsApi.h"

#include "client/ApiClient.h"
#include "client/ApiJson.h"
#include "client/ApiQuery.h"

#include <QJsonArray>

namespace hm::client {
namespace {

const QString kCredentials = QStringLiteral("/api/v1/credentials");

CredentialInfo readCredential(const ApiResponse &r)
{
    return json::credential(r.data.toObject());
}

CredentialKeyStatus readKeyStatus(const ApiResponse &r)
{
    return json::credentialKeyStatus(r.data.toObject());
}

} // namespace

namespace json {

CredentialInfo credential(const QJsonObject &o)
{
    CredentialInfo c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.name = o.value(QStringLiteral("name")).toString();
    c.description = o.value(QStringLiteral("description")).toString();
    c.type = o.value(QStringLiteral("type")).toString();
    c.visibility = o.value(QStringLiteral("visibility")).toString();
    c.ownerId = o.value(QStringLiteral("owner_id")).toString();
    c.ownerName = o.value(QStringLiteral("owner_name")).toString();
    c.data = o.value(QStringLiteral("data")).toObject();
    const QJsonObject secrets = o.value(QStringLiteral("secret_fields")).toObject();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        c.secretFields.insert(it.key(), it.value().toBool());
    c.createdAt = time(o.value(QStringLiteral("created_at")));
    c.updatedAt = time(o.value(QStringLiteral("updated_at")));
    return c;
}

CredentialKeyStatus credentialKeyStatus(const QJsonObject &o)
{
    CredentialKeyStatus s;
    s.purpose = o.value(QStringLiteral("purpose")).toString();
    s.activeVersion = o.value(QStringLiteral("active_version")).toInt();
    for (const QJsonValue &value : o.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject k = value.toObject();
        CredentialKeyVersion key;
        key.version = k.value(QStringLiteral("version")).toInt();
        key.status = k.value(QStringLiteral("status")).toString();
        key.createdAt = time(k.value(QStringLiteral("created_at")));
        key.retiredAt = time(k.value(QStringLiteral("retired_at")));
        key.credentials = k.value(QStringLiteral("credentials")).toInteger();
        s.keys.append(key);
    }
    const QJsonObject r = o.value(QStringLiteral("rotation")).toObject();
    s.rotation.state = r.value(QStringLiteral("state")).toString();
    s.rotation.total = r.value(QStringLiteral("total")).toInteger();
    s.rotation.reencrypted = r.value(QStringLiteral("reencrypted")).toInteger();
    s.rotation.failed = r.value(QStringLiteral("failed")).toInteger();
    s.rotation.remaining = r.value(QStringLiteral("remaining")).toInteger();
    s.rotation.batchSize = r.value(QStringLiteral("batch_size")).toInt();
    s.rotation.startedAt = time(r.value(QStringLiteral("started_at")));
    s.rotation.finishedAt = time(r.value(QStringLiteral("finished_at")));
    s.rotation.error = r.value(QStringLiteral("error")).toString();
    return s;
}

} // namespace json

CredentialUsage json::credentialUsage(const QJsonObject &o)
{
    return {o.value(QStringLiteral("type")).toString(), o.value(QStringLiteral("id")).toString(),
            o.value(QStringLiteral("name")).toString(),
            json::time(o.value(QStringLiteral("created_at")))};
}

QList<CredentialUsage> credentialUsages(const Error &error)
{
    QList<CredentialUsage> usages;
    if (error.code != ErrorCode::CredentialInUse)
        return usages;
    for (const QJsonValue &value : error.details.value(QStringLiteral("usages")).toArray())
        usages.append(json::credentialUsage(value.toObject()));
    return usages;
}

void CredentialsApi::usages(const QString &id, const PageRequest &page,
                            Callback<Page<CredentialUsage>> done)
{
    m_client.call<Page<CredentialUsage>>(
        ApiRequest::get(kCredentials + u'/' + id + QStringLiteral("/usages"), pageQuery(page)),
        [](const ApiResponse &r) {
            return json::page<CredentialUsage>(r.data.toObject(), QStringLiteral("items"),
                                               json::credentialUsage);
        },
        std::move(done));
}

void CredentialsApi::list(const CredentialFilter &filter, Callback<Page<CredentialInfo>> done)
{
    QUrlQuery query = pageQuery(filter.page);
    addIfSet(query, QStringLiteral("type"), filter.type);
    addIfSet(query, QStringLiteral("search"), filter.search);
    m_client.call<Page<CredentialInfo>>(
        ApiRequest::get(kCredentials, query),
        [](const ApiResponse &r) {
            return json::page<CredentialInfo>(r.data.toObject(), QStringLiteral("items"),
                                              json::credential);
        },
        std::move(done));
}

void CredentialsApi::get(const QString &id, Callback<CredentialInfo> done)
{
    m_client.call<CredentialInfo>(ApiRequest::get(kCredentials + u'/' + id), readCredential,
                                  std::move(done));
}

void CredentialsApi::create(const NewCredential &credential, Callback<CredentialInfo> done)
{
    QJsonObject body{{QStringLiteral("name"), credential.name},
                     {QStringLiteral("type"), credential.type},
                     {QStringLiteral("data"), credential.data}};
    if (!credential.description.isEmpty())
        body.insert(QStringLiteral("description"), credential.description);
    if (!credential.visibility.isEmpty())
        body.insert(QStringLiteral("visibility"), credential.visibility);
    m_client.call<CredentialInfo>(ApiRequest::post(kCredentials, body), readCredential,
                                  std::move(done));
}

void CredentialsApi::update(const QString &id, const QJsonObject &changes,
                            Callback<CredentialInfo> done)
{
    m_client.call<CredentialInfo>(ApiRequest::put(kCredentials + u'/' + id, changes),
                                  readCredential, std::move(done));
}

void CredentialsApi::remove(const QString &id, Callback<void> done)
{
    m_client.call<void>(
        ApiRequest::del(kCredentials + u'/' + id), [](const ApiResponse &) { return Status(); },
        std::move(done));
}

void CredentialsApi::test(const QString &id, const QString &url,
                          Callback<CredentialTestResult> done)
{
    QJsonObject body;
    if (!url.isEmpty())
        body.insert(QStringLiteral("url"), url);
    m_client.call<CredentialTestResult>(
        ApiRequest::post(kCredentials + u'/' + id + QStringLiteral("/test"), body),
        [](const ApiResponse &r) {
            const QJsonObject o = r.data.toObject();
            CredentialTestResult result;
            result.success = o.value(QStringLiteral("success")).toBool();
            result.message = o.value(QStringLiteral("message")).toString();
            result.httpStatus = o.value(QStringLiteral("http_status")).toInt();
            result.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
            return result;
        },
        std::move(done));
}

void CredentialsApi::keyStatus(Callback<CredentialKeyStatus> done)
{
    m_client.call<CredentialKeyStatus>(
        ApiRequest::get(kCredentials + QStringLiteral("/key-status")), readKeyStatus,
        std::move(done));
}

void CredentialsApi::rotateKey(Callback<CredentialKeyStatus> done)
{
    m_client.call<CredentialKeyStatus>(
        ApiRequest::post(kCredentials + QStringLiteral("/rotate-key")), readKeyStatus,
        std::move(done));
}

} // namespace hm::client
