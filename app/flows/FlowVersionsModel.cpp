#include "flows/FlowVersionsModel.h"

#include "client/ApiClient.h"
#include "client/FlowsApi.h"
#include "flows/FlowErrorText.h"

#include <QFont>
#include <algorithm>

namespace hm::app {

FlowVersionsModel::FlowVersionsModel(QObject *parent)
    : RemoteList(ColumnCount, {.wholeList = true, .keepRowsWhileReloading = true}, parent)
{}

void FlowVersionsModel::clear()
{
    m_flowId.clear();
    reset();
}

void FlowVersionsModel::load(client::ApiClient *client, const QString &flowId)
{
    if (client != this->client())
        setClient(client); // drops the rows
    if (flowId != m_flowId) {
        m_flowId = flowId;
        reset();
    }
    if (client && !flowId.isEmpty())
        reload();
}

void FlowVersionsModel::requestPage(client::ApiClient &client, int page, int size,
                                    PageCallback done)
{
    Q_UNUSED(page);
    Q_UNUSED(size);
    client::FlowsApi(client).versions(
        m_flowId, [whole = asWholePage(std::move(done))](Result<QList<client::FlowVersion>> r) {
            if (!r)
                return whole(r.error());
            // The server lists them oldest first; the newest is on top.
            QList<client::FlowVersion> versions = *std::move(r);
            std::reverse(versions.begin(), versions.end());
            whole(std::move(versions));
        });
}

void FlowVersionsModel::setCurrentUser(const QString &userId, const QString &name)
{
    m_userId = userId;
    m_userName = name;
    if (rowCount() > 0)
        emit dataChanged(index(0, AuthorColumn), index(rowCount() - 1, AuthorColumn));
}

const client::FlowVersion *FlowVersionsModel::findVersion(const QString &name) const
{
    return item(rowOf(name));
}

QVariant FlowVersionsModel::cellData(const client::FlowVersion &v, int column, int role) const
{
    const bool published = v.status == QLatin1String("published");
    switch (role) {
    case VersionRole:
        return v.version;
    case PublishedRole:
        return published;
    case Qt::DisplayRole:
        switch (column) {
        case VersionColumn:
            return tr("Version %1").arg(v.version);
        case StatusColumn:
            if (published)
                return tr("● Published");
            if (v.status == QLatin1String("deprecated"))
                return tr("Deprecated");
            return tr("Draft");
        case AuthorColumn:
            if (!m_userId.isEmpty() && v.createdBy == m_userId && !m_userName.isEmpty())
                return m_userName;
            return v.createdBy;
        case CreatedColumn:
            return dateTimeText(v.createdAt);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == StatusColumn && published)
            return tr("Published on %1: runs and the webhook use this version.")
                .arg(dateTimeText(v.publishedAt));
        if (column == AuthorColumn)
            return v.createdBy;
        if (column == CreatedColumn)
            return dateTimeText(v.createdAt, QLocale::LongFormat);
        return {};
    case Qt::FontRole:
        if (published) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant FlowVersionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case StatusColumn:
        return tr("Status");
    case AuthorColumn:
        return tr("Author");
    case CreatedColumn:
        return tr("Saved");
    default:
        return {};
    }
}

} // namespace hm::app
