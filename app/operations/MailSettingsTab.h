#pragma once

#include "widgets/LocalizedText.h"
#include "widgets/MessageLine.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class CaCertificateField;

// Settings → Mail (issue 37 item 8): the SMTP server the server sends
// account e-mail through (GET/PUT /system/mail: password resets, address
// verification, lockout notices) and a test send to an address
// (POST /system/mail/test), whose outcome shows in the server's words. The
// password is write-only: the field stays empty and says whether one is
// set; typing one replaces it, "Clear" removes it. Only the changed fields
// are sent. A private CA's certificate (PEM, pasted or loaded from a
// file; its subject and expiry shown; "Clear" goes back to the system's
// CAs) verifies the SMTP server's TLS certificate. ADMIN only: others see
// why the form is read-only. Widgets are named `mail.<field>` (host, port,
// security, username, password, passwordState, clearPassword, from,
// publicUrl, caPem, caPemLoad, caPemClear, caPemInfo, save, status,
// testTo, sendTest, testResult).
class MailSettingsTab : public QWidget
{
    Q_OBJECT

public:
    explicit MailSettingsTab(QWidget *parent = nullptr);

    void setClient(hm::client::ApiClient *client, bool admin);
    // The settings as last read (never a password: password_set only).
    const QJsonObject &settings() const { return m_settings; }
    // What Save sends: the fields that differ from settings().
    QJsonObject changes() const;

public slots:
    void reload();
    void save();
    void sendTest();

signals:
    void saved(bool ok);
    void tested(bool sent);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillForm();
    void updateState();
    void retranslate();

    QPointer<hm::client::ApiClient> m_client;
    bool m_admin = false;
    bool m_busy = false;
    bool m_clearPassword = false;
    QJsonObject m_settings;
    LocalizedText m_status;

    QLabel *m_readOnlyNote = nullptr;
    QGroupBox *m_serverGroup = nullptr;
    QGroupBox *m_testGroup = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_hostCaption = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_portCaption = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_securityCaption = nullptr;
    QComboBox *m_security = nullptr;
    QLabel *m_usernameCaption = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_passwordCaption = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordState = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_fromCaption = nullptr;
    QLineEdit *m_from = nullptr;
    QLabel *m_publicUrlCaption = nullptr;
    QLineEdit *m_publicUrl = nullptr;
    QLabel *m_caCaption = nullptr;
    CaCertificateField *m_ca = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_testCaption = nullptr;
    QLineEdit *m_testTo = nullptr;
    QPushButton *m_sendTest = nullptr;
    QLabel *m_testResult = nullptr;
    MessageLine *m_testResultLine = nullptr; // says it again in a new language
};

} // namespace hm::app
