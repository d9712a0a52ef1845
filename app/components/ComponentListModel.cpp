#include "components/ComponentListModel.h"

#include "client/ApiClient.h"

#include <QBrush>
#include <QColor>

namespace hm::app {

ComponentListModel::ComponentListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ComponentListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    reset();
}

void ComponentListModel::reset()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_fetching = false;
    endResetModel();
    setState(State::Idle);
}

void ComponentListModel::reload()
{
    if (!m_client)
        return;
    reset();
    request();
}

void ComponentListModel::request()
{
    if (!m_client || m_fetching)
        return;
    m_fetching = true;
    setState(State::Loading);
    const quint64 generation = m_generation;
    client::ComponentsApi(*m_client).list(
        [this, generation,
         guard = QPointer<ComponentListModel>(this)](Result<QList<client::ComponentInfo>> r) {
            if (!guard || generation != m_generation)
                return;
            m_fetching = false;
            if (!r) {
                m_error = r.error();
                setState(State::Failed);
                return;
            }
            if (!m_rows.isEmpty()) {
                // Rows updated meanwhile (a registration): the answer wins.
                beginResetModel();
                m_rows = *r;
                endResetModel();
            } else if (!r->isEmpty()) {
                beginInsertRows({}, 0, int(r->size()) - 1);
                m_rows = *r;
                endInsertRows();
            }
            setState(State::Ready);
        });
}

void ComponentListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool ComponentListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_client && m_state == State::Idle && !m_fetching;
}

void ComponentListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request();
}

const client::ComponentInfo *ComponentListModel::component(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ComponentListModel::rowOf(const QString &name, const QString &version) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].name == name && m_rows[row].version == version)
            return row;
    }
    return -1;
}

void ComponentListModel::updateComponent(const client::ComponentInfo &component)
{
    const int row = rowOf(component.name, component.version);
    if (row >= 0) {
        m_rows[row] = component;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // A new version: after the last row of the same name (the server's
    // order puts it among them on the next reload), else by name.
    int at = int(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name > component.name) {
            at = i;
            break;
        }
    }
    beginInsertRows({}, at, at);
    m_rows.insert(at, component);
    endInsertRows();
}

QString ComponentListModel::statusText(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("deprecated"))
        return tr("Deprecated");
    if (status == QLatin1String("disabled"))
        return tr("Deleted");
    return status;
}

QString ComponentListModel::healthText(const QString &health)
{
    if (health == QLatin1String("healthy"))
        return tr("Healthy");
    if (health == QLatin1String("degraded"))
        return tr("Degraded");
    if (health == QLatin1String("unhealthy"))
        return tr("Unhealthy");
    return tr("Not checked yet");
}

int ComponentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComponentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComponentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::ComponentInfo &c = m_rows[index.row()];
    switch (role) {
    case NameRole:
        return c.name;
    case VersionRole:
        return c.version;
    case StatusNameRole:
        return c.status;
    case HealthNameRole:
        return c.health;
    case BuiltinRole:
        return c.builtin;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case VersionColumn:
            return c.version;
        case KindColumn:
            return c.builtin ? tr("Built-in") : tr("HTTP service");
        case StatusColumn:
            return statusText(c.status);
        case HealthColumn:
            return healthText(c.health);
        case EndpointsColumn:
            return c.builtin ? QString() : QLocale().toString(c.endpoints.size());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == HealthColumn && !c.healthMessage.isEmpty())
            return c.healthMessage;
        if (index.column() == EndpointsColumn && !c.endpoints.isEmpty()) {
            QStringList urls;
            for (const client::ComponentEndpointInfo &e : c.endpoints)
                urls << tr("%1 (%2)").arg(e.url, healthText(e.health));
            return urls.join(u'\n');
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == HealthColumn && c.health == QLatin1String("unhealthy"))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (index.column() == StatusColumn && c.status != QLatin1String("active"))
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == EndpointsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ComponentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case HealthColumn:
        return tr("Health");
    case EndpointsColumn:
        return tr("Endpoints");
    default:
        return {};
    }
}

} // namespace hm::app
