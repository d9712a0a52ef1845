#include "agent/DockerWatch.h"

#include "agent/DockerEngine.h"
#include "fleet/DockerNames.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace hm::agent {

namespace {

using Health = fleet::ContainerState::Health;

// A list is a few hundred bytes per container; far more than 100 fit.
constexpr qsizetype kMaxWatchListBytes = 4 * 1024 * 1024;
constexpr qsizetype kMaxWatchInspectBytes = 1024 * 1024;

std::optional<Health> watchedHealthFromText(const QString &text)
{
    if (text.contains(QStringLiteral("unhealthy")))
        return Health::Unhealthy;
    if (text.contains(QStringLiteral("healthy")))
        return Health::Healthy;
    if (text.contains(QStringLiteral("starting")))
        return Health::Starting;
    return std::nullopt;
}

// "Up 3 minutes (unhealthy)": Docker's list says it only there.
std::optional<Health> watchedHealthFromStatus(const QString &status)
{
    const qsizetype open = status.lastIndexOf(u'(');
    if (open < 0 || !status.endsWith(u')'))
        return std::nullopt;
    return watchedHealthFromText(status.mid(open));
}

std::optional<QJsonObject> watchedObjectOf(const Result<DockerResponse> &outcome)
{
    if (!outcome || outcome->status >= 400 || outcome->truncated)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(outcome->body);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

DockerWatch::DockerWatch(const QString &socketPath, QObject *parent)
    : QObject(parent), m_engine(new DockerEngine(socketPath, this))
{
}

void DockerWatch::refresh()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    m_engine->request(
        "GET", "/containers/json?all=1", {}, kMaxWatchListBytes,
        [this](Result<DockerResponse> outcome) {
            if (!outcome || outcome->status >= 400 || outcome->truncated)
                return finish(std::nullopt);
            const QJsonDocument document = QJsonDocument::fromJson(outcome->body);
            if (!document.isArray())
                return finish(std::nullopt);
            m_listed.clear();
            QSet<QString> names;
            QSet<QString> ids;
            for (const QJsonValue &value : document.array()) {
                if (m_listed.size() >= fleet::kMaxReportContainers)
                    break;
                const QJsonObject container = value.toObject();
                QString name =
                    container.value(QStringLiteral("Names")).toArray().first().toString();
                if (name.startsWith(u'/'))
                    name.remove(0, 1);
                const QString id = container.value(QStringLiteral("Id")).toString();
                if (!fleet::isDockerContainerName(name) || names.contains(name) ||
                    !fleet::isDockerContainerId(id))
                    continue;
                names.insert(name);
                ids.insert(id);
                Listed listed;
                listed.id = id;
                listed.state.name = name;
                listed.state.running =
                    container.value(QStringLiteral("State")).toString() == QLatin1String("running");
                const auto health =
                    watchedHealthFromStatus(container.value(QStringLiteral("Status")).toString());
                listed.state.health = health.value_or(Health::None);
                listed.healthKnown = health.has_value() || !listed.state.running;
                m_listed.append(listed);
            }
            // Forget the containers that are gone.
            m_hasHealthcheck.removeIf(
                [&ids](QHash<QString, bool>::iterator it) { return !ids.contains(it.key()); });
            inspectFrom(0);
        });
}

void DockerWatch::inspectFrom(qsizetype index)
{
    while (index < m_listed.size() &&
           (m_listed[index].healthKnown || !m_hasHealthcheck.value(m_listed[index].id, true)))
        ++index;
    if (index >= m_listed.size()) {
        QList<fleet::ContainerState> states;
        states.reserve(m_listed.size());
        for (const Listed &listed : std::as_const(m_listed))
            states.append(listed.state);
        m_listed.clear();
        return finish(states);
    }
    const QByteArray path =
        "/containers/" + fleet::dockerPathSegment(m_listed[index].id) + "/json";
    m_engine->request("GET", path, {}, kMaxWatchInspectBytes,
                      [this, index](Result<DockerResponse> outcome) {
                          const auto inspected = watchedObjectOf(outcome);
                          if (inspected && index < m_listed.size()) {
                              const QJsonObject health = inspected->value(QStringLiteral("State"))
                                                             .toObject()
                                                             .value(QStringLiteral("Health"))
                                                             .toObject();
                              const bool has = inspected->value(QStringLiteral("Config"))
                                                   .toObject()
                                                   .value(QStringLiteral("Healthcheck"))
                                                   .isObject();
                              m_hasHealthcheck.insert(m_listed[index].id, has);
                              m_listed[index].state.health =
                                  watchedHealthFromText(health.value(QStringLiteral("Status")).toString())
                                      .value_or(Health::None);
                          }
                          // A container gone meanwhile keeps what the list said.
                          inspectFrom(index + 1);
                      });
}

void DockerWatch::finish(std::optional<QList<fleet::ContainerState>> latest)
{
    m_inFlight = false;
    m_latest = std::move(latest);
    emit refreshed();
}

} // namespace hm::agent
