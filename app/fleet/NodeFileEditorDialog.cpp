#include "fleet/NodeFileEditorDialog.h"

#include "client/ApiError.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/ByteSizeText.h"
#include "widgets/MessageBox.h"
#include "widgets/Retranslate.h"
#include "widgets/ServerErrorText.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hm::app {

NodeFileEditorDialog::NodeFileEditorDialog(client::ApiClient *client, const QString &nodeId,
                                           const QString &root, const QString &path, bool readOnly,
                                           QWidget *parent)
    : QDialog(parent), m_client(client), m_nodeId(nodeId), m_root(root), m_path(path),
      m_readOnly(readOnly)
{
    setObjectName(QStringLiteral("nodes.files.editor"));
    resize(820, 600);
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("nodes.files.editorTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_conflictBar = new QWidget(this);
    m_conflictBar->setObjectName(QStringLiteral("nodes.files.editorConflict"));
    auto *bar = new QHBoxLayout(m_conflictBar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_conflictText = new QLabel(m_conflictBar);
    m_conflictText->setObjectName(QStringLiteral("nodes.files.editorConflictText"));
    m_conflictText->setWordWrap(true);
    // The console's warning banner: the save did not happen.
    m_conflictText->setProperty("hmStyle", QStringLiteral("banner"));
    m_conflictText->setProperty("tone", QStringLiteral("bad"));
    m_conflictText->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(m_conflictText, 1);
    m_reload = new QPushButton(m_conflictBar);
    m_reload->setObjectName(QStringLiteral("nodes.files.editorReload"));
    bar->addWidget(m_reload);
    m_overwrite = new QPushButton(m_conflictBar);
    m_overwrite->setObjectName(QStringLiteral("nodes.files.editorOverwrite"));
    bar->addWidget(m_overwrite);
    m_conflictBar->hide();
    layout->addWidget(m_conflictBar);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("nodes.files.editorText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setReadOnly(readOnly);
    layout->addWidget(m_text, 1);

    auto *bottom = new QHBoxLayout();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("nodes.files.editorStatus"));
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    m_buttons = new QDialogButtonBox(this);
    // Read only: no Save at all (a button box shows its buttons again when
    // it lays them out).
    if (readOnly) {
        m_save = new QPushButton(this);
        m_save->hide();
    } else {
        m_save = m_buttons->addButton(QDialogButtonBox::Save);
    }
    m_save->setObjectName(QStringLiteral("nodes.files.editorSave"));
    m_buttons->addButton(QDialogButtonBox::Close)
        ->setObjectName(QStringLiteral("nodes.files.editorClose"));
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);

    connect(m_save, &QPushButton::clicked, this, &NodeFileEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NodeFileEditorDialog::reject);
    connect(m_reload, &QPushButton::clicked, this, &NodeFileEditorDialog::reload);
    connect(m_overwrite, &QPushButton::clicked, this, &NodeFileEditorDialog::overwrite);
    connect(m_text, &QPlainTextEdit::modificationChanged, this, &NodeFileEditorDialog::showState);
    retranslateUi();
    load(false);
}

void NodeFileEditorDialog::load(bool keepText)
{
    if (!m_client)
        return;
    m_busy = true;
    m_error.reset();
    showState();
    client::RemoteApi(*m_client).readTextFile(
        m_nodeId, m_root, m_path,
        client::within(this, [this, keepText](Result<client::FileText> r) {
            m_busy = false;
            if (!r) {
                m_error = r.error();
                showState();
                return;
            }
            m_version = r.value().version;
            if (keepText) {
                // Overwrite: the node's version, this text.
                write(m_version);
                return;
            }
            m_loaded = true;
            m_conflict = false;
            m_text->setPlainText(r.value().content);
            m_text->document()->setModified(false);
            showState();
        }));
}

void NodeFileEditorDialog::save()
{
    if (!m_loaded || m_busy || m_readOnly || m_conflict)
        return;
    write(m_version);
}

void NodeFileEditorDialog::write(const QString &version)
{
    m_busy = true;
    m_error.reset();
    showState();
    client::RemoteApi(*m_client).saveTextFile(
        m_nodeId, m_root, m_path, m_text->toPlainText(), version,
        client::within(this, [this](Result<client::FileSaved> r) {
            m_busy = false;
            if (!r) {
                if (r.error().code == ErrorCode::Conflict)
                    m_conflict = true;
                else
                    m_error = r.error();
                showState();
                return;
            }
            m_conflict = false;
            m_saved = true;
            m_version = r.value().version;
            m_text->document()->setModified(false);
            showState();
            emit saved(m_version);
            accept();
        }));
}

void NodeFileEditorDialog::reload()
{
    if (m_busy)
        return;
    m_conflict = false;
    load(false);
}

void NodeFileEditorDialog::overwrite()
{
    if (m_busy || m_readOnly)
        return;
    m_conflict = false;
    // The node's current version first, then this text over it.
    load(true);
}

void NodeFileEditorDialog::reject()
{
    if (m_text->document()->isModified() && !m_readOnly &&
        !MessageBox::confirm(this, tr("Discard changes"),
                             tr("Close without saving your changes to \"%1\"?").arg(m_path),
                             tr("Discard"), QStringLiteral("nodes.files.editorDiscard"),
                             MessageBox::Confirm::Destructive))
        return;
    QDialog::reject();
}

void NodeFileEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        widgets::retranslateNowAndAfterChildren(this, [this] { retranslateUi(); });
    QDialog::changeEvent(event);
}

void NodeFileEditorDialog::retranslateUi()
{
    setWindowTitle(m_readOnly ? tr("View file") : tr("Edit file"));
    const QString where =
        m_root.endsWith(u'/') ? QString(m_root + m_path) : QString(m_root + u'/' + m_path);
    m_title->setText(m_readOnly ? tr("%1 (read only)").arg(where) : where);
    m_conflictText->setText(tr("This file changed on the node since you opened it. Reload "
                               "its current text (your changes are lost) or overwrite it "
                               "with yours?"));
    m_reload->setText(tr("Reload"));
    m_overwrite->setText(tr("Overwrite"));
    showState();
}

bool NodeFileEditorDialog::isTooLarge(const hm::Error &error)
{
    return error.details.value(QStringLiteral("code")).toString() == QLatin1String("TOO_LARGE") ||
           error.details.value(QStringLiteral("reason")).toString() == QLatin1String("TOO_LARGE");
}

void NodeFileEditorDialog::showState()
{
    QString status;
    if (m_busy)
        status = m_loaded ? tr("Saving...") : tr("Reading the file...");
    else if (m_error && !m_loaded && isTooLarge(*m_error))
        status = tr("The file could not be opened: it is larger than %1, the most the editor "
                    "opens. Download it instead.")
                     .arg(ByteSizeText::format(kMaxTextBytes));
    else if (m_error)
        status =
            m_loaded
                ? tr("Not saved. %1").arg(describeApiErrorSentence(*m_error))
                : tr("The file could not be opened. %1").arg(describeApiErrorSentence(*m_error));
    else if (m_loaded && m_text->document()->isModified())
        status = tr("Changed");
    m_status->setText(status);
    m_status->setProperty("tone", m_error ? QStringLiteral("bad") : QString());
    m_conflictBar->setVisible(m_conflict);
    m_overwrite->setVisible(!m_readOnly);
    m_text->setEnabled(m_loaded);
    m_save->setEnabled(m_loaded && !m_busy && !m_conflict && !m_readOnly);
}

} // namespace hm::app
