#include "server/services/fleet/PublicStatus.h"

#include "server/api/AuthCommon.h"
#include "server/repositories/MetricHistoryRepository.h"
#include "server/repositories/SettingsRepository.h"
#include "server/services/fleet/FleetService.h"
#include "server/services/system/Metrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace hm::server::fleet {

namespace {

// The settings table's key of the public page's settings.
const QString kPublicStatusKey = QStringLiteral("fleet.public_status");

bool hasPublicControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

Status checkPublicText(const QString &field, const QString &text, qsizetype max)
{
    if (text.size() > max || hasPublicControlCharacter(text))
        return auth::fieldError(
            field, QStringLiteral("at most %1 characters, no control characters").arg(max));
    return {};
}

QJsonValue percentOrNull(double value)
{
    return value < 0 ? QJsonValue() : QJsonValue(std::round(value * 10) / 10);
}

constexpr qint64 kPublicDayMs = 24 * 60 * 60 * 1000;

} // namespace

const QSet<QString> &publicMetrics()
{
    static const QSet<QString> names = {
        QStringLiteral("cpu_usage"),  QStringLiteral("memory_used"), QStringLiteral("memory_total"),
        QStringLiteral("disk_used"),  QStringLiteral("disk_total"),  QStringLiteral("load_avg_1"),
        QStringLiteral("network_in"), QStringLiteral("network_out"), QStringLiteral("uptime")};
    return names;
}

bool isPublicMetric(const QString &name)
{
    return publicMetrics().contains(name);
}

QJsonObject publicStatusJson(const PublicStatusSettings &settings)
{
    QJsonArray nodes;
    for (const PublicNodeChoice &n : settings.nodes)
        nodes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("display_name"), n.displayName}});
    return QJsonObject{{QStringLiteral("enabled"), settings.enabled},
                       {QStringLiteral("title"), settings.title},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("show_addresses"), settings.showAddresses}};
}

Result<PublicStatusSettings> parsePublicStatus(const QJsonObject &body)
{
    PublicStatusSettings s;
    for (const auto &[field, out] :
         {std::pair{QStringLiteral("enabled"), &s.enabled},
          std::pair{QStringLiteral("show_addresses"), &s.showAddresses}}) {
        const QJsonValue v = body.value(field);
        if (v.isUndefined())
            continue;
        if (!v.isBool())
            return auth::fieldError(field, QStringLiteral("true or false"));
        *out = v.toBool();
    }
    const QJsonValue title = body.value(QStringLiteral("title"));
    if (!title.isUndefined()) {
        if (!title.isString())
            return auth::fieldError(QStringLiteral("title"), QStringLiteral("a string"));
        s.title = title.toString().trimmed();
        if (Status st = checkPublicText(QStringLiteral("title"), s.title, kMaxPublicTitleLength);
            !st)
            return st.error();
    }
    const QJsonValue nodes = body.value(QStringLiteral("nodes"));
    if (nodes.isUndefined())
        return s;
    if (!nodes.isArray() || nodes.toArray().size() > kMaxPublicNodes)
        return auth::fieldError(QStringLiteral("nodes"),
                                QStringLiteral("a list of at most %1 nodes").arg(kMaxPublicNodes));
    QSet<QString> seen;
    for (const QJsonValue &entry : nodes.toArray()) {
        PublicNodeChoice choice;
        // A bare id, or {"id", "display_name"}.
        if (entry.isString()) {
            choice.id = entry.toString();
        } else if (entry.isObject()) {
            const QJsonObject o = entry.toObject();
            if (!o.value(QStringLiteral("id")).isString())
                return auth::fieldError(QStringLiteral("nodes"),
                                        QStringLiteral("each node has a string id"));
            choice.id = o.value(QStringLiteral("id")).toString();
            const QJsonValue name = o.value(QStringLiteral("display_name"));
            if (!name.isUndefined() && !name.isNull()) {
                if (!name.isString())
                    return auth::fieldError(QStringLiteral("display_name"),
                                            QStringLiteral("a string"));
                choice.displayName = name.toString().trimmed();
                if (Status st = checkPublicText(QStringLiteral("display_name"), choice.displayName,
                                                kMaxPublicDisplayNameLength);
                    !st)
                    return st.error();
            }
        } else {
            return auth::fieldError(QStringLiteral("nodes"),
                                    QStringLiteral("node ids or {id, display_name} objects"));
        }
        if (choice.id.isEmpty() || choice.id.size() > 64 || seen.contains(choice.id))
            return auth::fieldError(QStringLiteral("nodes"),
                                    QStringLiteral("each node id once, 1 to 64 characters"));
        seen.insert(choice.id);
        s.nodes.append(choice);
    }
    return s;
}

PublicStatus::PublicStatus(store::Database &db, FleetService &fleet, QObject *parent)
    : QObject(parent), m_db(db), m_fleet(fleet)
{
    // Stored settings that no longer parse (written by hand) leave the page
    // off: the safe side for a public view.
    auto stored = repositories::settingText(m_db, kPublicStatusKey);
    if (stored && stored.value()) {
        auto parsed = parsePublicStatus(QJsonDocument::fromJson(stored.value()->toUtf8()).object());
        if (parsed)
            m_settings = parsed.value();
    }
    connect(&m_fleet, &FleetService::nodeRevoked, this, &PublicStatus::forget);
    connect(&m_fleet, &FleetService::nodeStatusChanged, this,
            [this](const QString &nodeId, bool) { m_availability.remove(nodeId); });
    connect(this, &PublicStatus::changed, this, [this] { m_availability.clear(); });
}

qint64 PublicStatus::now() const
{
    return m_now ? m_now() : auth::nowMs();
}

const PublicNodeChoice *PublicStatus::choice(const QString &nodeId) const
{
    if (!m_settings.enabled)
        return nullptr;
    for (const PublicNodeChoice &n : m_settings.nodes) {
        if (n.id == nodeId)
            return &n;
    }
    return nullptr;
}

bool PublicStatus::shows(const QString &nodeId) const
{
    return choice(nodeId) != nullptr;
}

Result<PublicStatusSettings> PublicStatus::setSettings(const PublicStatusSettings &settings,
                                                       const QString &userId)
{
    for (const PublicNodeChoice &n : settings.nodes) {
        auto row = m_fleet.get(n.id);
        if (!row) {
            if (row.error().code == ErrorCode::ResourceNotFound)
                return auth::fieldError(QStringLiteral("nodes"),
                                        QStringLiteral("unknown node %1").arg(n.id));
            return row.error();
        }
    }
    if (Status s = save(settings, userId); !s)
        return s.error();
    m_settings = settings;
    emit changed();
    return m_settings;
}

Status PublicStatus::save(const PublicStatusSettings &settings, const QString &userId)
{
    return repositories::saveSettingText(
        m_db, kPublicStatusKey,
        QString::fromUtf8(QJsonDocument(publicStatusJson(settings)).toJson(QJsonDocument::Compact)),
        auth::nowMs(), userId);
}

void PublicStatus::forget(const QString &nodeId)
{
    // A deleted node drops out of the page; the row is kept in step so a
    // restart does not bring its id back.
    PublicStatusSettings next = m_settings;
    next.nodes.removeIf([&nodeId](const PublicNodeChoice &n) { return n.id == nodeId; });
    if (next == m_settings)
        return;
    m_settings = next;
    (void)save(m_settings, QString());
    emit changed();
}

QJsonValue PublicStatus::availability(const QString &nodeId, std::optional<qint64> enrolledAt,
                                      qint64 rangeMs) const
{
    Metrics::instance().publicAvailabilityComputed.inc();
    const qint64 now = this->now();
    const qint64 startMs = std::max(now - rangeMs, enrolledAt.value_or(now));
    Result<qint64> withData = qint64(0);
    qint64 spans = 0;
    if (rangeMs <= kPublicDayMs) {
        // Minutes of the raw tier, the current one included.
        const qint64 from = startMs / 60000;
        const qint64 to = now / 60000;
        spans = to - from + 1;
        withData = m_fleet.history().minuteCount(nodeId, from, to);
    } else {
        // Completed 15-minute buckets only: the rollup writes a bucket
        // once its span is over.
        constexpr qint64 kSpan = 15 * 60;
        const qint64 from = (startMs / 1000 + kSpan - 1) / kSpan * kSpan;
        const qint64 to = now / 1000 / kSpan * kSpan - kSpan;
        spans = to < from ? 0 : (to - from) / kSpan + 1;
        if (spans > 0)
            withData = m_fleet.history().bucketCount(nodeId, kSpan, from, to);
    }
    if (!withData || spans <= 0)
        return QJsonValue();
    const double share = 100.0 * double(std::min(withData.value(), spans)) / double(spans);
    return std::round(share * 100) / 100;
}

const PublicStatus::CachedAvailability &
PublicStatus::cachedAvailability(const repositories::NodeRow &node) const
{
    const qint64 at = now();
    auto it = m_availability.find(node.id);
    if (it != m_availability.end() && at >= it->computedAt &&
        at - it->computedAt < kPublicAvailabilityCacheMs)
        return *it;
    // Bounded by the chosen nodes: settings changes clear it, and only a
    // shown node is ever asked for.
    return *m_availability.insert(
        node.id, CachedAvailability{availability(node.id, node.enrolledAt, kPublicDayMs),
                                    availability(node.id, node.enrolledAt, 30 * kPublicDayMs), at});
}

QJsonObject PublicStatus::nodeJson(const PublicNodeChoice &choice,
                                   const repositories::NodeRow &n) const
{
    const CachedAvailability &shares = cachedAvailability(n);
    const bool online = m_fleet.isOnline(n.id);
    const auto latest = m_fleet.latestValues().latest(n.id);
    QJsonObject node{
        {QStringLiteral("id"), n.id},
        {QStringLiteral("name"), choice.displayName.isEmpty() ? n.name : choice.displayName},
        {QStringLiteral("status"), online ? QStringLiteral("online") : QStringLiteral("offline")},
        {QStringLiteral("os"), n.facts.os},
        {QStringLiteral("arch"), n.facts.arch},
        {QStringLiteral("uptime_s"),
         latest && latest->uptime >= 0 ? QJsonValue(qint64(latest->uptime)) : QJsonValue()},
        {QStringLiteral("cpu_percent"), percentOrNull(latest ? latest->cpu : -1)},
        {QStringLiteral("memory_percent"), percentOrNull(latest ? latest->memory : -1)},
        {QStringLiteral("disk_percent"), percentOrNull(latest ? latest->disk : -1)},
        {QStringLiteral("availability_24h"), shares.day},
        {QStringLiteral("availability_30d"), shares.month},
        {QStringLiteral("last_seen"), auth::isoOrNull(n.lastSeenAt.value_or(0))}};
    // The agent reports an address, not a hostname; a node named after
    // its host is shown under a display name when that is private.
    if (m_settings.showAddresses)
        node.insert(QStringLiteral("ip"), n.facts.ip);
    return node;
}

Result<QJsonObject> PublicStatus::nodeJson(const QString &nodeId) const
{
    const PublicNodeChoice *shown = choice(nodeId);
    if (!shown)
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("not shown")};
    auto row = m_fleet.get(nodeId);
    if (!row)
        return row.error();
    return nodeJson(*shown, row.value());
}

Result<QJsonObject> PublicStatus::page() const
{
    QJsonArray nodes;
    for (const PublicNodeChoice &choice : m_settings.nodes) {
        auto row = m_fleet.get(choice.id);
        if (!row) {
            if (row.error().code == ErrorCode::ResourceNotFound)
                continue;
            return row.error();
        }
        nodes.append(nodeJson(choice, row.value()));
    }
    return QJsonObject{{QStringLiteral("title"), m_settings.title},
                       {QStringLiteral("nodes"), nodes}};
}

} // namespace hm::server::fleet
