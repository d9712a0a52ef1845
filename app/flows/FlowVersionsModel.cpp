#include "flows/FlowVersionsModel.h"

#include "client/ApiClient.h"
#include "client/FlowsApi.h"
#include "flows/FlowErrorText.h"

#include <QFont>
#include <algorithm>

namespace hm::app {

FlowVersionsModel::FlowVersionsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FlowVersionsModel::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

void FlowVersionsModel::clear()
{
    ++m_generation;
    m_flowId.clear();
    setVersions({});
    setState(State::Idle);
}

void FlowVersionsModel::load(client::ApiClient *client, const QString &flowId)
{
    if (flowId != m_flowId) {
        m_flowId = flowId;
        setVersions({});
    }
    if (!client || flowId.isEmpty()) {
        setState(State::Idle);
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Loading);
    const QPointer<FlowVersionsModel> self(this);
    client::FlowsApi(*client).versions(
        flowId, [self, generation](Result<QList<client::FlowVersion>> result) {
            if (!self || generation != self->m_generation)
                return;
            if (!result) {
                self->m_error = result.error();
                self->setState(State::Failed);
                return;
            }
            self->setVersions(result.value());
            self->setState(State::Ready);
        });
}

void FlowVersionsModel::setVersions(const QList<client::FlowVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    std::reverse(m_versions.begin(), m_versions.end());
    endResetModel();
}

void FlowVersionsModel::setCurrentUser(const QString &userId, const QString &name)
{
    m_userId = userId;
    m_userName = name;
    if (!m_versions.isEmpty())
        emit dataChanged(index(0, AuthorColumn), index(rowCount() - 1, AuthorColumn));
}

const client::FlowVersion *FlowVersionsModel::version(int row) const
{
    return row >= 0 && row < m_versions.size() ? &m_versions.at(row) : nullptr;
}

const client::FlowVersion *FlowVersionsModel::findVersion(const QString &name) const
{
    return version(rowOf(name));
}

int FlowVersionsModel::rowOf(const QString &version) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).version == version)
            return row;
    }
    return -1;
}

int FlowVersionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_versions.size());
}

int FlowVersionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowVersionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::FlowVersion &v = m_versions.at(index.row());
    const bool published = v.status == QLatin1String("published");
    switch (role) {
    case VersionRole:
        return v.version;
    case PublishedRole:
        return published;
    case Qt::DisplayRole:
        switch (index.column()) {
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
        if (index.column() == StatusColumn && published)
            return tr("Published on %1: runs and the webhook use this version.")
                .arg(dateTimeText(v.publishedAt));
        if (index.column() == AuthorColumn)
            return v.createdBy;
        if (index.column() == CreatedColumn)
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
