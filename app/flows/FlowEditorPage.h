#pragma once

#include "client/FlowTypes.h"
#include "common/Result.h"
#include "flows/FlowAutosave.h"

#include <QHash>
#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolBar;
class QToolButton;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class FlowEditorWidget;
class FlowGraphModel;
class FlowVersionViewer;
class FlowVersionsModel;
class MessageLine;

// The Flows section's editor: one flow fetched from the server and shown in
// FlowEditorWidget, with what the server does to it — Save (a new draft
// version, Ctrl+S), Publish (Ctrl+Shift+P), Run (Ctrl+Enter, through
// TriggerDialog), Share, Webhook and Export.
//
// Nothing is lost (console.md "Never lose work"): a draft is saved with
// its problems (seed 003 keeps drafts apart from published versions), which
// the Problems dock lists after the save and whenever the flow is opened
// again, and only publish and run refuse it; a refused save (a body no
// draft can be stored as) keeps every edit and lists the server's problems
// in words; a save answered
// 409 CONFLICT (the flow got a newer version meanwhile) offers to reload it
// or to save these edits as a version after it; and the unsaved state is
// written to the autosave directory shortly after every edit, offered
// again when the flow is next opened (also after a crash), and removed
// once saved or discarded. Leaving with unsaved changes asks first
// (confirmLeave).
class FlowEditorPage final : public QWidget
{
    Q_OBJECT

public:
    FlowEditorPage(client::ApiClient *client, FlowAutosave autosave, QWidget *parent = nullptr);
    ~FlowEditorPage() override;

    // Fetches the flow (and the component catalogue, once) and shows it.
    // An autosave of this flow that differs from the server's latest
    // version is offered first (MessageBox "flows.confirmRestore").
    void open(const QString &flowId);
    // Opens the flow with an autosaved state, without asking.
    void restore(const FlowAutosave::Entry &entry);
    // Drops the flow shown (no questions; the autosave stays).
    void closeFlow();
    // Discards the unsaved changes: removes the autosave, closes the flow.
    void discard();

    // Asks what to do with unsaved changes (Save / Discard / Cancel) and
    // tells whether the caller may leave now. After Save, false is
    // returned and `proceed` runs once the save succeeded.
    bool confirmLeave(std::function<void()> proceed = {});

    bool isOpen() const { return !m_flowId.isEmpty(); }
    bool isLoading() const { return m_loading; }
    bool isBusy() const { return m_loading || m_saving || m_publishing || m_triggering; }
    bool isModified() const;
    QString flowId() const { return m_flowId; }
    QString flowName() const { return m_flowName; }
    // The version the edits are based on, the latest saved and the
    // published one (empty: none).
    QString baseVersion() const { return m_baseVersion; }
    QString latestVersion() const { return m_latestVersion; }
    QString publishedVersion() const { return m_publishedVersion; }
    QString permission() const { return m_permission; }
    // The id of the execution the last Run started.
    QString lastExecutionId() const { return m_lastExecutionId; }
    // The message line over the canvas.
    QString bannerText() const;

    FlowGraphModel *model() const { return m_model; }
    FlowEditorWidget *editor() const { return m_editor; }

    // --- versions (issue 11, item 5) ---------------------------------------
    // The Versions dock ("flows.editor.versionsDock", tabbed with the
    // problems): the flow's versions newest first ("flows.versions.list"),
    // Open Read-Only ("flows.versions.open", or double-click) and Compare
    // ("flows.versions.compare": two selected versions, or one with the
    // draft on the canvas).
    FlowVersionsModel *versionsModel() const { return m_versions; }
    QTableView *versionsList() const { return m_versionsList; }
    FlowVersionViewer *versionViewer() const { return m_versionViewer; }
    // A version or a diff is shown instead of the draft.
    bool isShowingVersion() const;
    // Shows `version` read-only (the draft and its edits stay as they are).
    void openVersion(const QString &version);
    // What changed from `before` to `after`; an empty `after` is the draft
    // on the canvas, unsaved edits included.
    void compareVersions(const QString &before, const QString &after = {});
    // Back from a version or a diff to the draft.
    void closeVersion();
    // Saves `version`'s content as a new draft version through the normal
    // save (based on the version the draft is based on). Unsaved edits of
    // the draft are replaced: asked first (MessageBox
    // "flows.confirmRestoreVersion").
    void restoreVersion(QString version); // by value: the viewer clears its own
    // The signed-in user, to name their own versions.
    void setUser(const QString &userId, const QString &name);
    // "save", "publish", "run", "share", "webhook", "export", "back".
    QAction *action(const QString &name) const { return m_actions.value(name); }
    QList<QAction *> flowActions() const;

    // The client to talk to the server with (another session, another
    // server); what is open stays.
    void setClient(client::ApiClient *client);
    // The signed-in user's role ("admin", "user", "viewer"): with the
    // flow's permission it decides what is enabled.
    void setRole(const QString &role);
    // Another console saved `version` of the open flow (a flow event).
    void noteNewerVersion(const QString &version);
    // Reads the external services' endpoints again (the palette's Services
    // group, the inspector's endpoint list) unless a read is on its way,
    // and asks the service nodes' interfaces anew: open() and restore() do
    // it. Later changes of services and components reach the editor
    // through its CatalogueSource's own /ws/events stream.
    void refreshServices();
    // Another part of the console renamed the flow.
    void setFlowName(const QString &name);
    // Delay between the last edit and the autosave (default 1 s).
    void setAutosaveDelay(int ms) { m_autosaveTimer.setInterval(ms); }
    // Writes the autosave now (when there are unsaved changes).
    void autosaveNow();

public slots:
    // Each ends in a banner message; `done` (save) tells whether it worked.
    void save(std::function<void(bool)> done = {});
    void publish();
    void run();
    void share();
    void webhook();
    void exportToFile();

signals:
    void backRequested();
    // A Run started (or queued) an execution.
    void executionStarted(const QString &executionId);
    // The flow changed on the server (saved, published, renamed): the list
    // reads it again.
    void flowChanged(const QString &flowId);
    void modifiedChanged(bool modified);
    // Loading, saving, publishing or triggering ended.
    void idle();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class View
    {
        Loading,
        Failed,
        Editor,
        Version
    };
    QAction *makeAction(const QString &name, const QList<QKeySequence> &shortcuts);
    void retranslate();
    void updateActions();
    void updateHeader();
    void setView(View view);
    // Attaches the models to the client's CatalogueSource.
    void attachCatalogue();
    void catalogueChanged();
    void forgetVersionInterfaces();
    void fetchFlow(std::optional<FlowAutosave::Entry> restoring, bool ask);
    void showFlow(const client::FlowDetail &detail, std::optional<FlowAutosave::Entry> restoring,
                  bool ask);
    void applyAutosave(const FlowAutosave::Entry &entry);
    void sendSave(bool asNewVersion, std::function<void(bool)> done);
    void resolveConflict(std::function<void(bool)> done);
    void showProblems(const hm::Error &error);
    // The problems a draft was stored with (a save's answer, GET's latest
    // version) in the Problems dock; none: the server's are cleared.
    void showStoredProblems(const QJsonArray &problems);
    // The banner under the header (widgets/MessageLine): what an action
    // did passes after a while; a note (a state that still holds) and an
    // error stay until the next banner. Either follows the language.
    enum class Banner
    {
        Done,
        Note,
        Error,
    };
    void setBanner(std::function<QString()> text, Banner tone = Banner::Done);
    void clearBanner();
    void showFailure();
    void scheduleAutosave();
    void finishBusy();
    void reloadVersions();
    void updateVersionActions();
    QString cannotEditReason() const;
    QString cannotRunReason() const;
    QString cannotShareReason() const;

    QPointer<client::ApiClient> m_client;
    FlowAutosave m_autosave;
    FlowGraphModel *m_model;
    FlowEditorWidget *m_editor;
    QHash<QString, QAction *> m_actions;

    QString m_flowId;
    QString m_flowName;
    QString m_description;
    QString m_baseVersion;
    QString m_latestVersion;
    QString m_publishedVersion;
    QString m_permission;
    QString m_role;
    QString m_lastExecutionId;
    hm::Error m_loadError;
    bool m_loadErrorIsLocal = false;
    quint64 m_generation = 0; // answers for a flow no longer shown are dropped
    bool m_loading = false;
    bool m_saving = false;
    bool m_publishing = false;
    bool m_triggering = false;
    bool m_wasModified = false;
    QTimer m_autosaveTimer;

    QStackedWidget *m_stack;
    QToolButton *m_back;
    QLabel *m_title;
    QLabel *m_version;
    QToolBar *m_toolBar;
    QLabel *m_banner;
    MessageLine *m_bannerLine = nullptr;
    QLabel *m_loadingText;
    QLabel *m_failedText;
    QPushButton *m_retry;
    FlowVersionsModel *m_versions;
    FlowVersionViewer *m_versionViewer;
    QDockWidget *m_versionsDock;
    QTableView *m_versionsList;
    QLabel *m_versionsState;
    QPushButton *m_openVersion;
    QPushButton *m_compareVersions;
};

} // namespace hm::app
