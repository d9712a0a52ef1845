#pragma once

#include "client/NodeTypes.h"
#include "client/PublicStatusApi.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The public status page's settings (issue 35, "Public status";
// administrators): the page on or off, its title, whether it shows the
// nodes' addresses, and which of the fleet's nodes it shows under which
// display name. Reads the settings and every node of the fleet (all pages)
// first, the controls off meanwhile; the chosen nodes keep the order the
// server answered and new choices go after them. Save sends the whole
// settings (PUT); a refusal is shown and the dialog stays. objectNames
// `publicStatus.*`.
class PublicStatusDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        NodeColumn,
        DisplayNameColumn,
        ColumnCount
    };

    explicit PublicStatusDialog(client::ApiClient *client, QWidget *parent = nullptr);

    // Still reading the settings or the nodes (the controls are off).
    bool isLoading() const { return m_pendingLoads > 0; }
    // What Save sends, from the controls as they are.
    client::PublicStatusSettings settings() const;
    // The settings as the server stored them (after Save: what it answered).
    const client::PublicStatusSettings &saved() const { return m_saved; }
    // The public page's address on this client's server.
    QString publicUrl() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void loadNodes(int page);
    void loadEnded();
    void loadFailed(const hm::Error &error);
    void fillNodes();
    void nodeChanged(QTableWidgetItem *item);
    void retranslateUi();
    void updateState();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::PublicStatusSettings m_saved;
    QList<client::NodeRow> m_fleet;
    QStringList m_chosen; // node ids in the page's order
    int m_pendingLoads = 0;
    bool m_loadFailed = false;
    bool m_sending = false;
    bool m_filling = false; // fillNodes() sets check states: not the user's choice

    QLabel *m_intro = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_enabledNote = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLineEdit *m_title = nullptr;
    QCheckBox *m_showAddresses = nullptr;
    QLabel *m_addressWarning = nullptr;
    QLabel *m_nodesLabel = nullptr;
    QTableWidget *m_nodes = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_copyUrl = nullptr;
    QLabel *m_urlNote = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
