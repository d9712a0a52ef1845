#include "server/services/engine/ComponentService.h"

#include "common/ComponentIcons.h"
#include "common/Logging.h"
#include "engine/EngineEvent.h"
#include "engine/ExecutorRegistry.h"
#include "flow/ConfigSchemaValidator.h"
#include "flow/SchemaOrder.h"
#include "flow/SemanticVersion.h"
#include "server/api/AuthCommon.h"
#include "server/api/Roles.h"
#include "server/repositories/ComponentRepository.h"
#include "server/repositories/FlowsRepository.h"
#include "server/services/engine/FlowAccess.h"
#include "server/services/engine/FlowEngineHost.h"
#include "store/Database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUuid>

namespace hm::server {

namespace {

const QString kActive = QStringLiteral("active");
const QString kDeprecated = QStringLiteral("deprecated");
const QString kDisabled = QStringLiteral("disabled");
const QString kHealthy = QStringLiteral("healthy");
const QString kDegraded = QStringLiteral("degraded");
const QString kUnhealthy = QStringLiteral("unhealthy");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// http(s)://host[:port][/prefix], nothing else: the protocol appends its
// paths to it, and credentials in a URL would end up in logs.
Result<QString> normalizedEndpoint(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto bad = [&](const QString &why) {
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("endpoint: %1").arg(why),
                     {{QStringLiteral("field"), QStringLiteral("endpoint")}}};
    };
    if (text.trimmed().isEmpty())
        return bad(QStringLiteral("is required"));
    if (!url.isValid() || url.host().isEmpty())
        return bad(QStringLiteral("must be an absolute http or https URL"));
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return bad(QStringLiteral("must be an http or https URL"));
    if (!url.userInfo().isEmpty())
        return bad(QStringLiteral("must not carry credentials"));
    if (url.hasQuery() || url.hasFragment())
        return bad(QStringLiteral("must not have a query or fragment"));
    QUrl clean = url;
    QString path = clean.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    return clean.toString();
}

// A version's health from its endpoints': the best of them.
QString summaryHealth(const QList<repositories::StoredEndpoint> &endpoints)
{
    static const QStringList best{kHealthy, kDegraded, kUnhealthy};
    for (const QString &verdict : best) {
        for (const auto &e : endpoints) {
            if (e.health == verdict)
                return verdict;
        }
    }
    return QStringLiteral("unknown");
}

Error interfaceError(const flow::ComponentInterface &iface, const QString &field,
                     const QString &why)
{
    return Error{
        ErrorCode::ValidationError,
        QStringLiteral("component %1 %2: %3 %4").arg(iface.name, iface.version, field, why),
        {{QStringLiteral("name"), iface.name},
         {QStringLiteral("version"), iface.version},
         {QStringLiteral("field"), field}}};
}

} // namespace

ComponentService::ComponentService(store::Database &db, FlowEngineHost &host, int healthIntervalMs,
                                   QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_network(std::make_unique<QNetworkAccessManager>())
{
    m_timer.setInterval(healthIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ComponentService::checkAll);
}

ComponentService::~ComponentService()
{
    // Replies still open die with the manager; their callbacks must not
    // reach the half-destroyed service.
    m_closing = true;
    m_timer.stop();
    m_network.reset();
}

QString ComponentService::key(const QString &name, const QString &version)
{
    return name + QChar(0x1f) + version;
}

QJsonObject ComponentService::rowJson(const Row &row, const QList<EndpointRow> &endpoints) const
{
    auto text = [](const QString &value) {
        return value.isEmpty() ? QJsonValue() : QJsonValue(value);
    };
    // The interface's own members (name, version, inputs, outputs, ...) at
    // the top level, so an item reads as an interface_def, plus the row's.
    QJsonObject json = row.interfaceDef;
    QJsonArray endpointItems;
    QString message;
    for (const EndpointRow &e : endpoints) {
        QJsonObject item{{QStringLiteral("url"), e.endpoint},
                         {QStringLiteral("health"), e.health},
                         {QStringLiteral("health_checked_at"), auth::isoOrNull(e.healthCheckedAt)},
                         {QStringLiteral("created_at"), auth::isoOrNull(e.createdAt)}};
        if (!e.healthMessage.isEmpty() && e.health != kHealthy) {
            item.insert(QStringLiteral("health_message"), e.healthMessage);
            if (message.isEmpty())
                message = endpoints.size() > 1
                              ? QStringLiteral("%1: %2").arg(e.endpoint, e.healthMessage)
                              : e.healthMessage;
        }
        endpointItems.append(item);
    }
    const QJsonObject fields{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("version"), row.version},
        {QStringLiteral("builtin"), false},
        {QStringLiteral("display_name"), text(row.displayName)},
        {QStringLiteral("description"), text(row.description)},
        {QStringLiteral("category"), text(row.category)},
        {QStringLiteral("icon"), text(row.icon)},
        {QStringLiteral("endpoint"),
         endpoints.isEmpty() ? row.endpoint : endpoints.first().endpoint},
        {QStringLiteral("endpoints"), endpointItems},
        {QStringLiteral("status"), row.status},
        {QStringLiteral("deprecated"), row.status == QLatin1String("deprecated")},
        {QStringLiteral("health"), row.health},
        {QStringLiteral("health_checked_at"), auth::isoOrNull(row.healthCheckedAt)},
        {QStringLiteral("created_by"), row.createdBy},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
        {QStringLiteral("deleted_at"), auth::isoOrNull(row.deletedAt)}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        json.insert(it.key(), it.value());
    if (row.deletedAt == 0 && row.health != kHealthy && !message.isEmpty())
        json.insert(QStringLiteral("health_message"), message);
    return json;
}

Result<QJsonArray> ComponentService::rowsJson(const QList<Row> &rows) const
{
    QStringList ids;
    for (const Row &row : rows)
        ids.append(row.id);
    auto endpoints = repositories::endpointsOf(m_db, ids);
    if (!endpoints)
        return endpoints.error();
    QHash<QString, QList<EndpointRow>> byComponent;
    for (const EndpointRow &e : std::as_const(endpoints.value()))
        byComponent[e.versionId].append(e);
    QJsonArray items;
    for (const Row &row : rows)
        items.append(rowJson(row, byComponent.value(row.id)));
    return items;
}

Result<QJsonObject> ComponentService::oneRowJson(const Row &row) const
{
    auto items = rowsJson({row});
    if (!items)
        return items.error();
    return items.value().first().toObject();
}

QJsonObject ComponentService::builtinJson(const flow::ComponentInterface &iface) const
{
    QJsonObject json = iface.toJson();
    json.insert(QStringLiteral("id"), QJsonValue());
    json.insert(QStringLiteral("builtin"), true);
    // The neutral box when a built-in has no icon of its own (one added
    // without updating builtinComponentIcon).
    const QString icon = builtinComponentIcon(iface.name);
    json.insert(QStringLiteral("icon"), icon.isEmpty() ? QStringLiteral("component") : icon);
    json.insert(QStringLiteral("endpoint"), QJsonValue());
    json.insert(QStringLiteral("endpoints"), QJsonArray());
    json.insert(QStringLiteral("status"), kActive);
    json.insert(QStringLiteral("deprecated"), false);
    // In-process: as healthy as the server answering.
    json.insert(QStringLiteral("health"), kHealthy);
    json.insert(QStringLiteral("health_checked_at"), QJsonValue());
    return json;
}

Status ComponentService::checkInterface(const flow::ComponentInterface &iface) const
{
    // Names and versions come from the endpoint's manifest, not from the
    // user who registers it: bound them like every other stored name (a
    // name is listed, searched and drawn on canvas nodes), and never echo
    // an over-long one whole.
    constexpr qsizetype kMaxName = 255;
    constexpr qsizetype kMaxVersion = 64;
    constexpr qsizetype kQuoted = 60;
    const auto tooLong = [&](const QString &field, const QString &value, qsizetype limit) {
        const QString quoted = iface.name.size() <= kQuoted
                                   ? iface.name
                                   : iface.name.left(kQuoted - 1) + QChar(0x2026);
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("component \"%1\": %2 must be at most %3 characters")
                         .arg(quoted, field)
                         .arg(limit),
                     {{QStringLiteral("field"), field},
                      {QStringLiteral("max_length"), limit},
                      {QStringLiteral("length"), value.size()}}};
    };
    if (iface.name.size() > kMaxName)
        return tooLong(QStringLiteral("name"), iface.name, kMaxName);
    if (iface.version.size() > kMaxVersion)
        return tooLong(QStringLiteral("version"), iface.version, kMaxVersion);
    if (!flow::SemanticVersion::parse(iface.version))
        return interfaceError(iface, QStringLiteral("version"),
                              QStringLiteral("\"%1\" is not a semantic version "
                                             "(MAJOR.MINOR.PATCH, optionally -pre-release)")
                                  .arg(iface.version));
    // valijson through the safe wrapper: a malformed schema is an error
    // here, never an abort().
    auto schemaOk = [&](const QJsonObject &schema, const QString &field) -> Status {
        if (schema.isEmpty())
            return {};
        auto validator = flow::ConfigSchemaValidator::create(schema);
        if (!validator)
            return interfaceError(
                iface, field,
                QStringLiteral("is not a valid JSON Schema: %1").arg(validator.error().message));
        return {};
    };
    if (Status ok = schemaOk(iface.configSchema, QStringLiteral("configSchema")); !ok)
        return ok;
    auto portsOk = [&](const QList<flow::PortDef> &ports, const QString &side) -> Status {
        for (const flow::PortDef &port : ports) {
            if (Status ok =
                    schemaOk(port.schema, QStringLiteral("%1.%2.schema").arg(side, port.name));
                !ok)
                return ok;
        }
        return {};
    };
    if (Status ok = portsOk(iface.inputs, QStringLiteral("inputs")); !ok)
        return ok;
    return portsOk(iface.outputs, QStringLiteral("outputs"));
}

Status ComponentService::loadRegistered()
{
    for (const flow::ComponentInterface &iface : m_host.registry().interfaces())
        m_builtinNames.insert(iface.name);
    auto live = repositories::liveComponents(m_db);
    if (!live)
        return live.error();
    auto endpoints = repositories::liveEndpoints(m_db);
    if (!endpoints)
        return endpoints.error();
    QHash<QString, QList<EndpointRow>> byComponent;
    for (const EndpointRow &e : std::as_const(endpoints.value()))
        byComponent[e.versionId].append(e);
    for (const Row &row : std::as_const(live.value())) {
        auto iface = flow::ComponentInterface::fromJson(row.interfaceDef, row.name, row.version);
        if (!iface) {
            // One bad row must not keep the server down; the others load.
            qCWarning(lcServer).noquote()
                << "component" << row.name << row.version
                << "not loaded: stored interface invalid:" << iface.error().message;
            continue;
        }
        auto set = std::make_shared<engine::ComponentEndpoints>();
        // The stored verdicts until the first check (startHealthChecks).
        for (const EndpointRow &e : byComponent.value(row.id))
            set->add(QUrl(e.endpoint), e.health != kUnhealthy);
        auto executor = m_host.addHttpComponent(std::move(iface).value(), set);
        m_executors.insert(key(row.name, row.version), executor);
        if (row.status == kDisabled)
            m_host.disableComponent(row.name, row.version);
        if (row.status == kDeprecated)
            m_host.deprecateComponent(row.name, row.version, true);
    }
    qCInfo(lcServer) << "registered components loaded:" << m_executors.size();
    return {};
}

void ComponentService::startHealthChecks()
{
    if (m_timer.interval() > 0)
        m_timer.start();
    checkAll();
}

void ComponentService::checkAll()
{
    const auto endpoints = repositories::componentEndpoints(m_db, kDisabled);
    if (!endpoints) {
        qCWarning(lcServer).noquote() << "component health check:" << endpoints.error().toString();
        return;
    }
    for (const QString &endpoint : endpoints.value())
        checkEndpoint(endpoint, {});
}

void ComponentService::checkEndpoint(const QString &endpoint, std::function<void()> then)
{
    // One check per endpoint at a time; later callers wait for its answer.
    const bool running = m_checking.contains(endpoint);
    QList<std::function<void()>> &waiters = m_checking[endpoint];
    if (then)
        waiters.append(std::move(then));
    if (running)
        return;
    QPointer<ComponentService> self(this);
    engine::checkHealth(
        *m_network, QUrl(endpoint), [self, endpoint](Result<engine::ComponentHealth> health) {
            if (!self || self->m_closing)
                return;
            self->applyHealth(endpoint, health);
            const QList<std::function<void()>> done = self->m_checking.take(endpoint);
            for (const auto &f : done)
                f();
        });
}

void ComponentService::updateSummary(const QString &componentId, qint64 now)
{
    auto endpoints = repositories::endpointsOf(m_db, {componentId});
    if (!endpoints) {
        qCWarning(lcServer).noquote() << "component health:" << endpoints.error().toString();
        return;
    }
    auto before = repositories::componentById(m_db, componentId);
    const QString health = summaryHealth(endpoints.value());
    if (Status written = repositories::setComponentHealth(m_db, componentId, health, now);
        !written) {
        qCWarning(lcServer).noquote()
            << "component health not stored:" << written.error().toString();
        return;
    }
    // Live consoles hear of a change of the summary, not of every check.
    if (!before || before.value().isEmpty() || before.value().first().health == health)
        return;
    auto after = repositories::componentById(m_db, componentId);
    if (!after || after.value().isEmpty())
        return;
    auto json = oneRowJson(after.value().first());
    if (!json)
        return;
    QJsonObject data = eventData(json.value());
    data.insert(QStringLiteral("changed"), QJsonArray{QStringLiteral("health")});
    emit changed(QStringLiteral("component_updated"), data);
}

QJsonObject ComponentService::eventData(const QJsonObject &row)
{
    QJsonObject data{{QStringLiteral("component_id"), row.value(QStringLiteral("id"))}};
    for (const char *field : {"name", "version", "display_name", "description", "category", "icon",
                              "status", "deprecated", "health", "builtin"})
        data.insert(QLatin1String(field), row.value(QLatin1String(field)));
    return data;
}

void ComponentService::applyHealth(const QString &endpoint,
                                   const Result<engine::ComponentHealth> &health)
{
    auto live = repositories::liveEndpointsAt(m_db, endpoint);
    if (!live) {
        qCWarning(lcServer).noquote() << "component health check:" << live.error().toString();
        return;
    }
    const qint64 now = nowMs();
    for (const EndpointRow &row : std::as_const(live.value())) {
        QString verdict = kUnhealthy;
        QString message;
        if (health) {
            const auto &served = health.value().components;
            const bool listed =
                served.isEmpty() || served.contains(qMakePair(row.name, row.version));
            verdict = listed ? kHealthy : kDegraded;
            if (!listed)
                message = QStringLiteral("the service is healthy but does not list %1 %2")
                              .arg(row.name, row.version);
        } else {
            message = health.error().message;
        }
        if (verdict != row.health)
            qCInfo(lcServer).noquote()
                << "component" << row.name << row.version << "at" << endpoint << "is now" << verdict
                << (message.isEmpty() ? QString() : message);
        if (const auto executor = m_executors.value(key(row.name, row.version)))
            executor->endpoints()->setAvailable(QUrl(endpoint), verdict != kUnhealthy);
        if (Status written = repositories::setEndpointHealth(m_db, row.id, verdict, message, now);
            !written)
            qCWarning(lcServer).noquote()
                << "component health not stored:" << written.error().toString();
        updateSummary(row.versionId, now);
    }
}

void ComponentService::registerEndpoint(const QString &endpointText, const QString &name,
                                        const repositories::ComponentInfo &info,
                                        const QString &createdBy, Done<QJsonArray> done)
{
    if (name.isEmpty() && !info.isEmpty()) {
        QTimer::singleShot(0, this, [done] {
            done(Error{ErrorCode::ValidationError,
                       QStringLiteral("name: is required with display_name, description, "
                                      "category or icon"),
                       {{QStringLiteral("field"), QStringLiteral("name")}}});
        });
        return;
    }
    auto endpoint = normalizedEndpoint(endpointText);
    if (!endpoint) {
        // Always later, like every other answer.
        QTimer::singleShot(0, this, [done, error = endpoint.error()] { done(error); });
        return;
    }
    const QString url = endpoint.value();
    QPointer<ComponentService> self(this);
    engine::checkHealth(
        *m_network, QUrl(url),
        [self, url, name, info, createdBy, done](Result<engine::ComponentHealth> health) {
            if (!self || self->m_closing)
                return;
            if (!health) {
                Error error = health.error();
                error.code = ErrorCode::ComponentUnavailable; // also for a non-JSON answer
                error.message = QStringLiteral("not registered: %1").arg(error.message);
                error.details.insert(QStringLiteral("endpoint"), url);
                return done(error);
            }
            engine::fetchInterfaces(
                *self->m_network, QUrl(url),
                [self, url, name, info, createdBy,
                 done](Result<QList<flow::ComponentInterface>> found) {
                    if (!self || self->m_closing)
                        return;
                    if (!found) {
                        Error error = found.error();
                        error.message = QStringLiteral("not registered: %1").arg(error.message);
                        error.details.insert(QStringLiteral("endpoint"), url);
                        return done(error);
                    }
                    auto stored = self->store(url, found.value(), name, info, createdBy);
                    if (stored)
                        for (const QJsonValue item : std::as_const(stored.value()))
                            emit self->changed(QStringLiteral("component_registered"),
                                               eventData(item.toObject()));
                    done(stored);
                });
        });
}

Result<QJsonArray> ComponentService::store(const QString &endpoint,
                                           const QList<flow::ComponentInterface> &found,
                                           const QString &name,
                                           const repositories::ComponentInfo &info,
                                           const QString &createdBy)
{
    QList<flow::ComponentInterface> chosen;
    for (const flow::ComponentInterface &iface : found) {
        if (name.isEmpty() || iface.name == name)
            chosen.append(iface);
    }
    if (chosen.isEmpty())
        return Error{
            ErrorCode::ComponentNotFound,
            name.isEmpty()
                ? QStringLiteral("%1 serves no components").arg(endpoint)
                : QStringLiteral("%1 does not serve a component \"%2\"").arg(endpoint, name),
            {{QStringLiteral("endpoint"), endpoint}}};
    for (const flow::ComponentInterface &iface : std::as_const(chosen)) {
        if (Status checked = checkInterface(iface); !checked) {
            Error error = checked.error();
            error.message = QStringLiteral("not registered: %1").arg(error.message);
            error.details.insert(QStringLiteral("endpoint"), endpoint);
            return error;
        }
    }

    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    const qint64 now = nowMs();
    QStringList ids;
    QList<flow::ComponentInterface> added;   // new rows
    QList<flow::ComponentInterface> widened; // new endpoint of a live row
    for (const flow::ComponentInterface &iface : std::as_const(chosen)) {
        if (m_builtinNames.contains(iface.name))
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("\"%1\" is a built-in component").arg(iface.name),
                         {{QStringLiteral("name"), iface.name}}};
        const QJsonObject details{{QStringLiteral("name"), iface.name},
                                  {QStringLiteral("version"), iface.version},
                                  {QStringLiteral("endpoint"), endpoint}};
        auto live = repositories::liveComponent(m_db, iface.name, iface.version);
        if (!live)
            return live.error();
        repositories::StoredEndpoint endpointRow;
        endpointRow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        endpointRow.endpoint = endpoint;
        endpointRow.health = kHealthy;
        endpointRow.healthCheckedAt = now;
        endpointRow.createdBy = createdBy;
        endpointRow.createdAt = now;
        if (!live.value().isEmpty()) {
            // Another endpoint of a registered version: same interface only.
            const Row &row = live.value().first();
            auto existing = repositories::endpointsOf(m_db, {row.id});
            if (!existing)
                return existing.error();
            for (const EndpointRow &e : std::as_const(existing.value())) {
                if (e.endpoint == endpoint)
                    return Error{ErrorCode::ResourceAlreadyExists,
                                 QStringLiteral("component %1 %2 is already registered at %3")
                                     .arg(iface.name, iface.version, endpoint),
                                 details};
            }
            auto stored =
                flow::ComponentInterface::fromJson(row.interfaceDef, row.name, row.version);
            // A version registered before property orders were kept
            // differs from its fetch only in those.
            const auto plain = [](const flow::ComponentInterface &i) {
                return flow::schemaorder::withoutOrder(i.toJson());
            };
            if (!stored || plain(stored.value()) != plain(iface))
                return Error{ErrorCode::ResourceAlreadyExists,
                             QStringLiteral("component %1 %2 is already registered with another "
                                            "interface (endpoint %3); a changed interface needs a "
                                            "new version")
                                 .arg(iface.name, iface.version, row.endpoint),
                             details};
            endpointRow.versionId = row.id;
            if (Status inserted = repositories::insertComponentEndpoint(m_db, endpointRow);
                !inserted)
                return inserted.error();
            ids.append(row.id);
            widened.append(iface);
            continue;
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        repositories::StoredComponent row;
        row.id = id;
        row.name = iface.name;
        row.version = iface.version;
        row.displayName = info.displayName.value_or(iface.name);
        row.description = info.description.value_or(QString());
        row.category = info.category.value_or(QString());
        row.icon = info.icon.value_or(QString());
        row.endpoint = endpoint;
        row.interfaceDef = iface.toJson();
        row.status = kActive;
        row.health = kHealthy;
        row.healthCheckedAt = now;
        row.createdBy = createdBy;
        row.createdAt = now;
        row.updatedAt = now;
        if (Status inserted = repositories::insertComponent(m_db, row); !inserted)
            return inserted.error();
        endpointRow.versionId = id;
        if (Status inserted = repositories::insertComponentEndpoint(m_db, endpointRow); !inserted)
            return inserted.error();
        ids.append(id);
        added.append(iface);
    }
    for (const QString &id : std::as_const(ids))
        updateSummary(id, now);
    // The name's own fields, also when it was registered before.
    if (!name.isEmpty()) {
        if (Status updated = repositories::updateComponentInfo(m_db, name, info, now); !updated)
            return updated.error();
    }
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();

    // Stored: flows may use them from now on.
    for (const flow::ComponentInterface &iface : std::as_const(added)) {
        auto set = std::make_shared<engine::ComponentEndpoints>(QList<QUrl>{QUrl(endpoint)});
        m_executors.insert(key(iface.name, iface.version), m_host.addHttpComponent(iface, set));
        qCInfo(lcServer).noquote()
            << "component" << iface.name << iface.version << "registered at" << endpoint;
    }
    for (const flow::ComponentInterface &iface : std::as_const(widened)) {
        if (const auto executor = m_executors.value(key(iface.name, iface.version)))
            executor->endpoints()->add(QUrl(endpoint));
        qCInfo(lcServer).noquote()
            << "component" << iface.name << iface.version << "also served at" << endpoint;
    }
    auto stored = repositories::componentsByIds(m_db, ids);
    if (!stored)
        return stored.error();
    return rowsJson(stored.value());
}

Result<QJsonArray> ComponentService::list(const QString &name)
{
    // Live rows, and for a name and version without one its latest
    // deleted row, so a deleted component still shows (as disabled).
    auto registered = repositories::listedComponents(m_db, name);
    if (!registered)
        return registered.error();
    auto registeredJson = rowsJson(registered.value());
    if (!registeredJson)
        return registeredJson.error();

    QList<QJsonObject> ordered;
    for (const flow::ComponentInterface &iface : m_host.registry().interfaces()) {
        if (!m_builtinNames.contains(iface.name) || (!name.isEmpty() && iface.name != name))
            continue;
        ordered.append(builtinJson(iface));
    }
    for (const QJsonValue item : std::as_const(registeredJson.value()))
        ordered.append(item.toObject());
    if (ordered.isEmpty() && !name.isEmpty())
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no component \"%1\"").arg(name),
                     {{QStringLiteral("name"), name}}};
    // By name, then version precedence (1.2.0 before 1.10.0, 2.0.0-rc.1
    // before 2.0.0).
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const QString an = a.value(QStringLiteral("name")).toString();
            const QString bn = b.value(QStringLiteral("name")).toString();
            if (an != bn)
                return an < bn;
            return flow::compareVersions(a.value(QStringLiteral("version")).toString(),
                                         b.value(QStringLiteral("version")).toString()) < 0;
        });
    QJsonArray items;
    for (const QJsonObject &item : std::as_const(ordered))
        items.append(item);
    return items;
}

Result<QJsonObject> ComponentService::remove(const QString &name, const QString &version)
{
    if (m_builtinNames.contains(name))
        return Error{
            ErrorCode::ValidationError,
            QStringLiteral("\"%1\" is a built-in component and cannot be deleted").arg(name),
            {{QStringLiteral("name"), name}}};
    auto live = repositories::liveComponent(m_db, name, version);
    if (!live)
        return live.error();
    if (live.value().isEmpty())
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no registered component %1 %2").arg(name, version),
                     {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}}};
    const Row &row = live.value().first();
    const qint64 now = nowMs();
    {
        auto transaction = m_db.begin();
        if (!transaction)
            return transaction.error();
        if (Status written = repositories::markComponentDeleted(m_db, row.id, kDisabled, now);
            !written)
            return written.error();
        if (Status committed = transaction.value().commit(); !committed)
            return committed.error();
    }
    // Hidden from new flows; executions that planned with it keep it.
    m_host.disableComponent(name, version);
    m_executors.remove(key(name, version));
    qCInfo(lcServer).noquote() << "component" << name << version << "deleted";
    auto deleted = repositories::componentById(m_db, row.id);
    if (!deleted)
        return deleted.error();
    auto json = oneRowJson(deleted.value().first());
    if (json)
        emit changed(QStringLiteral("component_deleted"), eventData(json.value()));
    return json;
}

Result<QJsonObject> ComponentService::setDeprecated(const QString &name, const QString &version,
                                                    bool deprecated)
{
    if (m_builtinNames.contains(name))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("\"%1\" is a built-in component").arg(name),
                     {{QStringLiteral("name"), name}}};
    auto live = repositories::liveComponent(m_db, name, version);
    if (!live)
        return live.error();
    if (live.value().isEmpty())
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no registered component %1 %2").arg(name, version),
                     {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}}};
    const Row &row = live.value().first();
    const QString status = deprecated ? kDeprecated : kActive;
    if (row.status != status) {
        if (Status written = repositories::setComponentStatus(m_db, row.id, status, nowMs());
            !written)
            return written.error();
        m_host.deprecateComponent(name, version, deprecated);
        qCInfo(lcServer).noquote() << "component" << name << version << "is now" << status;
    }
    auto updated = repositories::componentById(m_db, row.id);
    if (!updated)
        return updated.error();
    auto json = oneRowJson(updated.value().first());
    if (json && row.status != status) {
        QJsonObject data = eventData(json.value());
        data.insert(QStringLiteral("changed"), QJsonArray{QStringLiteral("status")});
        emit changed(QStringLiteral("component_updated"), data);
    }
    return json;
}

Result<ComponentService::UpdatedInfo>
ComponentService::updateInfo(const QString &name, const repositories::ComponentInfo &info)
{
    if (m_builtinNames.contains(name))
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("\"%1\" is a built-in component").arg(name),
                     {{QStringLiteral("name"), name}}};
    auto rows = repositories::listedComponents(m_db, name);
    if (!rows)
        return rows.error();
    QString componentId;
    for (const Row &row : std::as_const(rows.value())) {
        if (row.deletedAt == 0) {
            componentId = row.componentId;
            break;
        }
    }
    if (componentId.isEmpty())
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no registered component \"%1\"").arg(name),
                     {{QStringLiteral("name"), name}}};
    if (Status updated = repositories::updateComponentInfo(m_db, name, info, nowMs()); !updated)
        return updated.error();
    qCInfo(lcServer).noquote() << "component" << name << "name-level fields changed";
    auto items = list(name);
    if (!items)
        return items.error();
    return UpdatedInfo{componentId, items.value()};
}

Result<QJsonArray> ComponentService::usage(const QString &name, const QString &version,
                                           const auth::Principal &principal)
{
    auto known = list(name);
    if (!known)
        return known.error();
    if (!version.isEmpty()) {
        bool found = false;
        for (const QJsonValue item : std::as_const(known.value()))
            found = found || item[QStringLiteral("version")].toString() == version;
        if (!found)
            return Error{ErrorCode::ComponentNotFound,
                         QStringLiteral("no component %1 %2").arg(name, version),
                         {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}}};
    }
    QVariantList binds;
    const QString condition =
        repositories::viewableFlowCondition(principal, QStringLiteral("f.id"), binds);
    auto versions = repositories::flowVersionsMentioning(m_db, name, condition, binds);
    if (!versions)
        return versions.error();
    QJsonArray items;
    for (const repositories::FlowVersionText &v : std::as_const(versions.value())) {
        const QJsonObject definition = QJsonDocument::fromJson(v.definition.toUtf8()).object();
        QJsonArray nodes;
        QStringList usedVersions;
        for (const QJsonValue node : definition.value(QStringLiteral("nodes")).toArray()) {
            const QString component = node[QStringLiteral("component")].toString();
            const QString nodeVersion = node[QStringLiteral("version")].toString();
            if (component != name || (!version.isEmpty() && nodeVersion != version))
                continue;
            nodes.append(node[QStringLiteral("id")].toString());
            if (!usedVersions.contains(nodeVersion))
                usedVersions.append(nodeVersion);
        }
        if (nodes.isEmpty())
            continue;
        std::sort(usedVersions.begin(), usedVersions.end(), [](const QString &a, const QString &b) {
            return flow::compareVersions(a, b) < 0;
        });
        items.append(QJsonObject{
            {QStringLiteral("flow_id"), v.flowId},
            {QStringLiteral("flow_name"), v.flowName},
            {QStringLiteral("flow_version"), v.version},
            {QStringLiteral("flow_version_status"), v.status},
            {QStringLiteral("component_versions"), QJsonArray::fromStringList(usedVersions)},
            {QStringLiteral("nodes"), nodes}});
    }
    return items;
}

QJsonArray ComponentService::deprecationWarnings(const engine::ExecutorRegistry &registry,
                                                 const QJsonObject &definition)
{
    QJsonArray warnings;
    for (const QJsonValue node : definition.value(QStringLiteral("nodes")).toArray()) {
        const QString component = node[QStringLiteral("component")].toString();
        const QString version = node[QStringLiteral("version")].toString();
        if (!registry.isDeprecated(component, version))
            continue;
        const QString id = node[QStringLiteral("id")].toString();
        warnings.append(QJsonObject{
            {QStringLiteral("code"), QStringLiteral("DEPRECATED_COMPONENT_VERSION")},
            {QStringLiteral("message"),
             QStringLiteral("node %1 uses %2 %3, which is deprecated").arg(id, component, version)},
            {QStringLiteral("node"), id},
            {QStringLiteral("component"), component},
            {QStringLiteral("version"), version}});
    }
    return warnings;
}

void ComponentService::recheck(const QString &name, const QString &version, Done<QJsonObject> done)
{
    auto answer = [this, name, version]() -> Result<QJsonObject> {
        auto live = repositories::liveComponent(m_db, name, version);
        if (!live)
            return live.error();
        if (!live.value().isEmpty())
            return oneRowJson(live.value().first());
        if (m_builtinNames.contains(name)) {
            if (const flow::ComponentInterface *iface = m_host.registry().find(name, version))
                return builtinJson(*iface);
        }
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no registered component %1 %2").arg(name, version),
                     {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}}};
    };
    auto live = repositories::liveComponent(m_db, name, version);
    QList<EndpointRow> endpoints;
    if (live && !live.value().isEmpty()) {
        auto rows = repositories::endpointsOf(m_db, {live.value().first().id});
        if (rows)
            endpoints = rows.value();
    }
    if (endpoints.isEmpty()) {
        QTimer::singleShot(0, this, [done, result = answer()] { done(result); });
        return;
    }
    // Every endpoint, then one answer.
    auto left = std::make_shared<int>(int(endpoints.size()));
    QPointer<ComponentService> self(this);
    for (const EndpointRow &e : std::as_const(endpoints)) {
        checkEndpoint(e.endpoint, [self, done, answer, left] {
            if (--*left == 0 && self)
                done(answer());
        });
    }
}

} // namespace hm::server
