#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm::app {

// Asks the signed-in user to confirm who they are before a remote terminal
// opens (the server wants it within the last 5 minutes): their password,
// or a code from their authenticator app when they tick the box. The
// secret is read once with takeSecret(), which clears the field, so it does
// not outlive the request; it is never logged nor stored. Named
// `reauthenticateDialog` (`reauthenticate.*` inside); exec() it through
// DialogSeam.
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

    bool isTotpCode() const;
    // The typed password or code; the field is empty afterwards.
    QString takeSecret();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateMode();

    QString m_nodeName;
    Purpose m_purpose = Purpose::Terminal;
    QLabel *m_text = nullptr;
    QLabel *m_fieldLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_useCode = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
