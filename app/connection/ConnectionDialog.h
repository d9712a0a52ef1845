#pragma once

#include "connection/ServerProfiles.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Adds a remote server as a profile: name, URL, TLS verification and an
// optional pinned certificate fingerprint. "Check" asks the server's health
// with exactly that TLS policy (ApiClient::setTlsPolicy: an untrusted
// certificate or a fingerprint other than the pinned one is refused, in
// words) and, over HTTPS, shows the certificate's SHA-256 fingerprint,
// which the profile remembers as its pin when none was entered (trust on
// first use). Saving needs a successful check. The saved servers are listed
// above ("connection.profiles"): choosing one edits it, "Remove" deletes it
// after a confirmation (MessageBox "connection.confirmRemove") together with
// the sign-in the keychain kept for it. Shown through DialogSeam
// (`connection.dialog`).
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    ServerProfile profile() const;
    // Edits the saved profile `name` (as choosing it in the list does).
    void editProfile(const QString &name);
    QListWidget *profileList() const { return m_profiles; }
    bool checked() const { return m_checked; }
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void check();
    void finishCheck(bool ok, const QString &text);
    void readFingerprint();
    void retranslateUi();
    void reloadProfiles();
    void removeProfile();
    void startNew();

    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLineEdit *m_url = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QLabel *m_pinLabel = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_profilesLabel = nullptr;
    QListWidget *m_profiles = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_remove = nullptr;
    QString m_editing; // the saved profile being edited; empty = a new one
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
