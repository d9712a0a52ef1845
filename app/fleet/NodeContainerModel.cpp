#include "fleet/NodeContainerModel.h"

#include "fleet/ContainerStatusText.h"
#include "widgets/MissingValue.h"
#include "widgets/ThemeManager.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>

namespace hm::app {

NodeContainerModel::NodeContainerModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeContainerModel::setContainers(const QList<client::ContainerRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const client::ContainerRow *NodeContainerModel::container(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int NodeContainerModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return row;
    return -1;
}

QString NodeContainerModel::stateText(const QString &state, const QString &health)
{
    QString text = state == u"running"      ? tr("Running")
                   : state == u"exited"     ? tr("Stopped")
                   : state == u"created"    ? tr("Created")
                   : state == u"paused"     ? tr("Paused")
                   : state == u"restarting" ? tr("Restarting")
                   : state == u"stopping"   ? tr("Stopping") // podman, while a stop waits
                   : state == u"removing"   ? tr("Removing")
                   : state == u"dead"       ? tr("Dead")
                                            : state;
    if (health == u"healthy")
        text = tr("%1, healthy").arg(text);
    else if (health == u"unhealthy")
        text = tr("%1, unhealthy").arg(text);
    else if (health == u"starting")
        text = tr("%1, health check starting").arg(text);
    return text;
}

int NodeContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int NodeContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeContainerModel::data(const QModelIndex &index, int role) const
{
    const client::ContainerRow *c = container(index.row());
    if (!c)
        return {};
    if (role == IdRole)
        return c->id;
    if (role == StateRole)
        return c->state;
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return c->id;
    // Docker's own words, for whoever compares with `docker ps`.
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return c->status;
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        // The theme's tones: the light theme's dark green is unreadable on
        // the dark one's rows.
        const QPalette palette = QGuiApplication::palette();
        if (c->health == u"unhealthy" || c->state == u"dead")
            return QBrush(ThemeManager::tokenColour("bad", palette));
        if (c->state == u"running")
            return QBrush(ThemeManager::tokenColour("good", palette));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return c->name.isEmpty() ? c->id.left(12) : c->name;
    case StateColumn:
        return stateText(c->state, c->health);
    case ImageColumn:
        return orMissing(c->image);
    case StatusColumn:
        return orMissing(ContainerStatusText::status(c->status, c->state));
    case PortsColumn:
        return orMissing(c->ports);
    case ProjectColumn:
        // Not part of a compose project.
        return orMissing(c->composeProject);
    default:
        return {};
    }
}

QVariant NodeContainerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ImageColumn:
        return tr("Image");
    case StatusColumn:
        return tr("Status");
    case PortsColumn:
        return tr("Ports");
    case ProjectColumn:
        return tr("Compose project");
    default:
        return {};
    }
}

} // namespace hm::app
