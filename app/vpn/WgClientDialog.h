#pragma once

#include "client/WireGuardTypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class WgConfigView;
class WgConfirmBox;

// A new client of a WireGuard server (ADMIN): name, address family (the
// families the server has), optional explicit addresses, DNS, keepalive,
// an optional expiry and a description, checked as typed; the server's
// refusals at their field. Created, the dialog turns to its result: the
// config's QR code and text (WgConfigView), the only time the server sends
// them with the client. Named `vpn.client.*`.
//
// The second constructor edits an existing client (PUT): name, DNS,
// keepalive, expiry, description and enabled; its addresses are shown
// read-only; the change may ask to be confirmed (WgConfirmBox). Saved,
// hasResult() holds and clientRow() is the stored row.
class WgClientDialog final : public QDialog
{
    Q_OBJECT

public:
    WgClientDialog(client::ApiClient *client, const client::WgServerRow &server,
                   const QString &role, QWidget *parent = nullptr);
    WgClientDialog(client::ApiClient *client, const client::WgServerRow &server,
                   const client::WgClientRow &existing, const QString &role,
                   QWidget *parent = nullptr);

    bool isEditing() const { return m_editId != 0; }

    bool hasResult() const { return m_created.client.id != 0 || m_saved; }
    const client::WgClientRow &clientRow() const { return m_created.client; }
    client::WgClientChange change() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void showError(const hm::Error &error);
    QString family() const;
    void build();
    client::WgClientChange editChange() const;

    QPointer<client::ApiClient> m_client;
    client::WgServerRow m_server;
    client::WgCreatedClient m_created;
    client::WgClientRow m_existing;
    qint64 m_editId = 0;
    bool m_saved = false;
    QString m_role;
    bool m_sending = false;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_family = nullptr;
    QLineEdit *m_ipv4 = nullptr;
    QLineEdit *m_ipv6 = nullptr;
    QLineEdit *m_dns = nullptr;
    QSpinBox *m_keepalive = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateTimeEdit *m_expiry = nullptr;
    QLineEdit *m_description = nullptr;
    QCheckBox *m_enabled = nullptr;
    WgConfirmBox *m_confirm = nullptr; // editing only
    QHash<QString, QLabel *> m_captions;
    QHash<QString, QLabel *> m_errors;
    QLabel *m_error = nullptr;
    QLabel *m_resultTitle = nullptr;
    WgConfigView *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QDialogButtonBox *m_resultButtons = nullptr;
};

} // namespace hm::app
