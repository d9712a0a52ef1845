#pragma once

#include "client/WireGuardTypes.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Over the servers list while a change awaits confirmation (GET
// /wireguard/pending-changes): "Changes to <name> roll back at <time>
// unless confirmed" with a live countdown and "Keep changes" (POST
// …/confirm). Read again when asked (after a PUT, on wireguard_status) and
// every few seconds while one is pending and the banner's page shows.
// A change that goes away without this banner confirming it (rolled back,
// or confirmed by a handshake or another console) emits changesEnded():
// the page reads its rows again so the values now in force show. Hidden
// when nothing is pending. Named `vpn.pending*`.
class WgPendingBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit WgPendingBanner(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const QString &role);
    // The name shown for a server or client (the page knows its rows'
    // names; others are read once).
    void setName(const QString &kind, qint64 id, const QString &name);
    const QList<client::WgPendingChange> &pending() const { return m_pending; }
    // The banner's text as shown (tests, screenshots).
    QString text() const;

signals:
    void changesEnded();

public slots:
    void refresh();
    void keepChanges();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPending(const QList<client::WgPendingChange> &pending);
    void retranslateUi();
    QString nameOf(const client::WgPendingChange &change);
    static QString key(const QString &kind, qint64 id);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    QList<client::WgPendingChange> m_pending;
    QHash<QString, QString> m_names;
    QHash<QString, bool> m_asked; // names being read
    QString m_confirmedKey;       // kept here: not an unexpected end
    QLabel *m_text = nullptr;
    QPushButton *m_keep = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_poll = nullptr;
    bool m_reading = false;
    bool m_again = false;
    bool m_busy = false;
    QString m_error;
};

} // namespace hm::app
