#pragma once

#include "client/WireGuardTypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace hm::app {

// The commit-confirm option of an edit dialog: "Roll back unless confirmed
// within [N] seconds" (off by default; 10–3,600, 60 when turned on) and,
// with clients given (a server's edit), "…or when client [X] connects
// again". A risky change (a new port, other addresses) can cut off the
// very tunnel the administrator works through; then the server puts it
// back by itself. Named `<prefix>.confirm*`.
class WgConfirmBox final : public QWidget
{
    Q_OBJECT

public:
    // `prefix`: "vpn.server" or "vpn.client".
    WgConfirmBox(const QString &prefix, bool offerHandshake, QWidget *parent = nullptr);

    // The server's clients the handshake may come from.
    void setClients(const QList<client::WgClientRow> &clients);
    // withinSeconds 0 when the option is off.
    client::WgConfirmRequest request() const;

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateEnabled();

    bool m_offerHandshake = false;
    QCheckBox *m_on = nullptr;
    QSpinBox *m_seconds = nullptr;
    QCheckBox *m_byHandshake = nullptr;
    QComboBox *m_client = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace hm::app
