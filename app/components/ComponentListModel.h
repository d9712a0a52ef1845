#pragma once

#include "client/ComponentsApi.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The Components list: one row per component version (built-ins and
// registered ones), as GET /api/v1/components orders them (name, then
// version precedence). Lazy: nothing is asked until a view (or reload())
// wants rows (canFetchMore / fetchMore); the server answers the whole
// catalogue at once, so one fetch brings every row.
class ComponentListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        VersionColumn,
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
    };
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };
    Q_ENUM(State)

    explicit ComponentListModel(QObject *parent = nullptr);

    void setClient(client::ApiClient *client);
    // Drops the rows and asks again.
    void reload();
    void reset();

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    const client::ComponentInfo *component(int row) const;
    int rowOf(const QString &name, const QString &version) const;
    // A version as the server now has it (after a change): its row changes,
    // or it is added in order.
    void updateComponent(const client::ComponentInfo &component);

    static QString statusText(const QString &status);
    static QString healthText(const QString &health);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::ComponentListModel::State state);

private:
    void setState(State state);
    void request();

    QPointer<client::ApiClient> m_client;
    QList<client::ComponentInfo> m_rows;
    State m_state = State::Idle;
    bool m_fetching = false;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
