#include "server/services/fleet/NodeExposition.h"

#include "server/services/fleet/NodeJson.h"

#include <QMap>

namespace hm::server::fleet {
namespace {

// One family: its name, type, help and how to read it from a node
// (a negative value: not reported, no sample).
struct NodeFamily
{
    const char *name;
    const char *type;
    const char *help;
    std::function<double(const ExposedNode &)> value;
};

double latestValueOr(const ExposedNode &node, double FleetSummary::Latest::*field)
{
    return node.latest ? node.latest.value().*field : -1;
}

QList<NodeFamily> nodeFamilies()
{
    using L = FleetSummary::Latest;
    return {
        {"hivemind_node_up", "gauge", "1 while the node's agent is connected to HiveMind, else 0.",
         [](const ExposedNode &n) { return n.online ? 1.0 : 0.0; }},
        {"hivemind_node_cpu_usage_percent", "gauge", "CPU in use, percent, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::cpu); }},
        {"hivemind_node_memory_usage_percent", "gauge",
         "Memory in use, percent of the total, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::memory); }},
        {"hivemind_node_disk_usage_percent", "gauge",
         "Disk in use, percent of the total, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::disk); }},
        {"hivemind_node_load1", "gauge", "One-minute load average, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::load1); }},
        {"hivemind_node_network_receive_bytes_per_second", "gauge",
         "Bytes received per second, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::networkIn); }},
        {"hivemind_node_network_transmit_bytes_per_second", "gauge",
         "Bytes sent per second, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::networkOut); }},
        {"hivemind_node_uptime_seconds", "gauge", "Seconds since the node booted, latest report.",
         [](const ExposedNode &n) { return latestValueOr(n, &L::uptime); }},
        {"hivemind_node_last_report_timestamp_seconds", "gauge",
         "When the latest report's sample was taken, seconds since 1970 UTC.",
         [](const ExposedNode &n) {
             return n.latest && n.latest->timeMs > 0 ? double(n.latest->timeMs) / 1000.0 : -1.0;
         }},
    };
}

// {node_id="…",node="…",label_…="…"} of one node; a label key given twice
// keeps its last value, as a map insert does (Prometheus refuses a series
// with a label name twice).
QByteArray nodeLabelSet(const repositories::NodeRow &row)
{
    QMap<QString, QString> extra;
    for (const QString &label : nodeLabelList(row)) {
        const qsizetype colon = label.indexOf(u':');
        const QString key = colon < 0 ? label : label.left(colon);
        const QString value = colon < 0 ? QStringLiteral("true") : label.mid(colon + 1);
        extra.insert(prometheusLabelName(key), value);
    }
    QByteArray out =
        "{node_id=\"" + escapeLabelValue(row.id) + "\",node=\"" + escapeLabelValue(row.name) + '"';
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        out += ',' + it.key().toLatin1() + "=\"" + escapeLabelValue(it.value()) + '"';
    out += '}';
    return out;
}

} // namespace

QString prometheusLabelName(const QString &key)
{
    QString name = QStringLiteral("label_");
    name.reserve(name.size() + key.size());
    for (const QChar c : key) {
        const char16_t u = c.unicode();
        const bool allowed =
            (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
        name += allowed ? c : QChar(u'_');
    }
    return name;
}

QByteArray escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray renderNodeExposition(const QList<ExposedNode> &nodes)
{
    QList<QByteArray> labels;
    labels.reserve(nodes.size());
    for (const ExposedNode &node : nodes)
        labels.append(nodeLabelSet(node.row));
    QByteArray out;
    for (const NodeFamily &family : nodeFamilies()) {
        QByteArray samples;
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            const double value = family.value(nodes.at(i));
            if (value < 0)
                continue;
            samples += family.name + labels.at(i) + ' ' + QByteArray::number(value, 'g', 15) + '\n';
        }
        if (samples.isEmpty())
            continue;
        out += QByteArray("# HELP ") + family.name + ' ' + family.help + '\n';
        out += QByteArray("# TYPE ") + family.name + ' ' + family.type + '\n';
        out += samples;
    }
    // An empty body would not be a text answer; a comment is a valid,
    // empty exposition.
    if (out.isEmpty())
        out = "# no enrolled nodes\n";
    return out;
}

} // namespace hm::server::fleet
