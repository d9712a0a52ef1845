#pragma once

// Runs the probes the server's settings list (issue 35, "Probes"): each
// enabled probe on its own interval, at most maxConcurrent at a time, each
// ended by its timeout. The newest result per probe waits in takeMetrics()
// for the next report, so results travel (and are buffered offline) like
// every other metric.
//
// The agent's own config decides: without the "probes" capability the
// runner runs nothing, whatever the server sends.

#include "agent/ProbeCheck.h"
#include "agent/ProbeResult.h"
#include "fleet/ProbeTarget.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <map>
#include <memory>

namespace hm::agent {

struct ProbeRunnerConfig
{
    bool granted = false; // the agent's config grants "probes"
    int maxConcurrent = 4;
    // New probes' first runs are spread over this many seconds (or their
    // interval, if shorter), so 64 new probes do not fire at once; the
    // first of them runs at once.
    int spreadSeconds = 10;
    // How long a second of interval and spread is. Tests shrink it to run
    // a 10 s probe every few milliseconds; timeouts are never scaled.
    int msPerIntervalSecond = 1000;
};

class ProbeRunner : public QObject
{
    Q_OBJECT
public:
    explicit ProbeRunner(ProbeRunnerConfig config, QObject *parent = nullptr);
    ~ProbeRunner() override;

    // The server's list (settings.probes). Disabled probes do not run.
    // A probe whose definition did not change keeps its schedule; a
    // removed or changed one is cancelled, its pending result dropped.
    void setProbes(const QList<fleet::ProbeTarget> &probes);

    // The newest result of each probe that finished since the last call,
    // as metric values: whole probes, at most maxValues values; what does
    // not fit waits for the next call. A result is reported once.
    QList<fleet::MetricValue> takeMetrics(int maxValues);

    // The ids of the probes scheduled now, sorted.
    QStringList scheduledIds() const;
    int runningCount() const { return m_running; }

signals:
    void resultReady(const hm::agent::ProbeResult &result);

private:
    struct Scheduled
    {
        fleet::ProbeTarget probe;
        QTimer timer;    // the interval; the first shot is the spread delay
        QTimer deadline; // the running check's timeout
        std::unique_ptr<ProbeCheck> check;
        bool queued = false;
    };

    void schedule(const fleet::ProbeTarget &probe, int delayMs);
    void remove(const QString &id);
    void due(const QString &id);
    void pump();
    void finish(const QString &id, const ProbeResult &result);

    ProbeRunnerConfig m_config;
    // Two, because Qt remembers ignored certificate errors on a cached
    // connection: a probe with tlsVerify must never share one with a probe
    // without it.
    QNetworkAccessManager m_network;
    QNetworkAccessManager m_lenientNetwork;
    std::map<QString, std::unique_ptr<Scheduled>> m_probes;
    QStringList m_queue;
    int m_running = 0;
    QStringList m_resultOrder; // ids with a result not taken yet, oldest first
    QHash<QString, ProbeResult> m_latest;
    bool m_loggedNotGranted = false;
    bool m_loggedFallback = false;
};

} // namespace hm::agent
