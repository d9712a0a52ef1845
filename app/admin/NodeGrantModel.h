#pragma once

#include "client/RemoteTypes.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace hm::app {

// The node grants (Users → Node grants): who (a user by name, or every
// USER) may use which capability on which nodes (a label, or every node).
// The server answers them in one list; user names come from the users list
// (an id shows until they do).
class NodeGrantModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SubjectColumn,
        NodesColumn,
        CapabilityColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        GrantIdRole = Qt::UserRole + 1,
    };

    explicit NodeGrantModel(QObject *parent = nullptr);

    void setGrants(const QList<client::NodeGrant> &grants);
    // User id → user name, for the Subject column.
    void setUserNames(const QHash<QString, QString> &names);
    const client::NodeGrant *grant(int row) const;
    int rowOf(const QString &id) const;

    // The capabilities a grant may name, in the server's order.
    static QStringList capabilities();
    // "processes" → "Processes" in the current language.
    static QString capabilityText(const QString &capability);
    // What granting `capability` really hands over, when that is more
    // than its name says (nginx: root on the node); empty otherwise.
    static QString capabilityWarning(const QString &capability);
    // Who a grant is for, in words.
    QString subjectText(const client::NodeGrant &grant) const;
    // "*" → "Every node", else "Nodes labelled x".
    static QString nodesText(const QString &label);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<client::NodeGrant> m_grants;
    QHash<QString, QString> m_userNames;
};

} // namespace hm::app
