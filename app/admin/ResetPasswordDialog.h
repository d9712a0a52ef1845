#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::app {

// An administrator's password reset for one user: the new password and
// whether the user must choose their own at the next sign-in (on by
// default: a password somebody else knows should not stay in use). The
// server checks the password against its policy; UsersPanel sends it.
// Object names for tests: users.resetPassword.password,
// users.resetPassword.requireChange, users.resetPassword.ok.
class ResetPasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    ResetPasswordDialog(const QString &username, QWidget *parent = nullptr);

    QString password() const;
    bool requireChange() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_username;
    QLabel *m_intro = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_requireChange = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
