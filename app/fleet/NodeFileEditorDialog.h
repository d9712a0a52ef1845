#pragma once

#include "client/RemoteFileTypes.h"
#include "common/Error.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// "Edit" on a node's text file: reads it (UTF-8, at most 4 MiB), edits it
// as plain text and saves it with the version it read, so a save never
// overwrites a change made on the node meanwhile. When the file did change
// (CONFLICT) the dialog says so and offers Reload (the node's text, the
// edit dropped) or Overwrite (this text over the node's). Saving closes it
// (Accepted). Read-only roots open it for reading only. Opened through
// DialogSeam. Named `nodes.files.editor*`.
class NodeFileEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    NodeFileEditorDialog(client::ApiClient *client, const QString &nodeId, const QString &root,
                         const QString &path, bool readOnly, QWidget *parent = nullptr);

    // The most the server reads for editing (docs/api.md "Node files"):
    // a larger file is offered for download only.
    static constexpr qint64 kMaxTextBytes = 4 * 1024 * 1024;

    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }
    bool hasConflict() const { return m_conflict; }
    QString version() const { return m_version; }

public slots:
    void save();
    void reload();
    void overwrite();
    void reject() override;

signals:
    // The file was written on the node (its new version).
    void saved(const QString &version);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The server refused to read the file for its size.
    static bool isTooLarge(const hm::Error &error);
    void load(bool keepText);
    void write(const QString &version);
    void retranslateUi();
    void showState();

    QPointer<client::ApiClient> m_client;
    QString m_nodeId;
    QString m_root;
    QString m_path;
    bool m_readOnly = false;
    QString m_version;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_conflict = false;
    bool m_saved = false;
    std::optional<hm::Error> m_error;
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QWidget *m_conflictBar = nullptr;
    QLabel *m_conflictText = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_overwrite = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace hm::app
