#include "operations/RemoteRowsModel.h"

#include "client/ApiClient.h"
#include "client/SystemApi.h"
#include "client/Within.h"
#include "operations/AuditActions.h"
#include "operations/AuditDetailText.h"
#include "operations/AuditResourceText.h"
#include "widgets/DateTimeText.h"

#include <QColor>
#include <QJsonDocument>
#include <QLocale>

namespace hm::app {

namespace {

QString localTime(const QDateTime &time)
{
    return dateTimeTextWithSeconds(time, QString());
}

} // namespace

// --- AuditListModel ----------------------------------------------------------

AuditListModel::AuditListModel(QObject *parent) : RemoteRowsModel(ColumnCount, parent) {}

void AuditListModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case ResourceColumn:
        return tr("Resource");
    case IpColumn:
        return tr("IP address");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

hm::client::AuditFilter AuditListModel::serverFilter() const
{
    hm::client::AuditFilter filter;
    filter.userId = m_filter.user;
    const QString text = m_filter.action.trimmed();
    if (const QString code = auditActionCodeOf(text); !code.isEmpty()) {
        filter.action = code;
    } else if (!text.isEmpty()) {
        // Part of a code, or of the names shown (in the language shown):
        // the server matches the former and the codes of the latter.
        filter.actionContains = text;
        filter.action = auditActionsNamed(text).join(u',');
    }
    filter.category = m_filter.category;
    filter.resourceType = m_filter.resourceType;
    filter.nodeId = m_filter.nodeId;
    filter.from = m_filter.from;
    filter.to = m_filter.to;
    return filter;
}

void AuditListModel::requestPage(hm::client::ApiClient &client, int page, int size,
                                 PageCallback done)
{
    hm::client::AuditFilter filter = serverFilter();
    filter.beforeId = keysetAnchor(page);
    if (filter.beforeId.isEmpty()) {
        filter.page = {page, size};
        hm::client::SystemApi(client).audit(filter, std::move(done));
        return;
    }
    filter.page = {1, size};
    hm::client::SystemApi(client).audit(filter, asKeysetPage(page, std::move(done)));
}

QVariant AuditListModel::cell(const hm::client::AuditEntry &row, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == DetailsColumn)
        return QString::fromUtf8(QJsonDocument(row.details).toJson(QJsonDocument::Indented));
    // The code as the server wrote it (what an export and the API show).
    if (role == Qt::ToolTipRole && column == ActionColumn)
        return row.action;
    // The type code and the whole id, as an export and the API have them.
    if (role == Qt::ToolTipRole && column == ResourceColumn && !row.resourceId.isEmpty())
        return QStringLiteral("%1 %2").arg(row.resourceType, row.resourceId);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return localTime(row.createdAt);
    case UserColumn:
        return row.username.isEmpty() ? row.userId : row.username;
    case ActionColumn:
        return auditActionName(row.action);
    case ResourceColumn:
        return auditResourceText(row.resourceType, row.resourceId, row.resourceName, row.details);
    case IpColumn:
        return row.ipAddress;
    case DetailsColumn:
        return auditDetailsText(row.details);
    default:
        return {};
    }
}

// --- LogListModel ------------------------------------------------------------

LogListModel::LogListModel(QObject *parent) : RemoteRowsModel(ColumnCount, parent) {}

void LogListModel::setFilter(const hm::client::LogFilter &filter)
{
    m_filter = filter;
    reload();
}

qint64 LogListModel::newestId() const
{
    return rowCount() > 0 ? row(0).id : 0;
}

void LogListModel::poll(int limit)
{
    if (!client() || m_polling || state() != State::Ready)
        return;
    hm::client::LogFilter filter = m_filter;
    filter.afterId = newestId();
    if (filter.afterId <= 0) {
        // Nothing shown yet: the first page again tells whether there is news.
        reload();
        return;
    }
    filter.page = {1, limit};
    m_polling = true;
    const qint64 after = filter.afterId;
    hm::client::SystemApi(*client()).logs(
        filter,
        hm::client::within(this, [this, after](Result<hm::client::Page<hm::client::LogLine>> r) {
            m_polling = false;
            // A reload since (new filter) makes this answer stale.
            if (!r || newestId() != after)
                return;
            prependRows(r.value().items);
            emit tailed(int(r.value().items.size()));
        }));
}

QVariant LogListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case ModuleColumn:
        return tr("Module");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogListModel::requestPage(hm::client::ApiClient &client, int page, int size, PageCallback done)
{
    hm::client::LogFilter filter = m_filter;
    filter.afterId = 0;
    filter.beforeId = keysetAnchor(page).toLongLong();
    if (filter.beforeId <= 0) {
        filter.page = {page, size};
        hm::client::SystemApi(client).logs(filter, std::move(done));
        return;
    }
    filter.page = {1, size};
    hm::client::SystemApi(client).logs(filter, asKeysetPage(page, std::move(done)));
}

QVariant LogListModel::cell(const hm::client::LogLine &row, int column, int role) const
{
    const QString &level = row.level;
    if (role == Qt::ForegroundRole && column == LevelColumn) {
        if (level == QLatin1String("ERROR") || level == QLatin1String("CRITICAL"))
            return QColor(0xb9, 0x1c, 0x1c);
        if (level == QLatin1String("WARN"))
            return QColor(0xb4, 0x53, 0x09);
        return {};
    }
    if (role == Qt::ToolTipRole && column == MessageColumn)
        return row.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case TimeColumn:
        return localTime(row.timestamp);
    case LevelColumn:
        return level;
    case ModuleColumn:
        return row.module;
    case MessageColumn:
        return row.message;
    default:
        return {};
    }
}

} // namespace hm::app
