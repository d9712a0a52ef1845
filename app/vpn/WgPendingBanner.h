#pragma once

#include "client/WireGuardTypes.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QTimer;
class QVBoxLayout;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Over the servers list while changes await confirmation (GET
// /wireguard/pending-changes): one line per pending change, the soonest
// deadline first (the one to act on first), "Changes to <name> roll back
// at <time> unless confirmed (m:ss left)" with its own
// live countdown and its own "Keep changes" (POST …/confirm), so the
// operator confirms each change explicitly; with more than one, "Keep all"
// confirms every one shown. More than kVisibleRows lines scroll inside the
// banner, so it never pushes the page over the smallest window. Read again
// when asked (after a PUT, on wireguard_status) and every few seconds while
// one is pending and the banner's page shows. A change that goes away
// without this banner confirming it (rolled back, or confirmed by a
// handshake or another console) emits changesEnded(): the page reads its
// rows again so the values now in force show. Hidden when nothing is
// pending. Named `vpn.pending*`; a change's line `vpn.pending.row.<kind>.<id>`
// with `vpn.pending.text.<kind>.<id>` and `vpn.pending.keep.<kind>.<id>`.
class WgPendingBanner final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kVisibleRows = 3;

    explicit WgPendingBanner(QWidget *parent = nullptr);

    void setSession(client::ApiClient *client, const QString &role);
    // The name shown for a server or client (the page knows its rows'
    // names; others are read once).
    void setName(const QString &kind, qint64 id, const QString &name);
    const QList<client::WgPendingChange> &pending() const { return m_pending; }
    // The banner's lines as shown, one per change (tests, screenshots).
    QString text() const;

signals:
    void changesEnded();

public slots:
    void refresh();
    // Confirms one pending change (its own button).
    void keepChange(const QString &kind, qint64 id);
    // Confirms every change shown ("Keep all").
    void keepAll();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        client::WgPendingChange change;
        QWidget *widget = nullptr;
        QLabel *text = nullptr;
        QPushButton *keep = nullptr;
    };

    // Sorted here by deadline, soonest first.
    void showPending(QList<client::WgPendingChange> pending);
    void rebuildRows();
    void fitLines();
    void retranslateUi();
    QString lineText(const client::WgPendingChange &change);
    QString nameOf(const client::WgPendingChange &change);
    static QString key(const QString &kind, qint64 id);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    QList<client::WgPendingChange> m_pending;
    QList<Row> m_rows;
    QHash<QString, QString> m_names;
    QHash<QString, bool> m_asked;     // names being read
    QSet<QString> m_confirmed;        // kept here: not an unexpected end
    QSet<QString> m_confirming;       // a confirm on its way
    QHash<QString, QString> m_errors; // a refused confirm, by change
    QScrollArea *m_scroll = nullptr;
    QWidget *m_lines = nullptr;
    QVBoxLayout *m_linesLayout = nullptr;
    QPushButton *m_keepAll = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_poll = nullptr;
    bool m_reading = false;
    bool m_again = false;
};

} // namespace hm::app
