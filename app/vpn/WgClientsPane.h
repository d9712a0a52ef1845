#pragma once

#include "client/WireGuardTypes.h"
#include "widgets/LocalizedText.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class SectionEmptyState;
class WgClientDetail;
class WgClientModel;

// The selected WireGuard server's clients under the server list (page by
// page as the table scrolls: a server may hold 10,000): name,
// addresses, enabled or not, and from the interface (GET …/status) the
// endpoint, the latest handshake's age and the bytes each way, read again
// every few seconds (the pages shown) while the pane is visible and when the server's status
// changes. Administrators add a client (WgClientDialog), enable or disable
// it, show its config again (WgConfigDialog), hand it over through a
// one-time link (WgShareLinkDialog) and delete it (confirmed);
// others see the actions off with the reason. Under the table, split off,
// the selected client's traffic history and endpoints (WgClientDetail;
// with none selected, the server's clients summed). A server without
// clients shows that in their place, with "New client..." for
// administrators (`vpn.clients.empty*`).
class WgClientsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit WgClientsPane(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const QString &role);
    // null: no server selected.
    void setServer(const client::WgServerRow *server);
    WgClientModel *model() const { return m_model; }
    WgClientDetail *detail() const { return m_detail; }

signals:
    // A client was added or deleted here: the server's count changed.
    void clientsChanged();

public slots:
    void reload();
    void newClient();
    void editSelected();
    void toggleSelected();
    void showConfig();
    // One-time links to the selected client's config (WgShareLinkDialog).
    void shareLink();
    void deleteSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showSelected();
    // Reads pages page..lastPage of the server's clients (a refresh of the
    // rows shown; fresh: the first page of a new list), then its status.
    void readPages(qint64 serverId, int page, int lastPage, bool fresh);
    void readStatus(qint64 serverId);
    // The page from `offset` on, as the table scrolled to its end.
    void readMore(int offset);
    bool isAdmin() const;
    const client::WgClientRow *selected() const;
    // `what` takes the refusal's description as %1; kept as the way to say
    // it, so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    client::WgServerRow m_server; // id 0: none
    WgClientModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_config = nullptr;
    QPushButton *m_share = nullptr;
    QPushButton *m_delete = nullptr;
    QTableView *m_view = nullptr;
    WgClientDetail *m_detail = nullptr;
    QLabel *m_state = nullptr;
    QStackedWidget *m_body = nullptr; // the table and chart, or the empty state
    QWidget *m_split = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QTimer *m_refresh = nullptr;
    LocalizedText m_message;
    bool m_reading = false;
    // The server whose clients were last read whole: until then an empty
    // table means "not read yet", not "no clients".
    qint64 m_listedServer = 0;
    int m_fetchSerial = 0; // the page asked for last (readMore)
};

} // namespace hm::app
