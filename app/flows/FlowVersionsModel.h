#pragma once

#include "client/FlowTypes.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The versions of one flow (GET /api/v1/flows/{id}/versions), newest first:
// version number, status with a marker on the published one, author and
// date. The route answers every version at once (not paged), with its
// definition and settings, so the model holds them all and the version
// viewer opens one without asking again. Reload after a save or publish.
class FlowVersionsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        VersionColumn,
        StatusColumn,
        AuthorColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        VersionRole = Qt::UserRole + 1, // "3"
        PublishedRole,                  // bool
    };
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };

    explicit FlowVersionsModel(QObject *parent = nullptr);

    // Reads the versions of `flowId` (replacing what is shown once they
    // come). An empty id clears the model.
    void load(client::ApiClient *client, const QString &flowId);
    void clear();
    // The versions as the server sent them (oldest first), e.g. in tests.
    void setVersions(const QList<client::FlowVersion> &versions);
    // Authors are user ids; the signed-in user's own show as their name.
    void setCurrentUser(const QString &userId, const QString &name);

    State state() const { return m_state; }
    const hm::Error &error() const { return m_error; }
    QString flowId() const { return m_flowId; }
    // Row `row` (newest first); null when out of range.
    const client::FlowVersion *version(int row) const;
    const client::FlowVersion *findVersion(const QString &name) const;
    int rowOf(const QString &version) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void stateChanged();

private:
    void setState(State state);

    QList<client::FlowVersion> m_versions; // newest first
    QString m_flowId;
    QString m_userId;
    QString m_userName;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

} // namespace hm::app
