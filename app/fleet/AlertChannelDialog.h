#pragma once

#include "client/AlertTypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Creates a webhook channel or changes one (administrators): its name, the
// URL alerts are posted to, the secret that signs them and whether it is
// on. The secret is write-only: typed (or generated here, shown so it can
// be copied to the receiver, the clipboard cleared after 30 s) and sent,
// never read back; when changing a channel an empty field keeps the stored
// one. The server's refusal shows under the field it names (a private
// address says how to allow it). objectNames `alerts.channel.*`.
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
    void retranslateUi();
    void generateSecret();
    void validate();
    void submit();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::AlertChannelRow m_channel;
    bool m_editing = false;
    bool m_sending = false;
    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_secretError = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
