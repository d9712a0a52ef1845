#pragma once

#include "client/FlowTypes.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// The versions of one flow (GET /api/v1/flows/{id}/versions), newest first:
// version number, status with a marker on the published one, author and
// date. The route answers every version at once (not paged), with its
// definition and settings, so the model holds them all and the version
// viewer opens one without asking again (RemoteListModel's whole-list mode:
// no further page). Loaded again after a save or publish, and when
// /ws/events says another console added a version: the rows shown stay
// until the answer replaces them.
class FlowVersionsModel final : public RemoteList<client::FlowVersion>
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
    explicit FlowVersionsModel(QObject *parent = nullptr);

    // Reads the versions of `flowId` (replacing what is shown once they
    // come; another flow's are dropped at once). An empty id clears the
    // model.
    void load(client::ApiClient *client, const QString &flowId);
    void clear();
    // Authors are user ids; the signed-in user's own show as their name.
    void setCurrentUser(const QString &userId, const QString &name);

    QString flowId() const { return m_flowId; }
    // The version named `name` ("3"); rows (item(), rowOf()) are newest
    // first. Null when not shown.
    const client::FlowVersion *findVersion(const QString &name) const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void requestPage(client::ApiClient &client, int page, int size, PageCallback done) override;
    QString idOf(const client::FlowVersion &version) const override { return version.version; }
    QVariant cellData(const client::FlowVersion &version, int column, int role) const override;

    QString m_flowId;
    QString m_userId;
    QString m_userName;
};

} // namespace hm::app
