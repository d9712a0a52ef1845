#pragma once

#include "client/ApiTypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLayout;
class QLineEdit;
class QMenu;
class QPushButton;
class QPlainTextEdit;
class QSpinBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Checks of the create dialog, the server's rules (ApiKeyService::create),
// run as the user types. Each returns the entries, or sets `error` to the
// first problem in words.
QStringList parseAllowedIps(const QString &text, QString *error);
QStringList parseEndpoints(const QString &text, QString *error);
QStringList parsePermissions(const QString &text, QString *error);

// "New API key": every field POST /auth/api-keys takes (name, description,
// access level, permissions, allowed IPs, endpoint patterns, rate and
// burst limit, expiry), checked as typed. Create sends it; the dialog
// closes (Accepted) only once the server made the key, whose secret
// createdKey() holds; a refusal is shown at its field and the dialog stays.
class ApiKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    // `role` is the signed-in user's: only administrators may choose the
    // administration access level.
    ApiKeyDialog(client::ApiClient *client, const QString &role, QWidget *parent = nullptr);
    ~ApiKeyDialog() override;

    // What the form describes now (valid or not).
    client::NewApiKey key() const;
    bool isValid() const;
    // The server's answer, with the key's whole secret (once).
    const client::ApiKeyInfo &createdKey() const { return m_created; }
    // The last refusal of the server shown ("" when none).
    QString serverError() const;

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    // The defined permissions as checkable choices (the text field stays
    // for typing): rebuilt from the field's entries each time it opens.
    void fillPermissionMenu();
    void togglePermission(const QString &permission);

    QPointer<client::ApiClient> m_client;
    QString m_role;
    client::ApiKeyInfo m_created;
    bool m_sending = false;

    QFormLayout *m_form = nullptr;
    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLineEdit *m_description = nullptr;
    QComboBox *m_access = nullptr;
    QLineEdit *m_permissions = nullptr;
    QLayout *m_permissionsRow = nullptr;
    QPushButton *m_choosePermissions = nullptr;
    QMenu *m_permissionMenu = nullptr;
    QLabel *m_permissionsError = nullptr;
    QPlainTextEdit *m_allowedIps = nullptr;
    QLabel *m_allowedIpsError = nullptr;
    QPlainTextEdit *m_endpoints = nullptr;
    QLabel *m_endpointsError = nullptr;
    QLayout *m_limitsRow = nullptr;
    QLayout *m_expiryRow = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_burst = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateTimeEdit *m_expiresAt = nullptr;
    QLabel *m_expiresError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

// Shows a new key's secret once, with a Copy button (the clipboard is
// cleared again after ClipboardGuard's delay if it still holds the key).
// The secret lives only in this dialog's label and is wiped when it closes.
class ApiKeySecretDialog final : public QDialog
{
    Q_OBJECT

public:
    ApiKeySecretDialog(const client::ApiKeyInfo &key, QWidget *parent = nullptr);
    ~ApiKeySecretDialog() override;

public slots:
    void copy();

protected:
    void changeEvent(QEvent *event) override;
    void done(int result) override;

private:
    void retranslateUi();

    QString m_name;
    QLabel *m_title = nullptr;
    QLabel *m_warning = nullptr;
    QLineEdit *m_secret = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_copied = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
