#pragma once

#include "common/Result.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// A flow's webhook: a secret URL that starts the published version without
// a login. The server keeps only a hash, so the URL is shown when it is
// created or regenerated and never again; regenerating (confirmed through
// MessageBox) stops the old URL at once. Shown through DialogSeam::exec.
class WebhookDialog final : public QDialog
{
    Q_OBJECT

public:
    WebhookDialog(client::ApiClient *client, const QString &flowId, const QString &flowName,
                  QWidget *parent = nullptr);

    bool isBusy() const { return m_busy > 0; }
    bool hasWebhook() const { return m_enabled; }
    // The full URL, only after this dialog created or regenerated it.
    QString url() const { return m_url; }
    QString message() const;

signals:
    void callFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void create();
    void remove();
    void copy();
    void updateState();
    void showError(const hm::Error &error);
    void callEnded();

    QPointer<client::ApiClient> m_client;
    QString m_flowId;
    QString m_flowName;
    bool m_enabled = false;
    bool m_known = false;
    QString m_url;
    int m_busy = 0;

    QLabel *m_intro;
    QLabel *m_state;
    QLineEdit *m_urlField;
    QPushButton *m_copy;
    QPushButton *m_create;
    QPushButton *m_remove;
    QLabel *m_message;
    QPushButton *m_close;
};

} // namespace hm::app
