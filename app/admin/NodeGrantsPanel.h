#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class NodeGrantModel;

// Users → Node grants (issue 38, administrators only): which user (or every
// USER) may use which remote capability on which nodes (a label, or every
// node). Lists the grants with the users' names, adds one (NodeGrantDialog,
// offering the USERs and the labels the nodes have) and removes the
// selected one after a confirmation. Named `nodegrants.*`.
class NodeGrantsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeGrantsPanel(QWidget *parent = nullptr);
    ~NodeGrantsPanel() override;

    // Reads only for an administrator (the server refuses anyone else).
    void setSession(client::ApiClient *client, const client::UserInfo &user);
    NodeGrantModel *model() const { return m_model; }
    bool isLoading() const { return m_pending > 0; }

public slots:
    void reload();
    void addGrant();
    void removeSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void readGrants(quint64 generation);
    void readUsers(quint64 generation, int page);
    void readLabels(quint64 generation, int page);
    void finished(quint64 generation, const hm::Error *error);
    void retranslateUi();
    void updateActions();
    void showState();

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_user;
    NodeGrantModel *m_model = nullptr;
    QLabel *m_intro = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_refresh = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_state = nullptr;
    QList<client::UserInfo> m_grantable; // USERs, for the dialog
    QHash<QString, QString> m_names;     // user id → name, while reading
    QStringList m_labels;                // the nodes' labels, sorted
    QString m_error;                     // the last read's failure, in words
    LocalizedText m_message;             // the last action's outcome
    bool m_messageBad = false;
    bool m_loaded = false;
    int m_pending = 0;
    quint64 m_generation = 0;
};

} // namespace hm::app
