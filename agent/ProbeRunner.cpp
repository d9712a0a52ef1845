#include "agent/ProbeRunner.h"

#include "common/Logging.h"

#include <QNetworkProxy>
#include <QSet>
#include <algorithm>

namespace hm::agent {

ProbeRunner::ProbeRunner(ProbeRunnerConfig config, QObject *parent)
    : QObject(parent), m_config(config)
{
    // Probes measure the target, not a proxy the environment names.
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_lenientNetwork.setProxy(QNetworkProxy::NoProxy);
}

ProbeRunner::~ProbeRunner() = default;

void ProbeRunner::setProbes(const QList<fleet::ProbeTarget> &probes)
{
    if (!m_config.granted) {
        if (!probes.isEmpty() && !std::exchange(m_loggedNotGranted, true))
            qCInfo(lcAgent) << "the server offers probes, but this agent's config does not "
                               "grant the \"probes\" capability: none will run";
        return;
    }
    QSet<QString> wanted;
    QList<fleet::ProbeTarget> fresh;
    for (const fleet::ProbeTarget &probe : probes) {
        if (!probe.enabled)
            continue;
        wanted.insert(probe.id);
        const auto known = m_probes.find(probe.id);
        if (known != m_probes.end() && known->second->probe == probe)
            continue;
        fresh.append(probe);
    }
    QStringList gone;
    for (const auto &[id, scheduled] : m_probes) {
        if (!wanted.contains(id) ||
            std::any_of(fresh.cbegin(), fresh.cend(), [&](const auto &p) { return p.id == id; }))
            gone.append(id);
    }
    for (const QString &id : gone)
        remove(id);
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        const fleet::ProbeTarget &probe = fresh.at(i);
        const qint64 windowMs = qint64(std::min(probe.intervalSeconds, m_config.spreadSeconds)) *
                                m_config.msPerIntervalSecond;
        schedule(probe, int(windowMs * i / fresh.size()));
    }
    if (!gone.isEmpty() || !fresh.isEmpty())
        qCInfo(lcAgent).noquote() << QStringLiteral("probes: %1 scheduled").arg(m_probes.size());
}

void ProbeRunner::schedule(const fleet::ProbeTarget &probe, int delayMs)
{
    auto scheduled = std::make_unique<Scheduled>();
    scheduled->probe = probe;
    const QString id = probe.id;
    const int intervalMs = probe.intervalSeconds * m_config.msPerIntervalSecond;
    scheduled->timer.setTimerType(Qt::CoarseTimer);
    QTimer *timer = &scheduled->timer;
    connect(timer, &QTimer::timeout, this, [this, id, timer, intervalMs] {
        // After the spread delay the probe's own interval.
        if (timer->interval() != intervalMs)
            timer->setInterval(intervalMs);
        due(id);
    });
    scheduled->deadline.setSingleShot(true);
    connect(&scheduled->deadline, &QTimer::timeout, this, [this, id] {
        const auto found = m_probes.find(id);
        if (found != m_probes.end() && found->second->check)
            finish(id, found->second->check->timedOut());
    });
    scheduled->timer.start(delayMs);
    m_probes[id] = std::move(scheduled);
}

void ProbeRunner::remove(const QString &id)
{
    const auto found = m_probes.find(id);
    if (found == m_probes.end())
        return;
    // Destroying the check aborts what it has in flight.
    if (found->second->check)
        --m_running;
    m_probes.erase(found);
    m_queue.removeAll(id);
    m_resultOrder.removeAll(id);
    m_latest.remove(id);
    pump();
}

void ProbeRunner::due(const QString &id)
{
    Scheduled &scheduled = *m_probes.at(id);
    // Still waiting or running from the last time: no second run on top.
    if (scheduled.queued || scheduled.check)
        return;
    scheduled.queued = true;
    m_queue.append(id);
    pump();
}

void ProbeRunner::pump()
{
    while (m_running < m_config.maxConcurrent && !m_queue.isEmpty()) {
        const QString id = m_queue.takeFirst();
        Scheduled &scheduled = *m_probes.at(id);
        scheduled.queued = false;
        scheduled.check = createProbeCheck(
            scheduled.probe, scheduled.probe.tlsVerify ? m_network : m_lenientNetwork);
        ++m_running;
        connect(scheduled.check.get(), &ProbeCheck::finished, this,
                [this, id](const ProbeResult &result) { finish(id, result); });
        scheduled.deadline.start(scheduled.probe.timeoutSeconds * 1000);
        scheduled.check->start();
    }
}

void ProbeRunner::finish(const QString &id, const ProbeResult &result)
{
    const auto found = m_probes.find(id);
    if (found == m_probes.end() || !found->second->check)
        return;
    Scheduled &scheduled = *found->second;
    scheduled.deadline.stop();
    // Called from the check's own signal (or the deadline): delete it
    // later, and make sure a late signal of it cannot count for a next run.
    ProbeCheck *check = scheduled.check.release();
    check->disconnect(this);
    check->deleteLater();
    --m_running;

    if (!m_latest.contains(id))
        m_resultOrder.append(id);
    m_latest.insert(id, result);
    if (result.fallback && !std::exchange(m_loggedFallback, true))
        qCInfo(lcAgent).noquote() << QStringLiteral(
                                         "ICMP probes use a TCP connect to port 80/443 instead: %1")
                                         .arg(result.fallbackReason);
    emit resultReady(result);
    pump();
}

QList<fleet::MetricValue> ProbeRunner::takeMetrics(int maxValues)
{
    QList<fleet::MetricValue> values;
    while (!m_resultOrder.isEmpty()) {
        const QList<fleet::MetricValue> probe =
            probeResultMetrics(m_latest.value(m_resultOrder.first()));
        if (values.size() + probe.size() > maxValues)
            break;
        values += probe;
        m_latest.remove(m_resultOrder.takeFirst());
    }
    return values;
}

QStringList ProbeRunner::scheduledIds() const
{
    QStringList ids;
    for (const auto &entry : m_probes)
        ids.append(entry.first);
    return ids;
}

} // namespace hm::agent
