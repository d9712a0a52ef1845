#pragma once

#include "client/FlowTypes.h"
#include "common/Result.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Sharing a flow (seed 003 §14): who has it with which permission (view,
// edit, admin; pending invitations too), share by e-mail, change a
// permission, stop sharing. Every call goes to the server at once; its
// refusals (SHARE_ACCESS_DENIED, CANNOT_SHARE_TO_SELF, ALREADY_SHARED, …)
// are shown in words in the dialog. Shown through DialogSeam::exec.
class ShareDialog final : public QDialog
{
    Q_OBJECT

public:
    ShareDialog(client::ApiClient *client, const QString &flowId, const QString &flowName,
                QWidget *parent = nullptr);

    // The shares as last read or changed.
    const QList<client::FlowShare> &shares() const { return m_shares; }
    bool isBusy() const { return m_busy > 0; }
    // The message line: an error in words, or what the last change did.
    QString message() const;

    // Reads the shares again.
    void reload();

signals:
    // A call finished (the list, or a change); isBusy() may be false now.
    void callFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillList();
    void updateButtons();
    void addShare();
    void changePermission();
    void removeShare();
    void showError(const hm::Error &error);
    void showInfo(const QString &text);
    QString selectedShareId() const;
    void callEnded(); // one call ended

    QPointer<client::ApiClient> m_client;
    QString m_flowId;
    QString m_flowName;
    QList<client::FlowShare> m_shares;
    int m_busy = 0;

    QLabel *m_intro;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QComboBox *m_permission;
    QPushButton *m_add;
    QTreeWidget *m_list;
    QLabel *m_selectedLabel;
    QComboBox *m_selectedPermission;
    QPushButton *m_remove;
    QLabel *m_message;
    QPushButton *m_close;
};

// "view" / "edit" / "admin" as a choice in the share dialog.
QString sharePermissionChoice(const QString &permission);

} // namespace hm::app
