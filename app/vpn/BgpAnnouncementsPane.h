#pragma once

#include "client/VpnNetTypes.h"
#include "widgets/LocalizedText.h"

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

// The BGP tab's "Announced prefixes": the prefixes BIRD announces on every
// session besides the active IPv6 pools' (prefix, family, description,
// since), an empty state saying the pools are announced automatically.
// Administrators announce (BgpAnnounceDialog) and withdraw (confirmed);
// everyone else sees the list with the buttons off and the reason. Named
// `vpn.bgp.announcements*`.
class BgpAnnouncementsPane final : public QWidget
{
    Q_OBJECT

public:
    enum Column { PrefixColumn, FamilyColumn, DescriptionColumn, SinceColumn, ColumnCount };

    explicit BgpAnnouncementsPane(QWidget *parent = nullptr);

    // Forgets the rows; reload() reads them (BgpPane reloads both).
    void setSession(client::ApiClient *client, const QString &role);
    QStandardItemModel *model() const { return m_model; }
    bool isLoaded() const { return m_loaded; }

public slots:
    void reload();
    void announce();
    void withdraw();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void fill();
    bool isAdmin() const;
    const client::BgpAnnouncement *selected() const;
    // `what` takes the refusal's description as %1; kept as the way to say
    // it, so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    QList<client::BgpAnnouncement> m_rows;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_announce = nullptr;
    QPushButton *m_withdraw = nullptr;
    LocalizedText m_message; // the last failure, until the next reload answers
    bool m_loaded = false;
};

} // namespace hm::app
