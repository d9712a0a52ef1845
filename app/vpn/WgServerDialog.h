#pragma once

#include "client/WireGuardTypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Creates a WireGuard server (POST, its key pair made by the server) or
// changes one (PUT with the fields changed). The interface name, the
// addresses and the name are checked as typed; what the server refuses
// (a taken interface or port: 409; a bad value: 422) is shown at its field.
// An edit may ask to be confirmed (WgConfirmBox): the server puts it back
// unless it is confirmed in time. Named `vpn.server.*`.
class WgConfirmBox;

class WgServerDialog final : public QDialog
{
    Q_OBJECT

public:
    // `existing` null: a new server.
    WgServerDialog(client::ApiClient *client, const client::WgServerRow *existing,
                   const QString &role, QWidget *parent = nullptr);

    // The server as the server answered after Save.
    const client::WgServerRow &server() const { return m_server; }
    // What Save sends: every field for a new server, the changed ones else.
    client::WgServerChange change() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::WgServerRow m_server;
    bool m_editing = false;
    bool m_sending = false;
    QString m_role;

    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_interface = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_ipv4 = nullptr;
    QLineEdit *m_ipv6 = nullptr;
    QLineEdit *m_dns = nullptr;
    QSpinBox *m_mtu = nullptr;
    QSpinBox *m_keepalive = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QCheckBox *m_autoStart = nullptr;
    QLineEdit *m_description = nullptr;
    WgConfirmBox *m_confirm = nullptr; // editing only
    // Caption and error line of each field, by the server's field name.
    QHash<QString, QLabel *> m_captions;
    QHash<QString, QLabel *> m_errors;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
