#include "server/services/engine/ComponentService.h"

#include "common/Logging.h"
#include "engine/EngineEvent.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/ComponentRepository.h"
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

QJsonObject ComponentService::rowJson(const Row &row) const
{
    auto text = [](const QString &value) {
        return value.isEmpty() ? QJsonValue() : QJsonValue(value);
    };
    // The interface's own members (name, version, inputs, outputs, ...) at
    // the top level, so an item reads as an interface_def, plus the row's.
    QJsonObject json = row.interfaceDef;
    const QJsonObject fields{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("name"), row.name},
        {QStringLiteral("version"), row.version},
        {QStringLiteral("builtin"), false},
        {QStringLiteral("display_name"), text(row.displayName)},
        {QStringLiteral("description"), text(row.description)},
        {QStringLiteral("category"), text(row.category)},
        {QStringLiteral("endpoint"), row.endpoint},
        {QStringLiteral("status"), row.status},
        {QStringLiteral("health"), row.health},
        {QStringLiteral("health_checked_at"), auth::isoOrNull(row.healthCheckedAt)},
        {QStringLiteral("created_by"), row.createdBy},
        {QStringLiteral("created_at"), auth::isoOrNull(row.createdAt)},
        {QStringLiteral("updated_at"), auth::isoOrNull(row.updatedAt)},
        {QStringLiteral("deleted_at"), auth::isoOrNull(row.deletedAt)}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        json.insert(it.key(), it.value());
    const QString message = m_healthMessages.value(key(row.name, row.version));
    if (row.deletedAt == 0 && row.health != kHealthy && !message.isEmpty())
        json.insert(QStringLiteral("health_message"), message);
    return json;
}

QJsonObject ComponentService::builtinJson(const flow::ComponentInterface &iface) const
{
    QJsonObject json = iface.toJson();
    json.insert(QStringLiteral("id"), QJsonValue());
    json.insert(QStringLiteral("builtin"), true);
    json.insert(QStringLiteral("endpoint"), QJsonValue());
    json.insert(QStringLiteral("status"), kActive);
    // In-process: as healthy as the server answering.
    json.insert(QStringLiteral("health"), kHealthy);
    json.insert(QStringLiteral("health_checked_at"), QJsonValue());
    return json;
}

Status ComponentService::loadRegistered()
{
    for (const flow::ComponentInterface &iface : m_host.registry().interfaces())
        m_builtinNames.insert(iface.name);
    auto live = repositories::liveComponents(m_db);
    if (!live)
        return live.error();
    for (const Row &row : std::as_const(live.value())) {
        auto iface = flow::ComponentInterface::fromJson(row.interfaceDef, row.name, row.version);
        if (!iface) {
            // One bad row must not keep the server down; the others load.
            qCWarning(lcServer).noquote()
                << "component" << row.name << row.version
                << "not loaded: stored interface invalid:" << iface.error().message;
            continue;
        }
        auto executor = m_host.addHttpComponent(std::move(iface).value(), QUrl(row.endpoint));
        // The stored verdict until the first check (startHealthChecks).
        executor->setAvailable(row.health != kUnhealthy);
        m_executors.insert(key(row.name, row.version), executor);
        if (row.status == kDisabled)
            m_host.disableComponent(row.name, row.version);
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

void ComponentService::applyHealth(const QString &endpoint,
                                   const Result<engine::ComponentHealth> &health)
{
    auto live = repositories::liveComponentsAt(m_db, endpoint);
    if (!live) {
        qCWarning(lcServer).noquote() << "component health check:" << live.error().toString();
        return;
    }
    const qint64 now = nowMs();
    for (const Row &row : std::as_const(live.value())) {
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
        const QString k = key(row.name, row.version);
        if (verdict != row.health)
            qCInfo(lcServer).noquote() << "component" << row.name << row.version << "is now"
                                       << verdict << (message.isEmpty() ? QString() : message);
        if (message.isEmpty())
            m_healthMessages.remove(k);
        else
            m_healthMessages.insert(k, message);
        if (const auto executor = m_executors.value(k))
            executor->setAvailable(verdict != kUnhealthy);
        if (Status written = repositories::setComponentHealth(m_db, row.id, verdict, now); !written)
            qCWarning(lcServer).noquote()
                << "component health not stored:" << written.error().toString();
    }
}

void ComponentService::registerEndpoint(const QString &endpointText, const QString &name,
                                        const QString &createdBy, Done<QJsonArray> done)
{
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
        [self, url, name, createdBy, done](Result<engine::ComponentHealth> health) {
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
                [self, url, name, createdBy, done](Result<QList<flow::ComponentInterface>> found) {
                    if (!self || self->m_closing)
                        return;
                    if (!found) {
                        Error error = found.error();
                        error.message = QStringLiteral("not registered: %1").arg(error.message);
                        error.details.insert(QStringLiteral("endpoint"), url);
                        return done(error);
                    }
                    done(self->store(url, found.value(), name, createdBy));
                });
        });
}

Result<QJsonArray> ComponentService::store(const QString &endpoint,
                                           const QList<flow::ComponentInterface> &found,
                                           const QString &name, const QString &createdBy)
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

    auto transaction = m_db.begin();
    if (!transaction)
        return transaction.error();
    const qint64 now = nowMs();
    QStringList ids;
    for (const flow::ComponentInterface &iface : std::as_const(chosen)) {
        if (m_builtinNames.contains(iface.name))
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("\"%1\" is a built-in component").arg(iface.name),
                         {{QStringLiteral("name"), iface.name}}};
        auto taken = repositories::liveComponentEndpoint(m_db, iface.name, iface.version);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error{
                ErrorCode::ResourceAlreadyExists,
                QStringLiteral("component %1 %2 is already registered (endpoint %3)")
                    .arg(iface.name, iface.version, *taken.value()),
                {{QStringLiteral("name"), iface.name}, {QStringLiteral("version"), iface.version}}};
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        repositories::StoredComponent row;
        row.id = id;
        row.name = iface.name;
        row.version = iface.version;
        row.displayName = iface.name;
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
        ids.append(id);
    }
    if (Status committed = transaction.value().commit(); !committed)
        return committed.error();

    // Stored: flows may use them from now on.
    for (const flow::ComponentInterface &iface : std::as_const(chosen)) {
        const QString k = key(iface.name, iface.version);
        m_healthMessages.remove(k);
        m_executors.insert(k, m_host.addHttpComponent(iface, QUrl(endpoint)));
        qCInfo(lcServer).noquote()
            << "component" << iface.name << iface.version << "registered at" << endpoint;
    }
    auto stored = repositories::componentsByIds(m_db, ids);
    if (!stored)
        return stored.error();
    QJsonArray items;
    for (const Row &row : std::as_const(stored.value()))
        items.append(rowJson(row));
    return items;
}

Result<QJsonArray> ComponentService::list(const QString &name)
{
    // Live rows, and for a name and version without one its latest
    // deleted row, so a deleted component still shows (as disabled).
    auto registered = repositories::listedComponents(m_db, name);
    if (!registered)
        return registered.error();

    QSet<QString> registeredKeys;
    for (const Row &row : std::as_const(registered.value()))
        registeredKeys.insert(key(row.name, row.version));
    QMap<QString, QJsonObject> ordered; // name, version
    for (const flow::ComponentInterface &iface : m_host.registry().interfaces()) {
        if (!m_builtinNames.contains(iface.name) || (!name.isEmpty() && iface.name != name))
            continue;
        ordered.insert(key(iface.name, iface.version), builtinJson(iface));
    }
    for (const Row &row : std::as_const(registered.value()))
        ordered.insert(key(row.name, row.version), rowJson(row));
    if (ordered.isEmpty() && !name.isEmpty())
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no component \"%1\"").arg(name),
                     {{QStringLiteral("name"), name}}};
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
    if (Status written = repositories::markComponentDeleted(m_db, row.id, kDisabled, now); !written)
        return written.error();
    // Hidden from new flows; executions that planned with it keep it.
    const QString k = key(name, version);
    m_host.disableComponent(name, version);
    m_executors.remove(k);
    m_healthMessages.remove(k);
    qCInfo(lcServer).noquote() << "component" << name << version << "deleted";
    auto deleted = repositories::componentById(m_db, row.id);
    if (!deleted)
        return deleted.error();
    return rowJson(deleted.value().first());
}

void ComponentService::recheck(const QString &name, const QString &version, Done<QJsonObject> done)
{
    auto answer = [this, name, version]() -> Result<QJsonObject> {
        auto live = repositories::liveComponent(m_db, name, version);
        if (!live)
            return live.error();
        if (!live.value().isEmpty())
            return rowJson(live.value().first());
        if (m_builtinNames.contains(name)) {
            if (const flow::ComponentInterface *iface = m_host.registry().find(name, version))
                return builtinJson(*iface);
        }
        return Error{ErrorCode::ComponentNotFound,
                     QStringLiteral("no registered component %1 %2").arg(name, version),
                     {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}}};
    };
    auto live = repositories::liveComponent(m_db, name, version);
    if (!live || live.value().isEmpty()) {
        QTimer::singleShot(0, this, [done, result = answer()] { done(result); });
        return;
    }
    QPointer<ComponentService> self(this);
    checkEndpoint(live.value().first().endpoint, [self, done, answer] {
        if (self)
            done(answer());
    });
}

} // namespace hm::server
