#pragma once

#include "client/ComponentsApi.h"
#include "widgets/RemoteListModel.h"

#include <QSortFilterProxyModel>

namespace hm::app {

// The Components list: one row per component version (built-ins and
// registered ones), as GET /api/v1/components orders them (name, then
// version precedence). Lazy: nothing is asked until a view (or reload())
// wants rows (canFetchMore / fetchMore); the server answers the whole
// catalogue at once, so one fetch brings every row (RemoteListModel's whole
// list).
class ComponentListModel final : public RemoteList<client::ComponentInfo>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn, // the display name (else the name) with the icon
        VersionColumn,
        CategoryColumn,
        KindColumn,
        StatusColumn,
        HealthColumn,
        EndpointsColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        VersionRole,
        StatusNameRole, // active / deprecated / disabled
        HealthNameRole, // healthy / degraded / unhealthy / unknown
        BuiltinRole,
        DisplayNameRole, // as stored (empty when not set)
        CategoryRole,
        IconNameRole, // as stored
    };

    explicit ComponentListModel(QObject *parent = nullptr);

    const client::ComponentInfo *component(int row) const { return item(row); }
    int rowOf(const QString &name, const QString &version) const;
    // A version as the server now has it (after a change): its row changes,
    // or it is added in order.
    void updateComponent(const client::ComponentInfo &component);
    // Another console's change (component_* on /ws/events): reads every
    // version of that name again (GET /components/{name}) and updates,
    // adds or removes its rows; nothing else moves. Deleted versions stay
    // listed as "disabled" as the server lists them.
    void applyEvent(const QString &type, const QJsonObject &data);
    // The rows of one name as the server now lists them.
    void replaceVersions(const QString &name, const QList<client::ComponentInfo> &versions);

    // Every row of `name` takes the name-level fields of `component`
    // (display name, description, category, icon).
    void updateDetails(const client::ComponentInfo &component);
    // The categories of the listed components, sorted, without empties.
    QStringList categories() const;

    static QString statusText(const QString &status);
    static QString healthText(const QString &health);

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::ComponentInfo &component) const override;
    QVariant cellData(const client::ComponentInfo &component, int column, int role) const override;
};

// The Components list as the view shows it: sorted by the column the user
// clicked (the display name by default, else the name; locale-aware), rows
// that compare equal kept in the server's order (name, then version
// precedence). Live updates re-sort (dynamic sorting); rows are read by
// mapping to ComponentListModel.
class ComponentSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ComponentSortModel(ComponentListModel *source, QObject *parent = nullptr);

    ComponentListModel *components() const { return m_source; }
    // The source row of a view row (-1 when invalid) and back.
    const client::ComponentInfo *component(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &name, const QString &version, int column = 0) const;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    ComponentListModel *m_source = nullptr;
};

} // namespace hm::app
