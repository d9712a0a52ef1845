#pragma once

#include "client/CredentialsApi.h"
#include "widgets/LocalizedText.h"

#include <QGroupBox>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The administrator's view of the credential data key (docs/vault.md, "Key
// rotation"): its versions with their state and how many credentials each
// seals, and the rotation's progress. "Rotate key..." starts a rotation
// (after a confirmation); while it runs the panel polls the key status and
// shows the progress — also while its page is not on screen — until the
// rotation is idle again.
class KeyStatusPanel final : public QGroupBox
{
    Q_OBJECT

public:
    explicit KeyStatusPanel(QWidget *parent = nullptr);
    ~KeyStatusPanel() override;

    void setClient(client::ApiClient *client);
    const client::CredentialKeyStatus &status() const { return m_status; }
    bool isPolling() const;
    // Whether the key status has been read at least once.
    bool isLoaded() const { return m_loaded; }
    // Tests: how often a running rotation is asked about.
    void setPollIntervalMs(int ms);

public slots:
    void refresh();
    void rotate();

signals:
    // A rotation ended (the key status says idle again).
    void rotationFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showStatus(const client::CredentialKeyStatus &status);
    // Kept as the way to say it: retranslation says it again.
    void showError(std::function<QString()> text);

    QPointer<client::ApiClient> m_client;
    client::CredentialKeyStatus m_status;
    bool m_loaded = false;
    bool m_rotating = false;
    LocalizedText m_error;
    QLabel *m_summary = nullptr;
    QTableWidget *m_versions = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_rotate = nullptr;
    QTimer *m_poll = nullptr;
};

} // namespace hm::app
