#pragma once

#include "client/AlertTypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Creates a notification channel or changes one (administrators): a
// webhook (the URL alerts are posted to and the secret that signs them) or
// e-mail (the SMTP server, STARTTLS / TLS / none, the sign-in, the sender
// and recipients, an optional private CA). Secrets are write-only: typed
// (a webhook's may be generated here or shown on demand, selectable and
// copied for the receiver, the clipboard cleared after 30 s) and sent, never read back;
// when changing a channel an empty field keeps the stored one. The
// server's refusal shows under the field it names. objectNames
// `alerts.channel.*`.
class AlertChannelDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AlertChannelDialog(client::ApiClient *client, QWidget *parent = nullptr);
    AlertChannelDialog(client::ApiClient *client, const client::AlertChannelRow &channel,
                       QWidget *parent = nullptr);
    ~AlertChannelDialog() override;

    const client::AlertChannelRow &channel() const { return m_channel; }
    client::AlertChannelChange change() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void showType();
    void load(const client::AlertChannelRow &channel);
    void retranslateUi();
    void generateSecret();
    void securityChanged();
    void validate();
    void submit();
    void showError(const hm::Error &error);
    QString type() const;
    QJsonObject settings() const;

    QPointer<client::ApiClient> m_client;
    client::AlertChannelRow m_channel;
    bool m_editing = false;
    bool m_sending = false;
    QLabel *m_intro = nullptr;
    QLabel *m_typeLabel = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QWidget *> m_webhookRows; // the fields shown for each type
    QList<QWidget *> m_emailRows;
    // Webhook.
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_secretError = nullptr;
    // E-mail.
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_hostError = nullptr;
    QLabel *m_securityLabel = nullptr;
    QComboBox *m_security = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordError = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLineEdit *m_from = nullptr;
    QLabel *m_fromError = nullptr;
    QLabel *m_toLabel = nullptr;
    QLineEdit *m_to = nullptr;
    QLabel *m_toError = nullptr;
    QLabel *m_caLabel = nullptr;
    QPlainTextEdit *m_ca = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_caError = nullptr;

    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
