#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Asks the signed-in user to confirm who they are before a remote terminal
// opens (the server wants it within the last 5 minutes): their password,
// or a code from their authenticator app when they tick the box. The
// secret is read once with takeSecret(), which clears the field, so it does
// not outlive the request; it is never logged nor stored. Named
// `reauthenticateDialog` (`reauthenticate.*` inside); exec() it through
// DialogSeam. With a client (setClient) Confirm sends the secret itself
// and the dialog closes only once the server took it: a wrong password
// keeps it open, says so, and empties the field for another try.
class ReauthenticateDialog final : public QDialog
{
    Q_OBJECT

public:
    // What the confirmation is for, as the dialog explains it.
    enum class Purpose
    {
        Terminal, // a remote terminal on `nodeName`
        Agent,    // upgrading, restarting or rebooting through `nodeName`'s agent
        Rollout   // upgrading many nodes' agents (`nodeName` unused)
    };

    explicit ReauthenticateDialog(const QString &nodeName, QWidget *parent = nullptr,
                                  Purpose purpose = Purpose::Terminal);

    // Confirm checks the secret with this server before closing.
    void setClient(client::ApiClient *client);
    // The server took the secret (only with a client): nothing to send.
    bool isConfirmed() const { return m_confirmed; }

    bool isTotpCode() const;
    // The typed password or code; the field is empty afterwards.
    QString takeSecret();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateMode();
    void confirm();
    void showRefusal(std::function<QString()> text);

    QString m_nodeName;
    Purpose m_purpose = Purpose::Terminal;
    QLabel *m_text = nullptr;
    QLabel *m_fieldLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_useCode = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_error = nullptr;
    QPointer<client::ApiClient> m_client;
    bool m_sending = false;
    bool m_confirmed = false;
};

} // namespace hm::app
