#pragma once

#include "client/NodeTypes.h"
#include "client/RemoteTypes.h"
#include "common/Error.h"
#include "widgets/MessageLine.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTableWidgetItem;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class SectionEmptyState;

// Node detail, "Nginx" (issue 38 item 7; docs/api.md "Node Nginx"): the
// node's nginx through its agent. A status line (running, pid, version,
// whether nginx -t passes) with Start, Stop, Reload and Restart; the sites
// of sites-available with an "enabled" check box each (a click enables or
// disables the site on the node), New, Edit, Delete (confirmed through
// MessageBox) and "Main config"; a plain-text editor for the site or the
// main config whose Save the agent tests with nginx -t — a refusal shows
// nginx's own words under the editor and leaves the text to fix; and the
// certificate of the selected site's first server name with "Generate
// self-signed". It reads when shown or told to (no polling: nginx changes
// rarely and every action here reads again). With the node's agent offline
// (the node row says so, or the server answers NODE_OFFLINE) an empty state
// says so like the other node tabs, nothing stale stays usable, and the
// view reads again when the agent is back. Named `nodes.nginx*`.
class NodeNginxView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeNginxView(QWidget *parent = nullptr);

    void setClient(client::ApiClient *client);
    // Null: no node. Another node reads again.
    void setNode(const client::NodeRow *node);

    const client::NginxStatus &status() const { return m_status; }
    const QList<client::NginxSite> &sites() const { return m_sites; }
    // How many answers arrived (tests wait for a fresh one).
    int answers() const { return m_answers; }
    bool isBusy() const { return m_pending > 0; }

public slots:
    void reload();
    void newSite();
    void editSelectedSite();
    void editMainConfig();
    void deleteSelectedSite();
    void save();
    void cancelEdit();
    void generateCertificate();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class Editing
    {
        Nothing,
        NewSite,
        Site,
        MainConfig
    };
    void retranslateUi();
    bool isOnline() const;
    // The content, or the empty state when there is no node or it is offline.
    void showState();
    void control(const QString &verb);
    void showStatus();
    void showSites();
    void showCertificate();
    void readCertificate();
    void siteToggled(QTableWidgetItem *item);
    void updateActions();
    void fail(const hm::Error &error);
    // The message line, made from a text function: a language change says
    // it again.
    void say(MessageLine::Text text);
    void clearMessage();
    QString selectedSite() const;
    QString selectedDomain() const;
    // Wraps `done` so isBusy() counts the call and a stale answer (another
    // node meanwhile) is dropped.
    template <typename T, typename F> auto track(F &&done);

    QPointer<client::ApiClient> m_client;
    std::optional<client::NodeRow> m_node;
    client::NginxStatus m_status;
    QList<client::NginxSite> m_sites;
    std::optional<client::NginxCertificate> m_certificate;
    std::optional<hm::Error> m_certificateError;
    Editing m_editing = Editing::Nothing;
    QString m_editingName;
    QString m_editingSha;
    bool m_loaded = false;
    bool m_showingSites = false;
    // The server answered NODE_OFFLINE although the row said online.
    bool m_agentGone = false;
    int m_pending = 0;
    int m_answers = 0;
    quint64 m_generation = 0;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_restart = nullptr;
    QLabel *m_message = nullptr;
    MessageLine *m_messageLine = nullptr;
    QLabel *m_sitesTitle = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_mainConfig = nullptr;
    QLabel *m_certificateTitle = nullptr;
    QLabel *m_certificateText = nullptr;
    QPushButton *m_generate = nullptr;
    QLabel *m_editorTitle = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_editorError = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace hm::app
