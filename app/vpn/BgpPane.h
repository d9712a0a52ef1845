#pragma once

#include "client/VpnNetTypes.h"
#include "widgets/LocalizedText.h"
#include "widgets/Retranslate.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class BgpAnnouncementsPane;

// The VPN section's "BGP" tab: the BGP sessions (name, neighbor, AS
// numbers, status (unavailable explained from last_error), uptime, routes
// received and advertised) and the selected session's routes (an empty
// state when BIRD is not there). Administrators create, change, start,
// stop and delete sessions (confirmed); the password is write-only. Under
// them the prefixes announced besides the IPv6 pools' (BgpAnnouncementsPane).
// Named `vpn.bgp.*`.
class BgpPane final : public hm::widgets::Retranslating<QWidget>
{
    Q_OBJECT

public:
    explicit BgpPane(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const QString &role);
    QStandardItemModel *sessions() const { return m_sessions; }
    // The session shown in row `row` (tests).
    client::BgpSessionRow sessionRow(int row) const { return m_rows.value(row); }
    QStandardItemModel *routes() const { return m_routes; }
    BgpAnnouncementsPane *announcements() const { return m_announcements; }

public slots:
    void reload();
    void newSession();
    void editSession();
    void startStopSession();
    void deleteSession();

private:
    void retranslateUi() override;
    void updateActions();
    void fillSessions();
    void loadRoutes();
    bool isAdmin() const;
    const client::BgpSessionRow *selectedSession() const;
    // `what` takes the refusal's description as %1; kept as the way to say
    // it, so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);
    QString statusText(const client::BgpSessionRow &row) const;
    // Why an unavailable session is, in the UI language.
    QString unavailableText(const client::BgpSessionRow &row) const;

    QPointer<client::ApiClient> m_client;
    QString m_role;
    QList<client::BgpSessionRow> m_rows;
    QList<client::BgpRouteRow> m_routeRows;
    QStandardItemModel *m_sessions = nullptr;
    QStandardItemModel *m_routes = nullptr;
    QTableView *m_sessionView = nullptr;
    QTableView *m_routeView = nullptr;
    QLabel *m_sessionsState = nullptr;
    QLabel *m_routesTitle = nullptr;
    QLabel *m_routesState = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_startStop = nullptr;
    QPushButton *m_delete = nullptr;
    BgpAnnouncementsPane *m_announcements = nullptr;
    LocalizedText m_message;
    QString m_routesMessage;
    bool m_loaded = false;
};

} // namespace hm::app
