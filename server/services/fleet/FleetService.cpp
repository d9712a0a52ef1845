#include "server/services/fleet/FleetService.h"

#include "crypto/Random.h"
#include "crypto/Signing.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/MetricHistoryRepository.h"
#include "server/repositories/SettingsRepository.h"
#include "server/services/auth/AccountEvents.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/engine/FlowEngineHost.h"
#include "server/services/fleet/NodeExposition.h"
#include "server/services/fleet/NodeJson.h"
#include "store/Database.h"
#include "store/WriteBehindQueue.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace hm::server::fleet {

using namespace repositories;

namespace {

constexpr qsizetype kMaxNodeNameLength = 64;
constexpr qsizetype kMaxNodeDescriptionLength = 1000;
constexpr int kMaxLabels = 16;
constexpr qsizetype kMaxLabelLength = 32;
// The settings table's key of the agents' settings ({"interval_s": n}).
const QString kAgentSettingsKey = QStringLiteral("fleet.agent");

Error nodeNotFound()
{
    return Error{ErrorCode::ResourceNotFound, QStringLiteral("node not found")};
}

Error fleetFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError,
                 field + QStringLiteral(": ") + message,
                 {{QStringLiteral("field"), field}}};
}

// The address create and update keep (seed 002's server ip) in its
// canonical spelling; empty: none.
Result<QString> checkedIp(const QString &given)
{
    const QString ip = given.trimmed();
    if (ip.isEmpty())
        return QString();
    const QHostAddress address(ip);
    if (address.isNull())
        return fleetFieldError(QStringLiteral("ip"), QStringLiteral("an IPv4 or IPv6 address"));
    return address.toString();
}

bool isLabelCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'_' || u == u'.' || u == u':' || u == u'-';
}

QString labelsText(const QStringList &labels)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(labels)).toJson(QJsonDocument::Compact));
}

// The registration's facts within the columns' sense: texts bounded, counts
// not negative. VALIDATION_ERROR naming the field otherwise.
Status checkFacts(const NodeFacts &facts)
{
    const struct
    {
        const char *field;
        const QString &value;
        qsizetype max;
    } texts[] = {{"ip", facts.ip, 64},
                 {"os", facts.os, 64},
                 {"arch", facts.arch, 32},
                 {"cpu_model", facts.cpuModel, 255},
                 {"system_info", facts.systemInfo, 4096},
                 {"agent_version", facts.agentVersion, 64}};
    for (const auto &text : texts) {
        if (text.value.size() > text.max)
            return fleetFieldError(QLatin1String(text.field),
                                   QStringLiteral("at most %1 characters").arg(text.max));
    }
    if (facts.cpuCores < 0 || facts.cpuCores > 65536)
        return fleetFieldError(QStringLiteral("cpu_cores"), QStringLiteral("0 to 65536"));
    if (facts.memoryTotal < 0 || facts.diskTotal < 0)
        return fleetFieldError(facts.memoryTotal < 0 ? QStringLiteral("memory_total")
                                                     : QStringLiteral("disk_total"),
                               QStringLiteral("not negative"));
    return {};
}

} // namespace

FleetService::FleetService(store::Database &db, FlowEngineHost &host, auth::AccountEvents &events,
                           QObject *parent)
    : QObject(parent), m_db(db), m_host(host), m_events(events), m_now(&auth::nowMs),
      m_history(new MetricHistory(db, host, this)), m_summary(new FleetSummary(db, m_online, this)),
      m_sparklines(
          new NodeSparklines([this](const QString &nodeId, qint64 from,
                                    qint64 to) { return m_history->minutes(nodeId, from, to); },
                             this)),
      m_metricsBatch(new NodeMetricsBatch(NodeMetricsBatch::kDefaultIntervalMs, this)),
      m_calls(new AgentCalls(this))
{
    m_history->setClock([this] { return now(); });
    m_sparklines->setClock([this] { return now(); });
    // Live values for the Nodes list: one batch per interval to everyone
    // who may list nodes (VIEWER included), never journalled for resuming
    // (a console that reconnects reads the sparklines again).
    connect(m_metricsBatch, &NodeMetricsBatch::batchReady, this,
            [this](const std::shared_ptr<const NodeMetricsBatch::Items> &items) {
                auth::AccountEvent event{QStringLiteral("node_metrics"), {}, false, {}, true};
                event.transient = true;
                // Written only if a connection is to get it.
                event.dataText = [items, intervalMs = m_metricsBatch->intervalMs()] {
                    return NodeMetricsBatch::batchText(*items, intervalMs);
                };
                m_events.publish(event);
            });
    // Stored settings, when an administrator changed them; a value out of
    // range (written by hand) keeps the default.
    auto stored = settingText(m_db, kAgentSettingsKey);
    if (stored && stored.value()) {
        const int interval = QJsonDocument::fromJson(stored.value()->toUtf8())
                                 .object()
                                 .value(QStringLiteral("interval_s"))
                                 .toInt();
        if (interval >= 1 && interval <= 3600)
            m_settings.intervalSeconds = interval;
    }
}

Result<hm::fleet::AgentSettings> FleetService::setSettings(const auth::Principal &caller,
                                                           const auth::ClientInfo &client,
                                                           const hm::fleet::AgentSettings &settings)
{
    if (settings.intervalSeconds < 1 || settings.intervalSeconds > 3600)
        return fleetFieldError(QStringLiteral("interval_s"), QStringLiteral("1 to 3600 seconds"));
    if (settings == m_settings)
        return m_settings;
    const QJsonObject value{{QStringLiteral("interval_s"), settings.intervalSeconds}};
    if (Status s =
            saveSettingText(m_db, kAgentSettingsKey,
                            QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)),
                            now(), caller.userId);
        !s)
        return s.error();
    m_settings = settings;
    auth::audit(m_db, QStringLiteral("NODE_AGENT_SETTINGS_CHANGED"), caller.userId,
                QStringLiteral("settings"), kAgentSettingsKey, client.ip, client.userAgent, value);
    emit settingsChanged(m_settings);
    return m_settings;
}

void FleetService::setAgentAddress(std::function<QString()> serverUrl, std::function<QString()> pin)
{
    m_serverUrl = std::move(serverUrl);
    m_pin = std::move(pin);
}

Status FleetService::checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNodeNameLength)
        return fleetFieldError(QStringLiteral("name"),
                               QStringLiteral("1 to %1 characters").arg(kMaxNodeNameLength));
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return fleetFieldError(QStringLiteral("name"),
                                   QStringLiteral("no control or invisible characters"));
    }
    return {};
}

Status FleetService::checkLabels(const QStringList &labels)
{
    if (labels.size() > kMaxLabels)
        return fleetFieldError(QStringLiteral("labels"),
                               QStringLiteral("at most %1 labels").arg(kMaxLabels));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > kMaxLabelLength ||
            !std::all_of(label.begin(), label.end(), isLabelCharacter))
            return fleetFieldError(QStringLiteral("labels"),
                                   QStringLiteral("each label is 1 to %1 of a-z A-Z 0-9 _ . : -")
                                       .arg(kMaxLabelLength));
    }
    return {};
}

EnrolmentTicket FleetService::makeTicket(qint64 enrolmentHours) const
{
    EnrolmentTicket ticket;
    ticket.secret = QStringLiteral("hme_") + crypto::randomToken(32);
    ticket.expiresAt = now() + enrolmentHours * 3600 * 1000;
    const QString url = m_serverUrl ? m_serverUrl() : QString();
    const QString pin = m_pin ? m_pin() : QString();
    // Single quotes: the URL and the secret hold no quote (base64url and a
    // URL the server built), so the command pastes into any POSIX shell.
    ticket.command =
        QStringLiteral("hivemind-agent --server '%1' --enrol-secret '%2'").arg(url, ticket.secret);
    if (!pin.isEmpty())
        ticket.command += QStringLiteral(" --pin-sha256 ") + pin;
    return ticket;
}

void FleetService::publish(const QString &type, const QString &nodeId, const QJsonObject &node)
{
    QJsonObject data{{QStringLiteral("node_id"), nodeId}};
    if (!node.isEmpty())
        data.insert(QStringLiteral("node"), node);
    // Every signed-in user may list nodes (VIEWER included).
    m_events.publish({type, data, false, {}, true});
    emit nodeChanged(nodeId);
}

void FleetService::publishStatus(const QString &nodeId, const NodeRow &node, bool online)
{
    const QJsonObject data{{QStringLiteral("node_id"), nodeId},
                           {QStringLiteral("node"), nodeJson(node, online)}};
    m_events.publish({QStringLiteral("node_status"), data, false, {}, true});
}

Result<CreatedNode> FleetService::create(const auth::Principal &caller,
                                         const auth::ClientInfo &client, const NodeDetails &details,
                                         qint64 enrolmentHours)
{
    const QString name = details.name.value_or(QString()).trimmed();
    if (Status s = checkName(name); !s)
        return s.error();
    const QString description = details.description.value_or(QString()).trimmed();
    if (description.size() > kMaxNodeDescriptionLength)
        return fleetFieldError(
            QStringLiteral("description"),
            QStringLiteral("at most %1 characters").arg(kMaxNodeDescriptionLength));
    const QStringList labels = details.labels.value_or(QStringList());
    if (Status s = checkLabels(labels); !s)
        return s.error();
    if (enrolmentHours < 1 || enrolmentHours > kMaxEnrolmentHours)
        return fleetFieldError(QStringLiteral("expires_in_hours"),
                               QStringLiteral("1 to %1").arg(kMaxEnrolmentHours));

    auto ip = checkedIp(details.ip.value_or(QString()));
    if (!ip)
        return ip.error();

    CreatedNode created;
    created.enrolment = makeTicket(enrolmentHours);
    const NewNode node{crypto::uuid(), name,  description, labelsText(labels),
                       caller.userId,  now(), ip.value()};
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto taken = nodeNameTaken(m_db, name);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("a node with this name exists"),
                         {{QStringLiteral("field"), QStringLiteral("name")}}};
        if (Status s = insertNode(m_db, node); !s)
            return s.error();
        if (Status s = replaceEnrolment(m_db, node.id,
                                        crypto::sha256Hex(created.enrolment.secret.toUtf8()),
                                        created.enrolment.expiresAt);
            !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    auto stored = nodeById(m_db, node.id);
    if (!stored || !stored.value())
        return stored ? nodeNotFound() : stored.error();
    created.node = *stored.value();
    auth::audit(m_db, QStringLiteral("NODE_CREATED"), caller.userId, QStringLiteral("node"),
                node.id, client.ip, client.userAgent,
                {{QStringLiteral("name"), name},
                 {QStringLiteral("labels"), QJsonArray::fromStringList(labels)}});
    publish(QStringLiteral("node_created"), node.id, nodeJson(created.node, false));
    return created;
}

Result<NodeRow> FleetService::update(const auth::Principal &caller, const auth::ClientInfo &client,
                                     const QString &id, const NodeDetails &details)
{
    auto txn = m_db.begin();
    if (!txn)
        return txn.error();
    auto current = nodeById(m_db, id);
    if (!current)
        return current.error();
    if (!current.value())
        return nodeNotFound();
    NodeRow row = *current.value();
    QJsonObject changed;
    if (details.name) {
        const QString name = details.name->trimmed();
        if (Status s = checkName(name); !s)
            return s.error();
        auto taken = nodeNameTaken(m_db, name, id);
        if (!taken)
            return taken.error();
        if (taken.value())
            return Error{ErrorCode::ResourceAlreadyExists,
                         QStringLiteral("a node with this name exists"),
                         {{QStringLiteral("field"), QStringLiteral("name")}}};
        if (name != row.name)
            changed.insert(QStringLiteral("name"), name);
        row.name = name;
    }
    if (details.description) {
        const QString description = details.description->trimmed();
        if (description.size() > kMaxNodeDescriptionLength)
            return fleetFieldError(
                QStringLiteral("description"),
                QStringLiteral("at most %1 characters").arg(kMaxNodeDescriptionLength));
        if (description != row.description)
            changed.insert(QStringLiteral("description"), true);
        row.description = description;
    }
    if (details.labels) {
        if (Status s = checkLabels(*details.labels); !s)
            return s.error();
        const QString labels = labelsText(*details.labels);
        if (labels != row.labels)
            changed.insert(QStringLiteral("labels"), QJsonArray::fromStringList(*details.labels));
        row.labels = labels;
    }
    if (details.ip) {
        auto ip = checkedIp(*details.ip);
        if (!ip)
            return ip.error();
        if (ip.value() != row.facts.ip)
            changed.insert(QStringLiteral("ip"), ip.value());
        row.facts.ip = ip.value();
    }
    if (changed.isEmpty())
        return row;
    if (Status s = updateNodeInfo(m_db, id, row.name, row.description, row.labels, row.facts.ip);
        !s)
        return s.error();
    if (Status s = txn.value().commit(); !s)
        return s.error();
    auth::audit(m_db, QStringLiteral("NODE_UPDATED"), caller.userId, QStringLiteral("node"), id,
                client.ip, client.userAgent, changed);
    publish(QStringLiteral("node_updated"), id, nodeJson(row, isOnline(id)));
    return row;
}

Status FleetService::remove(const auth::Principal &caller, const auth::ClientInfo &client,
                            const QString &id)
{
    auto current = nodeById(m_db, id);
    if (!current)
        return current.error();
    if (!current.value())
        return nodeNotFound();
    auto deleted = deleteNode(m_db, id);
    if (!deleted)
        return deleted.error();
    if (deleted.value() == 0)
        return nodeNotFound();
    emit nodeRevoked(id);
    emit nodeDeleted(id);
    forgetReports(id);
    m_online.remove(id);
    auth::audit(m_db, QStringLiteral("NODE_DELETED"), caller.userId, QStringLiteral("node"), id,
                client.ip, client.userAgent, {{QStringLiteral("name"), current.value()->name}});
    publish(QStringLiteral("node_deleted"), id, {});
    return {};
}

void FleetService::forgetReports(const QString &nodeId)
{
    m_lastAnnounced.remove(nodeId);
    m_history->forget(nodeId);
    m_summary->forget(nodeId);
    m_sparklines->forget(nodeId);
    m_metricsBatch->forget(nodeId);
}

Result<EnrolmentTicket> FleetService::renewEnrolment(const auth::Principal &caller,
                                                     const auth::ClientInfo &client,
                                                     const QString &id, qint64 enrolmentHours)
{
    if (enrolmentHours < 1 || enrolmentHours > kMaxEnrolmentHours)
        return fleetFieldError(QStringLiteral("expires_in_hours"),
                               QStringLiteral("1 to %1").arg(kMaxEnrolmentHours));
    EnrolmentTicket ticket = makeTicket(enrolmentHours);
    bool wasEnrolled = false;
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto current = nodeById(m_db, id);
        if (!current)
            return current.error();
        if (!current.value())
            return nodeNotFound();
        wasEnrolled = current.value()->enrolled();
        if (Status s = clearNodeIdentity(m_db, id); !s)
            return s.error();
        if (Status s = replaceEnrolment(m_db, id, crypto::sha256Hex(ticket.secret.toUtf8()),
                                        ticket.expiresAt);
            !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
    }
    if (wasEnrolled) {
        emit nodeRevoked(id);
        forgetReports(id);
        m_online.remove(id);
    }
    auth::audit(m_db, QStringLiteral("NODE_ENROLMENT_RENEWED"), caller.userId,
                QStringLiteral("node"), id, client.ip, client.userAgent,
                {{QStringLiteral("key_revoked"), wasEnrolled}});
    auto row = nodeById(m_db, id);
    if (row && row.value())
        publish(QStringLiteral("node_updated"), id, nodeJson(*row.value(), false));
    return ticket;
}

void FleetService::withLatestReport(NodeRow &row) const
{
    // The report log's checkpoints write these every 30 s; memory is newer.
    qint64 seq = 0;
    qint64 seenAt = 0;
    if (!m_history->latest(row.id, &seq, &seenAt))
        return;
    row.lastSeq = std::max(row.lastSeq, seq);
    row.lastSeenAt = std::max(row.lastSeenAt.value_or(0), seenAt);
}

Result<store::Page<NodeRow>> FleetService::list(const NodeFilter &filter, const QString &status)
{
    auto page = listUnfreshened(filter, status);
    if (page) {
        for (NodeRow &row : page.value().items)
            withLatestReport(row);
    }
    return page;
}

Result<store::Page<NodeRow>> FleetService::listUnfreshened(const NodeFilter &filter,
                                                           const QString &status)
{
    if (status.isEmpty())
        return listNodes(m_db, filter);
    NodeFilter enrolled = filter;
    enrolled.enrolment =
        status == QLatin1String("pending") ? QStringLiteral("pending") : QStringLiteral("enrolled");
    if (status == QLatin1String("pending"))
        return listNodes(m_db, enrolled);
    // Online is what this server's agent connections say, not a column:
    // the matching ids are filtered here and the page read by id.
    auto ids = nodeIdsMatching(m_db, enrolled);
    if (!ids)
        return ids.error();
    QStringList matching;
    const bool online = status == QLatin1String("online");
    for (const QString &id : std::as_const(ids.value())) {
        if (m_online.contains(id) == online)
            matching << id;
    }
    store::Page<NodeRow> page;
    page.total = matching.size();
    auto rows = nodesByIds(m_db, matching.mid(filter.offset, filter.limit));
    if (!rows)
        return rows.error();
    page.items = rows.value();
    return page;
}

Result<NodeRow> FleetService::get(const QString &id)
{
    auto row = nodeById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return nodeNotFound();
    NodeRow node = *row.value();
    withLatestReport(node);
    return node;
}

Result<EnrolledNode> FleetService::enrol(const QString &secret, const Registration &registration,
                                         const QString &clientIp)
{
    // One answer for an unknown, used or expired secret: a caller learns
    // nothing about which secrets exist.
    const Error refused{ErrorCode::InvalidCredentials,
                        QStringLiteral("the enrolment secret is unknown, used or expired")};
    if (secret.isEmpty() || secret.size() > 256)
        return refused;
    if (registration.publicKey.size() != crypto::kSigningPublicKeyBytes)
        return fleetFieldError(QStringLiteral("public_key"),
                               QStringLiteral("an Ed25519 public key: 32 bytes in base64"));
    if (Status s = checkFacts(registration.facts); !s)
        return s.error();
    for (const QString &capability : registration.capabilities) {
        if (!hm::fleet::knownCapabilities().contains(capability))
            return fleetFieldError(
                QStringLiteral("capabilities"),
                QStringLiteral("unknown capability (known: %1)")
                    .arg(hm::fleet::knownCapabilities().join(QStringLiteral(", "))));
    }
    const QString hash = crypto::sha256Hex(secret.toUtf8());
    NodeFacts facts = registration.facts;
    facts.capabilities = labelsText(registration.capabilities);
    const QString fingerprint = crypto::publicKeyFingerprint(registration.publicKey);
    QString nodeId;
    {
        auto txn = m_db.begin();
        if (!txn)
            return txn.error();
        auto enrolment = enrolmentBySecretHash(m_db, hash);
        if (!enrolment)
            return enrolment.error();
        if (!enrolment.value() || enrolment.value()->expiresAt <= now())
            return refused;
        nodeId = enrolment.value()->nodeId;
        auto used = consumeEnrolment(m_db, hash);
        if (!used)
            return used.error();
        if (used.value() != 1)
            return refused;
        if (Status s =
                setNodeIdentity(m_db, nodeId, registration.publicKey, fingerprint, facts, now());
            !s)
            return s.error();
        // History of an earlier identity of the node would collide with the
        // new agent's sequence numbers, which start at 1 again.
        if (Status s = deleteHistoryOf(m_db, nodeId); !s)
            return s.error();
        if (Status s = txn.value().commit(); !s)
            return s.error();
        // Everything that counted the earlier agent's reports starts over,
        // also which report was announced last: the new agent counts from 1
        // again, and its reports would otherwise not reach the alert rules,
        // the summary or the live feed until its count passed the old one.
        forgetReports(nodeId);
    }
    auto row = nodeById(m_db, nodeId);
    if (!row || !row.value())
        return row ? nodeNotFound() : row.error();
    auth::audit(m_db, QStringLiteral("NODE_ENROLLED"), QString(), QStringLiteral("node"), nodeId,
                clientIp, QString(),
                {{QStringLiteral("fingerprint"), fingerprint},
                 {QStringLiteral("agent_version"), facts.agentVersion}});
    publish(QStringLiteral("node_updated"), nodeId, nodeJson(*row.value(), false));
    return EnrolledNode{nodeId, row.value()->name, fingerprint, m_releaseKey};
}

Result<NodeRow> FleetService::authenticateAgent(const hm::fleet::HelloMessage &hello,
                                                const QByteArray &nonce)
{
    const Error refused{ErrorCode::InvalidCredentials,
                        QStringLiteral("unknown node or wrong signature")};
    auto row = nodeById(m_db, hello.nodeId);
    if (!row)
        return row.error();
    if (!row.value() || !row.value()->enrolled())
        return refused;
    if (!crypto::verifySignature(row.value()->publicKey,
                                 hm::fleet::signedChallenge(hello.nodeId, nonce), hello.signature))
        return refused;
    return *row.value();
}

void FleetService::agentConnected(const NodeRow &node, const hm::fleet::HelloMessage &hello)
{
    QStringList capabilities;
    for (const QString &capability : hello.capabilities) {
        if (hm::fleet::knownCapabilities().contains(capability))
            capabilities << capability;
    }
    NodeRow seen = node;
    seen.lastSeenAt = now();
    seen.facts.agentVersion = hello.agentVersion;
    seen.facts.capabilities = labelsText(capabilities);
    m_online.insert(node.id);
    m_agentProtocols.insert(node.id, {hello.protocolMin, hello.protocolMax});
    emit nodeStatusChanged(node.id, true);

    // The "last seen" row goes through the write-behind queue: a write of
    // its own on the HTTP thread per hello is what made 10,000 agents
    // connect slowly (issue 35), and no acknowledgement depends on it. The
    // consoles hear of the node once it is committed, so a console reading
    // the node on the event reads what the event says.
    store::WriteOp op;
    op.sql = nodeHelloSql();
    op.params = {*seen.lastSeenAt, seen.facts.agentVersion, seen.facts.capabilities, node.id};
    qint64 from = 0;
    qint64 to = 0;
    if (!m_host.tryEnqueueWrite(std::move(op), &from, &to)) {
        // The queue is full or not running: written here, as before.
        const Status written = setNodeSeen(m_db, node.id, *seen.lastSeenAt, seen.facts.agentVersion,
                                           seen.facts.capabilities);
        Q_UNUSED(written); // a failed write costs the "last seen" time only
        publishStatus(node.id, seen, true);
        return;
    }
    m_host.afterCommit(from, to, this, [this, seen = std::move(seen)](bool) {
        // A failed write costs the "last seen" time only. The agent may
        // have gone meanwhile: its offline event is the newer news.
        if (m_online.contains(seen.id))
            publishStatus(seen.id, seen, true);
    });
}

void FleetService::agentDisconnected(const QString &nodeId)
{
    m_agentProtocols.remove(nodeId);
    if (!m_online.remove(nodeId))
        return;
    auto row = nodeById(m_db, nodeId);
    if (row && row.value())
        publishStatus(nodeId, *row.value(), false);
    emit nodeStatusChanged(nodeId, false);
}

void FleetService::record(const QString &nodeId, const hm::fleet::ReportMessage &report,
                          QObject *context, std::function<void(bool)> stored)
{
    m_history->record(nodeId, report, context,
                      [this, nodeId, report, stored = std::move(stored)](bool ok) {
                          // Watchers hear of each stored report once (a
                          // replayed one is acknowledged again, not news).
                          if (ok && report.seq > m_lastAnnounced.value(nodeId)) {
                              m_lastAnnounced.insert(nodeId, report.seq);
                              m_summary->noteReport(nodeId, report);
                              m_sparklines->noteReport(nodeId, report);
                              m_metricsBatch->noteReport(nodeId, report);
                              emit reportStored(nodeId, report);
                          }
                          stored(ok);
                      });
}

Result<QJsonObject> FleetService::summary(int topCount) const
{
    return m_summary->summary(topCount);
}

Result<QByteArray> FleetService::prometheusExposition()
{
    auto rows = allNodes(m_db);
    if (!rows)
        return rows.error();
    QList<ExposedNode> nodes;
    nodes.reserve(rows.value().size());
    for (repositories::NodeRow &row : rows.value()) {
        // A pending node has no agent and no values yet: nothing to scrape.
        if (!row.enrolled())
            continue;
        const bool online = isOnline(row.id);
        auto latest = m_summary->latest(row.id);
        nodes.append(ExposedNode{std::move(row), online, std::move(latest)});
    }
    return renderNodeExposition(nodes); // allNodes: ordered by name
}

Result<QList<NodeSparklines::Series>> FleetService::sparklines(const QStringList &ids,
                                                               qint64 *endMs)
{
    auto rows = nodesByIds(m_db, ids);
    if (!rows)
        return rows.error();
    QStringList known;
    known.reserve(rows.value().size());
    for (const NodeRow &row : std::as_const(rows.value()))
        known << row.id;
    return m_sparklines->series(known, endMs);
}

Result<qint64> FleetService::lastStoredSeq(const QString &nodeId)
{
    return m_history->lastSeq(nodeId);
}

Result<QJsonObject> FleetService::metrics(const QString &id, qint64 startMs, qint64 endMs,
                                          qint64 limit, const QString &tier,
                                          const QSet<QString> &names)
{
    auto row = nodeById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return nodeNotFound();
    return m_history->query(id, startMs, endMs, limit, tier, names);
}

Result<MetricHistory::Text> FleetService::metricsText(const QString &id, qint64 startMs,
                                                      qint64 endMs, qint64 limit,
                                                      const QString &tier,
                                                      const QSet<QString> &names)
{
    auto row = nodeById(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return nodeNotFound();
    return m_history->queryText(id, startMs, endMs, limit, tier, names);
}

} // namespace hm::server::fleet
