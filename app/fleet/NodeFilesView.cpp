#include "fleet/NodeFilesView.h"

#include "client/FileTransfer.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "fleet/NodeFileEditorDialog.h"
#include "fleet/NodeFileModel.h"
#include "fleet/NodeFileNameDialog.h"
#include "fleet/NodeFileTransferBar.h"
#include "fleet/NodeFileTransferTask.h"
#include "widgets/BackgroundTasks.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hm::app {

namespace {

void setFilesTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QString filesAgentReason(const hm::Error &error)
{
    return error.details.value(QStringLiteral("code")).toString();
}

} // namespace

NodeFilesView::NodeFilesView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.files"));
    m_model = new NodeFileModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);

    // Where: the root, the path, Up and Refresh.
    auto *where = new QHBoxLayout();
    m_rootLabel = new QLabel(this);
    where->addWidget(m_rootLabel);
    m_rootBox = new QComboBox(this);
    m_rootBox->setObjectName(QStringLiteral("nodes.files.roots"));
    m_rootBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rootLabel->setBuddy(m_rootBox);
    where->addWidget(m_rootBox);
    m_crumbs = new QWidget(this);
    m_crumbs->setObjectName(QStringLiteral("nodes.files.path"));
    m_crumbLayout = new QHBoxLayout(m_crumbs);
    m_crumbLayout->setContentsMargins(0, 0, 0, 0);
    m_crumbLayout->setSpacing(0);
    where->addWidget(m_crumbs, 1);
    m_up = new QToolButton(this);
    m_up->setObjectName(QStringLiteral("nodes.files.up"));
    m_up->setIcon(style()->standardIcon(QStyle::SP_FileDialogToParent));
    m_up->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    where->addWidget(m_up);
    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(QStringLiteral("nodes.files.refresh"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    where->addWidget(m_refresh);
    layout->addLayout(where);

    // What: the actions on the folder and the selection.
    auto *actions = new QHBoxLayout();
    const auto button = [this, actions](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    m_newFolder = button("nodes.files.newFolder");
    m_upload = button("nodes.files.upload");
    m_download = button("nodes.files.download");
    m_edit = button("nodes.files.edit");
    m_rename = button("nodes.files.rename");
    m_delete = button("nodes.files.delete");
    actions->addStretch();
    layout->addLayout(actions);

    // Every message here stays until the next action or a change of place,
    // and may be dismissed before, as a finished transfer's line may.
    m_messageRow = new QWidget(this);
    auto *messageLayout = new QHBoxLayout(m_messageRow);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    m_message = new QLabel(m_messageRow);
    m_message->setObjectName(QStringLiteral("nodes.files.message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    messageLayout->addWidget(m_message, 1);
    m_dismissMessage = new QPushButton(m_messageRow);
    m_dismissMessage->setObjectName(QStringLiteral("nodes.files.messageDismiss"));
    messageLayout->addWidget(m_dismissMessage, 0, Qt::AlignTop);
    m_messageRow->hide();
    layout->addWidget(m_messageRow);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_messageRow->setVisible(!text.isEmpty());
    });
    connect(m_dismissMessage, &QPushButton::clicked, this, &NodeFilesView::clearMessage);
    m_transferBar = new NodeFileTransferBar(this);
    layout->addWidget(m_transferBar);

    m_stack = new QStackedWidget(this);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(QStringLiteral("nodes.files.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    alignHeaderLikeCells(m_view->horizontalHeader());
    m_view->horizontalHeader()->setSectionResizeMode(NodeFileModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_view->setColumnWidth(NodeFileModel::SizeColumn, 100);
    m_view->setColumnWidth(NodeFileModel::ModifiedColumn, 160);
    m_view->setColumnWidth(NodeFileModel::ModeColumn, 110);
    m_view->horizontalHeader()->setSortIndicator(NodeFileModel::NameColumn, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_stack->addWidget(m_view);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.files"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("nodes.files.status"));
    m_status->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_status);

    connect(m_rootBox, &QComboBox::activated, this, [this](int index) {
        const QString root = m_rootBox->itemData(index).toString();
        if (root == m_root)
            return;
        m_root = root;
        m_path.clear();
        clearMessage();
        listDirectory();
    });
    connect(m_up, &QToolButton::clicked, this, &NodeFilesView::goUp);
    connect(m_refresh, &QToolButton::clicked, this, &NodeFilesView::reload);
    connect(m_newFolder, &QPushButton::clicked, this, &NodeFilesView::newFolder);
    connect(m_upload, &QPushButton::clicked, this, &NodeFilesView::upload);
    connect(m_download, &QPushButton::clicked, this, &NodeFilesView::downloadSelected);
    connect(m_edit, &QPushButton::clicked, this, &NodeFilesView::editSelected);
    connect(m_rename, &QPushButton::clicked, this, &NodeFilesView::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &NodeFilesView::deleteSelected);
    // Double-click or Enter: a folder opens, a file opens in the editor.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const client::FileEntry *e = m_model->entry(index.row());
        if (e && e->isDirectory())
            openPath(childPath(e->name));
        else if (e && e->isFile() && !m_edit->isEnabled() && !m_edit->toolTip().isEmpty())
            // Too large to open: say so rather than doing nothing.
            showMessage(&NodeFilesView::tooLargeToEditText, QString());
        else if (e && e->isFile())
            editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodeFilesView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NodeFilesView::updateActions);
    connect(m_empty->action(), &QPushButton::clicked, this, &NodeFilesView::reload);
    // The file manager's keys: Delete, F2 (rename), Backspace (up).
    const auto key = [this](const QKeySequence &sequence, void (NodeFilesView::*slot)()) {
        auto *shortcut = new QShortcut(sequence, m_view);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(QKeySequence::Delete, &NodeFilesView::deleteSelected);
    key(QKeySequence(Qt::Key_F2), &NodeFilesView::renameSelected);
    key(QKeySequence(Qt::Key_Backspace), &NodeFilesView::goUp);
    retranslateUi();
}

NodeFilesView::~NodeFilesView() = default;

void NodeFilesView::setClient(client::ApiClient *client)
{
    m_client = client;
    setNode(nullptr);
}

bool NodeFilesView::isOnline() const
{
    return m_node && m_node->status == QLatin1String("online");
}

bool NodeFilesView::isReadOnly() const
{
    for (const client::FileRoot &root : m_roots)
        if (root.path == m_root)
            return root.readOnly;
    return true;
}

void NodeFilesView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    const bool wasOnline = isOnline();
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    if (!same) {
        ++m_generation;
        m_inFlight = false;
        m_rootsLoaded = false;
        m_loaded = false;
        m_roots.clear();
        m_root.clear();
        m_path.clear();
        m_error.reset();
        m_model->clear();
        showRoots();
        clearMessage();
    } else if (wasOnline == isOnline()) {
        return; // another field of the row (last seen, labels)
    }
    reload();
}

void NodeFilesView::reload()
{
    if (!m_client || !m_node || !isVisible() || !isOnline()) {
        showState();
        return;
    }
    if (!m_rootsLoaded)
        readRoots();
    else
        listDirectory();
}

void NodeFilesView::readRoots()
{
    const quint64 generation = ++m_generation;
    m_inFlight = true;
    showState();
    client::RemoteApi(*m_client).fileRoots(
        m_node->id, client::within(this, [this, generation](Result<QList<client::FileRoot>> r) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            if (!r) {
                ++m_answers;
                m_error = r.error();
                showState();
                return;
            }
            m_error.reset();
            m_rootsLoaded = true;
            m_roots = r.value();
            bool known = false;
            for (const client::FileRoot &root : m_roots)
                known = known || root.path == m_root;
            if (!known) {
                m_root = m_roots.isEmpty() ? QString() : m_roots.first().path;
                m_path.clear();
            }
            showRoots();
            if (m_root.isEmpty()) {
                ++m_answers;
                showState();
                return;
            }
            listDirectory();
        }));
}

void NodeFilesView::listDirectory()
{
    if (!m_client || !m_node || m_root.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString path = m_path;
    m_inFlight = true;
    showCrumbs();
    showState();
    client::RemoteApi(*m_client).listFiles(
        m_node->id, m_root, path,
        client::within(this, [this, generation](Result<client::FileListing> r) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            ++m_answers;
            if (!r) {
                m_error = r.error();
                // The roots may have changed with the agent's config.
                if (filesAgentReason(*m_error) == QLatin1String("UNKNOWN_ROOT"))
                    m_rootsLoaded = false;
                showState();
                return;
            }
            m_error.reset();
            m_loaded = true;
            m_truncated = r.value().truncated;
            m_model->setEntries(r.value().entries);
            if (!m_selectAfter.isEmpty()) {
                selectName(m_selectAfter);
                m_selectAfter.clear();
            }
            showState();
        }));
}

void NodeFilesView::openPath(const QString &path)
{
    // A change of place: the last message spoke of the folder left.
    clearMessage();
    m_path = path;
    m_loaded = false;
    m_model->clear();
    listDirectory();
}

void NodeFilesView::goUp()
{
    if (m_path.isEmpty())
        return;
    const qsizetype slash = m_path.lastIndexOf(u'/');
    const QString from = slash < 0 ? m_path : m_path.mid(slash + 1);
    m_selectAfter = from;
    openPath(slash < 0 ? QString() : m_path.left(slash));
}

QString NodeFilesView::childPath(const QString &name) const
{
    return m_path.isEmpty() ? name : QString(m_path + u'/' + name);
}

const client::FileEntry *NodeFilesView::selectedEntry() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->entry(rows.first().row());
}

void NodeFilesView::selectName(const QString &name)
{
    const int row = m_model->rowOfName(name);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void NodeFilesView::actionDone(const Result<void> &result, MessageLine::Text done,
                               std::function<QString(const QString &error)> failed,
                               const QString &select)
{
    if (result) {
        showMessage(std::move(done), QStringLiteral("good"));
        m_selectAfter = select;
    } else {
        // Refused: the entry is still there and stays selected (the
        // listing read again below would lose the selection).
        if (const client::FileEntry *e = selectedEntry())
            m_selectAfter = e->name;
        // The server's words stay; ours around them follow the language.
        showMessage([failed = std::move(failed),
                     error = result.error()] { return failed(describeApiError(error)); },
                    QStringLiteral("bad"));
    }
    listDirectory();
}

void NodeFilesView::newFolder()
{
    if (!m_client || !m_node || !m_newFolder->isEnabled())
        return;
    NodeFileNameDialog dialog(NodeFileNameDialog::Purpose::NewFolder, m_path, {}, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted ||
        !NodeFileNameDialog::problem(dialog.name()).isEmpty())
        return;
    const QString name = dialog.name();
    client::RemoteApi(*m_client).createDirectory(
        m_node->id, m_root, childPath(name), client::within(this, [this, name](Result<void> r) {
            actionDone(
                r, [name] { return tr("Created the folder \"%1\".").arg(name); },
                [name](const QString &error) {
                    return tr("The folder \"%1\" was not created: %2").arg(name, error);
                },
                name);
        }));
}

void NodeFilesView::renameSelected()
{
    const client::FileEntry *e = selectedEntry();
    if (!m_client || !m_node || !e || !m_rename->isEnabled())
        return;
    const QString from = e->name;
    NodeFileNameDialog dialog(NodeFileNameDialog::Purpose::Rename, m_path, from, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted ||
        !NodeFileNameDialog::problem(dialog.name()).isEmpty() || dialog.name() == from)
        return;
    const QString to = dialog.name();
    client::RemoteApi(*m_client).renameFile(
        m_node->id, m_root, childPath(from), childPath(to),
        client::within(this, [this, from, to](Result<void> r) {
            actionDone(
                r, [from, to] { return tr("Renamed \"%1\" to \"%2\".").arg(from, to); },
                [from](const QString &error) {
                    return tr("\"%1\" was not renamed: %2").arg(from, error);
                },
                to);
        }));
}

void NodeFilesView::deleteSelected()
{
    const client::FileEntry *e = selectedEntry();
    if (!m_client || !m_node || !e || !m_delete->isEnabled())
        return;
    const QString name = e->name;
    const bool folder = e->isDirectory();
    const QString question =
        folder ? tr("Delete the folder \"%1\" and everything in it from %2? This cannot be "
                    "undone.")
                     .arg(name, m_node->name)
               : tr("Delete \"%1\" from %2? This cannot be undone.").arg(name, m_node->name);
    if (!MessageBox::confirm(this, tr("Delete"), question, tr("Delete"),
                             QStringLiteral("nodes.files.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::RemoteApi(*m_client).deleteFile(
        m_node->id, m_root, childPath(name), folder,
        client::within(this, [this, name](Result<void> r) {
            actionDone(
                r, [name] { return tr("Deleted \"%1\".").arg(name); },
                [name](const QString &error) {
                    return tr("\"%1\" was not deleted: %2").arg(name, error);
                },
                {});
        }));
}

void NodeFilesView::downloadSelected()
{
    const client::FileEntry *e = selectedEntry();
    if (!m_client || !m_node || !e || !m_download->isEnabled())
        return;
    const QString name = e->name;
    QFileDialog dialog(this, tr("Download \"%1\"").arg(name));
    dialog.setObjectName(QStringLiteral("nodes.files.downloadDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    dialog.selectFile(name);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    auto *transfer = new client::FileTransfer(m_client, m_node->id, this);
    startTransfer(transfer);
    transfer->download(m_root, childPath(name), dialog.selectedFiles().constFirst());
}

void NodeFilesView::upload()
{
    if (!m_client || !m_node || !m_upload->isEnabled())
        return;
    QFileDialog dialog(
        this,
        tr("Upload a file to %1").arg(m_path.isEmpty() ? m_root : QString(m_root + u'/' + m_path)));
    dialog.setObjectName(QStringLiteral("nodes.files.uploadDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::HomeLocation));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString local = dialog.selectedFiles().constFirst();
    const QString name = QFileInfo(local).fileName();
    const int existing = m_model->rowOfName(name);
    bool overwrite = false;
    if (existing >= 0) {
        if (m_model->entry(existing)->isDirectory()) {
            showMessage(
                [name] {
                    return tr("\"%1\" is a folder here: rename or delete it first.").arg(name);
                },
                QStringLiteral("bad"));
            return;
        }
        if (!MessageBox::confirm(this, tr("Replace"),
                                 tr("\"%1\" already exists here. Replace it?").arg(name),
                                 tr("Replace"), QStringLiteral("nodes.files.confirmReplace"),
                                 MessageBox::Confirm::Destructive))
            return;
        overwrite = true;
    }
    auto *transfer = new client::FileTransfer(m_client, m_node->id, this);
    const QString folder = m_path;
    const QString root = m_root;
    connect(transfer, &client::FileTransfer::finished, this, [this, name, folder, root] {
        // Still looking at that folder: show the new file.
        if (m_root == root && m_path == folder) {
            m_selectAfter = name;
            listDirectory();
        }
    });
    startTransfer(transfer);
    transfer->upload(local, m_root, childPath(name), overwrite);
}

void NodeFilesView::startTransfer(client::FileTransfer *transfer)
{
    if (m_transfer && !m_transfer->isRunning())
        m_transfer->deleteLater();
    m_transfer = transfer;
    if (m_chunkSize > 0)
        transfer->setChunkSize(m_chunkSize);
    clearMessage();
    m_transferBar->follow(transfer);
    // Also in the status bar's task list, which outlives this tab.
    NodeFileTransferTask::track(transfer, BackgroundTasks::of(this),
                                m_node ? m_node->name : QString());
    connect(transfer, &client::FileTransfer::stateChanged, this, &NodeFilesView::updateActions);
    updateActions();
}

void NodeFilesView::editSelected()
{
    const client::FileEntry *e = selectedEntry();
    if (!m_client || !m_node || !e || !m_edit->isEnabled())
        return;
    const QString name = e->name;
    NodeFileEditorDialog dialog(m_client, m_node->id, m_root, childPath(name), isReadOnly(), this);
    bool saved = false;
    connect(&dialog, &NodeFileEditorDialog::saved, this, [&saved] { saved = true; });
    DialogSeam::exec(&dialog);
    if (saved) {
        showMessage([name] { return tr("Saved \"%1\".").arg(name); }, QStringLiteral("good"));
        m_selectAfter = name;
        listDirectory();
    }
}

void NodeFilesView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeFilesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded && !m_inFlight)
        reload();
}

void NodeFilesView::retranslateUi()
{
    m_rootLabel->setText(tr("&Root:"));
    m_up->setText(tr("Up"));
    m_up->setToolTip(tr("The folder that holds this one"));
    m_refresh->setText(tr("Refresh"));
    m_newFolder->setText(tr("New folder..."));
    m_upload->setText(tr("Upload..."));
    m_download->setText(tr("Download..."));
    m_rename->setText(tr("Rename..."));
    m_dismissMessage->setText(tr("Dismiss"));
    m_delete->setText(tr("Delete..."));
    showRoots();
    showState();
}

void NodeFilesView::showRoots()
{
    m_rootBox->clear();
    for (const client::FileRoot &root : m_roots)
        m_rootBox->addItem(root.readOnly ? tr("%1 (read only)").arg(root.path) : root.path,
                           root.path);
    m_rootBox->setCurrentIndex(m_rootBox->findData(m_root));
    showCrumbs();
}

void NodeFilesView::showCrumbs()
{
    while (QLayoutItem *item = m_crumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_root.isEmpty())
        return;
    // The root's own name, then each folder: a click goes there.
    QStringList parts = m_path.isEmpty() ? QStringList() : m_path.split(u'/');
    const auto crumb = [this](int index, const QString &text, const QString &path, bool here) {
        auto *b = new QToolButton(m_crumbs);
        b->setObjectName(QStringLiteral("nodes.files.crumb%1").arg(index));
        b->setText(text);
        b->setAutoRaise(true);
        // Where we are reads in bold; a click on it reads the folder again.
        QFont font = b->font();
        font.setBold(here);
        b->setFont(font);
        b->setToolTip(path.isEmpty() ? m_root : QString(m_root + u'/' + path));
        connect(b, &QToolButton::clicked, this, [this, path] { openPath(path); });
        m_crumbLayout->addWidget(b);
    };
    const QString rootName = QFileInfo(m_root).fileName();
    crumb(0, rootName.isEmpty() ? m_root : rootName, {}, parts.isEmpty());
    QString path;
    for (int i = 0; i < parts.size(); ++i) {
        auto *sep = new QLabel(QStringLiteral("›"), m_crumbs);
        sep->setProperty("hmStyle", QStringLiteral("muted"));
        m_crumbLayout->addWidget(sep);
        path = path.isEmpty() ? parts.at(i) : QString(path + u'/' + parts.at(i));
        crumb(i + 1, parts.at(i), path, i == parts.size() - 1);
    }
    m_crumbLayout->addStretch();
}

void NodeFilesView::showMessage(MessageLine::Text text, const QString &tone)
{
    setFilesTone(m_message, tone);
    // Lasting: it stays until the next action or a change of place.
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeFilesView::clearMessage()
{
    m_messageLine->clear();
}

QString NodeFilesView::tooLargeToEditText()
{
    return tr("This file is larger than %1, the most the editor opens. Download it instead.")
        .arg(ByteSizeText::format(NodeFileEditorDialog::kMaxTextBytes));
}

void NodeFilesView::updateActions()
{
    const client::FileEntry *e = selectedEntry();
    const bool usable = m_client && isOnline() && !m_root.isEmpty() && m_loaded && !m_error;
    const bool writable = usable && !isReadOnly();
    const bool moving = m_transfer && (m_transfer->isRunning() || m_transfer->canResume());
    m_newFolder->setEnabled(writable);
    m_upload->setEnabled(writable && !moving);
    m_download->setEnabled(usable && e && e->isFile() && !moving);
    const bool tooLarge = e && e->isFile() && e->size > NodeFileEditorDialog::kMaxTextBytes;
    m_edit->setEnabled(usable && e && e->isFile() && !tooLarge);
    m_edit->setText(writable || !usable ? tr("Edit...") : tr("View..."));
    m_edit->setToolTip(usable && tooLarge ? tooLargeToEditText() : QString());
    m_rename->setEnabled(writable && e);
    m_delete->setEnabled(writable && e);
    const QString readOnly = tr("This root is read only on the node.");
    for (QPushButton *b : {m_newFolder, m_upload, m_rename, m_delete})
        b->setToolTip(usable && !writable ? readOnly : QString());
    m_up->setEnabled(!m_root.isEmpty() && !m_path.isEmpty());
}

void NodeFilesView::showState()
{
    const ErrorCode code = m_error ? m_error->code : ErrorCode::InternalError;
    const QString reason = m_error ? filesAgentReason(*m_error) : QString();
    SectionEmptyState::Content content;
    // Whether the path bar makes sense (a node-wide state hides it).
    bool tools = false;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to see its files.");
    } else if (!isOnline()) {
        content.title = tr("The node is offline");
        content.text = tr("Its files are read through its agent: they show here when the agent "
                          "connects again.");
    } else if (m_error && code == ErrorCode::CapabilityDisabled) {
        content.title = tr("This node's agent does not allow files");
        content.text = tr("Its configuration does not grant \"files\". Add it to the agent's "
                          "capabilities on the machine (--allow files --files-root DIR) to "
                          "browse its files here.");
    } else if (m_error && reason == QLatin1String("NO_FILE_ROOTS")) {
        content.title = tr("This node's agent shares no folders");
        content.text = tr("Name the folders it may reach with --files-root DIR (add :ro for "
                          "read only) in the agent's configuration.");
    } else if (m_error && code == ErrorCode::Forbidden && !m_rootsLoaded) {
        content.title = tr("You may not see this node's files");
        content.text = tr("An administrator can grant you \"files\" on this node or one of its "
                          "labels under Users → Node grants.");
    } else if (m_rootsLoaded && m_roots.isEmpty()) {
        content.title = tr("This node's agent shares no folders");
        content.text = tr("Name the folders it may reach with --files-root DIR (add :ro for "
                          "read only) in the agent's configuration.");
    } else if (m_error) {
        tools = m_rootsLoaded;
        content.title = tr("This folder could not be read");
        content.text = describeApiErrorSentence(*m_error);
        content.details = serverErrorDetail(m_error->codeName(), m_error->message);
        content.action = tr("Retry");
    } else if (!m_loaded || (m_inFlight && m_model->rowCount() == 0)) {
        tools = m_rootsLoaded;
        content.title = tr("Reading the folder...");
        content.busy = true;
    } else if (m_model->entryCount() == 0) {
        tools = true;
        content.title = tr("This folder is empty");
        content.text = isReadOnly() ? tr("It is read only: nothing can be added here.")
                                    : tr("Upload a file or create a folder to fill it.");
    } else {
        tools = true;
    }
    const bool showList = content.title.isEmpty();
    if (!showList)
        m_empty->setContent(content);
    m_stack->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_empty);
    for (QWidget *w : std::initializer_list<QWidget *>{m_rootLabel, m_rootBox, m_crumbs, m_up,
                                                       m_refresh, m_newFolder, m_upload, m_download,
                                                       m_edit, m_rename, m_delete})
        w->setVisible(tools);

    QString status;
    if (showList) {
        const QString count = QLocale().toString(m_model->entryCount());
        status = m_truncated ? tr("%1 items (the agent lists at most 10,000)").arg(count)
                             : tr("%1 items").arg(count);
        if (isReadOnly())
            status = tr("%1 · read only").arg(status);
    }
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    updateActions();
}

} // namespace hm::app
