#pragma once

#include "client/AgentReleasesApi.h"
#include "widgets/MessageLine.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Nodes › "Agent releases..." (issue 38 item 9; administrators): the agent
// builds the server offers, newest first — version, protocol, size, the
// start of the SHA-256, who uploaded it when, and "Built in" for the agent
// built with the server — an upload of a build from a file (picked through
// DialogSeam, streamed with progress, the version typed beside it), and
// "Upgrade agents..." which opens the staged rollout (AgentRolloutDialog)
// for the chosen release and `nodeIds` (the Nodes page's selection).
// objectNames `agentReleases.*`.
class AgentReleasesDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        VersionColumn,
        ProtocolColumn,
        SizeColumn,
        ShaColumn,
        UploadedColumn,
        SourceColumn,
        ColumnCount
    };

    AgentReleasesDialog(client::ApiClient *client, QStringList nodeIds,
                        QWidget *parent = nullptr);

    bool isLoading() const { return m_loading; }
    const QList<client::AgentRelease> &releases() const { return m_releases; }

public slots:
    void reload();
    // Asks for the file (DialogSeam), then uploads it as the typed version.
    void uploadBuild();
    void openRollout();

signals:
    // The list was read (again).
    void loaded();
    // An upload ended (its message shows).
    void uploadFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    void showState();
    // Made from a text function: a language change says it again.
    void showError(MessageLine::Text text);
    void clearMessage();
    void updateButtons();
    void retranslateUi();
    QString selectedReleaseId() const;

    QPointer<client::ApiClient> m_client;
    QStringList m_nodeIds;
    QList<client::AgentRelease> m_releases;
    bool m_loading = false;
    std::optional<Error> m_loadError;
    client::ReleaseUpload *m_upload = nullptr;

    QLabel *m_intro = nullptr;
    QTableWidget *m_list = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLineEdit *m_version = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QPushButton *m_rollout = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace hm::app
