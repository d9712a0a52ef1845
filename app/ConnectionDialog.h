#pragma once

#include "ServerProfiles.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Adds a remote server as a profile: name, URL, TLS verification. "Check"
// asks the server's health and, over HTTPS, shows the certificate's SHA-256
// fingerprint, which the profile remembers (a different one on a later
// check is pointed out). Saving needs a successful check. Shown through
// DialogSeam (`connection.dialog`).
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    ServerProfile profile() const;
    bool checked() const { return m_checked; }
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();
    void finishCheck(bool ok, const QString &text);
    void readFingerprint();
    void retranslateUi();

    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QLabel *m_fingerprintLabel = nullptr;
    QLabel *m_fingerprint = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
    hm::client::ApiClient *m_client = nullptr;
    QString m_seenFingerprint;
    bool m_checked = false;
};

} // namespace hm::app
