#include "fleet/NodeColumnChoice.h"

#include "fleet/NodeListModel.h"

#include <QSettings>

namespace hm::app {

namespace {

const QString kHiddenKey = QStringLiteral("nodes/hiddenColumns");
const QString kShownKey = QStringLiteral("nodes/shownColumns");

} // namespace

QString NodeColumnChoice::columnKey(int column)
{
    switch (column) {
    case NodeListModel::StatusColumn:
        return QStringLiteral("status");
    case NodeListModel::NameColumn:
        return QStringLiteral("name");
    case NodeListModel::LabelsColumn:
        return QStringLiteral("labels");
    case NodeListModel::SystemColumn:
        return QStringLiteral("os");
    case NodeListModel::CpuColumn:
        return QStringLiteral("cpu");
    case NodeListModel::MemoryColumn:
        return QStringLiteral("memory");
    case NodeListModel::DiskColumn:
        return QStringLiteral("disk");
    case NodeListModel::LastSeenColumn:
        return QStringLiteral("lastSeen");
    case NodeListModel::CapabilitiesColumn:
        return QStringLiteral("capabilities");
    case NodeListModel::AddressColumn:
        return QStringLiteral("address");
    case NodeListModel::AgentColumn:
        return QStringLiteral("agent");
    default:
        return {};
    }
}

NodeColumnChoice::NodeColumnChoice(QObject *parent) : QObject(parent)
{
    const QSettings settings;
    const QStringList hidden = settings.value(kHiddenKey).toStringList();
    const QStringList shown = settings.value(kShownKey).toStringList();
    for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
        if (hidden.contains(columnKey(c)) && canHide(c))
            m_choices.insert(c, Choice::Hidden);
        else if (shown.contains(columnKey(c)))
            m_choices.insert(c, Choice::Shown);
    }
}

bool NodeColumnChoice::canHide(int column)
{
    return column != NodeListModel::NameColumn;
}

void NodeColumnChoice::setChoice(int column, Choice choice)
{
    if (choice == Choice::Hidden && !canHide(column))
        return;
    if (this->choice(column) == choice)
        return;
    if (choice == Choice::Fit)
        m_choices.remove(column);
    else
        m_choices.insert(column, choice);
    save();
    emit changed();
}

void NodeColumnChoice::reset()
{
    if (m_choices.isEmpty())
        return;
    m_choices.clear();
    save();
    emit changed();
}

void NodeColumnChoice::save() const
{
    QStringList hidden;
    QStringList shown;
    for (int c = 0; c < NodeListModel::ColumnCount; ++c) {
        if (choice(c) == Choice::Hidden)
            hidden.append(columnKey(c));
        else if (choice(c) == Choice::Shown)
            shown.append(columnKey(c));
    }
    QSettings settings;
    if (hidden.isEmpty())
        settings.remove(kHiddenKey);
    else
        settings.setValue(kHiddenKey, hidden);
    if (shown.isEmpty())
        settings.remove(kShownKey);
    else
        settings.setValue(kShownKey, shown);
}

} // namespace hm::app
