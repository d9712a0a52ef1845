#pragma once

#include "client/WireGuardTypes.h"
#include "widgets/LocalizedText.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// One-time links to a client's config (administrators): a lifetime
// (15 minutes to 7 days), "Create link" (POST …/share-links), then the
// whole URL (this console's server address and the answer's path), when it
// expires and a warning that whoever opens it once gets the client's
// private key; "Copy" goes through ClipboardGuard. Under it the client's
// links (active, used, expired; never a token: the server keeps none) and
// "Revoke unused links". The token lives only in the URL field and is
// never logged. Named `vpn.share.*`.
class WgShareLinkDialog final : public QDialog
{
    Q_OBJECT

public:
    WgShareLinkDialog(client::ApiClient *client, const client::WgClientRow &row,
                      QWidget *parent = nullptr);

    // The last link made here; empty before.
    QString url() const { return m_url; }
    const QList<client::WgShareLink> &links() const { return m_links; }
    bool linksLoaded() const { return m_loaded; }

public slots:
    void createLink();
    void copyLink();
    void revokeUnused();
    void reloadLinks();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showLinks();
    void updateActions();
    // Kept as the way to say it: a language change says it again.
    void showMessage(std::function<QString()> text, bool bad);
    void showMessage();

    QPointer<client::ApiClient> m_client;
    client::WgClientRow m_row;
    QString m_url;
    QDateTime m_expiresAt;
    QList<client::WgShareLink> m_links;
    bool m_loaded = false;
    bool m_busy = false;
    LocalizedText m_message;
    bool m_messageBad = false;

    QLabel *m_intro = nullptr;
    QLabel *m_warning = nullptr;
    QLabel *m_lifetimeCaption = nullptr;
    QComboBox *m_lifetime = nullptr;
    QPushButton *m_create = nullptr;
    QPlainTextEdit *m_urlEdit = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_linksTitle = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_revoke = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
