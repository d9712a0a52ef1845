#pragma once

#include "client/ApiTypes.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace hm::client {
struct WgServerRow;
}

namespace hm::app {

class LiveEvents;
class SectionEmptyState;
class SectionHeader;
class BgpPane;
class Ipv6PoolsPane;
class WgClientsPane;
class WgPendingBanner;
class WgServerModel;

// The VPN section: WireGuard servers (name, interface, state, addresses,
// listen port, clients) with search, and under the list the selected
// server's clients (WgClientsPane). Administrators create and change
// servers (WgServerDialog), import one from a wg-quick file with its peers
// (WgImportDialog), start and stop them and delete them (confirmed); others
// see the actions off with the reason. States follow
// /ws/events wireguard_status and a read every few seconds while the page
// shows, so other consoles' changes arrive. Changes awaiting confirmation
// show over the list, each with its own countdown and "Keep changes"
// (WgPendingBanner). Tabs (`vpn.tabs`): WireGuard
// (the above), IPv6 pools (Ipv6PoolsPane), BGP (BgpPane). Named `vpn.*`.
class VpnPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit VpnPage(QWidget *parent = nullptr);
    ~VpnPage() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);

    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    // The line under the list (how many rows, a request's outcome); not the
    // status bar's (SectionPage::stateText is for long work only).
    QString listStateText() const;
    bool isLive() const override;

    WgServerModel *model() const { return m_model; }
    WgClientsPane *clientsPane() const { return m_clients; }
    WgPendingBanner *pendingBanner() const { return m_pending; }
    Ipv6PoolsPane *poolsPane() const { return m_pools; }
    BgpPane *bgpPane() const { return m_bgp; }
    QTabWidget *tabs() const { return m_tabs; }
    SectionEmptyState *emptyState() const { return m_empty; }
    // The first list read answered (successfully or not).
    bool isLoaded() const { return m_loaded; }

public slots:
    void reload();
    void newServer();
    void editSelected();
    void startStopSelected();
    void deleteSelected();
    // Reads a wg-quick server file (chosen through the dialog seam) and
    // imports it with its peers (WgImportDialog).
    void importServer();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    void showDetail();
    void applyEvent(const QString &type, const QJsonObject &data);
    const client::WgServerRow *selected() const;
    void select(qint64 id);
    bool isAdmin() const;
    // `what` takes the refusal's description as %1; kept as the way to say
    // it, so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    WgServerModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    SectionHeader *m_header = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_startStop = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_import = nullptr;
    QStackedWidget *m_content = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    WgClientsPane *m_clients = nullptr;
    WgPendingBanner *m_pending = nullptr;
    QTabWidget *m_tabs = nullptr;
    Ipv6PoolsPane *m_pools = nullptr;
    BgpPane *m_bgp = nullptr;
    QLabel *m_state = nullptr;
    QTimer *m_refresh = nullptr;
    QString m_search;
    LocalizedText m_message;
    hm::Error m_readError;
    bool m_loaded = false;
    bool m_readFailed = false;
    bool m_reading = false;
    bool m_busy = false; // a start or stop on its way
    SignInTracker m_signIn;
};

} // namespace hm::app
