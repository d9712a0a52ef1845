#pragma once

#include "client/FlowTypes.h"
#include "common/Result.h"
#include "flows/FlowAutosave.h"
#include "flows/FlowListModel.h"
#include "widgets/MessageLine.h"
#include "widgets/SectionPage.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace hm::client {
class ApiClient;
} // namespace hm::client

namespace hm::app {

class SectionEmptyState;

class FlowEditorPage;
class LiveEvents;

// The console's Flows section (issue 11, item 7): the list of flows the
// signed-in user may see, filtered on the server (search, mine, shared
// with me) and kept live from /ws/events, with the honest states of
// console.md (loading after 150 ms, empty with the one action that fills
// it, error with words, Retry and details). Its actions — new, import,
// open, run, rename, duplicate, delete, share, webhook, export — ask
// through the modal seam (MessageBox, DialogSeam) and are disabled, with a
// tooltip saying why, when the role or the flow's permission does not
// allow them. Opening a flow shows FlowEditorPage in its place.
class FlowsPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    struct Options
    {
        QString autosaveDirectory = FlowAutosave::defaultDirectory();
        int pageSize = FlowListModel::kDefaultPageSize;
        // Follow /ws/events (off: only the page's own changes show).
        bool liveEvents = true;
    };

    FlowsPage(client::ApiClient *client, Options options, QWidget *parent = nullptr);
    explicit FlowsPage(client::ApiClient *client, QWidget *parent = nullptr)
        : FlowsPage(client, Options{}, parent)
    {}
    ~FlowsPage() override;

    // The client the section talks through (ServerConnection's); start()
    // once it has a session.
    void setClient(client::ApiClient *client);
    // Once the client has a session (again): reads who is signed in, the
    // first page of flows and the event stream, and the first time offers
    // editor state a crash left behind (MessageBox
    // "flows.confirmRestoreAfterCrash").
    void start();
    // No session (any more): the list says why and stops following events;
    // the editor keeps what it shows, unsaved edits included.
    void setSessionError(const hm::Error &error);
    bool isStarted() const { return m_started; }

    // Before the console leaves the section or closes: true when it may
    // (no unsaved changes, or they were discarded); after Save, false now
    // and `proceed` once saved.
    bool confirmLeave(std::function<void()> proceed = {});

    FlowListModel *listModel() const { return m_model; }
    FlowEditorPage *editorPage() const { return m_editor; }
    QTableView *listView() const { return m_view; }
    bool isEditorShown() const;
    // "new", "import", "open", "run", "rename", "duplicate", "delete",
    // "share", "webhook", "export", "refresh", "find".
    QAction *action(const QString &name) const { return m_actions.value(name); }
    // The window's Flow menu: the list's actions, then (after a separator,
    // a null entry) the editor's.
    QList<QAction *> menuActions() const override;

    // SectionPage: the list starts when someone signs in and says so when
    // nobody is; the editor keeps unsaved edits through both.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override;
    bool wantsSignedInGate() const override { return false; }
    bool isLive() const override { return m_options.liveEvents; }
    QString menuTitle() const override;
    bool mayLeave(std::function<void()> proceed) override
    {
        return confirmLeave(std::move(proceed));
    }
    // The editor closes (its autosave stays) and the list's message goes:
    // both belonged to the old server.
    void resetForNewServer() override;
    // The list's message line (an action's result or error, in words).
    QString message() const;
    bool isBusy() const { return m_pending > 0; }
    bool eventsConnected() const;
    QString role() const { return m_role; }

public slots:
    void openFlow(const QString &flowId);
    void showList();
    void createFlow();
    void importFlow();
    void openSelected();
    void runSelected();
    void renameSelected();
    void duplicateSelected();
    void deleteSelected();
    void shareSelected();
    void webhookSelected();
    void retentionSelected();
    void exportSelected();
    void refresh();

signals:
    void executionStarted(const QString &executionId);
    // The user chose to restore a crashed editor: show this section.
    void activationRequested();
    // An action's calls all ended (isBusy() is false).
    void idle();

protected:
    void changeEvent(QEvent *event) override;

private:
    // The Flow menu's actions of the page shown (list or editor).
    void showPageActions();
    QAction *makeAction(const QString &name, const QList<QKeySequence> &shortcuts);
    QWidget *createListPage();
    void retranslate();
    void updateState();
    void updateActions();
    void updateCount();
    // Made from a text function: a language change says it again.
    void setMessage(MessageLine::Text text, bool error = false);
    void clearMessage();
    const client::FlowSummary *selectedFlow() const;
    void selectFlow(const QString &flowId);
    // A flow name from the user (DialogSeam "flows.nameDialog"); empty
    // when cancelled.
    QString askName(const QString &title, const QString &label, const QString &initial);
    // POST /flows, then the new row is selected (and opened when `open`).
    // `done` words the success with the flow's name as %1.
    void createWith(const client::NewFlow &flow, const char *done, bool open);
    void withFlow(const QString &flowId, std::function<void(const client::FlowDetail &)> use);
    void refreshRow(const QString &flowId);
    void beginCall();
    void endCall();
    void loadUser();
    void offerCrashRestore();

    QPointer<client::ApiClient> m_client;
    Options m_options;
    FlowListModel *m_model;
    FlowEditorPage *m_editor;
    LiveEvents *m_events; // the client's EventHub while started
    QHash<QString, QAction *> m_actions;
    QList<QAction *> m_editorMenuActions; // the Flow menu's for the open flow
    bool m_started = false;
    bool m_live = false; // a session to list and follow with
    QTimer m_searchTimer;
    QTimer m_loadingTimer;
    bool m_loadingDue = false; // loading for 150 ms: say so
    int m_pending = 0;
    QString m_role;
    QString m_userId;
    hm::Error m_sessionError;
    bool m_hasSessionError = false;

    QStackedWidget *m_pages;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLineEdit *m_search;
    QComboBox *m_scope;
    QLabel *m_count;
    QWidget *m_rowActions;
    QPushButton *m_newButton;
    QPushButton *m_importButton;
    QLabel *m_message;
    MessageLine *m_messageLine = nullptr;
    QStackedWidget *m_listStack;
    QTableView *m_view;
    SectionEmptyState *m_state;
};

} // namespace hm::app
