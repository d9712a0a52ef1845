#pragma once

#include "widgets/MessageLine.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Node detail, Docker, "Compose projects" (issue 38 item 6): the node's
// compose projects as its agent finds them (directories with a compose
// file under its compose roots, and the projects its containers name) with
// Up and Down… for the selected one. Down asks first (MessageBox seam:
// `nodes.docker.confirmComposeDown`); while compose runs a busy bar and
// the project's name show and both buttons wait; the tool's output or the
// refusal in words (ServerErrorText) shows below when it ends. Named
// `nodes.docker.compose*`.
class NodeComposePane final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeComposePane(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    // Another node (or none) clears the list; `online` enables the actions.
    void setNode(const QString &nodeId, const QString &nodeName, bool online);
    QTableWidget *table() const { return m_table; }
    bool isRunning() const { return !m_runningProject.isEmpty(); }
    // How many project lists arrived (tests wait for a fresh one).
    int answers() const { return m_answers; }

public slots:
    // Reads the projects (when a node is set and online).
    void reload();
    void upSelected() { run(true); }
    void downSelected() { run(false); }

signals:
    // A compose up or down answered (tests wait for it).
    void runFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString selectedProject() const;
    void run(bool up);
    void retranslateUi();
    void updateNote();
    void updateActions();
    // Made from a text function: a language change says it again.
    void showStatus(MessageLine::Text text, const QString &tone);
    void clearStatus();

    QPointer<client::ApiClient> m_client;
    QString m_nodeId;
    QString m_nodeName;
    bool m_online = false;
    bool m_available = true; // a compose tool is installed on the node
    quint64 m_generation = 0;
    int m_answers = 0;
    QString m_runningProject;
    bool m_runningUp = false;
    QLabel *m_note = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    MessageLine *m_statusLine = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_output = nullptr;
};

} // namespace hm::app
