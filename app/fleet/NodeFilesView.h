#pragma once

#include "client/NodeTypes.h"
#include "client/RemoteFileTypes.h"
#include "common/Error.h"
#include "widgets/MessageLine.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace hm::client {
class ApiClient;
class FileTransfer;
} // namespace hm::client

namespace hm::app {

class NodeFileModel;
class NodeFileTransferBar;
class SectionEmptyState;

// Node detail, "Files" (issue 38): the directories the node's agent lets
// callers reach (its --files-root roots), browsed through the server. A
// root selector, a breadcrumb of the path (each part goes there), Up and
// Refresh; the listing (name with a type icon, size, modified, mode),
// double-click (or Enter) enters a folder or edits a file. Actions on the selection: New folder,
// Rename, Delete (confirmed), Download (a save dialog, then FileTransfer
// with progress), Upload (an open dialog; replacing a file is confirmed;
// chunked, cancellable, resumable) and Edit for text files
// (NodeFileEditorDialog, saved with the version it read). A read-only root
// (`:ro`) turns off everything that writes; Edit then only views. Dialogs
// go through DialogSeam and MessageBox. It reads only while visible and
// the node is online; failures show in words (ServerErrorText), the
// node-wide ones (offline, not allowed, no roots) as an empty state.
// Named `nodes.files*`.
class NodeFilesView final : public QWidget
{
    Q_OBJECT

public:
    explicit NodeFilesView(QWidget *parent = nullptr);
    ~NodeFilesView() override;

    void setClient(client::ApiClient *client);
    // Null: no node. The same node with another status only reads again.
    void setNode(const client::NodeRow *node);

    NodeFileModel *model() const { return m_model; }
    QString currentRoot() const { return m_root; }
    QString currentPath() const { return m_path; }
    bool isReadOnly() const;
    bool isLoading() const { return m_inFlight; }
    // How many listings arrived (tests wait for a fresh one).
    int answers() const { return m_answers; }
    // The last upload or download (null before the first).
    client::FileTransfer *transfer() const { return m_transfer; }
    // For tests: chunk size of the next transfers.
    void setTransferChunkSize(qint64 bytes) { m_chunkSize = bytes; }

public slots:
    void reload();
    void goUp();
    // `path` relative to the current root ("" is the root).
    void openPath(const QString &path);
    void newFolder();
    void renameSelected();
    void deleteSelected();
    void downloadSelected();
    void upload();
    void editSelected();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    bool isOnline() const;
    void readRoots();
    void listDirectory();
    void showRoots();
    void showCrumbs();
    void retranslateUi();
    void showState();
    // The message line: made from a text function, so a language change
    // says it again in the new language.
    void showMessage(MessageLine::Text text, const QString &tone);
    void clearMessage();
    static QString tooLargeToEditText();
    void updateActions();
    const client::FileEntry *selectedEntry() const;
    QString childPath(const QString &name) const;
    void selectName(const QString &name);
    // An answer to an action: said on the message line, then the listing
    // read again with `select` selected.
    // `failed` takes the error's description.
    void actionDone(const Result<void> &result, MessageLine::Text done,
                    std::function<QString(const QString &error)> failed, const QString &select);
    void startTransfer(client::FileTransfer *transfer);

    QPointer<client::ApiClient> m_client;
    std::optional<client::NodeRow> m_node;
    QList<client::FileRoot> m_roots;
    QString m_root;
    QString m_path;
    QString m_selectAfter; // the name to select once the listing arrives
    NodeFileModel *m_model = nullptr;
    QLabel *m_rootLabel = nullptr;
    QComboBox *m_rootBox = nullptr;
    QWidget *m_crumbs = nullptr;
    QHBoxLayout *m_crumbLayout = nullptr;
    QToolButton *m_up = nullptr;
    QToolButton *m_refresh = nullptr;
    QPushButton *m_newFolder = nullptr;
    QPushButton *m_upload = nullptr;
    QPushButton *m_download = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QWidget *m_messageRow = nullptr; // the message and its Dismiss
    QLabel *m_message = nullptr;
    QPushButton *m_dismissMessage = nullptr;
    MessageLine *m_messageLine = nullptr;
    NodeFileTransferBar *m_transferBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_view = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QLabel *m_status = nullptr;
    std::optional<hm::Error> m_error; // the last read's failure
    bool m_rootsLoaded = false;
    bool m_loaded = false;
    bool m_truncated = false;
    bool m_inFlight = false;
    int m_answers = 0;
    quint64 m_generation = 0;
    client::FileTransfer *m_transfer = nullptr;
    qint64 m_chunkSize = 0;
};

} // namespace hm::app
