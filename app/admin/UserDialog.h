#pragma once

#include "client/ApiTypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Create a user, or edit one's e-mail, name, role and status (ADMIN). The
// role matrix beside the role says what each role may do, from the
// server's route table. OK sends the change; the dialog closes (Accepted)
// only once the server took it (user() then holds the answer), a refusal is
// shown at its field.
class UserDialog final : public QDialog
{
    Q_OBJECT

public:
    // Create when `existing` is null.
    UserDialog(client::ApiClient *client, const client::UserInfo *existing,
               QWidget *parent = nullptr);
    ~UserDialog() override;

    bool isCreate() const { return m_existing.id.isEmpty(); }
    const client::UserInfo &user() const { return m_result; }
    // The username rule (common/Username.h) in the console's language: the
    // username field's tooltip.
    static QString usernameRuleText();

public slots:
    void submit();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();
    void showError(const hm::Error &error);
    void fillMatrix();
    void fitMatrix();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_existing;
    client::UserInfo m_result;
    bool m_sending = false;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_usernameError = nullptr;
    QLineEdit *m_email = nullptr;
    QLabel *m_emailError = nullptr;
    QLineEdit *m_fullName = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordError = nullptr;
    // New users: change the password at the first sign-in (on by default).
    QCheckBox *m_requireChange = nullptr;
    QComboBox *m_role = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_matrixTitle = nullptr;
    QTableWidget *m_matrix = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
