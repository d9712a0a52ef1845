#include "admin/NodeGrantModel.h"

#include "widgets/DateTimeText.h"

#include <algorithm>

namespace hm::app {

NodeGrantModel::NodeGrantModel(QObject *parent) : QAbstractTableModel(parent) {}

void NodeGrantModel::setGrants(const QList<client::NodeGrant> &grants)
{
    beginResetModel();
    m_grants = grants;
    // By subject, then nodes, then capability: one person's grants together.
    std::stable_sort(m_grants.begin(), m_grants.end(), [this](const auto &a, const auto &b) {
        const int subject = subjectText(a).compare(subjectText(b), Qt::CaseInsensitive);
        if (subject != 0)
            return subject < 0;
        if (a.label != b.label)
            return a.label < b.label;
        return capabilities().indexOf(a.capability) < capabilities().indexOf(b.capability);
    });
    endResetModel();
}

void NodeGrantModel::setUserNames(const QHash<QString, QString> &names)
{
    m_userNames = names;
    // The names change the order (by subject) too.
    if (!m_grants.isEmpty())
        setGrants(QList<client::NodeGrant>(m_grants));
}

const client::NodeGrant *NodeGrantModel::grant(int row) const
{
    return row >= 0 && row < m_grants.size() ? &m_grants.at(row) : nullptr;
}

int NodeGrantModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_grants.size(); ++row)
        if (m_grants.at(row).id == id)
            return row;
    return -1;
}

QStringList NodeGrantModel::capabilities()
{
    return {QStringLiteral("terminal"), QStringLiteral("processes"), QStringLiteral("files"),
            QStringLiteral("docker"),   QStringLiteral("nginx"),     QStringLiteral("tasks"),
            QStringLiteral("upgrade"),  QStringLiteral("reboot")};
}

QString NodeGrantModel::capabilityText(const QString &capability)
{
    if (capability == u"terminal")
        return tr("Terminal");
    if (capability == u"processes")
        return tr("Processes");
    if (capability == u"files")
        return tr("Files");
    if (capability == u"docker")
        return tr("Docker");
    if (capability == u"nginx")
        return tr("Nginx");
    if (capability == u"tasks")
        return tr("Tasks");
    if (capability == u"upgrade")
        return tr("Agent upgrade");
    if (capability == u"reboot")
        return tr("Reboot");
    return capability;
}

QString NodeGrantModel::capabilityWarning(const QString &capability)
{
    // nginx's master runs as root and its main config, which this tool
    // edits, names the files it opens and writes (error_log, pid, include,
    // load_module …): editing it is a root shell by other means.
    if (capability == u"nginx")
        return tr("Granting Nginx is granting root on those nodes: whoever may edit nginx's "
                  "configuration can make nginx, which runs as root, read or write any file.");
    return {};
}

QString NodeGrantModel::subjectText(const client::NodeGrant &grant) const
{
    if (grant.subjectKind == u"role")
        return tr("Every user with the USER role");
    return m_userNames.value(grant.subject, grant.subject);
}

QString NodeGrantModel::nodesText(const QString &label)
{
    return label == u"*" ? tr("Every node") : tr("Nodes labelled \"%1\"").arg(label);
}

int NodeGrantModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_grants.size());
}

int NodeGrantModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeGrantModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= m_grants.size() ||
        index.column() >= ColumnCount)
        return {};
    const client::NodeGrant &g = m_grants.at(index.row());
    if (role == GrantIdRole)
        return g.id;
    if (role == Qt::ToolTipRole && index.column() == SubjectColumn && g.subjectKind == u"user")
        return tr("User id %1").arg(g.subject);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SubjectColumn:
        return subjectText(g);
    case NodesColumn:
        return nodesText(g.label);
    case CapabilityColumn:
        return capabilityText(g.capability);
    case CreatedColumn:
        return dateTimeText(g.createdAt);
    default:
        return {};
    }
}

QVariant NodeGrantModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return tr("Who");
    case NodesColumn:
        return tr("Nodes");
    case CapabilityColumn:
        return tr("May use");
    case CreatedColumn:
        return tr("Granted");
    default:
        return {};
    }
}

} // namespace hm::app
