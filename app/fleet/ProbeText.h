#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace hm::client {
struct ProbeRow;
} // namespace hm::client

namespace hm::app {

// Words of the probes, in the current language: a probe's kind, where it
// runs and how often. One place for the Probes tab and the probe dialog.
class ProbeText
{
    Q_DECLARE_TR_FUNCTIONS(ProbeText)

public:
    // The server's kinds, in the order the console offers them.
    static QStringList kinds();
    // "http" -> "HTTP(S)"; unknown kinds as the server names them.
    static QString kind(const QString &kind);
    // What the target of a kind looks like ("https://example.com/health").
    static QString targetPlaceholder(const QString &kind);
    // Where a probe runs: "All nodes", the node's name, "Label: prod".
    static QString scope(const client::ProbeRow &probe, const QString &nodeName);
    // "Every 1 min".
    static QString interval(int seconds);
    // "Enabled" / "Disabled".
    static QString state(bool enabled);
};

} // namespace hm::app
