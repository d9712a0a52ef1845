#pragma once

#include "client/VpnNetTypes.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// "Announce prefix": a prefix (IPv4 or IPv6 network without host bits,
// checked as typed) and an optional description, sent to the server, which
// has BIRD apply it before storing it. A refusal (BIRD's words, a prefix
// announced already or an active pool's) shows in the dialog, which stays
// open. Named `vpn.bgp.announcements.*`.
class BgpAnnounceDialog final : public QDialog
{
    Q_OBJECT

public:
    BgpAnnounceDialog(client::ApiClient *api, const QString &role, QWidget *parent);

    // What the user typed is a network: empty when it is, else what is wrong.
    static QString prefixProblem(const QString &text);

    client::BgpAnnouncement stored; // after Accepted

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void submit();
    QString refusal(const hm::Error &error) const;

    QPointer<client::ApiClient> m_api;
    QString m_role;
    bool m_sending = false;
    QLabel *m_intro = nullptr;
    QLabel *m_prefixLabel = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_prefixError = nullptr;
    QLabel *m_descriptionLabel = nullptr;
    QLineEdit *m_description = nullptr;
    QLabel *m_descriptionError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    hm::Error m_refusal; // the last one, worded again on a language change
    bool m_refused = false;
};

} // namespace hm::app
