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
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The VPN section's "IPv6 pools" tab: the pools (name, prefix, delegated
// length, allocated and available prefixes (exact; a huge count as 2^N),
// status; a disabled pool greyed) and under them the selected pool's
// allocations (client, prefix, allocated, expires: "Never" or the local
// time; the server releases an expired one by itself, and the table reads
// again when the soonest expiry comes). Administrators
// create, change (status active or disabled too) and delete pools, delegate
// a prefix to a WireGuard client or a free name, automatically or a given
// one, with an optional expiry (refused in the past as typed), and
// release one (confirmed); others see the actions off with the reason.
// Named `vpn.pools.*`.
class Ipv6PoolsPane final : public hm::widgets::Retranslating<QWidget>
{
    Q_OBJECT

public:
    explicit Ipv6PoolsPane(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const QString &role);
    QStandardItemModel *pools() const { return m_pools; }
    QStandardItemModel *allocations() const { return m_allocations; }
    // "2^128", or the digits grouped as the language groups them.
    static QString countText(const QString &exact);
    // An allocation's expiry as the table shows it: "Never", the local
    // time, or past it "… (expired, being released)".
    static QString expiryText(const QDateTime &expiresAt);

public slots:
    void reload();
    void newPool();
    void editPool();
    void deletePool();
    void delegatePrefix();
    void releaseSelected();

private:
    void retranslateUi() override;
    void updateActions();
    void fillPools();
    void loadAllocations();
    // Reads again once the soonest shown expiry has come, so the prefix
    // the server released by itself goes from the table.
    void scheduleExpiryCheck();
    bool isAdmin() const;
    const client::Ipv6PoolRow *selectedPool() const;
    // `what` takes the refusal's description as %1; kept as the way to say
    // it, so a language change says it again.
    void failed(std::function<QString()> what, const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    QList<client::Ipv6PoolRow> m_rows;
    QList<client::Ipv6AllocationRow> m_allocationRows;
    QStandardItemModel *m_pools = nullptr;
    QStandardItemModel *m_allocations = nullptr;
    QTableView *m_poolView = nullptr;
    QTableView *m_allocationView = nullptr;
    QLabel *m_poolsState = nullptr;
    QLabel *m_allocationsTitle = nullptr;
    QLabel *m_allocationsState = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_delegate = nullptr;
    QPushButton *m_release = nullptr;
    QTimer *m_expiryCheck = nullptr;
    LocalizedText m_message;
    bool m_loaded = false;
};

} // namespace hm::app
